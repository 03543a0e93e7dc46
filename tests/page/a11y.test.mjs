// Accessibility: axe-core finds nothing on the page or on a host page with several widgets, in light
// and dark. (axe is injected with CSP bypassed: the page's own policy would, rightly, refuse it.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serve, serveFiles, launch, newPage, widgetsReady } from './helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let site, browser, host;
before(async () => {
  site = await serve();
  browser = await launch();
  const widget = (chart, extra = '') => `<reported-figures chart="${chart}" ${extra}></reported-figures>`;
  host = await serveFiles({
    'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Several charts</title>
<script type="module" src="${site.url}www/reported-figures.js"></script>
<style>@media (prefers-color-scheme: dark){body{background:#111;color:#eee}}</style></head>
<body><main><h1>Several charts in one article</h1>
${widget('deaths')}${widget('hostages')}${widget('deaths', 'theme="dark"')}${widget('hostages', 'theme="light"')}
</main></body></html>`,
  });
});
after(async () => { await browser?.close(); site?.stop(); host?.stop(); });

async function axe(url, colorScheme, widgets) {
  const page = await newPage(browser, { colorScheme, bypassCSP: true });
  await page.goto(url);
  await widgetsReady(page, widgets);
  // Open a tooltip and a data table so that they are checked too.
  await page.evaluate(() => {
    const el = document.querySelector('reported-figures');
    el.shadowRoot.querySelector('.hit').focus();
    el.shadowRoot.querySelector('details').open = true;
    document.querySelector('details')?.setAttribute('open', '');
  });
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  await page.context().close();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violations on the page (${scheme})`, async () => {
    assert.deepEqual(await axe(site.url, scheme, 2), []);
  });
  test(`axe finds no violations on the iframe page, whose heading names the chart (${scheme})`, async () => {
    assert.deepEqual(await axe(`${site.url}embed-hostages.html`, scheme, 1), []);
    assert.deepEqual(await axe(`${site.url}embed.html?chart=hostages`, scheme, 1), []);
    const page = await newPage(browser, { colorScheme: scheme });
    // The heading is the chart's from the first byte in its own page, and follows the chart asked for.
    await page.goto(`${site.url}embed-hostages.html`);
    assert.equal(await page.evaluate(() => document.querySelector('h1').textContent), 'Hostages taken in the 7 October attack');
    await page.goto(`${site.url}embed.html?chart=hostages`);
    await page.waitForFunction(() => document.querySelector('h1').textContent === 'Hostages taken in the 7 October attack');
    await page.context().close();
  });
  test(`axe finds no violations on a host page with several widgets (${scheme})`, async () => {
    assert.deepEqual(await axe(host.url, scheme, 4), []);
  });
}
