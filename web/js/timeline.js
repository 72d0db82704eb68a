// The coordinated construction plan beside the map: the Gantt chart under the map, the shared
// trenches as a map layer, the constraints the plan cannot meet listed in red. The map shrinks to
// make room, so the trench clicked in the chart and its place in the street are seen together.
import { t, num } from './i18n.js';
import { el } from './ui.js';
import { gantt } from './gantt.js';
import { utilityColour } from './layers.js';

let trenches = null;

export function showPlan(state, plan, title) {
  hidePlan(state);
  const box = document.getElementById('timeline');
  // The plan's start deadline (03-31) is the renovation projects' milestone: pipeline trenches in
  // the summer all miss it, so it is one note, not a red flag on every excavation (issue 18).
  const deadline = plan.unmet.filter(u => u.constraint === 'start_by');
  const unmet = plan.unmet.filter(u => u.constraint !== 'start_by');
  const late = new Set(unmet.map(u => u.subject).filter(Boolean)
    .flatMap(s => [s, s.replace(/^work /, '')]));
  if (!state.map.getPane('pane-trenches')) state.map.createPane('pane-trenches').style.zIndex = 460;
  trenches = L.geoJSON({ type: 'FeatureCollection', features: plan.excavations.map(x => ({
    type: 'Feature', id: x.id, geometry: x.geometry,
    properties: { id: x.id, utility: x.lead.utility, partners: x.partners.length } })) }, {
    pane: 'pane-trenches',
    style: f => ({ color: utilityColour(f.properties.utility), weight: f.properties.partners ? 9 : 5, opacity: 0.7 }),
    onEachFeature: (f, layer) => layer.bindTooltip(f.properties.id),
  }).addTo(state.map);
  state.overlay('trenches', trenches);
  const label = task => task.group === 'surface' ? t(`plan.${task.id}`)
    : (task.utilities || []).map(u => t(`value.utility.${u}`)).join(' + ');
  const chart = gantt(plan.timeline, { late, label, onTask: task => {
    const layer = trenches.getLayers().find(l => l.feature.id === task.group);
    if (layer) state.map.fitBounds(layer.getBounds(), { maxZoom: 17 });
  } });
  box.replaceChildren(
    el('header', {},
      el('strong', {}, t('plan.title', { name: title })),
      el('span', { id: 'plan-figures' }, t('plan.figures', { works: num(plan.worksInArea),
        alone: num(plan.excavationsUncoordinated), together: num(plan.excavationsCoordinated),
        avoided: num(plan.digsAvoided) })),
      plan.start ? el('span', {}, `${plan.start} – ${plan.end}`) : null,
      el('button', { type: 'button', class: 'secondary', id: 'plan-close', onclick: () => hidePlan(state) },
        t('plan.close'))),
    plan.timeline.length ? chart : el('p', {}, t('plan.empty')),
    unmet.length ? el('ul', { class: 'unmet', id: 'plan-unmet' },
      unmet.map(u => el('li', { class: 'error' }, unmetText(u)))) : null,
    deadline.length ? el('p', { class: 'notice', id: 'plan-deadline-note' }, t('plan.startDeadlineNote',
      { count: num(deadline.length), deadline: deadline[0].required })) : null);
  box.hidden = false;
  state.map.invalidateSize();
  if (trenches.getLayers().length) state.map.fitBounds(trenches.getBounds(), { maxZoom: 16, padding: [20, 20] });
}

/** An unmet constraint in the user's language, from its fields (never the English message). */
function unmetText(u) {
  const subject = (u.subject || '').replace(/^work /, '#');
  return `${t(`plan.unmet.${u.constraint}`)}：${t('plan.unmetDetail', { subject,
    required: u.required ?? '', planned: u.planned ?? '' })}`;
}

export function hidePlan(state) {
  if (trenches) state.overlay('trenches', null);
  trenches?.remove();
  trenches = null;
  const box = document.getElementById('timeline');
  if (!box.hidden) {
    box.hidden = true;
    box.replaceChildren();
    state.map.invalidateSize();
  }
}
