// End to end, from the host's side: the contract sentences a review found untrue (theming
// tokens, placements that cover or overflow, text resizing, right-to-left hosts, `lang`,
// focus after a control goes, dismissals per page, one announcement per feed, events that
// match the screen, bounded timers). Each test reads what the host or reader would see.
// Chromium (Playwright contexts: locale, storage, console warnings); the screenshots of the
// three engines side by side (tests/e2e/standalone.test.mjs) show the same layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHostServer } from '../support/server.mjs';
import { launch, openPage } from '../support/browser.mjs';
import { CHROMIUM_ONLY } from '../support/engines.mjs';

let server, browser, base, hostPage, write;

before(async () => {
  ({ server, base, hostPage, write } = await startHostServer('review'));
  if (!CHROMIUM_ONLY.skip) browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A page-level feed with a component in every status the widget colours. */
const EVERY_STATUS = JSON.stringify({
  page: { id: 'p', name: 'Every status', url: 'https://status.example.com' },
  components: ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage', 'weird']
    .map((status, i) => ({ id: `c${i}`, name: `Component ${status}`, status, position: i, page_id: 'p' })),
  incidents: [],
});

const TOKENS = ['none', 'maintenance', 'minor', 'major', 'critical', 'unknown'].flatMap((s) => [`--sw-${s}`, `--sw-${s}-tint`])
  .concat(['--sw-surface', '--sw-surface-raised', '--sw-text', '--sw-text-muted', '--sw-border', '--sw-link']);

test('every documented custom property set by the host takes effect inside the widget', CHROMIUM_ONLY, async () => {
  // Each colour token gets its own colour; some element of the widget must then show it. The
  // severity colours show on a banner of that severity, so there is one page per severity.
  const colours = Object.fromEntries(TOKENS.map((t, i) => [t, `rgb(${10 + i}, ${100 + i}, ${200 - i})`]));
  const style = Object.entries(colours).map(([k, v]) => `${k}:${v}`).join(';') + ';--sw-font-size:22px;--sw-radius:0px;--sw-max-width:30rem;--sw-font:serif';
  const seenAnywhere = new Set();
  for (const [indicator, tone] of [['none', 'none'], ['maintenance', 'maintenance'], ['minor', 'minor'], ['major', 'major'], ['critical', 'critical'], ['weird', 'unknown']]) {
    await write(`status-${indicator}.json`, JSON.stringify({
      page: { id: 'p', name: 'P', url: 'https://status.example.com' },
      status: { indicator, description: indicator },
      components: [{ id: 'c', name: 'C', status: 'operational', page_id: 'p' }],
      // An unknown indicator comes with an update of an unknown status (its badge is "unknown").
      incidents: [{ id: 'i', name: 'I', status: indicator === 'weird' ? 'weird' : 'resolved', impact: 'none', shortlink: 'https://stspg.io/x', created_at: '2026-11-30T10:00:00Z',
        resolved_at: indicator === 'weird' ? null : '2026-11-30T11:00:00Z',
        incident_updates: [{ id: 'u', status: indicator === 'weird' ? 'weird' : 'resolved', body: 'See https://status.example.com/x', created_at: '2026-11-30T11:00:00Z' }] }],
    }));
    for (const [where, body] of [
      ['on the element', `<status-widget id="w" src="status-${indicator}.json" dismissible expanded style="${style}"></status-widget>`],
      ['on an ancestor', `<div style="${style}"><status-widget id="w" src="status-${indicator}.json" dismissible expanded></status-widget></div>`],
    ]) {
      const url = await hostPage(`tokens-${indicator}-${where.replace(/ /g, '-')}.html`, body);
      const { page, problems, close } = await openPage(browser, url, { width: 1000 });
      await page.evaluate(() => localStorage.clear());
      const seen = await page.evaluate((wanted) => {
        const root = document.getElementById('w').shadowRoot;
        const props = ['color', 'backgroundColor', 'borderTopColor', 'borderLeftColor', 'borderRightColor', 'borderBottomColor'];
        const all = new Set([...root.querySelectorAll('*')].flatMap((el) => props.map((p) => getComputedStyle(el)[p])));
        const sw = getComputedStyle(root.querySelector('.sw'));
        return { shown: Object.keys(wanted).filter((t) => all.has(wanted[t])), fontSize: sw.fontSize, radius: sw.borderTopLeftRadius, maxWidth: sw.maxWidth, font: sw.fontFamily };
      }, colours);
      for (const token of [`--sw-${tone}`, `--sw-${tone}-tint`]) assert.ok(seen.shown.includes(token), `${indicator}, ${where}: ${token} has no effect`);
      seen.shown.forEach((t) => seenAnywhere.add(t));
      assert.equal(seen.fontSize, '22px', where);
      assert.equal(seen.radius, '0px', where);
      assert.equal(seen.maxWidth, '480px', `${where}: 30rem`);
      assert.equal(seen.font, 'serif', where);
      assert.deepEqual(problems, []);
      await close();
    }
  }
  assert.deepEqual(TOKENS.filter((t) => !seenAnywhere.has(t)), [], 'tokens with no effect anywhere');
  // A rule in the host's stylesheet, and the focus colour on the focused banner.
  const url = await hostPage('tokens-rule.html', '<status-widget id="w"></status-widget>',
    { head: '<style>status-widget { --sw-focus: rgb(1, 2, 3); --sw-gap: 2rem; }</style>' });
  const { page, close } = await openPage(browser, url, { width: 1000 });
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.getElementById('w').shadowRoot.querySelector('.sw-banner')).outlineColor);
  assert.equal(outline, 'rgb(1, 2, 3)');
  await close();
});

test('a bar with large text never paints over the host page below it', CHROMIUM_ONLY, async () => {
  const url = await hostPage('bar-large.html', '<status-widget id="w" mode="bar" src="/fixtures/statuspage/instructure_summary_2021-12_aws-outage_atc0005-check-statuspage.json"></status-widget><h1>Host</h1><button id="host">Host button</button><div style="height:2000px"></div>',
    { head: '<style>html { font-size: 150% }</style>' });
  const { page, close } = await openPage(browser, url, { width: 375, height: 667 });
  const hit = await page.evaluate(() => {
    const bar = document.getElementById('w').getBoundingClientRect();
    const probe = Math.min(bar.bottom + 10, innerHeight - 2);
    return [bar.height <= innerHeight / 2 + 1, document.elementFromPoint(20, probe)?.id ?? 'host-page'];
  });
  assert.equal(hit[0], true, 'at most half the screen');
  assert.notEqual(hit[1], 'w', 'just below the bar is the host page, not the widget');
  await close();
});

test('an open bar is at most half the screen and scrolls inside; the host content stays reachable', CHROMIUM_ONLY, async () => {
  for (const [width, height] of [[1280, 700], [375, 667]]) {
    const { page, close } = await openPage(browser, `${base}/examples/psa-app.html`, { width, height });
    await page.locator('.sw-banner').click();
    const box = await page.locator('status-widget').boundingBox();
    assert.ok(box.height <= height / 2 + 1, `${width}x${height}: bar is ${box.height}px tall`);
    const scrolls = await page.evaluate(() => {
      const panel = document.querySelector('status-widget').shadowRoot.querySelector('.sw-panel');
      return panel.scrollHeight > panel.clientHeight && getComputedStyle(panel).overflowY === 'auto';
    });
    assert.ok(scrolls, 'the timeline scrolls inside the bar');
    await close();
  }
});

test('an open corner popup stays inside small viewports, its status line on screen', CHROMIUM_ONLY, async () => {
  for (const [width, height, percent] of [[375, 667, 100], [600, 400, 100], [375, 667, 200], [600, 400, 200]]) {
    for (const corner of ['bottom-right', 'top-left']) {
      const url = await hostPage(`corner-open-${corner}-${percent}.html`, `<status-widget mode="corner" corner="${corner}" expanded></status-widget>`,
        { head: `<style>html { font-size: ${percent}% }</style>` });
      const { page, close } = await openPage(browser, url, { width, height });
      const [root, banner] = await page.evaluate(() => ['.sw', '.sw-banner'].map((s) => {
        const r = document.querySelector('status-widget').shadowRoot.querySelector(s).getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      }));
      assert.ok(root.top >= 0 && root.bottom <= height, `${corner} at ${width}x${height}: ${JSON.stringify(root)}`);
      assert.ok(banner.top >= 0, 'the status line starts on screen');
      // Nothing is painted outside the popup's own box, whatever the text size.
      const outside = await page.evaluate(() => {
        const host = document.querySelector('status-widget');
        const box = host.getBoundingClientRect();
        return [...host.shadowRoot.querySelectorAll('.sw > *')].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.height > 0 && (r.top < box.top - 1 || (r.bottom > box.bottom + 1 && el.closest('.sw').scrollHeight <= el.closest('.sw').clientHeight));
        }).length;
      });
      assert.equal(outside, 0, `${corner} at ${width}x${height}, ${percent}%: content outside the box`);
      await close();
    }
  }
});

test('text and spacing grow with the host\'s root font size; narrow boxes break between words', CHROMIUM_ONLY, async () => {
  for (const [percent, px] of [[100, 14], [150, 21], [200, 28]]) {
    const url = await hostPage(`resize-${percent}.html`, '<status-widget id="w" expanded></status-widget>',
      { head: `<style>html { font-size: ${percent}% }</style>` });
    const { page, close } = await openPage(browser, url, { width: 1000 });
    const [size, padding] = await page.evaluate(() => {
      const root = document.getElementById('w').shadowRoot;
      return [getComputedStyle(root.querySelector('.sw')).fontSize, getComputedStyle(root.querySelector('.sw-banner')).paddingTop];
    });
    assert.equal(size, `${px}px`, `at ${percent}%`);
    if (percent === 200) assert.ok(parseFloat(padding) > 0, padding);
    await close();
  }
  const url = await hostPage('narrow.html', '<div style="width:240px"><status-widget id="w" expanded></status-widget></div>');
  const { page, close } = await openPage(browser, url, { width: 800 });
  const broken = await page.evaluate(() => {
    const root = document.getElementById('w').shadowRoot;
    const walker = document.createTreeWalker(root.querySelector('.sw-banner'), NodeFilter.SHOW_TEXT);
    const out = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/\S{2,15}/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) out.push(m[0]);
      }
    }
    return out;
  });
  assert.deepEqual(broken, [], 'no word of 15 letters or fewer is split across lines at 240 px');
  await close();
});

test('right-to-left hosts: corners stay physical; feed text and dates are isolated', CHROMIUM_ONLY, async () => {
  const url = await hostPage('rtl.html', '<status-widget id="w" mode="corner" corner="bottom-left"></status-widget>', { lang: 'he' });
  await write('rtl-dir.html', (await (await fetch(url)).text()).replace('<html lang="he">', '<html lang="he" dir="rtl">'));
  const { page, close } = await openPage(browser, `${base}/hosts/rtl-dir.html`, { width: 1280, height: 700 });
  const box = await page.locator('status-widget').boundingBox();
  assert.ok(box.x < 40, `bottom-left is on the left (x=${box.x})`);
  const bidi = await page.evaluate(() => {
    const root = document.getElementById('w').shadowRoot;
    return ['.sw-banner__name', 'time'].map((s) => getComputedStyle(root.querySelector(s)).unicodeBidi);
  });
  assert.deepEqual(bidi, ['plaintext', 'plaintext'], 'each reads in its own direction, isolated');
  await close();
});

test('lang names the language shown; a malformed locale is said once and dropped', CHROMIUM_ONLY, async () => {
  for (const [locale, lang, timeLang] of [['en_US', 'en-US', null], ['de-AT', 'de-AT', null], ['ja-JP', 'en', 'ja-JP'], ['ar-EG', 'ar-EG', null], ['123', 'en-GB', null]]) {
    const url = await hostPage(`lang-${locale}.html`, `<status-widget id="w" locale="${locale}" expanded></status-widget>`);
    const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-GB' });
    const page = await context.newPage();
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(url);
    await page.locator('.sw-banner').waitFor();
    const [rootLang, times] = await page.evaluate(() => {
      const root = document.getElementById('w').shadowRoot;
      return [root.querySelector('.sw').lang, [...root.querySelectorAll('time')].map((t) => [t.textContent, t.getAttribute('lang')])];
    });
    assert.equal(rootLang, lang, `locale=${locale}`);
    // A date Intl wrote in another language than the words says so; the rest inherit the root's.
    // (Japanese or Arabic script in a date written for another language than the words.)
    const foreign = timeLang ? times.filter(([text]) => /[\u0600-\u06ff\u3040-\u30ff\u4e00-\u9fff]/.test(text)) : [];
    assert.equal(foreign.length > 0, timeLang !== null, `locale=${locale}: ${JSON.stringify(times)}`);
    for (const [text, l] of times) {
      const expected = foreign.some(([t]) => t === text) ? timeLang : null;
      assert.equal(l, expected, `locale=${locale}: <time>${text}</time>`);
    }
    const said = warnings.filter((w) => w.includes(locale));
    assert.equal(said.length, locale === '123' ? 1 : 0, `${locale}: ${warnings}`);
    await context.close();
  }
});

test('focus moves on when the dismiss button or "Show more" goes, never to <body>', CHROMIUM_ONLY, async () => {
  for (const key of ['Enter', 'Space']) {
    const url = await hostPage(`focus-${key}.html`, '<button id="before">Before</button><status-widget id="w" dismissible></status-widget><button id="after">After</button>');
    const { page, close } = await openPage(browser, url, { width: 1000 });
    await page.evaluate(() => localStorage.clear());
    await page.locator('.sw-dismiss').focus();
    await page.keyboard.press(key);
    await page.waitForFunction(() => document.activeElement !== document.body);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'after', key);
    await close();
  }
  const { page, close } = await openPage(browser, `${base}/?src=/fixtures/statuspage/github_incident_t2xwk9mz56f4_29updates_GitHub-Incident-History.json&now=live`, { width: 1000 });
  const more = page.locator('.sw-more').first();
  await more.waitFor();
  await more.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement !== document.body
    && document.querySelector('status-widget').shadowRoot.activeElement);
  const focused = await page.evaluate(() => document.querySelector('status-widget').shadowRoot.activeElement.textContent.trim().slice(0, 40));
  assert.ok(focused.length > 0, 'a revealed control has focus');
  await close();
});

test('a dismissal on one status page hides no other page\'s widget', CHROMIUM_ONLY, async () => {
  const github = '/fixtures/statuspage/github_summary_minified_2026-07_gitdown.json';
  const other = '/fixtures/statuspage/instructure_summary_2021-12_aws-outage_atc0005-check-statuspage.json';
  const a = await hostPage('dismiss-a.html', `<status-widget id="w" dismissible src="${github}"></status-widget>`);
  const b = await hostPage('dismiss-b.html', `<status-widget id="w" dismissible src="${other}" now="2021-12-07T16:00:00Z"></status-widget>`);
  const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(a);
  await page.locator('.sw-dismiss').click();
  assert.equal(await page.locator('.sw-banner').count(), 0);
  await page.goto(b);
  await page.locator('.sw-banner').waitFor({ timeout: 5000 });
  await page.goto(a);
  await sleep(500);
  assert.equal(await page.locator('.sw-banner').count(), 0, 'the dismissed page stays dismissed');
  await context.close();
});

test('events match the screen: no status for a filter that matches nothing, no resolves from a settings change', CHROMIUM_ONLY, async () => {
  const url = await hostPage('events.html', '<status-widget id="w" now="2020-02-05T10:40:00Z"></status-widget>', {
    head: `<script type="module" src="events-recorder.js"></script>`,
  });
  await write('events-recorder.js', `window.__events = [];
for (const n of ['status-change', 'incident-open', 'incident-update', 'incident-resolve', 'error'])
  document.addEventListener('status-widget:' + n, (e) => window.__events.push({ type: n, detail: e.detail }));`);
  const { page, problems, close } = await openPage(browser, url, { width: 1000 });
  const take = () => page.evaluate(() => window.__events.splice(0));
  await page.waitForFunction(() => window.__events.length > 0);
  await take();
  // A filter that matches nothing: the screen says so; no status is claimed.
  await page.evaluate(() => document.getElementById('w').setAttribute('components', 'Nope'));
  await page.waitForFunction(() => /No component/.test(document.getElementById('w').shadowRoot.textContent));
  await sleep(200);
  let seen = await take();
  assert.deepEqual(seen.map((e) => e.type), ['error'], JSON.stringify(seen));
  assert.equal(seen[0].detail.kind, 'no-match');
  // Back to everything, then to another zone: a new picture, not news about incidents.
  await page.evaluate(() => document.getElementById('w').removeAttribute('components'));
  await page.locator('.sw-banner').waitFor();
  await page.evaluate(() => document.getElementById('w').setAttribute('components', 'UK 2 (United Kingdom)'));
  await sleep(300);
  seen = await take();
  assert.ok(!seen.some((e) => e.type.startsWith('incident-')), JSON.stringify(seen));
  for (const e of seen.filter((e) => e.type === 'status-change')) assert.notEqual(e.detail.indicator, e.detail.previous);
  // A replay step back announces nothing: nothing happened in time.
  await page.evaluate(() => document.getElementById('w').setAttribute('now', '2020-02-05T07:00:00Z'));
  await sleep(300);
  seen = await take();
  assert.ok(!seen.some((e) => e.type.startsWith('incident-')), JSON.stringify(seen));
  const announced = await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.sw-announcer').textContent);
  assert.doesNotMatch(announced, /Resolved|over/i);
  assert.deepEqual(problems, []);
  await close();
});

test('changing src is a new first picture: no incident events, nothing announced', CHROMIUM_ONLY, async () => {
  const feed = (name, id, status) => JSON.stringify({
    page: { id: name, name },
    status: { indicator: status === 'identified' ? 'major' : 'minor', description: name },
    incidents: [{ id, name: `Incident ${id}`, status, impact: 'minor', created_at: '2026-11-30T10:00:00Z',
      incident_updates: [{ id: `${id}-u`, status, body: 'x', created_at: '2026-11-30T10:00:00Z' }] }],
  });
  await write('src-a.json', feed('Acme', 'X', 'investigating'));
  await write('src-b.json', feed('Other', 'Y', 'identified'));
  await write('src-recorder.js', `window.__events = [];
for (const n of ['status-change', 'incident-open', 'incident-update', 'incident-resolve'])
  document.addEventListener('status-widget:' + n, (e) => window.__events.push({ type: n, detail: e.detail }));`);
  const url = await hostPage('src-change.html', '<status-widget id="w" src="src-a.json" poll="0"></status-widget>',
    { head: '<script type="module" src="src-recorder.js"></script>' });
  const { page, problems, close } = await openPage(browser, url, { width: 1000 });
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.textContent.includes('Incident X'));
  await sleep(300);
  await page.evaluate(() => window.__events.splice(0));
  for (const src of ['src-b.json', 'src-b.json src-a.json']) {
    await page.evaluate((s) => document.getElementById('w').setAttribute('src', s), src);
    await page.waitForFunction((s) => document.getElementById('w').shadowRoot.textContent.includes(s.includes(' ') ? '1 more active' : 'Incident Y'), src, { timeout: 5000 }).catch(async (e) => { throw new Error(src + ': ' + await page.evaluate(() => document.getElementById('w').shadowRoot.textContent.slice(0, 200))); });
    await sleep(400);
    const seen = await page.evaluate(() => window.__events.splice(0));
    assert.ok(!seen.some((e) => e.type.startsWith('incident-')), `${src}: ${JSON.stringify(seen)}`);
    assert.ok(!seen.some((e) => e.type === 'status-change' && e.detail.page === 'Acme' && src === 'src-b.json'), `${src}: no stale picture: ${JSON.stringify(seen)}`);
    const announced = await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.sw-announcer').textContent);
    assert.equal(announced, '', src);
  }
  assert.deepEqual(problems, []);
  await close();
});

test('two widgets of one feed announce a change once between them', CHROMIUM_ONLY, async () => {
  server.fault('review-twice', 'alternate');
  const url = await hostPage('twice.html', '<status-widget id="a" src="/faults/review-twice/summary.json" poll="0.5"></status-widget><status-widget id="b" src="/faults/review-twice/summary.json" poll="0.5"></status-widget>');
  const { page, close } = await openPage(browser, url, { width: 1000 });
  await page.waitForFunction(() => ['a', 'b'].some((id) => document.getElementById(id).shadowRoot.querySelector('.sw-announcer')?.textContent), null, { timeout: 10000 });
  const texts = await page.evaluate(() => ['a', 'b'].map((id) => document.getElementById(id).shadowRoot.querySelector('.sw-announcer').textContent));
  assert.equal(texts.filter(Boolean).length, 1, JSON.stringify(texts));
  await close();
});

test('huge poll and timeout values neither loop nor time out every read', CHROMIUM_ONLY, async () => {
  server.fault('review-long', 'ok');
  const before = server.requests.get('review-long') ?? 0;
  const url = await hostPage('long.html', '<status-widget id="w" src="/faults/review-long/summary.json" poll="2592000" timeout="3000000"></status-widget>');
  const { page, close } = await openPage(browser, url, { width: 1000 });
  await sleep(2000);
  assert.equal((server.requests.get('review-long') ?? 0) - before, 1, 'one read, then a long wait');
  assert.match(await page.locator('.sw-banner').textContent(), /GitHub|Minor|Outage|Incident/i, 'the read did not time out');
  await close();
});

// The review's leftovers, each from the reader's or host's side.

test('an unknown locale is not claimed: dates say the language they are written in, and the console says so once', CHROMIUM_ONLY, async () => {
  const url = await hostPage('locale-xx.html', '<status-widget id="a" src="/reference/incidents.json" locale="xx" expanded></status-widget><status-widget id="b" src="/reference/incidents.json" locale="xx"></status-widget>', { lang: 'en' });
  const { page, problems, close } = await openPage(browser, url, { width: 1000 });
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.reload();
  await page.waitForFunction(() => document.getElementById('a')?.shadowRoot?.querySelector('.sw-incident time'));
  // Attribute changes read every setting again; the warning is not repeated.
  for (const theme of ['dark', 'light', 'auto']) await page.evaluate((t) => document.querySelectorAll('status-widget').forEach((w) => w.setAttribute('theme', t)), theme);
  await sleep(300);
  const langs = await page.evaluate(() => [...document.getElementById('a').shadowRoot.querySelectorAll('[lang]')].map((e) => e.getAttribute('lang')));
  assert.ok(!langs.includes('xx'), `no element claims xx: ${[...new Set(langs)]}`);
  assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('.sw').getAttribute('lang')), 'en');
  assert.equal(warnings.filter((w) => w.includes('locale="xx"')).length, 1, warnings.join('\n'));
  assert.deepEqual(problems, []);
  await close();
});

test('an indicator the widget does not know is drawn in the unknown colour the host set', CHROMIUM_ONLY, async () => {
  await write('weird-indicator.json', JSON.stringify({
    page: { id: 'p', name: 'P' }, status: { indicator: 'degraded', description: 'Something odd' },
    components: [{ id: 'c', name: 'Odd part', status: 'wobbly', page_id: 'p' }], incidents: [],
  }));
  const url = await hostPage('weird-indicator.html', '<status-widget id="w" src="weird-indicator.json" expanded style="--sw-unknown: rgb(1, 2, 3); --sw-minor: rgb(200, 0, 0)"></status-widget>');
  const { page, problems, close } = await openPage(browser, url, { width: 1000 });
  await page.waitForSelector('.sw-banner');
  const colours = await page.evaluate(() => {
    const root = document.getElementById('w').shadowRoot;
    const banner = root.querySelector('.sw-banner');
    const icons = [...root.querySelectorAll('.sw-icon')].map((i) => getComputedStyle(i).backgroundColor);
    return { border: getComputedStyle(banner).borderInlineStartColor, icons, text: banner.textContent };
  });
  assert.match(colours.text, /Something odd/);
  assert.equal(colours.border, 'rgb(1, 2, 3)');
  // With no page status, an unknown component status is not turned into "minor" either.
  await write('weird-component.json', JSON.stringify({ page: { id: 'p', name: 'P' },
    components: [{ id: 'c', name: 'Odd part', status: 'wobbly', page_id: 'p' }, { id: 'd', name: 'Fine', status: 'operational', page_id: 'p' }] }));
  await page.evaluate(() => document.getElementById('w').setAttribute('src', 'weird-component.json'));
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.sw-banner')?.textContent.includes('Wobbly'));
  const second = await page.evaluate(() => {
    const banner = document.getElementById('w').shadowRoot.querySelector('.sw-banner');
    return { border: getComputedStyle(banner).borderInlineStartColor, text: banner.textContent };
  });
  assert.equal(second.border, 'rgb(1, 2, 3)', JSON.stringify(second));
  assert.doesNotMatch(second.text, /Minor/, JSON.stringify(second));
  assert.ok(colours.icons.length >= 2 && colours.icons.every((c) => c === 'rgb(1, 2, 3)'), JSON.stringify(colours.icons));
  assert.deepEqual(problems, []);
  await close();
});

test('another product\'s feed gets a clear message and no "Try again" that cannot help', CHROMIUM_ONLY, async () => {
  const url = await hostPage('other-product.html', '<status-widget id="w" src="/fixtures/other/perplexity_instatus_summary_page-only-UP_ai-status.json"></status-widget>');
  const { page, problems, close } = await openPage(browser, url, { width: 1000 });
  await page.waitForSelector('.sw-error');
  assert.match(await page.locator('.sw-error').textContent(), /Instatus/);
  assert.equal(await page.locator('.sw-error button').count(), 0);
  // Beside a page it can read, the product is named in the line about the failing source.
  await page.evaluate(() => document.getElementById('w').setAttribute('src', '/reference/summary.json /fixtures/other/cstate_torproject_index_EXTRACTED_no-issues.json'));
  await page.waitForFunction(() => /cState/.test(document.getElementById('w').shadowRoot.textContent), null, { timeout: 5000 });
  assert.deepEqual(problems, []);
  await close();
});

test('replay steps that each bring an update with the same status are each announced', CHROMIUM_ONLY, async () => {
  const update = (id, at, body) => ({ id, status: 'monitoring', body, created_at: at });
  await write('monitoring-twice.json', JSON.stringify({
    page: { id: 'p', name: 'P' },
    incidents: [{ id: 'i', name: 'Slow mail', status: 'monitoring', impact: 'minor', created_at: '2026-11-30T09:00:00Z',
      incident_updates: [update('u3', '2026-11-30T11:00:00Z', 'Still watching.'), update('u2', '2026-11-30T10:00:00Z', 'Watching.'),
        { id: 'u1', status: 'investigating', body: 'Looking.', created_at: '2026-11-30T09:00:00Z' }] }],
  }));
  const url = await hostPage('monitoring-twice.html', '<status-widget id="w" src="monitoring-twice.json" now="2026-11-30T09:30:00Z"></status-widget>');
  const { page, problems, close } = await openPage(browser, url, { width: 1000 });
  await page.waitForSelector('.sw-banner');
  await sleep(300);
  await page.evaluate(() => {
    window.__spoken = [];
    const region = document.getElementById('w').shadowRoot.querySelector('.sw-announcer');
    new MutationObserver(() => window.__spoken.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
  });
  // Forward, forward, back (nothing happened in time: silent), forward again (news again).
  for (const now of ['2026-11-30T10:30:00Z', '2026-11-30T11:30:00Z', '2026-11-30T10:30:00Z', '2026-11-30T11:30:00Z']) {
    await page.evaluate((t) => document.getElementById('w').setAttribute('now', t), now);
    await sleep(400);
  }
  const spoken = await page.evaluate(() => window.__spoken.filter((t) => t.trim()));
  assert.equal(spoken.length, 3, JSON.stringify(spoken));
  assert.ok(spoken.every((t) => /Slow mail/.test(t) && /Monitoring/.test(t)), JSON.stringify(spoken));
  assert.deepEqual(problems, []);
  await close();
});

test('feed names and dates are isolated from the widget\'s words in every line that joins them', CHROMIUM_ONLY, async () => {
  const names = ['שרת דואר', 'Mail API', 'بريد'];
  await write('bidi.json', JSON.stringify({
    page: { id: 'p', name: names[0], time_zone: 'Asia/Jerusalem', url: 'https://status.example.com' },
    components: names.map((name, i) => ({ id: `c${i}`, name, status: 'degraded_performance', page_id: 'p' })),
    incidents: [{ id: 'i', name: 'Slow', status: 'resolved', impact: 'minor', created_at: '2026-11-20T09:00:00Z', resolved_at: '2026-11-20T10:00:00Z',
      components: names.map((name, i) => ({ id: `c${i}`, name })),
      incident_updates: [{ id: 'u', status: 'resolved', body: 'Fixed.', created_at: '2026-11-20T10:00:00Z',
        affected_components: names.map((name, i) => ({ code: `c${i}`, name, old_status: 'degraded_performance', new_status: 'operational' })) }] }],
  }));
  for (const [file, body] of [
    ['bidi-banner.html', '<status-widget id="w" src="bidi.json" now="2026-11-21T10:00:00Z" locale="he" expanded></status-widget>'],
    ['bidi-page.html', '<status-widget id="w" src="bidi.json" now="2026-11-30T10:00:00Z" mode="page" locale="ar"></status-widget>'],
  ]) {
    const url = await hostPage(file, body);
    const { page, problems, close } = await openPage(browser, url, { width: 1000 });
    await page.waitForSelector('.sw-banner, .sw-page');
    await sleep(300);
    // Every text node that holds a feed name or a date sits in an element that isolates it.
    const loose = await page.evaluate((names) => {
      const root = document.getElementById('w').shadowRoot;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const out = [];
      const isolates = (el) => ['isolate', 'plaintext', 'isolate-override'].includes(getComputedStyle(el).unicodeBidi);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const t = n.textContent;
        const holdsName = names.some((name) => t.includes(name));
        // A date: a year or a clock time, among Hebrew or Arabic words (counts are the widget's own).
        const holdsDate = /[0-9\u0660-\u0669]{4}|[0-9\u0660-\u0669]:[0-9\u0660-\u0669]/.test(t) && /[\u0590-\u06ff]/.test(t);
        if (!holdsName && !holdsDate) continue;
        // A name must be the whole text of its isolating element, not a part of a sentence.
        const el = n.parentElement;
        if (!isolates(el) || (holdsName && !names.includes(t.trim()) && el.closest('.sw-text') === null)) out.push(`${el.className || el.tagName}: ${t}`);
      }
      return out;
    }, names);
    assert.deepEqual(loose, [], file);
    assert.deepEqual(problems, []);
    await close();
  }
});

test('a mode changed to page after mount shows the page, timeline open', CHROMIUM_ONLY, async () => {
  const url = await hostPage('mode-later.html', '<status-widget id="w" src="/reference" poll="0" now="2020-02-05T10:40:00Z"></status-widget>');
  const { page, problems, close } = await openPage(browser, url, { width: 1000 });
  await page.waitForSelector('.sw-banner');
  await page.evaluate(() => document.getElementById('w').setAttribute('mode', 'page'));
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelectorAll('h2').length >= 3, null, { timeout: 5000 });
  assert.equal(await page.locator('.sw-banner').getAttribute('aria-expanded'), 'true');
  assert.deepEqual(problems, []);
  await close();
});

// ---- The package reviews (issue 16): what a framework host runs into ---------------------

test('expanded changed by the host opens and closes the timeline, with no expand or collapse event', CHROMIUM_ONLY, async () => {
  await write('expanded-recorder.js', `window.__events = [];
for (const n of ['expand', 'collapse']) document.addEventListener('status-widget:' + n, (e) => window.__events.push(n));`);
  const url = await hostPage('expanded-later.html', '<status-widget id="w" poll="0"></status-widget>',
    { head: '<script type="module" src="expanded-recorder.js"></script>' });
  const { page, problems, close } = await openPage(browser, url, { width: 1000 });
  const open = () => page.locator('.sw-banner').getAttribute('aria-expanded');
  assert.equal(await open(), 'false');
  // React sets `expanded=""` for true and removes the attribute for false.
  await page.evaluate(() => document.getElementById('w').setAttribute('expanded', ''));
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.sw-banner').getAttribute('aria-expanded') === 'true');
  assert.ok(await page.locator('.sw-panel').isVisible());
  await page.evaluate(() => document.getElementById('w').removeAttribute('expanded'));
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.sw-banner').getAttribute('aria-expanded') === 'false');
  // The reader's own click still opens it, and says so.
  await page.locator('.sw-banner').click();
  assert.equal(await open(), 'true');
  assert.deepEqual(await page.evaluate(() => window.__events), ['expand']);
  assert.deepEqual(problems, []);
  await close();
});

test('a replay of a base URL sends one first picture: no incident news when the history arrives after the summary', CHROMIUM_ONLY, async () => {
  await write('replay-recorder.js', `window.__events = [];
for (const n of ['status-change', 'incident-open', 'incident-update', 'incident-resolve'])
  document.addEventListener('status-widget:' + n, (e) => window.__events.push({ type: n, detail: e.detail }));`);
  // The history answers 400 ms after the summary: the summary (today's: all operational) is
  // shown first, then the replayed morning's incident completes the picture.
  server.fault('replay-slow', 'reference-slow:400');
  const url = await hostPage('replay-base.html', `<status-widget id="w" src="${base}/faults/replay-slow/" now="2020-02-05T10:40:00Z" poll="0" locale="en-GB"></status-widget>`,
    { head: '<script type="module" src="replay-recorder.js"></script>' });
  const { page, problems, close } = await openPage(browser, url, { width: 1000 });
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.textContent.includes('OTP Email delay'));
  await sleep(300);
  const seen = await page.evaluate(() => window.__events);
  assert.deepEqual(seen.map((e) => [e.type, e.detail.indicator, e.detail.previous]), [
    ['status-change', 'none', null], // the summary alone
    ['status-change', 'minor', null], // the whole picture: a first picture again, not news
  ]);
  assert.equal(await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.sw-announcer').textContent), '');
  assert.deepEqual(problems, []);
  await close();
});

test('on a phone the open corner strip is at most two thirds of the screen, its timeline half', CHROMIUM_ONLY, async () => {
  for (const [width, height] of [[375, 667], [320, 568]]) {
    const url = await hostPage(`corner-phone-${width}.html`, '<status-widget mode="corner" expanded now="2020-02-05T10:40:00Z"></status-widget>');
    const { page, problems, close } = await openPage(browser, url, { width, height });
    const sizes = await page.evaluate(() => {
      const root = document.querySelector('status-widget').shadowRoot;
      const panel = root.querySelector('.sw-panel');
      return { box: root.querySelector('.sw').getBoundingClientRect().height, panel: panel.getBoundingClientRect().height, overflows: panel.scrollHeight > panel.clientHeight };
    });
    // The timeline is longer than the caps: they are what holds it.
    assert.ok(sizes.overflows, `${width}x${height}: ${JSON.stringify(sizes)}`);
    assert.ok(sizes.box <= height * 0.66 + 1, `${width}x${height}: ${JSON.stringify(sizes)}`);
    assert.ok(sizes.panel <= height * 0.5 + 1, `${width}x${height}: ${JSON.stringify(sizes)}`);
    assert.deepEqual(problems, []);
    await close();
  }
});
