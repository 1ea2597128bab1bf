// End to end, the whole story and nothing the feed did not say (issue 17): the reference
// replay shows the DKIM maintenance in the history and beside the incident; documents that
// list no past incidents claim no quiet days; Arabic mirrors the layout and the host's `dir`
// is honoured like its `lang`. In Chromium, Firefox and WebKit, with screenshots of each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startHostServer } from '../support/server.mjs';
import { ENGINES, enginePool, shots } from '../support/engines.mjs';

const engines = enginePool();
let server, base, hostPage, write;
const openPage = async (url, options, engine) => (await engines.get(engine)).openPage(url, options);
const inShadow = (page, fn, arg) => page.evaluate(fn, arg);

before(async () => {
  ({ server, base, hostPage, write } = await startHostServer('story'));
  for (const engine of ENGINES) await mkdir(shots(engine), { recursive: true });
});

after(async () => {
  await engines.closeAll();
  server?.close();
});

const NEAR = 'Began 4 hr 21 min after the scheduled maintenance “Autotask PSA email DKIM changes” on the same components';

/** What page mode says: the history's text, its days, its quiet lines, the link out. */
const readHistory = () => {
  const root = document.querySelector('status-widget').shadowRoot;
  const history = root.querySelector('.sw-history');
  const link = history?.querySelector('.sw-history__elsewhere a');
  return {
    days: [...(history?.querySelectorAll('.sw-day') ?? [])].map((d) => ({
      date: d.querySelector('.sw-day__date').textContent,
      items: [...d.querySelectorAll('.sw-past')].map((p) => `${p.querySelector('.sw-past__name').textContent} | ${p.querySelector('.sw-past__facts').textContent}`),
      quiet: Boolean(d.querySelector('.sw-day__none')),
    })),
    elsewhere: history?.querySelector('.sw-history__elsewhere')?.textContent ?? null,
    href: link?.getAttribute('href') ?? null,
    near: [...root.querySelectorAll('.sw-near__summary')].map((s) => s.textContent),
    text: root.textContent,
  };
};

for (const engine of ENGINES) {
  test(`[${engine}] the reference replay shows the DKIM maintenance in the history and beside the incident`, async () => {
    const { page, problems, close } = await openPage(`${base}/?now=2020-02-05T10:40:00Z&locale=en-GB&time-zone=UTC`, { width: 1000, height: 900, ready: '.sw-panel' }, engine);
    const seen = await inShadow(page, readHistory);
    // 4 Feb: the completed maintenance, marked as one, with its window in the reader's zone.
    const fourth = seen.days.find((d) => d.date.includes('4 Feb 2020'));
    assert.ok(fourth, JSON.stringify(seen.days));
    assert.deepEqual(fourth.items, ['Autotask PSA email DKIM changes | Maintenance · 4 Feb 2020, 20:00 UTC – 5 Feb 2020, 04:00 UTC']);
    assert.equal(fourth.quiet, false);
    // Only incidents.json's coverage (from 5 Feb 08:21) could make a day quiet: none is claimed.
    assert.ok(!seen.text.includes('No incidents reported'), seen.text);
    assert.equal(seen.elsewhere, 'Earlier incidents are in the status page’s history.');
    assert.equal(seen.href, 'https://status.datto.com/history');
    // Beside the open incident: the maintenance it followed, opening to its timeline.
    assert.deepEqual(seen.near, [NEAR]);
    await page.locator('.sw-near__summary').first().click();
    const opened = await inShadow(page, () => {
      const near = document.querySelector('status-widget').shadowRoot.querySelector('.sw-near');
      return { open: near.open, note: near.querySelector('.sw-near__note').textContent, badges: [...near.querySelectorAll('.sw-badge')].map((b) => b.textContent) };
    });
    assert.equal(opened.open, true);
    assert.match(opened.note, /does not say they are related/);
    assert.ok(opened.badges.includes('Completed'), JSON.stringify(opened.badges));
    await page.screenshot({ path: join(shots(engine), 'story-reference-replay.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await close();
  });
}

test('at every replay step after the incident opens, it names the maintenance before it', async () => {
  const engine = ENGINES[0];
  for (const now of ['2020-02-05T08:21:00Z', '2020-02-05T09:35:00Z', '2020-02-05T10:32:00Z', '2020-02-05T15:04:00Z', '2020-03-11T12:00:00Z']) {
    // Once resolved the incident is history: its entry opens to the same line.
    const { page, problems, close } = await openPage(`${base}/?now=${now}&locale=en-GB&time-zone=UTC&history-days=60`, { width: 1000, ready: '.sw-panel' }, engine);
    let near = (await inShadow(page, readHistory)).near;
    if (near.length === 0) {
      await page.locator('.sw-past__toggle').first().click();
      near = (await inShadow(page, readHistory)).near;
    }
    assert.deepEqual(near, [NEAR], now);
    assert.deepEqual(problems, []);
    await close();
  }
  // Before it opens there is no incident, so nothing to link; `near-maintenance-hours="4"` is too short.
  for (const query of ['now=2020-02-05T08:00:00Z', 'now=2020-02-05T10:40:00Z&near-maintenance-hours=4']) {
    const { page, close } = await openPage(`${base}/?${query}&locale=en-GB&time-zone=UTC`, { width: 1000, ready: '.sw-panel' }, engine);
    assert.deepEqual((await inShadow(page, readHistory)).near, [], query);
    await close();
  }
});

test('documents that list no past incidents claim no quiet days, and say where the history is', async () => {
  const engine = ENGINES[0];
  const now = '2020-02-06T12:00:00Z';
  for (const [src, link] of [
    ['/reference/summary.json', 'https://status.datto.com/history'],
    ['/reference/scheduled-maintenances.json', 'https://status.datto.com/history'],
    ['/fixtures/statuspage/box_components_groups_degraded_atc0005-check-statuspage.json', null],
  ]) {
    const { page, problems, close } = await openPage(`${base}/?src=${encodeURIComponent(src)}&now=${now}&locale=en-GB&time-zone=UTC`, { width: 1000, ready: '.sw-panel' }, engine);
    const seen = await inShadow(page, readHistory);
    assert.ok(!seen.text.includes('No incidents reported'), `${src}: ${seen.text}`);
    assert.ok(seen.days.every((d) => d.items.length > 0), `${src}: only days with something to show: ${JSON.stringify(seen.days)}`);
    if (link) {
      assert.equal(seen.elsewhere, 'This feed lists no past incidents; they are in the status page’s history.', src);
      assert.equal(seen.href, link, src);
    }
    assert.deepEqual(problems, []);
    await close();
  }
  // A base URL reads incidents.json: the days after its oldest resolution are known to be quiet.
  const { page, close } = await openPage(`${base}/?src=/reference&now=${now}&locale=en-GB&time-zone=UTC&poll=0`, { width: 1000, ready: '.sw-panel' }, engine);
  await page.waitForFunction(() => document.querySelector('status-widget').shadowRoot.querySelector('.sw-history'));
  const seen = await inShadow(page, readHistory);
  assert.deepEqual(seen.days.map((d) => [d.date, d.quiet, d.items.length]),
    [['Thu, 6 Feb 2020', true, 0], ['Wed, 5 Feb 2020', false, 1], ['Tue, 4 Feb 2020', false, 1]]);
  assert.equal(seen.elsewhere, 'Earlier incidents are in the status page’s history.');
  await close();
});

for (const engine of ENGINES) {
  test(`[${engine}] Arabic mirrors the layout; the host's dir is honoured like its lang`, async () => {
    const { page, problems, close } = await openPage(`${base}/?now=2020-02-05T10:40:00Z&locale=ar&time-zone=UTC`, { width: 1000, height: 900, ready: '.sw-panel' }, engine);
    const layout = await inShadow(page, () => {
      const root = document.querySelector('status-widget').shadowRoot;
      const box = (s) => root.querySelector(s).getBoundingClientRect();
      const banner = box('.sw-banner'), icon = box('.sw-banner__status .sw-icon'), chevron = box('.sw-banner__chevron');
      const timeline = box('.sw-timeline'), entry = box('.sw-update__head');
      return {
        dir: root.querySelector('.sw').getAttribute('dir'),
        // The status icon starts the line on the right, the chevron ends it on the left.
        iconRight: banner.right - icon.right, chevronLeft: chevron.left - banner.left,
        // The timeline's rail is on its right edge, the entries to its left.
        rail: getComputedStyle(root.querySelector('.sw-timeline')).borderRightWidth,
        entryInside: entry.right <= timeline.right,
      };
    });
    assert.equal(layout.dir, 'rtl');
    assert.ok(layout.iconRight < 40, `icon at the right: ${JSON.stringify(layout)}`);
    assert.ok(layout.chevronLeft < 40, `chevron at the left: ${JSON.stringify(layout)}`);
    assert.equal(layout.rail, '2px');
    await page.screenshot({ path: join(shots(engine), 'story-arabic.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await close();

    // Without a locale the host's direction goes with the host's language when the widget
    // speaks it; a locale chooses the language and so its direction; the element's own dir
    // wins.
    for (const [name, body, html, expected] of [
      // Hebrew is not shipped: English words, in English's direction (not garbled right to left).
      ['rtl-host-unshipped', '<status-widget expanded></status-widget>', { lang: 'he', dir: 'rtl' }, 'ltr'],
      ['rtl-host-arabic', '<status-widget expanded></status-widget>', { lang: 'ar-EG', dir: 'rtl' }, 'rtl'],
      ['ltr-host-arabic', '<status-widget expanded></status-widget>', { lang: 'ar', dir: 'ltr' }, 'ltr'],
      ['rtl-host-locale-en', '<status-widget expanded locale="en"></status-widget>', { lang: 'he', dir: 'rtl' }, 'ltr'],
      ['ltr-element-ar', '<status-widget expanded locale="ar" dir="ltr"></status-widget>', { lang: 'en' }, 'ltr'],
      ['arabic-host', '<status-widget expanded></status-widget>', { lang: 'ar' }, 'rtl'],
    ]) {
      const url = await hostPage(`${name}.html`, body, html);
      const host = await openPage(url, { width: 900, ready: '.sw-banner' }, engine);
      assert.equal(await host.page.evaluate(() => document.querySelector('status-widget').shadowRoot.querySelector('.sw').getAttribute('dir')), expected, name);
      assert.deepEqual(host.problems, [], name);
      await host.close();
    }
  });
}

test('Escape folds an open maintenance disclosure, not the whole panel', async () => {
  const engine = ENGINES[0];
  const { page, problems, close } = await openPage(`${base}/?mode=banner&expanded&now=2020-02-05T10:40:00Z&locale=en-GB`, { width: 1000, ready: '.sw-panel' }, engine);
  await page.waitForFunction(() => document.querySelector('status-widget')?.shadowRoot?.querySelector('.sw-near__summary'));
  await page.locator('.sw-near__summary').first().click();
  const state = () => page.evaluate(() => {
    const root = document.querySelector('status-widget').shadowRoot;
    return { near: root.querySelector('.sw-near')?.open ?? 'missing: ' + root.textContent.slice(0, 300), panel: root.querySelector('.sw-banner').getAttribute('aria-expanded'), focus: root.activeElement?.className ?? null };
  });
  assert.deepEqual(await state(), { near: true, panel: 'true', focus: 'sw-near__summary' });
  await page.keyboard.press('Escape');
  assert.deepEqual(await state(), { near: false, panel: 'true', focus: 'sw-near__summary' });
  // A second Escape closes the panel, as the README says, focus back on the banner.
  await page.keyboard.press('Escape');
  assert.equal((await state()).panel, 'false');
  assert.deepEqual(problems, []);
  await close();
});

// The README's CSS parts table, from the host's side: a host rule on each part takes effect.
const PARTS = ['root', 'banner', 'panel', 'dismiss', 'history', 'source', 'notice', 'near-maintenance'];
for (const engine of ENGINES) {
  test(`[${engine}] every documented CSS part can be styled by the host`, async () => {
    await write('parts.css', PARTS.map((p) => `status-widget::part(${p}) { outline: 3px solid rgb(1, 2, 3); }`).join('\n'));
    // Two sources (one failing: the notice), the reference incident open with its maintenance.
    const url = await hostPage(`parts-${engine}.html`,
      '<status-widget src="/reference /feeds/no-such-feed.json" now="2020-02-05T10:40:00Z" expanded dismissible poll="0"></status-widget>',
      { head: '<link rel="stylesheet" href="parts.css">' });
    const { page, problems, close } = await openPage(url, { width: 1000, ready: '.sw-panel' }, engine);
    await page.waitForFunction(() => document.querySelector('status-widget').shadowRoot.querySelector('[part~="notice"]'), null, { timeout: 10000 });
    const seen = await page.evaluate((parts) => {
      const root = document.querySelector('status-widget').shadowRoot;
      return Object.fromEntries(parts.map((p) => {
        const el = root.querySelector(`[part~="${p}"]`);
        return [p, el ? getComputedStyle(el).outlineColor : 'missing'];
      }));
    }, PARTS);
    assert.deepEqual(seen, Object.fromEntries(PARTS.map((p) => [p, 'rgb(1, 2, 3)'])));
    assert.deepEqual(problems.filter((p) => !/no-such-feed|404/.test(p)), []);
    await close();
  });
}
