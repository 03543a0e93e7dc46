// Picture first, then interactive: the pasted embed code shows each chart before any script runs; the
// live chart replaces its picture with the same pixels at the widths the pictures are made at, and
// with nothing moving on the page (the Layout Instability API) as widgets hydrate, the window is
// resized and the colour scheme changes; widgets far below wait until they come near, Tab reaches a
// widget before it is interactive, and a picture whose data cannot be loaded stays with the error
// beside it; an embed whose page is still arriving waits for its own data. In Chromium (screenshots and held requests are Playwright's).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { serve, serveFiles, launch, newPage, TOP } from './helpers.mjs';

const TOOL = join(TOP, 'target/release/reported-figures');
let site, browser;
before(async () => { site = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); site?.stop(); });

/** The embed code the command-line tool writes, its script pointing at the served site. */
function embed(args = []) {
  return execFileSync(TOOL, ['embed', '--script', `${site.url}www/reported-figures.js`, ...args], { encoding: 'utf8' });
}

/** A host page (no policy: a news site's) with these blocks of markup, each in a box of its width. */
async function host(blocks, head = '') {
  const body = blocks.map(([width, markup]) => `<div class="box" style="width:${width}px">${markup}</div><p>Text after the chart.</p>`).join('\n');
  return serveFiles({
    'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title>
<style>body{margin:8px;font:16px/1.5 Georgia,serif} .box{margin:0 0 12px}</style>${head}
<script>window.__shifts=[];new PerformanceObserver((l)=>{for(const e of l.getEntries())window.__shifts.push({value:e.value,input:e.hadRecentInput});}).observe({type:'layout-shift',buffered:true});</script>
</head><body>${body}</body></html>`,
  });
}

const hydrated = (page, n) => page.waitForFunction((n) => {
  const els = [...document.querySelectorAll('reported-figures')].slice(0, n);
  return els.every((el) => el.shadowRoot?.querySelector('canvas')?.width > 0);
}, n, { timeout: 15000 });

/** Share of pixels of two same-sized PNGs that differ by more than `tolerance` (sum over RGB). */
function differing(a, b, tolerance = 48) {
  assert.deepEqual([a.width, a.height], [b.width, b.height], 'the same size');
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]);
    if (d > tolerance) n++;
  }
  return n / (a.width * a.height);
}

test('the live chart replaces its picture with the same pixels at the pictures\' widths, light and dark', async () => {
  const h = await host([[360, embed(['--chart', 'deaths'])], [680, embed(['--chart', 'hostages'])], [680, embed(['--chart', 'deaths', '--theme', 'dark'])], [360, embed(['--chart', 'hostages', '--theme', 'dark'])]]);
  const page = await newPage(browser, { viewport: { width: 1000, height: 2400 }, deviceScaleFactor: 1 });
  // Hold the reader's wasm: the page shows its pictures only.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/reader.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(h.url);
  const els = await page.$$('reported-figures');
  const before = [];
  for (const el of els) before.push(PNG.sync.read(await el.screenshot()));
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('reported-figures')].filter((el) => el.shadowRoot?.querySelector('canvas')).length), 0, 'nothing hydrated yet');
  release();
  await hydrated(page, 4);
  for (const [i, el] of els.entries()) {
    // The chart itself: the live widget adds its "Data and sources" line in the room the picture left.
    const after = PNG.sync.read(await el.screenshot());
    for (const png of [before[i], after]) { png.height -= 30; png.data = png.data.subarray(0, png.width * png.height * 4); }
    const share = differing(before[i], after);
    if (process.env.RF_SHOTS) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(`${process.env.RF_SHOTS}/picture-${i}.png`, PNG.sync.write(before[i]));
      writeFileSync(`${process.env.RF_SHOTS}/live-${i}.png`, PNG.sync.write(after));
    }
    // Text is rasterised by two paths (SVG, canvas): its anti-aliasing may differ at the edges.
    assert.ok(share < 0.01, `chart ${i}: ${(share * 100).toFixed(2)} % of pixels changed when the picture was replaced`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
  h.stop();
});

test('nothing on the page moves as widgets hydrate, the window is resized and the scheme changes', async () => {
  const long = execFileSync(TOOL, ['embed', join(TOP, 'tests/data/long-sources.json'), '--chart', 'displaced', '--script', `${site.url}www/reported-figures.js`], { encoding: 'utf8' });
  const rtl = execFileSync(TOOL, ['embed', join(TOP, 'tests/data/ar-gaza.json'), '--chart', 'deaths', '--script', `${site.url}www/reported-figures.js`], { encoding: 'utf8' });
  const h = await host([[320, embed(['--chart', 'deaths'])], [500, rtl], [740, long], [1000, embed(['--chart', 'hostages'])], [600, embed(['--chart', 'deaths', '--theme', 'dark'])]]);
  const page = await newPage(browser, { viewport: { width: 1100, height: 4000 }, deviceScaleFactor: 2 });
  await page.goto(h.url);
  await hydrated(page, 5);
  await page.waitForTimeout(300);
  const shifts = () => page.evaluate(() => window.__shifts.filter((s) => !s.input).reduce((a, s) => a + s.value, 0));
  assert.equal(await shifts(), 0, 'hydration moved something');
  await page.setViewportSize({ width: 700, height: 4000 });
  await page.waitForTimeout(300);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForTimeout(300);
  assert.equal(await shifts(), 0, 'a resize or a scheme change moved something');
  // Still interactive, at the new width.
  const themes = await page.evaluate(() => [...document.querySelectorAll('reported-figures')].map((el) => el.shadowRoot.querySelector('.rf').className));
  assert.deepEqual(themes, ['rf light', 'rf light', 'rf light', 'rf light', 'rf dark']);
  assert.deepEqual(page.problems, []);
  await page.context().close();
  h.stop();
});

test('widgets far below wait until they come near; Tab reaches a widget before it is interactive', async () => {
  const spacer = '<div style="height:6000px"></div>';
  const h = await host([[640, embed(['--chart', 'deaths'])], [640, spacer + embed(['--chart', 'hostages'])]]);
  const page = await newPage(browser, { viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1 });
  await page.goto(h.url);
  await hydrated(page, 1);
  await page.waitForTimeout(500);
  const state = () => page.evaluate(() => [...document.querySelectorAll('reported-figures')].map((el) => !!el.shadowRoot?.querySelector('canvas')));
  assert.deepEqual(await state(), [true, false], 'the far widget still shows its picture');
  const far = await page.evaluate(() => { const el = document.querySelectorAll('reported-figures')[1]; return { tab: el.tabIndex, role: el.getAttribute('role'), label: el.getAttribute('aria-label') }; });
  assert.deepEqual(far, { tab: 0, role: 'group', label: 'Hostages taken in the 7 October attack' });
  // Tab: past the first widget's bar and its data table, to the waiting widget, which becomes
  // interactive with focus on its first bar.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement === document.querySelectorAll('reported-figures')[1])) break;
  }
  await page.waitForFunction(() => document.querySelectorAll('reported-figures')[1].shadowRoot?.activeElement?.dataset?.index === '0', null, { timeout: 10000 });
  assert.deepEqual(await state(), [true, true]);
  const after = await page.evaluate(() => { const el = document.querySelectorAll('reported-figures')[1]; return [el.hasAttribute('tabindex'), el.hasAttribute('role')]; });
  assert.deepEqual(after, [false, false], 'the tab stop moves to the bars');
  await page.context().close();
  h.stop();
});

test('a picture whose data cannot be loaded stays on screen with the error beside it', async () => {
  const missing = execFileSync(TOOL, ['embed', '--chart', 'deaths', '--src', `${site.url}www/data/gone.json`, '--script', `${site.url}www/reported-figures.js`], { encoding: 'utf8' });
  const h = await host([[640, missing]]);
  const page = await newPage(browser, { viewport: { width: 1000, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(h.url);
  await page.waitForFunction(() => document.querySelector('reported-figures').shadowRoot?.querySelector('.error'), null, { timeout: 15000 });
  const state = await page.evaluate(() => {
    const el = document.querySelector('reported-figures');
    const shown = [...el.querySelectorAll(':scope > .rfp > div')].find((v) => v.offsetWidth > 0);
    return { slot: !!el.shadowRoot.querySelector('slot'), picture: shown?.getBoundingClientRect().height, error: el.shadowRoot.querySelector('.error').textContent };
  });
  assert.ok(state.slot && state.picture > 200, JSON.stringify(state));
  assert.match(state.error, /The data for this chart could not be loaded/);
  assert.match(state.error, /the server answered 404/);
  await page.context().close();
  h.stop();
});

test('an embed the module reaches while the page is still arriving waits for its own data', async () => {
  // A dataset whose chart the built-in one does not have: read too early, the widget would find no
  // data in the element and fall back to the built-in dataset ("no chart has the id").
  const code = execFileSync(TOOL, ['embed', join(TOP, 'tests/data/long-sources.json'), '--chart', 'displaced', '--script', `${site.url}www/reported-figures.js`], { encoding: 'utf8' });
  const cut = code.indexOf('<script type="application/vnd.reported-figures">');
  assert.ok(cut > 0);
  // The page up to the element's data, then (after the module has run and the pictures are painted)
  // the rest.
  let release;
  const rest = new Promise((r) => { release = r; });
  const server = createServer(async (req, res) => {
    if (req.url !== '/') { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.write(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Streaming</title></head><body><div style="width:640px">${code.slice(0, cut)}`);
    res.write(' '.repeat(4096)); // past the parser's buffering
    await rest;
    res.end(`${code.slice(cut)}</div><p>After.</p></body></html>`);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const page = await newPage(browser, { viewport: { width: 1000, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'commit' });
  // The module runs and the picture is painted while the element is still open.
  await page.waitForFunction(() => customElements.get('reported-figures') && document.querySelector('reported-figures .rfp svg'), null, { timeout: 10000 });
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => !!document.querySelector('reported-figures').shadowRoot?.querySelector('canvas, .error')), false, 'nothing started before the data arrived');
  release();
  await hydrated(page, 1);
  const state = await page.evaluate(() => {
    const root = document.querySelector('reported-figures').shadowRoot;
    return { error: root.querySelector('.error')?.textContent || '', text: root.textContent };
  });
  assert.equal(state.error, '');
  assert.match(state.text, /People displaced/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
  server.close();
});
