// Print and export of the map extent now on screen (issue 18 item 6): a PNG drawn on a canvas in
// the browser — the vector tiles' own canvases, the counties and other outlines from their
// Leaflet layers, the labels — with a title, the date (the server's clock, from its Date header),
// a legend, a scale bar and a north arrow; and a PDF through the browser's print (a sheet with
// that image and the same words as text, landscape A4), which works in headless Chromium too.
import { t } from './i18n.js';
import { UTILITY_COLOURS, STATUS_COLOURS } from './layers.js';

const LEGEND_UTILITIES = Object.keys(UTILITY_COLOURS);

/** Adds the "PNG" and "PDF" buttons under the zoom and measure buttons. */
export function addExportTool(state) {
  const control = L.control({ position: 'topleft' });
  control.onAdd = () => {
    const box = L.DomUtil.create('div', 'leaflet-bar export-map');
    for (const kind of ['png', 'pdf']) {
      const a = L.DomUtil.create('a', `export-${kind}`, box);
      a.href = '#';
      a.id = `export-${kind}`;
      a.textContent = kind.toUpperCase();
      a.title = t(`export.${kind}`);
      L.DomEvent.on(a, 'click', e => {
        L.DomEvent.preventDefault(e);
        exportMap(state, kind);
      });
    }
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  control.addTo(state.map);
  state.exportMap = (kind, options) => exportMap(state, kind, options);
}

/**
 * Draws the map now on screen with its furniture; `kind` 'png' downloads it, 'pdf' opens the
 * print sheet and prints (unless `print: false`, for tests that print through the driver).
 * Answers {dataUrl, date, width, height}.
 */
export async function exportMap(state, kind, { print = true } = {}) {
  const date = await serverDate();
  const canvas = await drawMap(state, date);
  const dataUrl = canvas.toDataURL('image/png');
  const result = { dataUrl, date, width: canvas.width, height: canvas.height };
  state.lastExport = result;
  if (kind === 'png') {
    const a = document.createElement('a');
    a.href = dataUrl;
    a.download = `jointworks-map-${date}.png`;
    document.body.append(a);
    a.click();
    a.remove();
  } else if (kind === 'pdf') {
    printSheet(dataUrl, date);
    if (print) {
      window.addEventListener('afterprint', () => closeSheet(), { once: true });
      window.print();
    }
  }
  return result;
}

async function serverDate() {
  const res = await fetch('/api/map/config', { credentials: 'same-origin' });
  const at = res.headers.get('Date') ? new Date(res.headers.get('Date')) : new Date();
  return at.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }); // YYYY-MM-DD, 北京时间
}

async function drawMap(state, date) {
  const map = state.map;
  const size = map.getSize();
  const canvas = document.createElement('canvas');
  canvas.width = size.x;
  canvas.height = size.y;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f4f1ea';
  ctx.fillRect(0, 0, size.x, size.y);
  const origin = map.getContainer().getBoundingClientRect();
  const paths = [];
  map.eachLayer(l => { if (l instanceof L.Path && l._map) paths.push(l); });
  const zOf = l => Number(map.getPane(l.options.pane)?.style.zIndex || 400);
  // Outlines under the tiles (the counties), then the tiles' canvases, then outlines on top.
  paths.filter(l => zOf(l) < 400).forEach(l => drawPath(ctx, map, l));
  const tiles = [...map.getContainer().querySelectorAll('canvas.leaflet-tile, img.leaflet-tile')]
    .map(c => ({ c, z: Number(c.closest('.leaflet-pane')?.style.zIndex || 0) }))
    .sort((a, b) => a.z - b.z);
  for (const { c } of tiles) {
    const r = c.getBoundingClientRect();
    try {
      ctx.drawImage(c, r.left - origin.left, r.top - origin.top, r.width, r.height);
    } catch (e) {
      // A cross-origin basemap tile would taint the canvas: left out.
    }
  }
  paths.filter(l => zOf(l) >= 400).forEach(l => drawPath(ctx, map, l));
  drawLabels(ctx, map, origin);
  drawTitle(ctx, date);
  drawNorth(ctx, size);
  drawScale(ctx, map, size);
  drawLegend(ctx, size);
  return canvas;
}

function drawPath(ctx, map, l) {
  const o = l.options;
  if (o.opacity === 0 && !o.fill) return;
  ctx.save();
  ctx.beginPath();
  if (l instanceof L.CircleMarker) {
    const p = map.latLngToContainerPoint(l.getLatLng());
    ctx.arc(p.x, p.y, l._radius || o.radius || 5, 0, Math.PI * 2);
  } else {
    for (const part of l._parts || []) {
      part.forEach((p, i) => {
        const c = map.layerPointToContainerPoint(p);
        if (i === 0) ctx.moveTo(c.x, c.y); else ctx.lineTo(c.x, c.y);
      });
      if (l instanceof L.Polygon) ctx.closePath();
    }
  }
  if (o.fill) {
    ctx.globalAlpha = o.fillOpacity ?? 0.2;
    ctx.fillStyle = o.fillColor || o.color;
    ctx.fill('evenodd');
  }
  if (o.stroke !== false) {
    ctx.globalAlpha = o.opacity ?? 1;
    ctx.strokeStyle = o.color;
    ctx.lineWidth = o.weight ?? 3;
    ctx.setLineDash(o.dashArray ? String(o.dashArray).split(/[ ,]+/).map(Number) : []);
    ctx.stroke();
  }
  ctx.restore();
}

/** The county names and other labels drawn as HTML markers, at their place. */
function drawLabels(ctx, map, origin) {
  ctx.save();
  ctx.font = 'bold 12px sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const label of map.getContainer().querySelectorAll('.county-name, .clearance-cluster')) {
    const r = label.getBoundingClientRect();
    const text = label.textContent.trim();
    if (!text || r.width === 0) continue;
    const x = r.left - origin.left + r.width / 2;
    const y = r.top - origin.top + r.height / 2;
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.strokeText(text, x, y);
    ctx.fillStyle = '#263238';
    ctx.fillText(text, x, y);
  }
  ctx.restore();
}

function drawTitle(ctx, date) {
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fillRect(52, 8, 360, 44);
  ctx.fillStyle = '#263238';
  ctx.font = 'bold 16px sans-serif';
  ctx.fillText(t('export.title'), 60, 27);
  ctx.font = '12px sans-serif';
  ctx.fillText(t('export.date', { date }), 60, 45);
  ctx.restore();
}

function drawNorth(ctx, size) {
  const x = size.x - 40;
  const y = 30;
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fillRect(x - 20, y - 22, 40, 58);
  ctx.fillStyle = '#263238';
  ctx.beginPath();
  ctx.moveTo(x, y - 16);
  ctx.lineTo(x + 10, y + 14);
  ctx.lineTo(x, y + 8);
  ctx.lineTo(x - 10, y + 14);
  ctx.closePath();
  ctx.fill();
  ctx.font = 'bold 13px sans-serif';
  ctx.textAlign = 'center';
  ctx.fillText(t('export.north'), x, y + 30);
  ctx.restore();
}

/** A bar of a round length (1, 2 or 5 × 10^n m) about 120 px long, measured at the map's middle. */
function drawScale(ctx, map, size) {
  const y = size.y / 2;
  const metresPerPx = map.distance(map.containerPointToLatLng([0, y]),
    map.containerPointToLatLng([100, y])) / 100;
  const target = metresPerPx * 120;
  const pow = 10 ** Math.floor(Math.log10(target));
  const metres = [5, 2, 1].map(f => f * pow).find(m => m <= target) || pow;
  const px = metres / metresPerPx;
  const x0 = size.x - px - 30;
  const y0 = size.y - 24;
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fillRect(x0 - 8, y0 - 20, px + 16, 32);
  ctx.fillStyle = '#263238';
  ctx.fillRect(x0, y0, px, 4);
  ctx.fillRect(x0, y0 - 6, 2, 10);
  ctx.fillRect(x0 + px - 2, y0 - 6, 2, 10);
  ctx.font = '12px sans-serif';
  ctx.textAlign = 'center';
  ctx.fillText(metres >= 1000 ? `${metres / 1000} km` : `${metres} m`, x0 + px / 2, y0 - 8);
  ctx.restore();
}

function legendRows() {
  return [
    { kind: 'area', colour: '#c5e1a5', line: '#546e7a', text: t('export.legendCounties') },
    { kind: 'area', colour: STATUS_COLOURS.none, line: '#5d4037', text: t('layer.communities') },
    { kind: 'dot', colour: '#8d6e63', text: t('export.legendDots') },
    { kind: 'disc', colour: '#1a237e', text: t('export.legendClusters') },
    ...LEGEND_UTILITIES.map(u => ({ kind: 'line', colour: UTILITY_COLOURS[u],
      text: t('export.legendWork', { utility: t(`value.utility.${u}`) }) })),
  ];
}

function drawLegend(ctx, size) {
  const rows = legendRows();
  const h = 24 + rows.length * 18;
  const x = 10;
  const y = size.y - h - 10;
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.fillRect(x, y, 190, h);
  ctx.fillStyle = '#263238';
  ctx.font = 'bold 13px sans-serif';
  ctx.fillText(t('export.legend'), x + 8, y + 16);
  ctx.font = '12px sans-serif';
  rows.forEach((r, i) => {
    const ry = y + 30 + i * 18;
    ctx.fillStyle = r.colour;
    ctx.strokeStyle = r.line || r.colour;
    if (r.kind === 'area') {
      ctx.fillRect(x + 8, ry - 6, 18, 12);
      ctx.strokeRect(x + 8, ry - 6, 18, 12);
    } else if (r.kind === 'line') {
      ctx.fillRect(x + 8, ry - 2, 18, 5);
    } else {
      ctx.beginPath();
      ctx.arc(x + 17, ry, r.kind === 'dot' ? 2.5 : 6, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.fillStyle = '#263238';
    ctx.fillText(r.text, x + 34, ry + 4);
  });
  ctx.restore();
}

/** The print sheet: the image and, as text, the title, date, scale note and legend. */
function printSheet(dataUrl, date) {
  closeSheet();
  const sheet = document.createElement('section');
  sheet.id = 'print-sheet';
  const h = document.createElement('h1');
  h.textContent = t('export.title');
  const d = document.createElement('p');
  d.textContent = t('export.date', { date });
  const img = document.createElement('img');
  img.src = dataUrl;
  img.alt = t('export.title');
  const legend = document.createElement('p');
  legend.className = 'print-legend';
  legend.textContent = t('export.legendText', { rows: legendRows().map(r => r.text).join(' · ') });
  const note = document.createElement('p');
  note.textContent = t('export.note');
  sheet.append(h, d, img, legend, note);
  document.body.append(sheet);
  document.body.classList.add('printing');
}

function closeSheet() {
  document.getElementById('print-sheet')?.remove();
  document.body.classList.remove('printing');
}
