// Hostile datasets in the embed page (iframe) and in a host page: literal text only, no element or
// attribute from data, refused ones named with their paths. The same files are checked natively in
// tests/hostile.rs and in the widget's DOM in tests/web_hostile.rs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, serveFiles, launch, newPage, TOP } from './helpers.mjs';

const DIR = join(TOP, 'tests/data/hostile');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json'));
let site, data, browser;
before(async () => {
  site = await serve();
  data = await serveFiles(Object.fromEntries(FILES.map((f) => [f, readFileSync(join(DIR, f))])));
  browser = await launch();
});
after(async () => { await browser?.close(); site?.stop(); data?.stop(); });

const TAGS = ['DIV', 'CANVAS', 'BUTTON', 'P', 'SPAN', 'A', 'BLOCKQUOTE', 'DETAILS', 'SUMMARY', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'UL', 'LI', 'SLOT'];

test('hostile datasets in the embed page: literal text or named errors, never an element from data', async () => {
  const page = await newPage(browser);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  for (const f of FILES) {
    await page.goto(`${site.url}embed.html?src=${encodeURIComponent(data.url + f)}`);
    await page.waitForFunction(() => {
      const el = document.querySelector('reported-figures');
      return el?.shadowRoot && (el.shadowRoot.querySelector('canvas')?.width > 0 || el.shadowRoot.querySelector('.error'));
    }, null, { timeout: 15000 });
    const state = await page.evaluate(() => {
      const root = document.querySelector('reported-figures').shadowRoot;
      root.querySelectorAll('.hit').forEach((h) => h.focus());
      return {
        tags: [...new Set([...root.querySelectorAll('*')].map((e) => e.tagName))],
        attrs: [...new Set([...root.querySelectorAll('*')].flatMap((e) => e.getAttributeNames()))],
        links: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        text: root.textContent,
        error: !!root.querySelector('.error'),
        pageElements: [...document.body.querySelectorAll('*')].map((e) => e.tagName),
      };
    });
    for (const t of state.tags) assert.ok(TAGS.includes(t), `${f}: <${t}>`);
    assert.ok(state.attrs.every((a) => !a.startsWith('on')), `${f}: ${state.attrs}`);
    assert.ok(state.links.every((h) => /^https?:\/\//.test(h)), `${f}: ${state.links}`);
    assert.deepEqual(state.pageElements, ['MAIN', 'H1', 'REPORTED-FIGURES'], f);
    const v = (() => { try { return JSON.parse(readFileSync(join(DIR, f), 'utf8')); } catch { return null; } })();
    if (['markup-everywhere.json', 'emoji-and-marks.json', 'lookalike-url.json'].includes(f)) {
      assert.equal(state.error, false, f);
      for (const fig of v.figures.slice(0, 4)) assert.ok(state.text.includes(fig.label), `${f}: ${fig.label}`);
    } else {
      assert.equal(state.error, true, f);
      assert.match(state.text, /This dataset is not valid/, f);
      assert.match(state.text, /\(root\)|figures\[0\]|sources\[0\]|title/, f);
    }
  }
  assert.deepEqual(dialogs, [], 'no script from data ever ran');
  assert.deepEqual(page.problems.filter((p) => !p.includes('Failed to load resource')), []);
  await page.context().close();
});
