// Writes the npm package from a built site: target/npm/ (its files) and target/reported-figures-VERSION.tgz
// (`npm pack`). Usage: node .ci/package.mjs [SITE_DIR]   (.ci/build runs it after the release build)
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const site = process.argv[2] || 'target/site';
const out = 'target/npm';
const version = readFileSync('Cargo.toml', 'utf8').match(/^version = "([^"]+)"/m)[1];
const www = join(site, 'www');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// The bundled element and the chunks it imports (validator, api), the wasm modules, the built-in
// dataset in binary form, and what documents the package.
const chunks = readdirSync(www).filter((f) => /^(reported-figures|validator-[\w]+|api-[\w]+)\.js$/.test(f));
for (const f of [...chunks, 'embed-host.js', 'picture.css', 'dataset.schema.json']) cpSync(join(www, f), join(out, f));
// The element's three wasm modules (not the editor's, which only editor.html uses).
mkdirSync(join(out, 'pkg'));
for (const m of ['reader', 'validator', 'api']) cpSync(join(www, `pkg/${m}.wasm`), join(out, `pkg/${m}.wasm`));
mkdirSync(join(out, 'data'));
cpSync(join(www, 'data/gaza-truce-talks-2024-04-08.rfd'), join(out, 'data/gaza-truce-talks-2024-04-08.rfd'));
cpSync('www/reported-figures.d.ts', join(out, 'reported-figures.d.ts'));
cpSync('www/custom-elements.json', join(out, 'custom-elements.json'));
cpSync('www/npm/README.md', join(out, 'README.md'));
cpSync('LICENSE', join(out, 'LICENSE'));
const pkg = {
  name: 'reported-figures',
  version,
  description: 'A web component for charts of the figures a news report gives, with the source of every number',
  license: 'MIT',
  type: 'module',
  main: './reported-figures.js',
  module: './reported-figures.js',
  types: './reported-figures.d.ts',
  customElements: './custom-elements.json',
  exports: {
    '.': { types: './reported-figures.d.ts', default: './reported-figures.js' },
    './reported-figures.js': { types: './reported-figures.d.ts', default: './reported-figures.js' },
    './embed-host.js': './embed-host.js',
    './picture.css': './picture.css',
    './custom-elements.json': './custom-elements.json',
    './dataset.schema.json': './dataset.schema.json',
    './pkg/*': './pkg/*',
    './data/*': './data/*',
    './package.json': './package.json',
  },
  files: [...chunks, 'embed-host.js', 'picture.css', 'dataset.schema.json', 'reported-figures.d.ts', 'custom-elements.json', 'pkg/', 'data/'],
  // Importing the module defines <reported-figures>: bundlers must keep it even when nothing is used.
  sideEffects: ['./reported-figures.js', './embed-host.js'],
  keywords: ['chart', 'news', 'web-component', 'custom-element', 'webassembly', 'attribution'],
};
writeFileSync(join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
const tgz = execFileSync('npm', ['pack', '--pack-destination', '../', '--loglevel=error'], { cwd: out, encoding: 'utf8' }).trim().split('\n').pop();
console.error(`packed target/${tgz}`);
