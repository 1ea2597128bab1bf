// End to end, the npm package as a product team installs it (issue 16): the tarball that
// `make package` wrote (never the source tree) installed into real host apps built by their
// real bundlers from npm: React 19 and Vue 3 with Vite (production builds and the dev server
// with hot updates), a plain page bundled by webpack and by esbuild, and a page loading the
// package from a CDN-style path on another origin. In Chromium, Firefox and WebKit: the widget
// renders, an attribute the framework changes takes effect, events reach the framework's
// handlers (and say what the screen shows), unmounting stops polling, mounting again works,
// and the strict CSP holds. The types are checked with tsc, saying yes and no.
//
// The apps live in tests/apps/ and are copied to artifacts/apps/, where their npm packages
// stay between runs (an install after the first takes seconds).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repo, startServer } from '../support/server.mjs';
import { CHROMIUM_ONLY, ENGINES, enginePool, freePort } from '../support/engines.mjs';
import { launch } from '../support/browser.mjs';
import { PACKAGE_FILES, tarball, version } from '../../scripts/package.mjs';
import { cargoVersion } from '../../scripts/version.mjs';
import { pathToFileURL } from 'node:url';

const engines = enginePool();
const apps = join(repo, 'artifacts/apps');
const bin = (name) => join(apps, 'node_modules/.bin', name);
const run = (command, args, cwd, env = {}) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });

let server, base, cdn, cdnBase, unpacked, hosts;
const devServers = [];

/** The apps, installed from the tarball and built. */
function buildApps() {
  mkdirSync(apps, { recursive: true });
  for (const name of ['package.json', 'react', 'vue', 'plain']) {
    rmSync(join(apps, name), { recursive: true, force: true });
    cpSync(join(repo, 'tests/apps', name), join(apps, name), { recursive: true });
  }
  // package.json names ../status-widget.tgz: this build's tarball, installed afresh (same
  // version, new bytes: npm would otherwise keep the copy it has).
  cpSync(tarball, join(apps, '../status-widget.tgz'));
  rmSync(join(apps, 'node_modules/status-widget'), { recursive: true, force: true });
  rmSync(join(apps, 'package-lock.json'), { force: true });
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], apps);
  run(bin('vite'), ['build', '--logLevel', 'warn'], join(apps, 'react'));
  run(bin('vite'), ['build', '--logLevel', 'warn'], join(apps, 'vue'));
  const plain = join(apps, 'plain');
  run(bin('webpack'), ['--no-color'], plain);
  run(bin('esbuild'), ['src/main.js', '--bundle', '--format=esm', '--splitting', '--outdir=dist-esbuild', '--log-level=warning'], plain);
  // esbuild leaves `new URL('status-widget_bg.wasm', import.meta.url)` alone: the one line
  // the README gives an esbuild host.
  cpSync(join(apps, 'node_modules/status-widget/status-widget_bg.wasm'), join(plain, 'dist-esbuild/status-widget_bg.wasm'));
  // esbuild writes a module; webpack's default output is a classic script, loaded as one.
  const page = readFileSync(join(plain, 'index.html'), 'utf8');
  writeFileSync(join(plain, 'dist-esbuild/index.html'), page);
  writeFileSync(join(plain, 'dist-webpack/index.html'), page.replace('<script type="module" src="./main.js">', '<script defer src="./main.js">'));
}

/** The tarball, unpacked where a CDN that mirrors npm serves it: /npm/status-widget@VERSION/. */
function unpackForCdn() {
  const root = join(repo, 'artifacts/cdn');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'npm'), { recursive: true });
  run('tar', ['-xzf', tarball, '-C', join(root, 'npm')], repo);
  const dir = join(root, 'npm', `status-widget@${version}`);
  cpSync(join(root, 'npm/package'), dir, { recursive: true });
  rmSync(join(root, 'npm/package'), { recursive: true });
  return { root, dir };
}

before(async () => {
  if (!existsSync(tarball)) throw new Error(`${tarball} is missing: run make package (make test does)`);
  buildApps();
  unpacked = unpackForCdn();
  hosts = mkdtempSync(join(tmpdir(), 'status-widget-package-'));
  server = await startServer({
    extra: [
      ['/react/', join(apps, 'react/dist')],
      ['/vue/', join(apps, 'vue/dist')],
      ['/webpack/', join(apps, 'plain/dist-webpack')],
      ['/esbuild/', join(apps, 'plain/dist-esbuild')],
      ['/hosts/', hosts],
    ],
  });
  base = `http://127.0.0.1:${server.address().port}`;
  // The CDN: another origin, serving the unpacked tarball (with CORS, as npm CDNs do).
  cdn = await startServer({ root: unpacked.root });
  cdnBase = `http://127.0.0.1:${cdn.address().port}`;
});

after(async () => {
  await engines.closeAll();
  for (const dev of devServers) dev.kill('SIGTERM');
  server?.close();
  cdn?.close();
  if (hosts) rmSync(hosts, { recursive: true, force: true });
});

const openPage = async (url, options, engine) => (await engines.get(engine)).openPage(url, options);

/** What the host shows beside what the widget shows. */
const readHost = () => {
  const widget = document.querySelector('status-widget');
  const root = widget?.shadowRoot;
  return {
    status: document.getElementById('status')?.textContent,
    opened: document.getElementById('opened')?.textContent,
    widgets: document.querySelectorAll('status-widget').length,
    overall: root?.querySelector('.sw-banner__overall')?.textContent ?? null,
    page: Boolean(root?.querySelector('.sw--page')),
    panelShown: Boolean(root?.querySelector('.sw-panel:not([hidden])')),
  };
};

// ---- Without a browser: what is in the package, and what the types say ------------------

test('the tarball holds the bundle, the standalone page, types, manifest and texts, and nothing of the tooling', () => {
  const listed = run('tar', ['-tzf', tarball], repo).trim().split('\n').map((p) => p.replace(/^package\//, '')).sort();
  assert.deepEqual(listed, [...PACKAGE_FILES].sort());
  const manifest = JSON.parse(readFileSync(join(unpacked.dir, 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'status-widget');
  assert.equal(manifest.version, version);
  assert.equal(manifest.private, undefined);
  assert.deepEqual(manifest.dependencies ?? {}, {});
  assert.equal(manifest.customElements, 'custom-elements.json');
  // Every entry of the exports map is a file the package holds.
  const targets = Object.values(manifest.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  for (const target of targets) assert.ok(existsSync(join(unpacked.dir, target)), `exports names ${target}`);
  // The standalone page links to nothing the package lacks (the demo's examples stay out).
  const page = readFileSync(join(unpacked.dir, 'index.html'), 'utf8');
  assert.ok(!page.includes('examples/'), page);
  // The types and the manifest are the ones written from the contract tables.
  assert.equal(readFileSync(join(unpacked.dir, 'status-widget.d.ts'), 'utf8'), readFileSync(join(repo, 'package/status-widget.d.ts'), 'utf8'));
  assert.equal(readFileSync(join(unpacked.dir, 'custom-elements.json'), 'utf8'), readFileSync(join(repo, 'package/custom-elements.json'), 'utf8'));
  // The entry says which version it is.
  assert.ok(readFileSync(join(unpacked.dir, 'status-widget.js'), 'utf8').includes(`"${version}"`));
  // The tarball is this build's: its bundle is dist/'s, byte for byte (make package after make dist).
  for (const name of ['status-widget.js', 'status-widget-glue.js', 'status-widget_bg.wasm']) {
    assert.ok(readFileSync(join(unpacked.dir, name)).equals(readFileSync(join(repo, 'dist', name))), `${name} in the tarball is not dist/'s: run make package`);
  }
  // The README the registries show: this README's, with no picture or file link it lacks.
  assert.equal(readFileSync(join(unpacked.dir, 'README.md'), 'utf8'), readFileSync(join(repo, 'package/README.md'), 'utf8'));
  const images = [...readFileSync(join(unpacked.dir, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)];
  assert.deepEqual(images.map((m) => m[1]), []);
});

test('bundles of the package hold no path of the machine that built them', () => {
  const leaks = [];
  for (const out of ['react/dist/assets', 'vue/dist/assets', 'plain/dist-webpack', 'plain/dist-esbuild']) {
    for (const file of readdirSync(join(apps, out)).filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(join(apps, out, file), 'utf8');
      for (const m of text.matchAll(/file:\/\/[^"'`]+/g)) leaks.push(`${out}/${file}: ${m[0]}`);
      if (text.includes(repo)) leaks.push(`${out}/${file}: ${repo}`);
    }
  }
  assert.deepEqual(leaks, []);
});

test('importing the package where there is no DOM (a server render) throws nothing and does nothing', () => {
  const entry = pathToFileURL(join(unpacked.dir, 'status-widget.js')).href;
  const script = `const m = await import(${JSON.stringify(entry)}); console.log(Object.keys(m).sort().join(','), m.version, m.StatusWidgetElement.observedAttributes.length, m.StatusWidgetElement.statusTitle('Datto', 'es'));`;
  const out = run(process.execPath, ['--input-type=module', '-e', script], unpacked.dir);
  assert.equal(out.trim(), `StatusWidgetElement,version ${version} 0 Datto`);
});

test('the build scripts read the version of any valid Cargo.toml', () => {
  const shapes = [
    '[package]\nname = "status-widget"\nauthors = ["The authors"]\nversion = "0.2.0"\n',
    '[package]\nname = "status-widget"\ndescription = "A status banner [beta]"\nversion = "0.2.0"\n',
    "[package]\nname = 'status-widget'\nversion = '0.2.0'\n",
    '[package]\nname="status-widget"\nversion="0.2.0"\n',
    '[workspace]\nmembers = ["."]\nversion = "9.9.9"\n\n[package]\nname = "status-widget"\nversion = "0.2.0" # the one\n',
  ];
  assert.deepEqual(shapes.map(cargoVersion), shapes.map(() => '0.2.0'));
  assert.throws(() => cargoVersion('[workspace]\nversion = "1.0.0"\n'), /no \[package\] version/);
});

test('Node resolves the exports map the way bundlers do', () => {
  const script = `for (const s of ['status-widget', 'status-widget/standalone', 'status-widget/standalone.html', 'status-widget/custom-elements.json', 'status-widget/status-widget_bg.wasm', 'status-widget/package.json']) console.log(import.meta.resolve(s).replace(/^.*node_modules\\//, ''));`;
  const resolved = run('node', ['--input-type=module', '-e', script], apps).trim().split('\n');
  assert.deepEqual(resolved, [
    'status-widget/status-widget.js', 'status-widget/standalone.js', 'status-widget/index.html',
    'status-widget/custom-elements.json', 'status-widget/status-widget_bg.wasm', 'status-widget/package.json',
  ]);
});

test('the types check a React app, and refuse a wrong mode, an unknown attribute, a wrong detail, a wrong element type and a poll that is no number', () => {
  run(bin('tsc'), ['-p', 'tsconfig.json'], join(apps, 'react'));
  let output = '';
  try {
    run(bin('tsc'), ['-p', 'tsconfig.wrong.json', '--pretty', 'false'], join(apps, 'react'));
  } catch (e) {
    output = e.stdout;
  }
  const errors = [...output.matchAll(/src\/wrong\.tsx\((\d+),\d+\): error (TS\d+)/g)].map((m) => `${m[1]} ${m[2]}`);
  assert.deepEqual(errors, ['5 TS2322', '6 TS2322', '7 TS2339', '8 TS2741', '9 TS2322'], output);
});

/** A scratch project holding the unpacked package (and, with `react`, React's types). */
function project(files, { reactTypes = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'status-widget-types-'));
  cpSync(unpacked.dir, join(dir, 'node_modules/status-widget'), { recursive: true });
  if (reactTypes) {
    mkdirSync(join(dir, 'node_modules/@types'), { recursive: true });
    symlinkSync(join(apps, 'node_modules/@types/react'), join(dir, 'node_modules/@types/react'));
  }
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
const tsconfig = (extra = {}) => JSON.stringify({
  compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', strict: true, noEmit: true, skipLibCheck: false, lib: ['ES2022', 'DOM'], ...extra },
  include: ['src'],
});
/** tsc's errors in `dir` (none when it passes). */
function tscErrors(dir) {
  try {
    run(bin('tsc'), ['-p', 'tsconfig.json', '--pretty', 'false'], dir);
    return [];
  } catch (e) {
    return `${e.stdout}`.trim().split('\n').filter((l) => /error TS\d+/.test(l));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the types check where react is installed without its types (a tool pulled it in)', () => {
  const dir = project({
    'node_modules/react/package.json': '{"name":"react","version":"19.3.1","main":"index.js"}\n',
    'node_modules/react/index.js': 'exports.createElement = () => null;\n',
    'src/main.ts': "import { StatusWidgetElement } from 'status-widget';\nconsole.log(StatusWidgetElement.version);\n",
    'tsconfig.json': tsconfig({ types: [] }),
  });
  assert.deepEqual(tscErrors(dir), []);
});

test("React's JSX takes React's own props on <status-widget>, and an optional value passed on", () => {
  const dir = project({
    'src/app.tsx': `import 'status-widget/react';
import type { CSSProperties } from 'react';
declare const url: string | undefined;
declare const css: CSSProperties;
export const a = <status-widget title="Service status" onClick={() => {}} tabIndex={0} aria-label="Status" style={css} />;
export const b = <status-widget suppressHydrationWarning>Loading status</status-widget>;
export const c = <status-widget src={url} mode={undefined} dismissible="" poll="0.5" />;
`,
    'tsconfig.json': tsconfig({ jsx: 'react-jsx', exactOptionalPropertyTypes: true }),
  }, { reactTypes: true });
  assert.deepEqual(tscErrors(dir), []);
});

test('the types check a TypeScript page without React installed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'status-widget-types-'));
  try {
    cpSync(unpacked.dir, join(dir, 'node_modules/status-widget'), { recursive: true });
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src/main.ts'), `import { StatusWidgetElement, version } from 'status-widget';
const element = document.createElement('status-widget');
const same: StatusWidgetElement = element;
element.addEventListener('status-widget:status-change', (event) => {
  const page: string | null = event.detail.page;
  console.log(page, event.detail.indicator, same, StatusWidgetElement.version, version);
});
document.addEventListener('status-widget:error', (event) => console.log(event.detail.kind.toUpperCase()));
window.addEventListener('status-widget:status-change', (event) => console.log(event.detail.indicator));
export class Branded extends StatusWidgetElement {
  static get observedAttributes() { return [...super.observedAttributes, 'brand']; }
}
`);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', strict: true, noEmit: true, skipLibCheck: false, lib: ['ES2022', 'DOM'], types: [] },
      include: ['src'],
    }));
    run(bin('tsc'), ['-p', 'tsconfig.json'], dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- In the browser ----------------------------------------------------------------------

/**
 * The framework app's story: it renders, its status-change handler shows what the banner
 * shows, a source and a mode it changes take effect, the expand handler runs, unmounting
 * stops the polling and mounting again resumes it.
 */
async function frameworkStory(engine, url, feed) {
  const { page, problems, close } = await openPage(url, { ready: 'status-widget .sw-banner' }, engine);
  try {
    // Rendered, and the event reached the framework: the host's words match the banner.
    await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('GitHub: '));
    let seen = await page.evaluate(readHost);
    assert.equal(seen.status, `GitHub: ${seen.overall}`, JSON.stringify(seen));
    assert.equal(seen.widgets, 1);
    // The framework changes `src`: the widget reads the other page.
    await page.locator('#source').click();
    await page.waitForFunction(() => document.getElementById('status').textContent === 'Datto: All Systems Operational');
    await page.waitForFunction(() => document.querySelector('status-widget').shadowRoot.querySelector('.sw-banner')?.textContent.includes('All Systems Operational'));
    // The expand event reaches the framework's handler.
    await page.locator('status-widget .sw-banner').click();
    await page.waitForFunction(() => document.getElementById('opened').textContent === '1');
    seen = await page.evaluate(readHost);
    assert.ok(seen.panelShown, JSON.stringify(seen));
    // The framework changes `mode`.
    await page.locator('#mode').click();
    await page.waitForFunction(() => Boolean(document.querySelector('status-widget').shadowRoot.querySelector('.sw--page')));
    // Back to the polled feed, then unmount: the requests stop.
    await page.locator('#source').click();
    await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('GitHub: '));
    const before = server.requests.get(feed) ?? 0;
    await sleep(600);
    assert.ok((server.requests.get(feed) ?? 0) > before, 'the widget polls every 0.2 s while mounted');
    await page.locator('#toggle').click();
    await page.waitForFunction(() => document.querySelectorAll('status-widget').length === 0);
    await sleep(300); // a request already on its way may still arrive
    const unmounted = server.requests.get(feed) ?? 0;
    await sleep(1000);
    assert.equal(server.requests.get(feed) ?? 0, unmounted, 'no request after the framework unmounted the widget');
    // Mounted again: it renders and polls again.
    await page.locator('#toggle').click();
    await page.locator('status-widget .sw-banner').first().waitFor();
    await sleep(600);
    assert.ok((server.requests.get(feed) ?? 0) > unmounted, 'polling resumes when mounted again');
    seen = await page.evaluate(readHost);
    assert.equal(seen.widgets, 1);
    assert.equal(seen.status, `GitHub: ${seen.overall}`, JSON.stringify(seen));
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
}

const query = (feed) => `?a=${encodeURIComponent(`/faults/${feed}/`)}&b=/reference&poll=0.2`;

for (const engine of ENGINES) {
  for (const app of ['react', 'vue']) {
    test(`[${engine}] a ${app === 'react' ? 'React 19' : 'Vue 3'} app built by Vite from the tarball: renders, its attribute changes and handlers work, unmount stops polling`, async () => {
      const feed = `${app}-build-${engine}`;
      await frameworkStory(engine, `${base}/${app}/index.html${query(feed)}`, feed);
    });
  }

  for (const bundler of ['webpack', 'esbuild']) {
    test(`[${engine}] a page bundled by ${bundler} finds the wasm and runs under the strict CSP`, async () => {
      const { page, problems, close } = await openPage(`${base}/${bundler}/index.html?a=/reference`, { ready: 'status-widget .sw-banner' }, engine);
      try {
        await page.waitForFunction(() => document.getElementById('status').textContent === 'Datto: All Systems Operational');
        const versions = await page.evaluate(() => document.getElementById('title').dataset.version);
        assert.equal(versions, `${version} ${version}`);
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }

  test(`[${engine}] the package from a CDN-style path on another origin: the element, its version, its console prefix, the standalone page`, async () => {
    const at = `${cdnBase}/npm/status-widget@${version}`;
    const csp = `default-src 'self'; img-src 'self' data:; script-src 'self' ${cdnBase} 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${cdnBase}`;
    // Console warnings, as a developer sees them in the console (in every engine).
    writeFileSync(join(hosts, 'warnings.js'), `window.__warnings = [];
const warn = console.warn.bind(console);
console.warn = (...args) => { window.__warnings.push(args.map(String).join(' ')); warn(...args); };`);
    writeFileSync(join(hosts, 'cdn.html'), `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}"><link rel="icon" href="data:,"><title>CDN host</title>
<script src="warnings.js"></script><script type="module" src="${at}/status-widget.js"></script></head>
<body><status-widget src="/reference" mode="sideways"></status-widget></body></html>`);
    const { page, problems, close } = await openPage(`${base}/hosts/cdn.html`, { ready: 'status-widget .sw-banner' }, engine);
    try {
      const seen = await page.evaluate(() => ({
        version: customElements.get('status-widget').version,
        observed: customElements.get('status-widget').observedAttributes,
        text: document.querySelector('status-widget').shadowRoot.querySelector('.sw-banner').textContent,
        warnings: window.__warnings,
      }));
      assert.equal(seen.version, version);
      assert.ok(seen.text.includes('All Systems Operational'), seen.text);
      // The manifest's attributes are what the element observes, with its own lang and dir.
      const manifest = JSON.parse(readFileSync(join(unpacked.dir, 'custom-elements.json'), 'utf8'));
      const element = manifest.modules[0].declarations.find((d) => d.tagName === 'status-widget');
      assert.deepEqual(seen.observed, [...element.attributes.map((a) => a.name), 'lang', 'dir']);
      // The invalid mode is reported once, under the version's prefix; nothing else is wrong.
      assert.deepEqual(seen.warnings, [`status-widget ${version}: mode="sideways" is not valid (accepted: banner, bar, corner, page); using banner`]);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
    // The standalone page, served from the same path.
    const standalone = await openPage(`${at}/index.html?src=${encodeURIComponent(`${base}/reference`)}&locale=en-GB`, { ready: 'status-widget .sw-panel' }, engine);
    try {
      const seen = await standalone.page.evaluate(() => ({
        title: document.title,
        links: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        page: Boolean(document.querySelector('status-widget').shadowRoot.querySelector('.sw--page')),
      }));
      assert.equal(seen.title, 'Datto status');
      assert.deepEqual(seen.links, []);
      assert.ok(seen.page);
      assert.deepEqual(standalone.problems, []);
    } finally {
      await standalone.close();
    }
  });

  test(`[${engine}] the element's own dir and lang, changed by the host, take effect at once`, async () => {
    writeFileSync(join(hosts, 'dir.html'), `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>dir</title>
<script type="module" src="${cdnBase}/npm/status-widget@${version}/status-widget.js"></script></head>
<body><status-widget src="/reference" dir="ltr"></status-widget></body></html>`);
    const { page, problems, close } = await openPage(`${base}/hosts/dir.html`, { ready: 'status-widget .sw-banner' }, engine);
    try {
      const root = () => { const r = document.querySelector('status-widget').shadowRoot.querySelector('.sw'); return `${r.getAttribute('dir')} ${r.getAttribute('lang')}`; };
      assert.equal(await page.evaluate(root), 'ltr en-GB');
      await page.evaluate(() => document.querySelector('status-widget').setAttribute('dir', 'rtl'));
      await page.waitForFunction((expected) => { const r = document.querySelector('status-widget').shadowRoot.querySelector('.sw'); return `${r.getAttribute('dir')} ${r.getAttribute('lang')}` === expected; }, 'rtl en-GB');
      await page.evaluate(() => document.querySelector('status-widget').setAttribute('lang', 'es'));
      await page.waitForFunction((expected) => { const r = document.querySelector('status-widget').shadowRoot.querySelector('.sw'); return `${r.getAttribute('dir')} ${r.getAttribute('lang')}` === expected; }, 'rtl es');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test(`[${engine}] a wasm that cannot load: the host app still renders, each widget says so and sends an error, the class's statics still answer`, async () => {
    // A policy without 'wasm-unsafe-eval': the wasm may not be compiled.
    writeFileSync(join(hosts, 'nowasm.html'), `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; script-src 'self' ${cdnBase}; style-src 'self'; connect-src 'self' ${cdnBase}">
<link rel="icon" href="data:,"><title>no wasm</title><script src="errors.js"></script>
<script type="module" src="${cdnBase}/npm/status-widget@${version}/status-widget.js"></script><script type="module" src="host.js"></script></head>
<body><status-widget src="/reference"></status-widget><status-widget src="/reference"></status-widget></body></html>`);
    writeFileSync(join(hosts, 'errors.js'), `window.__errors = [];
document.addEventListener('status-widget:error', (e) => window.__errors.push(e.detail.kind));`);
    // The host's own module imports the package and renders before the wasm settles.
    writeFileSync(join(hosts, 'host.js'), `import { StatusWidgetElement } from '${cdnBase}/npm/status-widget@${version}/status-widget.js';
const p = document.createElement('p');
p.id = 'host';
p.textContent = StatusWidgetElement.statusTitle('Datto', 'es') + ' ' + StatusWidgetElement.observedAttributes.length;
document.body.prepend(p);`);
    const { page, problems, close } = await openPage(`${base}/hosts/nowasm.html`, { ready: '#host' }, engine);
    try {
      await page.waitForFunction(() => [...document.querySelectorAll('status-widget')].every((w) => w.shadowRoot?.querySelector('.sw-error')));
      const seen = await page.evaluate(() => ({
        host: document.getElementById('host').textContent,
        messages: [...document.querySelectorAll('status-widget')].map((w) => w.shadowRoot.querySelector('.sw-error').textContent),
        errors: window.__errors,
      }));
      assert.deepEqual(seen, {
        host: 'Datto 0',
        messages: Array(2).fill('Status is unavailable right now: the status widget could not load.'),
        errors: ['load', 'load'],
      });
      // The refused compilation is the browser's report; nothing uncaught of ours.
      assert.deepEqual(problems.filter((p) => !/wasm|WebAssembly|Content Security Policy|csp/i.test(p)), []);
    } finally {
      await close();
    }
  });
}

// The README: "The import never waits for the wasm: the app renders at once, and the element
// is defined (the widgets already in the page upgrade) when the wasm is ready."
test('an app that imports the package renders before the wasm arrives; its widget upgrades when it does', CHROMIUM_ONLY, async () => {
  writeFileSync(join(hosts, 'slow-wasm.html'), `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>slow</title>
<script type="module" src="slow-host.js"></script></head><body><status-widget src="/reference"></status-widget></body></html>`);
  writeFileSync(join(hosts, 'slow-host.js'), `import { version } from '${cdnBase}/npm/status-widget@${version}/status-widget.js';
const p = document.createElement('p');
p.id = 'host';
p.textContent = 'host app ' + version;
document.body.prepend(p);`);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/status-widget_bg.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(`${base}/hosts/slow-wasm.html`);
    await page.waitForSelector('#host');
    const before = await page.evaluate(() => ({ host: document.getElementById('host').textContent, defined: Boolean(customElements.get('status-widget')) }));
    assert.deepEqual(before, { host: `host app ${version}`, defined: false }, 'the app rendered while the wasm was held back');
    release();
    await page.waitForFunction(() => document.querySelector('status-widget').shadowRoot?.querySelector('.sw-banner')?.textContent.includes('All Systems Operational'));
  } finally {
    await browser.close();
  }
});

// ---- The dev server: hot updates -----------------------------------------------------------

/** `vite` serving `app` on a free port, its /faults and /reference proxied to the feeds. */
async function startVite(app) {
  const port = await freePort();
  const child = spawn(bin('vite'), ['--host', '127.0.0.1', '--port', String(port), '--strictPort', '--clearScreen', 'false'], {
    cwd: join(apps, app),
    env: { ...process.env, FEEDS: base, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  devServers.push(child);
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vite did not start: ${output}`)), 30_000);
    child.stdout.on('data', (chunk) => {
      // Without colour codes, however the terminal (or CI) asked for them.
      output += String(chunk).replace(/\x1b\[[0-9;]*m/g, '');
      if (output.includes(`127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`vite exited (${code}): ${output}`)));
  });
  return `http://127.0.0.1:${port}`;
}

const SOURCES = { react: 'react/src/App.tsx', vue: 'vue/src/App.vue' };
const dev = {};

for (const engine of ENGINES) {
  for (const app of ['react', 'vue']) {
    test(`[${engine}] the ${app === 'react' ? 'React' : 'Vue'} dev server: the widget runs, survives a hot update of the component, and mounts again`, async () => {
      dev[app] ??= await startVite(app);
      const source = join(apps, SOURCES[app]);
      const original = readFileSync(source, 'utf8');
      const feed = `${app}-dev-${engine}`;
      const { page, problems, close } = await openPage(`${dev[app]}/${query(feed)}`, { ready: 'status-widget .sw-banner' }, engine);
      try {
        await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('GitHub: '));
        await page.evaluate(() => { window.__sameDocument = true; });
        // A hot update: the component's source changes while the page is open.
        writeFileSync(source, original.replace(`>${app === 'react' ? 'React' : 'Vue'} host<`, '>Edited host<'));
        await page.waitForFunction(() => document.getElementById('title').textContent === 'Edited host', undefined, { timeout: 15_000 });
        const seen = await page.evaluate(() => ({ same: window.__sameDocument === true, widgets: document.querySelectorAll('status-widget').length }));
        assert.deepEqual(seen, { same: true, widgets: 1 }, 'updated in place, not reloaded, with one widget');
        // The widget still answers: a source change, then unmount and mount again.
        await page.locator('#source').click();
        await page.waitForFunction(() => document.getElementById('status').textContent === 'Datto: All Systems Operational');
        await page.locator('#toggle').click();
        await page.waitForFunction(() => document.querySelectorAll('status-widget').length === 0);
        await page.locator('#toggle').click();
        await page.waitForFunction(() => document.querySelector('status-widget')?.shadowRoot?.querySelector('.sw-banner')?.textContent.includes('All Systems Operational'));
        assert.deepEqual(problems.filter((p) => !/\[vite\]|\[hmr\]/i.test(p)), []);
      } finally {
        writeFileSync(source, original);
        await close();
      }
    });
  }
}
