// End to end: the whole status picture. Incident history by day, several sources in one
// widget, maintenance windows across clock changes, and the page's own zone on hover. In
// Chromium only (Playwright's filtered and combined locators).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, repo } from '../support/server.mjs';
import { launch, openPage } from '../support/browser.mjs';
import { ENGINES, CHROMIUM_ONLY } from '../support/engines.mjs';

const SHOTS = join(repo, 'artifacts/screenshots');
const GITHUB_HISTORY = '/fixtures/statuspage/github_incidents_50_2026-07_gitdown.json';
const GITHUB_SUMMARY = '/fixtures/statuspage/github_summary_2022-11_sergeyshevch-statuspage-exporter.json';
let server, browser, base;

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await startServer({ port: 0, root: join(repo, 'dist') });
  base = `http://127.0.0.1:${server.address().port}`;
  if (ENGINES.includes('chromium')) browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

const open = (query, options = {}) => openPage(browser, `${base}/${query}`, options);
const texts = (locator) => locator.evaluateAll((els) => els.map((e) => e.textContent.trim()));

test('page mode lists 14 days of GitHub history by day, each incident opening to its timeline', CHROMIUM_ONLY, async () => {
  const { page, problems, close } = await open(`?src=${GITHUB_HISTORY}&now=2026-07-31T03:30:00Z&locale=en-GB`);
  const days = page.locator('.sw-day');
  assert.equal(await days.count(), 14, 'today and the 13 days before, each listed');
  const dates = await texts(page.locator('.sw-day__date'));
  assert.equal(dates[0], 'Fri, 31 Jul 2026');
  assert.equal(dates[13], 'Sat, 18 Jul 2026');
  const quiet = days.filter({ hasText: 'Tue, 28 Jul 2026' });
  assert.equal(await quiet.locator('.sw-day__none').textContent(), 'No incidents reported.');
  const busy = days.filter({ hasText: 'Wed, 29 Jul 2026' });
  assert.deepEqual(await texts(busy.locator('.sw-past__name')),
    ['Incident with Copilot AI Model Providers', 'Incident with Actions']);
  assert.deepEqual(await texts(busy.locator('.sw-past__facts')), ['Minor impact · lasted 1 hr 44 min', 'Major impact · lasted 34 min']);

  // A past incident opens to its whole timeline, without repeating its name as a heading.
  const toggle = busy.locator('.sw-past__toggle').nth(1);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await busy.locator('.sw-update').count(), 0, 'closed: no updates rendered');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const updates = busy.locator('.sw-past').nth(1).locator('.sw-update');
  assert.ok((await updates.count()) >= 2, 'the updates are shown');
  assert.match(await updates.first().locator('.sw-badge').textContent(), /Resolved/);
  assert.equal(await busy.locator('.sw-incident__name').count(), 0);

  // The outline: sections at h2 under the page's h1, days at h3.
  const outline = await page.locator('status-widget').evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('h2, h3')].map((h) => `${h.tagName} ${h.textContent.trim()}`).slice(0, 3));
  assert.deepEqual(outline, ['H2 Past incidents', 'H3 Fri, 31 Jul 2026', 'H3 Thu, 30 Jul 2026']);
  assert.equal(await page.title(), 'GitHub status', 'the page is titled after the status page');
  await page.screenshot({ path: join(SHOTS, 'history-github.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await close();

  // history-days sets the length; the banner's panel runs quiet days together.
  const month = await open(`?src=${GITHUB_HISTORY}&now=2026-07-31T03:30:00Z&history-days=30&mode=banner&expanded&locale=en-GB`);
  const monthDates = await texts(month.page.locator('.sw-day__date'));
  assert.equal(monthDates.at(-1), 'Thu, 2 Jul 2026', '30 days back, today included');
  assert.ok(monthDates.includes('Fri, 3 Jul 2026 – Mon, 6 Jul 2026'), 'quiet neighbours are one line');
  assert.ok(!monthDates.includes('Sat, 4 Jul 2026'));
  assert.equal(await month.page.locator('.sw-panel__note').textContent(), 'No active incidents.');
  assert.deepEqual(month.problems, []);
  await month.close();

  const none = await open(`?src=${GITHUB_HISTORY}&now=2026-07-31T03:30:00Z&history-days=0`);
  assert.equal(await none.page.locator('.sw-history').count(), 0, 'history-days=0 lists none');
  await none.close();
});

test('two status pages in one widget: the worst status, each labelled, a failing one named', CHROMIUM_ONLY, async () => {
  const src = encodeURIComponent(`${GITHUB_SUMMARY} /reference/ /feeds/no-such-feed.json`);
  const { page, problems, close } = await open(`?src=${src}&now=live&locale=en-GB`);
  await page.locator('.sw-sources-failing').waitFor();
  // GitHub states a minor outage; the reference incident is long resolved.
  assert.equal(await page.locator('.sw-banner__overall').textContent(), 'Minor Service Outage');
  assert.deepEqual(await texts(page.locator('.sw-banner__name .sw-source')), ['GitHub']);
  assert.deepEqual(await texts(page.locator('.sw-tree__source-name')), ['GitHub', 'Datto']);
  assert.equal(await page.locator('.sw-tree__source').nth(1).locator('.sw-tree__name').first().textContent(), 'Autotask PSA');
  assert.match(await page.locator('.sw-sources-failing').textContent(),
    /^\/feeds\/no-such-feed\.json could not be read: the feed is not there \(HTTP 404\)\. The other status pages are shown\.$/);
  assert.equal(await page.title(), 'GitHub · Datto status');
  await page.screenshot({ path: join(SHOTS, 'two-sources.png'), fullPage: true });
  assert.deepEqual(problems.filter((p) => !/Failed to load resource/.test(p)), []);
  await close();

  // A filter can name a source: only that page, its status worked out from its components.
  const datto = await open(`?src=${encodeURIComponent(`${GITHUB_SUMMARY} /reference/`)}&now=live&components=Datto`);
  await datto.page.locator('.sw-tree__name').first().waitFor();
  assert.equal(await datto.page.locator('.sw-banner__overall').textContent(), 'All systems operational');
  assert.deepEqual(await texts(datto.page.locator('.sw-tree__source-name')), [], 'one source left: no per-page headings');
  assert.equal(await datto.page.locator('.sw-tree__name').first().textContent(), 'Autotask PSA');
  assert.deepEqual(datto.problems, []);
  await datto.close();
});

test('maintenance windows read right across clock changes, with the page\'s own time on hover', CHROMIUM_ONLY, async () => {
  const feed = '/feeds/maintenance-dst.json';
  // Spring forward in New York: 06:00–08:00 UTC is 01:00 EST to 04:00 EDT.
  const spring = await open(`?src=${feed}&now=2026-03-02T12:00:00Z&time-zone=America/New_York&locale=en-US`);
  const window = spring.page.locator('.sw-incident__window');
  assert.equal(await window.textContent(),
    'Scheduled Mar 8, 2026, 01:00 AM EST – Mar 8, 2026, 04:00 AM EDT · starts in 5 days');
  assert.equal(await window.getAttribute('title'), null, 'read in the page\'s own zone: nothing to add on hover');
  assert.deepEqual(spring.problems, []);
  await spring.close();

  // Fall back, read from London: the page's zone on hover shows the repeated 01:30.
  const fall = await open(`?src=${feed}&now=2026-10-28T12:00:00Z&time-zone=Europe/London&locale=en-GB`);
  const fallWindow = fall.page.locator('.sw-incident__window');
  assert.equal(await fallWindow.textContent(), 'Scheduled 1 Nov 2026, 05:30 GMT – 1 Nov 2026, 06:30 GMT · starts in 3 days');
  assert.equal(await fallWindow.getAttribute('title'), 'Status page time: 1 Nov 2026, 01:30 GMT-4 – 1 Nov 2026, 01:30 GMT-5');
  assert.equal(await fall.page.locator('.sw-upcoming .sw-incident').count(), 1, 'spring is past, fall is in the week');
  await fall.close();

  // maintenance-days widens the horizon.
  const far = await open(`?src=${feed}&now=2026-03-02T12:00:00Z&maintenance-days=365`);
  assert.equal(await far.page.locator('.sw-upcoming .sw-incident').count(), 2);
  await far.close();
  const off = await open(`?src=${feed}&now=2026-03-02T12:00:00Z&maintenance-days=0`);
  assert.equal(await off.page.locator('.sw-upcoming').count(), 0);
  await off.close();

  // The day an incident falls on is the reader's: 04:30 UTC on 8 March is 7 March in New York.
  for (const [zone, day] of [['America/New_York', 'Sat, 7 Mar 2026'], ['UTC', 'Sun, 8 Mar 2026']]) {
    const { page, close } = await open(`?src=${feed}&now=2026-03-09T12:00:00Z&time-zone=${zone}&history-days=3&locale=en-GB`);
    const busy = page.locator('.sw-day').filter({ has: page.locator('.sw-past') });
    assert.equal(await busy.locator('.sw-day__date').textContent(), day, zone);
    await close();
  }

  // Every update time offers the status page's own zone on hover.
  const sydney = await open('?now=2020-02-05T10:40:00Z&time-zone=Australia/Sydney&locale=en-GB');
  const first = sydney.page.locator('.sw-update__time').last();
  assert.equal(await first.textContent(), '5 Feb 2020, 19:21 GMT+11');
  // The first picture's hover texts are quick (no Intl); the full ones follow a task later.
  await first.and(sydney.page.locator('[title^="Status page time"]')).waitFor();
  assert.equal(await first.getAttribute('title'), 'Status page time: 5 Feb 2020, 03:21 GMT-5 (2020-02-05T08:21:00Z)');
  await sydney.close();
});
