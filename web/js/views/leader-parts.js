// The pieces of the leader's dashboard: figure cards, the counties' chart and table, the overdue
// list and the ranking. Pure functions of the API's answers, so the view can redraw them on a
// language switch without asking the service again.
import { t, num } from '../i18n.js';
import { el, table, wanM2 } from '../ui.js';
import { shareBars } from '../charts.js';

// Statuses at or after "started" and at or after "completed", in the workflow's order.
const STARTED = ['started', 'completed', 'accepted', 'handed_over'];
const COMPLETED = ['completed', 'accepted', 'handed_over'];

const METRICS = [
  { id: 'communities', field: 'communities', show: v => num(v) },
  { id: 'households', field: 'households', show: v => num(v) },
  { id: 'buildings', field: 'buildings', show: v => num(v) },
  { id: 'floorArea', field: 'floorAreaM2', show: v => num(wanM2(v), 2) },
];

function reached(byStatus, statuses, field) {
  return statuses.reduce((sum, s) => sum + (byStatus[s]?.[field] || 0), 0);
}

/** One card per figure of the plan's table: the target, the plan, started and completed. */
export function cards(summary) {
  return el('div', { class: 'cards', id: 'leader-cards' }, METRICS.map(m => {
    const target = summary.target[m.field];
    const started = reached(summary.byStatus, STARTED, m.field);
    const completed = reached(summary.byStatus, COMPLETED, m.field);
    const pct = v => (target ? `${(v * 100 / target).toFixed(1)}%` : '–');
    return el('div', { class: 'card', dataset: { metric: m.id } },
      el('div', { class: 'label' }, t(`metric.${m.id}`)),
      el('div', { class: 'value goal' }, m.show(target)),
      el('div', { class: 'sub' }, t('leader.target')),
      el('div', { class: 'meter', title: t('leader.started') },
        el('span', { class: 'started', style: `width:${Math.min(100, started * 100 / (target || 1))}%` }),
        el('span', { class: 'completed', style: `width:${Math.min(100, completed * 100 / (target || 1))}%` })),
      el('div', { class: 'sub' }, `${t('leader.planned')} ${m.show(summary.planned[m.field])}`),
      el('div', { class: 'sub' }, `${t('leader.started')} ${m.show(started)} (${pct(started)})`),
      el('div', { class: 'sub' }, `${t('leader.completed')} ${m.show(completed)} (${pct(completed)})`));
  }));
}

export function countyChart(summary, nameOf) {
  return shareBars(summary.districts.map(d => ({
    label: nameOf(d), values: [d.startedShare, d.completedShare] })),
  [{ name: t('leader.started_share'), colour: '#90caf9' }, { name: t('leader.completed_share'), colour: '#2e7d32' }],
  { title: t('leader.chart') });
}

export function countyTable(summary, overdue, nameOf, onDistrict) {
  const late = new Map(overdue.counties.map(c => [c.district, c.overdueProjects]));
  const rows = summary.districts.map(d => [
    nameOf(d), num(d.target.communities), num(d.planned.communities),
    num(reached(d.byStatus, STARTED, 'communities')), num(reached(d.byStatus, COMPLETED, 'communities')),
    num(d.target.households), `${(d.startedShare * 100).toFixed(1)}%`,
    `${(d.completedShare * 100).toFixed(1)}%`, num(late.get(d.code) || 0)]);
  return table([t('field.district'), t('leader.col.target'), t('leader.col.planned'), t('leader.started'),
    t('leader.completed'), t('field.target_households'), t('leader.started_share'),
    t('leader.completed_share'), t('leader.col.overdue')], rows,
  { id: 'leader-counties', onRow: i => onDistrict(summary.districts[i].code),
    rowData: i => ({ district: summary.districts[i].code }) });
}

/**
 * The projects overdue today: a milestone past its date and not done, in a project not finished.
 * The endpoint also lists projects that met a milestone late (done_late); those are not overdue,
 * and counting them made this list (30) disagree with the county table and the report (10).
 */
export function overdueProjects(overdue) {
  return overdue.projects.filter(p => !COMPLETED.includes(p.status)
    && p.milestones.some(m => m.state === 'overdue'));
}

/** Projects with an overdue milestone, most days late first; a click shows the community. */
export function overdueList(overdue, names, onProject) {
  const lines = overdueProjects(overdue);
  if (!lines.length) return el('p', { id: 'leader-overdue' }, t('leader.noneOverdue'));
  const lateMilestones = p => p.milestones.filter(m => m.state === 'overdue')
    .map(m => t(`milestone.${m.name}`)).join('、');
  return table([t('field.name'), t('field.district'), t('field.status'), t('leader.col.milestone'),
    t('leader.col.daysLate')], lines.map(p => [p.name, names.get(p.district) || p.district,
    t(`value.status.${p.status}`), lateMilestones(p), num(p.daysLate)]),
  { id: 'leader-overdue', onRow: i => onProject(lines[i]), rowData: i => ({ project: lines[i].id }) });
}

export function ranking(evaluation, names) {
  const rows = evaluation.counties.map(c => [num(c.rank), names.get(c.district) || c.name,
    num(c.score, 2), el('span', {}, c.components.map(x => el('span', { class: 'component',
      title: basisText(x), dataset: { component: x.name } },
    `${t(`component.${x.name}`)} ${num(x.points, 1)}`, x.points === 0
      ? el('span', { class: 'why' }, `（${basisText(x)}）`) : null, ' '))) ]);
  // The method, labelled as the city's own settings: why a county 100 % started can rank last.
  // planFiled is a share within reporting (the 02-25 filing), not a term of the sum.
  const weights = Object.entries(evaluation.weights || {}).filter(([k]) => k !== 'planFiled').map(([k, w]) =>
    `${t(`component.${k}`)} ${Math.round(w * 100)}%`).join(' + ');
  const filingShare = evaluation.weights?.planFiled;
  return el('div', {},
    evaluation.provisional ? el('p', { class: 'notice' }, t('leader.provisional')) : null,
    el('p', { class: 'notice', id: 'leader-method' }, t('leader.method', { weights }),
      filingShare !== undefined ? ` ${t('leader.methodPlanFiled', { share: Math.round(filingShare * 100) })}` : ''),
    el('p', { class: 'notice', id: 'leader-ranking-source' }, t('programme.source.weights')),
    table([t('leader.col.rank'), t('field.district'), t('leader.col.score'), t('leader.col.components')],
      rows, { id: 'leader-ranking' }));
}

/**
 * A component's basis in the user's language. The evaluation answers it as an English sentence
 * with its figures ("0 of 3 inspection findings rectified on time"); the figures are taken from it
 * in order and put into the component's own message.
 */
export function basisText(component) {
  const figures = (component.basis || '').match(/\d+(?:\.\d+)?/g) || [];
  const key = `component.basis.${component.name}`;
  const text = t(key, { a: figures[0] ?? '', b: figures[1] ?? '' });
  return text === key ? component.basis || '' : text;
}
