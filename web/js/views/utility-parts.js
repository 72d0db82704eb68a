// What the utility company's panel shows: a proposed work's check (conflicts and clearance
// problems), the conflicts with other utilities, own works. Pure functions of the API's answers.
import { t, num } from '../i18n.js';
import { el } from '../ui.js';
import { utilityColour } from '../layers.js';

export const value = (key, v) => {
  const k = `value.${key}.${v}`;
  const text = t(k);
  return text === k ? v : text;
};

const chip = u => el('span', { class: 'tag', style: `border-left:6px solid ${utilityColour(u)}` }, value('utility', u));

/** One side of a conflict: utility, work id (none for a proposal), dates. */
function side(w) {
  return el('span', {}, chip(w.utility), w.id ? `#${w.id} ` : `${t('utility.proposal')} `,
    `${w.startDate} – ${w.endDate}`);
}

/** A conflict as a list item; a click zooms the map to its point. */
export function conflictItem(c, onZoom, gapDays) {
  // Works that do not overlap still conflict when they start within the gap rule's days of each
  // other (dig once, not twice): say so instead of "overlap 0 days".
  const why = c.kind === 'moratorium'
    ? t('utility.moratorium', { until: c.moratoriumUntil })
    : c.overlapDays > 0 ? t('utility.sameWindow', { days: num(c.overlapDays) })
      : t('utility.withinGap', { days: num(c.separationDays ?? 0), gap: num(gapDays ?? 30) });
  return el('li', { tabIndex: 0, class: 'conflict', dataset: { a: c.a.id ?? '', b: c.b.id },
    onclick: () => onZoom(c) },
  el('div', {}, side(c.a), ' ↔ ', side(c.b)),
  el('div', { class: 'sub' }, el('span', { class: 'tag bad' }, t(`utility.kind.${c.kind}`)), why,
    ` · ${t('utility.gap', { m: num(c.gapMeters, 2) })}`,
    c.overlapMeters ? ` · ${t('utility.alongside', { m: num(c.overlapMeters, 1) })}` : ''));
}

export function clearanceItem(v, onZoom) {
  return el('li', { tabIndex: 0, class: 'clearance', onclick: () => onZoom(v) },
    el('div', {}, chip(v.a.utility), v.a.id ? `#${v.a.id}` : t('utility.proposal'), ' ↔ ', chip(v.b.utility), `#${v.b.id}`),
    el('div', { class: 'sub' }, t('utility.clearance', { actual: num(v.actualMeters, 2),
      required: num(v.requiredMeters, 2), along: num(v.parallelMeters, 1) }),
    v.placeholder ? el('span', { class: 'tag', title: v.source }, t('utility.placeholder')) : null));
}

/** The check of a proposed work: what it would conflict with and which clearances it breaks. */
export function checkResult(r, onZoom, gapDays) {
  const ok = !r.conflicts.length && !r.clearanceProblems.length;
  return el('div', { id: 'check-result' },
    el('p', { class: `message ${ok ? 'ok' : 'error'}` }, ok ? t('utility.checkOk')
      : t('utility.checkFound', { conflicts: r.conflicts.length, clearances: r.clearanceProblems.length })),
    r.conflicts.length ? el('h4', {}, t('utility.conflicts')) : null,
    el('ul', { class: 'list', id: 'check-conflicts' }, r.conflicts.map(c => conflictItem(c, onZoom, gapDays))),
    r.clearanceProblems.length ? el('h4', {}, t('utility.clearances')) : null,
    el('ul', { class: 'list', id: 'check-clearances' }, r.clearanceProblems.map(v => clearanceItem(v, onZoom))),
    r.clearanceChecked ? null : el('p', { class: 'notice' }, t('utility.clearanceNotChecked')));
}
