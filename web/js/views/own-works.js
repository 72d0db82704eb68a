// A utility company's own works, each editable in place: change its kind and dates (reschedule)
// or withdraw it. Writes are versioned: the work is read with its ETag and replaced with
// If-Match, so a change someone made meanwhile is refused (412) instead of overwritten.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { el, showError } from '../ui.js';
import { utilityColour } from '../layers.js';

const KINDS = ['new', 'replace', 'repair', 'remove'];
/** Statuses the utility may still change a work in (permits/Step.EDITABLE): an open application. */
const OPEN = ['draft', 'submitted', 'refused'];
/** Statuses it may submit from, and the permit step that takes a work out of each status. */
const SUBMITTABLE = ['draft', 'refused'];
const ENDING = { draft: 'withdraw', submitted: 'withdraw', refused: 'withdraw', approved: 'cancel' };

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
    const controls = [];
    if (OPEN.includes(p.status)) {
      controls.push(el('button', { type: 'button', class: 'secondary edit-work', onclick: e => { e.stopPropagation(); edit(li, f, onChanged); } },
        t('utility.editWork')));
    }
    if (SUBMITTABLE.includes(p.status)) {
      controls.push(el('button', { type: 'button', class: 'submit-work', onclick: e => { e.stopPropagation(); step(li, f, 'submit', onChanged, 'utility.workSubmitted'); } },
        t('utility.submitWork')));
    }
    if (ENDING[p.status]) {
      controls.push(el('button', { type: 'button', class: 'danger withdraw-work', onclick: e => { e.stopPropagation(); withdraw(li, f, e.target, onChanged); } },
        t('utility.withdraw')));
    }
    if (controls.length) li.append(el('div', { class: 'controls' }, ...controls));
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
  // An open application is withdrawn, a granted permit that will not be used is cancelled: both
  // are permit steps (docs/permits.md), never a status the utility writes itself.
  await step(li, f, ENDING[f.properties.status], onChanged, 'utility.workWithdrawn');
}

/** Takes a permit step on the version of the work the list shows (If-Match: 412 if it changed). */
async function step(li, f, name, onChanged, said) {
  const message = li.querySelector('.message') || li.appendChild(el('p', { class: 'message', hidden: true }));
  try {
    await api(`/api/works/${f.id}/${name}`, { method: 'POST', body: {}, headers: f.version != null ? { 'If-Match': `"${f.version}"` } : {} });
    await onChanged(t(said, { id: f.id }));
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

