// The map's data layers: what each shows, how it is styled, from which zoom it loads. Every layer
// is loaded for the visible box only (bbox-limited requests), never as one city-wide download.
import { api, PAGE } from './api.js';
import { t } from './i18n.js';

/** CJJ 61-2017 map colours of the utilities. */
export const UTILITY_COLOURS = {
  water_supply: 'rgb(0,255,255)', drainage: 'rgb(76,57,38)', gas: 'rgb(255,0,255)',
  heating: 'rgb(255,128,0)', power: 'rgb(255,0,0)', telecom: 'rgb(0,255,0)',
};
const UNKNOWN = 'rgb(102,0,204)';

export function utilityColour(utility) {
  return UTILITY_COLOURS[utility] || UNKNOWN;
}

/** Renovation status colours for communities (the programme's workflow order). */
export const STATUS_COLOURS = {
  none: '#9e9e9e', surveyed: '#bdbdbd', scheme_drafted: '#90caf9', consent_collected: '#42a5f5',
  started: '#ffa726', completed: '#66bb6a', accepted: '#2e7d32', handed_over: '#1b5e20',
};

export const LAYERS = [
  { id: 'districts', minZoom: 0, on: true, signedIn: false,
    style: () => ({ color: '#37474f', weight: 2, dashArray: '6 4', fillOpacity: 0.03 }) },
  { id: 'streets', minZoom: 13, on: true, signedIn: false,
    style: f => ({ color: '#b0bec5', weight: Math.max(2, (f.properties.width_m || 12) / 6) }) },
  { id: 'communities', minZoom: 0, on: true, signedIn: false,
    style: f => ({ color: '#5d4037', weight: 1,
      fillColor: STATUS_COLOURS[f.properties._status || 'none'], fillOpacity: 0.55 }) },
  { id: 'works', minZoom: 11, on: true, signedIn: false,
    style: f => ({ color: utilityColour(f.properties.utility), weight: 5, opacity: 0.8,
      dashArray: f.properties.status === 'cancelled' ? '2 6' : null }) },
  { id: 'pipelines', minZoom: 14, on: false, signedIn: true,
    style: f => ({ color: utilityColour(f.properties.utility), weight: 2 }) },
  { id: 'facilities', minZoom: 12, on: false, signedIn: true, point: true,
    style: () => ({ radius: 6, color: '#00695c', fillColor: '#26a69a', fillOpacity: 0.9 }) },
];

/**
 * Keeps the layers' contents in step with the map's view: on every move, each switched-on layer
 * whose zoom has come is reloaded for the new box; a request overtaken by a newer one is aborted.
 */
export class LayerManager {
  constructor(map, user, onSelect, onNotice) {
    this.map = map;
    this.user = user;
    this.onSelect = onSelect;
    this.onNotice = onNotice;
    this.groups = {};
    this.controllers = {};
    this.decorate = {};
    this.counts = {};
    for (const def of this.visibleDefs()) {
      const pane = map.createPane(`pane-${def.id}`);
      pane.style.zIndex = 400 + LAYERS.indexOf(def);
      this.groups[def.id] = L.geoJSON(null, {
        pane: `pane-${def.id}`,
        style: def.style,
        pointToLayer: def.point ? (f, latlng) => L.circleMarker(latlng, { ...def.style(f),
          pane: `pane-${def.id}` }) : undefined,
        onEachFeature: (f, layer) => {
          layer.on('click', () => onSelect(def.id, f, layer));
          layer.feature.layerId = def.id;
        },
      });
      if (def.on) this.groups[def.id].addTo(map);
    }
    map.on('moveend', () => this.refresh());
  }

  visibleDefs() {
    return LAYERS.filter(d => !d.signedIn || this.user);
  }

  /** Adds properties to features before they are drawn (for example a community's status). */
  setDecorator(layerId, fn) {
    this.decorate[layerId] = fn;
  }

  isOn(id) {
    return this.map.hasLayer(this.groups[id]);
  }

  toggle(id, on) {
    if (on) { this.groups[id].addTo(this.map); this.load(id); } else { this.map.removeLayer(this.groups[id]); }
  }

  refresh() {
    const notices = [];
    for (const def of this.visibleDefs()) {
      if (!this.isOn(def.id)) continue;
      if (this.map.getZoom() < def.minZoom) {
        this.groups[def.id].clearLayers();
        notices.push(t('layers.zoomIn', { layer: t(`layer.${def.id}`), zoom: def.minZoom }));
        continue;
      }
      this.load(def.id);
    }
    this.onNotice(notices);
  }

  async load(id) {
    const def = LAYERS.find(d => d.id === id);
    if (this.map.getZoom() < def.minZoom) return;
    this.controllers[id]?.abort();
    const ctrl = new AbortController();
    this.controllers[id] = ctrl;
    const b = this.map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(v => v.toFixed(6)).join(',');
    try {
      const res = await fetch(`/api/${id}?bbox=${bbox}&limit=5000`, { signal: ctrl.signal,
        credentials: 'same-origin', headers: PAGE });
      if (!res.ok) return;
      const data = await res.json();
      const decorate = this.decorate[id];
      if (decorate) data.features.forEach(decorate);
      this.groups[id].clearLayers();
      this.groups[id].addData(data);
      this.counts[id] = data.features.length;
      if (data.truncated) this.onNotice([t('layers.truncated', { layer: t(`layer.${id}`) })], true);
      this.map.fire('jointworks:loaded', { layer: id, count: data.features.length });
    } catch (e) {
      if (e.name !== 'AbortError') console.warn(`loading ${id} failed`, e);
    }
  }

  /** Features of a layer currently drawn. */
  drawn(id) {
    return this.groups[id] ? this.groups[id].getLayers().length : 0;
  }
}

export async function loadMapConfig() {
  return (await api('/api/map/config')).data;
}
