// Tiny SVG charts drawn by hand: a dashboard needs a few bars, not a charting library (which
// would be another download for a page that must work on a closed network).
const NS = 'http://www.w3.org/2000/svg';

export function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (k === 'style') e.style.cssText = v; // CSSOM: no style="" attribute under the CSP
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** Width of a label at the charts' 11 px font: CJK glyphs full width, Latin about 6 px. */
function textWidth(text) {
  return [...String(text)].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 11 : 6.2), 0);
}

/**
 * Horizontal bars, one row per item, several series overlaid (the wider one first, so started
 * frames completed): items [{label, values: [0..1, …]}], series [{name, colour}].
 */
export function shareBars(items, series, { width = 330, rowHeight = 18, labelWidth, title } = {}) {
  // Wide enough for the longest name ("Changyuan City" as much as "卫滨区"): never clipped.
  labelWidth ??= Math.max(70, 12 + Math.max(...items.map(i => textWidth(i.label))));
  const barWidth = width - labelWidth - 44;
  const height = items.length * rowHeight + 24;
  const rows = items.map((item, i) => {
    const y = 4 + i * rowHeight;
    const bars = series.map((s, j) => svg('rect', {
      x: labelWidth, y: y + 2 + j * 2, height: rowHeight - 6 - j * 4,
      width: Math.max(0, Math.min(1, item.values[j])) * barWidth, fill: s.colour,
    }, svg('title', {}, `${item.label} ${s.name} ${(item.values[j] * 100).toFixed(1)}%`)));
    return svg('g', { class: 'bar-row' },
      svg('text', { x: labelWidth - 4, y: y + rowHeight - 6, 'text-anchor': 'end' }, item.label),
      svg('rect', { x: labelWidth, y: y + 2, width: barWidth, height: rowHeight - 6, fill: '#eceff1' }),
      ...bars,
      svg('text', { x: labelWidth + barWidth + 4, y: y + rowHeight - 6 },
        `${(item.values[0] * 100).toFixed(0)}%`));
  });
  const key = series.map((s, j) => svg('g', {},
    svg('rect', { x: labelWidth + j * 90, y: height - 14, width: 10, height: 10, fill: s.colour }),
    svg('text', { x: labelWidth + j * 90 + 14, y: height - 5 }, s.name)));
  return svg('svg', { class: 'chart', width, height, viewBox: `0 0 ${width} ${height}`,
    role: 'img', 'aria-label': title }, rows, key);
}
