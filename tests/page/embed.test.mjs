// Embedding: the page's embed code, pasted into a news site's page on another origin, in both modes;
// several widgets on one page; inline, remote and broken datasets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serve, serveFiles, launch, newPage, widgetsReady, barPaint, TOP } from './helpers.mjs';

let site, browser, host, codes;
before(async () => {
  site = await serve();
  browser = await launch();
  const page = await newPage(browser);
  await page.goto(site.url);
  await widgetsReady(page, 2);
  await page.selectOption('#embed-chart', 'hostages');
  await page.waitForFunction(() => document.getElementById('embed-element').value.includes('chart="hostages"')
    && document.getElementById('embed-iframe').value.includes('embed-hostages'));
  codes = await page.evaluate(() => ({ element: document.getElementById('embed-element').value, iframe: document.getElementById('embed-iframe').value }));
  await page.context().close();
  const dataset = `${site.url}www/data/gaza-truce-talks-2024-04-08.json`;
  host = await serveFiles({
    'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A news article</title>
<style>body{font:18px Georgia,serif;max-width:700px;margin:auto} reported-figures{margin:1em 0}
@media (prefers-color-scheme: dark){body{background:#111;color:#eee}}</style></head>
<body><main><h1>A news article with several charts</h1><p>Text of the article.</p>
${codes.element}
<p>More text.</p>
${codes.iframe.replace('sandbox="allow-scripts allow-popups"', 'sandbox="allow-scripts"')}
<reported-figures chart="deaths" src="${dataset}"></reported-figures>
<reported-figures chart="small"><script type="application/json">${JSON.stringify({
      title: 'Inline data', sources: [{ id: 's', name: 'A ministry' }], lang: 'fr',
      figures: [{ id: 'a', label: 'Un chiffre', value: 1234.5, unit: 'personnes', approx: 'about', source: 's', as_of: '2024-04-08' },
        { id: 'b', label: 'Un autre', value: 40, unit: 'personnes', source: 's', as_of: '2024-04-08' }],
      charts: [{ id: 'small', title: 'Deux chiffres', figures: ['a', 'b'] }] })}</script></reported-figures>
<reported-figures><script type="application/json">{"title": "Broken", "sources": [], "figures": [{"value": -1}]}</script></reported-figures>
</main></body></html>`,
  });
});
after(async () => { await browser?.close(); site?.stop(); host?.stop(); });

test('the element embed code draws the chart in a page on another origin', async () => {
  assert.match(codes.element, /^<script type="module" async src="http:\/\/127\.0\.0\.1:\d+\/www\/reported-figures\.js"><\/script>\n<reported-figures chart="hostages" theme="auto"><style>reported-figures\{/);
  assert.match(codes.element, /<div class="rfp"><div class="p1" data-width="360" hidden><svg viewBox="0 0 360 \d+"/);
  // The page's embed box writes what the command-line tool writes.
  const script = codes.element.match(/src="([^"]+)"/)[1];
  const cli = execFileSync(join(TOP, 'target/release/reported-figures'), ['embed', '--chart', 'hostages', '--script', script], { encoding: 'utf8' });
  assert.equal(codes.element, cli);
  const page = await newPage(browser);
  await page.goto(host.url);
  await widgetsReady(page, 4);
  const paint = await barPaint(page, 'reported-figures:not(:last-of-type)');
  assert.deepEqual(paint.map((b) => b.length), [3, 4, 2]);
  for (const bars of paint) for (const n of bars) assert.ok(n >= 20, JSON.stringify(paint));
  const texts = await page.evaluate(() => [...document.querySelectorAll('reported-figures')].map((el) => el.shadowRoot.textContent));
  assert.match(texts[2], /Environ 1\u202f234,5 personnes|environ 1\u202f234,5 personnes/, 'French number format from the inline dataset');
  assert.match(texts[3], /This dataset is not valid/);
  assert.match(texts[3], /sources: must have at least 1 item, got 0/);
  assert.match(texts[3], /figures\[0\]\.label: is required/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the iframe embed works sandboxed with allow-scripts and sizes itself through postMessage', async () => {
  assert.match(codes.iframe, /<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed-hostages\.html"/);
  assert.match(codes.iframe, /<script src="http:\/\/127\.0\.0\.1:\d+\/www\/embed-host\.js" defer><\/script>/);
  const page = await newPage(browser);
  await page.goto(host.url);
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe[data-reported-figures]');
    return f && f.style.height && parseInt(f.style.height, 10) > 250;
  }, null, { timeout: 15000 });
  const frame = page.frames().find((f) => f.url().includes('embed-hostages.html'));
  await widgetsReady(frame, 1);
  const [bars] = await barPaint(frame);
  assert.equal(bars.length, 3);
  for (const n of bars) assert.ok(n >= 20);
  const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const outer = await page.evaluate(() => parseInt(document.querySelector('iframe').style.height, 10));
  assert.equal(outer, inner, 'the iframe is exactly as tall as its chart');
  const origin = await frame.evaluate(() => origin);
  assert.equal(origin, 'null', 'the frame runs with an opaque origin (sandboxed)');
  await page.context().close();
});

test('many widgets share one wasm module instance', async () => {
  const page = await newPage(browser);
  const wasmRequests = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm') && r.frame() === page.mainFrame()) wasmRequests.push(r.url()); });
  await page.goto(host.url);
  await widgetsReady(page, 4);
  // The page's four element widgets load each module once (the sandboxed iframe is its own document):
  // the reader, and the validator for the datasets given as JSON.
  assert.deepEqual(wasmRequests.map((u) => u.replace(/.*\//, '')).sort(), ['reader.wasm', 'validator.wasm'], `wasm fetched: ${wasmRequests}`);
  await page.context().close();
});
