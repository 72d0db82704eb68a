// The opening view's geography: Xinxiang's 12 county-level units and the 高新区 zone, from
// /api/map/counties (gis-data/xinxiang-counties.geojson: approximate outlines, the zone drawn as
// an approximate rectangle and dashed). Each is named on the map and shaded: by the programme's
// completion for users who may read progress, by the works planned in it for everyone else.
import { api } from './api.js';
import { currentLang, t } from './i18n.js';

const SHADES = ['#f1f8e9', '#c5e1a5', '#9ccc65', '#7cb342', '#558b2f'];

/** Draws the counties under every other layer; answers the layer (for the layer list). */
export async function addCounties(state, given) {
  // The page asks for the counties once, at its start (their extent is the opening view).
  const data = given ?? (await api('/api/map/counties')).data;
  state.map.createPane('pane-counties').style.zIndex = 390;
  const values = await shading(state, data);
  const layer = L.geoJSON(data, { pane: 'pane-counties', interactive: false,
    style: f => ({ color: '#546e7a', weight: 1.5, dashArray: f.properties.approximate ? '4 4' : null,
      fillColor: shade(values, f.properties.code), fillOpacity: values.has(f.properties.code) ? 0.45 : 0.1 }) });
  for (const county of layer.getLayers()) {
    const p = county.feature.properties;
    L.marker(county.getBounds().getCenter(), { pane: 'pane-counties', interactive: false,
      icon: L.divIcon({ className: 'county-name', html: '', iconSize: null }) })
      .on('add', e => {
        const label = e.target.getElement();
        label.dataset.county = p.code;
        label.textContent = labelText(p, values);
      })
      .addTo(layer);
  }
  layer.addTo(state.map);
  // After a change of language: the names and figures again, in the new language.
  layer.relabel = () => document.querySelectorAll('.county-name[data-county]').forEach(label => {
    const county = data.features.find(f => f.properties.code === label.dataset.county);
    if (county) label.textContent = labelText(county.properties, values);
  });
  return layer;
}

/** The county's name in the page's language (its English name in English), and its figure. */
function labelText(p, values) {
  const name = currentLang() === 'en' && p.name_en ? p.name_en : p.name;
  return [name, p.approximate ? t('counties.approximate') : '',
    values.has(p.code) ? values.label(values.get(p.code)) : ''].filter(Boolean).join(' ');
}

/** county code → value, with `max` and a `label(value)`; progress first, else planned works. */
async function shading(state, counties) {
  if (state.user) {
    try {
      const { data } = await api('/api/progress/districts.geojson');
      const values = new Map(data.features.map(f => [f.properties.code, f.properties.completed_share ?? 0]));
      return Object.assign(values, { max: 1, label: v => t('counties.completed', { share: Math.round(v * 100) }) });
    } catch (e) {
      // 403: this role reads no progress; the planned works say where the programme is busy.
    }
  }
  const bbox = bounds(counties);
  const path = state.user ? '/api/works' : '/api/public/works';
  const { data } = await api(`${path}?bbox=${bbox.join(',')}&limit=5000`).catch(() => ({ data: { features: [] } }));
  const values = new Map();
  for (const work of data.features) {
    if (['completed', 'cancelled', 'withdrawn'].includes(work.properties.status)) continue;
    const at = firstPoint(work.geometry);
    const county = at && counties.features.find(c => contains(c.geometry, at));
    if (county) values.set(county.properties.code, (values.get(county.properties.code) || 0) + 1);
  }
  const max = Math.max(1, ...values.values());
  return Object.assign(values, { max, label: v => t('counties.works', { count: v }) });
}

function shade(values, code) {
  if (!values.has(code)) return '#eceff1';
  return SHADES[Math.min(SHADES.length - 1, Math.floor((values.get(code) / values.max) * (SHADES.length - 1)))];
}

function bounds(fc) {
  const b = L.geoJSON(fc).getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(v => v.toFixed(4));
}

function firstPoint(g) {
  let c = g?.coordinates;
  while (Array.isArray(c?.[0])) c = c[0];
  return c;
}

/** Point in polygon (outer rings, even-odd rule): enough to place a work in a county. */
function contains(geometry, [x, y]) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some(([ring]) => {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  });
}
