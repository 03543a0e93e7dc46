// Right-to-left charts and pages in the browser: the chart is where its focus targets are (the canvas
// anchored at its box's left edge whatever the page's direction), mirrored, and painted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, serveFiles, launch, newPage, widgetsReady, barPaint, TOP } from './helpers.mjs';

let site, host, browser;
before(async () => {
  site = await serve();
  const inline = (file, attrs = '') => `<reported-figures ${attrs}><script type="application/json">${readFileSync(join(TOP, 'tests/data', file), 'utf8')}</script></reported-figures>`;
  host = await serveFiles({
    'index.html': `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>RTL</title>
<script type="module" src="${site.url}www/reported-figures.js"></script></head><body><main>
${inline('ar-gaza.json', 'chart="deaths"')}${inline('he-gaza.json', 'chart="hostages" theme="dark"')}
<reported-figures chart="deaths" lang="en"></reported-figures>
</main></body></html>`,
  });
  browser = await launch();
});
after(async () => { await browser?.close(); site?.stop(); host?.stop(); });

test('in a right-to-left page, every chart is drawn where its bars are', async () => {
  for (const width of [360, 1000]) {
    const page = await newPage(browser, { viewport: { width, height: 900 } });
    await page.goto(host.url);
    await widgetsReady(page, 3);
    const boxes = await page.evaluate(() => [...document.querySelectorAll('reported-figures')].map((el) => {
      const r = el.shadowRoot;
      const canvas = r.querySelector('canvas').getBoundingClientRect();
      const clip = r.querySelector('.clip').getBoundingClientRect();
      const hits = [...r.querySelectorAll('.hit')].map((h) => h.getBoundingClientRect());
      const dir = r.querySelector('.rf').dir;
      return { canvasLeft: canvas.left, clipLeft: clip.left, clipRight: clip.right, hitLeft: hits[0].left, hitRight: hits[0].right, dir };
    }));
    assert.deepEqual(boxes.map((b) => b.dir), ['rtl', 'rtl', 'ltr']);
    for (const b of boxes) {
      assert.equal(b.canvasLeft, b.clipLeft, `the canvas starts at its box's left edge: ${JSON.stringify(b)}`);
      assert.ok(b.hitLeft >= b.clipLeft - 1 && b.hitRight <= b.clipRight + 1, JSON.stringify(b));
    }
    const paint = await barPaint(page);
    assert.deepEqual(paint.map((bars) => bars.length), [4, 3, 4]);
    for (const bars of paint) for (const n of bars) assert.ok(n >= 20, JSON.stringify(paint));
    // Mirrored: in the Arabic chart the longest bar ends towards the left, its label on the right.
    const side = await page.evaluate(() => {
      const r = document.querySelector('reported-figures').shadowRoot;
      const c = r.querySelector('canvas');
      const ctx = c.getContext('2d');
      const scale = c.width / c.getBoundingClientRect().width;
      const hit = r.querySelector('.hit');
      const y = (parseFloat(hit.style.top) + parseFloat(hit.style.height) / 2) * scale;
      const w = parseFloat(r.querySelector('.clip').style.width) * scale;
      const row = ctx.getImageData(0, Math.round(y), Math.round(w), 1).data;
      const blue = [];
      for (let x = 0; x < w; x++) if (row[x * 4 + 2] > 150 && row[x * 4] < 60) blue.push(x);
      return { first: blue[0] / w, last: blue[blue.length - 1] / w };
    });
    assert.ok(side.last > 0.6 && side.first < side.last, `the bar grows leftwards from the right: ${JSON.stringify(side)}`);
    await page.context().close();
  }
});
