// Page tests in two browser engines through one small page API: Chromium through playwright-core
// (Debian's /usr/bin/chromium), Firefox ESR through selenium-webdriver over WebDriver BiDi with
// geckodriver (both installed by .ci/setup; no browser is ever downloaded). Tests written against this
// API use: goto, evaluate, waitForFunction, keyboard.press, problems (console errors, page errors),
// close. Anything else (downloads, pointer moves, viewport changes) is Chromium-only.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Builder, Browser, Key } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import getScriptManager from 'selenium-webdriver/bidi/scriptManager.js';
import getLogInspector from 'selenium-webdriver/bidi/logInspector.js';
import { launch, newPage } from './helpers.mjs';

/** The engines the page tests run in (`PAGE_ENGINES=chromium` runs one). */
export const ENGINES = (process.env.PAGE_ENGINES || 'chromium,firefox').split(',').filter(Boolean);

/** What every page records before any of its scripts runs: the CSP violations it meets. */
function recordViolations() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
}

const KEYS = { Tab: Key.TAB, Enter: Key.ENTER, Escape: Key.ESCAPE, Home: Key.HOME, End: Key.END,
  ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP, ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT };

/** A Firefox page: one WebDriver session with its own window and preferences. */
class FirefoxPage {
  constructor(driver) {
    this.driver = driver;
    this.problems = [];
    this.keyboard = {
      press: async (key) => {
        const k = KEYS[key] ?? key;
        await this.driver.actions().keyDown(k).keyUp(k).perform();
      },
    };
  }

  static async open(options = {}) {
    const { colorScheme = 'light', viewport = { width: 1000, height: 900 }, deviceScaleFactor = 2 } = options;
    const opts = new firefox.Options()
      .setBinary(process.env.FIREFOX || '/usr/bin/firefox-esr')
      .addArguments('-headless', `--width=${viewport.width}`, `--height=${viewport.height}`)
      .setPreference('layout.css.devPixelsPerPx', String(deviceScaleFactor))
      // 0: dark, 1: light (what prefers-color-scheme reports to pages).
      .setPreference('layout.css.prefers-color-scheme.content-override', colorScheme === 'dark' ? 0 : 1)
      .enableBidi();
    const service = new firefox.ServiceBuilder(process.env.GECKODRIVER || join(homedir(), '.cargo/bin/geckodriver'));
    const driver = await new Builder().forBrowser(Browser.FIREFOX).setFirefoxOptions(opts).setFirefoxService(service).build();
    const page = new FirefoxPage(driver);
    const scripts = await getScriptManager([], driver);
    await scripts.addPreloadScript(recordViolations.toString());
    const log = await getLogInspector(driver);
    await log.onConsoleEntry((e) => { if (e.level === 'error') page.problems.push(`console: ${e.text}`); });
    await log.onJavascriptException((e) => page.problems.push(`pageerror: ${e.text}`));
    return page;
  }

  async goto(url) {
    await this.driver.get(url);
  }

  /** Runs `fn(arg)` in the page; a returned promise is awaited. */
  evaluate(fn, arg) {
    return this.driver.executeScript(`return (${fn.toString()})(arguments[0]);`, arg ?? null);
  }

  /** Polls `fn(arg)` in the page until it is truthy. */
  async waitForFunction(fn, arg, { timeout = 15000 } = {}) {
    const end = Date.now() + timeout;
    for (;;) {
      const v = await this.evaluate(fn, arg);
      if (v) return v;
      if (Date.now() > end) throw new Error(`waitForFunction timed out after ${timeout} ms: ${fn.toString().slice(0, 120)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  close() {
    return this.driver.quit();
  }
}

/** Starts an engine: `{ name, newPage(options), close() }`; options: colorScheme, viewport, deviceScaleFactor. */
export async function launchEngine(name) {
  if (name === 'chromium') {
    const browser = await launch();
    return {
      name,
      async newPage(options) {
        const page = await newPage(browser, options);
        page.close = () => page.context().close();
        return page;
      },
      close: () => browser.close(),
    };
  }
  if (name === 'firefox') {
    // Each page is a WebDriver session of its own; those a failed test left open are closed here.
    const open = new Set();
    return {
      name,
      async newPage(options) {
        const page = await FirefoxPage.open(options);
        const quit = page.close.bind(page);
        page.close = () => { open.delete(page); return quit(); };
        open.add(page);
        return page;
      },
      close: async () => { await Promise.all([...open].map((p) => p.close().catch(() => {}))); },
    };
  }
  throw new Error(`unknown engine ${name}`);
}
