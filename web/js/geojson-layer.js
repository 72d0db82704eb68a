// The one layer not drawn from tiles: anonymous visitors' works, from /api/public/works (planned
// and current works, a fixed list of fields). The works tiles hold every work with all its
// attributes, so the citizens' subset comes from its own endpoint, for the visible box only.
import { PAGE } from './api.js';

/** A bbox-limited GeoJSON layer that reloads on demand; a newer request aborts an older one. */
export class GeoJsonLayer extends L.GeoJSON {
  constructor(def, pane, map, onPick) {
    super(null, {
      pane,
      style: def.style,
      bubblingMouseEvents: false, // a click on a work is not also a click on the tiles under it
      onEachFeature: (f, layer) => layer.on('click', () => onPick(f, layer)),
    });
    this.def = def;
    this.onMap = map;
  }

  redraw() { this.load(this.keep); }

  features() {
    return this.getLayers().map(l => ({ id: l.feature.id, properties: l.feature.properties, layer: l }));
  }

  async load(keep) {
    this.keep = keep;
    const map = this.onMap;
    if (map.getZoom() < this.def.publicMinZoom || !map.hasLayer(this)) {
      this.clearLayers();
      return;
    }
    this.ctrl?.abort();
    const ctrl = new AbortController();
    this.ctrl = ctrl;
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(v => v.toFixed(6)).join(',');
    try {
      const res = await fetch(`${this.def.publicPath}?bbox=${bbox}&limit=5000`, { signal: ctrl.signal,
        credentials: 'same-origin', headers: PAGE });
      if (!res.ok) return;
      const data = await res.json();
      if (keep) data.features = data.features.filter(keep);
      this.clearLayers();
      this.addData(data);
      map.fire('jointworks:loaded', { layer: this.def.id, count: data.features.length });
    } catch (e) {
      if (e.name !== 'AbortError') console.warn(`loading ${this.def.id} failed`, e);
    }
  }
}
