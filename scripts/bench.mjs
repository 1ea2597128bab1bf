// `make bench`: status-widget side by side with Atlassian's @statuspage/status-widget 1.0.5
// (npm, pinned in package.json), in Debian's Chromium, on the same summary.json served by
// the local test server. Runs alternate (us, peer, us, peer, …) and medians are reported,
// with the ratio us / peer. Then our scale cases, which the peer cannot do. Writes
// BENCHMARKS.md and prints a summary. A benchmark, not a test: it asserts nothing.
//
//   node scripts/bench.mjs [--runs N]    (after `make dist`; `make bench` does both)
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startServer, repo, fixturesDir } from '../tests/support/server.mjs';
import { launch } from '../tests/support/browser.mjs';
import { sizes, BUNDLE } from './size.mjs';

const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 15;
const PEER_DIR = join(repo, 'node_modules/@statuspage/status-widget/dist');
const PEER_VERSION = JSON.parse(readFileSync(join(PEER_DIR, '../package.json'), 'utf8')).version;
const SUMMARY = join(fixturesDir, 'statuspage/github_summary_2022-11_sergeyshevch-statuspage-exporter.json');
const DESCRIPTION = JSON.parse(readFileSync(SUMMARY, 'utf8')).status.description; // "Minor Service Outage"

// A status page's API on its own local origin (the peer only takes a page's root URL), read
// by both widgets across origins, as a real embed does.
const work = mkdtempSync(join(tmpdir(), 'status-widget-bench-'));
mkdirSync(join(work, 'feed/api/v2'), { recursive: true });
copyFileSync(SUMMARY, join(work, 'feed/api/v2/summary.json'));
const pages = join(work, 'pages');
mkdirSync(pages);
const page = (name, head, body) => writeFileSync(join(pages, name), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${name}</title><link rel="icon" href="data:,">${head}</head><body><main><h1>Host app</h1><p>Some host content.</p>${body}</main></body></html>`);
const feedServer = await startServer({ port: 0, extra: [['/api/v2/', join(work, 'feed/api/v2')]], compress: true });
const feed = `http://127.0.0.1:${feedServer.address().port}`;
// The same host page three ways: nothing, us, the peer. Both widgets read the same document.
page('empty.html', '', '');
page('ours.html', '<script type="module" src="/status-widget.js"></script>', `<status-widget src="${feed}/api/v2/summary.json" poll="0"></status-widget>`);
// The same with the optional preload hints of the README's embed section.
page('ours-hints.html', '<link rel="modulepreload" href="/status-widget-glue.js"><link rel="preload" href="/status-widget_bg.wasm" as="fetch" type="application/wasm" crossorigin><script type="module" src="/status-widget.js"></script>', `<status-widget src="${feed}/api/v2/summary.json" poll="0"></status-widget>`);
page('peer.html', '<script src="/peer/index.js"></script>', `<statuspage-widget src="${feed}"></statuspage-widget>`);
page('github-history.html', '<script type="module" src="/status-widget.js"></script>',
  '<status-widget mode="page" src="/fixtures/statuspage/github_incidents_50_2026-07_gitdown.json" now="2026-07-31T03:30:00Z" history-days="90" poll="0"></status-widget>');
page('duo.html', '<script type="module" src="/status-widget.js"></script>',
  '<status-widget mode="page" src="/fixtures/statuspage/duo_components_539comps_69groups_atc0005-check-statuspage.json" poll="0"></status-widget>');
page('poll.html', '<script type="module" src="/status-widget.js"></script>', `<status-widget src="${feed}/api/v2/summary.json" poll="1"></status-widget>`);

const server = await startServer({ port: 0, extra: [['/bench/', pages], ['/peer/', PEER_DIR]], compress: true });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

// Runs before any page script: records long tasks and when the widget's first meaningful
// text (the status description) is in the DOM, light or shadow.
const PROBE = `(() => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
  const text = (n) => (n.shadowRoot ? text(n.shadowRoot) : '') + [...n.childNodes].map((c) => c.nodeType === 3 ? c.data : text(c)).join('');
  const want = ${JSON.stringify(DESCRIPTION)};
  const look = () => {
    const w = document.querySelector('status-widget, statuspage-widget');
    if (w && text(w).toLowerCase().includes(want.toLowerCase())) { window.__text = performance.now(); return; }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

const LONG_TASKS = `(() => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
})();`;

/** A network like a good mobile connection: 100 ms round trips, 10 Mbit/s down. */
const SLOW = { offline: false, latency: 100, downloadThroughput: 1.25e6, uploadThroughput: 0.625e6 };

/** One cold load of `name` in a fresh context: time to text, main thread, long tasks, heap. */
async function measure(name, { wait = DESCRIPTION, network = null } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.addInitScript(PROBE);
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  await tab.goto(`${base}/bench/${name}`);
  if (wait) {
    await tab.waitForFunction(() => window.__text !== undefined, null, { timeout: 20000 })
      .catch((e) => { throw new Error(`${name}: no status text (${errors.join('; ')}): ${e.message}`); });
  }
  else await tab.waitForLoadState('load');
  await tab.waitForTimeout(300); // let the last frames settle before reading counters
  await cdp.send('HeapProfiler.collectGarbage');
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const probe = await tab.evaluate(() => ({ text: window.__text ?? null, long: window.__long }));
  // Our wasm's linear memory is outside the JS heap: read it from the glue's instance.
  const wasm = await tab.evaluate(async () => {
    if (!document.querySelector('status-widget')) return 0;
    const glue = await import('/status-widget-glue.js');
    return (await glue.default()).memory.buffer.byteLength;
  }).catch(() => 0);
  await context.close();
  return {
    text: probe.text,
    task: metrics.TaskDuration * 1000,
    script: metrics.ScriptDuration * 1000,
    longTasks: probe.long.length,
    longest: Math.max(0, ...probe.long),
    heap: metrics.JSHeapUsedSize,
    wasm,
    nodes: metrics.Nodes,
    errors: errors.length,
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const summarize = (runs) => Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));

// Warm the server and the browser's code caches equally, then alternate.
await measure('empty.html', { wait: null });
const all = { empty: [], ours: [], peer: [] };
for (let i = 0; i < RUNS; i++) {
  all.empty.push(await measure('empty.html', { wait: null }));
  all.ours.push(await measure('ours.html'));
  all.peer.push(await measure('peer.html'));
}
// The same on a slower network, where bytes and round trips count (fewer runs: each is slow).
const slow = { ours: [], hints: [], peer: [] };
for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
  slow.ours.push((await measure('ours.html', { network: SLOW })).text);
  slow.hints.push((await measure('ours-hints.html', { network: SLOW })).text);
  slow.peer.push((await measure('peer.html', { network: SLOW })).text);
}
const empty = summarize(all.empty);
const ours = summarize(all.ours);
const peer = summarize(all.peer);

// Bytes a host page downloads for each widget.
const ourBytes = sizes(BUNDLE.map((f) => join(repo, 'dist', f))).at(-1);
const peerBytes = sizes([join(PEER_DIR, 'index.js')]).at(-1);

// Scale cases (ours only).
async function scale(name, action) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Long tasks, from before any page script to the end of the case (the observer alone: the
  // first-text probe would walk the whole widget every frame).
  await context.addInitScript(LONG_TASKS);
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  const started = Date.now();
  await tab.goto(`${base}/bench/${name}`);
  await tab.locator('.sw-banner').waitFor({ timeout: 20000 });
  const firstText = Date.now() - started;
  // Let the first screen's tasks end (the rest of the picture follows in later tasks).
  await tab.waitForTimeout(1000);
  const loadLong = await tab.evaluate(() => window.__long.slice());
  const result = await action(tab, cdp);
  const allLong = await tab.evaluate(() => window.__long.slice());
  result.long = { load: loadLong, after: allLong.slice(loadLong.length) };
  await cdp.send('HeapProfiler.collectGarbage');
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await context.close();
  return { firstText, ...result, heap: metrics.JSHeapUsedSize, nodes: metrics.Nodes };
}
const task = async (cdp) => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value])).TaskDuration * 1000;

const history = await scale('github-history.html', async (tab, cdp) => {
  const before = await task(cdp);
  const t0 = Date.now();
  // Open every past incident and every "Show more", until nothing is left closed.
  let opened = 0;
  for (;;) {
    const closed = tab.locator('.sw-past__toggle[aria-expanded="false"], .sw-more');
    if ((await closed.count()) === 0) break;
    await closed.first().click();
    opened++;
  }
  const updates = await tab.locator('.sw-update').count();
  return { opened, updates, expandMs: Date.now() - t0, expandTask: (await task(cdp)) - before };
});
const duo = await scale('duo.html', async (tab, cdp) => {
  const before = await task(cdp);
  const groups = tab.locator('.sw-tree__toggle[aria-expanded="false"]');
  const t0 = Date.now();
  while ((await groups.count()) > 0) await groups.first().click();
  const rows = await tab.locator('.sw-tree__item').count();
  return { rows, expandMs: Date.now() - t0, expandTask: (await task(cdp)) - before };
});
const poll = await scale('poll.html', async (tab, cdp) => {
  await tab.waitForTimeout(1500);
  const before = await task(cdp);
  const requests = [];
  tab.on('request', (r) => r.url().endsWith('summary.json') && requests.push(r.url()));
  await tab.waitForTimeout(10000);
  const spent = (await task(cdp)) - before;
  return { polls: requests.length, perPoll: requests.length ? spent / requests.length : null };
});

await browser.close();
server.close();
feedServer.close();

// The report.
const fmt = (n, digits = 0) => (n === null || n === undefined || Number.isNaN(n)) ? 'n/a'
  : Number(n).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const kb = (n) => `${fmt(n)} B`;
const longs = (tasks) => tasks.length ? `${tasks.length} (longest ${fmt(Math.max(...tasks), 1)} ms)` : '0';
const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}×` : 'n/a');
const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
const chromium = execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
const date = new Date().toISOString().slice(0, 10);
const rows = [
  ['bundle, raw', kb(ourBytes.raw), kb(peerBytes.raw), ratio(ourBytes.raw, peerBytes.raw)],
  ['bundle, gzip -9', kb(ourBytes.gzip), kb(peerBytes.gzip), ratio(ourBytes.gzip, peerBytes.gzip)],
  ['bundle, brotli -q 11', kb(ourBytes.brotli), kb(peerBytes.brotli), ratio(ourBytes.brotli, peerBytes.brotli)],
  ['navigation → status text in the DOM', `${fmt(ours.text, 1)} ms`, `${fmt(peer.text, 1)} ms`, ratio(ours.text, peer.text)],
  [`… on a 100 ms, 10 Mbit/s network (${slow.ours.length} runs each)`, `${fmt(median(slow.ours), 1)} ms`, `${fmt(median(slow.peer), 1)} ms`, ratio(median(slow.ours), median(slow.peer))],
  ['… the same, host page with the README\'s preload hints', `${fmt(median(slow.hints), 1)} ms`, `${fmt(median(slow.peer), 1)} ms`, ratio(median(slow.hints), median(slow.peer))],
  ['main-thread task time (page total)', `${fmt(ours.task, 1)} ms`, `${fmt(peer.task, 1)} ms`, ratio(ours.task, peer.task)],
  ['… of which the widget (minus an empty host page)', `${fmt(ours.task - empty.task, 1)} ms`, `${fmt(peer.task - empty.task, 1)} ms`, ratio(ours.task - empty.task, peer.task - empty.task)],
  ['script time', `${fmt(ours.script, 1)} ms`, `${fmt(peer.script, 1)} ms`, ratio(ours.script, peer.script)],
  ['long tasks (> 50 ms)', fmt(ours.longTasks), fmt(peer.longTasks), '–'],
  ['longest task', `${fmt(ours.longest, 1)} ms`, `${fmt(peer.longest, 1)} ms`, '–'],
  ['uncaught errors on the host page', fmt(ours.errors), fmt(peer.errors), '–'],
  ['JS heap after render (after GC)', kb(ours.heap), kb(peer.heap), ratio(ours.heap, peer.heap)],
  ['… plus wasm linear memory', kb(ours.wasm), '–', '–'],
  ['JS heap + wasm memory', kb(ours.heap + ours.wasm), kb(peer.heap), ratio(ours.heap + ours.wasm, peer.heap)],
];
const table = (head, body) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const report = `# Benchmarks

Measured by \`make bench\` (\`scripts/bench.mjs\`) on ${date}: ${cpu}, ${cpus().length} cores,
${Math.round(totalmem() / 2 ** 30)} GiB, ${chromium} headless, Playwright + the DevTools protocol.
Both widgets read the same document (GitHub's \`summary.json\`, a real capture) from a local
server that sends brotli to browsers that accept it, as a CDN would, so the figures are the
widgets' own cost (one row adds a simulated 100 ms, 10 Mbit/s network); each run is a cold load in a fresh browser
context; runs alternate (empty host page, us, peer) ${RUNS} times; medians.
The peer is [@statuspage/status-widget](https://www.npmjs.com/package/@statuspage/status-widget)
${PEER_VERSION} (\`dist/index.js\`, the file its README tells hosts to load), the widget a
Statuspage customer can embed today. An empty host page costs ${fmt(empty.task, 1)} ms of
main-thread task time on its own.

${table(['', 'status-widget', `@statuspage/status-widget ${PEER_VERSION}`, 'us / peer'], rows)}

The peer's \`dist/index.js\` throws "parcelRequire is not defined" on every load (a Babel
pass made its Parcel bundle strict); it renders anyway, and that error counts above.

What the two show is not the same: the peer draws the page's status sentence; status-widget
draws the banner with the active incident, its status, impact, age and components; its
timeline is built when the banner opens (building it up front cost about 35 ms of main
thread and a 72 ms long task).

## Scale (status-widget only; the peer reads the summary's status alone)

| case | figure |
|---|---|
| GitHub 50 incidents / 287 updates, page mode, 90 days of history: first paint | ${fmt(history.firstText)} ms |
| … every past incident and "Show more" opened (${fmt(history.opened)} clicks, ${fmt(history.updates)} updates on screen) | ${fmt(history.expandMs)} ms wall, ${fmt(history.expandTask, 1)} ms main-thread |
| … JS heap, DOM nodes after | ${kb(history.heap)}, ${fmt(history.nodes)} nodes |
| Duo 539 components in 69 groups, page mode: first paint | ${fmt(duo.firstText)} ms |
| … every group opened (${fmt(duo.rows)} rows) | ${fmt(duo.expandMs)} ms wall, ${fmt(duo.expandTask, 1)} ms main-thread |
| … JS heap, DOM nodes after | ${kb(duo.heap)}, ${fmt(duo.nodes)} nodes |
| One unchanged poll cycle (poll=1, ${fmt(poll.polls)} polls in 10 s) | ${fmt(poll.perPoll, 2)} ms main-thread per poll |
${[['GitHub history', history], ['Duo components', duo], ['Polling', poll]].map(([label, c]) =>
  `| long tasks (> 50 ms), ${label}: loading / the rest of the case | ${longs(c.long.load)} / ${longs(c.long.after)} |`).join('\n')}

Wall times include Playwright's round trips per click; main-thread time is the browser's own
count. Nothing here is asserted by \`make test\`; only the bundle's brotli size is (a budget
in \`scripts/test.sh\`).
`;
const previous = (() => { try { return readFileSync(join(repo, 'BENCHMARKS.md'), 'utf8'); } catch { return ''; } })();
// What follows the scale table (where the bytes go, the size steps, the relay's load) is
// written by hand or by other commands: kept as it is.
const keptFrom = ['## Where the bytes go', '## Size steps'].map((h) => previous.indexOf(h)).find((i) => i >= 0) ?? -1;
const history_ = keptFrom >= 0 ? previous.slice(keptFrom) : '';
writeFileSync(join(repo, 'BENCHMARKS.md'), `${report}\n${history_}`);
console.log(table(['', 'status-widget', `peer ${PEER_VERSION}`, 'us / peer'], rows));
console.log(`\nscale: history first paint ${fmt(history.firstText)} ms, all opened in ${fmt(history.expandTask, 1)} ms main-thread; Duo ${fmt(duo.firstText)} ms, all groups ${fmt(duo.expandTask, 1)} ms; unchanged poll ${fmt(poll.perPoll, 2)} ms`);
console.log(`long tasks: history ${longs(history.long.load)} / ${longs(history.long.after)}; Duo ${longs(duo.long.load)} / ${longs(duo.long.after)}; poll ${longs(poll.long.load)} / ${longs(poll.long.after)}`);
console.log('written to BENCHMARKS.md');
