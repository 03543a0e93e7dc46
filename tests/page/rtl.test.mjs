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
    // Mirrored: in each chart the first two bars (33,207 and its 1,200 stub) share their zero end. In the
    // right-to-left charts that is their right end and the longer bar reaches further left; in the
    // left-to-right chart, their left end.
    const runs = await page.evaluate(() => [...document.querySelectorAll('reported-figures')].map((el) => {
      const r = el.shadowRoot;
      const c = r.querySelector('canvas');
      const ctx = c.getContext('2d');
      const scale = c.width / c.getBoundingClientRect().width;
      const bg = ctx.getImageData(1, 1, 1, 1).data;
      // The bar's extent: the saturated pixels (bar colours, not grey text) of the row's fullest line.
      return [...r.querySelectorAll('.hit')].slice(0, 2).map((hit) => {
        const [x, y] = [parseFloat(hit.style.left) * scale, parseFloat(hit.style.top) * scale];
        const [w, h] = [Math.round(parseFloat(hit.style.width) * scale), Math.round(parseFloat(hit.style.height) * scale)];
        const data = ctx.getImageData(Math.round(x), Math.round(y), w, h).data;
        let best = { n: 0, first: -1, last: -1 };
        for (let line = 0; line < h; line++) {
          let n = 0, first = -1, last = -1;
          for (let i = 0; i < w; i++) {
            const p = (line * w + i) * 4;
            const [R, G, B] = [data[p], data[p + 1], data[p + 2]];
            const saturated = Math.max(R, G, B) - Math.min(R, G, B) > 60 && Math.abs(R - bg[0]) + Math.abs(G - bg[1]) + Math.abs(B - bg[2]) > 60;
            if (saturated) { n++; if (first < 0) first = i; last = i; }
          }
          if (n > best.n) best = { n, first: first + x, last: last + x };
        }
        return { first: best.first / scale, last: best.last / scale };
      });
    }));
    for (const [i, [long, short]] of runs.entries()) {
      const rtl = i < 2;
      const at = `chart ${i} at ${width}px: ${JSON.stringify(runs[i])}`;
      if (rtl) {
        assert.ok(Math.abs(long.last - short.last) <= 2, `right-to-left bars share their right (zero) end: ${at}`);
        assert.ok(long.first < short.first - 5, `and grow leftwards: ${at}`);
      } else {
        assert.ok(Math.abs(long.first - short.first) <= 2, `left-to-right bars share their left (zero) end: ${at}`);
        assert.ok(long.last > short.last + 5, `and grow rightwards: ${at}`);
      }
    }
    await page.context().close();
  }
});
