// The browser engines of the end-to-end tests, behind one small interface:
//
//   const engine = await launchEngine('firefox');
//   const { page, problems, close } = await engine.openPage(url, { width, height, ready, colorScheme });
//   ...
//   await engine.close();
//
//   chromium  Debian's Chromium through playwright-core (tests/support/browser.mjs): `page` is
//             Playwright's own Page.
//   firefox   Debian's Firefox ESR, headless, through geckodriver (~/.cargo/bin, make setup).
//   webkit    WebKitGTK's MiniBrowser through WebKitWebDriver, under Xvfb (xvfb-run -a).
//
// Firefox and WebKit are driven over classic W3C WebDriver (selenium-webdriver), the one
// protocol all three engines' own drivers speak. There `page` is a thin adapter implementing
// the part of Playwright's Page API the tests use, with Playwright's meanings: locators reach
// into open shadow roots, single-element actions wait for their element (30 s) and refuse a
// selector matching several. Every page is a fresh browser session (fresh storage, like a
// Playwright context), in UTC and en-GB, and one page at a time per engine (each driver
// holds one session). `problems` is filled, in Playwright's words, by tests/support/probe.js,
// which the test server puts first in the page (`__probe=1`), and is brought up to date after
// every command.
//
// ENGINES comes from SW_ENGINES (default: all three). The drivers are started here, on
// 127.0.0.1 with free ports, and stopped by close() (or when the process exits).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Capabilities, Key, WebDriver, error as wdError } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import http from 'selenium-webdriver/http/index.js';
import { launch, openPage as openChromium } from './browser.mjs';

export const ENGINES = (process.env.SW_ENGINES ?? 'chromium,firefox,webkit').split(',').map((e) => e.trim()).filter(Boolean);

const GECKODRIVER = process.env.GECKODRIVER ?? join(homedir(), '.cargo/bin/geckodriver');
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const TIMEOUT = 30_000; // Playwright's default for actions and waits

/** Starts `name` (chromium, firefox or webkit). */
export async function launchEngine(name) {
  switch (name) {
    case 'chromium': {
      const browser = await launch();
      return { name, browser, openPage: (url, options) => openChromium(browser, url, options), close: () => browser.close() };
    }
    case 'firefox': return launchFirefox();
    case 'webkit': return launchWebKit();
    default: throw new Error(`unknown engine ${name} (SW_ENGINES: chromium, firefox, webkit)`);
  }
}

/** Engines started on first use and closed together: `get(name)`, `closeAll()`. */
export function enginePool() {
  const started = new Map();
  return {
    get(name) {
      if (!started.has(name)) started.set(name, launchEngine(name));
      return started.get(name);
    },
    async closeAll() {
      for (const engine of started.values()) await (await engine.catch(() => null))?.close();
      started.clear();
    },
  };
}

/** Options for a test that needs Chromium (CDP, routes, several tabs, emulation): skipped,
 * with the reason in the report, when SW_ENGINES leaves Chromium out. */
export const CHROMIUM_ONLY = ENGINES.includes('chromium') ? {} : { skip: 'needs Chromium, which SW_ENGINES leaves out' };

const REPO = join(dirname(new URL(import.meta.url).pathname), '../..');

/** Where a test's screenshots go: artifacts/screenshots for Chromium (as before), and
 * artifacts/engines/ENGINE for the others, so the engines can be compared side by side. */
export function shots(engine) {
  return engine === 'chromium' ? join(REPO, 'artifacts/screenshots') : engineShots(engine);
}

/** artifacts/engines/ENGINE, Chromium's too: the standalone page's shots, side by side. */
export function engineShots(engine) {
  return join(REPO, 'artifacts/engines', engine);
}

/** A port on 127.0.0.1 that nothing listens on (for a server a test starts). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForDriver(url, child, what) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}) before it answered`);
    try {
      if ((await fetch(`${url}/status`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${what} did not answer at ${url} within 20 s`);
    await sleep(100);
  }
}

// Drivers still running when this process exits (a test file that crashed) go with it.
const running = new Set();
process.on('exit', () => {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** Starts a driver detached, in a process group of its own (it starts browsers, and
 * xvfb-run starts Xvfb), so that stopping it stops them all. */
function startGroup(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Stops a driver started by startGroup, with everything it started. */
async function stopGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  if (await Promise.race([exited.then(() => true), sleep(5000).then(() => false)])) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // gone meanwhile
  }
}

/** The en_GB.UTF-8 C locale, compiled once into a temporary folder (LOCPATH): the machine
 * has only C.UTF-8, and WebKitGTK takes its language from the C library's locale. */
function britishLocale() {
  const dir = join(tmpdir(), 'status-widget-locales');
  if (!existsSync(join(dir, 'en_GB.UTF-8', 'LC_CTYPE'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('localedef', ['-i', 'en_GB', '-f', 'UTF-8', join(dir, 'en_GB.UTF-8')], { stdio: 'ignore' });
  }
  return dir;
}

/** A GTK style sheet for MiniBrowser's own toolbar (never the page): with its buttons and
 * address field as small as they go, the window can be as narrow as a phone (it stops at
 * 447 px otherwise). Given to GTK as $XDG_CONFIG_HOME/gtk-3.0/gtk.css. */
function smallToolbar() {
  const dir = join(tmpdir(), 'status-widget-gtk');
  mkdirSync(join(dir, 'gtk-3.0'), { recursive: true });
  writeFileSync(join(dir, 'gtk-3.0', 'gtk.css'),
    'window * { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px; }\n');
  return dir;
}

/** A Firefox profile whose userChrome.css hides the toolbars (never the page) and lets the
 * window be as narrow as a phone (it stops at 500 px otherwise). geckodriver copies it for
 * each session. */
function narrowFirefoxProfile() {
  const dir = join(tmpdir(), 'status-widget-firefox-profile');
  mkdirSync(join(dir, 'chrome'), { recursive: true });
  writeFileSync(join(dir, 'chrome', 'userChrome.css'), [
    ':root, #main-window, #navigator-toolbox, toolbar, toolbarbutton, hbox, vbox, box { min-width: 0 !important; }',
    '#navigator-toolbox { visibility: collapse !important; }', ''].join('\n'));
  return dir;
}

// Firefox preferences: the reader's language, nothing from the network but the test servers.
const FIREFOX_PREFS = {
  'toolkit.legacyUserProfileCustomizations.stylesheets': true, // the profile's userChrome.css
  'intl.locale.requested': 'en-GB',
  'intl.accept_languages': 'en-GB',
  'intl.regional_prefs.use_os_locales': true,
  'app.update.disabledForTesting': true,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'browser.region.network.url': '',
  'browser.search.update': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
  'geo.provider.network.url': '',
  'media.gmp-manager.url': '',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.http.speculative-parallel-limit': 0,
  'network.trr.mode': 5,
  'services.settings.server': 'http://127.0.0.1:9/',
  'dom.push.connection.enabled': false,
};

async function launchFirefox() {
  if (!existsSync(GECKODRIVER)) throw new Error(`no geckodriver at ${GECKODRIVER}: run make setup`);
  const logs = join(REPO, 'artifacts/test-logs');
  await mkdir(logs, { recursive: true });
  const locales = britishLocale();
  const profile = narrowFirefoxProfile();
  const driver = async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // One log per test file (the last driver it started), in artifacts/test-logs.
    const log = openSync(join(logs, `geckodriver-${basename(process.argv[1] ?? 'node', '.mjs')}.log`), 'w');
    const child = startGroup(GECKODRIVER, [`--port=${port}`, '--host=127.0.0.1', '--allow-hosts', '127.0.0.1'], {
      stdio: ['ignore', log, log],
      env: { ...process.env, TZ: 'UTC', LOCPATH: locales, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB', MOZ_HEADLESS: '1' },
    });
    await waitForDriver(url, child, 'geckodriver');
    return { url, stop: () => stopGroup(child) };
  };
  const session = (url, { colorScheme }) => {
    const options = new firefox.Options().setBinary(FIREFOX).addArguments('-headless').setProfile(profile);
    for (const [pref, value] of Object.entries(FIREFOX_PREFS)) options.setPreference(pref, value);
    // 0 dark, 1 light: the page's prefers-color-scheme, as Playwright's colorScheme sets it.
    options.setPreference('layout.css.prefers-color-scheme.content-override', colorScheme === 'dark' ? 0 : 1);
    return firefox.Driver.createSession(options, new http.Executor(new http.HttpClient(url)));
  };
  return engineOver('firefox', driver, session);
}

async function launchWebKit() {
  if (!existsSync(MINIBROWSER)) throw new Error(`no MiniBrowser at ${MINIBROWSER}: run make setup`);
  const locales = britishLocale();
  const toolbar = smallToolbar();
  const driver = async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // Xvfb has no window manager: keyboard focus follows the pointer, which sits at the centre
    // of the screen. A 600×400 screen puts it inside every window (x 0, y 0, at least 320 px
    // wide), so the page has focus as a reader's does (:focus-visible, document.hasFocus()).
    // Windows may be larger than the screen (full-page screenshots grow the window).
    const child = startGroup('xvfb-run', ['-a', '-s', '-screen 0 600x400x24 -nolisten tcp',
      'WebKitWebDriver', `--port=${port}`, '--host=127.0.0.1'], {
      stdio: 'ignore',
      env: { ...process.env, TZ: 'UTC', LOCPATH: locales, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB', XDG_CONFIG_HOME: toolbar },
    });
    await waitForDriver(url, child, 'WebKitWebDriver');
    return { url, stop: () => stopGroup(child) };
  };
  const session = (url, { colorScheme }) => WebDriver.createSession(new http.Executor(new http.HttpClient(url)), new Capabilities({
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', ...(colorScheme === 'dark' ? ['--dark-mode'] : [])] },
  }));
  return engineOver('webkit', driver, session);
}

/**
 * An engine whose pages are WebDriver sessions: `startDriver()` starts the driver (resolving
 * to { url, stop }), `session(url, options)` asks it for a browser. A browser that has not
 * come up within 30 s (MiniBrowser now and then never connects to its driver) costs the
 * driver: it is stopped and a fresh one asked once more.
 */
async function engineOver(name, startDriver, session) {
  let driver = await startDriver();
  const open = new Set();
  const newSession = async (options) => {
    for (let attempt = 1; ; attempt++) {
      const started = session(driver.url, options);
      const ready = started.getSession().then(() => true);
      const late = sleep(30_000).then(() => false);
      if (await Promise.race([ready, late])) return started;
      ready.catch(() => {});
      if (attempt === 2) throw new Error(`${name}: no browser session within 30 s, twice`);
      console.error(`# ${name}: no browser session within 30 s; starting a fresh driver`);
      await driver.stop();
      driver = await startDriver();
    }
  };
  return {
    name,
    async openPage(url, { width = 900, height = 800, ready = '.sw-banner, .sw-error', colorScheme = 'light' } = {}) {
      // Both drivers hold one session at a time, so one page at a time: a page still open
      // here was left by a test that failed before its close().
      for (const stale of [...open]) await stale();
      const webdriver = await newSession({ colorScheme });
      await webdriver.manage().setTimeouts({ script: 120_000, pageLoad: 30_000 });
      const problems = [];
      const page = new SeleniumPage(name, webdriver, problems);
      const close = async () => {
        open.delete(close);
        await page.sync();
        await webdriver.quit().catch(() => {});
      };
      open.add(close);
      try {
        await page.setViewportSize({ width, height });
        await page.goto(url);
        // A reader's page has the keyboard focus; without it keys and :focus-visible mislead.
        if (!(await page.evaluate(() => document.hasFocus()))) throw new Error(`${name}: the page does not have the keyboard focus`);
        if (ready) await page.locator(ready).first().waitFor({ timeout: 15000 });
      } catch (e) {
        await close();
        throw e;
      }
      return { page, problems, close };
    },
    async close() {
      for (const close of [...open]) await close();
      await driver.stop();
    },
  };
}

/** `url` with `__probe=1` added to its query, however it is written. */
function withProbe(url) {
  if (!/^https?:/.test(url)) return url; // about:blank and the like: nothing is served
  const hash = url.indexOf('#');
  const [head, tail] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  return `${head}${head.includes('?') ? '&' : '?'}__probe=1${tail}`;
}

// ---- In the page: the elements a chain of locator steps points at ----------------------

/**
 * Runs in the browser. `steps` are {css} (every match inside the current elements, open
 * shadow roots included, as Playwright's CSS engine matches: a descendant combinator crosses
 * into shadow roots) and {nth} (one of the current matches; -1 is the last). Returns the
 * elements in document order, each shadow root's content right after its host.
 */
function findElements(steps) {
  const split = (text, separator) => {
    const parts = [];
    let depth = 0;
    let quote = null;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') depth--;
      else if (depth === 0 && separator(text, i)) {
        parts.push(text.slice(start, i));
        start = i + 1;
      }
    }
    parts.push(text.slice(start));
    return parts;
  };
  // "a b > c" → [{compound: 'a'}, {combinator: ' ', compound: 'b'}, {combinator: '>', compound: 'c'}]
  const compile = (selector) => {
    const spaced = selector.trim().replace(/\s*>\s*/g, ' > ');
    const words = split(spaced, (t, i) => /\s/.test(t[i])).filter(Boolean);
    const parts = [];
    let combinator = ' ';
    for (const word of words) {
      if (word === '>') combinator = '>';
      else {
        parts.push({ combinator, compound: word });
        combinator = ' ';
      }
    }
    return parts;
  };
  const parent = (el) => el.parentElement ?? (el.parentNode instanceof ShadowRoot ? el.parentNode.host : null);
  const matchesFrom = (el, parts, index) => {
    if (!el.matches(parts[index].compound)) return false;
    if (index === 0) return true;
    if (parts[index].combinator === '>') {
      const up = parent(el);
      return up !== null && matchesFrom(up, parts, index - 1);
    }
    for (let up = parent(el); up; up = parent(up)) if (matchesFrom(up, parts, index - 1)) return true;
    return false;
  };
  const inside = (root, out) => {
    for (let child = root.firstElementChild; child; child = child.nextElementSibling) {
      out.push(child);
      if (child.shadowRoot) inside(child.shadowRoot, out);
      inside(child, out);
    }
    return out;
  };
  let current = [document];
  for (const step of steps) {
    if ('nth' in step) {
      const one = current.at(step.nth);
      current = one ? [one] : [];
      continue;
    }
    const alternatives = split(step.css, (t, i) => t[i] === ',').map(compile);
    const found = new Set();
    for (const scope of current) {
      const all = scope === document ? inside(document, [])
        : inside(scope, scope.shadowRoot ? inside(scope.shadowRoot, []) : []);
      for (const el of all) if (alternatives.some((parts) => matchesFrom(el, parts, parts.length - 1))) found.add(el);
    }
    current = [...found];
  }
  return current;
}

/** Runs in the browser: Playwright's idea of visible (a non-empty box, not visibility:hidden). */
function isVisibleElement(el) {
  if (!el || !el.isConnected) return false;
  const style = getComputedStyle(el);
  if (style.visibility !== 'visible') return false;
  if (style.display === 'contents') {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1 && isVisibleElement(child)) return true;
      if (child.nodeType === 3 && child.textContent.trim()) return true;
    }
    return false;
  }
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}

const IN_PAGE = `const findElements = ${findElements}; const isVisibleElement = ${isVisibleElement};`;

/** Script text that calls `fn` (a function or its source) with the script's arguments, and
 * hands back what it returns (WebDriver awaits a returned promise). */
const call = (fn, args) => `${IN_PAGE} return (${fn}).apply(null, ${args});`;

// ---- The adapter -------------------------------------------------------------------------

const KEYS = {
  Tab: Key.TAB, Enter: Key.RETURN, Space: ' ', Escape: Key.ESCAPE, Backspace: Key.BACK_SPACE,
  ArrowUp: Key.ARROW_UP, ArrowDown: Key.ARROW_DOWN, ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT,
  Home: Key.HOME, End: Key.END, Shift: Key.SHIFT, Control: Key.CONTROL, Alt: Key.ALT, Meta: Key.META,
};

class TimeoutError extends Error {}

class SeleniumPage {
  constructor(engine, driver, problems) {
    this.engine = engine;
    this.driver = driver;
    this.problems = problems;
    this.keyboard = {
      press: async (combo) => {
        const keys = combo.split('+').map((k) => KEYS[k] ?? (k.length === 1 ? k : null));
        if (keys.includes(null)) throw new Error(`keyboard.press: no WebDriver key for ${combo}`);
        let actions = driver.actions();
        for (const k of keys) actions = actions.keyDown(k);
        for (const k of [...keys].reverse()) actions = actions.keyUp(k);
        await actions.perform();
        await this.sync();
      },
    };
  }

  /** Brings `problems` up to date with what the probe recorded since the last call. */
  async sync() {
    try {
      const fresh = await this.driver.executeScript('return Array.isArray(window.__swProblems) ? window.__swProblems.splice(0) : [];');
      this.problems.push(...fresh);
    } catch {
      // between pages, or the session is gone: nothing to read
    }
  }

  async goto(url) {
    await this.sync();
    await this.driver.get(withProbe(url));
    if (/^https?:/.test(url) && !(await this.driver.executeScript('return Array.isArray(window.__swProblems);'))) {
      throw new Error(`${url}: the problem probe is not in the page (is it served by tests/support/server.mjs?)`);
    }
  }

  async reload() {
    await this.sync();
    await this.driver.navigate().refresh();
  }

  title() {
    return this.driver.getTitle();
  }

  async waitForTimeout(ms) {
    await sleep(ms);
    await this.sync();
  }

  async evaluate(fn, arg) {
    const result = typeof fn === 'function'
      ? await this.driver.executeScript(call(fn, '[arguments[0]]'), arg ?? null)
      : await this.driver.executeScript(`return (${fn});`);
    await this.sync();
    return result;
  }

  /** Polls `fn(arg)` in the page every `polling` ms (default 16) until it is truthy. */
  async waitForFunction(fn, arg, { timeout = TIMEOUT, polling = 16 } = {}) {
    const script = `${IN_PAGE}
      const [arg, timeout, polling, done] = arguments;
      const fn = (${fn});
      const deadline = Date.now() + timeout;
      const attempt = async () => {
        let value;
        try { value = await fn(arg); } catch (e) { return done({ error: String(e && e.stack || e) }); }
        if (value) return done({ value: value === true || typeof value !== 'object' ? value : true });
        if (Date.now() > deadline) return done({ timeout: true });
        setTimeout(attempt, typeof polling === 'number' ? polling : 16);
      };
      attempt();`;
    const result = await this.driver.executeAsyncScript(script, arg ?? null, timeout, polling);
    await this.sync();
    if (result.error) throw new Error(`waitForFunction: ${result.error}`);
    if (result.timeout) throw new TimeoutError(`waitForFunction: ${timeout} ms exceeded waiting for ${String(fn).slice(0, 200)}`);
    return result.value;
  }

  locator(css) {
    return new SeleniumLocator(this, [{ css }]);
  }

  /** The viewport (innerWidth × innerHeight) set to this size: the window is resized until
   * its inner size is right, whatever the browser's chrome takes. */
  async setViewportSize({ width, height }) {
    const win = this.driver.manage().window();
    // A window manager may resize a moment after it answers: read until the size holds.
    const inner = async () => {
      let last = null;
      for (let i = 0; i < 40; i++) {
        const [w, h] = await this.driver.executeScript('return [innerWidth, innerHeight];');
        if ((w === width && h === height) || (last && last[0] === w && last[1] === h && i > 4)) return [w, h];
        last = [w, h];
        await sleep(25);
      }
      return last;
    };
    let outer = { width, height };
    for (let i = 0; i < 4; i++) {
      await win.setRect(outer);
      const [w, h] = await inner();
      if (w === width && h === height) return;
      const rect = await win.getRect();
      outer = { width: rect.width + width - w, height: rect.height + height - h };
    }
    const [w, h] = await inner();
    if (w !== width || h !== height) throw new Error(`${this.engine}: viewport ${w}×${h}, wanted ${width}×${height}`);
  }

  async viewportSize() {
    const [width, height] = await this.driver.executeScript('return [innerWidth, innerHeight];');
    return { width, height };
  }

  /** PNG of the viewport, or with `fullPage` of the whole page (Firefox's own command; for
   * WebKit the viewport is made as tall as the page for the shot), once running transitions
   * have finished. `clip` is not supported: the viewport is taken instead. */
  async screenshot({ path, fullPage = false } = {}) {
    // Transitions under way (a chevron turning) finish first, so the shot shows the state.
    // (document.getAnimations() leaves out shadow trees: each open shadow root is asked too.)
    await this.driver.executeScript(`const roots = [document];
      for (let i = 0; i < roots.length; i++) {
        for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
      }
      const running = roots.flatMap((root) => root.getAnimations());
      return Promise.race([Promise.all(running.map((a) => a.finished)), new Promise((r) => setTimeout(r, 1000))])
        .then(() => null, () => null);`);
    let png;
    if (fullPage && this.engine === 'firefox') {
      png = await this.driver.takeFullPageScreenshot();
    } else if (fullPage) {
      const size = await this.viewportSize();
      const tall = await this.driver.executeScript('return Math.ceil(document.documentElement.scrollHeight);');
      if (tall > size.height) await this.setViewportSize({ width: size.width, height: Math.min(tall, 8000) });
      png = await this.driver.takeScreenshot();
      if (tall > size.height) await this.setViewportSize(size);
    } else {
      png = await this.driver.takeScreenshot();
    }
    const bytes = Buffer.from(png, 'base64');
    if (path) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
    }
    await this.sync();
    return bytes;
  }

  on(event) {
    throw new Error(`page.on('${event}') is Playwright's; the ${this.engine} adapter reports problems through openPage's problems`);
  }
}

class SeleniumLocator {
  constructor(page, steps) {
    this.page = page;
    this.steps = steps;
  }

  get driver() {
    return this.page.driver;
  }

  first() { return new SeleniumLocator(this.page, [...this.steps, { nth: 0 }]); }
  last() { return new SeleniumLocator(this.page, [...this.steps, { nth: -1 }]); }
  nth(i) { return new SeleniumLocator(this.page, [...this.steps, { nth: i }]); }
  locator(css) { return new SeleniumLocator(this.page, [...this.steps, { css }]); }

  toString() {
    return this.steps.map((s) => ('css' in s ? s.css : `nth=${s.nth}`)).join(' >> ');
  }

  /** Runs `fn(elements, arg)` in the page. */
  async #all(fn, arg) {
    return this.driver.executeScript(call(`(steps, arg) => (${fn})(findElements(steps), arg)`, '[arguments[0], arguments[1]]'), this.steps, arg ?? null);
  }

  /** Waits for exactly one element (and for it to be visible, with `visible`); Playwright's
   * strictness: a selector matching several is an error, not a guess. */
  async #one({ visible = false, timeout = TIMEOUT } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const [count, element, shown] = await this.#all((els) => [els.length, els[0] ?? null, els.length === 1 && isVisibleElement(els[0])]);
      if (count > 1) throw new Error(`strict mode violation: ${this} resolved to ${count} elements`);
      if (count === 1 && (!visible || shown)) return element;
      if (Date.now() > deadline) {
        throw new TimeoutError(`${timeout} ms exceeded waiting for ${this}${visible ? ' to be visible' : ''} (${count ? 'hidden' : 'no element'})`);
      }
      await sleep(25);
    }
  }

  async #done(value) {
    await this.page.sync();
    return value;
  }

  async count() { return this.#done(await this.#all((els) => els.length)); }

  async allTextContents() { return this.#done(await this.#all((els) => els.map((e) => e.textContent))); }

  async textContent({ timeout } = {}) {
    const el = await this.#one({ timeout });
    return this.#done(await this.driver.executeScript('return arguments[0].textContent;', el));
  }

  async getAttribute(name, { timeout } = {}) {
    const el = await this.#one({ timeout });
    return this.#done(await this.driver.executeScript('return arguments[0].getAttribute(arguments[1]);', el, name));
  }

  async isVisible() {
    const [count, shown] = await this.#all((els) => [els.length, els.length > 0 && isVisibleElement(els[0])]);
    if (count > 1) throw new Error(`strict mode violation: ${this} resolved to ${count} elements`);
    return this.#done(shown);
  }

  async waitFor({ state = 'visible', timeout = TIMEOUT } = {}) {
    if (state === 'visible' || state === 'attached') return this.#done(void (await this.#one({ visible: state === 'visible', timeout })));
    const deadline = Date.now() + timeout;
    for (;;) {
      const [count, shown] = await this.#all((els) => [els.length, els.some(isVisibleElement)]);
      if (state === 'detached' ? count === 0 : !shown) return this.#done(undefined);
      if (Date.now() > deadline) throw new TimeoutError(`${timeout} ms exceeded waiting for ${this} to be ${state}`);
      await sleep(25);
    }
  }

  async evaluate(fn, arg) {
    const el = await this.#one();
    return this.#done(await this.driver.executeScript(call(fn, '[arguments[0], arguments[1]]'), el, arg ?? null));
  }

  async evaluateAll(fn, arg) {
    return this.#done(await this.#all(fn, arg));
  }

  async boundingBox() {
    const el = await this.#one();
    const box = await this.driver.executeScript('const r = arguments[0].getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height };', el);
    return this.#done(box);
  }

  async focus() {
    const el = await this.#one();
    await this.driver.executeScript('arguments[0].focus();', el);
    return this.#done(undefined);
  }

  /** WebDriver's element click (scrolled into view, at the centre, refused if covered),
   * retried as Playwright retries until the element takes it. */
  async click({ timeout = TIMEOUT } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const el = await this.#one({ visible: true, timeout: Math.max(0, deadline - Date.now()) });
      try {
        await el.click();
        return this.#done(undefined);
      } catch (e) {
        const retry = e instanceof wdError.ElementClickInterceptedError || e instanceof wdError.ElementNotInteractableError
          || e instanceof wdError.StaleElementReferenceError;
        if (!retry || Date.now() > deadline) throw e;
        await sleep(50);
      }
    }
  }

  async hover() {
    const el = await this.#one({ visible: true });
    const [x, y] = await this.driver.executeScript(`arguments[0].scrollIntoView({ block: 'center', inline: 'center' });
      const r = arguments[0].getClientRects()[0] ?? arguments[0].getBoundingClientRect();
      return [Math.floor(r.x + r.width / 2), Math.floor(r.y + r.height / 2)];`, el);
    await this.driver.actions().move({ x, y, origin: 'viewport' }).perform();
    return this.#done(undefined);
  }

  async screenshot({ path } = {}) {
    const el = await this.#one({ visible: true });
    const bytes = Buffer.from(await el.takeScreenshot(true), 'base64');
    if (path) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
    }
    return this.#done(bytes);
  }
}
