// The served page as a reader meets it: both charts drawn, keyboard tooltips, downloads, no-JS fallback.
// The charts and the keyboard are tested in Chromium and Firefox; the rest in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, newPage, widgetsReady, barPaint } from './helpers.mjs';
import { ENGINES, launchEngine } from './engines.mjs';

let server, browser;
const engines = {};
before(async () => {
  server = await serve();
  browser = await launch();
  for (const name of ENGINES) engines[name] = await launchEngine(name);
});
after(async () => {
  await browser?.close();
  for (const e of Object.values(engines)) await e.close();
  server?.stop();
});

for (const engine of ENGINES) {
  test(`${engine}: the page shows both charts with every bar painted, under the strict CSP`, async () => {
    for (const colorScheme of ['light', 'dark']) {
      const page = await engines[engine].newPage({ colorScheme });
      await page.goto(server.url);
      await widgetsReady(page, 2);
      const paint = await barPaint(page);
      assert.equal(paint.length, 2);
      assert.deepEqual(paint.map((bars) => bars.length), [4, 3]);
      for (const bars of paint) for (const n of bars) assert.ok(n >= 20, `a bar with only ${n} coloured pixels: ${JSON.stringify(paint)}`);
      const csp = await page.evaluate(() => window.__cspViolations);
      assert.deepEqual(csp, []);
      assert.deepEqual(page.problems, []);
      const theme = await page.evaluate(() => document.querySelector('reported-figures').shadowRoot.querySelector('.rf').className);
      assert.equal(theme, `rf ${colorScheme}`);
      await page.close();
    }
  });

  test(`${engine}: keyboard: Tab reaches the first bar, arrows move between bars, the tooltip follows, Tab leaves`, async () => {
    const page = await engines[engine].newPage();
    await page.goto(server.url);
    await widgetsReady(page, 2);
    const focused = () => page.evaluate(() => {
      const host = document.activeElement;
      const inner = host?.shadowRoot?.activeElement;
      const tip = host?.shadowRoot?.querySelector('.tip');
      return { host: host?.getAttribute('chart') ?? null, tag: inner?.localName ?? null, cls: inner?.className ?? null,
        bar: inner?.dataset?.index ?? null, tip: tip && !tip.hidden ? tip.textContent : null,
        summary: inner?.closest?.('details')?.className ?? null };
    });
    for (let i = 0; i < 10 && (await focused()).bar === null; i++) await page.keyboard.press('Tab');
    let f = await focused();
    assert.equal(f.host, 'deaths');
    assert.equal(f.bar, '0');
    assert.match(f.tip, /about 33,207 people/);
    assert.match(f.tip, /Gaza health ministry/);
    assert.match(f.tip, /As of 8 April 2024/);
    assert.match(f.tip, /Some 33,207 Palestinians have been killed/);
    await page.keyboard.press('ArrowDown');
    f = await focused();
    assert.equal(f.bar, '1');
    assert.match(f.tip, /1,200 people/);
    await page.keyboard.press('End');
    assert.equal((await focused()).bar, '3');
    await page.keyboard.press('Escape');
    assert.equal((await focused()).tip, null);
    // Tab leaves the bars (one tab stop per chart) for the next control: the chart's own
    // "Data and sources" disclosure, in the same widget.
    await page.keyboard.press('Tab');
    f = await focused();
    assert.deepEqual({ host: f.host, tag: f.tag, bar: f.bar, details: f.summary }, { host: 'deaths', tag: 'summary', bar: null, details: 'data' });
    await page.close();
  });
}

test('pointer: hovering a bar shows its tooltip', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await widgetsReady(page, 2);
  const box = await page.evaluate(() => {
    const el = document.querySelectorAll('reported-figures')[1];
    const hit = el.shadowRoot.querySelectorAll('.hit')[2];
    hit.scrollIntoView({ block: 'center' });
    const r = hit.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  await page.waitForFunction(() => !document.querySelectorAll('reported-figures')[1].shadowRoot.querySelector('.tip').hidden);
  const tip = await page.evaluate(() => document.querySelectorAll('reported-figures')[1].shadowRoot.querySelector('.tip').textContent);
  assert.match(tip, /about 40 people/);
  assert.match(tip, /Negotiators/);
  assert.match(tip, /proposed/);
  await page.context().close();
});

function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  return rows;
}

test('downloads give valid CSV, SVG and PNG', async () => {
  const page = await newPage(browser, { acceptDownloads: true });
  await page.goto(server.url);
  await widgetsReady(page, 2);
  const download = async (selector) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
  };
  const csv = await download('a[href$="figures.csv"]');
  assert.equal(csv.name, 'gaza-truce-talks-2024-04-08.csv');
  const rows = parseCsv(csv.bytes.toString('utf8'));
  assert.deepEqual(rows[0], ['id', 'label', 'value', 'unit', 'qualifier', 'status', 'source', 'source_url', 'as_of', 'quote']);
  assert.equal(rows.length, 18);
  assert.deepEqual(rows[3].slice(0, 9), ['soldiers-killed', 'Israeli soldiers killed in combat', '600', 'people', 'more_than', 'reported', 'Israeli army', '', '2024-04-08']);

  const svg = await download('a[href$="hostages-light.svg"]');
  assert.equal(svg.name, 'hostages.svg');
  // Parsed in a blank page: the site's Trusted Types policy (rightly) forbids DOMParser on its own pages.
  const blank = await page.context().newPage();
  const parsed = await blank.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent.trim()) };
  }, svg.bytes.toString('utf8'));
  assert.equal(parsed.error, null);
  assert.equal(parsed.root, 'svg');
  for (const t of ['Hostages taken in the 7 October attack', 'Hostages seized on 7 October', '253', 'about 40', 'Negotiators', 'Reuters']) {
    assert.ok(parsed.texts.includes(t), `${t} in the SVG`);
  }

  const png = await download('button[data-download="png"][data-chart="deaths"]');
  assert.equal(png.name, 'deaths.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  assert.equal(png.bytes.toString('ascii', 12, 16), 'IHDR');
  assert.equal(png.bytes.readUInt32BE(16), 1600, 'the chart as shown: 800 CSS px wide at 2× device pixels');
  assert.ok(png.bytes.readUInt32BE(20) > 400);
  await page.context().close();
});

test('without JavaScript the page shows the pre-rendered charts, every figure and the table', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(server.url);
  const state = await page.evaluate(() => ({
    // Each chart: the one picture its width shows, with its text as text.
    charts: [...document.querySelectorAll('reported-figures')].map((el) => {
      const shown = [...el.querySelectorAll(':scope > .rfp > div')].filter((v) => v.offsetWidth > 0);
      const svg = shown[0]?.querySelector('svg');
      const r = svg?.getBoundingClientRect();
      return { shown: shown.length, width: r?.width, height: r?.height,
        texts: [...(svg?.querySelectorAll('text') || [])].map((t) => t.textContent) };
    }),
    rows: document.querySelectorAll('table.figures tbody tr').length,
    details: document.querySelectorAll('.details details').length,
  }));
  assert.equal(state.charts.length, 2);
  for (const c of state.charts) assert.ok(c.shown === 1 && c.width >= 640 && c.height > 200, JSON.stringify(c));
  for (const t of ['Deaths in the Gaza war', 'Palestinians killed in Gaza', 'about 33,207', 'Gaza health ministry', 'Palestinian medical officials']) {
    assert.ok(state.charts[0].texts.includes(t), `${t} drawn as text`);
  }
  assert.equal(state.rows, 17);
  assert.equal(state.details, 17);
  await page.context().close();
});

test('a widget re-renders when its container is resized', async () => {
  const page = await newPage(browser, { viewport: { width: 1000, height: 900 } });
  await page.goto(server.url);
  await widgetsReady(page, 2);
  const width = () => page.evaluate(() => document.querySelector('reported-figures').shadowRoot.querySelector('.clip').style.width);
  assert.equal(await width(), '800px');
  await page.setViewportSize({ width: 360, height: 900 });
  await page.waitForFunction(() => document.querySelector('reported-figures').shadowRoot.querySelector('.clip').style.width === '328px');
  // Sharp: one canvas pixel per device pixel, whatever room the canvas keeps.
  const ratio = await page.evaluate(() => { const c = document.querySelector('reported-figures').shadowRoot.querySelector('canvas'); return c.width / parseFloat(c.style.width); });
  assert.equal(ratio, 2);
  const paint = await barPaint(page);
  for (const bars of paint) for (const n of bars) assert.ok(n >= 20);
  await page.context().close();
});
