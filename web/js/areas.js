// Stored joint renovation areas (linked areas): the layer on the map and the calls that change
// them. Writes carry the version they were read at (If-Match), so two planners editing the same
// area never silently overwrite each other: the second gets 412 and reloads.
import { api } from './api.js';

export const AREA_STYLE = { color: '#6a1b9a', weight: 2, dashArray: '4 3', fillColor: '#ce93d8', fillOpacity: 0.25 };
export const DRAFT_STYLE = { color: '#d81b60', weight: 3, fillColor: '#f48fb1', fillOpacity: 0.2 };

export class AreaLayer {
  constructor(map, onSelect) {
    if (!map.getPane('pane-areas')) map.createPane('pane-areas').style.zIndex = 450;
    this.map = map;
    this.group = L.geoJSON(null, {
      pane: 'pane-areas', style: () => AREA_STYLE,
      onEachFeature: (f, layer) => {
        layer.on('click', () => onSelect(f, layer));
        layer.bindTooltip(f.properties.name, { sticky: true });
      },
    }).addTo(map);
    this.features = [];
  }

  /** Linked areas are few (one per joint project), so the whole collection is one request. */
  async reload() {
    const { data } = await api('/api/linked-areas');
    this.features = data.features;
    this.group.clearLayers();
    this.group.addData(data);
    return this.features;
  }

  layerOf(id) {
    return this.group.getLayers().find(l => l.feature.id === id);
  }

  remove() {
    this.group.remove();
  }
}

function feature(name, note, geometry, extra = {}) {
  return { type: 'Feature', properties: { name, note: note || null }, geometry, ...extra };
}

export async function previewArea(geometry) {
  // The preview validates the whole request, name included; the draft has none yet.
  return (await api('/api/linked-areas/preview', { method: 'POST', body: feature('preview', null, geometry) })).data;
}

export async function createArea(name, note, geometry, allowOverlap = false) {
  return api('/api/linked-areas', { method: 'POST', body: feature(name, note, geometry, { allowOverlap }) });
}

export async function readArea(id) {
  return api(`/api/linked-areas/${id}`);
}

export async function updateArea(id, etag, name, note, geometry, allowOverlap = false) {
  return api(`/api/linked-areas/${id}`, { method: 'PUT', headers: { 'If-Match': etag },
    body: feature(name, note, geometry, { allowOverlap }) });
}

export async function deleteArea(id, etag) {
  return api(`/api/linked-areas/${id}`, { method: 'DELETE', headers: { 'If-Match': etag } });
}

/** The coordinated construction plan of an outline (the works feature's endpoint). */
export async function planOf(geometry) {
  return (await api('/api/construction-plan', { method: 'POST', body: geometry })).data;
}
