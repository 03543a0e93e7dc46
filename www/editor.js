// The editor (editor.html): bring a report (drafted at once), a dataset JSON, a CSV table or the built-in
// dataset; check and edit every figure, source and chart with the validator's messages at their fields;
// see each chart with the widget at 360 and 640 px in light and dark; publish the dataset, the embed
// code (drawn already, by the same code as the command-line tool) and the iframe code. The work is kept
// in localStorage as you type; Ctrl+Z and Ctrl+Shift+Z undo and redo. Text goes into the DOM as text.
import init, { draftReport, importTable, checkValue, embedCode, sentenceAt } from './pkg/editor/reported_figures.js';

const STORE = 'reported-figures-editor';
const APPROX = ['exact', 'about', 'at_least', 'more_than', 'nearly', 'fewer_than', 'up_to'];
const APPROX_WORDS = ['exactly', 'about', 'at least', 'more than', 'nearly', 'fewer than', 'up to'];
const STATUS = ['reported', 'proposed', 'claimed', 'estimate'];
const $ = (id) => document.getElementById(id);

/** An element with attributes and children (text as text). */
function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k in e && typeof v !== 'string') e[k] = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  e.append(...children.filter((c) => c !== undefined && c !== null));
  return e;
}

let state = { report: '', spans: {}, dataset: null };
let history = [];
let future = [];
let checked = { ok: false, errors: [], charts: [] };

const today = () => new Date().toISOString().slice(0, 10);
const empty = () => ({ title: 'Untitled', sources: [], figures: [] });
const slug = (s, taken, fallback) => {
  const base = String(s).toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || fallback;
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
};

// ---- state, history, storage -------------------------------------------------------------------

function snapshot() { return JSON.stringify(state); }

/** Records the state before a change (typing in one field within a second counts as one change). */
let lastKey = '', lastTime = 0;
function remember(key = '') {
  const now = Date.now();
  if (key && key === lastKey && now - lastTime < 1000) { lastTime = now; return; }
  lastKey = key; lastTime = now;
  history.push(snapshot());
  if (history.length > 200) history.shift();
  future = [];
}

function save() {
  try { localStorage.setItem(STORE, snapshot()); } catch { /* storage full or refused: the page still works */ }
}

function restore(text) {
  const s = JSON.parse(text);
  state = { report: String(s.report || ''), spans: s.spans || {}, dataset: s.dataset && typeof s.dataset === 'object' ? s.dataset : null };
}

function undo() {
  if (!history.length) return;
  future.push(snapshot());
  restore(history.pop());
  lastKey = '';
  changed(true);
}

function redo() {
  if (!future.length) return;
  history.push(snapshot());
  restore(future.pop());
  lastKey = '';
  changed(true);
}

/** After any change: store, check, and redraw what depends on it (the form too when `structure`). */
let timer = 0;
function changed(structure = false) {
  save();
  $('undo').disabled = !history.length;
  $('redo').disabled = !future.length;
  clearTimeout(timer);
  // The form is redrawn at once after a change of its structure; typing is checked when it pauses.
  if (structure) {
    validate();
    render();
    renderPreview();
  } else timer = setTimeout(check, 150);
}

function setStatus(text) { $('status').textContent = text; }

// ---- loading ------------------------------------------------------------------------------------

function loadDraft(text) {
  const publisher = $('publisher').value.trim() || undefined;
  const published = $('published').value || undefined;
  try {
    const { dataset, spans } = draftReport(text, publisher, published, undefined);
    remember();
    state = { report: text, spans: {}, dataset };
    dataset.figures.forEach((f, i) => { state.spans[f.id] = spans[i]; });
    setStatus(`Drafted ${dataset.figures.length} figure${dataset.figures.length === 1 ? '' : 's'} from ${dataset.sources.length} source${dataset.sources.length === 1 ? '' : 's'}. Check each one.`);
    changed(true);
  } catch (e) {
    setStatus(`Could not draft this report: ${e?.message || e}`);
  }
}

function loadDataset(text, name) {
  let value;
  try { value = JSON.parse(text); } catch (e) { setStatus(`${name} is not JSON: ${e.message}`); return; }
  if (!value || typeof value !== 'object' || Array.isArray(value)) { setStatus(`${name} is not a dataset (an object with title, sources and figures).`); return; }
  remember();
  state = { report: state.report, spans: {}, dataset: value };
  setStatus(`Opened ${name}.`);
  changed(true);
}

function loadTable(text, name) {
  try {
    const value = importTable(text, name.replace(/\.[^.]+$/, ''));
    remember();
    state = { report: state.report, spans: {}, dataset: value };
    setStatus(`Imported ${value.figures.length} figures from ${name}.`);
    changed(true);
  } catch (e) {
    // Nothing already entered is lost: the table's problems are listed, the work stays as it was.
    const lines = Array.isArray(e) ? e : [String(e?.message || e)];
    setStatus(`${name} was not imported: ${lines.slice(0, 5).map((l) => `line ${l}`).join('; ')}${lines.length > 5 ? ` … and ${lines.length - 5} more` : ''}`);
  }
}

async function loadFile(file) {
  if (file.size > 1_048_576) { setStatus(`${file.name} is ${file.size} bytes, more than the limit of 1048576.`); return; }
  const text = await file.text();
  if (/\.json$/i.test(file.name) || file.type === 'application/json') loadDataset(text, file.name);
  else if (/\.(csv|tsv)$/i.test(file.name) || file.type === 'text/csv') loadTable(text, file.name);
  else { $('paste').value = text; loadDraft(text); }
}

// ---- the form -----------------------------------------------------------------------------------

/** The id of the field a JSON path names: figures[2].value → f-2-value. */
function fieldId(path) {
  let m = path.match(/^figures\[(\d+)\](?:\.(\w+))?/);
  if (m) return `f-${m[1]}-${m[2] || 'label'}`;
  m = path.match(/^sources\[(\d+)\](?:\.(\w+))?/);
  if (m) return `s-${m[1]}-${m[2] || 'name'}`;
  m = path.match(/^charts\[(\d+)\](?:\.(\w+))?/);
  if (m) return `c-${m[1]}-${m[2] === 'figures' || !m[2] ? 'title' : m[2]}`;
  m = path.match(/^article\.(\w+)/);
  if (m) return `a-${m[1]}`;
  m = path.match(/^(\w+)/);
  return m && m[1] !== 'figures' && m[1] !== 'sources' && m[1] !== 'charts' ? `d-${m[1]}` : (m ? `${m[1]}-title` : 'meta');
}

/** A labelled input bound to `obj[key]` (absent when empty, for optional fields). */
function field(id, label, obj, key, { type = 'text', optional = true, rows, list, onchange, hint } = {}) {
  const value = obj[key];
  let input;
  if (list) {
    input = h('select', { id });
    for (const [v, text] of list) input.append(h('option', { value: v, text, selected: String(value ?? list[0][0]) === v }));
  } else if (rows) input = h('textarea', { id, rows: String(rows) });
  else input = h('input', { id, type, step: type === 'number' ? 'any' : undefined });
  if (!list) input.value = value ?? '';
  input.addEventListener('input', () => {
    remember(id);
    let v = input.value;
    if (type === 'number') v = v === '' ? '' : Number(v);
    if (v === '' && optional) delete obj[key]; else obj[key] = v;
    onchange?.(v);
    changed(false);
  });
  const err = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const wrap = h('div', { class: 'field' }, h('label', { for: id, text: label }), input, err);
  if (hint) wrap.append(hint);
  return wrap;
}

function move(list, i, by) {
  const j = i + by;
  if (j < 0 || j >= list.length) return;
  remember();
  [list[i], list[j]] = [list[j], list[i]];
  changed(true);
}

function itemButtons(name, list, i, onremove) {
  return h('p', { class: 'item-tools' },
    h('button', { type: 'button', text: 'Up', 'aria-label': `Move ${name} up`, disabled: i === 0, onclick: () => move(list, i, -1) }),
    h('button', { type: 'button', text: 'Down', 'aria-label': `Move ${name} down`, disabled: i === list.length - 1, onclick: () => move(list, i, 1) }),
    h('button', { type: 'button', text: 'Remove', 'aria-label': `Remove ${name}`, onclick: () => { remember(); onremove?.(); list.splice(i, 1); changed(true); } }));
}

function render() {
  const d = state.dataset;
  $('report-panel').hidden = !state.report;
  renderReport();
  const meta = $('meta');
  meta.replaceChildren(h('legend', { text: 'The dataset' }));
  for (const id of ['sources', 'figures', 'charts']) $(id).replaceChildren();
  if (!d) { meta.append(h('p', { text: 'Paste a report, open a file or start from the built-in dataset.' })); renderPublish(); return; }
  d.article ??= {};
  meta.append(
    field('d-title', 'Title', d, 'title', { optional: false }),
    field('d-subtitle', 'Subtitle', d, 'subtitle'),
    field('d-lang', 'Language (BCP 47, e.g. en, ar)', d, 'lang'),
    field('a-headline', "Report's headline", d.article, 'headline'),
    field('a-publisher', 'Publisher', d.article, 'publisher'),
    field('a-url', "Report's address (URL)", d.article, 'url', { type: 'url' }),
    field('a-published', 'Published (YYYY-MM-DD)', d.article, 'published'));
  d.sources.forEach((s, i) => {
    $('sources').append(h('fieldset', { class: 'item' }, h('legend', { text: `Source ${i + 1}: ${s.name || ''}` }),
      field(`s-${i}-name`, 'Name, as the report gives it', s, 'name', { optional: false }),
      field(`s-${i}-id`, 'Id', s, 'id', { optional: false }),
      field(`s-${i}-url`, 'Address (URL)', s, 'url', { type: 'url' }),
      field(`s-${i}-description`, 'Who they are', s, 'description'),
      itemButtons(`source ${s.name}`, d.sources, i)));
  });
  const sources = d.sources.map((s) => [s.id, s.name]);
  d.figures.forEach((f, i) => {
    const quoteWarning = h('p', { class: 'warning', id: `f-${i}-quote-warning`, hidden: true, text: 'This quote is no longer word for word in the report.' });
    const checkQuote = () => { quoteWarning.hidden = !state.report || !f.quote || state.report.includes(f.quote); };
    checkQuote();
    const span = state.spans[f.id];
    $('figures').append(h('fieldset', { class: 'item', id: `figure-${i}` }, h('legend', { text: `Figure ${i + 1}: ${f.label || ''}` }),
      field(`f-${i}-label`, 'Label (what the number counts)', f, 'label', { optional: false }),
      h('div', { class: 'row' },
        field(`f-${i}-approx`, 'Qualifier', f, 'approx', { list: APPROX.map((a, k) => [a, APPROX_WORDS[k]]) }),
        field(`f-${i}-value`, 'Value', f, 'value', { type: 'number', optional: false }),
        field(`f-${i}-unit`, 'Unit (plural)', f, 'unit', { optional: false })),
      field(`f-${i}-wording`, "The report's own words for the value (optional)", f, 'wording'),
      h('details', { class: 'forms', open: Boolean(f.unit_one || f.unit_two || f.unit_few || f.unit_many) },
        h('summary', { text: 'The unit after other numbers (1 brigade; languages with more plural forms)' }),
        field(`f-${i}-unit_one`, 'After one (singular)', f, 'unit_one'),
        field(`f-${i}-unit_two`, 'After two (Arabic, Hebrew …)', f, 'unit_two'),
        field(`f-${i}-unit_few`, 'After a few (Russian 2–4, Arabic 3–10 …)', f, 'unit_few'),
        field(`f-${i}-unit_many`, 'After many (Russian 5–20, Arabic 11–99 …)', f, 'unit_many')),
      h('div', { class: 'row' },
        field(`f-${i}-status`, 'Status', f, 'status', { list: STATUS.map((s) => [s, s]) }),
        field(`f-${i}-source`, 'Source', f, 'source', { list: [...sources, ['__new', 'Add a new source…']], onchange: (v) => {
          if (v !== '__new') return;
          const name = 'New source';
          const id = slug(name, d.sources.map((s) => s.id), 'source');
          d.sources.push({ id, name });
          f.source = id;
          changed(true);
        } }),
        field(`f-${i}-as_of`, 'As of (YYYY-MM-DD)', f, 'as_of', { optional: false })),
      field(`f-${i}-quote`, 'Quote (the sentence, word for word)', f, 'quote', { rows: 3, onchange: checkQuote, hint: quoteWarning }),
      field(`f-${i}-note`, 'Note', f, 'note'),
      span && state.report ? h('p', { class: 'hint', text: `In the report: “${state.report.slice(span[0], span[1])}”` }) : null,
      itemButtons(`figure ${f.label}`, d.figures, i, () => { delete state.spans[f.id]; })));
  });
  (d.charts || []).forEach((c, i) => {
    const list = h('ol', { class: 'chart-figures' });
    c.figures ??= [];
    d.figures.forEach((f) => {
      if (!f.id) return;
      const on = c.figures.includes(f.id);
      const box = h('input', { type: 'checkbox', id: `c-${i}-fig-${f.id}`, checked: on });
      box.addEventListener('change', () => {
        remember();
        if (box.checked) c.figures.push(f.id); else c.figures = c.figures.filter((x) => x !== f.id);
        changed(true);
      });
      list.append(h('li', {}, box, h('label', { for: box.id, text: ` ${f.label} (${f.value} ${f.unit})` })));
    });
    const order = h('ol', { class: 'chart-order', 'aria-label': `Order of the figures in chart ${c.title}` });
    c.figures.forEach((fid, k) => {
      const f = d.figures.find((x) => x.id === fid);
      order.append(h('li', {}, h('span', { text: f ? f.label : fid }), ' ',
        h('button', { type: 'button', text: 'Up', 'aria-label': `Move ${f?.label || fid} up in the chart`, disabled: k === 0, onclick: () => move(c.figures, k, -1) }),
        h('button', { type: 'button', text: 'Down', 'aria-label': `Move ${f?.label || fid} down in the chart`, disabled: k === c.figures.length - 1, onclick: () => move(c.figures, k, 1) })));
    });
    $('charts').append(h('fieldset', { class: 'item' }, h('legend', { text: `Chart ${i + 1}: ${c.title || ''}` }),
      field(`c-${i}-title`, 'Title', c, 'title', { optional: false }),
      field(`c-${i}-id`, 'Id', c, 'id', { optional: false }),
      field(`c-${i}-subtitle`, 'Subtitle', c, 'subtitle'),
      field(`c-${i}-note`, 'Note (shown under the chart)', c, 'note'),
      h('p', { text: 'Figures in this chart:' }), list,
      c.figures.length ? h('p', { text: 'Their order:' }) : null, c.figures.length ? order : null,
      itemButtons(`chart ${c.title}`, d.charts, i, () => { if (d.charts.length === 1) queueMicrotask(() => { delete d.charts; changed(true); }); })));
  });
  showProblems();
  renderPublish();
}

/** The report with each drafted figure's words marked (as text nodes and <mark>s). */
function renderReport() {
  const box = $('report');
  const text = state.report;
  const marks = Object.entries(state.spans).filter(([, s]) => Array.isArray(s)).sort((a, b) => a[1][0] - b[1][0]);
  const out = [];
  let at = 0;
  for (const [id, [s, e]] of marks) {
    if (s < at || e > text.length) continue;
    out.push(document.createTextNode(text.slice(at, s)));
    const i = state.dataset?.figures.findIndex((f) => f.id === id) ?? -1;
    out.push(h('mark', { title: i >= 0 ? `Figure ${i + 1}` : 'Removed figure', class: i >= 0 ? '' : 'removed', text: text.slice(s, e) }));
    at = e;
  }
  out.push(document.createTextNode(text.slice(at)));
  box.replaceChildren(...out);
}

/** The selected text of the report, if it is one number, with its offsets. */
function selectedNumber() {
  const sel = getSelection();
  if (!sel || sel.isCollapsed || !$('report').contains(sel.anchorNode) || !$('report').contains(sel.focusNode)) return null;
  const range = sel.getRangeAt(0);
  const pre = document.createRange();
  pre.selectNodeContents($('report'));
  pre.setEnd(range.startContainer, range.startOffset);
  const start = pre.toString().length;
  const picked = range.toString();
  const value = Number(picked.replace(/[^\d.]/g, ''));
  if (!/\d/.test(picked) || !Number.isFinite(value) || picked.length > 40) return null;
  return { start, end: start + picked.length, value, text: picked };
}

function addSelection() {
  const n = selectedNumber();
  if (!n || !state.dataset) return;
  const d = state.dataset;
  remember();
  // Its sentence from the report (split as the draft splits them), as the quote.
  const quote = sentenceAt(state.report, n.start) || undefined;
  const publisher = d.article?.publisher || 'The report';
  let src = d.sources.find((s) => s.name === publisher);
  if (!src) { src = { id: slug(publisher, d.sources.map((s) => s.id), 'source'), name: publisher }; d.sources.push(src); }
  const id = slug(`figure ${n.text}`, d.figures.map((f) => f.id), 'figure');
  d.figures.push({ id, label: 'Label this figure', value: n.value, unit: 'people', approx: 'exact', status: 'reported', source: src.id, quote, as_of: d.article?.published || today() });
  state.spans[id] = [n.start, n.end];
  setStatus(`Added ${n.text} as figure ${d.figures.length}: give it its label, unit and source.`);
  changed(true);
  $(`f-${d.figures.length - 1}-label`)?.focus();
}

// ---- checking, preview, publishing --------------------------------------------------------------

/** Validates the dataset as it stands (the problems and the charts it has). */
function validate() {
  checked = state.dataset ? checkValue(structuredClone(state.dataset)) : { ok: false, errors: [], charts: [] };
}

function check() {
  validate();
  showProblems();
  renderPreview();
  renderPublish();
}

function showProblems() {
  for (const e of document.querySelectorAll('.field-error')) { e.hidden = true; e.textContent = ''; }
  for (const e of document.querySelectorAll('[aria-invalid]')) { e.removeAttribute('aria-invalid'); e.removeAttribute('aria-describedby'); }
  const box = $('problems');
  if (!state.dataset) { box.replaceChildren(); return; }
  if (checked.ok) { box.replaceChildren(h('p', { class: 'ok', text: 'The dataset is valid.' })); return; }
  const list = h('ul');
  for (const p of checked.errors) {
    const id = fieldId(p.path);
    const input = $(id);
    const err = $(`${id}-error`);
    const closed = input?.closest('details');
    if (closed) closed.open = true;
    if (input && err) {
      err.hidden = false;
      err.textContent = err.textContent ? `${err.textContent} ${p.message}` : p.message;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', err.id);
    }
    list.append(h('li', {}, h('button', { type: 'button', class: 'link', text: `${p.path}: ${p.message}`, onclick: () => { (input || $(id) || $('meta')).focus(); } })));
  }
  box.replaceChildren(h('p', { text: `${checked.errors.length} problem${checked.errors.length === 1 ? '' : 's'} to fix:` }), list);
}

function renderPreview() {
  // While the dataset has problems, the previews and the chart list stay as they were last valid.
  if (!checked.ok) return;
  const select = $('preview-chart');
  const current = select.value;
  select.replaceChildren(...checked.charts.map((c) => h('option', { value: c.id, text: c.title, selected: c.id === current })));
  for (const el of document.querySelectorAll('.previews reported-figures')) {
    if (select.value) el.setAttribute('chart', select.value);
    el.data = state.dataset;
  }
}

function scriptUrl() {
  return $('script-url').value.trim() || new URL('www/reported-figures.js', location.href).href;
}

function renderPublish() {
  const ok = checked.ok && state.dataset;
  for (const id of ['download-json', 'download-svg', 'download-png', 'copy-embed', 'copy-iframe']) $(id).disabled = !ok;
  if (!ok) { $('embed-code').value = ''; $('iframe-code').value = ''; return; }
  const chart = $('preview-chart').value || checked.charts[0]?.id;
  try { $('embed-code').value = embedCode(structuredClone(state.dataset), chart, scriptUrl()); } catch { $('embed-code').value = ''; }
  const data = $('data-url').value.trim() || 'https://YOUR-HOST/data.json';
  const src = new URL(`embed.html?chart=${encodeURIComponent(chart)}&src=${encodeURIComponent(data)}`, new URL('..', scriptUrl())).href;
  const title = checked.charts.find((c) => c.id === chart)?.title || 'Chart';
  $('iframe-code').value = `<iframe src="${src.replace(/"/g, '&quot;')}" title="${title.replace(/[&"<]/g, (c) => `&#${c.charCodeAt(0)};`)}" width="100%" height="420" style="border:0" sandbox="allow-scripts allow-popups" loading="lazy" data-reported-figures></iframe>\n<script src="${new URL('embed-host.js', scriptUrl()).href}" defer></script>`;
}

function download(name, type, data) {
  const url = URL.createObjectURL(data instanceof Blob ? data : new Blob([data], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function copy(id) {
  const text = $(id).value;
  try { await navigator.clipboard.writeText(text); setStatus('Copied.'); } catch { $(id).select(); setStatus('Select the code and copy it (Ctrl+C).'); }
}

// ---- start --------------------------------------------------------------------------------------

async function start() {
  await init({ module_or_path: new URL('pkg/editor.wasm', import.meta.url) });
  const saved = localStorage.getItem(STORE);
  if (saved) { try { restore(saved); setStatus('Your work was restored.'); } catch { /* a damaged store starts afresh */ } }
  $('paste').value = state.report;
  $('script-url').value = new URL('www/reported-figures.js', location.href).href;
  $('draft').addEventListener('click', () => loadDraft($('paste').value));
  $('file').addEventListener('change', () => { const f = $('file').files[0]; if (f) loadFile(f); });
  $('builtin').addEventListener('click', async () => {
    const r = await fetch(new URL('data/gaza-truce-talks-2024-04-08.json', import.meta.url));
    loadDataset(await r.text(), 'the built-in dataset');
  });
  const drop = document.body;
  drop.addEventListener('dragover', (e) => { e.preventDefault(); $('drop').classList.add('over'); });
  drop.addEventListener('dragleave', () => $('drop').classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    $('drop').classList.remove('over');
    const f = e.dataTransfer?.files?.[0];
    if (f) loadFile(f);
    else if (e.dataTransfer?.getData('text/plain')) { $('paste').value = e.dataTransfer.getData('text/plain'); loadDraft($('paste').value); }
  });
  $('paste').addEventListener('paste', () => setTimeout(() => { if (!state.dataset || state.report !== $('paste').value) loadDraft($('paste').value); }, 0));
  $('add-source').addEventListener('click', () => {
    const d = state.dataset ??= empty();
    remember();
    d.sources.push({ id: slug('source', d.sources.map((s) => s.id), 'source'), name: 'New source' });
    changed(true);
    $(`s-${d.sources.length - 1}-name`)?.focus();
  });
  $('add-figure').addEventListener('click', () => {
    const d = state.dataset ??= empty();
    remember();
    if (!d.sources.length) d.sources.push({ id: 'source', name: d.article?.publisher || 'The report' });
    d.figures.push({ id: slug('figure', d.figures.map((f) => f.id), 'figure'), label: '', value: 0, unit: 'people', approx: 'exact', status: 'reported', source: d.sources[0].id, as_of: d.article?.published || today() });
    changed(true);
    $(`f-${d.figures.length - 1}-label`)?.focus();
  });
  $('add-chart').addEventListener('click', () => {
    const d = state.dataset ??= empty();
    remember();
    d.charts ??= [];
    d.charts.push({ id: slug('chart', d.charts.map((c) => c.id), 'chart'), title: 'New chart', figures: d.figures.filter((f) => f.id).slice(0, 1).map((f) => f.id) });
    changed(true);
    $(`c-${d.charts.length - 1}-title`)?.focus();
  });
  $('report').addEventListener('mouseup', () => { $('add-selection').disabled = !selectedNumber(); });
  $('report').addEventListener('keyup', () => { $('add-selection').disabled = !selectedNumber(); });
  $('add-selection').addEventListener('click', addSelection);
  $('preview-chart').addEventListener('change', () => { renderPreview(); renderPublish(); });
  for (const id of ['script-url', 'data-url']) $(id).addEventListener('input', renderPublish);
  $('download-json').addEventListener('click', () => download(`${slug(state.dataset.title, [], 'dataset')}.json`, 'application/json', `${JSON.stringify(state.dataset, null, 2)}\n`));
  $('download-svg').addEventListener('click', async () => download(`${$('preview-chart').value}.svg`, 'image/svg+xml', await $('p-640-light').toSVG({ width: 640, theme: 'light' })));
  $('download-png').addEventListener('click', async () => download(`${$('preview-chart').value}.png`, 'image/png', await $('p-640-light').toPNG({ scale: 2, width: 640 })));
  $('copy-embed').addEventListener('click', () => copy('embed-code'));
  $('copy-iframe').addEventListener('click', () => copy('iframe-code'));
  $('undo').addEventListener('click', undo);
  $('redo').addEventListener('click', redo);
  document.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z' || e.altKey) return;
    e.preventDefault();
    if (e.shiftKey) redo(); else undo();
  });
  changed(true);
  document.body.dataset.ready = '';
}

start().catch((e) => setStatus(`The editor could not start: ${e?.message || e}`));
