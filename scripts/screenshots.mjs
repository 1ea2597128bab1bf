// `make screenshots`: renders the built widget (dist/) in Chromium, Firefox and WebKit
// (SW_ENGINES; tests/support/engines.mjs) at 1280 and 375 px wide, into artifacts/gallery/
// (git-ignored) with an index.html that shows each scene in the three engines side by side.
// Scenes: page mode on real feeds, and every mode × theme × locale on the reference incident.
//
// A few of them, cropped to the first screen, are also written to docs/screenshots/ for the
// README (committed, and only ever written by this script).
//
// Run: node scripts/screenshots.mjs   (after `make dist`; `make screenshots` does both)
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, repo } from '../tests/support/server.mjs';
import { ENGINES, enginePool } from '../tests/support/engines.mjs';

const OUT = join(repo, 'artifacts/gallery');
const DOCS = join(repo, 'docs/screenshots');
// [scene, width] pairs the README shows.
const README_SHOTS = [['page-reference-live', 1280], ['page-github-history', 1280], ['banner-dark-es', 375], ['page-light-fr', 375]];
const WIDTHS = [1280, 375];
const GITHUB = '/fixtures/statuspage/github_incidents_50_2026-07_gitdown.json';
const DUO = '/fixtures/statuspage/duo_components_539comps_69groups_atc0005-check-statuspage.json';
const SUMMARY = '/fixtures/statuspage/github_summary_2022-11_sergeyshevch-statuspage-exporter.json';

// [name, query, what it shows]
const PAGES = [
  ['page-reference-live', '?now=2020-02-05T10:40:00Z', 'Page mode: the reference incident while identified'],
  ['page-reference-after', '?now=live', 'Page mode: the reference incident with its root cause, today'],
  ['page-github-history', `?src=${GITHUB}&now=2026-07-31T03:30:00Z`, 'Page mode: GitHub, 14 days of history'],
  ['page-duo-components', `?src=${DUO}`, 'Page mode: Duo, 539 components in 69 groups'],
  ['page-two-sources', `?src=${encodeURIComponent(`${SUMMARY} /reference/`)}&now=live`, 'Page mode: two status pages in one'],
  ['page-maintenance', '?now=2020-02-04T12:00:00Z', 'Page mode: maintenance announced for tonight'],
];
const MODES = ['banner', 'page'];
const THEMES = ['light', 'dark'];
const LOCALES = ['en-GB', 'es', 'de', 'fr', 'pt-BR', 'ar'];

const scenes = [];
for (const [name, query, caption] of PAGES) scenes.push({ name, query: `${query}&locale=en-GB`, caption });
for (const mode of MODES) {
  for (const theme of THEMES) {
    for (const locale of LOCALES) {
      const expanded = mode === 'banner' ? '&expanded' : '';
      scenes.push({
        name: `${mode}-${theme}-${locale}`,
        query: `?mode=${mode}&theme=${theme}&locale=${locale}${expanded}`,
        caption: `${mode}, ${theme}, ${locale}`,
      });
    }
  }
}

await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
await mkdir(DOCS, { recursive: true });
const server = await startServer({ port: 0, root: join(repo, 'dist') });
const base = `http://127.0.0.1:${server.address().port}`;
const engines = enginePool();
const problems = [];
const shots = [];
try {
  for (const engine of ENGINES) {
    await mkdir(join(OUT, engine), { recursive: true });
    for (const scene of scenes) {
      for (const width of WIDTHS) {
        const { page, problems: seen, close } = await (await engines.get(engine))
          .openPage(`${base}/${scene.query}`, { width, height: 900, ready: '.sw-banner, .sw-error' });
        await new Promise((r) => setTimeout(r, 300));
        const file = `${engine}/${scene.name}-${width}.png`;
        await page.screenshot({ path: join(OUT, file), fullPage: true });
        if (engine === 'chromium' && README_SHOTS.some(([name, w]) => name === scene.name && w === width)) {
          await page.screenshot({ path: join(DOCS, `${scene.name}-${width}.png`) });
        }
        problems.push(...seen.map((p) => `${engine} ${scene.name}@${width}: ${p}`));
        shots.push({ ...scene, width, engine, file });
        await close();
      }
    }
  }
} finally {
  await engines.closeAll();
  server.close();
}

const escape = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const rows = [];
for (const scene of scenes) {
  for (const width of WIDTHS) {
    const cells = shots.filter((s) => s.name === scene.name && s.width === width)
      .map((s) => `<figure><a href="${s.file}"><img src="${s.file}" alt="${escape(s.caption)} at ${s.width} px in ${s.engine}" loading="lazy"></a><figcaption>${s.engine}</figcaption></figure>`);
    rows.push(`<section><h2>${escape(scene.caption)} · ${width} px</h2>${cells.join('')}</section>`);
  }
}
await writeFile(join(OUT, 'index.html'), `<!doctype html><meta charset="utf-8"><title>status-widget gallery</title>
<style>body{font:14px system-ui;margin:1rem}h2{font-size:1rem;margin:1.5rem 0 .5rem}figure{display:inline-block;vertical-align:top;margin:0 1rem 0 0}
img{border:1px solid #ccc;max-width:420px;max-height:900px;object-fit:cover;object-position:top}</style>
<h1>status-widget gallery: ${ENGINES.join(', ')}, side by side</h1>
${rows.join('\n')}
`);
console.log(`${shots.length} screenshots in ${OUT} (open index.html)`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
