// Messages: one bundle per language in /i18n, Chinese first. Every label on the page comes from
// here; MessageBundlesTest keeps the bundles' keys in sync.
const LANGS = ['zh-CN', 'en'];
let messages = {};
let lang = localStorage.getItem('jointworks.lang') || 'zh-CN';

export function currentLang() {
  return lang;
}

export async function loadMessages(wanted = lang) {
  lang = LANGS.includes(wanted) ? wanted : 'zh-CN';
  const res = await fetch(`/i18n/${lang}.json`);
  messages = await res.json();
  document.documentElement.lang = lang;
  return messages;
}

export async function switchLang() {
  const next = lang === 'zh-CN' ? 'en' : 'zh-CN';
  localStorage.setItem('jointworks.lang', next);
  await loadMessages(next);
}

/** The message for key, with {name} placeholders filled from params; the key itself if missing. */
export function t(key, params = {}) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => params[name] ?? '');
}

export function applyMessages(root) {
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(el => {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  });
  root.querySelectorAll('[data-i18n-title]').forEach(el => { el.title = t(el.dataset.i18nTitle); });
}

/** Numbers as the language writes them (22,149; 213.91). */
export function num(value, digits = 0) {
  if (value === null || value === undefined) return '–';
  return Number(value).toLocaleString(lang, { maximumFractionDigits: digits });
}

/** A year as a year (1988), never a grouped number (1,988). */
export function year(value) {
  return value === null || value === undefined ? '–' : String(Math.trunc(Number(value)));
}

/** The translation of a code's value (`value.utility.gas` → 燃气); the value itself when unknown. */
export function valueName(key, value) {
  const k = `value.${key}.${value}`;
  return k in messages ? t(k) : String(value);
}

/** True when the bundle has the key (so a caller can fall back without showing the key). */
export function has(key) {
  return key in messages;
}

/**
 * A refusal in the user's language, from its problem+json `code` and `args` (never its English
 * `detail`): `error.<code>` with the args as placeholders, else the status's generic sentence.
 * Per-item `errors` ("end_date: … before start_date …") are listed with translated field names.
 */
export function problemText(status, problem) {
  const code = problem?.code;
  const args = problem?.args || {};
  let text;
  if (code && has(`error.${code}`)) text = t(`error.${code}`, args);
  else if (has(`error.status.${status}`)) text = t(`error.status.${status}`);
  else text = t('error.unknown', { status });
  const items = (problem?.errors || []).map(itemText).filter(Boolean);
  return items.length ? `${text}：${items.join('；')}` : text;
}

/** "field: message" from the service's validation lists, with the field and the usual words translated. */
function itemText(item) {
  const raw = typeof item === 'string' ? item
    : item?.problems ? `#${item.index + 1} ${item.problems.join(', ')}` : item?.message || JSON.stringify(item);
  const m = /^([a-z_]+): (.*)$/.exec(raw);
  if (!m) return raw;
  const [, field, rest] = m;
  const name = has(`field.${field}`) ? t(`field.${field}`) : field;
  const before = /^(\S+) is before (\w+) (\S+)$/.exec(rest);
  if (rest === 'required') return t('error.item.required', { field: name });
  if (before) {
    return t('error.item.before', { field: name, value: before[1],
      other: has(`field.${before[2]}`) ? t(`field.${before[2]}`) : before[2], otherValue: before[3] });
  }
  return `${name} ${rest}`;
}
