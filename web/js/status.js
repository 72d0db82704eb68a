// Communities coloured by the renovation programme's status. Projects are not public, so only a
// signed-in page asks for them; anonymous visitors see the communities in the neutral colour.
import { api } from './api.js';
import { t } from './i18n.js';
import { STATUS_COLOURS, UTILITY_COLOURS } from './layers.js';
import { collapsibleLegend, el, swatch } from './ui.js';

/**
 * Loads the projects once and puts each community's status into `_status` before the layer draws
 * it. Answers the projects (the leader's view reuses them to find an overdue project's community).
 */
export async function colourCommunitiesByStatus(state) {
  if (!state.user || state.projects) return state.projects;
  try {
    const { data } = await api('/api/projects');
    state.projects = data;
  } catch (e) {
    // 404: the programme feature is not deployed; 403: a role without projects. No colours then.
    console.info('no programme status for the map', e.status);
    return null;
  }
  const status = new Map(state.projects.filter(p => p.inPlan).map(p => [p.communityId, p.status]));
  const decorate = f => { f.properties._status = status.get(f.id) || 'none'; };
  // The tiles on screen are drawn again with the colours (revalidated by ETag: mostly 304s).
  state.layers.setDecorator('communities', decorate);
  addLegend(state);
  return state.projects;
}

function addLegend(state) {
  const legend = L.control({ position: 'bottomleft' });
  legend.onAdd = () => {
    const box = collapsibleLegend('status-legend', t('legend.status'), []);
    fill(box);
    return box;
  };
  legend.addTo(state.map);
  state.statusLegend = legend;
}

/** The utilities' CJJ 61 colours of works (and pipelines), for everyone including the public. */
export function addUtilityLegend(map) {
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => {
    const box = collapsibleLegend('utility-legend', t('legend.utilities'), []);
    fillUtilities(box);
    return box;
  };
  legend.addTo(map);
}

/** Refills the legends in the current language. */
export function relabelLegend() {
  const box = document.getElementById('status-legend');
  if (box) fill(box);
  const utilities = document.getElementById('utility-legend');
  if (utilities) fillUtilities(utilities);
}

function fillUtilities(box) {
  box.replaceChildren(el('summary', {}, t('legend.utilities')),
    ...Object.entries(UTILITY_COLOURS).map(([code, colour]) => el('div', {},
      swatch(colour), ` ${t(`value.utility.${code}`)}`)));
}

function fill(box) {
  box.replaceChildren(el('summary', {}, t('legend.status')),
    ...Object.entries(STATUS_COLOURS).map(([code, colour]) => el('div', {},
      swatch(colour), ` ${t(`value.status.${code}`)}`)));
}
