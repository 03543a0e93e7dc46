// Network faults for `src`: each gives its own clear message inside its widget, and the other widgets
// on the page keep working. A local fault server answers on its own port (another origin).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, serveFiles, barPaint, TOP } from './helpers.mjs';
import { ENGINES, launchEngine } from './engines.mjs';

const VALID = readFileSync(join(TOP, 'www/data/gaza-truce-talks-2024-04-08.json'));
let site, faults, host;
const engines = {};
const sent = {}; // bytes written per streaming route
const completed = {}; // whether a streaming route wrote its whole body (it must not: the widget cuts it)

function startFaults() {
  const server = createServer((req, res) => {
    const route = new URL(req.url, 'http://x').pathname.slice(1);
    const cors = { 'access-control-allow-origin': '*' };
    const json = { ...cors, 'content-type': 'application/json' };
    const stream = (total, headers) => {
      res.writeHead(200, headers);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      sent[route] = 0;
      completed[route] = false;
      const pump = () => {
        while (sent[route] < total) {
          sent[route] += chunk.length;
          if (!res.write(chunk)) { res.once('drain', pump); return; }
        }
        completed[route] = true;
        res.end();
      };
      res.on('close', () => res.destroy());
      pump();
    };
    switch (route) {
      case 'ok': res.writeHead(200, json).end(VALID); break;
      case '404': res.writeHead(404, cors).end('not found'); break;
      case '500': res.writeHead(500, { ...cors, 'content-type': 'text/html' }).end('<h1>Internal error</h1><script>alert(1)</script>'); break;
      case 'html': res.writeHead(200, { ...cors, 'content-type': 'text/html' }).end('<!doctype html><p>Not a dataset'); break;
      case 'hang': res.writeHead(200, json); res.write('{"title": "never ends'); break;
      case 'huge': stream(50 * 1024 * 1024, { ...json, 'content-length': String(50 * 1024 * 1024) }); break;
      case 'huge-chunked': stream(50 * 1024 * 1024, json); break;
      case 'bad-utf8': res.writeHead(200, json).end(Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])); break;
      case 'no-cors': res.writeHead(200, { 'content-type': 'application/json' }).end(VALID); break;
      case 'redirect-http': res.writeHead(302, { ...cors, location: `http://127.0.0.1:${server.address().port}/ok` }).end(); break;
      default: res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const CASES = [
  ['404', /could not load http:\/\/127\.0\.0\.1:\d+\/404: the server answered 404/],
  ['500', /could not load http:\/\/127\.0\.0\.1:\d+\/500: the server answered 500/],
  ['html', /the server sent text\/html, not JSON/],
  ['hang', /no complete answer from http:\/\/127\.0\.0\.1:\d+\/hang within 10 seconds/],
  ['huge', /it is 52428800 bytes, more than the limit of 1048576/],
  ['huge-chunked', /it is more than the limit of 1048576 bytes/],
  ['bad-utf8', /\(root\): input is not UTF-8 text \(invalid byte at offset 6\)/],
  ['no-cors', /does not allow other sites to read it \(CORS\)/],
  ['redirect-http', /it redirects to an insecure http: address/],
];

before(async () => {
  site = await serve();
  faults = await startFaults();
  const base = `http://127.0.0.1:${faults.address().port}/`;
  const widgets = CASES.map(([route]) => `<h2>${route}</h2><reported-figures data-case="${route}" chart="deaths" src="${base}${route}"></reported-figures>`);
  host = await serveFiles({
    'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Faults</title>
<script type="module" src="${site.url}www/reported-figures.js"></script></head><body><main>
<reported-figures data-case="builtin" chart="hostages"></reported-figures>
${widgets.join('\n')}
<reported-figures data-case="ok" chart="deaths" src="${base}ok"></reported-figures>
</main></body></html>`,
  });
  for (const name of ENGINES) engines[name] = await launchEngine(name);
});
after(async () => { for (const e of Object.values(engines)) await e.close(); site?.stop(); host?.stop(); faults?.close(); });

for (const engine of ENGINES) test(`${engine}: every network fault has its own message in its widget, and the others draw`, async () => {
  const page = await engines[engine].newPage();
  await page.goto(host.url);
  // The never-ending body is given up after 10 seconds.
  await page.waitForFunction(() => [...document.querySelectorAll('reported-figures')].every((el) =>
    el.shadowRoot && (el.shadowRoot.querySelector('canvas')?.width > 0 || el.shadowRoot.querySelector('.error'))), null, { timeout: 20000 });
  const texts = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('reported-figures')].map((el) => [el.dataset.case, el.shadowRoot.textContent])));
  for (const [route, message] of CASES) {
    assert.match(texts[route], message, `${route}: ${texts[route]}`);
    assert.match(texts[route], /The data for this chart could not be loaded|This dataset is not valid/);
  }
  // The widget cut both 50 MB bodies: the server never got to write their end. ("Sent" counts what the
  // socket accepted, kernel and browser buffers included; Firefox reads much further ahead than
  // Chromium, so the bytes are reported, not bounded.)
  assert.equal(completed.huge, false, `the 50 MB body was refused early (${sent.huge} bytes sent)`);
  assert.equal(completed['huge-chunked'], false, `the chunked 50 MB body was cut at the limit (${sent['huge-chunked']} bytes sent)`);
  console.log(`# ${engine}: ${sent.huge} and ${sent['huge-chunked']} bytes of the 50 MB bodies sent before the cut`);
  const paint = await barPaint(page, 'reported-figures[data-case="builtin"], reported-figures[data-case="ok"]');
  assert.deepEqual(paint.map((b) => b.length), [3, 4]);
  for (const bars of paint) for (const n of bars) assert.ok(n >= 20);
  // The 500 page's script never ran, and no widget threw into the page.
  // (Browsers log the refused loads themselves: Chromium "Failed to load resource", Firefox its CORS notes.)
  assert.deepEqual(page.problems.filter((p) => !p.startsWith('console: Failed to load resource') && !p.includes('CORS')), []);
  await page.close();
});
