// The programme's rules on the leader's dashboard (issue 12): the 完整社区 pilots, funds in place
// against the budget per county, the eligibility exceptions, the counties' 02-25 filing of their
// annual plan, and a selected project's scheme approval. Pure functions of the API's answers.
import { t, num } from '../i18n.js';
import { el, table } from '../ui.js';

const wan = v => num((v || 0) / 10000, 1);

/** The pilots, the funds per county and the eligibility exceptions. */
export function programmeSection(summary, funding, projects, names) {
  const pilotCounties = summary.districts.filter(d => d.pilots?.count > 0)
    .map(d => `${names.get(d.code) || d.code} ${num(d.pilots.count)}`);
  const funds = (funding?.counties || []).map(c => [names.get(c.district) || c.district,
    wan(c.totalYuan), wan(c.inPlaceYuan),
    c.totalYuan > 0 ? `${(c.inPlaceYuan * 100 / c.totalYuan).toFixed(1)}%` : '–']);
  const exceptions = (projects || []).filter(p => p.inPlan && p.eligibility?.exceptionReason);
  return el('div', { id: 'leader-programme' },
    el('p', { id: 'leader-pilots' }, t('leader.pilots', { count: num(summary.pilots?.count || 0) }),
      pilotCounties.length ? ` — ${t('leader.pilotsIn', { counties: pilotCounties.join('、') })}` : ''),
    el('h4', {}, t('leader.funds')),
    table([t('field.district'), t('leader.col.budget'), t('leader.col.inPlace'), t('leader.col.inPlaceShare')],
      funds, { id: 'leader-funds' }),
    el('h4', {}, t('leader.exceptions', { count: exceptions.length })),
    exceptions.length
      ? table([t('field.name'), t('field.district'), t('leader.col.buildYear'), t('leader.col.exceptionReason')],
        exceptions.map(p => [p.name, names.get(p.district) || p.district,
          p.eligibility.buildYear ?? '–', p.eligibility.exceptionReason]), { id: 'leader-exceptions' })
      : el('p', { id: 'leader-exceptions' }, t('leader.noExceptions')));
}

/** The counties' 02-25 filing milestone: those not filed, and those filed late, with the days. */
export function planFilingLine(overdue, names) {
  const lines = [];
  let due = '';
  for (const c of overdue.counties || []) {
    const m = (c.countyMilestones || []).find(x => x.name === 'plan_filed');
    if (!m) continue;
    due = m.dueOn || due;
    const county = names.get(c.district) || c.name;
    if (m.state === 'overdue') lines.push(t('leader.planFiled.overdue', { county, days: num(m.daysLate) }));
    if (m.state === 'done_late') lines.push(t('leader.planFiled.late', { county, days: num(m.daysLate) }));
  }
  return el('p', { id: 'leader-plan-filing', class: lines.length ? 'notice' : '' },
    `${t('leader.planFiled', { due })}: `, lines.length ? lines.join('；') : t('leader.planFiled.none'));
}

/** A selected project: its state, pilot, eligibility and scheme approval. */
export function projectPanel(project, approvals, names) {
  const scheme = (approvals || []).filter(a => a.kind === 'scheme').at(-1);
  const e = project.eligibility;
  const eligibility = !e ? '–' : e.exceptionReason ? t('leader.project.exception', { reason: e.exceptionReason })
    : e.eligible === null || e.eligible === undefined ? t('leader.project.unknown') : t('leader.project.eligible');
  const row = (label, value, id) => el('div', { class: 'row', dataset: id ? { field: id } : {} },
    el('strong', {}, `${label}：`), ' ', value);
  return el('div', { id: 'leader-project', class: 'card' },
    el('h4', {}, t('leader.project.title', { name: project.name })),
    row(t('field.district'), names.get(project.district) || project.district),
    row(t('field.status'), t(`value.status.${project.status}`)),
    row(t('leader.project.scheme'), scheme
      ? t('leader.project.schemeApproved', { by: scheme.approvedBy, on: scheme.approvedOn, ref: scheme.reference || '–' })
      : t('leader.project.schemeNone'), 'scheme'),
    row(t('leader.project.eligibility'), eligibility, 'eligibility'),
    project.completeCommunityPilot ? row(t('leader.project.pilot'), '✓', 'pilot') : null);
}
