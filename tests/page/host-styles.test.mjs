// A host page cannot change the chart: an article whose stylesheet sets a large serif font, letter and
// word spacing, capitals and justified text on its body and sections (and one written right to left)
// shows every chart with the same pixels as a plain page, and the widget's tooltip and table keep
// their own text style. In Chromium and Firefox.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, serveFiles, widgetsReady } from './helpers.mjs';
import { ENGINES, launchEngine } from './engines.mjs';

const HOSTILE = `body, section, main { font: 22px/3 Georgia, serif; letter-spacing: .12em; word-spacing: .4em;
  text-transform: uppercase; text-align: justify; text-indent: 2em; font-variant: small-caps; font-stretch: condensed;
  font-kerning: none; white-space: pre-wrap; font-weight: 900; font-style: italic; color: #c00; }
reported-figures { letter-spacing: .3em; word-spacing: 1em; text-transform: lowercase; line-height: 4; }`;

let site, plain, hostile, rtl;
const engines = {};
before(async () => {
  site = await serve();
  const page = (attrs, style) => `<!doctype html><html ${attrs}><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title>
<style>.box { width: 640px; } ${style}</style>
<script type="module" src="${site.url}www/reported-figures.js"></script></head>
<body><main><section><h1>An article</h1><p>Text around the charts.</p>
<div class="box"><reported-figures chart="deaths"></reported-figures></div>
<div class="box"><reported-figures chart="hostages"></reported-figures></div>
</section></main></body></html>`;
  plain = await serveFiles({ 'index.html': page('lang="en"', '') });
  hostile = await serveFiles({ 'index.html': page('lang="en"', HOSTILE) });
  rtl = await serveFiles({ 'index.html': page('lang="ar" dir="rtl"', HOSTILE) });
  for (const name of ENGINES) engines[name] = await launchEngine(name);
});
after(async () => { for (const e of Object.values(engines)) await e.close(); site?.stop(); plain?.stop(); hostile?.stop(); rtl?.stop(); });

/** Every widget's canvas pixels (the chart's own area) and the text style of its tooltip and table. */
async function look(engine, url) {
  const page = await engines[engine].newPage({ deviceScaleFactor: 1 });
  await page.goto(url);
  await widgetsReady(page, 2);
  const out = await page.evaluate(() => [...document.querySelectorAll('reported-figures')].map((el) => {
    const r = el.shadowRoot;
    r.querySelector('.hit').focus();
    r.querySelector('details').open = true;
    const canvas = r.querySelector('canvas');
    const clip = r.querySelector('.clip');
    const [w, h] = [Math.round(parseFloat(clip.style.width)), Math.round(parseFloat(clip.style.height))];
    const data = canvas.getContext('2d').getImageData(0, 0, w, h).data;
    const style = (sel) => {
      const s = getComputedStyle(r.querySelector(sel));
      return { transform: s.textTransform, letters: s.letterSpacing, words: s.wordSpacing, family: s.fontFamily, size: s.fontSize, align: s.textAlign, indent: s.textIndent };
    };
    // The pixels as a compact string, compared whole between the pages.
    let hash = 0;
    const sample = [];
    for (let i = 0; i < data.length; i += 4) {
      hash = (hash * 31 + data[i] * 7 + data[i + 1] * 3 + data[i + 2]) >>> 0;
      if (i % 4000 === 0) sample.push(data[i], data[i + 1], data[i + 2]);
    }
    return { size: [w, h], hash, sample, pixels: Array.from(data), tip: style('.tip-value'), table: style('.data td'), summary: style('.data summary') };
  }));
  await page.close();
  return out;
}

for (const engine of ENGINES) {
  test(`${engine}: a host page's text styles and direction change no pixel of the charts`, async () => {
    const want = await look(engine, plain.url);
    for (const [name, url] of [['hostile styles', hostile.url], ['hostile styles, right to left', rtl.url]]) {
      const got = await look(engine, url);
      for (const [i, w] of want.entries()) {
        const g = got[i];
        assert.deepEqual(g.size, w.size, `${name}: chart ${i} has its size`);
        let differ = 0;
        for (let p = 0; p < w.pixels.length; p += 4) {
          if (Math.abs(w.pixels[p] - g.pixels[p]) + Math.abs(w.pixels[p + 1] - g.pixels[p + 1]) + Math.abs(w.pixels[p + 2] - g.pixels[p + 2]) > 24) differ++;
        }
        assert.ok(differ <= 0.001 * w.pixels.length / 4, `${name}: chart ${i} differs in ${differ} of ${w.pixels.length / 4} pixels`);
        for (const part of ['tip', 'table', 'summary']) assert.deepEqual(g[part], w[part], `${name}: chart ${i}'s ${part} keeps its own text style`);
      }
    }
    for (const w of want) {
      assert.equal(w.tip.transform, 'none');
      assert.equal(w.table.letters, 'normal');
      assert.match(w.table.family, /Arial/);
    }
  });
}
