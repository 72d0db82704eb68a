// "导出 Excel" on every table the map shows (issue 18, item 6). The service writes the workbook
// from the same JSON the table was drawn from, for the same user (`?format=xlsx&lang=`), so the
// button asks for exactly the URL the view fetched — read from the page's resource timings, which
// see every request — and needs no change in the views that draw the tables.
import { ApiError, PAGE } from './api.js';
import { t, currentLang } from './i18n.js';
import { el } from './ui.js';

/** The tables drawn from a JSON endpoint: element id → the endpoint's path. */
const TABLES = {
  'leader-counties': '/api/progress/summary',
  'leader-overdue': '/api/progress/overdue',
  'leader-ranking': '/api/progress/evaluation',
  conflicts: '/api/works/conflicts',
  clearances: '/api/pipelines/clearance-violations',
  'areas-list': '/api/linked-areas',
};

/** Lists drawn from a layer (streamed GeoJSON): the layer's own table. */
const LAYER_TABLES = { 'own-works': '/api/xlsx/works' };

/** The last URL fetched per path: what the table on screen shows. */
const lastUrl = {};
new PerformanceObserver(list => {
  for (const e of list.getEntries()) {
    const url = new URL(e.name, location.href);
    if (url.origin === location.origin && Object.values(TABLES).includes(url.pathname)) {
      lastUrl[url.pathname] = url.pathname + url.search;
    }
  }
}).observe({ type: 'resource', buffered: true });

/** Watches the panel and puts a button before each known table as it appears. */
export function addExcelButtons(root = document.getElementById('panel')) {
  const decorate = () => {
    for (const [id, path] of Object.entries(TABLES)) {
      const table = document.getElementById(id);
      if (!table || table.previousElementSibling?.dataset?.xlsx === id) continue;
      table.before(button(id, () => lastUrl[path] || path));
    }
    for (const [id, path] of Object.entries(LAYER_TABLES)) {
      const list = document.getElementById(id);
      if (list && list.previousElementSibling?.dataset?.xlsx !== id) list.before(button(id, () => path));
    }
  };
  new MutationObserver(decorate).observe(root, { childList: true, subtree: true });
  decorate();
}

/** A button that downloads `url()` as Excel in the page's language. */
export function button(key, url, label = t('xlsx.export')) {
  return el('button', { type: 'button', class: 'secondary xlsx', dataset: { xlsx: key },
    onclick: e => download(withXlsx(url()), e.currentTarget) }, label);
}

/**
 * The layers' attribute tables (`/api/xlsx/{layer}`) the user may read, as buttons folded under
 * the layer list: anonymous visitors get the public layers (works: the public ones only).
 */
export function addLayerExports(state) {
  const layers = state.user ? ['communities', 'streets', 'facilities', 'works', 'pipelines']
    : ['communities', 'streets', 'works'];
  const box = el('details', { id: 'xlsx-layers', class: 'xlsx-layers' });
  const render = () => box.replaceChildren(el('summary', {}, t('xlsx.export')), ...layers.map(id =>
    button(`layer-${id}`, () => `/api/xlsx/${id}`, t('xlsx.exportLayer', { layer: t(`layer.${id}`) }))));
  render();
  document.getElementById('layer-list').after(box);
  new MutationObserver(render).observe(document.documentElement,
    { attributes: true, attributeFilter: ['lang'] });
}

function withXlsx(path) {
  const u = new URL(path, location.href);
  u.searchParams.set('format', 'xlsx');
  u.searchParams.set('lang', currentLang());
  return u.pathname + u.search;
}

async function download(url, source) {
  source.disabled = true;
  try {
    const res = await fetch(url, { credentials: 'same-origin', headers: PAGE });
    if (!res.ok) {
      const text = await res.text();
      let problem = null;
      try { problem = JSON.parse(text); } catch { problem = { detail: text }; }
      throw new ApiError(res.status, problem);
    }
    const blob = await res.blob();
    const name = filename(res.headers.get('Content-Disposition')) || 'table.xlsx';
    // For the browser tests: what the last export answered.
    window.jointworks.lastExport = { url, status: res.status, type: res.headers.get('Content-Type'),
      name, size: blob.size, head: [...new Uint8Array(await blob.slice(0, 2).arrayBuffer())] };
    const a = el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  } catch (e) {
    window.jointworks.lastExport = { url, error: e.message };
    source.after(el('span', { class: 'message error' }, ` ${e.message}`));
  } finally {
    source.disabled = false;
  }
}

function filename(disposition) {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition || '');
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition || '');
  return plain ? plain[1] : null;
}
