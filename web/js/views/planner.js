// The planner's view: draw a joint renovation area and watch what it holds while drawing, save
// it, edit its vertices, delete it; adopt a suggested joint area with one click; open an area's
// coordinated construction plan as a timeline under the map.
import { api, available as deployed, deployedBy } from '../api.js';
import { t } from '../i18n.js';
import { el, showError, showMessage, throttle } from '../ui.js';
import { withProgress } from '../progress.js';
import { AreaLayer, DRAFT_STYLE, previewArea, createArea, readArea, updateArea, deleteArea, planOf } from '../areas.js';
import { report, suggestions, suggestionName } from './planner-parts.js';
import { showPlan, hidePlan } from '../timeline.js';

let ctx = null;

export async function available(state) {
  return !!state.user && ['PLANNER', 'ADMIN'].includes(state.user.role) && !!L.Draw
    && await deployed('/api/linked-areas');
}

export async function enter(state, panel) {
  const map = state.map;
  ctx = { state, panel, map, draft: null, editing: null, drawer: null, seq: 0, suggested: [] };
  ctx.planAvailable = await deployedBy('/api/construction-plan', { method: 'POST', body: {} });
  ctx.areas = new AreaLayer(map, f => selectArea(f.id));
  state.overlay('linked_areas', ctx.areas.group);
  ctx.preview = throttle(runPreview, 400);
  ctx.handlers = {
    'draw:drawvertex': e => {
      const points = e.layers.getLayers().map(m => m.getLatLng());
      if (points.length >= 3) ctx.preview(ring(points));
    },
    'draw:editvertex': () => ctx.draft && ctx.preview(ctx.draft.toGeoJSON().geometry),
    'draw:created': e => setDraft(e.layer, null),
  };
  for (const [name, fn] of Object.entries(ctx.handlers)) map.on(name, fn);
  render();
  await reloadAreas();
}

export function leave(state) {
  if (!ctx) return;
  for (const [name, fn] of Object.entries(ctx.handlers)) state.map.off(name, fn);
  ctx.drawer?.disable();
  clearDraft();
  ctx.areas.remove();
  ctx.suggestLayer?.remove();
  state.overlay('linked_areas', null);
  state.overlay('suggestions', null);
  hidePlan(state);
  ctx = null;
}

export function rerender() {
  if (!ctx) return;
  const typed = ctx.dom && { name: ctx.dom.name.value, note: ctx.dom.note.value };
  render();
  listAreas();
  if (ctx.draft) {
    fillDraftPanel();
    ctx.dom.name.value = typed.name;
    ctx.dom.note.value = typed.note;
  }
  if (ctx.suggested.length) showSuggestions();
}

function render() {
  const name = el('input', { id: 'area-name', maxLength: 200, 'aria-label': t('planner.name') });
  const note = el('input', { id: 'area-note', 'aria-label': t('planner.note') });
  ctx.dom = {
    message: el('p', { class: 'message', id: 'planner-message', hidden: true }),
    draft: el('section', { id: 'draft', hidden: true }),
    preview: el('div', { id: 'preview' }),
    list: el('ul', { class: 'list', id: 'areas-list' }),
    suggestions: el('div', { id: 'suggestions-box' }),
    name, note,
    save: el('button', { type: 'button', id: 'area-save', onclick: () => save(false) }, t('planner.save')),
    remove: el('button', { type: 'button', id: 'area-delete', class: 'danger', onclick: e => remove(e.target) }, t('planner.delete')),
    plan: el('button', { type: 'button', id: 'area-plan', class: 'secondary', onclick: () => openPlan() }, t('planner.plan')),
  };
  const d = ctx.dom;
  d.draft.append(el('h3', { id: 'draft-title' }, t('planner.draft')),
    el('div', { class: 'form' }, el('label', { for: 'area-name' }, t('planner.name')), name,
      el('label', { for: 'area-note' }, t('planner.note')), note),
    el('div', { class: 'controls' }, d.save, d.plan, d.remove,
      el('button', { type: 'button', class: 'secondary', onclick: () => clearDraft() }, t('planner.cancel'))),
    d.preview);
  ctx.panel.replaceChildren(el('div', { id: 'planner' },
    el('h2', {}, t('planner.title')),
    el('p', { class: 'notice' }, t('planner.help')),
    el('div', { class: 'controls' },
      el('button', { type: 'button', id: 'draw-area', onclick: startDraw }, t('planner.draw')),
      el('button', { type: 'button', id: 'suggest', class: 'secondary', onclick: suggest }, t('planner.suggest'))),
    d.message, d.draft,
    el('h3', {}, t('planner.stored')), d.list,
    d.suggestions));
}

function ring(latlngs) {
  const coords = latlngs.map(p => [p.lng, p.lat]);
  return { type: 'Polygon', coordinates: [[...coords, coords[0]]] };
}

function startDraw() {
  clearDraft();
  ctx.drawer = new L.Draw.Polygon(ctx.map, { shapeOptions: DRAFT_STYLE, allowIntersection: false, showArea: false });
  ctx.drawer.enable();
  showMessage(ctx.dom.message, t('planner.drawing'));
}

/** The area being drawn or edited: on the map with its vertices draggable, its report in the panel. */
function setDraft(layer, editing) {
  ctx.draft?.remove();
  ctx.draft = layer;
  ctx.editing = editing;
  layer.setStyle(DRAFT_STYLE);
  layer.addTo(ctx.map);
  // Leaflet.draw's vertex editor restores and applies these styles; only its own toolbar sets
  // them, so editing without the toolbar must (else it reads options.editing.className of nothing).
  layer.options.original = { ...layer.options };
  layer.options.editing = { ...DRAFT_STYLE, dashArray: '6 4' };
  layer.editing.enable();
  // Dragging a vertex fires editdrag continuously; the throttle keeps previews to a few a second.
  layer.on('edit editdrag', () => ctx.preview(layer.toGeoJSON().geometry));
  fillDraftPanel();
  ctx.preview(layer.toGeoJSON().geometry);
  ctx.dom.name.focus();
}

function fillDraftPanel() {
  const { editing } = ctx;
  const d = ctx.dom;
  d.draft.hidden = false;
  d.name.value = editing?.name || '';
  d.note.value = editing?.note || '';
  d.remove.hidden = !editing;
  d.plan.hidden = !ctx.planAvailable;
  d.message.hidden = true;
  document.getElementById('draft-title').textContent = editing ? t('planner.editing', { name: editing.name }) : t('planner.draft');
}

function clearDraft() {
  ctx.drawer?.disable();
  ctx.draft?.editing?.disable();
  ctx.draft?.remove();
  ctx.draft = null;
  ctx.editing = null;
  if (ctx.dom) { ctx.dom.draft.hidden = true; ctx.dom.preview.replaceChildren(); }
}

async function runPreview(geometry) {
  const seq = ++ctx.seq;
  try {
    const r = await previewArea(geometry);
    if (!ctx || seq !== ctx.seq) return; // left the view, or a newer outline is on its way
    // A stored area being edited overlaps its own stored self; that is no conflict.
    if (ctx.editing) r.overlaps = (r.overlaps || []).filter(o => o.id !== ctx.editing.id);
    ctx.dom.preview.replaceChildren(report(r));
    document.body.dataset.previews = String(Number(document.body.dataset.previews || 0) + 1);
  } catch (e) {
    if (ctx && seq === ctx.seq) ctx.dom.preview.replaceChildren(el('p', { class: 'message error' }, e.message));
  }
}

async function save(allowOverlap) {
  const d = ctx.dom;
  const name = d.name.value.trim();
  if (!name) { showMessage(d.message, t('planner.nameRequired'), false); d.name.focus(); return; }
  const geometry = ctx.draft.toGeoJSON().geometry;
  try {
    const res = ctx.editing
      ? await updateArea(ctx.editing.id, ctx.editing.etag, name, d.note.value, geometry, allowOverlap)
      : await createArea(name, d.note.value, geometry, allowOverlap);
    clearDraft();
    await reloadAreas();
    showMessage(d.message, t('planner.saved', { name }));
    document.body.dataset.savedArea = String(res.data?.id ?? '');
  } catch (e) {
    if (e.status === 409 && e.problem?.overlaps) {
      showError(d.message, e);
      d.message.append(' ', el('button', { type: 'button', class: 'secondary', onclick: () => save(true) },
        t('planner.saveAnyway')));
    } else if (e.status === 412) {
      showMessage(d.message, t('planner.stale'), false);
    } else {
      showError(d.message, e);
    }
  }
}

async function remove(button) {
  // Two clicks: the first asks, inside the panel (no browser dialog), the second deletes.
  if (!button.dataset.confirm) {
    button.dataset.confirm = 'true';
    button.textContent = t('planner.confirmDelete');
    return;
  }
  const { id, etag, name } = ctx.editing;
  try {
    await deleteArea(id, etag);
    clearDraft();
    await reloadAreas();
    showMessage(ctx.dom.message, t('planner.deleted', { name }));
  } catch (e) {
    showError(ctx.dom.message, e);
  }
}

async function selectArea(id) {
  if (ctx.drawer?.enabled()) return; // a click while drawing places a vertex, not a selection
  try {
    const { data, etag } = await readArea(id);
    const layer = L.geoJSON(data).getLayers()[0];
    setDraft(layer, { id, etag, name: data.properties.name, note: data.properties.note, feature: data });
    ctx.map.fitBounds(layer.getBounds(), { maxZoom: 17 });
  } catch (e) {
    showError(ctx.dom.message, e);
  }
}

async function reloadAreas() {
  try {
    await ctx.areas.reload();
  } catch (e) {
    showError(ctx.dom.message, e);
  }
  listAreas();
}

function listAreas() {
  const items = ctx.areas.features.map(f => el('li', { tabIndex: 0, dataset: { area: f.id },
    onclick: () => selectArea(f.id) }, f.properties.name));
  ctx.dom.list.replaceChildren(...(items.length ? items : [el('li', {}, t('planner.noAreas'))]));
}

async function suggest() {
  try {
    const { data } = await withProgress(t('planner.suggesting'), () => api('/api/linkage/suggestions',
      { method: 'POST', body: { gapMeters: 30, maxMembers: 8, limit: 30 } }));
    // A suggestion sharing a community with a stored area is that area again: leave it out.
    const stored = await storedMembers();
    ctx.skipped = data.suggestions.filter(s => s.members.some(m => stored.has(m))).length;
    ctx.suggested = data.suggestions.filter(s => !s.members.some(m => stored.has(m)));
  } catch (e) {
    showError(ctx.dom.message, e);
    return;
  }
  ctx.suggestLayer?.remove();
  ctx.suggestOutlines = L.geoJSON({ type: 'FeatureCollection', features: ctx.suggested.map((s, i) => ({
    type: 'Feature', id: i, geometry: s.outline, properties: {} })) }, {
    style: { color: '#ef6c00', weight: 2, dashArray: '6 4', fillOpacity: 0.08 },
    onEachFeature: (f, layer) => layer.on('click', () => showSuggestion(f.id)),
  });
  // At the city's zoom an outline of a few hundred metres is a dot: a marker of fixed size on each
  // keeps every suggestion visible at any zoom.
  const markers = ctx.suggestOutlines.getLayers().map(l => L.circleMarker(l.getBounds().getCenter(), {
    radius: 7, color: '#ef6c00', weight: 2, fillColor: '#ffb74d', fillOpacity: 0.9, className: 'suggestion-marker' })
    .bindTooltip(suggestionName(ctx.suggested[l.feature.id])).on('click', () => showSuggestion(l.feature.id)));
  ctx.suggestLayer = L.featureGroup([ctx.suggestOutlines, ...markers]).addTo(ctx.map);
  ctx.state.overlay('suggestions', ctx.suggestLayer);
  showSuggestions();
}

/** The communities already in a stored area (each stored area's report lists its members). */
async function storedMembers() {
  const reports = await Promise.all(ctx.areas.features.map(f =>
    api(`/api/linked-areas/${f.id}/report`).then(r => r.data).catch(() => null)));
  return new Set(reports.filter(Boolean).flatMap(r => (r.members || []).map(m => m.id)));
}

function showSuggestions() {
  ctx.dom.suggestions.replaceChildren(el('h3', {}, t('planner.suggestions', { count: ctx.suggested.length })),
    ctx.skipped ? el('p', { class: 'notice', id: 'suggestions-skipped' },
      t('planner.suggestionsSkipped', { count: ctx.skipped })) : null,
    suggestions(ctx.suggested, { onShow: showSuggestion, onAdopt: adopt }));
}

function showSuggestion(i) {
  const layer = ctx.suggestOutlines?.getLayers().find(l => l.feature.id === i);
  if (layer) ctx.map.fitBounds(layer.getBounds(), { maxZoom: 17 });
  document.querySelectorAll('#suggestions li').forEach(li =>
    li.classList.toggle('selected', li.dataset.suggestion === String(i)));
}

/** Adopting saves the suggestion's outline as a stored area under a name made of its members. */
async function adopt(i, button) {
  const s = ctx.suggested[i];
  const name = suggestionName(s);
  button.disabled = true;
  try {
    await createArea(name, s.memberNames.join('、'), s.outline);
    await reloadAreas();
    showMessage(ctx.dom.message, t('planner.saved', { name }));
    button.textContent = t('planner.adopted');
  } catch (e) {
    button.disabled = false;
    showError(ctx.dom.message, e);
  }
}

async function openPlan() {
  const geometry = ctx.draft.toGeoJSON().geometry;
  const title = ctx.dom.name.value || t('planner.draft');
  try {
    // A stored area has its own plan endpoint; a draft sends its outline.
    const plan = await withProgress(t('planner.planning'), async () => (ctx.editing
      ? (await api(`/api/linked-areas/${ctx.editing.id}/construction-plan`)).data : planOf(geometry)));
    showPlan(ctx.state, plan, title);
  } catch (e) {
    showError(ctx.dom.message, e);
  }
}
