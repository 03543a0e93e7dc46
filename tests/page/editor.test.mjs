// The editor driven through a whole story in Chromium (and its core in Firefox), under the site's strict CSP: paste the report
// (drafted at once, every figure marked), fix a field with the validator's message at it, add a missed
// number from a selection, make a chart, see it drawn, publish (the downloaded dataset passes
// `reported-figures check`; the copied embed code draws in a host page), reload (the work is back),
// undo and redo; a bad CSV is refused by line and loses nothing; axe-core finds nothing in light and
// dark; at 360 px nothing scrolls sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, serveFiles, launch, newPage, widgetsReady, barPaint, TOP } from './helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TOOL = join(TOP, 'target/release/reported-figures');
const REPORT = readFileSync(process.env.REPORTED_FIGURES_ARTICLE || join(TOP, '../shared/article.txt'), 'utf8');
let site, browser;
before(async () => { site = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); site?.stop(); });

async function openEditor(options = {}) {
  const page = await newPage(browser, { acceptDownloads: true, ...options });
  await page.goto(`${site.url}editor.html`);
  await page.waitForSelector('body[data-ready]', { timeout: 15000 });
  return page;
}

const count = (page, sel) => page.evaluate((s) => document.querySelectorAll(s).length, sel);

test('a whole story: paste, fix, add, chart, publish, reload, undo', async () => {
  const page = await openEditor();
  try {
    // Paste: drafted at once, each figure's words marked in the report.
    await page.fill('#published', '2024-04-08');
    await page.fill('#paste', REPORT);
    await page.click('#draft');
    await page.waitForFunction(() => document.querySelectorAll('#figures fieldset').length > 0);
    assert.equal(await count(page, '#figures fieldset'), 17);
    assert.equal(await count(page, '#report mark'), 17);
    assert.match(await page.textContent('#problems'), /The dataset is valid/);

    // A field made wrong shows the validator's message at it, and the list moves focus to it.
    await page.fill('#f-2-value', '');
    await page.waitForFunction(() => document.getElementById('f-2-value').getAttribute('aria-invalid') === 'true');
    assert.equal(await page.textContent('#f-2-value-error'), 'must be a number, got a string');
    await page.click('#problems button');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-2-value');
    await page.fill('#f-2-value', '600');
    await page.waitForFunction(() => /valid/.test(document.getElementById('problems').textContent));

    // A number the draft left out (the date's 7 in "Oct. 7"), added from a selection in the report.
    await page.evaluate(() => {
      const box = document.getElementById('report');
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      for (let n; (n = walker.nextNode());) {
        const i = n.data.indexOf('Oct. 7');
        if (i >= 0) {
          const r = document.createRange();
          r.setStart(n, i + 5);
          r.setEnd(n, i + 6);
          getSelection().removeAllRanges();
          getSelection().addRange(r);
          break;
        }
      }
      box.dispatchEvent(new MouseEvent('mouseup'));
    });
    await page.click('#add-selection');
    assert.equal(await count(page, '#figures fieldset'), 18);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-17-label');
    await page.fill('#f-17-label', 'Day of the attack');
    await page.fill('#f-17-unit', 'days');
    // The unit after one, kept with the figure (a details element opens to it).
    await page.click('#figure-17 details.forms summary');
    await page.fill('#f-17-unit_one', 'day');
    assert.match(await page.inputValue('#f-17-quote'), /Oct\. 7/);

    // A chart of two figures, previewed at both widths in both themes.
    await page.click('#add-chart');
    await page.fill('#c-0-title', 'Hostages');
    await page.fill('#c-0-id', 'hostages');
    const ids = await page.evaluate(() => [...document.querySelectorAll('#charts input[type=checkbox]')].map((b) => b.id));
    await page.check('#' + ids.find((id) => id.includes('people-seized')));
    await page.check('#' + ids.find((id) => id.includes('hostages-remain')));
    await page.waitForFunction(() => [...document.querySelectorAll('#preview-chart option')].some((o) => o.value === 'hostages'));
    await page.selectOption('#preview-chart', 'hostages');
    await widgetsReady(page, 4);
    const previews = await page.evaluate(() => [...document.querySelectorAll('.previews reported-figures')].map((el) => el.figures.map((f) => f.value)));
    assert.equal(previews.length, 4);
    for (const values of previews) assert.deepEqual(values.length, 3, JSON.stringify(previews));
    assert.ok((await barPaint(page, '.previews reported-figures')).every((bars) => bars.every((c) => c > 10)));

    // Publish: the dataset passes the command-line check; the embed code draws in a host page.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    const dir = mkdtempSync(join(tmpdir(), 'rf-editor-'));
    const file = join(dir, 'dataset.json');
    await download.saveAs(file);
    assert.equal(execFileSync(TOOL, ['check', file], { encoding: 'utf8' }), `${file}: ok\n`);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).figures[17].unit_one, 'day');
    const embed = await page.inputValue('#embed-code');
    assert.match(embed, /^<script type="module" async src="http:\/\/127\.0\.0\.1:\d+\/www\/reported-figures\.js"><\/script>\n<reported-figures chart="hostages"/);
    assert.match(embed, /<svg[^>]*>[\s\S]*People seized/);
    const host = await serveFiles({ 'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head><body><main style="width:640px">${embed}</main></body></html>` });
    const hostPage = await newPage(browser);
    await hostPage.goto(host.url);
    await hostPage.hover('reported-figures');
    await widgetsReady(hostPage, 1);
    assert.equal((await hostPage.evaluate(() => document.querySelector('reported-figures').figures.length)), 3);
    await hostPage.context().close();
    host.stop();
    assert.match(await page.inputValue('#iframe-code'), /<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html\?chart=hostages&amp;src=|<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html\?chart=hostages&src=/);

    // Undo and redo with the keyboard.
    await page.fill('#d-title', 'Truce talks');
    await page.click('#f-0-label');
    await page.keyboard.press('Control+z');
    assert.notEqual(await page.inputValue('#d-title'), 'Truce talks');
    await page.keyboard.press('Control+Shift+z');
    assert.equal(await page.inputValue('#d-title'), 'Truce talks');

    // Nothing is lost on reload.
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    assert.equal(await page.inputValue('#d-title'), 'Truce talks');
    assert.equal(await count(page, '#figures fieldset'), 18);
    assert.equal(await page.inputValue('#c-0-title'), 'Hostages');

    // A bad table is refused by line, and the work stays.
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'id,label,value,unit,qualifier,status,source,source_url,as_of,quote\na,A,lots,people,exact,reported,S,,2024-04-08,\n');
    await page.setInputFiles('#file', csv);
    await page.waitForFunction(() => /not imported/.test(document.getElementById('status').textContent));
    assert.match(await page.textContent('#status'), /line 2: column value: must be a number/);
    assert.equal(await count(page, '#figures fieldset'), 18);

    assert.deepEqual(page.problems, []);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  } finally { await page.context().close(); }
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violations in the editor with a story loaded (${colorScheme})`, async () => {
    const page = await openEditor({ colorScheme, bypassCSP: true });
    try {
      await page.fill('#paste', REPORT);
      await page.click('#draft');
      await page.fill('#f-1-value', '');
      await page.waitForFunction(() => document.querySelector('[aria-invalid=true]'));
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`), []);
    } finally { await page.context().close(); }
  });
}

test('at 360 px the editor fits, and the keyboard reaches every control', async () => {
  const page = await openEditor({ viewport: { width: 360, height: 740 } });
  try {
    await page.click('#builtin');
    await page.waitForFunction(() => document.querySelectorAll('#figures fieldset').length === 17);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scroll');
    // Tab from the top reaches the draft button, the figures' fields and the publish buttons.
    const reached = new Set();
    // From the top of the page (the button clicked above would otherwise be the start).
    await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
    for (let i = 0; i < 600; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => document.activeElement?.id || ''));
    }
    for (const id of ['draft', 'builtin', 'f-0-label', 'f-0-approx', 'f-0-source', 'add-chart']) assert.ok(reached.has(id), `${id} reached with Tab`);
  } finally { await page.context().close(); }
});

test('in Firefox too: a pasted report is drafted, checked at its fields and previewed', async () => {
  const { launchEngine } = await import('./engines.mjs');
  const engine = await launchEngine('firefox');
  const page = await engine.newPage();
  try {
    await page.goto(`${site.url}editor.html`);
    await page.waitForFunction(() => document.body.hasAttribute('data-ready'));
    await page.evaluate((text) => {
      localStorage.clear();
      document.getElementById('paste').value = text;
      document.getElementById('published').value = '2024-04-08';
      document.getElementById('draft').click();
    }, REPORT);
    await page.waitForFunction(() => document.querySelectorAll('#figures fieldset').length === 17);
    assert.equal(await page.evaluate(() => document.querySelectorAll('#report mark').length), 17);
    await page.evaluate(() => {
      const input = document.getElementById('f-0-as_of');
      input.value = '2024-02-30';
      input.dispatchEvent(new Event('input'));
    });
    await page.waitForFunction(() => document.getElementById('f-0-as_of').getAttribute('aria-invalid') === 'true');
    assert.equal(await page.evaluate(() => document.getElementById('f-0-as_of-error').textContent), 'is not a real calendar date, got "2024-02-30"');
    await page.evaluate(() => {
      const input = document.getElementById('f-0-as_of');
      input.value = '2024-04-08';
      input.dispatchEvent(new Event('input'));
    });
    await page.waitForFunction(() => [...document.querySelectorAll('.previews reported-figures')].every((el) => el.shadowRoot?.querySelector('canvas')?.width > 0));
    await page.waitForFunction(() => /<reported-figures chart="people"/.test(document.getElementById('embed-code').value));
    assert.match(await page.evaluate(() => document.getElementById('problems').textContent), /The dataset is valid/);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  } finally { await page.close(); await engine.close(); }
});
