// <reported-figures>: a chart of a news report's figures, with the source of every number.
//
//   <script type="module" src="https://…/www/reported-figures.js"></script>
//   <reported-figures src="https://…/data.json" chart="hostages" theme="auto" lang="en" height="420">
//     <img src="…fallback.svg" alt="…">   (optional: shown when JavaScript is off)
//   </reported-figures>
//
// The dataset comes from `src`, else from a child <script type="application/json">, else the built-in
// dataset. One wasm module instance serves every widget on the page. Everything the widget shows is
// built by the wasm module (www/pkg), which puts data into the DOM only as text.

import init, { Widget, wasmMemoryBytes } from './pkg/reported_figures.js';
// Written by the build from the Rust sources: the size limit and the widget's stylesheet.
import { MAX_INPUT_BYTES, WIDGET_CSS } from './facts.js';

const HERE = new URL('.', import.meta.url);
/** Seconds before a dataset download is given up. */
export const FETCH_TIMEOUT_S = 10;

let wasm; // the one module instance, shared by all widgets and the page
/** Loads and instantiates the wasm module once; every caller gets the same instance. */
export function loadWasm() {
  wasm ??= init({ module_or_path: new URL('pkg/reported_figures_bg.wasm', HERE) }).then(() => ({ Widget }));
  return wasm;
}
// Start fetching and compiling now, while the page goes on parsing: the first widget will need it.
loadWasm().catch(() => {});


let sheet; // one constructed stylesheet shared by every shadow root (no inline style, so strict CSP holds)
function adoptStyles(root) {
  if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(WIDGET_CSS); }
  root.adoptedStyleSheets = [sheet];
}

const darkQuery = matchMedia('(prefers-color-scheme: dark)');

/** Fetches a dataset as bytes with a time limit and a size limit; throws an Error with a reader's message. */
async function fetchDataset(url, signal) {
  const timeout = AbortSignal.timeout(FETCH_TIMEOUT_S * 1000);
  const both = AbortSignal.any ? AbortSignal.any([signal, timeout]) : signal;
  let res;
  try {
    res = await fetch(url, { signal: both, credentials: 'omit', redirect: 'follow', mode: 'cors' });
  } catch (e) {
    if (timeout.aborted) throw new Error(`no answer from ${url} within ${FETCH_TIMEOUT_S} seconds`);
    if (signal.aborted) throw e;
    throw new Error(`could not load ${url}: the server did not answer, refused the request, or does not allow other sites to read it (CORS)`);
  }
  // Refusing a response cancels its body, so that the rest is never downloaded.
  const refuse = (message) => { res.body?.cancel().catch(() => {}); return new Error(message); };
  if (res.redirected && new URL(res.url).protocol === 'http:') {
    throw refuse(`could not use ${url}: it redirects to an insecure http: address (${res.url})`);
  }
  if (!res.ok) throw refuse(`could not load ${url}: the server answered ${res.status}${res.statusText ? ' ' + res.statusText : ''}`);
  const type = (res.headers.get('content-type') || '').split(';')[0].trim().toLowerCase();
  if (type && !/^(application\/([\w.+-]+\+)?json|text\/json|text\/plain)$/.test(type)) {
    throw refuse(`could not use ${url}: the server sent ${type}, not JSON`);
  }
  const declared = Number(res.headers.get('content-length'));
  if (declared > MAX_INPUT_BYTES) throw refuse(`could not use ${url}: it is ${declared} bytes, more than the limit of ${MAX_INPUT_BYTES}`);
  const reader = res.body.getReader();
  const chunks = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_INPUT_BYTES) {
        reader.cancel();
        throw new Error(`could not use ${url}: it is more than the limit of ${MAX_INPUT_BYTES} bytes`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (timeout.aborted) throw new Error(`no complete answer from ${url} within ${FETCH_TIMEOUT_S} seconds`);
    throw e;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { bytes.set(c, at); at += c.length; }
  return bytes;
}

/** Why the wasm module could not start, in a reader's words. */
function startFailure(e) {
  const message = String((e && e.message) || e);
  if (/content.security.policy|\bCSP\b|unsafe-eval|wasm-eval/i.test(message)) {
    return "this page's Content-Security-Policy does not allow WebAssembly (it needs 'wasm-unsafe-eval' in script-src)";
  }
  return `the chart program did not start (${message})`;
}

export class ReportedFigures extends HTMLElement {
  /** Bytes of the shared wasm module's memory (for leak checks: it only grows). */
  static wasmMemoryBytes() {
    return wasm ? wasmMemoryBytes() : 0;
  }

  static observedAttributes = ['src', 'chart', 'theme', 'lang'];
  #root; #widget = null; #resize = null; #frame = 0; #width = 0; #gen = 0; #abort = null; #hideTimer = 0;
  #observed = 0; // the width ResizeObserver last reported: read without forcing a layout
  #announced = false; // whether 'reported-figures:ready' was sent for the current data
  #moving = false; // true while the module moves focus (its focus events must not call back into it)
  #onScheme = () => this.#schedule(true);

  connectedCallback() {
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
    // Hold the final height while loading so the article does not jump.
    const h = Number(this.getAttribute('height'));
    if (!this.#widget) this.style.minHeight = `${h > 0 && h < 5000 ? h : 360}px`;
    // The observer reports the width after layout, before paint; drawing then costs no extra layout
    // and no extra frame, and a storm of resizes draws at most once per frame.
    this.#resize = new ResizeObserver((entries) => {
      this.#observed = Math.floor(entries[entries.length - 1].contentRect.width);
      this.#render(false);
    });
    this.#resize.observe(this);
    darkQuery.addEventListener('change', this.#onScheme);
    this.#start();
  }

  disconnectedCallback() {
    this.#resize?.disconnect();
    this.#resize = null;
    darkQuery.removeEventListener('change', this.#onScheme);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    clearTimeout(this.#hideTimer);
    this.#abort?.abort();
    this.#clear();
    this.#gen++;
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.isConnected || !this.#root) return;
    if (name === 'theme') this.#schedule(true);
    else this.#start();
  }

  /** Draws the chart now, at the element's current width (a resize otherwise redraws by itself). */
  redraw() {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#observed = Math.floor(this.clientWidth);
    this.#render(true);
  }

  /** The theme to draw: the attribute, or the reader's preference for `auto` (the default). */
  get resolvedTheme() {
    const t = this.getAttribute('theme');
    if (t === 'light' || t === 'dark') return t;
    return darkQuery.matches ? 'dark' : 'light';
  }

  #clear() {
    if (this.#widget) {
      try {
        this.#widget.remove();
        this.#widget.free();
      } catch {
        // A widget that failed inside the module cannot be freed; it is only dropped.
      }
      this.#widget = null;
    }
  }

  /** Forgets the widget without calling into it (after it failed inside the module). */
  #drop() {
    if (this.#widget) {
      try { this.#widget.remove(); } catch { /* already failed */ }
      this.#widget = null;
    }
  }

  /** Calls into the widget; a failure inside the module is shown in this widget and stops nothing else. */
  #call(f) {
    const w = this.#widget;
    if (!w) return undefined;
    try {
      return f(w);
    } catch (e) {
      this.#plainError('This chart stopped working', String((e && e.message) || e));
      return undefined;
    }
  }

  /** Test hook: makes the module panic inside this widget. */
  __testPanic() {
    // Only builds with the `test-hooks` feature (.ci/build --test-hooks) export it.
    this.#call((w) => w.panicForTest?.());
  }

  async #start() {
    const gen = ++this.#gen;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    let m;
    try {
      m = await loadWasm();
    } catch (e) {
      if (gen === this.#gen) this.#plainError('This chart could not be drawn here', startFailure(e), true);
      return;
    }
    let data;
    try {
      data = await this.#data(abort.signal);
    } catch (e) {
      if (gen !== this.#gen || abort.signal.aborted) return;
      this.#clear();
      this.#widget = m.Widget.failed(this.#root, 'The data for this chart could not be loaded', String(e.message || e));
      this.style.minHeight = '';
      return;
    }
    if (gen !== this.#gen) return;
    this.#clear();
    try {
      this.#widget = new m.Widget(this.#root, data, this.getAttribute('chart') || undefined, this.getAttribute('lang') || undefined);
    } catch (e) {
      this.#plainError('This chart could not be shown', String(e.message || e));
      return;
    }
    this.#width = 0;
    this.#announced = false;
    // Draw now if the width is known; otherwise the observer's first report draws.
    if (this.#observed > 0 || !this.#widget.ok()) this.#render(true);
  }

  /** The dataset bytes: from `src`, else an inline JSON script child, else undefined (built-in). */
  async #data(signal) {
    const src = this.getAttribute('src');
    if (src) {
      let url;
      try { url = new URL(src, document.baseURI); } catch { throw new Error(`the address ${src} is not a valid URL`); }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`the address ${src} is not an http or https URL`);
      return fetchDataset(url.href, signal);
    }
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (inline) return new TextEncoder().encode(inline.textContent);
    return undefined;
  }

  /**
   * Shows an error without the wasm module. With `fallback`, the element's own children (a static
   * copy of the chart, when the page gives one) are shown under the message.
   */
  #plainError(title, detail, fallback = false) {
    this.#drop();
    const box = document.createElement('div');
    box.className = 'rf';
    const err = document.createElement('div');
    err.className = 'error';
    err.setAttribute('role', 'alert');
    const p = document.createElement('p');
    p.className = 'error-title';
    p.textContent = title;
    const d = document.createElement('p');
    d.textContent = detail;
    err.append(p, d);
    box.append(err);
    const hasCopy = fallback && [...this.children].some((c) => c.localName !== 'script');
    if (hasCopy) {
      d.textContent += '. This is a static copy of the chart.';
      box.append(document.createElement('slot'));
    }
    this.#root.replaceChildren(box);
    adoptStyles(this.#root);
    this.style.minHeight = '';
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
    const w = this.#widget;
    if (!w) return; // still loading: keep the placeholder height
    if (!this.#call((x) => x.ok())) { this.style.minHeight = ''; this.#announce(false); return; }
    const width = this.#observed;
    if (width <= 0 || (!force && width === this.#width)) return;
    this.#width = width;
    if (this.#call((x) => x.render(width, this.resolvedTheme, window.devicePixelRatio || 1)) === undefined) return;
    this.style.minHeight = '';
    this.#announce(true);
  }

  /** Tells the page, once per dataset, that the chart is drawn (or shows its error). */
  #announce(ok) {
    if (this.#announced) return;
    this.#announced = true;
    const title = ok ? this.#call((x) => x.title()) ?? '' : '';
    this.dispatchEvent(new CustomEvent('reported-figures:ready', { bubbles: true, composed: true, detail: { ok, title } }));
  }

  #index(e) {
    const hit = e.target?.closest?.('.hit');
    return hit ? Number(hit.dataset.index) : -1;
  }

  #keydown(e) {
    if (!this.#call((x) => x.ok())) return;
    const i = this.#index(e);
    if (e.key === 'Escape') { this.#call((x) => x.showTip(-1)); return; }
    if (i < 0) return;
    const rtl = this.#root.querySelector('.rf')?.dir === 'rtl';
    const step = { ArrowDown: 1, ArrowUp: -1, ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[e.key];
    if (step) { this.#focusBar((x) => i + step); e.preventDefault(); }
    else if (e.key === 'Home') { this.#focusBar(() => 0); e.preventDefault(); }
    else if (e.key === 'End') { this.#focusBar((x) => x.barCount() - 1); e.preventDefault(); }
  }

  /**
   * Moves focus to a bar. Focusing fires focus events synchronously, inside the module's call; the
   * flag keeps the focus handler from calling back into the module while it is busy.
   */
  #focusBar(index) {
    this.#moving = true;
    try {
      this.#call((x) => x.focusBar(index(x)));
    } finally {
      this.#moving = false;
    }
  }

  #focus(e) {
    if (this.#moving) return;
    const i = this.#index(e);
    if (i >= 0) { clearTimeout(this.#hideTimer); this.#focusBar(() => i); }
  }

  #blur(e) {
    // Keep the tooltip while focus moves into it (its source link).
    if (!this.#root.contains(e.relatedTarget)) this.#hideSoon();
  }

  #pointer(e) {
    if (e.target?.closest?.('.tip')) { clearTimeout(this.#hideTimer); return; }
    const i = this.#index(e);
    if (i >= 0) { clearTimeout(this.#hideTimer); this.#call((x) => x.showTip(i)); }
  }

  #click(e) {
    // A tap on a bar (touch screens have no hover) shows its tooltip.
    const i = this.#index(e);
    if (i >= 0) this.#call((x) => x.showTip(i));
  }

  #hideSoon() {
    clearTimeout(this.#hideTimer);
    this.#hideTimer = setTimeout(() => {
      if (!this.#root.activeElement?.closest?.('.tip')) this.#call((x) => x.showTip(-1));
    }, 300);
  }
}

if (!customElements.get('reported-figures')) customElements.define('reported-figures', ReportedFigures);
