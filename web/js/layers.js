// The map's data layers: what each shows and how it is styled. Every layer is drawn from the
// service's vector tiles (tile-layer.js), never as one city-wide download.
import { api } from './api.js';
import { t } from './i18n.js';
import { TILE_MIN_ZOOM, tileClusters, tileFeatures, tileLayer } from './tile-layer.js';

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

/** A work's mark at low zoom: one work a circle in its utility's colour, a cluster a counted disc. */
function workMark(p) {
  if (!p.cluster) {
    return { radius: 6, color: '#fff', weight: 1.5, fill: true, fillOpacity: 0.95,
      fillColor: utilityColour(p.utility) };
  }
  return { radius: p.count < 10 ? 10 : p.count < 100 ? 13 : 16, color: '#fff', weight: 2,
    fill: true, fillColor: '#1a237e', fillOpacity: 0.85 };
}

/** Pipe-point symbols: the appurtenances with a shape of their own (radius, ring colour). */
const APPURTENANCE_MARKS = {
  manhole: { radius: 5, color: '#000' }, valve_chamber: { radius: 5, color: '#000' },
  valve: { radius: 4, color: '#000' }, hydrant: { radius: 5, color: '#b71c1c' },
};

function pipePointMark(p) {
  const mark = APPURTENANCE_MARKS[p.appurtenance]
    ?? (p.appurtenance ? { radius: 4, color: '#37474f' } : { radius: 2.5, color: '#fff' });
  return { ...mark, weight: p.appurtenance ? 1.5 : 0.5, fill: true, fillOpacity: 0.95,
    fillColor: utilityColour(p.utility) };
}

/** Whether the layer list offers `def` to `user` (null: anonymous). */
export function offered(def, user) {
  return !def.signedIn || (!!user && (!def.roles || def.roles.includes(user.role)));
}

/**
 * A dot's radius in px: 1.5 for the few communities of a 2-px dot (zoom 10 and closer), growing
 * with the log of how many an overview dot stands for: 2 px for 10, 3 for 100, 4 from 1,000.
 */
export function dotRadius(count) {
  return Math.min(4, Math.max(1.5, 1 + Math.log10(count || 1)));
}

export const LAYERS = [
  { id: 'districts', on: true, signedIn: false, area: true,
    style: () => ({ color: '#37474f', weight: 2, dashArray: '6 4', fillOpacity: 0.03 }) },
  { id: 'streets', on: true, signedIn: false,
    style: f => ({ color: '#b0bec5', weight: Math.max(2, (f.properties.width_m || 12) / 6) }) },
  // A community under a pixel comes from the tiles as a dot (`dot`: how many share it), so the
  // whole city shows at every zoom; below zoom 10 every community is counted into an 8-px dot
  // (decision 95), larger the more it stands for. Its colour is its (first) community's status.
  { id: 'communities', on: true, signedIn: false, area: true,
    style: f => (f.properties.dot
      ? { radius: dotRadius(f.properties.dot), stroke: false, fill: true, fillOpacity: 0.9,
        fillColor: STATUS_COLOURS[f.properties._status || 'none'] === STATUS_COLOURS.none
          ? '#8d6e63' : STATUS_COLOURS[f.properties._status] }
      : { color: '#5d4037', weight: 1,
        fillColor: STATUS_COLOURS[f.properties._status || 'none'], fillOpacity: 0.55 }) },
  // The works tiles hold the public works only (approved, in progress), anonymous tiles only the
  // citizens' fields; below zoom 14 as counted clusters (tile-layer.js writes the counts).
  { id: 'works', on: true, signedIn: false,
    style: f => (f.properties.count ? workMark(f.properties)
      : { color: utilityColour(f.properties.utility), weight: 5, opacity: 0.8,
        dashArray: f.properties.status === 'cancelled' ? '2 6' : null }) },
  // Pipelines at every zoom: a pipe shorter than a pixel comes as a dot (`dot`: how many share
  // it) where it lies, in its utility's colour, so a network is whole at the opening zoom too.
  { id: 'pipelines', on: false, signedIn: true,
    style: f => (f.properties.dot
      ? { radius: dotRadius(f.properties.dot), stroke: false, fill: true, fillOpacity: 0.9,
        fillColor: utilityColour(f.properties.utility) }
      : { color: utilityColour(f.properties.utility), weight: 2 }) },
  // Pipe points (管点), from zoom 15: a dot in the utility's colour; an appurtenance (valve,
  // manhole…) larger, ringed in black, so a chamber stands out from a bend. Only the roles that
  // work with the network list them (the service lets every signed-in user read them).
  { id: 'pipe-points', on: false, signedIn: true, point: true, roles: ['UTILITY', 'PLANNER', 'ADMIN'],
    style: f => pipePointMark(f.properties) },
  { id: 'facilities', on: false, signedIn: true, point: true,
    style: () => ({ radius: 6, color: '#00695c', fillColor: '#26a69a', fillOpacity: 0.9,
      fill: true }) },
];

/**
 * Keeps the map's data layers: each is a vector-tile layer of the service's OGC API Tiles
 * (tile-layer.js), anonymous works too. Styling (a decorator such as the
 * programme status, a filter such as "only own") is applied as tiles are drawn; changing either
 * redraws the tiles on screen (revalidated by ETag, so mostly 304s). Not thread-related; one per
 * page.
 */
export class LayerManager {
  constructor(map, user, onSelect, onNotice) {
    this.map = map;
    this.user = user;
    this.onSelect = onSelect;
    this.onNotice = onNotice;
    this.groups = {};
    this.decorate = {};
    this.filters = {};
    map.createPane('pane-highlight').style.zIndex = 480;
    this.highlight = L.geoJSON(null, { pane: 'pane-highlight', interactive: false,
      style: { color: '#0d47a1', weight: 4, fill: false } }).addTo(map);
    for (const def of this.visibleDefs()) {
      const pane = `pane-${def.id}`;
      map.createPane(pane).style.zIndex = 400 + LAYERS.indexOf(def);
      this.groups[def.id] = this.tiles(def, pane);
      if (def.on) this.groups[def.id].addTo(map);
    }
    map.on('moveend', () => this.refresh());
    map.on('click', e => this.pickAt(e.latlng));
  }

  /** A click on the map: the topmost tile layer with a feature there names it. */
  pickAt(latlng) {
    if (this.paused?.()) return; // measuring: a click is a point, not a pick
    for (const def of [...this.visibleDefs()].reverse()) {
      const grid = this.groups[def.id];
      if (this.isOn(def.id) && grid.pick?.(latlng)) return;
    }
  }

  tiles(def, pane) {
    const grid = tileLayer(def, pane, props => this.styleOf(def, props),
      props => this.pick(def.id, props.id));
    grid.on('load', () => {
      // The first draw of each layer is marked, so tests can read when the map first showed it.
      if (!performance.getEntriesByName(`layer:${def.id}`).length) performance.mark(`layer:${def.id}`);
      this.map.fire('jointworks:loaded', { layer: def.id, count: this.drawn(def.id) });
    });
    return grid;
  }

  styleOf(def, properties) {
    const f = { id: properties.id, properties };
    if (this.filters[def.id] && !this.filters[def.id](f)) return null;
    this.decorate[def.id]?.(f);
    return def.style(f);
  }

  visibleDefs() {
    return LAYERS.filter(d => offered(d, this.user));
  }

  /** Adds properties to features before they are drawn (for example a community's status). */
  setDecorator(layerId, fn) {
    this.decorate[layerId] = fn;
    this.groups[layerId]?.redraw();
  }

  /** Keeps only the features `fn` accepts (a utility's own pipelines and works); null shows all. */
  setFilter(layerId, fn) {
    this.filters = { ...this.filters, [layerId]: fn };
    // A filter may say how many of a cluster's members it keeps (tile-layer.js writes that).
    if (this.groups[layerId]) this.groups[layerId].countOf = fn?.countOf ?? null;
    if (this.isOn(layerId)) this.load(layerId);
  }

  isOn(id) {
    return !!this.groups[id] && this.map.hasLayer(this.groups[id]);
  }

  toggle(id, on) {
    if (on) { this.groups[id].addTo(this.map); } else { this.map.removeLayer(this.groups[id]); }
    this.refresh();
  }

  /** Says which switched-on layers wait for a closer zoom. */
  refresh() {
    const notices = [];
    for (const def of this.visibleDefs()) {
      if (!this.isOn(def.id)) continue;
      const group = this.groups[def.id];
      if (this.map.getZoom() < (TILE_MIN_ZOOM[def.id] ?? 0)) {
        notices.push(t('layers.zoomIn', { layer: t(`layer.${def.id}`) }));
      }
    }
    this.onNotice(notices);
  }

  /** Draws a layer again (after an edit, or a new filter). */
  load(id) {
    const group = this.groups[id];
    if (group?.load) group.load(this.filters[id]); else group?.redraw();
  }

  /** A click on a tile feature: the whole feature by id, for the panel and the outline on top. */
  async pick(layerId, id) {
    try {
      const { data } = await api(`/api/${layerId}/${id}`);
      this.showPicked(layerId, layerId === 'works' && !this.user ? await citizensView(data) : data, null);
    } catch (e) {
      console.warn(`reading ${layerId} ${id} failed`, e);
    }
  }

  /** Picks one of `features(layerId)` as a click on it would. */
  choose(layerId, f) {
    return f.layer?.feature ? this.showPicked(layerId, f.layer.feature) : this.pick(layerId, f.id);
  }

  showPicked(layerId, feature) {
    this.highlight.clearLayers();
    if (feature.geometry) this.highlight.addData(feature);
    this.onSelect(layerId, feature, null);
  }

  /**
   * Centres the map on one feature, found by id or by exact name (the search's endpoint), at
   * `zoom`; answers the feature. For links into the map and for the browser tests.
   */
  async zoomTo(layerId, { id, name }, zoom) {
    const feature = id !== undefined ? (await api(`/api/${layerId}/${id}`)).data
      : (await api(`/api/${layerId}?q=${encodeURIComponent(name)}&limit=20`)).data.features
        .find(f => f.properties.name === name);
    if (!feature) return null;
    this.map.setView(L.geoJSON(feature).getBounds().getCenter(), zoom, { animate: false });
    return feature;
  }

  /** The style a layer gives a feature's properties now (null: filtered out). */
  styleFor(layerId, properties) {
    return this.styleOf(LAYERS.find(d => d.id === layerId), properties);
  }

  /** The distinct features of a layer now drawn: [{id, properties}]. */
  features(id) {
    const group = this.groups[id];
    if (!group || !this.isOn(id)) return [];
    return group.features ? group.features() : tileFeatures(group);
  }

  /** The clusters of a layer drawn now: [{count, latlng}]. */
  clusters(id) {
    return this.isOn(id) ? tileClusters(this.groups[id]) : [];
  }

  /** How many distinct features of a layer are drawn now. */
  drawn(id) {
    return this.features(id).length;
  }
}

/**
 * A work as the citizens' works map gives it (its fixed fields and the owner's name), for an
 * anonymous visitor's attribute panel; the work as read if the list does not have it.
 */
async function citizensView(work) {
  const b = L.geoJSON(work).getBounds();
  const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(v => v.toFixed(7)).join(',');
  try {
    const { data } = await api(`/api/public/works?bbox=${bbox}&limit=100`);
    const found = data.features.find(f => f.id === work.id);
    return found ? { ...work, properties: found.properties } : work;
  } catch (e) {
    return work;
  }
}

export async function loadMapConfig() {
  return (await api('/api/map/config')).data;
}
