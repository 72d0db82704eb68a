// A utility company's own works, each editable in place: change its kind and dates (reschedule)
// or withdraw it. Writes are versioned: the work is read with its ETag and replaced with
// If-Match, so a change someone made meanwhile is refused (412) instead of overwritten.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { el, showError } from '../ui.js';
import { utilityColour } from '../layers.js';

const KINDS = ['new', 'replace', 'repair', 'remove'];
/** Statuses a work can still be changed or withdrawn in (the utility's own plans, not history). */
const OPEN = ['draft', 'proposed', 'submitted', 'approved', 'refused'];

const value = (key, v) => {
  const k = `value.${key}.${v}`;
  const text = t(k);
  return text === k ? v : text;
};

/** The list: a click zooms to the work; open works have "edit" and "withdraw". */
export function ownWorksList(works, { onZoom, onChanged }) {
  return el('ul', { class: 'list', id: 'own-works' }, works.map(f => {
    const p = f.properties;
    const line = el('div', {}, el('span', { class: 'tag', style: `border-left:6px solid ${utilityColour(p.utility)}` },
      value('utility', p.utility)), `#${f.id} ${value('kind', p.kind)} · ${value('status', p.status)} · `
      + `${p.start_date} – ${p.end_date}`);
    const li = el('li', { tabIndex: 0, dataset: { work: f.id }, onclick: () => onZoom(f) }, line);
    if (OPEN.includes(p.status)) {
      li.append(el('div', { class: 'controls' },
        el('button', { type: 'button', class: 'secondary edit-work', onclick: e => { e.stopPropagation(); edit(li, f, onChanged); } },
          t('utility.editWork')),
        el('button', { type: 'button', class: 'danger withdraw-work', onclick: e => { e.stopPropagation(); withdraw(li, f, e.target, onChanged); } },
          t('utility.withdraw'))));
    }
    return li;
  }));
}

function edit(li, f, onChanged) {
  li.querySelector('.work-form')?.remove();
  const p = f.properties;
  const kind = el('select', { class: 'work-kind' }, KINDS.map(k => el('option', { value: k, selected: k === p.kind }, value('kind', k))));
  const start = el('input', { type: 'date', class: 'work-start', value: p.start_date });
  const end = el('input', { type: 'date', class: 'work-end', value: p.end_date });
  const message = el('p', { class: 'message', hidden: true });
  const form = el('div', { class: 'work-form form', onclick: e => e.stopPropagation() },
    el('label', {}, t('field.kind')), kind, el('label', {}, t('field.start_date')), start,
    el('label', {}, t('field.end_date')), end,
    el('span', {}), el('button', { type: 'button', class: 'save-work', onclick: async () => {
      try {
        await replace(f.id, props => ({ ...props, kind: kind.value, start_date: start.value, end_date: end.value }));
        await onChanged(t('utility.workChanged', { id: f.id }));
      } catch (e) {
        showError(message, e);
      }
    } }, t('utility.saveWork')), message);
  li.append(form);
}

async function withdraw(li, f, button, onChanged) {
  // Two clicks, inside the panel: the first asks, the second withdraws.
  if (!button.dataset.confirm) {
    button.dataset.confirm = 'true';
    button.textContent = t('utility.confirmWithdraw');
    return;
  }
  const message = li.querySelector('.message') || li.appendChild(el('p', { class: 'message', hidden: true }));
  try {
    // The works lifecycle names it `withdrawn`; a service without that status knows `cancelled`.
    try {
      await replace(f.id, props => ({ ...props, status: 'withdrawn' }));
    } catch (e) {
      if (e.status !== 400 && e.status !== 422) throw e;
      await replace(f.id, props => ({ ...props, status: 'cancelled' }));
    }
    await onChanged(t('utility.workWithdrawn', { id: f.id }));
  } catch (e) {
    showError(message, e);
  }
}

/** Reads the work with its version and replaces it with If-Match (412 if it changed meanwhile). */
async function replace(id, change) {
  const { data, etag } = await api(`/api/works/${id}`);
  const body = { type: 'Feature', geometry: data.geometry, properties: change(data.properties) };
  return api(`/api/works/${id}`, { method: 'PUT', body, headers: { 'If-Match': etag } });
}

