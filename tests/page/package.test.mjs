// The npm package as a developer installs it (offline, from the tarball the build packs): into a clean
// scratch project, then (a) loaded with a plain <script type="module">, (b) bundled with esbuild, (c)
// used from TypeScript (checked with tsc --strict against the package's own types, then bundled); each
// draws both built-in charts in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, newPage, widgetsReady, barPaint, TOP } from './helpers.mjs';

const version = readFileSync(join(TOP, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const TARBALL = join(TOP, `target/reported-figures-${version}.tgz`);
const BIN = join(TOP, 'node_modules/.bin');
const BUILTIN = readFileSync(join(TOP, 'www/data/gaza-truce-talks-2024-04-08.json'), 'utf8');
let dir, server, browser;

const page = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Scratch</title>
<script type="module" src="${script}"></script></head><body style="width:700px"><main id="main"></main></body></html>`;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rf-scratch-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', TARBALL], { cwd: dir });
  // (a) No build step: the page imports the installed module by its path.
  writeFileSync(join(dir, 'plain.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Plain</title>
<script type="module" src="./node_modules/reported-figures/reported-figures.js"></script></head><body style="width:700px">
<reported-figures chart="deaths"></reported-figures><reported-figures chart="hostages"></reported-figures></body></html>`);
  // (b) A bundle: the package's import map entry resolved by esbuild; its wasm copied next to the bundle.
  mkdirSync(join(dir, 'b'));
  writeFileSync(join(dir, 'app.js'), `import { validate } from 'reported-figures';
for (const chart of ['deaths', 'hostages']) {
  const el = document.createElement('reported-figures');
  el.setAttribute('chart', chart);
  document.getElementById('main').append(el);
}
window.validated = validate('{}');\n`);
  execFileSync(join(BIN, 'esbuild'), ['app.js', '--bundle', '--format=esm', '--outfile=b/app.js', '--log-level=warning'], { cwd: dir });
  for (const d of ['pkg', 'data']) cpSync(join(dir, 'node_modules/reported-figures', d), join(dir, 'b', d), { recursive: true });
  writeFileSync(join(dir, 'b/index.html'), page('./app.js'));
  // (c) TypeScript: the dataset typed by the package's types, set as an object.
  mkdirSync(join(dir, 'c'));
  writeFileSync(join(dir, 'dataset.json'), BUILTIN);
  // The element's class is only a type here, so TypeScript drops that import: the bare import defines it.
  writeFileSync(join(dir, 'app.ts'), `import 'reported-figures';
import type { Dataset, FigureInfo, ReportedFigures } from 'reported-figures';
import raw from './dataset.json';
const dataset: Dataset = raw as Dataset;
const charts: string[] = (dataset.charts ?? []).map((c) => c.id);
for (const chart of charts) {
  const el: ReportedFigures = document.createElement('reported-figures');
  el.setAttribute('chart', chart);
  el.data = dataset;
  el.addEventListener('reported-figures:ready', () => {
    const figures: FigureInfo[] = el.figures;
    (window as unknown as { sources: string[] }).sources ??= [];
    (window as unknown as { sources: string[] }).sources.push(...figures.map((f) => f.source.name));
  });
  document.getElementById('main')?.append(el);
}\n`);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ES2022', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], resolveJsonModule: true, types: [] },
    files: ['app.ts'],
  }));
  execFileSync(join(BIN, 'esbuild'), ['app.ts', '--bundle', '--format=esm', '--outfile=c/app.js', '--log-level=warning'], { cwd: dir });
  for (const d of ['pkg', 'data']) cpSync(join(dir, 'node_modules/reported-figures', d), join(dir, 'c', d), { recursive: true });
  writeFileSync(join(dir, 'c/index.html'), page('./app.js'));
  server = await serve(dir, ['--no-csp']);
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

test('the package installs with its files, types and manifest in the exports map', () => {
  const installed = join(dir, 'node_modules/reported-figures');
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(pkg.exports['.'].types, './reported-figures.d.ts');
  assert.deepEqual(readdirSync(join(installed, 'pkg')).sort(), ['api.wasm', 'reader.wasm', 'validator.wasm']);
  for (const f of ['reported-figures.js', 'reported-figures.d.ts', 'custom-elements.json', 'embed-host.js', 'README.md', 'LICENSE', 'data/gaza-truce-talks-2024-04-08.rfd']) {
    assert.ok(readFileSync(join(installed, f)).length > 0, f);
  }
  // Every chunk the module imports is in the package.
  const js = readFileSync(join(installed, 'reported-figures.js'), 'utf8');
  for (const [, chunk] of js.matchAll(/import\("\.\/([\w-]+\.js)"\)/g)) assert.ok(readFileSync(join(installed, chunk)).length > 0, chunk);
});

test('TypeScript checks a project that uses the installed package (tsc --strict)', () => {
  try {
    execFileSync(join(BIN, 'tsc'), ['-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
});

for (const [name, path] of [['a plain module script', 'plain.html'], ['an esbuild bundle', 'b/index.html'], ['a TypeScript project bundled', 'c/index.html']]) {
  test(`installed and loaded as ${name}: both charts draw`, async () => {
    const p = await newPage(browser);
    try {
      await p.goto(server.url + path);
      await widgetsReady(p, 2);
      const titles = await p.evaluate(() => [...document.querySelectorAll('reported-figures')].map((el) => [el.figures.length, el.shadowRoot.querySelector('canvas')?.getAttribute('aria-label')]));
      assert.equal(titles.length, 2);
      assert.ok(titles.every(([n, title]) => n > 0 && title), JSON.stringify(titles));
      const paint = await barPaint(p);
      assert.ok(paint.every((bars) => bars.length > 0 && bars.every((c) => c > 10)), JSON.stringify(paint));
      if (path.startsWith('c/')) assert.ok((await p.evaluate(() => window.sources)).includes('Reuters'));
      if (path.startsWith('b/')) assert.equal((await p.evaluate(() => window.validated)).ok, false);
      assert.deepEqual(p.problems, []);
    } finally { await p.context().close(); }
  });
}
