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
