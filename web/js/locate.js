// Locate me: a field worker on a phone asks where they stand. The browser's Geolocation API
// answers on the device; the position is drawn on the map and never sent to the server (no
// request carries it), so the service learns nothing about where its users are.
import { t, num } from './i18n.js';

/** Closer than this the map zooms to street level; a coarse fix (Wi-Fi, cell) keeps the zoom. */
const STREET_ZOOM = 17;
const TIMEOUT_MS = 15000;

/** Adds the locate button where the browser offers geolocation (secure contexts only). */
export function addLocateTool(state) {
  if (!('geolocation' in navigator)) return;
  const control = L.control({ position: 'topleft' });
  let marker = null;
  let circle = null;
  let readout = null;
  control.onAdd = () => {
    const box = L.DomUtil.create('div', 'leaflet-bar locate');
    const button = L.DomUtil.create('a', 'locate-button', box);
    button.href = '#';
    button.id = 'locate';
    button.textContent = '◎'; // in CJK fonts too (⌖ is not)
    button.title = t('locate.button');
    button.setAttribute('aria-label', t('locate.button'));
    readout = L.DomUtil.create('output', 'locate-readout', box);
    readout.id = 'locate-readout';
    readout.hidden = true;
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.on(button, 'click', e => {
      L.DomEvent.preventDefault(e);
      button.classList.add('active');
      readout.hidden = false;
      readout.textContent = t('locate.finding');
      navigator.geolocation.getCurrentPosition(position => {
        button.classList.remove('active');
        const { latitude, longitude, accuracy } = position.coords;
        const here = L.latLng(latitude, longitude);
        marker?.remove();
        circle?.remove();
        circle = L.circle(here, { radius: accuracy, weight: 1, color: '#1565c0', fillOpacity: 0.1,
          interactive: false }).addTo(state.map);
        marker = L.circleMarker(here, { radius: 6, color: '#fff', weight: 2, fillColor: '#1565c0',
          fillOpacity: 1, interactive: false }).addTo(state.map);
        state.located = { lat: latitude, lng: longitude, accuracyM: accuracy };
        if (accuracy <= 100) state.map.setView(here, Math.max(state.map.getZoom(), STREET_ZOOM));
        else state.map.fitBounds(circle.getBounds());
        readout.textContent = t('locate.found', { m: num(Math.round(accuracy)) });
      }, error => {
        button.classList.remove('active');
        readout.textContent = t(error.code === error.PERMISSION_DENIED ? 'locate.denied'
          : error.code === error.TIMEOUT ? 'locate.timeout' : 'locate.unavailable');
      }, { enableHighAccuracy: true, timeout: TIMEOUT_MS, maximumAge: 60000 });
    });
    return box;
  };
  control.addTo(state.map);
}
