// End to end: the widget reading status-relay (the real binary, started here on 127.0.0.1)
// whose upstreams are real captures of other products, served by the local test server.
// In every engine: each product renders through the relay; a change upstream reaches an
// open widget by the relay's event stream (the widget polls only every 300 s); without the
// stream the widget polls; and after the relay restarts the widget listens again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, repo } from '../support/server.mjs';
import { ENGINES, enginePool, freePort } from '../support/engines.mjs';
import { stageUpstreams, relayConfig, startRelay, UPSTREAMS } from '../support/relay.mjs';

const engines = enginePool();
let server, base, hosts, relay, noStreams, upstream;

const reference = async (name) => JSON.parse(await readFile(join(repo, 'src/reference', `${name}.json`), 'utf8'));

/** The live upstream (a Statuspage page the test rewrites) as it is at first: the reference. */
async function writeLive(dir, summary) {
  await mkdir(join(dir, 'api/v2'), { recursive: true });
  await writeFile(join(dir, 'api/v2/summary.json'), JSON.stringify(summary));
  for (const name of ['incidents', 'scheduled-maintenances']) {
    await writeFile(join(dir, `api/v2/${name}.json`), JSON.stringify(await reference(name)));
  }
}

/** The reference summary with an open incident named `name`. */
async function withIncident(name) {
  const summary = await reference('summary');
  const now = new Date().toISOString();
  summary.status = { indicator: 'minor', description: 'Minor Service Outage' };
  summary.incidents = [{
    id: `live-${name.length}`, name, status: 'investigating', impact: 'minor', created_at: now, updated_at: now,
    started_at: now, shortlink: 'https://stspg.io/live', components: [],
    incident_updates: [{ id: `u-${name.length}`, status: 'investigating', body: `${name}: we are looking into it.`, display_at: now, created_at: now, updated_at: now }],
  }];
  return summary;
}

before(async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'status-widget-relay-'));
  hosts = join(tmp, 'hosts');
  await mkdir(hosts);
  upstream = await stageUpstreams(join(tmp, 'upstream'));
  for (const live of ['live', 'live-polled', 'live-restart', 'live-quiet']) await writeLive(join(upstream, live), await reference('summary'));
  server = await startServer({ port: 0, extra: [['/hosts/', hosts], ['/upstream/', upstream]] });
  base = `http://127.0.0.1:${server.address().port}`;
  // live-late has no documents until its test writes them.
  const lives = ['live', 'live-polled', 'live-restart', 'live-quiet', 'live-late']
    .map((n) => `[[feeds]]\nname = "${n}"\nkind = "statuspage"\nurl = "${base}/upstream/${n}"\n`).join('\n');
  // The doubling backoff stops at 2 s: live-late fails from the start, and by its test (after
  // the others) a longer backoff would keep the relay from reading it again in time.
  relay = await startRelay(relayConfig(`${base}/upstream`, { extra: 'max_backoff = 2' }) + '\n' + lives, { dir: tmp });
  noStreams = await startRelay(relayConfig(`${base}/upstream`, { extra: 'max_backoff = 2\n[limits]\nmax_streams = 0', only: [] }) + '\n' + lives, { dir: tmp });
});

after(async () => {
  await engines.closeAll();
  await relay?.stop();
  await noStreams?.stop();
  server?.closeAllConnections();
  server?.close();
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Connects to the relay's stream at `url`; resolves, once connected, to a promise of when
 * it sends a summary mentioning `words` (ms since the epoch). */
async function pushedAt(url, words) {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const when = (async () => {
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended');
      text += decoder.decode(value, { stream: true });
      if (text.includes(words)) {
        const at = Date.now();
        controller.abort();
        return at;
      }
    }
  })();
  return { when };
}

async function open(engine, name, body) {
  await writeFile(join(hosts, name), `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<link rel="icon" href="../icon.svg"><script type="module" src="../status-widget.js"></script></head><body>${body}</body></html>`);
  const { page, problems, close } = await (await engines.get(engine)).openPage(`${base}/hosts/${name}`, { width: 1280, height: 900, ready: null });
  return { page, close, uncaught: () => problems.filter((p) => !p.startsWith('console: ')) };
}

const text = (page, id, selector) => page.evaluate(([i, s]) =>
  document.getElementById(i).shadowRoot?.querySelector(s)?.textContent ?? null, [id, selector]);

/** Waits until the widget `id` shows `words` in its banner. */
const shows = (page, id, words, timeout) => page.waitForFunction(([i, w]) =>
  (document.getElementById(i).shadowRoot?.querySelector('.sw-banner')?.textContent ?? '').includes(w), [id, words], { timeout, polling: 50 });

for (const engine of ENGINES) {
  test(`[${engine}] every product renders through the relay`, async () => {
    const names = ['reference', ...Object.keys(UPSTREAMS)];
    const widgets = names.map((n) => `<status-widget id="${n}" src="${relay.url}/feeds/${n}" lang="en"></status-widget>`);
    const { page, close, uncaught } = await open(engine, 'products.html', widgets.join('\n'));
    await page.waitForFunction((list) => list.every((id) => document.getElementById(id).shadowRoot?.querySelector('.sw-banner__overall, .sw-error')),
      names, { timeout: 20000 });
    for (const name of names) {
      assert.equal(await text(page, name, '.sw-error'), null, `${name}: ${await text(page, name, '.sw-error')}`);
      assert.ok(await text(page, name, '.sw-banner__overall'), `${name}: a banner`);
    }
    assert.deepEqual(uncaught(), []);
    await close();
  });

  test(`[${engine}] a change upstream is pushed to the open widget by the relay's stream`, async () => {
    const { page, close, uncaught } = await open(engine, 'live.html',
      `<status-widget id="w" src="${relay.url}/feeds/live" poll="300" lang="en"></status-widget>`);
    await shows(page, 'w', 'All Systems Operational', 15000);
    // Let the widget open the stream (it does after its first read).
    await sleep(500);
    const name = `Delayed emails ${engine}`;
    // The test listens to the stream too, to tell the relay's push from the widget's part.
    const pushed = await pushedAt(`${relay.url}/feeds/live/events`, name);
    const changed = Date.now();
    await writeLive(join(upstream, 'live'), await withIncident(name));
    // The widget reads its documents every 300 s: only the pushed summary can bring this.
    await shows(page, 'w', name, 10000);
    const seen = Date.now();
    const push = await pushed.when;
    console.log(`# ${engine}: upstream change on screen after ${seen - changed} ms (the relay reads its upstream every 1 s); pushed to screen ${seen - push} ms`);
    await writeLive(join(upstream, 'live'), await reference('summary'));
    await shows(page, 'w', 'All Systems Operational', 10000);
    assert.deepEqual(uncaught(), []);
    await close();
  });

  test(`[${engine}] a quiet stream keeps the widget current, and a failing upstream shows as out of date`, async () => {
    const { page, close, uncaught } = await open(engine, 'quiet.html',
      `<status-widget id="w" src="${relay.url}/feeds/live-quiet" poll="5" lang="en"></status-widget>`);
    await shows(page, 'w', 'All Systems Operational', 15000);
    // Listening, the widget reads the documents every 50 s; the relay's pings keep it current
    // past the three intervals (15 s) after which a silent feed is called out of date.
    await sleep(22000);
    const quiet = await text(page, 'w', '.sw-freshness');
    assert.doesNotMatch(quiet, /out of date/, `after 22 s of a quiet stream: ${quiet}`);
    // The upstream breaks: the relay keeps the picture, marks it stale, and the widget dates
    // it from the relay's last good read.
    await writeFile(join(upstream, 'live-quiet/api/v2/summary.json'), '{"page": {"name": ');
    await page.waitForFunction(() => /out of date/.test(document.getElementById('w').shadowRoot.querySelector('.sw-freshness')?.textContent ?? ''),
      null, { timeout: 40000, polling: 200 });
    assert.match(await text(page, 'w', '.sw-banner'), /All Systems Operational/, 'the last good picture stays');
    await writeLive(join(upstream, 'live-quiet'), await reference('summary'));
    assert.deepEqual(uncaught(), []);
    await close();
  });

  test(`[${engine}] without the relay's stream the widget polls`, async () => {
    const { page, close, uncaught } = await open(engine, 'polled.html',
      `<status-widget id="w" src="${noStreams.url}/feeds/live-polled" poll="2" lang="en"></status-widget>`);
    await shows(page, 'w', 'All Systems Operational', 15000);
    const name = `Polled incident ${engine}`;
    await writeLive(join(upstream, 'live-polled'), await withIncident(name));
    await shows(page, 'w', name, 15000);
    await writeLive(join(upstream, 'live-polled'), await reference('summary'));
    assert.deepEqual(uncaught(), []);
    await close();
  });
}

test('a widget that met the relay before its first read gets the first picture by the stream', async () => {
  const { page, close, uncaught } = await open(ENGINES[0], 'late.html',
    `<status-widget id="w" src="${relay.url}/feeds/live-late" poll="300" lang="en"></status-widget>`);
  // The relay has nothing yet: 503, which names the stream.
  await page.waitForFunction(() => document.getElementById('w').shadowRoot?.querySelector('.sw-error'), null, { timeout: 15000 });
  assert.match(await text(page, 'w', '.sw-error__message'), /HTTP 503/);
  await writeLive(join(upstream, 'live-late'), await withIncident('Late first picture'));
  // After a failure the widget would wait at least 300 s to read again: only the stream can
  // bring this.
  await shows(page, 'w', 'Late first picture', 15000);
  assert.deepEqual(uncaught(), []);
  await close();
});

test('after the relay restarts, the open widgets listen again', async () => {
  const port = Number(new URL(noStreams.url).port);
  const restartable = await startRelay(relayConfig(`${base}/upstream`, { only: [] }) +
    `\n[[feeds]]\nname = "live-restart"\nkind = "statuspage"\nurl = "${base}/upstream/live-restart"\n`, { port: await freePort() });
  const url = restartable.url;
  const pages = [];
  for (const engine of ENGINES) {
    const { page, close, uncaught } = await open(engine, `restart-${engine}.html`,
      `<status-widget id="w" src="${url}/feeds/live-restart" poll="300" lang="en"></status-widget>`);
    await shows(page, 'w', 'All Systems Operational', 15000);
    pages.push({ engine, page, close, uncaught });
  }
  await restartable.stop();
  await sleep(1500);
  const again = await startRelay(relayConfig(`${base}/upstream`, { only: [] }) +
    `\n[[feeds]]\nname = "live-restart"\nkind = "statuspage"\nurl = "${base}/upstream/live-restart"\n`, { port: Number(new URL(url).port) });
  await writeLive(join(upstream, 'live-restart'), await withIncident('After the restart'));
  for (const { engine, page, close, uncaught } of pages) {
    // Reconnect waits double from 1 s; polling alone would take 300 s.
    await shows(page, 'w', 'After the restart', 30000);
    assert.deepEqual(uncaught(), [], engine);
    await close();
  }
  await again.stop();
  assert.ok(port > 0);
});
