// What the planner's panel shows of an area's report (a drawn draft's preview or a stored area)
// and of the suggested joint areas. Pure functions of the API's answers.
import { t, num } from '../i18n.js';

/**
 * The facility kinds an area is checked for (the linkage feature's FacilityKinds.CHECKED, 一老一小
 * first). A suggestion answers only the kinds it has; the ones it lacks are these minus those.
 */
export const CHECKED_KINDS = ['elderly_care', 'childcare', 'clinic', 'kindergarten', 'canteen',
  'community_service', 'fitness'];
import { el, wanM2 } from '../ui.js';
import { utilityColour } from '../layers.js';

const value = (key, v) => {
  const k = `value.${key}.${v}`;
  const text = t(k);
  return text === k ? v : text;
};

/** The report of an area: totals, members, pipelines by utility, works, facility kinds lacking. */
export function report(r) {
  const totals = el('dl', { id: 'preview-totals' },
    el('dt', {}, t('planner.area')), el('dd', {}, `${num(r.areaM2 / 10_000, 2)} ha`),
    // Totals count the communities mostly inside; the partly inside ones are listed, not counted.
    el('dt', {}, t('planner.countedCommunities')), el('dd', { dataset: { total: 'communities' } },
      num(r.totals.communities), (r.partialMembers || []).length
        ? el('span', { class: 'sub' }, ` ${t('planner.partialNotCounted', { count: r.partialMembers.length })}`) : null),
    el('dt', {}, t('metric.households')), el('dd', { dataset: { total: 'households' } }, num(r.totals.households)),
    el('dt', {}, t('metric.buildings')), el('dd', {}, num(r.totals.buildings)),
    el('dt', {}, t('metric.floorArea')), el('dd', {}, num(wanM2(r.totals.floorAreaM2), 2)));
  const members = el('ul', { class: 'list', id: 'preview-members' },
    r.members.map(m => el('li', {}, `${m.name} · ${Math.round(m.shareInside * 100)}%`)),
    (r.partialMembers || []).map(m => el('li', { class: 'partial' },
      `${m.name} · ${Math.round(m.shareInside * 100)}% ${t('planner.partial')}`)));
  const pipelines = r.pipelineMetersByUtility ? el('div', { id: 'preview-pipelines' },
    Object.entries(r.pipelineMetersByUtility).map(([u, m]) => el('span', { class: 'tag',
      style: `border-left:6px solid ${utilityColour(u)}` }, `${value('utility', u)} ${num(m)} m`))) : null;
  const works = el('ul', { class: 'list', id: 'preview-works' }, (r.works || []).map(w => el('li', {},
    el('span', { class: 'tag', style: `border-left:6px solid ${utilityColour(w.utility)}` }, value('utility', w.utility)),
    `${value('kind', w.kind)} · ${value('status', w.status)} · ${w.startDate} – ${w.endDate}`)));
  const missing = new Set(r.missingFacilityKinds || []);
  const present = [...new Set((r.facilities || []).map(f => f.kind))].filter(k => !missing.has(k));
  const facilities = el('div', { id: 'preview-facilities' },
    [...missing].map(k => el('span', { class: 'tag bad' }, `${t('planner.lacks')} ${value('kind', k)}`)),
    present.map(k => el('span', { class: 'tag good' }, value('kind', k))));
  const overlaps = (r.overlaps || []).length ? el('p', { class: 'message error' },
    t('planner.overlaps', { names: r.overlaps.map(o => o.name).join('、') })) : null;
  return el('div', { class: 'report' }, overlaps, totals,
    el('h4', { id: 'preview-members-title' }, t('planner.members', { count: r.members.length
      + (r.partialMembers || []).length, whole: r.members.length, partial: (r.partialMembers || []).length })), members,
    pipelines ? el('h4', {}, t('planner.pipelines')) : null, pipelines,
    el('h4', {}, t('planner.works', { count: (r.works || []).length })), works,
    el('h4', {}, t('planner.facilities', { walk: num(r.walkMeters) })), facilities);
}

/** Suggested joint areas, each with its figures and an "adopt" button. */
export function suggestions(list, { onShow, onAdopt }) {
  if (!list.length) return el('p', {}, t('planner.noSuggestions'));
  return el('ul', { class: 'list', id: 'suggestions' }, list.map((s, i) => el('li', {
    tabIndex: 0, dataset: { suggestion: i }, onclick: () => onShow(i) },
  el('div', {}, el('strong', {}, suggestionName(s))),
  el('div', { class: 'sub' }, `${num(s.totals.households)} ${t('planner.households')} · ${num(s.areaM2 / 10_000, 1)} ha`),
  facilityTags(s.facilityKinds || {}),
  el('button', { type: 'button', class: 'adopt', onclick: e => { e.stopPropagation(); onAdopt(i, e.target); } },
    t('planner.adopt')))));
}

/** "朝阳小区18等 8 个小区" / "朝阳小区18 and 7 more (8 communities)": the count is the total. */
export function suggestionName(s) {
  return t('planner.suggestion', { first: s.memberNames[0], count: s.members.length,
    others: s.members.length - 1 });
}

/** Each checked facility kind as present (with how many) or missing, so neither is guessed. */
function facilityTags(present) {
  const kinds = [...CHECKED_KINDS, ...Object.keys(present).filter(k => !CHECKED_KINDS.includes(k))];
  return el('div', { class: 'facility-kinds' }, kinds.map(k => (present[k]
    ? el('span', { class: 'tag good', dataset: { kind: k, present: 'true' } },
      t('planner.has', { kind: value('kind', k), count: num(present[k]) }))
    : el('span', { class: 'tag bad', dataset: { kind: k, present: 'false' } },
      `${t('planner.lacks')} ${value('kind', k)}`))));
}
