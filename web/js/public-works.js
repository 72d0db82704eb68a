// The citizens' works list (issue 13 item 7): approved and in-progress works near the map's
// centre or on a street, over the coming days ("next 30 days" by default, the server's today),
// each with its dates, street, traffic impact and contact. From /api/public/works/upcoming, which
// shows public works only; a click centres the map on the work and opens it.
import { api } from './api.js';
import { t, valueName } from './i18n.js';
import { el, showError } from './ui.js';

/** Adds the list under the layer list; answers its section. */
export function addPublicWorksList(state) {
  const street = el('input', { type: 'search', id: 'pw-street', 'aria-label': 'street' });
  const from = el('input', { type: 'date', id: 'pw-from', 'aria-label': 'from' });
  const days = el('select', { id: 'pw-days', 'aria-label': 'days' },
    [7, 30, 90].map(d => el('option', { value: String(d), selected: d === 30 }, '')));
  const near = el('input', { type: 'checkbox', id: 'pw-near', checked: true });
  const list = el('ol', { id: 'pw-list', class: 'pw-list' });
  const line = el('p', { class: 'pw-line', role: 'status' });
  const labels = {};
  const label = (key, control) => {
    labels[key] = el('span', {}, '');
    return el('label', { class: 'pw-field' }, labels[key], ' ', control);
  };
  const go = el('button', { type: 'submit', id: 'pw-go' }, '');
  const summary = el('summary', {}, '');
  const form = el('form', { id: 'pw-form', class: 'pw-form' },
    label('street', street), label('from', from), label('days', days),
    el('label', { class: 'pw-field' }, near, ' ', labels.near = el('span', {}, '')), go);
  const section = el('details', { id: 'public-works', class: 'public-works', open: !state.user },
    summary, form, line, list);
  const relabel = () => {
    summary.textContent = t('publicWorks.title');
    labels.street.textContent = t('publicWorks.street');
    labels.from.textContent = t('publicWorks.from');
    labels.days.textContent = t('publicWorks.days');
    labels.near.textContent = t('publicWorks.near');
    go.textContent = t('publicWorks.search');
    [...days.options].forEach(o => { o.textContent = t('publicWorks.nextDays', { days: o.value }); });
  };
  relabel();
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const q = new URLSearchParams({ days: days.value, limit: '50' });
    if (street.value.trim()) q.set('street', street.value.trim());
    if (from.value) q.set('from', from.value);
    if (near.checked) {
      const c = state.map.getCenter();
      const radius = Math.min(20000, Math.max(200,
        state.map.distance(c, state.map.getBounds().getNorthEast())));
      q.set('near', `${c.lng.toFixed(6)},${c.lat.toFixed(6)}`);
      q.set('radiusMeters', String(Math.round(radius)));
    }
    try {
      const { data } = await api(`/api/public/works/upcoming?${q}`);
      show(state, list, data);
      line.textContent = t('publicWorks.found', { count: data.numberReturned, from: data.from,
        to: data.to });
    } catch (err) {
      list.replaceChildren();
      showError(line, err);
    }
  });
  document.getElementById('layers-panel').after(section);
  section.relabel = relabel;
  return section;
}

function show(state, list, data) {
  list.replaceChildren(...data.works.map(w => el('li', {
    tabIndex: 0, dataset: { id: w.id },
    onclick: () => {
      state.map.setView([w.lat, w.lon], 17, { animate: false });
      state.layers.pick('works', w.id);
    },
  },
  el('b', {}, `${w.startDate} – ${w.endDate}`), ' ',
  el('span', { class: 'pw-street' }, w.street || t('publicWorks.noStreet')), el('br'),
  `${valueName('utility', w.utility)} · ${valueName('kind', w.kind)} · ${valueName('status', w.status)}`,
  el('br'),
  el('span', { class: `pw-impact pw-${w.trafficImpact || 'unknown'}` },
    t('publicWorks.impact', { impact: w.trafficImpact ? valueName('traffic_impact', w.trafficImpact)
      : t('publicWorks.unknown') })),
  ' · ', t('publicWorks.contact', { contact: w.contact || w.ownerName || '—' }))));
}
