// Clearance violations on the map: a symbol of their own (a dark diamond, no utility's CJJ 61
// colour), gathered by screen cell at low zoom so a city's violations read as counts, not blobs.
// A plain grid, recomputed on every zoom: the lists are small (tens to hundreds of points), so no
// clustering library is needed. Clicking a cluster zooms in on its members.
import { t } from '../i18n.js';

/** Below this zoom, violations closer than CELL_PX on screen are drawn as one counted cluster. */
export const CLUSTER_BELOW_ZOOM = 16;
const CELL_PX = 48;

const diamond = L.divIcon({ className: 'clearance-mark', iconSize: [14, 14],
  html: '<svg viewBox="0 0 14 14" width="14" height="14" aria-hidden="true">'
    + '<path d="M7 1 L13 7 L7 13 L1 7 Z" fill="#212121" stroke="#fff" stroke-width="1.5"/></svg>' });

function clusterIcon(count) {
  const size = count < 10 ? 24 : count < 100 ? 30 : 36;
  return L.divIcon({ className: 'clearance-cluster', iconSize: [size, size],
    html: `<span>${count}</span>` });
}

/** Draws {@code items} ({lat, lon, a, b, kind}) into {@code group}, clustered by zoom. */
export function markClearances(map, group, items, describe) {
  const draw = () => {
    group.clearLayers();
    const zoom = map.getZoom();
    const cells = new Map();
    for (const x of items) {
      const p = map.project([x.lat, x.lon], zoom);
      const key = zoom >= CLUSTER_BELOW_ZOOM ? `${x.lat},${x.lon}`
        : `${Math.floor(p.x / CELL_PX)},${Math.floor(p.y / CELL_PX)}`;
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push(x);
    }
    for (const members of cells.values()) {
      if (members.length === 1) {
        const x = members[0];
        L.marker([x.lat, x.lon], { icon: diamond, pane: 'pane-findings', keyboard: false })
          .bindTooltip(describe(x)).addTo(group);
      } else {
        const bounds = L.latLngBounds(members.map(x => [x.lat, x.lon]));
        L.marker(bounds.getCenter(), { icon: clusterIcon(members.length), pane: 'pane-findings' })
          .bindTooltip(t('clearanceMarks.cluster', { count: members.length }))
          .on('click', () => map.fitBounds(bounds.pad(0.5), { maxZoom: CLUSTER_BELOW_ZOOM + 1 }))
          .addTo(group);
      }
    }
  };
  if (group._clearanceRedraw) map.off('zoomend', group._clearanceRedraw);
  group._clearanceRedraw = draw;
  map.on('zoomend', draw);
  draw();
}
