// Measuring on the map: each click adds a point; the readout gives the length of the line and,
// from three points, the area it encloses. Geodesic: distances by Leaflet's haversine
// (map.distance), the area on the sphere by Chamberlain and Duquette's sum ("Some algorithms
// for polygons on a sphere", JPL 2007, as Leaflet.draw's geodesicArea), both well within 1 % at a
// city's scale.
import { t, num } from './i18n.js';

const EARTH_RADIUS_M = 6378137;

/** Adds the measure button; while measuring, map clicks add points instead of picking. */
export function addMeasureTool(state) {
  const control = L.control({ position: 'topleft' });
  let points = [];
  let line = null;
  let readout = null;
  control.onAdd = () => {
    const box = L.DomUtil.create('div', 'leaflet-bar measure');
    const button = L.DomUtil.create('a', 'measure-button', box);
    button.href = '#';
    button.id = 'measure';
    button.textContent = t('measure.short');
    button.title = t('measure.button');
    readout = L.DomUtil.create('output', 'measure-readout', box);
    readout.id = 'measure-readout';
    readout.hidden = true;
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.on(button, 'click', e => {
      L.DomEvent.preventDefault(e);
      state.measuring = !state.measuring;
      button.classList.toggle('active', state.measuring);
      points = [];
      line?.remove();
      line = state.measuring ? L.polyline([], { color: '#d84315', weight: 3, dashArray: '6 4',
        interactive: false }).addTo(state.map) : null;
      readout.hidden = !state.measuring;
      readout.textContent = t('measure.hint');
    });
    return box;
  };
  control.addTo(state.map);
  state.map.on('click', e => {
    if (!state.measuring) return;
    points.push(e.latlng);
    line.setLatLngs(points.length > 2 ? [...points, points[0]] : points);
    let length = 0;
    for (let i = 1; i < points.length; i++) length += state.map.distance(points[i - 1], points[i]);
    const parts = [t('measure.distance', { m: num(Math.round(length)) })];
    if (points.length > 2) parts.push(t('measure.area', { m2: num(Math.round(area(points))) }));
    readout.textContent = parts.join(' · ');
  });
}

/** Area of a small lon/lat polygon on the sphere, in m². */
export function area(latlngs) {
  let sum = 0;
  for (let i = 0; i < latlngs.length; i++) {
    const a = latlngs[i];
    const b = latlngs[(i + 1) % latlngs.length];
    sum += toRad(b.lng - a.lng) * (2 + Math.sin(toRad(a.lat)) + Math.sin(toRad(b.lat)));
  }
  return Math.abs((sum * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

function toRad(d) {
  return (d * Math.PI) / 180;
}
