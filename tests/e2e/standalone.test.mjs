// End to end: the built standalone page (dist/) served by tests/support/server.mjs on
// 127.0.0.1, in Chromium through Playwright and, for the tests named [engine], in Firefox and
// WebKit too (tests/support/engines.mjs). Run by `make test` after `make dist`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, repo, fixturesDir } from '../support/server.mjs';
import { ENGINES, CHROMIUM_ONLY, enginePool, shots, engineShots } from '../support/engines.mjs';

const SHOTS = join(repo, 'artifacts/screenshots');
const engines = enginePool();
let server, base;

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await startServer({ port: 0, root: join(repo, 'dist') });
  base = `http://127.0.0.1:${server.address().port}`;
});

after(async () => {
  await engines.closeAll();
  server?.close();
});

/** Opens the standalone page with `query` in `engine` (Chromium unless named). */
const open = async (query = '', options = {}, engine = 'chromium') =>
  (await engines.get(engine)).openPage(`${base}/${query}`, options);

for (const engine of ENGINES) {
  test(`[${engine}] the default page replays the reference incident while it was live`, async () => {
    const { page, problems, close } = await open('?mode=banner&locale=en-GB', {}, engine);
    const banner = page.locator('.sw-banner');
    await assert.doesNotReject(banner.waitFor());
    assert.equal(await page.locator('.sw-banner__name').textContent(), 'PSA - OTP Email delay - Under Investigation');
    const facts = await page.locator('.sw-banner__facts').textContent();
    assert.match(facts, /Identified/);
    assert.match(facts, /America East, America East 2, America West and 4 more/);
    assert.match(await page.locator('.sw-replay__note').textContent(), /^Replaying 5 Feb 2020, 10:40 UTC/);
    await page.screenshot({ path: join(engineShots(engine), 'standalone-default.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await close();
  });

  test(`[${engine}] Tab reaches the banner; Enter and Space toggle it; Escape closes it`, async () => {
    const { page, problems, close } = await open('?mode=banner', {}, engine);
    const banner = page.locator('.sw-banner');
    await page.keyboard.press('Tab');
    assert.equal(await banner.evaluate((el) => el.getRootNode().activeElement === el), true, 'banner is the first stop');
    await page.keyboard.press('Enter');
    assert.equal(await banner.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator('.sw-panel').isVisible(), true);
    assert.equal(await page.locator('.sw-update').count(), 3);
    await page.screenshot({ path: join(engineShots(engine), 'standalone-expanded.png'), fullPage: true });
    await page.keyboard.press('Space');
    assert.equal(await banner.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('.sw-panel').isVisible(), false);
    await page.keyboard.press('Space');
    await page.locator('.sw-incident__link').focus();
    await page.keyboard.press('Escape');
    assert.equal(await banner.getAttribute('aria-expanded'), 'false');
    assert.equal(await banner.evaluate((el) => el.getRootNode().activeElement === el), true);
    assert.deepEqual(problems, []);
    await close();
  });

  test(`[${engine}] page mode lists every component as a tree, troubled groups first and open`, async () => {
    const { page, problems, close } = await open('?locale=en-GB', {}, engine);
    const group = page.locator('.sw-tree__group').first();
    assert.equal(await group.locator('.sw-tree__name').first().textContent(), 'Autotask PSA');
    assert.equal(await group.locator('.sw-tree__toggle').getAttribute('aria-expanded'), 'true');
    assert.equal(await group.locator('.sw-tree__status').first().textContent(), '7 of 12 not operational');
    assert.equal(await group.locator('.sw-tree__item').count(), 12);
    await page.screenshot({ path: join(engineShots(engine), 'standalone-page.png'), fullPage: true });
    await close();
    assert.deepEqual(problems, []);

    const duo = await open('?src=/fixtures/statuspage/duo_components_539comps_69groups_atc0005-check-statuspage.json', {}, engine);
    const groups = duo.page.locator('.sw-tree__group');
    assert.equal(await groups.count(), 69);
    assert.equal(await duo.page.locator('.sw-tree__item').count(), 0, 'closed groups render no members');
    await groups.nth(3).locator('.sw-tree__toggle').click();
    assert.equal(await groups.nth(3).locator('.sw-tree__toggle').getAttribute('aria-expanded'), 'true');
    assert.ok((await duo.page.locator('.sw-tree__item').count()) > 0, 'an opened group shows its components');
    await duo.page.screenshot({ path: join(shots(engine), 'page-mode-duo.png') });
    assert.deepEqual(duo.problems, []);
    await duo.close();
  });
}

test('stepping through the replay moves the banner through the statuses', CHROMIUM_ONLY, async () => {
  const { page, problems, close } = await open('?mode=banner&now=2020-02-04T19:00:00Z');
  const overall = page.locator('.sw-banner__overall');
  assert.equal(await overall.textContent(), 'All systems operational');
  const next = page.getByRole('button', { name: 'Next update' });
  await next.click(); // 20:00 the DKIM maintenance starts
  assert.equal(await overall.textContent(), 'Maintenance in progress');
  assert.equal(await page.locator('.sw-banner__name').textContent(), 'Autotask PSA email DKIM changes');
  await next.click(); // 04:00 it completes
  assert.equal(await overall.textContent(), 'All systems operational');
  const seen = [];
  for (let i = 0; i < 7; i++) {
    await next.click();
    const badge = page.locator('.sw-banner .sw-badge');
    seen.push((await badge.count()) ? await badge.textContent() : 'none');
  }
  assert.deepEqual(seen, ['Investigating', 'Identified', 'Identified', 'Identified', 'Monitoring', 'Monitoring', 'none']);
  assert.equal(await overall.textContent(), 'All systems operational', 'resolved at 15:04');
  await page.getByRole('button', { name: 'Show live' }).click();
  assert.equal(await overall.textContent(), 'All Systems Operational');
  assert.equal(await page.locator('.sw-replay').count(), 0);
  assert.deepEqual(problems, []);
  await close();
});

test('src may be a status page base URL', CHROMIUM_ONLY, async () => {
  const { page, problems, close } = await open(`?src=${encodeURIComponent(`${base}/reference`)}`);
  assert.equal(await page.locator('.sw-banner__overall').textContent(), 'All Systems Operational');
  assert.match(await page.locator('.sw-freshness').textContent(), /^Updated just now$/);
  assert.deepEqual(problems, []);
  await close();
});

test('a narrow screen keeps the banner inside the viewport', CHROMIUM_ONLY, async () => {
  const { page, problems, close } = await open('?expanded=true&now=2020-02-05T10:40:00Z', { width: 320, height: 640 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling at 320 px');
  await page.screenshot({ path: join(SHOTS, 'standalone-320px.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await close();
});

test('components that are down show without any incident', CHROMIUM_ONLY, async () => {
  const file = 'qualys_components_271comps_major-outage_under-maintenance_atc0005-check-statuspage.json';
  const { page, problems, close } = await open(`?mode=banner&src=/fixtures/statuspage/${file}`);
  assert.match(await page.locator('.sw-banner__name').textContent(), /^Affected: Global AssetView \(GAV\) \/CyberSecurity Asset Management \(CSAM\), CertView \(CERT\), Container Security \(CS\) and 1 more$/);
  await page.locator('.sw-banner').click();
  const items = page.locator('.sw-components__item');
  assert.equal(await items.count(), 5);
  assert.match(await items.first().locator('.sw-components__status').textContent(), /^Major outage$/);
  assert.equal(await items.first().locator('.sw-components__group').textContent(), 'EU Platform 1');
  await page.screenshot({ path: join(SHOTS, 'components-down.png') });
  assert.deepEqual(problems, []);
  await close();
});

// Every real capture, and every quirk fixture of ours, through ?src=.
const statuspage = (await readdir(join(fixturesDir, 'statuspage'))).filter((f) => f.endsWith('.json'));
const other = (await readdir(join(fixturesDir, 'other'))).filter((f) => f.endsWith('.json'));
const ours = (await readdir(join(repo, 'tests/feeds'))).filter((f) => f.endsWith('.json'));
const refused = new Set(['malformed.json', 'not-a-status-feed.json']);

for (const engine of ENGINES) for (const [dir, file] of [
  ...statuspage.map((f) => ['fixtures/statuspage', f]),
  ...other.map((f) => ['fixtures/other', f]),
  ...ours.map((f) => ['feeds', f]),
]) {
  test(`[${engine}] renders ${dir}/${file}`, async () => {
    const { page, problems, close } = await open(`?mode=banner&src=/${dir}/${file}`, {}, engine);
    if (dir === 'fixtures/other' || refused.has(file)) {
      assert.match(await page.locator('.sw-error__message').textContent(), /^Status unavailable: /);
    } else {
      const overall = (await page.locator('.sw-banner__overall').textContent()).trim();
      assert.ok(overall.length > 0, 'an overall status in words');
      await page.locator('.sw-banner').click();
      assert.equal(await page.locator('.sw-panel').isVisible(), true);
      const panel = await page.locator('.sw-panel').textContent();
      assert.ok(panel.trim().length > 0, 'the panel says something');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, 'nothing overflows the page');
    }
    await page.screenshot({ path: join(shots(engine), `${dir.replace('/', '-')}-${file.replace(/\.json$/, '')}.png`) });
    assert.deepEqual(problems, []);
    await close();
  });
}

test('a published root cause shows once, above the timeline, with its date', CHROMIUM_ONLY, async () => {
  const { page, problems, close } = await open('?now=live&locale=en-GB');
  const rca = page.locator('.sw-rootcause');
  assert.equal(await rca.count(), 1);
  assert.equal(await rca.locator('.sw-rootcause__published').textContent(), 'Published 10 Mar 2020, 17:27 UTC');
  assert.match(await rca.locator('.sw-text').textContent(), /Root Cause Analysis:/);
  assert.equal(await page.locator('.sw-update').count(), 7, 'the seven updates; the write-up is not repeated');
  await page.screenshot({ path: join(SHOTS, 'root-cause.png'), clip: { x: 0, y: 0, width: 900, height: 800 } });
  assert.deepEqual(problems, []);
  await close();
});

test('scheduled maintenance in the coming week is listed with its window and a countdown', CHROMIUM_ONLY, async () => {
  const { page, problems, close } = await open('?now=2020-02-04T12:00:00Z&locale=en-GB&time-zone=UTC');
  const upcoming = page.locator('.sw-upcoming');
  assert.equal(await upcoming.locator('.sw-incident__name').textContent(), 'Autotask PSA email DKIM changes');
  assert.match(await upcoming.locator('.sw-incident__facts').textContent(),
    /Scheduled 4 Feb 2020, 20:00 UTC – 5 Feb 2020, 04:00 UTC · starts in 8 hours/);
  await page.screenshot({ path: join(SHOTS, 'upcoming-maintenance.png'), clip: { x: 0, y: 0, width: 900, height: 700 } });
  assert.deepEqual(problems, []);
  await close();
});
