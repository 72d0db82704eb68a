// The map's import (issue 18, item 4): choose a file → the server's dry run shows its encoding,
// CRS, feature count, the column mapping in effect (DBF names cut at 10 characters already
// mapped) with a choice for the rest, and every feature's problems → import, with the upload's
// progress, then the import job's own progress (percent of the file read, rows parsed and stored,
// polled from GET /api/imports/jobs/{id}) → the layer is drawn again.
// Any format goes to one door (`/api/files/preview`, `/api/files/import`, told by the file's first
// bytes); a survey workbook (.xlsx) to `/api/surveys/preview` and `/api/surveys/import`.
import { ApiError, PAGE, csrfToken } from './api.js';
import { t, currentLang, has } from './i18n.js';
import { el, showError, showMessage } from './ui.js';

/** The layers each role imports into (the server's write rules decide in the end). */
const LAYERS_BY_ROLE = {
  PLANNER: ['communities', 'facilities', 'streets'],
  UTILITY: ['pipelines', 'works'],
  ADMIN: ['communities', 'facilities', 'streets', 'pipelines', 'works', 'districts'],
};

const ctx = { state: null, dom: null, file: null, preview: null, mapping: {} };

/** Adds the import panel under the layer list for the roles that import; answers it or null. */
export function addImportPanel(state) {
  const layers = LAYERS_BY_ROLE[state.user?.role];
  if (!layers) return null;
  ctx.state = state;
  const section = el('section', { id: 'import-panel', class: 'import' });
  document.getElementById('layers-panel').after(section);
  render(layers);
  // The page switches language by reloading its bundle and setting <html lang>: follow it.
  new MutationObserver(() => render(layers)).observe(document.documentElement,
    { attributes: true, attributeFilter: ['lang'] });
  return section;
}

function render(layers) {
  const section = document.getElementById('import-panel');
  const d = ctx.dom = {
    layer: el('select', { id: 'import-layer', onchange: () => ctx.file && previewFile() },
      layers.map(id => el('option', { value: id }, t(`layer.${id}`)))),
    // Kept across a language switch: a new input would forget the chosen file.
    file: ctx.dom?.file || el('input', { type: 'file', id: 'import-file',
      accept: '.geojson,.json,.zip,.gpkg,.csv,.xlsx', onchange: e => chosen(e.target.files[0]) }),
    summary: el('dl', { id: 'import-summary', class: 'import-summary' }),
    mapping: el('div', { id: 'import-mapping' }),
    errors: el('div', { id: 'import-errors' }),
    bar: el('progress', { id: 'import-progress', max: 100, hidden: true }),
    message: el('p', { id: 'import-message', class: 'message', hidden: true }),
    run: el('button', { type: 'button', id: 'import-run', disabled: true, onclick: runImport },
      t('import.import')),
  };
  if (ctx.preview) d.layer.value = ctx.preview.layer || d.layer.value;
  section.replaceChildren(el('details', { open: !!ctx.file },
    el('summary', {}, t('import.title')),
    el('label', { for: 'import-layer' }, t('import.layer')), d.layer,
    el('label', { for: 'import-file' }, t('import.file')), d.file,
    d.summary, d.mapping, d.errors, d.bar, d.message, el('div', {}, d.run)));
  if (ctx.preview) showPreview(ctx.preview);
}

function chosen(file) {
  ctx.file = file || null;
  ctx.mapping = {};
  ctx.preview = null;
  if (file) previewFile();
}

const isSurvey = file => /\.xlsx$/i.test(file.name);

async function previewFile() {
  const d = ctx.dom;
  d.run.disabled = true;
  showMessage(d.message, '');
  d.summary.replaceChildren();
  d.mapping.replaceChildren();
  d.errors.replaceChildren();
  try {
    const path = isSurvey(ctx.file) ? `/api/surveys/preview?${surveyQuery()}`
      : `/api/files/preview?${query()}`;
    ctx.preview = await upload(path, ctx.file);
    ctx.preview.layer = d.layer.value;
    showPreview(ctx.preview);
  } catch (e) {
    ctx.preview = null;
    showError(d.message, e);
  }
}

function surveyQuery() {
  const m = ctx.mapping;
  return Object.keys(m).length ? new URLSearchParams({ mapping: JSON.stringify(m) }).toString() : '';
}

function query() {
  const q = new URLSearchParams({ layer: ctx.dom.layer.value });
  if (Object.keys(ctx.mapping).length) q.set('mapping', JSON.stringify(ctx.mapping));
  return q.toString();
}

function showPreview(p) {
  const d = ctx.dom;
  if (isSurvey(ctx.file)) return showSurvey(p);
  const rows = [['import.format', p.format], ['import.encoding', p.encoding &&
    `${p.encoding}${p.encodingSource ? ` (${p.encodingSource})` : ''}`],
  ['import.crs', p.sourceCrs], ['import.count', p.rows], ['import.badRows', p.badRows]];
  d.summary.replaceChildren(...rows.filter(([, v]) => v !== undefined && v !== null)
    .flatMap(([k, v]) => [el('dt', {}, t(k)), el('dd', { dataset: { key: k.slice(7) } }, String(v))]));
  if (p.format === 'geopackage') {
    d.mapping.replaceChildren(el('h4', {}, t('import.geopackageLayers')),
      el('ul', { class: 'plain' }, (p.layers || []).map(l =>
        el('li', {}, `${t(`layer.${l.layer}`)}: ${l.rows}`))),
      p.ignoredTables?.length ? el('p', { class: 'notice' },
        t('import.ignoredTables', { tables: p.ignoredTables.join(', ') })) : null);
    showProblems((p.layers || []).flatMap(l => l.problems.map(x => ({ ...x, layer: l.layer }))), p.badRows);
  } else {
    d.mapping.replaceChildren(mappingTable(p));
    showProblems(p.problems || [], p.badRows);
  }
  const ok = p.rows > 0 && p.badRows === 0;
  d.run.disabled = !ok;
  showMessage(d.message, ok ? t('import.ready', { count: p.rows }) : t('import.fixFirst'), ok);
}

/** Each file column with a choice of field; the automatic ones say so. */
function mappingTable(p) {
  const options = [el('option', { value: '' }, t('import.skip')),
    ...p.fields.map(f => el('option', { value: f.name },
      has(`field.${f.name}`) ? `${t(`field.${f.name}`)} (${f.name})` : f.name))];
  const rows = p.columns.map(c => {
    const select = el('select', { dataset: { column: c }, onchange: e => remap(c, e.target.value) },
      options.map(o => o.cloneNode(true)));
    select.value = p.mapping[c] || '';
    return el('tr', { dataset: { column: c } }, el('td', {}, c), el('td', {}, select,
      p.automatic?.includes(c) ? el('span', { class: 'auto' }, ` ${t('import.auto')}`) : null));
  });
  return el('table', { id: 'import-mapping-table' }, el('caption', {}, t('import.mapping')),
    el('thead', {}, el('tr', {}, el('th', {}, t('import.column')), el('th', {}, t('import.field')))),
    el('tbody', {}, rows));
}

function remap(column, field) {
  // Only the user's own choices are sent: the server keeps mapping the rest by name and by the
  // DBF rule, and still says which columns it mapped itself.
  ctx.mapping = { ...ctx.mapping, [column]: field };
  previewFile();
}

function showProblems(problems, bad) {
  const d = ctx.dom;
  if (!problems.length) { d.errors.replaceChildren(); return; }
  const items = problems.map(x => el('li', { dataset: { index: x.index } },
    `${x.layer ? `${t(`layer.${x.layer}`)} ` : ''}${t('import.feature', { n: x.index + 1 })}：`,
    (x.errors || x.problems.map(m => ({ message: m }))).map(problemText).join('；')));
  const more = bad - problems.length;
  d.errors.replaceChildren(el('p', { class: 'message error' }, t('import.errors')),
    el('ul', { class: 'errors', id: 'import-error-list' }, items),
    more > 0 ? el('p', {}, t('import.more', { n: more })) : null);
}

/**
 * One problem in the user's language: a reader's check by its import.code.* message (the
 * preview and a failed import use the same codes), a write rule's by its error.* message with
 * its arguments; the value a check quoted is shown after it. The English sentence only when the
 * code is unknown here.
 */
function problemText(e) {
  const field = e.field && e.field !== 'geometry'
    ? (has(`field.${e.field}`) ? t(`field.${e.field}`) : e.field) : '';
  const args = e.args || {};
  const why = e.code && has(`import.code.${e.code}`) ? t(`import.code.${e.code}`, args)
    : e.code && has(`error.${e.code}`) ? t(`error.${e.code}`, args) : e.message;
  const value = args.value !== undefined && args.value !== '' && e.code !== 'not_yours'
    ? `（${args.value}）` : '';
  return `${field ? `${field}：` : ''}${why}${value}`;
}

const SURVEY_TABLES = ['points', 'lines'];

function showSurvey(p) {
  const d = ctx.dom;
  d.summary.replaceChildren(el('dt', {}, t('import.format')), el('dd', {}, t('import.survey')),
    el('dt', {}, t('import.crs')), el('dd', {}, p.crs),
    el('dt', {}, t('import.count')), el('dd', {}, `${t('import.survey.points', { n: p.points?.rows ?? 0 })}，${
      t('import.survey.lines', { n: p.lines?.rows ?? 0 })}`));
  d.mapping.replaceChildren(...SURVEY_TABLES.filter(table => p[table]).map(table => surveyMapping(table, p[table])));
  showSurveyErrors(p.errors || [], p.errorCount ?? (p.errors || []).length);
  d.run.disabled = !p.importable;
  showMessage(d.message, p.importable ? t('import.ready', { count: (p.pointCount || 0) + (p.lineCount || 0) })
    : t('import.fixFirst'), !!p.importable);
}

/** One table's fields, each with the workbook column it reads (a choice of the table's headers). */
function surveyMapping(table, tp) {
  const fields = [...new Set([...Object.keys(tp.fields || {}), ...(tp.missing || [])])];
  const rows = fields.map(f => {
    const select = el('select', { dataset: { table, field: f }, onchange: e => remapSurvey(table, f, e.target.value) },
      [el('option', { value: '' }, t('import.skip')), ...(tp.headers || []).map(h => el('option', { value: h }, h))]);
    select.value = tp.fields?.[f] || '';
    return el('tr', { dataset: { field: f } }, el('td', {}, has(`field.${f}`) ? `${t(`field.${f}`)} (${f})` : f),
      el('td', {}, select));
  });
  return el('table', { class: 'survey-mapping', dataset: { table } },
    el('caption', {}, t('import.survey.mapping', { table: t(`import.survey.table.${table}`) })),
    el('thead', {}, el('tr', {}, el('th', {}, t('import.field')), el('th', {}, t('import.column')))),
    el('tbody', {}, rows));
}

function remapSurvey(table, field, header) {
  // An empty choice hands the field back to the automatic mapping.
  const fields = { ...(ctx.mapping[table] || {}), [field]: header };
  if (!header) delete fields[field];
  ctx.mapping = { ...ctx.mapping, [table]: fields };
  previewFile();
}

/** Row errors ({table, row, field, code}) in the user's language: table, row, field, reason. */
function showSurveyErrors(errors, count) {
  const d = ctx.dom;
  if (!errors.length) { d.errors.replaceChildren(); return; }
  const text = x => {
    if (typeof x === 'string') return x;
    const where = x.row ? t('import.survey.row', { table: t(`import.survey.table.${x.table}`), row: x.row })
      : t(`import.survey.table.${x.table}`);
    const field = x.field ? (has(`field.${x.field}`) ? t(`field.${x.field}`) : x.field) : '';
    const why = x.code && has(`error.${x.code}`) ? t(`error.${x.code}`) : x.message || x.code;
    return `${where}${field ? ` ${field}` : ''}：${why}`;
  };
  d.errors.replaceChildren(el('p', { class: 'message error' }, t('import.errors')),
    el('ul', { class: 'errors', id: 'import-error-list' }, errors.map(x =>
      el('li', { dataset: { table: x.table, row: x.row } }, text(x)))),
    count > errors.length ? el('p', {}, t('import.more', { n: count - errors.length })) : null);
}

async function runImport() {
  const d = ctx.dom;
  d.run.disabled = true;
  const survey = isSurvey(ctx.file);
  // One layer's file is stored by an import job whose progress drives the bar; a GeoPackage
  // (several layers in one transaction) and a survey workbook are stored within the request.
  const byJob = !survey && ctx.preview?.format !== 'geopackage';
  try {
    let data = await upload(survey ? `/api/surveys/import?${surveyQuery()}`
      : `/api/files/import?${query()}${byJob ? '&async=true' : ''}`, ctx.file, byJob);
    if (data?.job) data = { ...data, ...(await follow(data.job)) };
    const count = survey ? SURVEY_TABLES.reduce((n, k) => n + (data.features?.[k]?.imported || 0), 0)
      : typeof data.imported === 'number' ? data.imported
        : Object.values(data.imported || {}).reduce((a, b) => a + b, 0);
    showMessage(d.message, t('import.done', { count }));
    document.body.dataset.imported = String(count);
    if (survey) d.errors.replaceChildren();
    const layers = survey ? ['pipelines', 'pipe-points'] : data.layer ? [data.layer]
      : Object.keys(data.imported || {});
    layers.forEach(id => ctx.state.layers.load(id)); // a layer the map does not draw is skipped
    ctx.preview = null;
  } catch (e) {
    ctx.dom.bar.hidden = true;
    if (e.lost) showMessage(d.message, t('import.jobLost'), false);
    else showError(d.message, e);
    const bad = (e.problem?.errors || []).filter(x => x && (x.problems || x.errors));
    if (survey && e.problem?.errors?.length) {
      showSurveyErrors(e.problem.errors, e.problem.args?.count ?? e.problem.errors.length);
    } else if (bad.length) {
      showProblems(bad.map(x => ({ index: x.index ?? x.row ?? 0,
        errors: x.errors || x.problems.map(m => ({ message: m })) })), bad.length);
    }
  }
}

/**
 * Polls the import job until it ends, showing its percentage and rows on the bar (each value
 * seen is kept in <body data-import-progress> for the browser test); answers the finished job or
 * throws its error as the server's problem (a lost job with {@code lost} set).
 */
async function follow(job) {
  const bar = ctx.dom.bar;
  const seen = [];
  bar.hidden = false;
  for (;;) {
    bar.value = job.percent ?? 0;
    bar.title = t('import.jobProgress', { percent: job.percent ?? 0, parsed: job.rowsParsed ?? 0,
      stored: job.rowsStored ?? 0 });
    seen.push(job.percent ?? 0);
    document.body.dataset.importProgress = seen.join(',');
    if (job.state === 'succeeded') { bar.hidden = true; return job; }
    if (job.state === 'failed') {
      const err = new ApiError(job.error?.status ?? 500, { ...job.error, status: job.error?.status });
      err.lost = job.error?.code === 'import.job_lost';
      throw err;
    }
    await new Promise(r => setTimeout(r, 250));
    const res = await fetch(`/api/imports/jobs/${encodeURIComponent(job.id)}`, {
      headers: { ...PAGE, Accept: 'application/json', 'Accept-Language': currentLang() } });
    const body = await res.json().catch(() => null);
    if (!res.ok) {
      const err = new ApiError(res.status, body);
      err.lost = body?.code === 'import.job_unknown';
      throw err;
    }
    job = body;
  }
}

/**
 * POSTs the file as the body with XMLHttpRequest, whose upload events give the bar its figures
 * (fetch has none); once sent, the bar turns indeterminate while the server reads and stores.
 */
function upload(path, file, byJob = false) {
  const bar = ctx.dom.bar;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    Object.entries(PAGE).forEach(([k, v]) => xhr.setRequestHeader(k, v));
    xhr.setRequestHeader('X-XSRF-TOKEN', csrfToken());
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept-Language', currentLang());
    bar.hidden = false;
    bar.value = 0;
    bar.title = t('import.uploading', { percent: 0 });
    xhr.upload.onprogress = e => {
      if (!e.lengthComputable) return;
      bar.value = Math.round((e.loaded / e.total) * 100);
      bar.title = t('import.uploading', { percent: bar.value });
    };
    xhr.upload.onload = () => {
      if (byJob) { bar.value = 0; bar.title = t('import.working'); return; } // the job drives it
      bar.removeAttribute('value'); // indeterminate: the server is working
      bar.title = t('import.working');
    };
    xhr.onload = () => {
      bar.hidden = !byJob || xhr.status !== 202;
      let data = null;
      try { data = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { data = { detail: xhr.responseText }; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else reject(new ApiError(xhr.status, data));
    };
    xhr.onerror = () => { bar.hidden = true; reject(new ApiError(0, null)); };
    xhr.send(file);
  });
}
