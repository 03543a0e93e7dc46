// A strict Content-Security-Policy: the page, the iframe page and a host page work under it with no
// violation; without 'wasm-unsafe-eval' the widget shows its static fallback and says why; the built
// JavaScript has no eval or new Function.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serve, widgetsReady, barPaint, SITE } from './helpers.mjs';
import { ENGINES, launchEngine } from './engines.mjs';

const NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";
let strict, noWasm;
const engines = {};
before(async () => {
  strict = await serve(); // .ci/server.mjs sends the strict policy by default
  noWasm = await serve(SITE, ['--csp', NO_WASM]);
  for (const name of ENGINES) engines[name] = await launchEngine(name);
});
after(async () => { for (const e of Object.values(engines)) await e.close(); strict?.stop(); noWasm?.stop(); });

// The page and the iframe pages link the pictures' stylesheet. (The benchmark pages paste the embed
// code as a news site would, with its inline <style>: they are for the benchmark harness, which sends
// no policy.)
const PAGES = ['', 'embed.html', 'embed-hostages.html', 'embed.html?chart=hostages&theme=dark'];

test('the server sends the strict policy with every page', async () => {
  for (const path of PAGES) {
    const res = await fetch(strict.url + path);
    assert.match(res.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'.*require-trusted-types-for 'script'/, path);
  }
});

for (const engine of ENGINES) test(`${engine}: the page and the iframe page run under the strict policy without a violation`, async () => {
  for (const path of PAGES) {
    const page = await engines[engine].newPage();
    await page.goto(strict.url + path);
    await widgetsReady(page, 1);
    const paint = await barPaint(page);
    assert.ok(paint.length >= 1 && paint.every((bars) => bars.every((n) => n >= 20)), path);
    // Exercise the tooltip and the table too (DOM writes happen there).
    await page.evaluate(() => { const r = document.querySelector('reported-figures').shadowRoot; r.querySelector('.hit').focus(); r.querySelector('details').open = true; });
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], path);
    assert.deepEqual(page.problems, [], path);
    await page.close();
  }
});

for (const engine of ENGINES) test(`${engine}: without 'wasm-unsafe-eval' the widget shows its static copy and says why`, async () => {
  const page = await engines[engine].newPage();
  await page.goto(noWasm.url);
  await widgetsReady(page, 2);
  const state = await page.evaluate(() => [...document.querySelectorAll('reported-figures')].map((el) => ({
    message: el.shadowRoot.textContent,
    slot: !!el.shadowRoot.querySelector('slot'),
    fallback: (() => {
      const shown = [...el.querySelectorAll(':scope > .rfp > div')].filter((v) => v.offsetWidth > 0);
      const r = shown[0]?.querySelector('svg').getBoundingClientRect();
      return { pictures: shown.length, shown: !!r && r.width > 100 && r.height > 100 };
    })(),
  })));
  for (const s of state) {
    assert.match(s.message, /This chart could not be drawn here/);
    assert.match(s.message, /Content-Security-Policy does not allow WebAssembly \(it needs 'wasm-unsafe-eval' in script-src\)\. This is a static copy of the chart\./);
    assert.ok(s.slot && s.fallback.pictures === 1 && s.fallback.shown, JSON.stringify(s));
  }
  // The refusal is the browser's, reported as such; nothing else is.
  const violations = await page.evaluate(() => window.__cspViolations);
  assert.ok(violations.length >= 1 && violations.every((v) => v.startsWith('script-src')), JSON.stringify(violations));
  await page.close();
});

test('the built JavaScript has no eval and no new Function', () => {
  const files = [];
  const walk = (dir) => { for (const f of readdirSync(dir)) { const p = join(dir, f); if (statSync(p).isDirectory()) walk(p); else if (/\.(m?js|html)$/.test(f)) files.push(p); } };
  walk(SITE);
  assert.ok(files.some((f) => f.endsWith('reported-figures.js')));
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    assert.doesNotMatch(text, /\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*['"`]|setTimeout\s*\(\s*['"`]|setInterval\s*\(\s*['"`]/, f);
  }
});
