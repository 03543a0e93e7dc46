// Shared by the page-level tests: servers on local ports and headless Chromium (playwright-core
// driving Debian's /usr/bin/chromium; no browser is ever downloaded).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const TOP = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const SITE = join(TOP, 'target/site');
/** The same site built with the test-only exports (`.ci/build --test-hooks`). */
export const SITE_TEST = join(TOP, 'target/site-test');

/** Starts .ci/server.mjs on a free port; resolves to { url, stop }. */
export function serve(root = SITE, extra = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(TOP, '.ci/server.mjs'), '--port', '0', '--root', root, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/at (http:\/\/[\d.]+:\d+\/)/);
      if (m) resolve({ url: m[1], stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

/** A folder with the given files, served without a CSP (a news site's own page). */
export async function serveFiles(files) {
  const dir = mkdtempSync(join(tmpdir(), 'rf-host-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return serve(dir, ['--no-csp']);
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page that records console errors, page errors and CSP violations. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, deviceScaleFactor: 2, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

/** Waits until `count` widgets on the page have drawn (or shown an error). */
export async function widgetsReady(page, count) {
  await page.waitForFunction((n) => {
    const els = [...document.querySelectorAll('reported-figures')];
    return els.length >= n && els.every((el) => el.shadowRoot && (el.shadowRoot.querySelector('canvas')?.width > 0 || el.shadowRoot.querySelector('.error')));
  }, count, { timeout: 15000 });
}

/** For each widget: the share of each bar's row (its focus target's box) painted in a non-background colour. */
export function barPaint(page, selector = 'reported-figures') {
  return page.evaluate((sel) => [...document.querySelectorAll(sel)].map((el) => {
    const canvas = el.shadowRoot.querySelector('canvas');
    const ctx = canvas.getContext('2d');
    const scale = canvas.width / canvas.getBoundingClientRect().width;
    const bg = ctx.getImageData(1, 1, 1, 1).data;
    return [...el.shadowRoot.querySelectorAll('.hit')].map((hit) => {
      const x = parseFloat(hit.style.left) * scale, y = parseFloat(hit.style.top) * scale;
      const w = parseFloat(hit.style.width) * scale, h = parseFloat(hit.style.height) * scale;
      const data = ctx.getImageData(x, y, w, h).data;
      let coloured = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        // A saturated pixel: bar colour, not text (grey) and not background.
        if (Math.max(r, g, b) - Math.min(r, g, b) > 60 && Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) > 60) coloured++;
      }
      return coloured;
    });
  }), selector);
}
