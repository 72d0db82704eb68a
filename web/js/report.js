// The printable progress report a city office signs (issue 18): one issuing unit, the date, the
// plan's table by county with started, completed and completion columns and a filled total row,
// the projects overdue today, the ranking with its method labelled as the city's own settings,
// a county map with labels that are never clipped, and a signature block — all in one language
// (the page's), from the same endpoints the dashboard reads, so the two never disagree.
import { api } from './api.js';
import { loadMessages, t, num, currentLang } from './i18n.js';
import { el } from './ui.js';
import { svg } from './charts.js';
import { overdueProjects, basisText } from './views/leader-parts.js';

const STARTED = ['started', 'completed', 'accepted', 'handed_over'];
const COMPLETED = ['completed', 'accepted', 'handed_over'];
const SHADES = ['#f7fcf5', '#c7e9c0', '#74c476', '#31a354', '#006d2c'];

const reached = (byStatus, statuses, field) =>
  statuses.reduce((sum, s) => sum + (byStatus[s]?.[field] || 0), 0);
const pct = v => `${(v * 100).toFixed(1)}%`;

async function main() {
  await loadMessages();
  const asOf = new URLSearchParams(location.search).get('asOf') || new Date().toISOString().slice(0, 10);
  const period = new URLSearchParams(location.search).get('period') || 'mid';
  const q = `asOf=${encodeURIComponent(asOf)}`;
  const [config, summary, districts, overdue, evaluation] = await Promise.all([
    api('/api/map/config'), api(`/api/progress/summary?${q}`), api(`/api/progress/districts.geojson?${q}`),
    api(`/api/progress/overdue?${q}`), api(`/api/progress/evaluation?period=${period}&${q}`)]);
  const s = summary.data;
  const nameOf = d => (currentLang() === 'en' ? d.nameEn || d.name_en : null) || d.name;
  const names = new Map(s.districts.map(d => [d.code, nameOf(d)]));
  const late = overdueProjects(overdue.data);
  document.title = t('report.title', { year: s.programmeYear });
  document.getElementById('report').replaceChildren(
    el('p', { class: 'actions' }, el('button', { type: 'button', onclick: () => window.print() }, t('report.print'))),
    el('header', {},
      el('div', { class: 'issuer', id: 'report-issuer' }, config.data.reportIssuer),
      el('h1', {}, t('report.title', { year: s.programmeYear })),
      el('div', { class: 'meta' }, t('report.asOf', { date: asOf }))),
    el('h2', {}, t('report.table')),
    countyTable(s, overdue.data, nameOf),
    el('p', { class: 'note' }, t('report.tableNote')),
    planFiling(overdue.data, names),
    el('h2', {}, t('report.map')),
    countyMap(districts.data, nameOf),
    el('h2', {}, t('report.overdue', { count: late.length })),
    overdueTable(late, names),
    el('h2', {}, t('report.ranking', { period: t(`leader.period.${period}`) })),
    el('p', { class: 'note', id: 'report-method' }, t('leader.method', { weights: weights(evaluation.data) }),
      evaluation.data.weights?.planFiled !== undefined
        ? ` ${t('leader.methodPlanFiled', { share: Math.round(evaluation.data.weights.planFiled * 100) })}` : ''),
    rankingTable(evaluation.data, names),
    el('div', { class: 'signature' },
      el('div', {}, t('report.preparedBy')), el('div', {}, t('report.reviewedBy')),
      el('div', {}, t('report.signedBy')), el('div', {}, t('report.date'))),
    el('p', { class: 'seal' }, `${config.data.reportIssuer} ${t('report.seal')}`));
  document.body.dataset.ready = 'true';
}

function countyTable(s, overdue, nameOf) {
  const lateBy = new Map(overdue.counties.map(c => [c.district, c.overdueProjects]));
  const row = (name, d, lateCount) => {
    const started = reached(d.byStatus, STARTED, 'communities');
    const completed = reached(d.byStatus, COMPLETED, 'communities');
    const startedHh = reached(d.byStatus, STARTED, 'households');
    const completedHh = reached(d.byStatus, COMPLETED, 'households');
    return [name, num(d.target.communities), num(d.target.households), num(started), num(completed),
      pct(startedHh / (d.planned.households || 1)), pct(completedHh / (d.planned.households || 1)),
      num(lateCount)];
  };
  const rows = s.districts.map(d => row(nameOf(d), d, lateBy.get(d.code) || 0));
  const total = row(t('report.total'), s, [...lateBy.values()].reduce((a, b) => a + b, 0));
  const head = ['field.district', 'leader.col.target', 'field.target_households', 'leader.started',
    'leader.completed', 'leader.started_share', 'report.completion', 'leader.col.overdue'].map(k => t(k));
  return el('table', { id: 'report-counties' },
    el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(r => el('tr', {}, r.map(c => el('td', {}, c)))),
      el('tr', { class: 'total' }, total.map(c => el('td', {}, c)))));
}

/** The counties' 02-25 plan filing (a county milestone) that is overdue or was late, if any. */
function planFiling(overdue, names) {
  const lines = overdue.counties.flatMap(c => (c.countyMilestones || [])
    .filter(m => m.name === 'plan_filed' && (m.state === 'overdue' || m.state === 'done_late'))
    .map(m => `${names.get(c.district) || c.name} (${t(`value.milestone.${m.state}`)}, ${num(m.daysLate)})`));
  return el('p', { class: 'note', id: 'report-plan-filed' },
    `${t('milestone.plan_filed')}: ${lines.length ? lines.join('、') : t('leader.noneOverdue')}`);
}

function overdueTable(lines, names) {
  if (!lines.length) return el('p', {}, t('leader.noneOverdue'));
  return el('table', { id: 'report-overdue' },
    el('thead', {}, el('tr', {}, [t('field.name'), t('field.district'), t('field.status'),
      t('leader.col.milestone'), t('leader.col.daysLate')].map(h => el('th', {}, h)))),
    el('tbody', {}, lines.map(p => el('tr', {}, [p.name, names.get(p.district) || p.district,
      t(`value.status.${p.status}`), p.milestones.filter(m => m.state === 'overdue')
        .map(m => t(`milestone.${m.name}`)).join('、'), num(p.daysLate)].map(c => el('td', {}, c))))));
}

function weights(evaluation) {
  // planFiled is a share within reporting (decision 76), not a term of the sum.
  return Object.entries(evaluation.weights || {}).filter(([k]) => k !== 'planFiled').map(([k, w]) =>
    `${t(`component.${k}`)} ${Math.round(w * 100)}%`).join(' + ');
}

function rankingTable(evaluation, names) {
  const components = evaluation.counties[0]?.components.map(c => c.name) || [];
  return el('table', { id: 'report-ranking' },
    el('thead', {}, el('tr', {}, [t('leader.col.rank'), t('field.district'), t('leader.col.score'),
      ...components.map(c => t(`component.${c}`))].map(h => el('th', {}, h)))),
    el('tbody', {}, evaluation.counties.map(c => el('tr', {}, [num(c.rank), names.get(c.district) || c.name,
      num(c.score, 2), ...c.components.map(x => el('span', { title: basisText(x) }, num(x.points, 1)))]
      .map(x => el('td', {}, x))))));
}

/**
 * The counties shaded by completion, each labelled with its name and share. Drawn in SVG with a
 * margin around the counties' extent, so a label at the edge is never clipped.
 */
function countyMap(fc, nameOf) {
  const W = 640;
  const H = 400;
  const M = 70;
  const coords = f => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates);
  const all = fc.features.flatMap(f => coords(f).flat(2));
  const xs = all.map(c => c[0]);
  const ys = all.map(c => c[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = Math.min((W - 2 * M) / (x1 - x0 || 1), (H - 2 * M) / (y1 - y0 || 1));
  const px = c => [M + (c[0] - x0) * k, H - M - (c[1] - y0) * k];
  const items = fc.features.map(f => {
    const share = f.properties.completed_share ?? 0;
    const fill = SHADES[Math.min(SHADES.length - 1, Math.floor(share * SHADES.length))];
    const d = coords(f).map(poly => poly.map(ring => `M${ring.map(c => px(c).join(' ')).join('L')}Z`).join('')).join('');
    const ring = coords(f)[0][0];
    const cx = ring.reduce((a, c) => a + c[0], 0) / ring.length;
    const cy = ring.reduce((a, c) => a + c[1], 0) / ring.length;
    const [lx, ly] = px([cx, cy]);
    return { f, share, fill, d, lx, ly };
  });
  // Labels pushed down until they no longer overlap an earlier one (the county centres are close).
  const placed = [];
  for (const it of items.sort((a, b) => a.ly - b.ly)) {
    let y = it.ly + 16;
    while (placed.some(p => Math.abs(p.y - y) < 14 && Math.abs(p.x - it.lx) < 120)) y += 14;
    placed.push({ x: it.lx, y });
    it.ty = Math.min(H - 4, y);
  }
  return svg('svg', { class: 'county-map', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': t('report.map') },
    items.map(it => svg('g', {},
      svg('path', { d: it.d, fill: it.fill, stroke: '#1b5e20', 'stroke-width': 1 }),
      svg('circle', { cx: it.lx, cy: it.ly, r: 5, fill: it.fill, stroke: '#1b5e20' }),
      svg('line', { x1: it.lx, y1: it.ly + 5, x2: it.lx, y2: it.ty - 10, stroke: '#9e9e9e' }),
      svg('text', { x: it.lx, y: it.ty, 'text-anchor': 'middle' },
        `${nameOf(it.f.properties)} ${pct(it.share)}`))));
}

main().catch(e => {
  console.error(e);
  document.getElementById('report').textContent = e.message;
  document.body.dataset.ready = 'error';
});
