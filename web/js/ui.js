// Small DOM helpers shared by the views, so each view reads as what it shows rather than as
// createElement calls. Text always goes in as text nodes (never innerHTML): names come from data.

/** el('td', {class: 'n', dataset: {id: 3}}, 'text', child) → the element. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    // Through the CSSOM, never a style="" attribute: the Content-Security-Policy forbids those.
    else if (k === 'style') e.style.cssText = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    // Through the CSSOM: the Content-Security-Policy refuses style attributes (docs/security.md).
    else if (k === 'style') e.style.cssText = v;
    else if (k in e && typeof v !== 'string') e[k] = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  // A focusable clickable row or item answers the keyboard too (Enter or Space), like a button.
  if (attrs?.onclick && attrs.tabIndex !== undefined && attrs.tabIndex !== null) {
    e.addEventListener('keydown', ev => {
      if (ev.target === e && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); e.click(); }
    });
  }
  return e;
}

/** A table with a header row; rows are arrays of cells (text or nodes); onRow(i) on click. */
export function table(headers, rows, { onRow, id, rowData } = {}) {
  const head = el('tr', {}, headers.map(h => el('th', { scope: 'col' }, h)));
  const body = rows.map((r, i) => el('tr', {
    onclick: onRow ? () => onRow(i) : undefined, class: onRow ? 'clickable' : undefined,
    tabIndex: onRow ? 0 : undefined, dataset: rowData ? rowData(i) : undefined,
  }, r.map(c => el('td', {}, c))));
  return el('table', { id }, el('thead', {}, head), el('tbody', {}, body));
}

/** Shows an error (an ApiError's problem-details message) in a panel's message line. */
export function showError(line, e) {
  line.textContent = e?.message || String(e);
  line.className = 'message error';
  line.hidden = false;
}

export function showMessage(line, text, ok = true) {
  line.textContent = text;
  line.className = `message ${ok ? 'ok' : ''}`;
  line.hidden = !text;
}

/** Calls fn at most once per `ms`, and once more after the last call (so the last state counts). */
export function throttle(fn, ms) {
  let last = 0;
  let timer = null;
  return (...args) => {
    const wait = last + ms - Date.now();
    clearTimeout(timer);
    if (wait <= 0) {
      last = Date.now();
      fn(...args);
    } else {
      timer = setTimeout(() => { last = Date.now(); fn(...args); }, wait);
    }
  };
}

/** Ten thousand square metres (万 m², the plan's unit for floor area), two decimals. */
export function wanM2(m2) {
  return Math.round(m2 / 100) / 100;
}

/** A colour square for a legend (its colour set through the CSSOM, see `el`). */
export function swatch(colour) {
  return el('i', { style: `background:${colour}` });
}

/**
 * A map legend that folds to its title with one tap (`<details>`): on a phone, or beside a
 * dashboard, open legends would cover the map. Starts folded on narrow screens.
 */
export function collapsibleLegend(id, title, rows) {
  const open = window.matchMedia('(min-width: 700px)').matches;
  const box = el('details', { class: 'legend', id, open }, el('summary', {}, title), rows);
  L.DomEvent.disableClickPropagation(box);
  return box;
}
