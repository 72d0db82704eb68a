// The utility company's view: its own pipelines and works, a proposed work drawn or imported and
// checked for conflicts and clearance problems before it is saved, and the conflicts with the
// other utilities, each of which zooms the map to its place.
import { markClearances } from './clearance-marks.js';
import { api, deployedBy } from '../api.js';
import { t } from '../i18n.js';
import { el, showError, showMessage } from '../ui.js';
import { withProgress } from '../progress.js';
import { UTILITY_COLOURS } from '../layers.js';
import { checkResult, conflictItem, clearanceItem, value } from './utility-parts.js';
import { ownWorksList } from './own-works.js';

const KINDS = ['new', 'replace', 'repair', 'remove'];
const PROPOSAL_STYLE = { color: '#d81b60', weight: 6, opacity: 0.9, dashArray: '8 6' };
let ctx = null;

export async function available(state) {
  return !!state.user && ['UTILITY', 'ADMIN'].includes(state.user.role)
    && await deployedBy('/api/works/check', { method: 'POST', body: {} });
}

export async function enter(state, panel) {
  const own = state.user.organisation || null;
  // Everyone's works show by default: a conflict's counterpart must be on the map when it is opened.
  ctx = { state, panel, own, proposal: null, checked: null, onlyOwn: false, gapDays: null };
  if (!state.map.getPane('pane-findings')) state.map.createPane('pane-findings').style.zIndex = 470;
  // Conflicts and clearance violations as map layers, each its own group (they load in parallel).
  ctx.conflictPoints = L.layerGroup().addTo(state.map);
  ctx.clearancePoints = L.layerGroup().addTo(state.map);
  state.overlay('conflicts', ctx.conflictPoints);
  state.overlay('clearances', ctx.clearancePoints);
  ctx.checkPoints = L.layerGroup().addTo(state.map); // those of the proposal's check
  ctx.onCreated = e => setProposal(e.layer.toGeoJSON().geometry);
  state.map.on('draw:created', ctx.onCreated);
  applyOwnFilter();
  render();
  await Promise.all([loadOwnWorks(), loadConflicts(), loadClearances()]);
}

export function leave(state) {
  if (!ctx) return;
  state.map.off('draw:created', ctx.onCreated);
  ctx.drawer?.disable();
  ctx.proposalLayer?.remove();
  ctx.conflictPoints.remove();
  ctx.clearancePoints.remove();
  state.overlay('conflicts', null);
  state.overlay('clearances', null);
  ctx.checkPoints.remove();
  state.layers.setFilter('pipelines', null);
  state.layers.setFilter('works', null);
  ctx = null;
}

export function rerender() {
  if (!ctx) return;
  render();
  loadOwnWorks();
  loadConflicts();
  loadClearances();
}

function applyOwnFilter() {
  const own = ctx.own;
  const countOf = p => p[`owner_${own}`] || 0; // a works cluster's members of this utility
  const keep = ctx.onlyOwn && own
    ? Object.assign(f => (f.properties.cluster ? countOf(f.properties) > 0 : f.properties.owner === own),
      { countOf })
    : null;
  ctx.state.layers.setFilter('pipelines', keep);
  ctx.state.layers.setFilter('works', keep);
}

function render() {
  const utilities = Object.keys(UTILITY_COLOURS);
  const today = new Date().toISOString().slice(0, 10);
  const d = ctx.dom = {
    message: el('p', { class: 'message', id: 'utility-message', hidden: true }),
    // A utility company files works for itself only; an administrator may pick any utility.
    utility: el('select', { id: 'work-utility', disabled: !!ctx.own },
      (ctx.own ? [ctx.own] : utilities).map(u => el('option', { value: u,
        selected: u === ctx.own }, value('utility', u)))),
    kind: el('select', { id: 'work-kind' }, KINDS.map(k => el('option', { value: k }, value('kind', k)))),
    start: el('input', { type: 'date', id: 'work-start', value: today }),
    end: el('input', { type: 'date', id: 'work-end', value: today }),
    file: el('input', { type: 'file', id: 'work-file',
      accept: '.geojson,.json,application/geo+json,.zip,application/zip,.csv,text/csv',
      onchange: e => importFile(e.target.files[0]) }),
    check: el('button', { type: 'button', id: 'work-check', disabled: true, onclick: check }, t('utility.check')),
    save: el('button', { type: 'button', id: 'work-save', disabled: true, onclick: save }, t('utility.save')),
    result: el('div', { id: 'check-box' }),
    works: el('div', {}), conflicts: el('div', { id: 'conflicts-box' }), clearances: el('div', {}),
  };
  const onlyOwn = el('input', { type: 'checkbox', id: 'only-own', checked: ctx.onlyOwn, disabled: !ctx.own,
    onchange: e => { ctx.onlyOwn = e.target.checked; applyOwnFilter(); } });
  ctx.panel.replaceChildren(el('div', { id: 'utility' },
    el('h2', {}, ctx.own ? t('utility.title', { org: value('utility', ctx.own) }) : t('utility.titleAll')),
    el('label', {}, onlyOwn, ` ${t('utility.onlyOwn')}`),
    el('h3', {}, t('utility.propose')),
    el('div', { class: 'form' },
      el('label', { for: 'work-utility' }, t('field.utility')), d.utility,
      el('label', { for: 'work-kind' }, t('field.kind')), d.kind,
      el('label', { for: 'work-start' }, t('field.start_date')), d.start,
      el('label', { for: 'work-end' }, t('field.end_date')), d.end,
      el('label', { for: 'work-file' }, t('utility.import')), d.file),
    el('div', { class: 'controls' },
      el('button', { type: 'button', id: 'work-draw', class: 'secondary', onclick: draw }, t('utility.draw')),
      d.check, d.save),
    d.message, d.result,
    el('h3', {}, t('utility.ownWorks')), d.works,
    d.conflicts, d.clearances));
  if (ctx.proposal) d.check.disabled = false;
}

function draw() {
  ctx.drawer?.disable();
  ctx.drawer = new L.Draw.Polyline(ctx.state.map, { shapeOptions: PROPOSAL_STYLE });
  ctx.drawer.enable();
  showMessage(ctx.dom.message, t('utility.drawing'));
}

/** The proposed work's line (or area) is on the map; it must be checked again before saving. */
function setProposal(geometry) {
  ctx.proposal = geometry;
  ctx.proposalLayer?.remove();
  ctx.proposalLayer = L.geoJSON(geometry, { style: PROPOSAL_STYLE }).addTo(ctx.state.map);
  ctx.state.map.fitBounds(ctx.proposalLayer.getBounds(), { maxZoom: 17 });
  ctx.checked = null;
  ctx.dom.check.disabled = false;
  ctx.dom.save.disabled = true;
  ctx.dom.result.replaceChildren();
  ctx.checkPoints.clearLayers();
  showMessage(ctx.dom.message, t('utility.readyToCheck'));
}

async function importFile(file) {
  if (!file) return;
  try {
    const doc = await withProgress(t('utility.importing'), () => readWorkFile(file));
    const f = doc.type === 'FeatureCollection' ? doc.features[0] : doc.type === 'Feature' ? doc : { geometry: doc };
    if (!f?.geometry?.type) throw new Error(t('utility.noGeometry'));
    const p = f.properties || {};
    if (p.utility && !ctx.own) ctx.dom.utility.value = p.utility;
    if (p.kind) ctx.dom.kind.value = p.kind;
    if (p.start_date) ctx.dom.start.value = p.start_date;
    if (p.end_date) ctx.dom.end.value = p.end_date;
    setProposal(f.geometry);
  } catch (e) {
    showError(ctx.dom.message, e);
  }
}

/**
 * A GeoJSON file is read here; a Shapefile zip (it starts with "PK") or a CSV goes to the files
 * endpoints' preview, which answers its first features as GeoJSON (nothing is stored).
 */
async function readWorkFile(file) {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  const zip = head[0] === 0x50 && head[1] === 0x4b;
  if (!zip && !/\.csv$/i.test(file.name)) {
    try {
      return JSON.parse(await file.text());
    } catch {
      throw new Error(t('utility.badFile', { name: file.name }));
    }
  }
  const path = zip ? '/api/files/shapefile/preview?layer=works' : '/api/files/csv?layer=works&preview=true';
  const { data } = await api(path, { method: 'POST', raw: file,
    headers: { 'Content-Type': zip ? 'application/zip' : 'text/csv' } });
  if (data.badRows && !data.first?.length) throw new Error(t('utility.noGeometry'));
  return { type: 'FeatureCollection', features: data.first || [] };
}

function proposedFeature() {
  const d = ctx.dom;
  return { type: 'Feature', geometry: ctx.proposal, properties: { utility: d.utility.value,
    owner: ctx.own || d.utility.value, kind: d.kind.value, status: 'draft',
    start_date: d.start.value, end_date: d.end.value } };
}

async function check() {
  const body = proposedFeature();
  try {
    const { data } = await withProgress(t('utility.checking'), () => api('/api/works/check', { method: 'POST', body }));
    ctx.checked = JSON.stringify(body);
    ctx.dom.result.replaceChildren(checkResult(data, zoomTo, data.parameters?.gapDays ?? ctx.gapDays));
    ctx.dom.save.disabled = false;
    ctx.dom.message.hidden = true;
    markPoints(ctx.checkPoints, data.conflicts, '#c62828');
    markPoints(ctx.checkPoints, data.clearanceProblems, '#ef6c00', false);
  } catch (e) {
    showError(ctx.dom.message, e);
  }
}

async function save() {
  const body = proposedFeature();
  if (JSON.stringify(body) !== ctx.checked) { // the form changed since the check: check again first
    await check();
    return;
  }
  try {
    const { data } = await api('/api/works', { method: 'POST', body });
    showMessage(ctx.dom.message, t('utility.saved', { id: data?.id ?? '' }));
    ctx.proposalLayer?.remove();
    ctx.proposal = null;
    ctx.dom.check.disabled = true;
    ctx.dom.save.disabled = true;
    ctx.state.layers.load('works');
    await Promise.all([loadOwnWorks(), loadConflicts()]);
  } catch (e) {
    showError(ctx.dom.message, e);
  }
}

function markPoints(group, items, colour, clear = true) {
  if (clear) group.clearLayers();
  for (const x of items) {
    L.circleMarker([x.lat, x.lon], { pane: 'pane-findings', radius: 7, color: colour, weight: 2, fillOpacity: 0.4 })
      .bindTooltip(`${value('utility', x.a.utility)} ↔ ${value('utility', x.b.utility)}`).addTo(group);
  }
}

function zoomTo(x) {
  ctx.state.map.setView([x.lat, x.lon], 18);
}

async function loadOwnWorks() {
  try {
    // The works layer has no owner filter; the city's works list is bounded by the limit.
    const { data } = await api('/api/works?limit=5000');
    const mine = data.features.filter(f => !ctx.own || f.properties.owner === ctx.own);
    ctx.dom.works.replaceChildren(ownWorksList(mine, {
      onZoom: f => ctx.state.map.fitBounds(L.geoJSON(f).getBounds(), { maxZoom: 17 }),
      onChanged: async text => {
        showMessage(ctx.dom.message, text);
        ctx.state.layers.load('works');
        await Promise.all([loadOwnWorks(), loadConflicts()]);
      } }));
  } catch (e) {
    ctx.dom.works.replaceChildren(el('p', { class: 'message error' }, e.message));
  }
}

async function loadConflicts() {
  const q = ctx.own ? `?utility=${encodeURIComponent(ctx.own)}` : '';
  try {
    const { data } = await api(`/api/works/conflicts${q}`);
    ctx.conflicts = data.conflicts;
    ctx.gapDays = data.parameters?.gapDays ?? ctx.gapDays;
    ctx.dom.conflicts.replaceChildren(el('h3', {}, t('utility.conflictsWithOthers', { count: data.count })),
      el('ul', { class: 'list', id: 'conflicts' }, data.conflicts.map(c => conflictItem(c, zoomTo, ctx.gapDays))));
    markPoints(ctx.conflictPoints, data.conflicts, '#c62828');
  } catch (e) {
    ctx.dom.conflicts.replaceChildren(el('p', { class: 'message error' }, e.message));
  }
}

async function loadClearances() {
  try {
    const { data } = await api('/api/pipelines/clearance-violations');
    const mine = data.violations.filter(v => !ctx.own || v.a.owner === ctx.own || v.b.owner === ctx.own);
    // Hundreds of pairs on the sample city: the list shows the first ones, the map all of them.
    ctx.dom.clearances.replaceChildren(el('h3', {}, t('utility.clearanceViolations', { count: mine.length })),
      data.placeholderRules ? el('p', { class: 'notice' }, t('utility.placeholderRules')) : null,
      el('ul', { class: 'list', id: 'clearances' }, mine.slice(0, 30).map(v => clearanceItem(v, zoomTo))));
    markClearances(ctx.state.map, ctx.clearancePoints, mine,
      x => `${value('utility', x.a.utility)} ↔ ${value('utility', x.b.utility)}`);
  } catch (e) {
    ctx.dom.clearances.replaceChildren(el('p', { class: 'message error' }, e.message));
  }
}

