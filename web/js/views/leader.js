// The leader's dashboard: the counties shaded by completion on the map, the programme's figures
// against the plan's targets, the counties' table, what is overdue, the evaluation ranking and
// the printable report. Every figure comes from the programme's endpoints, none is typed in here.
import { api, available as deployed } from '../api.js';
import { t, currentLang } from '../i18n.js';
import { el, showError, collapsibleLegend, swatch } from '../ui.js';
import { withProgress } from '../progress.js';
import { colourCommunitiesByStatus } from '../status.js';
import { showFeature } from '../feature.js';
import { cards, countyChart, countyTable, overdueList, overdueProjects, ranking } from './leader-parts.js';
import { planFilingLine, programmeSection, projectPanel } from './leader-programme.js';

// The sample programme stands on this day (docs/programme.md); a 2023 programme read years later
// would otherwise show every project as overdue "today".
const SAMPLE_AS_OF = '2023-07-15';
const SHADES = ['#f7fcf5', '#c7e9c0', '#74c476', '#31a354', '#006d2c'];

let ctx = null;

export async function available(state) {
  return !!state.user && await deployed('/api/progress/summary');
}

export async function enter(state, panel) {
  ctx = { state, panel, asOf: null, period: 'mid', metric: 'completed_share' };
  document.body.classList.add('wide-panel', 'dashboard-open');
  state.map.invalidateSize();
  const { data } = await api('/api/progress/summary');
  const year = new Date().getFullYear();
  ctx.asOf = year <= data.programmeYear ? new Date().toISOString().slice(0, 10)
    : data.programmeYear === 2023 ? SAMPLE_AS_OF : `${data.programmeYear}-12-31`;
  await load();
}

export function leave(state) {
  if (!ctx) return;
  ctx.choropleth?.remove();
  ctx.legend?.remove();
  ctx.highlight?.remove();
  state.map.off('zoomend', declutter);
  document.body.classList.remove('wide-panel', 'dashboard-open');
  state.map.invalidateSize();
  ctx = null;
}

export function rerender() {
  if (!ctx?.data) return;
  render();
  drawChoropleth(); // its legend
}

async function load() {
  const q = `asOf=${ctx.asOf}`;
  try {
    const [summary, districts, overdue, evaluation, projects, funding] = await withProgress(t('leader.loading'),
      () => Promise.all([
        api(`/api/progress/summary?${q}`), api(`/api/progress/districts.geojson?${q}`),
        api(`/api/progress/overdue?${q}`), api(`/api/progress/evaluation?period=${ctx.period}&${q}`),
        colourCommunitiesByStatus(ctx.state), api(`/api/progress/funding`).catch(() => null)]));
    ctx.data = { summary: summary.data, districts: districts.data, overdue: overdue.data,
      evaluation: evaluation.data, projects: projects || [], funding: funding?.data };
  } catch (e) {
    ctx.panel.replaceChildren(el('p', { class: 'message error' }, e.message));
    return;
  }
  render();
  drawChoropleth();
}

function render() {
  const { summary, overdue, evaluation } = ctx.data;
  const nameOf = d => (currentLang() === 'en' ? d.nameEn || d.name_en : null) || d.name;
  const message = el('p', { class: 'message', hidden: true });
  const asOf = el('input', { type: 'date', id: 'leader-as-of', value: ctx.asOf,
    onchange: e => { if (e.target.value) { ctx.asOf = e.target.value; load(); } } });
  const period = el('select', { id: 'leader-period', onchange: async e => {
    ctx.period = e.target.value;
    try {
      ctx.data.evaluation = (await api(`/api/progress/evaluation?period=${ctx.period}&asOf=${ctx.asOf}`)).data;
      render();
    } catch (err) { showError(message, err); }
  } }, ['mid', 'year'].map(p => el('option', { value: p, selected: p === ctx.period }, t(`leader.period.${p}`))));
  const metric = el('select', { id: 'leader-metric', onchange: e => { ctx.metric = e.target.value; drawChoropleth(); } },
    ['completed_share', 'started_share'].map(m => el('option', { value: m, selected: m === ctx.metric }, t(`leader.${m}`))));
  const names = new Map(summary.districts.map(d => [d.code, nameOf(d)]));
  ctx.panel.replaceChildren(el('div', { id: 'leader', class: 'dashboard' },
    el('h2', {}, t('leader.title', { year: summary.programmeYear })),
    el('div', { class: 'controls' },
      el('label', {}, t('leader.asOf'), ' ', asOf),
      el('label', {}, t('leader.shade'), ' ', metric),
      el('a', { class: 'button', id: 'leader-report', target: '_blank', rel: 'noopener',
        href: `/report.html?asOf=${ctx.asOf}&period=${ctx.period}` }, t('leader.report'))),
    message,
    cards(summary),
    el('h3', {}, t('leader.programme')),
    programmeSection(summary, ctx.data.funding, ctx.data.projects, names),
    el('h3', {}, t('leader.chart')),
    countyChart(summary, nameOf),
    el('h3', {}, t('leader.counties')),
    countyTable(summary, overdue, nameOf, code => zoomToDistrict(code)),
    el('h3', {}, t('leader.overdue', { count: overdueProjects(overdue).length })),
    planFilingLine(overdue, names),
    el('div', { id: 'leader-project-slot' }),
    overdueList(overdue, names, p => zoomToProject(p)),
    el('h3', {}, t('leader.ranking'), ' ', period),
    ranking(evaluation, names)));
}

function drawChoropleth() {
  const { state } = ctx;
  ctx.choropleth?.remove();
  if (!state.map.getPane('pane-choropleth')) state.map.createPane('pane-choropleth').style.zIndex = 399;
  const share = f => f.properties[ctx.metric] ?? 0;
  ctx.choropleth = L.geoJSON(ctx.data.districts, {
    pane: 'pane-choropleth',
    style: f => ({ color: '#1b5e20', weight: 1, fillColor: shade(share(f)), fillOpacity: 0.75 }),
    onEachFeature: (f, layer) => layer.bindTooltip(
      `${nameOf(f.properties)} ${(share(f) * 100).toFixed(1)}%`, { sticky: true }),
  });
  // The sample's county boundaries are small rectangles, tiny at the city's zoom: a circle per
  // county, sized by planned households and shaded the same, keeps every county readable.
  for (const layer of ctx.choropleth.getLayers()) {
    const p = layer.feature.properties;
    L.circleMarker(layer.getBounds().getCenter(), { pane: 'pane-choropleth',
      radius: 6 + Math.sqrt(p.planned_households || 0) / 4, color: '#1b5e20', weight: 1,
      fillColor: shade(share(layer.feature)), fillOpacity: 0.85 })
      .bindTooltip(`${nameOf(p)} ${(share(layer.feature) * 100).toFixed(1)}%`)
      .on('click', () => zoomToDistrict(p.code))
      .addTo(ctx.choropleth);
    // The county's name and share, always shown beside it (a dashboard is read, not hovered).
    L.marker(layer.getBounds().getCenter(), { pane: 'pane-choropleth', interactive: false,
      icon: L.divIcon({ className: 'county-label', html: '', iconSize: null }) })
      .on('add', e => {
        const label = e.target.getElement();
        label.textContent = `${nameOf(p)} ${Math.round(share(layer.feature) * 100)}%`;
        label.dataset.households = String(p.planned_households || 0);
      })
      .addTo(ctx.choropleth);
  }
  ctx.choropleth.addTo(state.map);
  declutter();
  state.map.off('zoomend', declutter).on('zoomend', declutter);
  ctx.legend?.remove();
  ctx.legend = L.control({ position: 'bottomright' });
  ctx.legend.onAdd = () => collapsibleLegend('choropleth-legend', t(`leader.${ctx.metric}`),
    SHADES.map((c, i) => el('div', {}, swatch(c), ` ${i * 20}–${(i + 1) * 20}%`)));
  ctx.legend.addTo(state.map);
}

/**
 * At the city's zoom the urban districts' labels fall on each other: a label that would overlap
 * one already shown (bigger counties first) is hidden until the map is zoomed in far enough.
 */
function declutter() {
  const labels = [...document.querySelectorAll('.county-label')]
    .sort((a, b) => Number(b.dataset.households) - Number(a.dataset.households));
  labels.forEach(l => { l.style.visibility = ''; });
  const kept = [];
  for (const l of labels) {
    const r = l.getBoundingClientRect();
    if (kept.some(k => r.left < k.right && r.right > k.left && r.top < k.bottom && r.bottom > k.top)) {
      l.style.visibility = 'hidden';
    } else {
      kept.push(r);
    }
  }
}

function nameOf(p) {
  return (currentLang() === 'en' ? p.name_en || p.nameEn : null) || p.name;
}

function shade(share) {
  return SHADES[Math.min(SHADES.length - 1, Math.floor(share * SHADES.length))];
}

function zoomToDistrict(code) {
  const layer = ctx.choropleth?.getLayers().find(l => l.feature.properties.code === code);
  if (layer) ctx.state.map.fitBounds(layer.getBounds(), { maxZoom: 14 });
}

async function zoomToProject(line) {
  const project = ctx.data.projects.find(p => p.id === line.id);
  if (!project) return;
  try {
    const { data } = await api(`/api/communities/${project.communityId}`);
    // The community stands out on the map (its own outline on top), and its details come into view.
    ctx.highlight?.remove();
    if (!ctx.state.map.getPane('pane-highlight')) ctx.state.map.createPane('pane-highlight').style.zIndex = 480;
    ctx.highlight = L.geoJSON(data, { pane: 'pane-highlight', interactive: false,
      style: { color: '#d50000', weight: 4, fillColor: '#ffeb3b', fillOpacity: 0.5 } }).addTo(ctx.state.map);
    ctx.state.map.fitBounds(ctx.highlight.getBounds(), { maxZoom: 16 });
    document.querySelectorAll('#leader-overdue tr.selected').forEach(r => r.classList.remove('selected'));
    document.querySelector(`#leader-overdue tr[data-project="${line.id}"]`)?.classList.add('selected');
    showFeature('communities', data, null, ctx.state);
    const approvals = (await api(`/api/projects/${project.id}/scheme-approvals`).catch(() => ({ data: [] }))).data;
    const names = new Map(ctx.data.summary.districts.map(d => [d.code, nameOf(d)]));
    document.getElementById('leader-project-slot')?.replaceChildren(projectPanel(project, approvals, names));
  } catch (e) {
    console.warn('community of project', line.id, e);
  }
}
