// <reported-figures>: a chart of a news report's figures, with the source of every number.
//
//   <script type="module" async src="https://…/www/reported-figures.js"></script>
//   <reported-figures chart="hostages" theme="auto">…the chart's pre-rendered pictures…</reported-figures>
//   <reported-figures src="https://…/data.json" chart="hostages" height="420"></reported-figures>
//
// With pictures inside (the embed code the `embed` command writes), the chart is on screen from the
// first byte; this module makes it interactive after the first paint, when the widget is near the
// viewport, or at once when the reader points at, taps or tabs into it: the reader's wasm module lays
// the chart out at the picture's own width and the canvas replaces the picture with the same pixels.
// Without pictures it draws as soon as the module is ready. The dataset is the built-in one, one
// embedded in the binary form (<script type="application/vnd.reported-figures">), a JSON one inline
// (<script type="application/json">) or at `src`; JSON is validated by a second module (validator.js)
// that only such pages load. One instance of each module serves every widget on the page. Everything
// from a dataset goes into the DOM as text.

import initReader, { Widget, wasmMemoryBytes } from './pkg/reader/reported_figures.js';
// Written by the build from the Rust sources: limits, the widget's stylesheet, the texts' layout.
import { MAX_INPUT_BYTES, WIDGET_CSS, TEXTS_HEAD, TEXTS_PER_BAR, TILE_MAX_PX } from './facts.js';

/** Seconds before a dataset download is given up. */
export const FETCH_TIMEOUT_S = 10;
/** The script type of a dataset embedded in the binary form, base64-encoded. */
const BINARY_TYPE = 'application/vnd.reported-figures';

const READER_URL = new URL('pkg/reader.wasm', import.meta.url);
let compiled; // the reader's compiled wasm, downloaded and compiled off the main thread
function compileReader() {
  compiled ??= WebAssembly.compileStreaming(fetch(READER_URL))
    // Served without the wasm MIME type, it is compiled from its bytes instead.
    .catch((e) => (/content.security|CSP|eval/i.test(String(e)) ? Promise.reject(e)
      : fetch(READER_URL).then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b))));
  return compiled;
}

let reader; // the reader module, instantiated once for the page
/** Loads and instantiates the reader's wasm module once; every caller gets the same instance. */
export function loadReader() {
  reader ??= compileReader().then((module) => initReader({ module_or_path: module })).then(() => ({ Widget }));
  return reader;
}

let validator; // the validator module, loaded only for JSON datasets
function loadValidator() {
  validator ??= import('./validator.js').then((m) => m.load());
  return validator;
}

let api; // the API module, loaded only for datasets set as objects and for toSVG()
function loadApi() {
  api ??= import('./api.js').then((m) => m.load());
  return api;
}

let sheet; // one constructed stylesheet shared by every shadow root (no inline style, so strict CSP holds)
function adoptStyles(root) {
  if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(WIDGET_CSS); }
  root.adoptedStyleSheets = [sheet];
}

const darkQuery = matchMedia('(prefers-color-scheme: dark)');

/**
 * Resolves once the page has painted: a task queued from an animation frame runs after that frame's
 * paint, so the pictures are on their way to the screen before any widget starts its work. (The paint
 * timing entry would say the same a frame or two later: it waits for the frame to be presented.)
 */
let firstPaint;
function afterPaint() {
  firstPaint ??= new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
      channel.port2.postMessage(0);
    });
  });
  return firstPaint;
}

// Download and compile once the page has painted (its pictures must not share the network with the
// wasm), before any widget needs it: compiling runs off the main thread, and making the charts
// interactive then only instantiates it. A widget without a picture asks for it at once.
afterPaint().then(() => compileReader().catch(() => {}));

/**
 * Resolves once the parser has closed the element, so that its pictures and its data are all there:
 * at once when the document is parsed or something follows the element (or an ancestor); otherwise
 * (a long pasted embed that the module reaches while the page is still arriving) when that changes.
 * One observer serves every waiting element.
 */
const unparsed = new Map();
let parseObserver;
const isClosed = (el) => {
  if (document.readyState !== 'loading') return true;
  for (let n = el; n && n !== document; n = n.parentNode) if (n.nextSibling) return true;
};
function checkParsed() {
  for (const [el, resolve] of unparsed) if (isClosed(el)) { unparsed.delete(el); resolve(); }
}
const whenParsed = (el) => isClosed(el) ? Promise.resolve() : new Promise((resolve) => {
  unparsed.set(el, resolve);
  if (!parseObserver) {
    (parseObserver = new MutationObserver(checkParsed)).observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', () => { parseObserver.disconnect(); checkParsed(); });
  }
});

/** One observer for every widget waiting to come near the viewport. */
const near = new Map();
const nearObserver = typeof IntersectionObserver === 'function'
  ? new IntersectionObserver((entries) => {
    for (const e of entries) if (e.isIntersecting) { near.get(e.target)?.(); }
  }, { rootMargin: '100% 0px' })
  : null;

/** The built-in dataset (the Reuters report of 8 April 2024), for widgets given no data: downloaded
 * once, in the binary form, from beside the module. */
const BUILTIN_URL = new URL('data/gaza-truce-talks-2024-04-08.rfd', import.meta.url);
let builtin;
function builtinDataset() {
  builtin ??= fetch(BUILTIN_URL).then((r) => {
    if (!r.ok) throw new Error(`could not load the built-in dataset ${BUILTIN_URL}: the server answered ${r.status}`);
    return r.arrayBuffer();
  }).then((b) => new Uint8Array(b));
  builtin.catch(() => { builtin = undefined; });
  return builtin;
}

/**
 * The datasets downloaded by URL, each once for the page however many widgets show it: the promise of
 * its validated binary form, or of its failure (a download that failed is forgotten, so that a later
 * widget tries again).
 */
const datasets = new Map();
function sharedDataset(url) {
  let p = datasets.get(url);
  if (!p) {
    p = loadValidator()
      .catch((e) => { throw Object.assign(new Error(startFailure(e)), { start: true }); })
      .then((v) => v.fetchDataset(url, MAX_INPUT_BYTES, FETCH_TIMEOUT_S).then((json) => v.validateDataset(json)));
    p.catch((e) => { if (e instanceof Error) datasets.delete(url); });
    datasets.set(url, p);
  }
  return p;
}

/** Why a wasm module could not start, in a reader's words. */
function startFailure(e) {
  const message = String((e && e.message) || e);
  if (/content.security.policy|\bCSP\b|unsafe-eval|wasm-eval/i.test(message)) {
    return "this page's Content-Security-Policy does not allow WebAssembly (it needs 'wasm-unsafe-eval' in script-src)";
  }
  return `the chart program did not start (${message})`;
}

/**
 * A dataset given as a JavaScript value, copied with `structuredClone` so that nothing of the caller's
 * runs inside the module (a getter that throws, a proxy): what cannot be copied is refused as a whole.
 * Throws the problems (an array of `{path, message, kind}`).
 */
function cloneData(value) {
  try {
    return structuredClone(value);
  } catch (e) {
    throw [{ path: '(root)', message: `cannot be read as JSON data (${String(e?.message || e)})`, kind: 'not_json_data' }];
  }
}

/** Validates JSON text with the validator module, anything else as data with the API module. */
async function validateInput(input) {
  if (typeof input === 'string') return (await loadValidator()).validateDataset(new TextEncoder().encode(input));
  const copy = cloneData(input);
  return (await loadApi()).validateValue(copy);
}

/**
 * Validates a dataset, JSON text or a JavaScript object, with the same rules, paths and messages as
 * the widget and the command-line tool: `{ok: true, errors: []}` or `{ok: false, errors: [{path,
 * message, kind}]}`. Loads the validator module on first use; rejects only if it cannot start.
 */
export async function validate(input) {
  try {
    await validateInput(input);
    return { ok: true, errors: [] };
  } catch (e) {
    if (Array.isArray(e)) return { ok: false, errors: e };
    throw e;
  }
}

/** A problem as a line of the widget's error box. */
const problemLine = (p) => (p && typeof p === 'object' ? `${p.path}: ${p.message}` : String(p));

/** An element with a class and, optionally, text (as text, never markup). */
function h(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

const px = (v) => `${Math.round(v * 100) / 100}px`;

export class ReportedFigures extends HTMLElement {
  /** Bytes of the shared reader module's memory (for leak checks: it only grows). */
  static wasmMemoryBytes() {
    return reader ? wasmMemoryBytes() : 0;
  }

  static observedAttributes = ['src', 'chart', 'theme', 'lang'];
  #root; #widget = null; #texts = []; #geometry = []; #parts = null;
  #given = null; // a dataset set from JavaScript (`data`), as `{value}`
  #bytes = null; // the current dataset in the binary form
  #figures = null; // the chart's figures as plain objects, made on first use
  #tipIndex = -1; // the bar whose tooltip shows (focus events fire when it changes)
  #resize = null; #frame = 0; #width = 0; #gen = 0; #abort = null; #hideTimer = 0;
  #observed = 0; // the width ResizeObserver last reported: read without forcing a layout
  #layoutWidth = 0; // the width of the picture the live chart replaces (0: lay out at the real width)
  #announced = false; // whether 'reported-figures:ready' was sent for the current data
  #moving = false; // true while focus is moved by the widget (its focus events must not re-enter)
  #armed = null; // what undoes the wait for a picture's hydration
  #active = 0; // the bar reached with Tab
  #onScheme = () => this.#schedule(true);
  #failed = false; // an error is shown for the current data

  connectedCallback() {
    // `data` set before this element was defined sits on the instance: pass it to the setter.
    if (Object.hasOwn(this, 'data')) { const v = this.data; delete this.data; this.data = v; }
    if (!this.#root) {
      this.#root = this.attachShadow({ mode: 'open' });
      adoptStyles(this.#root);
      this.#root.addEventListener('keydown', (e) => this.#keydown(e));
      this.#root.addEventListener('focusin', (e) => this.#focus(e));
      this.#root.addEventListener('focusout', (e) => this.#blur(e));
      this.#root.addEventListener('pointerover', (e) => this.#pointer(e));
      this.#root.addEventListener('pointerleave', () => this.#hideSoon(), true);
      this.#root.addEventListener('click', (e) => this.#click(e));
    }
    if (!this.#widget) this.#showPicture();
    // The observer reports the width after layout, before paint: drawing then costs no extra layout and
    // no extra frame, and a storm of resizes draws at most once per frame.
    this.#resize = new ResizeObserver((entries) => {
      this.#observed = Math.floor(entries[entries.length - 1].contentRect.width);
      this.#render(false);
    });
    this.#resize.observe(this);
    darkQuery.addEventListener('change', this.#onScheme);
    // Whether there are pictures to wait behind, and which data, is known once the element is parsed.
    const gen = this.#gen;
    whenParsed(this).then(() => {
      if (gen !== this.#gen || !this.isConnected || this.#widget) return;
      if (this.#picture() && !this.#given) this.#arm();
      else this.#start();
    });
  }

  disconnectedCallback() {
    this.#resize?.disconnect();
    this.#resize = null;
    darkQuery.removeEventListener('change', this.#onScheme);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    clearTimeout(this.#hideTimer);
    this.#disarm();
    this.#abort?.abort();
    this.#clear();
    this.#gen++;
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.isConnected || !this.#root) return;
    if (name === 'theme') { this.#schedule(true); return; }
    // Another chart, dataset or language: no waiting for a picture that may no longer be of it.
    this.#disarm();
    if (!this.#widget) this.#showPicture();
    this.#start();
  }

  /**
   * The dataset, as a plain object in its JSON format: what validation accepted, read back (`null`
   * until the widget has its data). Setting it to an object shows that dataset instead of `src`, the
   * inline data or the built-in one; it is validated as JSON text is, and its problems are shown in the
   * widget and sent as `reported-figures:error`. Setting anything but an object throws a `TypeError`.
   */
  get data() {
    return this.#widget ? this.#call((w) => w.data()) ?? null : null;
  }

  set data(value) {
    if (value === null || typeof value !== 'object') {
      throw new TypeError('reported-figures: data must be an object: a dataset in the JSON format');
    }
    this.#given = { value };
    if (!this.isConnected || !this.#root) return; // connecting starts it
    this.#disarm();
    this.#start();
  }

  /** The shown chart's figures as plain objects (an empty array until the chart is drawn). */
  get figures() {
    return structuredClone(this.#figureList());
  }

  /** The chart's figures, made by the reader once per widget (`[]` without one). */
  #figureList() {
    if (!this.#widget) return [];
    this.#figures ??= this.#call((w) => w.figures()) ?? null;
    return this.#figures || [];
  }

  /**
   * The chart as the standalone SVG document `reported-figures render` writes (a Promise of the text):
   * at `width` CSS pixels (the widget's width by default) in `theme` (the widget's by default).
   */
  async toSVG({ width, theme } = {}) {
    const bytes = await this.#ready();
    const v = await loadApi();
    return v.chartSvg(bytes, this.#texts[0], Number(width) || this.#width || 640, theme || this.resolvedTheme,
      this.getAttribute('lang') || undefined);
  }

  /**
   * The chart as a PNG image (a Promise of a `Blob`), `scale` device pixels per CSS pixel (2 by
   * default), at `width` CSS pixels (the widget's by default) in `theme`. Rejects with a `RangeError`
   * for an image taller or wider than browsers make (32,767 pixels).
   */
  async toPNG({ scale = 2, width, theme } = {}) {
    const bytes = await this.#ready();
    const m = await loadReader();
    const k = Math.min(Math.max(Number(scale) || 2, 0.5), 8);
    const w = new m.Widget(bytes, this.#texts[0], this.getAttribute('lang') || undefined);
    try {
      const [cw, ch] = w.layout(Number(width) || this.#width || 640, theme || this.resolvedTheme, undefined);
      if (Math.max(cw, ch) * k > 32767) throw new RangeError(`the image would be ${Math.ceil(ch * k)} pixels tall, more than browsers make`);
      const canvas = document.createElement('canvas');
      w.paint(canvas, k, 0, ch, false);
      return await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser made no PNG'))), 'image/png'));
    } finally {
      w.free();
    }
  }

  /** The current dataset in the binary form, once the widget has one (starting it if it waits). */
  async #ready() {
    if (this.#widget && this.#bytes) return this.#bytes;
    if (this.#failed) throw new Error('the chart could not be drawn: see its error');
    if (this.#armed) { this.#disarm(); this.#start(); }
    await new Promise((resolve, reject) => {
      const ok = () => { off(); resolve(); };
      const bad = () => { off(); reject(new Error('the chart could not be drawn: see its error')); };
      const off = () => { this.removeEventListener('reported-figures:ready', ok); this.removeEventListener('reported-figures:error', bad); };
      this.addEventListener('reported-figures:ready', ok);
      this.addEventListener('reported-figures:error', bad);
    });
    if (!this.#bytes) throw new Error('the chart could not be drawn');
    return this.#bytes;
  }

  /** Draws the chart now, at the element's current width (a resize otherwise redraws by itself). */
  redraw() {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#observed = Math.floor(this.clientWidth);
    this.#layoutWidth = 0;
    this.#render(true);
  }

  /** The theme to draw: the attribute, or the reader's preference for `auto` (the default). */
  get resolvedTheme() {
    const t = this.getAttribute('theme');
    if (t === 'light' || t === 'dark') return t;
    return darkQuery.matches ? 'dark' : 'light';
  }

  /** The element's pre-rendered pictures, if the markup has them. */
  #picture() {
    return this.querySelector(':scope > .rfp');
  }

  /** Shows the element's own content (the pictures) until the live chart replaces it. */
  #showPicture() {
    if (this.#picture()) {
      this.#root.replaceChildren(h('slot'));
      this.style.minHeight = '';
      // Reachable with Tab before the chart is interactive (focusing it makes it so), named by the
      // picture's first text, its title.
      if (!this.hasAttribute('tabindex')) {
        this.tabIndex = 0;
        this.dataset.rfTab = '';
        this.setAttribute('role', 'group');
        this.setAttribute('aria-label', this.#picture().querySelector('text')?.textContent || 'Chart');
      }
    } else {
      // Hold the final height while loading so the article does not jump.
      const h = Number(this.getAttribute('height'));
      this.style.minHeight = `${h > 0 && h < 5000 ? h : 360}px`;
    }
  }

  /**
   * Waits to make the pictures interactive: after the first paint once the widget is near the
   * viewport, or at once when the reader points at, taps or tabs into it.
   */
  #arm() {
    if (this.#armed || this.#widget) return;
    let painted = false, close = false;
    const go = () => { if (this.#armed) { this.#disarm(); this.#start(); } };
    const maybe = () => { if (painted && close) go(); };
    const events = ['pointerover', 'pointerdown', 'focus'];
    for (const e of events) this.addEventListener(e, go);
    // Near the viewport: the observer says so after the next layout (reading the element's place here
    // would force a layout per widget, fifty on a page of fifty).
    close = !nearObserver;
    if (!close) { near.set(this, () => { close = true; maybe(); }); nearObserver.observe(this); }
    afterPaint().then(() => { painted = true; maybe(); });
    this.#armed = () => {
      for (const e of events) this.removeEventListener(e, go);
      nearObserver?.unobserve(this);
      near.delete(this);
    };
  }

  #disarm() {
    this.#armed?.();
    this.#armed = null;
  }

  #clear() {
    try { this.#widget?.free(); } catch { /* a widget that failed inside the module can only be dropped */ }
    this.#widget = null;
    this.#parts = null;
  }

  /** Calls into the widget; a failure inside the module is shown in this widget and stops nothing else. */
  #call(f) {
    const w = this.#widget;
    if (!w) return undefined;
    try {
      return f(w);
    } catch (e) {
      this.#widget = null;
      this.#parts = null;
      this.#showError('This chart stopped working', [String((e && e.message) || e)], false,
        { kind: 'crash', message: 'This chart stopped working', errors: [] });
      return undefined;
    }
  }

  /** Test hook: makes the module panic inside this widget (builds with the `test-hooks` feature only). */
  __testPanic() {
    this.#call((w) => w.panicForTest?.());
  }

  async #start() {
    const gen = ++this.#gen;
    this.#failed = false;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    await whenParsed(this); // a reader may point at an embed before its data has arrived
    if (gen !== this.#gen) return;
    const failed = (title, lines, kind, fallback = false) => {
      if (gen !== this.#gen) return;
      this.#clear();
      const errors = lines.filter((l) => typeof l === 'object');
      this.#showError(title, lines.map(problemLine), fallback, { kind, message: title, errors });
    };
    let bytes;
    try {
      bytes = await this.#data();
    } catch (e) {
      if (abort.signal.aborted) return;
      if (Array.isArray(e)) failed('This dataset is not valid', e, 'invalid');
      else if (e?.start) failed('This chart could not be drawn here', [e.message], 'start', true);
      else failed('The data for this chart could not be loaded', [String(e?.message || e)], 'network');
      return;
    }
    if (gen !== this.#gen) return;
    let m;
    try {
      m = await loadReader();
    } catch (e) {
      failed('This chart could not be drawn here', [startFailure(e)], 'start', true);
      return;
    }
    if (gen !== this.#gen) return;
    this.#clear();
    try {
      this.#widget = new m.Widget(bytes, this.getAttribute('chart') || undefined, this.getAttribute('lang') || undefined);
    } catch (e) {
      const missing = /no chart has the id/.test(String(e?.message));
      failed(missing ? 'This chart is not in the dataset' : 'This chart could not be shown', [String(e?.message || e)], missing ? 'chart' : 'damaged');
      return;
    }
    this.#bytes = bytes;
    this.#figures = null;
    this.#tipIndex = -1;
    this.#texts = this.#widget.texts();
    this.#width = 0;
    this.#announced = false;
    // Replace the picture made at this width with the same layout, scaled as the picture is.
    const shown = [...(this.#picture()?.children || [])].find((v) => v.offsetWidth > 0);
    this.#layoutWidth = Number(shown?.dataset.width) || 0;
    // Draw now if the width is known; otherwise the observer's first report draws.
    if (this.#observed > 0) this.#render(true);
  }

  /**
   * The dataset in the binary form: embedded so, validated from JSON at `src` (shared by every widget
   * of the page that shows it) or inline, or the built-in one. Throws an Error (network, a module that
   * cannot start: `start`) or the problems found (an array).
   */
  async #data() {
    const starting = (e) => { throw Array.isArray(e) ? e : Object.assign(new Error(startFailure(e)), { start: true }); };
    if (this.#given) return validateInput(this.#given.value).catch(starting);
    const src = this.getAttribute('src');
    if (src) {
      let url;
      try { url = new URL(src, document.baseURI); } catch { throw new Error(`the address ${src} is not a valid URL`); }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`the address ${src} is not an http or https URL`);
      return sharedDataset(url.href);
    }
    const binary = this.querySelector(`:scope > script[type="${BINARY_TYPE}"]`);
    if (binary) {
      let text;
      try { text = atob(binary.textContent.trim()); } catch { text = ''; }
      return Uint8Array.from(text, (c) => c.charCodeAt(0));
    }
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (!inline) return builtinDataset();
    return validateInput(inline.textContent).catch(starting);
  }

  /**
   * Shows an error in the widget, never a blank box: after the pictures when there are some, and with
   * `fallback`, the element's own children (a static copy of the chart, when the page gives one).
   */
  #showError(title, lines, fallback = false, detail = { kind: 'crash', message: title, errors: [] }) {
    this.#failed = true;
    this.#bytes = null;
    const box = h('div', 'rf');
    const err = h('div', 'error');
    err.setAttribute('role', 'alert');
    err.append(h('p', 'error-title', title));
    const list = h('ul');
    for (const l of lines.slice(0, 50)) list.append(h('li', '', l));
    if (lines.length > 50) list.append(h('li', '', `… and ${lines.length - 50} more`));
    err.append(list);
    box.append(err);
    const copy = this.#picture() || (fallback && [...this.children].some((c) => c.localName !== 'script'));
    if (fallback && copy) list.lastChild.textContent += '. This is a static copy of the chart.';
    this.#root.replaceChildren(...(copy ? [h('slot'), box] : [box]));
    adoptStyles(this.#root);
    this.style.minHeight = '';
    this.#announce(false);
    this.dispatchEvent(new CustomEvent('reported-figures:error', { bubbles: true, composed: true, detail: { ...detail, lines: lines.slice() } }));
  }

  /** Builds the live chart's DOM from the widget's texts, all as text. */
  #build() {
    const t = this.#texts;
    const n = (t.length - TEXTS_HEAD) / TEXTS_PER_BAR;
    const bar = (i, k) => t[TEXTS_HEAD + i * TEXTS_PER_BAR + k];
    const root = h('div', 'rf');
    root.lang = t[2];
    root.dir = t[3];
    const plot = h('div', 'plot');
    const clip = h('div', 'clip');
    const hits = h('div', 'hits');
    for (let i = 0; i < n; i++) {
      const b = h('button', 'hit');
      b.type = 'button';
      b.dataset.index = String(i);
      b.setAttribute('aria-label', bar(i, 0));
      b.setAttribute('aria-describedby', 'tip');
      b.tabIndex = i === this.#active ? 0 : -1;
      hits.append(b);
    }
    const tip = h('div', 'tip');
    tip.id = 'tip';
    tip.hidden = true;
    plot.append(clip, hits, tip);
    const summary = h('p', 'sr-only', t[4]);
    summary.id = 'summary';
    const details = h('details', 'data');
    details.append(h('summary', '', t[5]));
    const table = h('table');
    const head = h('tr');
    for (const c of t.slice(6, 10)) { const th = h('th', '', c); th.scope = 'col'; head.append(th); }
    const thead = h('thead');
    thead.append(head);
    const body = h('tbody');
    for (let i = 0; i < n; i++) {
      const tr = h('tr');
      const th = h('th', '', bar(i, 2));
      th.scope = 'row';
      tr.append(th, h('td', 'num', bar(i, 1)), h('td', '', bar(i, 3)), h('td', '', bar(i, 10)));
      body.append(tr);
    }
    table.append(thead, body);
    details.append(table);
    root.append(plot, summary, details);
    this.#parts = { root, clip, hits: [...hits.children], tip, canvases: [] };
  }

  /** At most one render per animation frame, and only when the width (or the theme) changed. */
  #schedule(force) {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#render(force);
    });
  }

  #render(force) {
    if (!this.#widget) return; // still loading or waiting: keep the picture or the placeholder
    const width = this.#observed;
    if (width <= 0 || (!force && width === this.#width)) return;
    // A new width after the first drawing: lay the chart out at that width.
    if (this.#width && width !== this.#width) this.#layoutWidth = 0;
    this.#width = width;
    const theme = this.resolvedTheme;
    const dpr = window.devicePixelRatio || 1;
    const g = this.#call((w) => w.layout(width, theme, this.#layoutWidth || undefined));
    if (!g) return;
    if (!this.#parts) this.#build();
    const { root, clip, hits, canvases } = this.#parts;
    const [cw, ch] = g;
    // Canvases stacked in bands no taller than the browser paints.
    const tiles = Math.max(1, Math.ceil((ch * dpr) / TILE_MAX_PX));
    const band = Math.ceil(ch / tiles);
    while (canvases.length < tiles) {
      const c = h('canvas');
      if (canvases.length === 0) {
        c.setAttribute('role', 'img');
        c.setAttribute('aria-label', this.#texts[1]);
        c.setAttribute('aria-describedby', 'summary');
      } else c.setAttribute('aria-hidden', 'true');
      clip.append(c);
      canvases.push(c);
    }
    while (canvases.length > tiles) canvases.pop().remove();
    for (let i = 0; i < tiles; i++) {
      const top = i * band;
      if (this.#call((w) => w.paint(canvases[i], dpr, top, Math.min(band, ch - top), i === tiles - 1)) === undefined) return;
    }
    clip.style.width = px(cw);
    clip.style.height = px(ch);
    root.className = `rf ${theme}`;
    this.#geometry = g;
    hits.forEach((b, i) => {
      const [x, y, w, hh] = g.slice(2 + i * 8, 6 + i * 8);
      Object.assign(b.style, { left: px(x), top: px(y), width: px(w), height: px(hh) });
    });
    if (root.parentNode !== this.#root) {
      // The live chart replaces the picture (or the placeholder) in one step.
      this.#root.replaceChildren(root);
      adoptStyles(this.#root);
      if (this.dataset.rfTab !== undefined) {
        const focused = document.activeElement === this;
        for (const a of ['tabindex', 'role', 'aria-label']) this.removeAttribute(a);
        delete this.dataset.rfTab;
        // Tabbed into before it was interactive: focus goes on to the first bar.
        if (focused) this.#focusBar(this.#active);
      }
    }
    this.style.minHeight = '';
    this.#announce(true);
  }

  /** Tells the page, once per dataset, that the chart is drawn (or shows its error). */
  #announce(ok) {
    if (this.#announced) return;
    this.#announced = true;
    const title = ok ? this.#texts[1] : '';
    this.dispatchEvent(new CustomEvent('reported-figures:ready', { bubbles: true, composed: true, detail: { ok, title } }));
  }

  #index(e) {
    const hit = e.target?.closest?.('.hit');
    return hit ? Number(hit.dataset.index) : -1;
  }

  /** Shows the tooltip for bar `i`, or hides it for -1: its texts as text, under or over the bar's row. */
  #showTip(i) {
    const p = this.#parts;
    if (!p) return;
    const n = p.hits.length;
    if (i < 0 || i >= n) { p.tip.hidden = true; this.#tipIndex = -1; return; }
    if (i !== this.#tipIndex) {
      this.#tipIndex = i;
      const figure = this.#figureList()[i];
      if (figure) this.dispatchEvent(new CustomEvent('reported-figures:focus', { bubbles: true, composed: true, detail: structuredClone(figure) }));
    }
    const t = (k) => this.#texts[TEXTS_HEAD + i * TEXTS_PER_BAR + k];
    const tip = p.tip;
    tip.replaceChildren(h('p', 'tip-value', t(1)), h('p', 'tip-label', t(2)));
    const source = h('p', 'tip-source');
    if (t(5)) {
      const a = h('a', '', t(3));
      a.href = t(5);
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      // The host the link really goes to, so that a source named "Reuters" linking elsewhere (or to a
      // look-alike host, shown in punycode) gives itself away.
      source.append(a, h('span', 'tip-host', ` (${t(4)})`));
    } else source.append(h('span', '', t(3)));
    source.append(` · ${t(6)}`);
    tip.append(source);
    if (t(7)) tip.append(h('p', 'tip-status', t(7)));
    if (t(8)) tip.append(h('blockquote', 'tip-quote', t(8)));
    if (t(9)) tip.append(h('p', 'tip-note', t(9)));
    // Under the row when there is room, over it otherwise; from where the bars start, on the reading
    // side, and kept inside the chart (the tooltip is at most TIP_WIDTH wide).
    const TIP_WIDTH = 352, TIP_HEIGHT = 160;
    const g = this.#geometry;
    const [cw, ch] = g;
    const [, ry, , rh, bx, , bw] = g.slice(2 + i * 8, 9 + i * 8);
    const s = tip.style;
    if (ry + rh + TIP_HEIGHT <= ch || ry < TIP_HEIGHT) { s.top = px(ry + rh); s.bottom = ''; }
    else { s.bottom = px(ch - ry); s.top = ''; }
    const rtl = this.#texts[3] === 'rtl';
    const start = Math.max(0, Math.min(rtl ? cw - (bx + bw) : bx, cw - TIP_WIDTH));
    s[rtl ? 'right' : 'left'] = px(start);
    s[rtl ? 'left' : 'right'] = '';
    tip.hidden = false;
  }

  #keydown(e) {
    if (!this.#parts) return;
    const i = this.#index(e);
    if (e.key === 'Escape') { this.#showTip(-1); return; }
    if (i < 0) return;
    const n = this.#parts.hits.length;
    const rtl = this.#texts[3] === 'rtl';
    const step = { ArrowDown: 1, ArrowUp: -1, ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[e.key];
    if (step) { this.#focusBar(i + step); e.preventDefault(); }
    else if (e.key === 'Home') { this.#focusBar(0); e.preventDefault(); }
    else if (e.key === 'End') { this.#focusBar(n - 1); e.preventDefault(); }
  }

  /** Moves keyboard focus to bar `i` (clamped), makes it the one bar reached with Tab, shows its tooltip. */
  #focusBar(i) {
    const hits = this.#parts?.hits;
    if (!hits?.length) return;
    i = Math.max(0, Math.min(hits.length - 1, i));
    hits.forEach((b, k) => { b.tabIndex = k === i ? 0 : -1; });
    this.#active = i;
    this.#moving = true;
    try { hits[i].focus(); } finally { this.#moving = false; }
    this.#showTip(i);
  }

  #focus(e) {
    if (this.#moving) return;
    const i = this.#index(e);
    if (i >= 0) { clearTimeout(this.#hideTimer); this.#focusBar(i); }
  }

  #blur(e) {
    // Keep the tooltip while focus moves into it (its source link).
    if (!this.#root.contains(e.relatedTarget)) this.#hideSoon();
  }

  #pointer(e) {
    if (e.target?.closest?.('.tip')) { clearTimeout(this.#hideTimer); return; }
    const i = this.#index(e);
    if (i >= 0) { clearTimeout(this.#hideTimer); this.#showTip(i); }
  }

  #click(e) {
    // A tap on a bar (touch screens have no hover) shows its tooltip.
    const i = this.#index(e);
    if (i >= 0) this.#showTip(i);
  }

  #hideSoon() {
    clearTimeout(this.#hideTimer);
    this.#hideTimer = setTimeout(() => {
      if (!this.#root.activeElement?.closest?.('.tip')) this.#showTip(-1);
    }, 300);
  }
}

if (!customElements.get('reported-figures')) customElements.define('reported-figures', ReportedFigures);
