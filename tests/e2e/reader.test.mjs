// End to end, for every reader: axe-core on every state and theme, a keyboard walk-through,
// the widget's words in Spanish, German and French, placements at phone and desktop widths,
// and a dismissal that survives a reload until the incident has news. axe and the keyboard
// run in Chromium, Firefox and WebKit (the tests named [engine], tests/support/engines.mjs);
// the others need Chromium (emulated forced colours and motion, several pages of one context).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startHostServer, repo } from '../support/server.mjs';
import { ENGINES, CHROMIUM_ONLY, enginePool } from '../support/engines.mjs';

const SHOTS = join(repo, 'artifacts/screenshots');
const AXE = join(repo, 'node_modules/axe-core/axe.min.js');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const engines = enginePool();
let server, browser, base, hostPage, write;

/** Opens `url` in `engine` (Chromium unless named), as tests/support/browser.mjs's openPage. */
const openPage = async (url, options = {}, engine = 'chromium') => (await engines.get(engine)).openPage(url, options);

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  ({ server, base, hostPage, write } = await startHostServer('reader'));
  // axe is served by the test server, so the page can load it as its own script.
  await write('axe.min.js', await readFile(AXE));
  if (ENGINES.includes('chromium')) ({ browser } = await engines.get('chromium'));
});

after(async () => {
  await engines.closeAll();
  server?.close();
});

/** axe-core's WCAG 2.1 A/AA violations on the page (it reaches into open shadow roots). axe
 * comes from the page's own origin (/hosts/axe.min.js), which the strict policy allows, so
 * no engine has to bypass the CSP for it. */
async function violations(page) {
  await page.evaluate(() => new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src: '/hosts/axe.min.js' });
    script.onload = resolve;
    script.onerror = () => reject(new Error('axe did not load'));
    document.head.append(script);
  }));
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } })
    .then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' > ')).join(', ')}`)), WCAG);
  return result;
}

/** The standalone page for axe, in `engine`. Its `problems` are the uncaught errors. */
async function openForAxe(engine, query, { colorScheme = 'light', width = 1000 } = {}) {
  const { page, problems, close } = await openPage(`${base}/${query}`, { colorScheme, width, height: 900 }, engine);
  return { page, problems: { uncaught: () => problems.filter((p) => p.startsWith('uncaught: ') || p.startsWith('unhandled rejection: ')) }, close };
}

for (const engine of ENGINES) {
  test(`[${engine}] axe finds no WCAG 2.1 A/AA violation in any state or theme`, async () => {
    const states = [
      ['banner collapsed', '?mode=banner&theme=light&dismissible'],
      ['banner expanded', '?mode=banner&theme=light&expanded&dismissible'],
      ['page mode', '?theme=light'],
      ['page mode with history open', '?theme=light&now=2020-02-06T12:00:00Z', '.sw-past__toggle'],
      ['dark theme, expanded', '?mode=banner&theme=dark&expanded'],
      ['dark page mode', '?theme=dark'],
      ['auto theme on a dark screen', '?mode=banner&theme=auto&expanded', null, 'dark'],
      ['maintenance announced', '?theme=light&now=2020-02-04T12:00:00Z'],
      ['error state', '?mode=banner&theme=light&src=/feeds/no-such-feed.json'],
      ['Spanish, dark', '?theme=dark&locale=es'],
      ['Portuguese, dark', '?theme=dark&locale=pt-BR'],
      ['Arabic, right to left, history open', '?theme=light&locale=ar&now=2020-02-06T12:00:00Z', '.sw-past__toggle'],
      ['Arabic, the maintenance behind the incident open', '?theme=light&locale=ar', '.sw-near__summary'],
      ['a phone, expanded', '?mode=banner&theme=light&expanded', null, 'light', 375],
    ];
    const found = [];
    for (const [name, query, click, colorScheme = 'light', width = 1000] of states) {
      const { page, problems, close } = await openForAxe(engine, query, { colorScheme, width });
      // The state is the one named: the engine really reports that colour scheme and width.
      assert.deepEqual(await page.evaluate(() => [matchMedia('(prefers-color-scheme: dark)').matches, innerWidth]),
        [colorScheme === 'dark', width], `${name}: ${colorScheme} at ${width} px`);
      if (click) await page.locator(click).first().click();
      for (const v of await violations(page)) found.push(`${name}: ${v}`);
      assert.deepEqual(problems.uncaught(), [], name);
      await close();
    }
    assert.deepEqual(found, []);
  });

  test(`[${engine}] the keyboard reaches every control in order; Escape closes and returns focus`, async () => {
    const { page, problems, close } = await openPage(`${base}/?mode=banner&dismissible&locale=en-GB`, {}, engine);
    const focused = () => page.evaluate(() => {
      const inner = document.querySelector('status-widget')?.shadowRoot?.activeElement;
      return inner ? `${inner.tagName.toLowerCase()}.${inner.className.split(' ')[0]}` : document.activeElement?.tagName.toLowerCase();
    });
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'button.sw-banner', 'the banner comes first');
    const ring = await page.evaluate(() => {
      const b = document.querySelector('status-widget').shadowRoot.querySelector('.sw-banner');
      const s = getComputedStyle(b);
      return `${s.outlineStyle} ${s.outlineWidth}`;
    });
    assert.match(ring, /^solid [1-9]/, 'a visible focus ring');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'button.sw-dismiss', 'then the dismiss button');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.sw-banner').getAttribute('aria-expanded'), 'true');
    const controls = await page.locator('.sw-banner').getAttribute('aria-controls');
    assert.equal(await page.locator(`#${controls}`).isVisible(), true, 'aria-controls names the open panel');
    // Through the open panel: the incident's link, then the replay buttons.
    const order = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    // The maintenance behind the incident, the incident's link, the history's maintenance,
    // the link to the page's history, the page link, the replay buttons.
    assert.deepEqual(order, ['button.sw-dismiss', 'summary.sw-near__summary', 'a.sw-incident__link', 'button.sw-past__toggle', 'a.', 'a.',
      'button.sw-replay__button', 'button.sw-replay__button']);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.sw-banner').getAttribute('aria-expanded'), 'false');
    assert.equal(await focused(), 'button.sw-banner', 'focus is back on the banner');
    await page.keyboard.press('Space');
    assert.equal(await page.locator('.sw-banner').getAttribute('aria-expanded'), 'true', 'Space toggles too');
    // Status changes are told politely, once, never as alerts.
    assert.equal(await page.locator('[role="alert"]').count(), 0);
    assert.equal(await page.locator('.sw-announcer').getAttribute('aria-live'), 'polite');
    assert.deepEqual(problems, []);
    await close();
  });
}

test('forced colours keep borders and the focus ring; reduced motion stops the chevron\'s turn', CHROMIUM_ONLY, async () => {
  const context = await browser.newContext({ forcedColors: 'active', reducedMotion: 'reduce', timezoneId: 'UTC' });
  const page = await context.newPage();
  await page.goto(`${base}/?mode=banner`);
  await page.locator('.sw-banner').waitFor();
  await page.keyboard.press('Tab');
  const look = await page.evaluate(() => {
    const root = document.querySelector('status-widget').shadowRoot;
    const banner = getComputedStyle(root.querySelector('.sw-banner'));
    const badge = getComputedStyle(root.querySelector('.sw-badge'));
    const chevron = getComputedStyle(root.querySelector('.sw-banner__chevron'));
    return { outline: `${banner.outlineStyle} ${banner.outlineWidth}`, border: banner.borderTopStyle, badge: badge.borderTopStyle, motion: chevron.transitionDuration };
  });
  assert.deepEqual(look, { outline: 'solid 3px', border: 'solid', badge: 'solid', motion: '0s' });
  await page.screenshot({ path: join(SHOTS, 'forced-colors.png') });
  await context.close();
});

// Words the widget says in English that must not appear in another language's UI.
const ENGLISH = ['Investigating', 'Identified', 'Monitoring', 'Resolved', 'Operational', 'Degraded performance',
  'All systems operational', 'Minor service disruption', 'Minor impact', 'Started', 'Ongoing', 'Components',
  'Past incidents', 'No incidents reported', 'Affected', 'Root cause', 'Scheduled', 'Replaying', 'Previous update',
  'Next update', 'Show live', ' ago', 'All Systems Operational', 'Began ', 'same components', 'status page', 'Cancelled'];
// Elements whose text is the widget's own (feed text, such as names and bodies, stays as written).
const OWN = ['.sw-banner__overall', '.sw-badge', '.sw-banner__fact', '.sw-panel__section', '.sw-incident__facts',
  '.sw-update__ago', '.sw-tree__title', '.sw-tree__status', '.sw-history__title', '.sw-day__date', '.sw-day__none',
  '.sw-replay', '.sw-freshness', '.sw-rootcause__title', '.sw-rootcause__published', '.sw-upcoming__title',
  '.sw-near__summary', '.sw-near__note', '.sw-past__facts', '.sw-history__elsewhere'];

for (const [locale, expect, title] of [['es', 'Interrupción menor del servicio', 'Estado de Datto'], ['de', 'Geringfügige Störung', 'Status von Datto'],
  ['fr', 'Perturbation mineure du service', 'État de Datto'], ['pt-BR', 'Pequena interrupção do serviço', 'Status de Datto'],
  ['ar', 'اضطراب طفيف في الخدمة', 'حالة Datto']]) {
  test(`in ${locale}, the widget's own words are all translated`, CHROMIUM_ONLY, async () => {
    for (const now of ['2020-02-05T10:40:00Z', '2020-02-04T12:00:00Z', '2020-03-11T12:00:00Z']) {
      const { page, problems, close } = await openPage(`${base}/?locale=${locale}&now=${now}`);
      if (now.startsWith('2020-02-05')) assert.equal(await page.locator('.sw-banner__overall').textContent(), expect);
      const own = await page.locator('status-widget').evaluate((el, selectors) =>
        selectors.flatMap((s) => [...el.shadowRoot.querySelectorAll(s)].map((e) => e.textContent)).join(' | '), OWN);
      assert.ok(own.length > 200, 'there is text to check');
      for (const word of ENGLISH) assert.ok(!own.includes(word), `"${word}" in ${locale} at ${now}: ${own}`);
      assert.equal(await page.locator('.sw').getAttribute('lang'), locale);
      assert.equal(await page.locator('.sw').getAttribute('dir'), locale === 'ar' ? 'rtl' : 'ltr');
      // The standalone page's heading and title are in the reader's language too.
      await page.waitForFunction((t) => document.title === t, title).catch(() => {});
      assert.deepEqual(await page.evaluate(() => [document.title, document.querySelector('.page__title').textContent, document.documentElement.dir]),
        [title, title, locale === 'ar' ? 'rtl' : 'ltr']);
      await page.screenshot({ path: join(SHOTS, `locale-${locale}-${now.slice(0, 10)}.png`), fullPage: true });
      assert.deepEqual(problems, []);
      await close();
    }
  });
}

test('without a locale the host page\'s lang decides; Intl writes dates and relative times', CHROMIUM_ONLY, async () => {
  const url = await hostPage('lang-de.html', '<status-widget expanded time-zone="Europe/Berlin"></status-widget>', { lang: 'de-AT' });
  const { page, problems, close } = await openPage(url);
  assert.equal(await page.locator('.sw-banner__overall').textContent(), 'Geringfügige Störung');
  // The open incident's own latest update (the maintenance behind it has its own, folded).
  assert.equal(await page.locator('.sw-panel > .sw-incident > .sw-timeline .sw-update__ago').first().textContent(), 'vor 8 Minuten');
  assert.match(await page.locator('.sw-panel > .sw-incident > .sw-timeline .sw-update__time').first().textContent(), /^5\. Feb\. 2020, 11:32/);
  assert.match(await page.locator('.sw-incident__facts').first().textContent(), /Dauer bisher: 2 Std\. 19 Min\./);
  assert.deepEqual(problems, []);
  await close();
});

test('placements: inline, a bar that pushes content down, and a popup in each corner, at 375 and 1280 px', CHROMIUM_ONLY, async () => {
  for (const width of [375, 1280]) {
    const inline = await hostPage('inline.html', '<p id="before">Host text</p><status-widget></status-widget><button id="after">Host button</button>');
    const one = await openPage(inline, { width, height: 700 });
    const overflow = await one.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `inline at ${width}: nothing overflows`);
    await one.close();

    const bar = await hostPage('bar.html', '<status-widget mode="bar"></status-widget><h1 id="content">Host heading</h1><div style="height:3000px"></div>');
    const two = await openPage(bar, { width, height: 700 });
    const [barBottom, contentTop] = await two.page.evaluate(() => [
      document.querySelector('status-widget').getBoundingClientRect().bottom,
      document.getElementById('content').getBoundingClientRect().top]);
    assert.ok(contentTop >= barBottom, `bar at ${width}: the host's content starts below it`);
    await two.page.screenshot({ path: join(SHOTS, `placement-bar-${width}.png`) });
    await two.close();

    for (const corner of ['bottom-right', 'bottom-left', 'top-right', 'top-left']) {
      // The host has controls in the opposite corner; the popup must not cover them.
      const [vertical, horizontal] = corner.split('-');
      const opposite = `${vertical === 'top' ? 'bottom' : 'top'}:8px;${horizontal === 'left' ? 'right' : 'left'}:8px`;
      const url = await hostPage(`corner-${corner}.html`,
        `<status-widget mode="corner" corner="${corner}"></status-widget><button id="host" style="position:fixed;${opposite}">Host menu</button>`);
      const { page, problems, close } = await openPage(url, { width, height: 700 });
      const box = await page.locator('status-widget').boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= width, `${corner} at ${width}: inside the screen`);
      assert.ok(vertical === 'top' ? box.y < 20 : box.y + box.height > 680, `${corner} at ${width}: at the ${vertical}`);
      if (width > 480) assert.ok(horizontal === 'left' ? box.x < 20 : box.x + box.width > width - 20, `${corner}: at the ${horizontal}`);
      const reachable = await page.evaluate(() => {
        const b = document.getElementById('host').getBoundingClientRect();
        return document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2)?.id;
      });
      assert.equal(reachable, 'host', `${corner} at ${width}: the host's control stays reachable`);
      await page.screenshot({ path: join(SHOTS, `placement-${corner}-${width}.png`) });
      assert.deepEqual(problems, []);
      await close();
    }
  }
});

test('a dismissal is remembered across reloads, and a new update brings the banner back', CHROMIUM_ONLY, async () => {
  const url = await hostPage('dismiss.html', '<status-widget id="w" dismissible now="2020-02-05T08:30:00Z"></status-widget>');
  const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.sw-banner').waitFor();
  await page.locator('.sw-dismiss').click();
  assert.equal(await page.locator('.sw-banner').count(), 0, 'hidden');
  await page.reload();
  await page.waitForFunction(() => document.getElementById('w').shadowRoot);
  await page.waitForTimeout(500);
  assert.equal(await page.locator('.sw-banner').count(), 0, 'still hidden after a reload');
  // An hour later the incident has a new update: the banner comes back.
  await page.evaluate(() => document.getElementById('w').setAttribute('now', '2020-02-05T09:40:00Z'));
  await page.locator('.sw-banner').waitFor();
  assert.match(await page.locator('.sw-banner .sw-badge').textContent(), /Identified/);
  // Storage that throws (a sandboxed frame, a privacy mode) costs only the memory.
  const blocked = await context.newPage();
  await blocked.addInitScript(() => Object.defineProperty(window, 'localStorage', { get() { throw new Error('denied'); } }));
  const errors = [];
  blocked.on('pageerror', (e) => errors.push(e.message));
  await blocked.goto(url.replace('dismiss.html', 'dismiss.html?blocked'));
  await blocked.locator('.sw-banner').waitFor();
  await blocked.locator('.sw-dismiss').click();
  assert.equal(await blocked.locator('.sw-banner').count(), 0, 'dismissed for this visit');
  assert.deepEqual(errors, []);
  await context.close();
});
