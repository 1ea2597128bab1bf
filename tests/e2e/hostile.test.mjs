// End to end: a feed with a hostile string in every string field (tests/corpus/xss.txt),
// rendered in Chromium, Firefox and WebKit. Zero dialogs, zero script executions (a
// page-level tripwire that any executed payload sets), only the widget's own elements in its
// shadow tree, no href outside http / https / mailto, and nothing overflowing the host's width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startHostServer, repo } from '../support/server.mjs';
import { ENGINES, enginePool, shots } from '../support/engines.mjs';

const engines = enginePool();
let server, base, write;

before(async () => {
  ({ server, base, write } = await startHostServer('hostile'));
});

after(async () => {
  await engines.closeAll();
  server?.close();
});

const ALLOWED = new Set(['BDI', 'DIV', 'P', 'SPAN', 'BUTTON', 'TIME', 'UL', 'OL', 'LI', 'STRONG', 'EM', 'A', 'BR', 'H3', 'H4', 'SECTION']);

/** A summary.json whose every string field carries a payload. */
function hostileFeed(payloads) {
  const long = 'W'.repeat(100_000);
  const all = [...payloads, long, `${long} ${payloads[0]}`];
  const components = all.map((p, i) => ({
    id: `c${i}`, name: p, description: p, status: i % 2 ? 'major_outage' : 'degraded_performance',
    position: i, group_id: null, group: false, only_show_if_degraded: false, showcase: true,
  }));
  const incidents = all.map((p, i) => ({
    id: `i${i}`, name: p, status: 'investigating', impact: 'critical', shortlink: p,
    created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z',
    components: [{ id: `c${i}`, name: p, status: 'major_outage' }],
    incident_updates: [{
      id: `u${i}`, status: 'investigating', body: p, created_at: '2024-01-01T00:00:00Z', display_at: '2024-01-01T00:00:00Z',
      affected_components: [{ code: `c${i}`, name: p, old_status: 'operational', new_status: 'major_outage' },
        { code: 'gone', name: p, old_status: 'operational', new_status: 'major_outage' }],
    }],
  }));
  return {
    page: { id: payloads[0], name: payloads.join(' '), url: 'javascript:window.__pwned=1', time_zone: payloads[1] },
    status: { indicator: payloads[2], description: payloads[3] },
    components, incidents, scheduled_maintenances: [],
  };
}

for (const engine of ENGINES) {
  test(`[${engine}] a feed full of hostile strings runs nothing and renders only the widget's own elements`, async () => {
    const payloads = (await readFile(join(repo, 'tests/corpus/xss.txt'), 'utf8')).split('\n').filter(Boolean);
    await write('hostile-feed.json', JSON.stringify(hostileFeed(payloads)));
    // The tripwire is the page's first script of its own, before the widget's module.
    await write('hostile.html', `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
  <script>window.__pwned = 0;</script>
  <link rel="icon" href="../icon.svg"><script type="module" src="../status-widget.js"></script></head>
  <body><div style="width: 700px"><status-widget id="w" src="/hosts/hostile-feed.json" expanded poll="0"></status-widget></div></body></html>`);
    // Dialogs are answered at once and reported in `problems` (Playwright's dialog event; the
    // probe's alert/confirm/prompt/print elsewhere), as are uncaught errors.
    const { page, problems, close } = await (await engines.get(engine)).openPage(`${base}/hosts/hostile.html`, { width: 1000, height: 800, ready: null });
    const dialogs = () => problems.filter((p) => p.startsWith('dialog: '));
    const uncaught = () => problems.filter((p) => p.startsWith('uncaught: ') || p.startsWith('unhandled rejection: '));
    await page.waitForFunction(() => document.getElementById('w').shadowRoot?.querySelector('.sw-more'), null, { timeout: 20000 });
    // Long lists come in parts; open them all so every payload is on screen.
    assert.equal(await page.locator('#w .sw-update').count(), 5, 'five incidents first');
    await page.locator('#w .sw-more').click();
    await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelectorAll('.sw-update').length > 40);
    // Hover and click through links and buttons a reader would touch (not following links).
    await page.locator('#w .sw-banner').hover();
    await page.waitForTimeout(300);

    const report = await page.evaluate(() => {
      const root = document.getElementById('w').shadowRoot;
      const elements = [...root.querySelectorAll('*')];
      const hrefs = elements.filter((e) => e.hasAttribute('href')).map((e) => e.getAttribute('href'));
      const handlers = elements.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name));
      const styled = elements.filter((e) => e.hasAttribute('style')).length;
      const host = document.getElementById('w').getBoundingClientRect();
      const widest = Math.max(...elements.map((e) => e.getBoundingClientRect().right));
      return {
        pwned: window.__pwned, tags: [...new Set(elements.map((e) => e.tagName))], hrefs, handlers, styled,
        hostRight: Math.round(host.right), widest: Math.round(widest),
        pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    assert.equal(report.pwned, 0, 'no payload ran');
    assert.deepEqual(dialogs(), [], 'no dialog');
    assert.deepEqual(uncaught(), [], 'no uncaught error');
    assert.deepEqual(report.tags.filter((t) => !ALLOWED.has(t)), [], `only the widget's elements: ${report.tags}`);
    assert.deepEqual(report.handlers, [], 'no event-handler attributes');
    assert.equal(report.styled, 0, 'no style attributes');
    for (const href of report.hrefs) assert.match(href, /^(https?:\/\/|mailto:)/i, href);
    assert.ok(report.hrefs.length > 0, 'safe links from the corpus are links');
    assert.ok(report.widest <= report.hostRight + 1, `content stays inside the host: ${report.widest} > ${report.hostRight}`);
    assert.equal(report.pageOverflow, 0);
    await page.screenshot({ path: join(shots(engine), 'hostile-feed.png'), clip: { x: 0, y: 0, width: 1000, height: 1400 } });
    await close();
  });
}
