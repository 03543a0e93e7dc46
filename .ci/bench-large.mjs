// Large charts in the browser: one chart of 10, 100 and 1,000 figures, as pasted embed code (picture
// first, then interactive) and by `src` (drawn by the wasm from JSON), in a 640 px box at DPR 2 in
// headless Chromium. Prints a markdown table of medians: embed weight (raw, gzip), time to the picture
// drawn, to the live chart ready, the canvas tiles and whether the last one is painted, the JS heap
// after GC. Run by `.ci/bench --large` after `.ci/build` (it needs target/site and the release tool).
// Usage: node .ci/bench-large.mjs [--n 9]
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const args = process.argv.slice(2);
const N = Number(args[args.indexOf('--n') + 1]) || 9;
const site = 'target/site';
const dir = join(site, 'large');
mkdirSync(dir, { recursive: true });

// The same datasets as the criterion group "one chart of n figures" (benches/core.rs).
function dataset(n) {
  const sources = Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, name: `Source number ${i}` }));
  const figures = Array.from({ length: n }, (_, i) => ({
    id: `f${i}`, label: `Figure ${i} of a long list of reported counts`, value: ((i * 7919) % 100000) + 1,
    unit: 'people', approx: ['exact', 'about', 'more_than', 'nearly'][i % 4], source: `s${i % 10}`, as_of: '2024-04-08',
  }));
  return { title: `One chart of ${n} figures`, lang: 'en', sources, figures };
}

const page = (title, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>${title}</title><style>body{margin:8px;font-family:sans-serif}.chart{width:640px}</style></head>
<body><div class="chart">${body}</div>
<script>requestAnimationFrame(() => { window.__drawn = performance.now(); });
document.querySelector('reported-figures').addEventListener('reported-figures:ready', (e) => {
  requestAnimationFrame(() => { window.__ready = { t: performance.now(), ok: e.detail.ok }; });
}, { once: true });</script></body></html>\n`;

const sizes = [10, 100, 1000];
const weights = {};
for (const n of sizes) {
  const file = join(dir, `data-${n}.json`);
  writeFileSync(file, JSON.stringify(dataset(n)));
  const code = execFileSync('target/release/reported-figures', ['embed', file, '--script', '../www/reported-figures.js'], { maxBuffer: 64 << 20 });
  weights[n] = { raw: code.length, gzip: gzipSync(code, { level: 6 }).length };
  writeFileSync(join(dir, `embed-${n}.html`), page(`embed ${n}`, code.toString()));
  writeFileSync(join(dir, `src-${n}.html`), page(`src ${n}`,
    `<script type="module" src="../www/reported-figures.js"></script><reported-figures src="data-${n}.json" theme="light"></reported-figures>`));
}

const server = spawn(process.execPath, ['.ci/server.mjs', '--port', '8791', '--root', site, '--no-csp'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 400));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function load(url) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
  const p = await ctx.newPage();
  const cdp = await ctx.newCDPSession(p);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await p.goto(url);
  await p.waitForFunction(() => window.__ready, null, { timeout: 60000 });
  if (!(await p.evaluate(() => window.__ready.ok))) throw new Error(`${url}: the widget reported an error`);
  const r = await p.evaluate(() => {
    const root = document.querySelector('reported-figures').shadowRoot;
    const tiles = [...root.querySelectorAll('canvas')];
    // The last tile is painted: some pixel of its lower half is not transparent.
    const last = tiles[tiles.length - 1];
    const px = last.getContext('2d').getImageData(0, last.height >> 1, last.width, last.height - (last.height >> 1)).data;
    let painted = false;
    for (let i = 3; i < px.length; i += 4) if (px[i]) { painted = true; break; }
    return { drawn: window.__drawn, ready: window.__ready, tiles: tiles.length, painted,
      height: Math.round(root.host.getBoundingClientRect().height) };
  });
  await cdp.send('HeapProfiler.collectGarbage');
  r.heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await ctx.close();
  return r;
}

const rows = [];
for (const n of sizes) {
  for (const mode of ['embed', 'src']) {
    const runs = [];
    for (let i = 0; i < N; i++) runs.push(await load(`http://127.0.0.1:8791/large/${mode}-${n}.html`));
    const last = runs[runs.length - 1];
    rows.push(`| ${n} | ${mode} | ${mode === 'embed' ? `${(weights[n].raw / 1024).toFixed(1)} / ${(weights[n].gzip / 1024).toFixed(1)}` : '–'} | `
      + `${mode === 'embed' ? median(runs.map((r) => r.drawn)).toFixed(0) : median(runs.map((r) => r.ready.t)).toFixed(0)} | `
      + `${median(runs.map((r) => r.ready.t)).toFixed(0)} | ${last.height} | ${last.tiles} (${runs.every((r) => r.painted) ? 'painted' : 'NOT painted'}) | `
      + `${(median(runs.map((r) => r.heap)) / 1048576).toFixed(2)} |`);
    console.error(`${n} ${mode} done`);
  }
}
const version = browser.version();
await browser.close();
server.kill();
console.log(`One chart of n figures in a 640 px box, DPR 2, headless Chromium ${version}; medians of ${N} cold loads.\n`);
console.log('| figures | page | embed KB raw / gzip | drawn ms | interactive ms | height px | canvas tiles | JS heap MB (after GC) |');
console.log('|--:|---|--:|--:|--:|--:|---|--:|');
console.log(rows.join('\n'));
