// The construction plan as a Gantt chart in SVG: one row per task, bars on a day scale, month
// ticks, arrows from each task to those it waits for, unmet constraints in red. Hand-drawn so the
// page needs no chart library (closed network, one more download avoided).
import { svg } from './charts.js';
import { utilityColour } from './layers.js';
import { currentLang } from './i18n.js';

/** Width of one label character at the chart's 11 px font (CJK glyphs are wider than digits). */
const CHAR_PX = 7;

const DAY = 86_400_000;
const SURFACE = { 'S.1': '#8d6e63', 'S.2': '#66bb6a' };

function days(a, b) {
  return Math.round((Date.parse(b) - Date.parse(a)) / DAY);
}

function monthName(date) {
  return date.toLocaleString(currentLang(), { month: 'short', timeZone: 'UTC' });
}

/**
 * tasks: the plan's `timeline` ({id, label, group, utilities, start, end, dependsOn});
 * late: ids of tasks or works named by unmet constraints; onTask(task) on a click.
 */
export function gantt(tasks, { late = new Set(), onTask, width = 760, label = t => t.label } = {}) {
  if (!tasks.length) return svg('svg', { width: 10, height: 10 });
  const start = tasks.reduce((m, t) => (t.start < m ? t.start : m), tasks[0].start);
  const end = tasks.reduce((m, t) => (t.end > m ? t.end : m), tasks[0].end);
  const span = days(start, end) + 1;
  const left = 190;
  const rowH = 22;
  const top = 22;
  const scale = (width - left - 10) / span;
  const x = d => left + days(start, d) * scale;
  const height = top + tasks.length * rowH + 8;
  const row = new Map(tasks.map((t, i) => [t.id, i]));

  const ticks = [];
  // A month whose label would run into the previous one keeps its line but not its label.
  let labelEnd = -Infinity;
  let lastYear = null;
  for (let m = new Date(`${start.slice(0, 7)}-01T00:00:00Z`); m.toISOString().slice(0, 10) <= end;
    m.setUTCMonth(m.getUTCMonth() + 1)) {
    const d = m.toISOString().slice(0, 10);
    const tx = Math.max(left, x(d));
    ticks.push(svg('line', { x1: tx, x2: tx, y1: top - 4, y2: height, stroke: '#eceff1' }));
    if (tx >= labelEnd) {
      // The year only where it changes: "2023-04", then "5月"/"May".
      const text = d.slice(0, 4) !== lastYear ? d.slice(0, 7) : monthName(m);
      ticks.push(svg('text', { x: tx + 2, y: 12, class: 'month' }, text));
      labelEnd = tx + 2 + text.length * CHAR_PX + 6;
      lastYear = d.slice(0, 4);
    }
  }
  const arrows = [];
  const bars = tasks.map((t, i) => {
    const y = top + i * rowH;
    const colour = SURFACE[t.id] || utilityColour(t.utilities?.[0]);
    const bad = late.has(t.id) || (t.workIds || []).some(w => late.has(String(w)));
    for (const dep of t.dependsOn || []) {
      if (!row.has(dep)) continue;
      const from = tasks[row.get(dep)];
      const fy = top + row.get(dep) * rowH + rowH / 2;
      arrows.push(svg('path', { d: `M${x(from.end) + scale} ${fy} h4 V${y + rowH / 2} H${x(t.start)}`,
        fill: 'none', stroke: '#90a4ae', 'marker-end': 'url(#arrow)' }));
    }
    return svg('g', { class: 'task', 'data-task': t.id, style: onTask ? 'cursor:pointer' : null,
      onclick: null },
    svg('text', { x: 4, y: y + rowH - 7 }, `${t.id}  ${label(t)}`),
    svg('rect', { x: x(t.start), y: y + 3, width: Math.max(2, (days(t.start, t.end) + 1) * scale),
      height: rowH - 8, rx: 3, fill: colour, stroke: bad ? '#c62828' : '#455a64',
      'stroke-width': bad ? 2 : 0.5 },
    svg('title', {}, `${t.id} ${label(t)}: ${t.start} – ${t.end}`)));
  });
  const chart = svg('svg', { class: 'gantt', width, height, viewBox: `0 0 ${width} ${height}`,
    role: 'img', 'aria-label': 'timeline' },
  svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 6 6', refX: 6, refY: 3,
    markerWidth: 6, markerHeight: 6, orient: 'auto' }, svg('path', { d: 'M0 0 L6 3 L0 6 z', fill: '#90a4ae' }))),
  ticks, arrows, bars);
  if (onTask) {
    chart.querySelectorAll('g.task').forEach((g, i) => g.addEventListener('click', () => onTask(tasks[i])));
  }
  return chart;
}
