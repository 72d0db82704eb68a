// The map page: one map for planners, utility companies, leaders and the public. This module
// wires the map, the layer list, sign-in state, search and the role views together; each view
// lives in its own module under views/ and is offered only when its endpoints exist.
import { api, csrfToken, whoAmI } from './api.js';
import { applyMessages, loadMessages, switchLang, t, currentLang } from './i18n.js';
import { LAYERS, LayerManager, loadMapConfig, offered } from './layers.js';
import { showFeature } from './feature.js';
import { districtName, loadDistrictNames } from './names.js';
import { withProgress } from './progress.js';
import { addUtilityLegend, colourCommunitiesByStatus, relabelLegend } from './status.js';
import { addCounties } from './counties.js';
import { addMeasureTool } from './measure.js';
import { addLocateTool } from './locate.js';
import { addImportPanel } from './import.js';
import { addExcelButtons, addLayerExports } from './export-xlsx.js';
import { addExportTool } from './export-map.js';
import { addPublicWorksList } from './public-works.js';

const state = { user: null, map: null, layers: null, view: 'map', views: {}, overlays: {} };
window.jointworks = state; // for the browser tests and for debugging

async function main() {
  // Everything the first map needs is asked for at once, not one answer after another (decision
  // 95): the messages, who is signed in, the districts' names, the map's settings and the counties
  // (the opening view's extent, and their outlines drawn below).
  const pending = { config: settled(loadMapConfig()), counties: settled(api('/api/map/counties')),
    user: settled(whoAmI()), names: loadDistrictNames() };
  await loadMessages();
  applyMessages(document);
  [state.user] = await Promise.all([pending.user.then(unwrap), pending.names]);
  showAccount();
  const [config, counties] = await Promise.all([pending.config.then(unwrap), pending.counties]);
  state.map = createMap(config, counties.value?.data);
  performance.mark('map:created');
  state.layers = new LayerManager(state.map, state.user,
    (layerId, feature, layer) => showFeature(layerId, feature, layer, state),
    (notices, append) => showNotices(notices, append));
  addMeasureTool(state);
  addLocateTool(state);
  addExportTool(state);
  state.layers.paused = () => state.measuring;
  // Without the counties, open on the districts' extent; the tiles then draw what is in view.
  if (!state.map.opened) fitCity();
  // The real counties under the data, named and shaded (not awaited: the first map comes first).
  addCounties(state, counties.value?.data).then(layer => { state.counties = layer; state.overlay('counties', layer); })
    .catch(e => console.warn('no county outlines', e));
  buildLayerList();
  state.publicWorks = addPublicWorksList(state);
  wireSearch();
  await wireViews();
  // Import (planners, utilities) and Excel export of the tables: their own modules.
  addImportPanel(state);
  addExcelButtons();
  addLayerExports(state);
  document.getElementById('lang').addEventListener('click', async () => {
    await switchLang();
    applyMessages(document);
    buildLayerList();
    relabelLegend();
    state.publicWorks?.relabel();
    state.counties?.relabel();
    showAccount();
    state.layers.refresh(); // its notices are in the old language
    document.getElementById('lang').textContent = currentLang() === 'zh-CN' ? 'EN' : '中文';
    state.views[state.view]?.rerender?.();
  });
  document.getElementById('lang').textContent = currentLang() === 'zh-CN' ? 'EN' : '中文';
  state.layers.refresh();
  // Not awaited: the first map must not wait for the programme; the colours follow when it comes.
  colourCommunitiesByStatus(state);
  document.body.dataset.ready = 'true';
}

/** A promise that never rejects: {value} or {error}, so answers asked for early wait unhandled. */
function settled(promise) {
  return promise.then(value => ({ value }), error => ({ error }));
}

function unwrap({ value, error }) {
  if (error) throw error;
  return value;
}

/**
 * The map, opening on the 12 counties (issue 18) when they came: the communities (dots below a
 * pixel) and the works (counted clusters) are in the tiles at every zoom, so the whole city shows
 * at once. Set before any layer is added, so no tile of another view is asked for first.
 */
function createMap(config, counties) {
  const map = L.map('map', { zoomControl: true, preferCanvas: false });
  const bounds = counties?.features?.length ? L.geoJSON(counties).getBounds() : null;
  if (bounds?.isValid()) {
    map.fitBounds(bounds, { paddingTopLeft: [10, 10], paddingBottomRight: [10, 10] });
    map.opened = true;
    performance.mark('map:opened');
  } else {
    map.setView([config.centerLat, config.centerLon], config.zoom);
  }
  if (config.basemapUrl) {
    L.tileLayer(config.basemapUrl, { attribution: config.basemapAttribution, maxZoom: 19 }).addTo(map);
  } else {
    // No basemap configured: the districts and streets of the data draw the background.
    document.getElementById('map').classList.add('no-basemap');
  }
  L.control.scale({ imperial: false }).addTo(map);
  addUtilityLegend(map);
  return map;
}

/** Without the counties: the districts' extent. */
async function fitCity() {
  const { data } = await api('/api/districts?limit=1000').catch(() => ({ data: null }));
  if (!data) return;
  const bounds = L.geoJSON(data).getBounds();
  if (!bounds.isValid()) return;
  state.map.fitBounds(bounds, { paddingTopLeft: [10, 10], paddingBottomRight: [10, 10] });
  performance.mark('map:opened');
}

function showAccount() {
  const who = document.getElementById('who');
  const signIn = document.getElementById('sign-in');
  const signOut = document.getElementById('sign-out');
  if (state.user) {
    who.textContent = `${state.user.username} · ${t(`role.${state.user.role}`)}`;
    signIn.hidden = true;
    signOut.hidden = false;
    document.getElementById('logout-csrf').value = csrfToken();
    document.getElementById('account-link').hidden = false;
    document.getElementById('admin-link').hidden = state.user.role !== 'ADMIN';
  } else {
    who.textContent = t('account.public');
    signIn.hidden = false;
    signOut.hidden = true;
  }
}

function buildLayerList() {
  const list = document.getElementById('layer-list');
  list.replaceChildren();
  for (const def of LAYERS) {
    if (!offered(def, state.user)) continue;
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = state.layers.isOn(def.id);
    box.dataset.layer = def.id;
    box.addEventListener('change', () => state.layers.toggle(def.id, box.checked));
    label.append(box, ` ${t(`layer.${def.id}`)}`);
    list.append(label);
  }
  // The views' own layers (joint areas, conflicts, clearance violations…) switch the same way.
  for (const [id, layer] of Object.entries(state.overlays)) {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = state.map.hasLayer(layer);
    box.dataset.layer = id;
    box.addEventListener('change', () => (box.checked ? layer.addTo(state.map) : layer.remove()));
    const label = document.createElement('label');
    label.append(box, ` ${t(`layer.${id}`)}`);
    list.append(label);
  }
}

/** A view shows one of its layers in the layer list while it is open (null removes it). */
state.overlay = (id, layer) => {
  if (layer) state.overlays[id] = layer; else delete state.overlays[id];
  buildLayerList();
};

function showNotices(notices, append) {
  const el = document.getElementById('notice');
  const text = append ? [el.textContent, ...notices].filter(Boolean).join(' ') : notices.join(' ');
  el.textContent = text;
  el.hidden = !text;
}

function wireSearch() {
  const input = document.getElementById('search-input');
  const results = document.getElementById('search-results');
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      results.replaceChildren();
      if (!q) return;
      // Communities and streets by name, side by side (a street is how people give an address).
      const [communities, streets] = await Promise.all([
        api(`/api/communities?q=${encodeURIComponent(q)}&limit=8`),
        api(`/api/streets?q=${encodeURIComponent(q)}&limit=5`).catch(() => ({ data: { features: [] } }))]);
      const hits = [...communities.data.features.map(f => ['communities', f]),
        ...streets.data.features.map(f => ['streets', f])];
      for (const [layerId, f] of hits) {
        const li = document.createElement('li');
        li.dataset.layer = layerId;
        li.textContent = layerId === 'communities'
          ? `${f.properties.name} · ${districtName(f.properties.district)}`
          : `${f.properties.name} · ${t('layer.streets')}`;
        li.tabIndex = 0;
        li.addEventListener('click', () => {
          const bounds = L.geoJSON(f).getBounds();
          state.map.fitBounds(bounds, { maxZoom: 16 });
          results.replaceChildren();
          showFeature(layerId, f, null, state);
        });
        results.append(li);
      }
      if (!hits.length) {
        const li = document.createElement('li');
        li.textContent = t('search.none');
        results.append(li);
      }
    }, 250);
  });
  document.getElementById('search').addEventListener('submit', e => e.preventDefault());
}

async function wireViews() {
  const buttons = document.querySelectorAll('.views button');
  for (const b of buttons) {
    const roles = b.dataset.role ? b.dataset.role.split(' ') : null;
    const allowed = !roles || (state.user && roles.includes(state.user.role));
    let module = null;
    if (b.dataset.view !== 'map' && allowed) {
      try {
        module = await import(`./views/${b.dataset.view}.js`);
        if (module.available && !(await module.available(state))) module = null;
      } catch (e) {
        module = null; // the view's feature has not landed yet: leave it out rather than fake it
      }
    }
    b.hidden = b.dataset.view !== 'map' && !module;
    if (module) state.views[b.dataset.view] = module;
    b.addEventListener('click', () => selectView(b.dataset.view));
  }
}

async function selectView(view) {
  state.views[state.view]?.leave?.(state);
  state.view = view;
  document.body.dataset.view = view; // the dashboard labels the counties itself (app.css)
  document.querySelectorAll('.views button').forEach(b =>
    b.classList.toggle('active', b.dataset.view === view));
  const panel = document.getElementById('view-panel');
  panel.replaceChildren();
  if (state.views[view]) await state.views[view].enter(state, panel);
}

/** Kept here too: the progress bar predates its own module. */
export { withProgress };

main().catch(e => {
  console.error(e);
  document.body.dataset.ready = 'error';
});
