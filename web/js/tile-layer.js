// One map layer drawn from the service's own vector tiles (OGC API Tiles, MVT) through
// Leaflet.VectorGrid (web/js/vendor/, see its LICENSE.txt). The service clips, simplifies and caches
// the tiles and drops what is under a pixel, so a city of 100,000 communities costs the page a few
// dozen small tiles, never a city-wide download; the page only styles what arrives.
//
// Tiles carry each feature's attributes and its numeric id (MvtWriter), enough to style and to
// pick; the attribute panel reads the whole feature by id (/api/{layer}/{id}), which also gives the
// outline drawn on top as the highlight. Same-origin requests carry the session cookie, so a
// signed-in page gets the signed-in tiles (pipelines, facilities) and an anonymous one never does.

// Picking is done here, not by VectorGrid's interactive tiles: each interactive layer's canvas
// takes the pointer, so a click on the works layer's (mostly empty) tile would never reach the
// communities drawn under it; and VectorGrid 1.3.0 stops canvas clicks with L.DomEvent.fakeStop,
// which Leaflet 1.8 removed. The tiles stay inert and the map's click asks each layer, top first.

/** The zoom from which the service puts each layer in its tiles (tiles/TileSets.MIN_ZOOM). */
export const TILE_MIN_ZOOM = { districts: 0, communities: 0, works: 0, streets: 12, pipelines: 0,
  facilities: 14, 'pipe-points': 15 };
/**
 * Below this zoom the works tiles hold clusters (a point with `count`, and `cluster` when more
 * than one work) instead of the works (tiles/TileSets.CLUSTER_BELOW); communities under a pixel
 * come as dots (`dot`: how many share the dot) at every zoom.
 */
export const WORKS_CLUSTER_BELOW = 14;
/**
 * Below this zoom the communities tiles are an overview: every community counted into an 8-px
 * dot (tiles/TileEncoder.OVERVIEW_BELOW, decision 95).
 */
export const OVERVIEW_BELOW = 10;

export function tileUrl(layerId) {
  return `/ogcapi/collections/${layerId}/tiles/WebMercatorQuad/{z}/{y}/{x}`;
}

/**
 * A VectorGrid layer of one collection. `styleOf(properties)` answers a Leaflet path style, or
 * null to leave the feature out (a filter); `grid.pick(latlng)` calls `onPick(properties)` with the
 * feature drawn there, if any, and answers whether there was one.
 */
export function tileLayer(def, pane, styleOf, onPick) {
  const grid = L.vectorGrid.protobuf(tileUrl(def.id), {
    pane,
    rendererFactory: L.canvas.tile,
    interactive: false,
    minZoom: TILE_MIN_ZOOM[def.id] ?? 0,
    maxNativeZoom: 22,
    // A cluster has no id of its own: a key of its own keeps one from hiding another.
    getFeatureId: f => f.properties.id ?? `cluster-${++clusterKeys}`,
    fetchOptions: { credentials: 'same-origin' },
    vectorTileLayerStyles: {
      [def.id]: properties => {
        const style = styleOf(properties);
        return style ? { ...style, fill: style.fill ?? !!def.area } : [];
      },
    },
  });
  grid.pick = latlng => {
    const hit = hitTest(grid, latlng);
    if (hit?.cluster) {
      // A cluster: closer in, where its works come apart.
      grid._map.setView(latlng, Math.min(WORKS_CLUSTER_BELOW, grid._map.getZoom() + 2));
    } else if (hit?.dot > 1 && grid._map.getZoom() < OVERVIEW_BELOW) {
      // An overview dot stands for many communities: closer in, where they come apart.
      grid._map.setView(latlng, Math.min(OVERVIEW_BELOW + 2, grid._map.getZoom() + 2));
    } else if (hit) {
      onPick(hit);
    }
    return !!hit;
  };
  // A cluster's count is written on its circle once the tile is drawn (VectorGrid draws shapes,
  // not text); the tile's canvas is the one VectorGrid drew on.
  grid.on('tileload', e => writeCounts(grid, e));
  return grid;
}

let clusterKeys = 0;

function writeCounts(grid, { tile, coords }) {
  const renderer = grid._vectorTiles?.[grid._tileCoordsToKey(coords)];
  const ctx = tile?.getContext?.('2d');
  if (!renderer?._features || !ctx) return;
  ctx.save();
  ctx.font = 'bold 11px sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#fff';
  for (const { feature } of Object.values(renderer._features)) {
    if (feature.properties.cluster && feature._point) {
      ctx.fillText(String(clusterCount(grid, feature.properties)), feature._point.x, feature._point.y);
    }
  }
  ctx.restore();
}

/** A cluster's count as shown: under a filter with `countOf` (a utility's own), its members. */
function clusterCount(grid, properties) {
  return grid.countOf ? grid.countOf(properties) : properties.count;
}

/** The distinct features of a grid in the tiles now on screen: [{id, properties}] (no clusters). */
export function tileFeatures(grid) {
  const seen = new Map();
  for (const tile of Object.values(grid._vectorTiles || {})) {
    for (const [id, { feature }] of Object.entries(tile._features || {})) {
      if (!seen.has(id) && !feature.properties.cluster) {
        seen.set(id, { id: Number(id), properties: feature.properties });
      }
    }
  }
  return [...seen.values()];
}

/** The clusters in the tiles now on screen: [{count, latlng}]. */
export function tileClusters(grid) {
  const out = [];
  const size = grid.getTileSize();
  for (const [key, tile] of Object.entries(grid._vectorTiles || {})) {
    const [x, y, z] = key.split(':').map(Number);
    for (const { feature } of Object.values(tile._features || {})) {
      if (!feature.properties.cluster || !feature._point) continue;
      const pixel = L.point(x, y).scaleBy(size).add(feature._point);
      if (clusterCount(grid, feature.properties) < 1) continue; // filtered out
      out.push({ count: clusterCount(grid, feature.properties),
        latlng: grid._map.unproject(pixel, z) });
    }
  }
  return out;
}

/** The properties of the feature drawn at `latlng` on its tile (the last drawn wins), or null. */
function hitTest(grid, latlng) {
  const map = grid._map;
  const z = grid._tileZoom;
  if (!map || z === undefined || !grid._vectorTiles) return null;
  const size = grid.getTileSize();
  const pixel = map.project(latlng, z);
  const coords = pixel.unscaleBy(size).floor();
  const tile = grid._vectorTiles[`${coords.x}:${coords.y}:${z}`];
  if (!tile?._features) return null;
  const inTile = pixel.subtract(coords.scaleBy(size));
  let hit = null;
  for (const { feature } of Object.values(tile._features)) {
    // The bounds a hit test needs are what VectorGrid's makeInteractive computes (no listeners).
    if (!feature._pxBounds) feature.makeInteractive?.();
    if (feature._containsPoint?.(inTile)) hit = feature.properties;
  }
  return hit;
}
