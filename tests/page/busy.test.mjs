// Busy pages: 50 widgets; one removed and added back 1000 times and a storm of resizes leave the JS
// heap and the wasm memory flat and no listener behind; a panic inside one widget leaves the others working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, serveFiles, launch, newPage, widgetsReady, barPaint, SITE, SITE_TEST } from './helpers.mjs';

/** A host page with 50 widgets from a site. */
function busyHost(site) {
  const widgets = Array.from({ length: 50 }, (_, i) => `<div class="box"><reported-figures chart="${i % 2 ? 'hostages' : 'deaths'}"></reported-figures></div>`);
  return serveFiles({
    'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Busy</title>
<style>.box{width:640px}</style>
<script type="module">
import { ReportedFigures } from '${site.url}www/reported-figures.js';
window.ReportedFigures = ReportedFigures;
</script></head><body><main>${widgets.join('')}</main></body></html>`,
  });
}

let site, host, testSite, testHost, browser;
before(async () => {
  site = await serve();
  host = await busyHost(site);
  testSite = await serve(SITE_TEST);
  testHost = await busyHost(testSite);
  browser = await launch();
});
after(async () => { await browser?.close(); site?.stop(); host?.stop(); testSite?.stop(); testHost?.stop(); });

test('the release module has no test-only exports; the test build has them', () => {
  const exports = (dir, module) => WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(join(dir, `www/pkg/${module}.wasm`)))).map((e) => e.name);
  const reader = exports(SITE, 'reader');
  assert.ok(reader.includes('widget_new') && reader.includes('widget_paint'), reader.join(' '));
  assert.deepEqual(reader.filter((n) => /panic|validate|check_dataset/i.test(n)), [], 'no test hook, and no validation in the reader');
  const validator = exports(SITE, 'validator');
  assert.ok(validator.includes('validateDataset'), validator.join(' '));
  assert.deepEqual(validator.filter((n) => /panic|widget/i.test(n)), [], 'the validator draws nothing');
  assert.ok(exports(SITE_TEST, 'reader').some((n) => /panicfortest/i.test(n)));
});

/** Counts listeners and observers the page adds and removes (installed before any script runs). */
function countListeners() {
  window.__live = { mql: 0, ro: 0 };
  const add = MediaQueryList.prototype.addEventListener, remove = MediaQueryList.prototype.removeEventListener;
  MediaQueryList.prototype.addEventListener = function (...a) { window.__live.mql++; return add.apply(this, a); };
  MediaQueryList.prototype.removeEventListener = function (...a) { window.__live.mql--; return remove.apply(this, a); };
  const observe = ResizeObserver.prototype.observe, disconnect = ResizeObserver.prototype.disconnect;
  ResizeObserver.prototype.observe = function (...a) { window.__live.ro++; return observe.apply(this, a); };
  ResizeObserver.prototype.disconnect = function (...a) { window.__live.ro--; return disconnect.apply(this, a); };
  window.__paints = 0;
  const setTransform = CanvasRenderingContext2D.prototype.setTransform;
  CanvasRenderingContext2D.prototype.setTransform = function (...a) { window.__paints++; return setTransform.apply(this, a); };
}

async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.ReportedFigures.wasmMemoryBytes());
  return { heap: usedSize, wasm };
}

const frames = (page, n = 2) => page.evaluate((n) => new Promise((r) => { const f = (k) => (k ? requestAnimationFrame(() => f(k - 1)) : r()); f(n); }), n);

test('50 widgets draw; removing and adding one back 1000 times and resize storms leak nothing', async () => {
  const page = await newPage(browser, { deviceScaleFactor: 1 });
  await page.addInitScript(countListeners);
  await page.goto(host.url);
  await widgetsReady(page, 50);
  const paint = await barPaint(page);
  assert.equal(paint.length, 50);
  assert.ok(paint.every((bars) => bars.length >= 3 && bars.every((n) => n >= 20)));
  const live = () => page.evaluate(() => ({ ...window.__live }));
  assert.deepEqual(await live(), { mql: 50, ro: 50 });

  const cdp = await page.context().newCDPSession(page);
  const cycle = (n) => page.evaluate(async (n) => {
    const el = document.querySelector('reported-figures');
    const box = el.parentElement;
    for (let i = 0; i < n; i++) {
      el.remove();
      box.append(el);
      if (i % 50 === 49) await new Promise((r) => requestAnimationFrame(r));
    }
    await new Promise((r) => setTimeout(r, 100));
  }, n);
  await cycle(100);
  await frames(page);
  const warm = await memory(page, cdp);
  await cycle(1000);
  await frames(page);
  const after1000 = await memory(page, cdp);
  assert.deepEqual(await live(), { mql: 50, ro: 50 }, 'no listener or observer left behind');
  assert.ok(after1000.heap - warm.heap < 512 * 1024, `JS heap grew by ${after1000.heap - warm.heap} bytes`);
  assert.ok(after1000.wasm - warm.wasm <= 128 * 1024, `wasm memory grew by ${after1000.wasm - warm.wasm} bytes`);

  // A storm: 200 width changes in one task draws each widget at most once per frame.
  const before = await page.evaluate(() => window.__paints);
  await page.evaluate(() => {
    const boxes = [...document.querySelectorAll('.box')];
    for (let i = 0; i < 200; i++) for (const b of boxes.slice(0, 5)) b.style.width = `${300 + (i % 50) * 10}px`;
  });
  await frames(page, 3);
  const painted = (await page.evaluate(() => window.__paints)) - before;
  assert.ok(painted >= 5 && painted <= 10, `${painted} paints for 5 widgets`);
  for (let round = 0; round < 3; round++) {
    await page.evaluate(() => { for (const b of document.querySelectorAll('.box')) b.style.width = `${320 + Math.floor(Math.random() * 600)}px`; });
    await frames(page, 2);
  }
  await page.evaluate(() => { for (const b of document.querySelectorAll('.box')) b.style.width = '640px'; });
  await frames(page, 2);
  const afterStorm = await memory(page, cdp);
  assert.ok(afterStorm.heap - warm.heap < 1024 * 1024, `JS heap grew by ${afterStorm.heap - warm.heap} bytes after the storm`);
  assert.ok(afterStorm.wasm - warm.wasm <= 128 * 1024, `wasm memory grew by ${afterStorm.wasm - warm.wasm} bytes after the storm`);
  console.log(`# memory: heap ${(warm.heap / 1048576).toFixed(2)} → ${(afterStorm.heap / 1048576).toFixed(2)} MB, wasm ${(warm.wasm / 1048576).toFixed(2)} → ${(afterStorm.wasm / 1048576).toFixed(2)} MB`);

  // Every widget removed: every listener and observer goes with it.
  await page.evaluate(() => { for (const el of document.querySelectorAll('reported-figures')) el.remove(); });
  assert.deepEqual(await live(), { mql: 0, ro: 0 });
  await page.context().close();
});

test('a panic inside one widget leaves the others working', async () => {
  const page = await newPage(browser, { deviceScaleFactor: 1 });
  await page.goto(testHost.url);
  await widgetsReady(page, 50);
  await page.evaluate(() => { const el = document.querySelectorAll('reported-figures')[3]; el.dataset.broken = ''; el.__testPanic(); });
  const text = await page.evaluate(() => document.querySelectorAll('reported-figures')[3].shadowRoot.textContent);
  assert.match(text, /This chart stopped working/);
  // The others redraw at a new width and still answer the keyboard.
  await page.evaluate(() => { for (const b of document.querySelectorAll('.box')) b.style.width = '500px'; });
  await frames(page, 3);
  const widths = await page.evaluate(() => [...document.querySelectorAll('reported-figures')].map((el) => el.shadowRoot.querySelector('.clip')?.style.width ?? null));
  assert.equal(widths[3], null);
  assert.ok(widths.filter((w, i) => i !== 3).every((w) => w === '500px'), JSON.stringify(widths));
  await page.evaluate(() => document.querySelectorAll('reported-figures')[4].shadowRoot.querySelector('.hit').focus());
  const tip = await page.evaluate(() => document.querySelectorAll('reported-figures')[4].shadowRoot.querySelector('.tip').hidden);
  assert.equal(tip, false);
  const paint = await barPaint(page, 'reported-figures:not([data-broken])');
  assert.equal(paint.length, 49);
  assert.ok(paint.every((bars) => bars.every((n) => n >= 20)));
  await page.context().close();
});
