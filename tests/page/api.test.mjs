// The element driven from JavaScript, in Chromium and Firefox: a dataset set as an object (`data`),
// read back (`data`, `figures`), its problems at their paths (shown in the widget and sent as
// `reported-figures:error`), hostile values (not objects, cyclic, huge, throwing getters), generated
// objects checked against the same data as JSON text, the module's `validate()`, the focus event,
// `toSVG()` against the command-line tool's SVG, and `toPNG()`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, serveFiles, TOP } from './helpers.mjs';
import { ENGINES, launchEngine } from './engines.mjs';

const BUILTIN = JSON.parse(readFileSync(join(TOP, 'www/data/gaza-truce-talks-2024-04-08.json'), 'utf8'));
const TOOL = join(TOP, 'target/release/reported-figures');
let site, host;
const engines = {};

before(async () => {
  site = await serve();
  host = await serveFiles({
    'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title>
<script>window.__events = []; for (const t of ['ready', 'error', 'focus']) document.addEventListener('reported-figures:' + t, (e) => window.__events.push({ type: t, id: e.target.id, detail: e.detail }));</script>
<script type="module">import * as rf from '${site.url}www/reported-figures.js'; window.rf = rf;</script>
</head><body style="margin:8px"><div id="box" style="width:640px"></div></body></html>`,
  });
  for (const name of ENGINES) engines[name] = await launchEngine(name);
});
after(async () => { for (const e of Object.values(engines)) await e.close(); site?.stop(); host?.stop(); });

async function open(engine) {
  const page = await engines[engine].newPage();
  await page.goto(host.url);
  await page.waitForFunction(() => window.rf && customElements.get('reported-figures'));
  return page;
}

/** Adds an element with this id and chart, sets `data` to `value` (run in the page), and waits for ready. */
function addWidget(page, id, chart, value) {
  return page.evaluate(async ([id, chart, value]) => {
    const el = document.createElement('reported-figures');
    el.id = id;
    if (chart) el.setAttribute('chart', chart);
    document.getElementById('box').append(el);
    el.data = value;
    await new Promise((resolve) => {
      const check = () => (window.__events.some((e) => e.id === id && e.type === 'ready') ? resolve() : setTimeout(check, 20));
      check();
    });
    return window.__events.filter((e) => e.id === id).map((e) => e.type);
  }, [id, chart, value]);
}

for (const engine of ENGINES) {
  test(`${engine}: a dataset set as an object draws, and reads back as data and figures`, async () => {
    const page = await open(engine);
    try {
      assert.deepEqual(await addWidget(page, 'a', 'hostages', BUILTIN), ['ready']);
      const out = await page.evaluate(() => {
        const el = document.getElementById('a');
        const px = el.shadowRoot.querySelector('canvas');
        return { data: el.data, figures: el.figures, canvas: px ? [px.width, px.height] : null };
      });
      assert.ok(out.canvas && out.canvas[0] > 600 && out.canvas[1] > 100, `painted: ${out.canvas}`);
      assert.equal(out.data.title, BUILTIN.title);
      assert.equal(out.data.figures.length, BUILTIN.figures.length);
      for (const [i, f] of BUILTIN.figures.entries()) {
        const back = out.data.figures[i];
        assert.equal(back.id, f.id);
        assert.equal(back.value, f.value, `${f.id}: the number, not a string`);
        assert.equal(back.source, f.source);
        assert.equal(back.approx, f.approx ?? 'exact');
      }
      const chart = BUILTIN.charts.find((c) => c.id === 'hostages');
      assert.deepEqual(out.figures.map((f) => f.id), chart.figures);
      const taken = out.figures.find((f) => f.value === 253);
      assert.equal(taken.source.name, 'Reuters');
      assert.equal(taken.text, '253 people');
      assert.equal(typeof taken.quote, 'string');
      assert.equal(out.figures.find((f) => f.status === 'proposed')?.approx, 'about');
      // What the getters give is the caller's to change: the widget keeps its own.
      const again = await page.evaluate(() => { const el = document.getElementById('a'); el.figures[0].label = 'x'; el.data.title = 'y'; return [el.figures[0].label, el.data.title]; });
      assert.notEqual(again[0], 'x');
      assert.notEqual(again[1], 'y');
      assert.deepEqual(page.problems, []);
    } finally { await page.close(); }
  });

  test(`${engine}: problems in an object are shown and sent with their paths`, async () => {
    const page = await open(engine);
    try {
      const bad = structuredClone(BUILTIN);
      bad.title = 5;
      delete bad.figures[0].label;
      bad.figures[2].value = -5;
      const events = await addWidget(page, 'b', null, bad);
      assert.deepEqual(events, ['ready', 'error']);
      const out = await page.evaluate(() => {
        const el = document.getElementById('b');
        const e = window.__events.find((x) => x.id === 'b' && x.type === 'error');
        return { detail: e.detail, shown: [...el.shadowRoot.querySelectorAll('.error li')].map((li) => li.textContent), data: el.data, figures: el.figures };
      });
      assert.equal(out.detail.kind, 'invalid');
      assert.deepEqual(out.detail.errors, [
        { path: 'title', message: 'must be a string, got a number', kind: 'wrong_type' },
        { path: 'figures[0].label', message: 'is required', kind: 'missing' },
        { path: 'figures[2].value', message: 'must be a number from 0 to 9007199254740991, got -5', kind: 'value_out_of_range' },
      ]);
      assert.deepEqual(out.shown, out.detail.errors.map((e) => `${e.path}: ${e.message}`));
      assert.equal(out.data, null);
      assert.deepEqual(out.figures, []);
      // A non-finite number, which JSON text cannot even hold, is refused at its path.
      const nan = await page.evaluate(async (d) => {
        d.figures[1].value = NaN;
        d.figures[3].value = Infinity;
        return (await window.rf.validate(d)).errors;
      }, structuredClone(BUILTIN));
      assert.deepEqual(nan.map((e) => `${e.path}: ${e.message}`), [
        'figures[1].value: must be a number from 0 to 9007199254740991, got NaN',
        'figures[3].value: must be a number from 0 to 9007199254740991, got Infinity',
      ]);
    } finally { await page.close(); }
  });

  test(`${engine}: hostile values never throw into the caller but a TypeError for a non-object`, async () => {
    const page = await open(engine);
    try {
      const thrown = await page.evaluate(() => {
        const el = document.createElement('reported-figures');
        document.getElementById('box').append(el);
        return [null, undefined, 5, 'text', true].map((v) => { try { el.data = v; return 'no throw'; } catch (e) { return e.constructor.name; } });
      });
      assert.deepEqual(thrown, ['TypeError', 'TypeError', 'TypeError', 'TypeError', 'TypeError']);
      const out = await page.evaluate(async () => {
        const cases = {
          cyclic: () => { const o = { title: 'T', sources: [], figures: [] }; o.figures.push({ self: o }); return o; },
          getter: () => ({ title: 'T', get sources() { throw new Error('boom'); }, figures: [] }),
          huge: () => ({ title: 'T', sources: [{ id: 's', name: 'S' }], figures: new Array(300000).fill({ label: 'L', value: 1, unit: 'u', source: 's', as_of: '2024-01-01' }) }),
          func: () => ({ title: 'T', sources: [], figures: [() => 1] }),
          array: () => [1, 2, 3],
        };
        const results = {};
        for (const [name, make] of Object.entries(cases)) {
          const el = document.createElement('reported-figures');
          el.id = name;
          document.getElementById('box').append(el);
          const t0 = performance.now();
          let threw = null;
          try { el.data = make(); } catch (e) { threw = String(e); }
          await new Promise((resolve) => {
            const check = () => (window.__events.some((e) => e.id === name && e.type === 'error') ? resolve() : setTimeout(check, 20));
            check();
          });
          const e = window.__events.find((x) => x.id === name && x.type === 'error');
          results[name] = { threw, errors: e.detail.errors, ms: performance.now() - t0, shown: el.shadowRoot.querySelector('.error')?.textContent || '' };
        }
        return results;
      });
      for (const [name, r] of Object.entries(out)) {
        assert.equal(r.threw, null, name);
        assert.ok(r.errors.length >= 1, name);
        assert.ok(r.shown.includes(r.errors[0].message), `${name}: shown in the widget`);
      }
      assert.equal(out.cyclic.errors[0].kind, 'not_json_data');
      assert.match(out.cyclic.errors[0].path, /^figures\[0\]\.self\.figures\[0\]\.self/);
      assert.match(out.cyclic.errors[0].message, /more than 128 levels/);
      assert.equal(out.getter.errors[0].path, '(root)');
      assert.match(out.getter.errors[0].message, /cannot be read as JSON data \(.*boom/);
      assert.equal(out.huge.errors[0].kind, 'not_json_data');
      assert.match(out.huge.errors[0].message, /larger than a dataset may be/);
      assert.ok(out.huge.ms < 10000, `huge: ${out.huge.ms} ms`);
      assert.equal(out.func.errors[0].kind, 'not_json_data');
      assert.deepEqual(out.array.errors.map((e) => `${e.path}: ${e.message}`), ['(root): must be an object, got an array']);
      assert.deepEqual(page.problems, []);
    } finally { await page.close(); }
  });

  test(`${engine}: generated objects get the same verdict as the same data as JSON text`, async () => {
    const page = await open(engine);
    try {
      const out = await page.evaluate(async (base) => {
        // A small deterministic generator (xorshift), so a failure can be replayed.
        let s = 0x2545f491;
        const rnd = (n) => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) % n; };
        const values = [null, true, 0, -1, 1.5, 1e300, '', ' ', 'x', '2024-02-30', 'javascript:alert(1)', [], {}, 'a'.repeat(300)];
        const mutate = (o) => {
          const paths = [];
          const walk = (v, p) => { paths.push(p); if (v && typeof v === 'object') for (const k of Object.keys(v)) walk(v[k], [...p, k]); };
          walk(o, []);
          const p = paths[rnd(paths.length)];
          if (!p.length) return o;
          let parent = o;
          for (const k of p.slice(0, -1)) parent = parent[k];
          const key = p[p.length - 1];
          if (rnd(4) === 0) { if (Array.isArray(parent)) parent.splice(Number(key), 1); else delete parent[key]; } else parent[key] = structuredClone(values[rnd(values.length)]);
          return o;
        };
        const seen = { ok: 0, bad: 0, mismatches: [] };
        for (let i = 0; i < 60; i++) {
          let o = structuredClone(base);
          for (let k = 0, n = 1 + rnd(3); k < n; k++) o = mutate(o);
          const asObject = await window.rf.validate(o);
          const asText = await window.rf.validate(JSON.stringify(o));
          if (asObject.ok) seen.ok++; else seen.bad++;
          if (JSON.stringify(asObject) !== JSON.stringify(asText)) seen.mismatches.push({ i, asObject, asText });
        }
        return seen;
      }, BUILTIN);
      assert.deepEqual(out.mismatches, []);
      assert.ok(out.bad >= 20 && out.ok >= 3, `valid ${out.ok}, invalid ${out.bad}`);
      assert.deepEqual(page.problems, []);
    } finally { await page.close(); }
  });

  test(`${engine}: validate() answers for text and objects`, async () => {
    const page = await open(engine);
    try {
      const out = await page.evaluate(async (d) => [
        await window.rf.validate(d),
        await window.rf.validate(JSON.stringify(d)),
        await window.rf.validate('{"title": '),
        await window.rf.validate({ title: 'T', sources: [{ id: 's', name: 'S' }], figures: [{ label: 'L', value: 1, unit: 'u', source: 'zz', as_of: '2024-01-01' }] }),
      ], BUILTIN);
      assert.deepEqual(out[0], { ok: true, errors: [] });
      assert.deepEqual(out[1], { ok: true, errors: [] });
      assert.equal(out[2].ok, false);
      assert.equal(out[2].errors[0].kind, 'syntax');
      assert.deepEqual(out[3].errors, [{ path: 'figures[0].source', message: 'no source has the id "zz"', kind: 'unknown_source' }]);
    } finally { await page.close(); }
  });

  test(`${engine}: a bar reached with the keyboard sends its figure; toSVG is the tool's SVG; toPNG is a PNG`, async () => {
    const page = await open(engine);
    try {
      await addWidget(page, 'k', 'hostages', BUILTIN);
      await page.evaluate(() => document.getElementById('k').shadowRoot.querySelector('.hit').focus());
      await page.keyboard.press('ArrowDown');
      const focus = await page.evaluate(() => window.__events.filter((e) => e.type === 'focus').map((e) => e.detail));
      const chart = BUILTIN.charts.find((c) => c.id === 'hostages');
      assert.deepEqual(focus.map((f) => f.id), chart.figures.slice(0, 2));
      assert.equal(focus[0].source.name, BUILTIN.sources.find((s) => s.id === BUILTIN.figures.find((f) => f.id === chart.figures[0]).source).name);
      const svg = await page.evaluate(() => document.getElementById('k').toSVG({ width: 640, theme: 'light' }));
      const cli = execFileSync(TOOL, ['render', '--chart', 'hostages', '--width', '640', '--theme', 'light'], { encoding: 'utf8' });
      assert.equal(svg, cli);
      const png = await page.evaluate(async () => {
        const blob = await document.getElementById('k').toPNG({ scale: 2, width: 640 });
        const bmp = await createImageBitmap(blob);
        return { type: blob.type, size: blob.size, width: bmp.width, height: bmp.height };
      });
      assert.equal(png.type, 'image/png');
      assert.equal(png.width, 1280);
      assert.ok(png.height > 200 && png.size > 5000, JSON.stringify(png));
      assert.deepEqual(page.problems, []);
    } finally { await page.close(); }
  });
}
