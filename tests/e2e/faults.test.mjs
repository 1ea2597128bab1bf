// End to end: the widget against a real local server that injects faults on request
// (tests/support/server.mjs, /faults/NAME/). Every fault: no uncaught error or unhandled
// rejection in the host page, the last good data stays on screen with an honest message,
// the backoff schedule is kept (the server counts requests), and the widget recovers by
// itself when the server does. The tests named [engine] run in Chromium, Firefox and WebKit
// (tests/support/engines.mjs); the others need Chromium (CDP, several tabs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../support/server.mjs';
import { ENGINES, CHROMIUM_ONLY, enginePool } from '../support/engines.mjs';

const engines = enginePool();
let server, refusing, other, base, hosts, refusingPort, otherBase;

before(async () => {
  hosts = await mkdtemp(join(tmpdir(), 'status-widget-faults-'));
  server = await startServer({ port: 0, extra: [['/hosts/', hosts]] });
  base = `http://127.0.0.1:${server.address().port}`;
  // A second server that can be taken down and brought back on the same port.
  refusing = await startServer({ port: 0 });
  refusingPort = refusing.address().port;
  // Another origin, for the CORS failure (a same-origin read never involves CORS).
  other = await startServer({ port: 0 });
  otherBase = `http://127.0.0.1:${other.address().port}`;
});

after(async () => {
  await engines.closeAll();
  for (const s of [server, refusing, other]) { s?.closeAllConnections(); s?.close(); }
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Writes the host page `name` with the given widgets. */
const writeHost = (name, body) => writeFile(join(hosts, name), `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<link rel="icon" href="../icon.svg"><script type="module" src="../status-widget.js"></script></head><body>${body}</body></html>`);

/** Opens the host page `name` with the given widgets in `engine`. `uncaught()` is what the
 * page let escape: uncaught errors, unhandled rejections (and dialogs), not console errors
 * (the browser itself logs failed requests as console errors, which is not the page's doing). */
async function open(engine, name, body) {
  await writeHost(name, body);
  const { page, problems, close } = await (await engines.get(engine)).openPage(`${base}/hosts/${name}`, { width: 1280, height: 720, ready: null });
  return { page, close, uncaught: () => problems.filter((p) => !p.startsWith('console: ')) };
}

/** The same in a Playwright context of its own, for the Chromium-only tests (CDP). */
async function host(name, body) {
  await writeHost(name, body);
  const { browser } = await engines.get('chromium');
  const context = await browser.newContext({ timezoneId: 'UTC' });
  const page = await context.newPage();
  const uncaught = [];
  page.on('pageerror', (e) => uncaught.push(e.message));
  await page.exposeFunction('__rejected', (r) => uncaught.push(`unhandled rejection: ${r}`));
  await page.addInitScript(() => addEventListener('unhandledrejection', (e) => window.__rejected(String(e.reason))));
  await page.goto(`${base}/hosts/${name}`);
  return { page, context, uncaught };
}

const shadowText = (page, id, selector) => page.evaluate(([i, s]) =>
  document.getElementById(i).shadowRoot.querySelector(s)?.textContent ?? null, [id, selector]);

const FAULTS = [
  ['http500', 'status:500'],
  ['http404', 'status:404'],
  ['http429', 'status:429:5'],
  ['hang', 'hang'],
  ['malformed', 'malformed'],
  ['wrongshape', 'wrong-shape'],
  ['html200', 'html200'],
  ['huge', 'huge'],
  ['nocors', 'nocors'],
  ['flap', 'flap'],
];

for (const engine of ENGINES) {
  test(`[${engine}] every fault: good data stays, the message is honest, backoff is kept, recovery is automatic`, async () => {
    const origin = (name) => (name === 'nocors' ? otherBase : '');
    const where = (name) => (name === 'nocors' ? other : server);
    const widgets = FAULTS.map(([name]) => `<status-widget id="${name}" src="${origin(name)}/faults/${name}/feed.json" poll="1" timeout="1"></status-widget>`)
      .concat(`<status-widget id="refused" src="http://127.0.0.1:${refusingPort}/faults/refused/feed.json" poll="1" timeout="1"></status-widget>`);
    const { page, close, uncaught } = await open(engine, 'faults.html', widgets.join('\n'));
    const ids = [...FAULTS.map(([n]) => n), 'refused'];
    await page.waitForFunction((list) => list.every((id) =>
      document.getElementById(id).shadowRoot?.querySelector('.sw-banner__overall')), ids, { timeout: 15000 });

    // Break everything at once; count requests from the first failure on.
    for (const [name, mode] of FAULTS) where(name).fault(name, mode);
    refusing.closeAllConnections();
    await new Promise((r) => refusing.close(r));
    const count = (name) => where(name).requests.get(name) ?? 0;
    const counted = new Map(FAULTS.map(([n]) => [n, count(n)]));
    await sleep(7800);
    const seen = new Map(FAULTS.map(([n]) => [n, count(n) - counted.get(n)]));

    for (const id of ids) {
      // The last good data is still there, whatever the fault.
      assert.equal(await shadowText(page, id, '.sw-banner__overall'), 'Minor Service Outage', `${id}: data kept`);
    }
    for (const id of ids.filter((i) => i !== 'flap')) {
      const message = await shadowText(page, id, '.sw-freshness');
      assert.match(message, /refreshing failed|may be out of date/, `${id}: ${message}`);
    }
    assert.match(await shadowText(page, 'http500', '.sw-freshness'), /the status page answers HTTP 500/);
    assert.match(await shadowText(page, 'hang', '.sw-freshness'), /the status page is unreachable/);
    assert.match(await shadowText(page, 'huge', '.sw-freshness'), /the feed is too large/);
    assert.match(await shadowText(page, 'html200', '.sw-freshness'), /the feed cannot be read/);

    // Backoff after a 1 s interval: the first failing read (within ~1 s of the switch), then
    // ~2 s later, then ~4 s after that: 3 reads in 7.8 s, where steady polling would make 7.
    for (const name of ['http500', 'http404', 'malformed', 'wrongshape', 'html200', 'huge', 'nocors']) {
      assert.ok(seen.get(name) >= 2 && seen.get(name) <= 3, `${name}: ${seen.get(name)} requests`);
    }
    // 429 with Retry-After: 5 — never sooner than 5 s: 2 reads in 7.8 s.
    assert.equal(seen.get('http429'), 2, `http429: ${seen.get('http429')} requests`);
    // A read that never answers is abandoned after the 1 s timeout; the backoff is the same.
    assert.ok(seen.get('hang') >= 2 && seen.get('hang') <= 3, `hang: ${seen.get('hang')} requests`);

    // The servers come back; every widget recovers by itself (within the next backoff step).
    for (const [name] of FAULTS) where(name).fault(name, 'ok');
    await new Promise((r) => refusing.listen(refusingPort, '127.0.0.1', r));
    await page.waitForFunction((list) => list.every((id) =>
      /^Updated /.test(document.getElementById(id).shadowRoot.querySelector('.sw-freshness')?.textContent ?? '')),
    ids, { timeout: 20000, polling: 200 });
    assert.deepEqual(uncaught(), [], 'no uncaught error or unhandled rejection');
    console.log(`# requests during 7.8 s of faults: ${JSON.stringify(Object.fromEntries(seen))}`);
    await close();
  });

  test(`[${engine}] a first read that fails shows a calm message, and the widget recovers by itself`, async () => {
    server.fault('cold', 'status:503');
    const { page, close, uncaught } = await open(engine, 'cold.html', '<status-widget id="w" src="/faults/cold/feed.json" poll="1" timeout="1"></status-widget>');
    await page.waitForFunction(() => document.getElementById('w').shadowRoot?.querySelector('.sw-error'));
    assert.match(await shadowText(page, 'w', '.sw-error__message'), /HTTP 503/);
    server.fault('cold', 'ok');
    await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.sw-banner'), null, { timeout: 15000 });
    assert.deepEqual(uncaught(), []);
    await close();
  });

  test(`[${engine}] the saved copy paints at once, marked with its age, while the network is down`, async () => {
    server.fault('saved', 'ok');
    const { page, close, uncaught } = await open(engine, 'saved.html', '<status-widget id="w" src="/faults/saved/feed.json" poll="1" timeout="1"></status-widget>');
    await page.waitForFunction(() => document.getElementById('w').shadowRoot?.querySelector('.sw-banner'));
    server.fault('saved', 'hang');
    await page.reload();
    // Painted from localStorage before the (hanging) network answers.
    await page.waitForFunction(() => document.getElementById('w').shadowRoot?.querySelector('.sw-banner'), null, { timeout: 900 });
    assert.match(await shadowText(page, 'w', '.sw-freshness'), /^Saved copy from (just now|\d+ minutes? ago); refreshing…$/);
    await page.waitForFunction(() => /may be out of date/.test(document.getElementById('w').shadowRoot.querySelector('.sw-freshness').textContent));
    assert.equal(await shadowText(page, 'w', '.sw-banner__overall'), 'Minor Service Outage');
    assert.deepEqual(uncaught(), []);
    await close();
  });

  test(`[${engine}] a base URL reads summary, history and maintenances at once, and shows the summary without waiting`, async () => {
    server.fault('slowhistory', 'history-hangs');
    const before = server.requests.get('slowhistory') ?? 0;
    const { page, close, uncaught } = await open(engine, 'slow.html', '<status-widget id="w" src="/faults/slowhistory" poll="0" timeout="3"></status-widget>');
    // The banner comes from summary.json while incidents.json is still hanging.
    await page.waitForFunction(() => document.getElementById('w').shadowRoot?.querySelector('.sw-banner__overall'), null, { timeout: 2500 });
    assert.equal(await shadowText(page, 'w', '.sw-banner__overall'), 'Minor Service Outage');
    assert.equal((server.requests.get('slowhistory') ?? 0) - before, 3, 'all three documents requested at once');
    // When the history times out it is left out; the widget does not turn into an error.
    await sleep(3500);
    assert.equal(await shadowText(page, 'w', '.sw-banner__overall'), 'Minor Service Outage');
    assert.equal(await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.sw-error')), null);
    assert.deepEqual(uncaught(), []);
    await close();
  });

  test(`[${engine}] polling a base URL reads only the summary while it is unchanged`, async () => {
    server.fault('basepoll', 'ok');
    server.requests.delete('basepoll'); // counted afresh in each engine
    const { page, close, uncaught } = await open(engine, 'basepoll.html', '<status-widget id="w" src="/faults/basepoll" poll="1"></status-widget>');
    await page.waitForFunction(() => document.getElementById('w').shadowRoot?.querySelector('.sw-banner__overall'));
    await sleep(300);
    assert.equal(server.requests.get('basepoll'), 3, 'first read: summary, incidents, maintenances');
    const start = server.requests.get('basepoll');
    await sleep(3300);
    const polled = server.requests.get('basepoll') - start;
    assert.ok(polled >= 2 && polled <= 4, `${polled} requests in 3.3 s at 1 s: the summary alone`);
    assert.deepEqual(uncaught(), []);
    await close();
  });
}

test('widgets on one page share one poller; an unchanged feed changes nothing; a hidden page does not poll', CHROMIUM_ONLY, async () => {
  server.fault('shared', 'ok');
  const before = server.requests.get('shared') ?? 0;
  const { page, context, uncaught } = await host('shared.html', `
    <status-widget id="a" src="/faults/shared/feed.json" poll="1"></status-widget>
    <status-widget id="b" src="/faults/shared/feed.json" poll="1"></status-widget>
    <status-widget id="c" src="/faults/shared/feed.json" poll="1" theme="dark"></status-widget>`);
  await page.waitForFunction(() => ['a', 'b', 'c'].every((id) => document.getElementById(id).shadowRoot?.querySelector('.sw-banner')));
  // Watch for any DOM change or event while the feed stays the same.
  await page.evaluate(() => {
    window.__mutations = 0;
    window.__events = 0;
    for (const id of ['a', 'b', 'c']) {
      new MutationObserver((m) => { window.__mutations += m.length; })
        .observe(document.getElementById(id).shadowRoot, { subtree: true, childList: true, characterData: true, attributes: true });
    }
    for (const n of ['status-change', 'incident-open', 'incident-update', 'incident-resolve', 'error']) {
      document.addEventListener(`status-widget:${n}`, () => { window.__events += 1; });
    }
  });
  const start = server.requests.get('shared');
  await sleep(3300);
  const polled = server.requests.get('shared') - start;
  assert.ok(polled >= 2 && polled <= 4, `three widgets, one poller: ${polled} requests in 3.3 s at 1 s`);
  assert.equal(start - before, 1, 'one first read for three widgets');
  assert.deepEqual(await page.evaluate(() => [window.__mutations, window.__events]), [0, 0], 'unchanged: no re-render, no event');

  // Hidden: no polling. Visible again after a missed cycle: one read at once.
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await sleep(1500);
  const hiddenStart = server.requests.get('shared');
  await sleep(3000);
  assert.equal(server.requests.get('shared') - hiddenStart, 0, 'no reads while hidden');
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await sleep(400);
  assert.equal(server.requests.get('shared') - hiddenStart, 1, 'read at once when shown again');
  assert.deepEqual(uncaught, []);
  await context.close();
});

test('1,000 poll cycles leave the JS heap and the DOM flat', CHROMIUM_ONLY, async () => {
  server.fault('soak', 'alternate');
  const { page, context, uncaught } = await host('soak.html', '<status-widget id="w" src="/faults/soak/feed.json" poll="0.005" expanded></status-widget>');
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const measure = async () => {
    // Hold the feed still for a moment so both measurements see the same picture.
    server.fault('soak', 'ok');
    await sleep(400);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { nodes } = await cdp.send('Memory.getDOMCounters');
    const cycles = server.requests.get('soak');
    server.fault('soak', 'alternate');
    return { cycles, heap: usedSize, nodes };
  };
  while ((server.requests.get('soak') ?? 0) < 100) await sleep(100);
  const early = await measure();
  while ((server.requests.get('soak') ?? 0) < 1100) await sleep(250);
  const late = await measure();
  console.log(`# soak: after ${early.cycles} cycles heap ${early.heap} B, ${early.nodes} DOM nodes; after ${late.cycles} cycles heap ${late.heap} B, ${late.nodes} DOM nodes`);
  // The feed alternates, so every cycle re-renders; nothing may accumulate.
  assert.ok(late.heap - early.heap < 1_000_000, `heap grew ${late.heap - early.heap} B over 1,000 cycles`);
  assert.ok(Math.abs(late.nodes - early.nodes) < 200, `DOM nodes ${early.nodes} → ${late.nodes}`);
  assert.deepEqual(uncaught, []);
  await context.close();
});

test('tabs of one origin share one poller, and hand over when the leader hides or closes', CHROMIUM_ONLY, async () => {
  server.fault('tabs', 'ok');
  await writeFile(join(hosts, 'tabs.html'), `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<link rel="icon" href="../icon.svg"><script type="module" src="../status-widget.js"></script></head>
<body><status-widget id="w" src="/faults/tabs/feed.json" poll="1"></status-widget></body></html>`);
  const { browser } = await engines.get('chromium');
  const context = await browser.newContext({ timezoneId: 'UTC' });
  const uncaught = [];
  const open = async () => {
    const page = await context.newPage();
    page.on('pageerror', (e) => uncaught.push(e.message));
    await page.goto(`${base}/hosts/tabs.html`);
    await page.waitForFunction(() => document.getElementById('w').shadowRoot?.querySelector('.sw-banner'));
    return page;
  };
  const tabs = [await open(), await open(), await open()];
  const reads = async (ms) => {
    const start = server.requests.get('tabs');
    await sleep(ms);
    return server.requests.get('tabs') - start;
  };
  const setHidden = (page, hidden) => page.evaluate((h) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);

  await sleep(1500); // let the newcomers yield to the first tab
  const together = await reads(4000);
  assert.ok(together >= 3 && together <= 5, `three tabs, one poller: ${together} reads in 4 s at 1 s`);
  // Every tab still shows fresh data, read by the leader.
  for (const page of tabs) {
    assert.match(await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.sw-freshness').textContent), /^Updated just now/);
  }

  // Hide every tab but the last: whoever led hands over, and the visible one reads.
  await setHidden(tabs[0], true);
  await setHidden(tabs[1], true);
  await sleep(1000);
  const handedOver = await reads(3000);
  assert.ok(handedOver >= 2 && handedOver <= 4, `after hiding: ${handedOver} reads in 3 s`);

  // Close the visible tab: nobody visible is left, so nobody reads.
  await tabs[2].close({ runBeforeUnload: true });
  await sleep(500);
  assert.equal(await reads(2500), 0, 'all remaining tabs hidden: no reads');

  // Show one again: it takes over at once (the data is over an interval old).
  await setHidden(tabs[1], false);
  await sleep(600);
  assert.ok((await reads(2200)) >= 2, 'a tab shown again takes over');
  assert.deepEqual(uncaught, []);
  await context.close();
});

