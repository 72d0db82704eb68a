// A feature's history in the feature panel (issue 13 item 4, issue 18 item 6): who changed what
// and when, from the audit trail (GET /api/history/{layer}/{id}, signed-in users). Each entry
// gives its time in the page's language, the actor, the action as a word and the changed
// properties with their field names and values as the attribute panel shows them.
import { api } from './api.js';
import { currentLang, has, t } from './i18n.js';
import { display } from './feature.js';
import { el, showError } from './ui.js';

/** The layers whose history the service keeps (history/HistoryService.SUBJECTS). */
const SUBJECTS = new Set(['works', 'pipelines', 'communities', 'districts', 'facilities', 'streets']);

/** A "history" button under the attributes that lists the feature's changes; null if none kept. */
export function historyButton(layerId, featureId, user) {
  if (!user || !SUBJECTS.has(layerId) || !(featureId > 0)) return null;
  const box = el('div', { id: 'feature-history', class: 'feature-history' });
  const button = el('button', { type: 'button', id: 'history-show',
    onclick: () => load(layerId, featureId, box, button) }, t('history.show'));
  box.append(button);
  return box;
}

async function load(layerId, id, box, button) {
  button.disabled = true;
  const line = el('p', { class: 'history-line' });
  try {
    const { data } = await api(`/api/history/${layerId}/${id}`);
    const list = el('ol', { class: 'history-list' }, data.entries.slice().reverse().map(entry));
    box.replaceChildren(el('h3', {}, t('history.title')), list, line);
    line.textContent = data.entries.length ? t('history.importNote') : t('history.none');
  } catch (e) {
    box.append(line);
    showError(line, e);
    button.disabled = false;
  }
}

function entry(e) {
  const when = new Date(e.at).toLocaleString(currentLang(),
    { dateStyle: 'medium', timeStyle: 'short' });
  const action = has(`history.action.${e.action}`) ? t(`history.action.${e.action}`)
    : t('history.action.other');
  const changes = (e.changes || []).map(c => el('li', {},
    t('history.change', { field: has(`field.${c.property}`) ? t(`field.${c.property}`) : c.property,
      before: value(c.property, c.before), after: value(c.property, c.after) })));
  return el('li', { dataset: { action: e.action } },
    el('b', {}, `${when} · ${e.actor || t('history.system')} · ${action}`),
    changes.length ? el('ul', {}, changes) : null);
}

function value(property, v) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object') return JSON.stringify(v).slice(0, 60);
  return display(property, v);
}
