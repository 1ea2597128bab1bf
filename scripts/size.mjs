// Raw / gzip (level 9) / brotli (quality 11) bytes of what a host page downloads for the
// widget (the entry, the wasm-bindgen glue, the wasm), and their total. Node's zlib, so
// nothing to install. With --budget N, fails when the brotli total is over N bytes (the
// size check `make test` runs).
//   node scripts/size.mjs [dist] [--budget BYTES]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/** The name of a module the entry loads on demand (`status-widget-lang-es.js`, `status-widget-reference.js`). */
export const MODULE = /^status-widget-(lang-[a-z]+|reference)\.js$/;

/** The widget's files in a dist folder, in load order. */
export const BUNDLE = ['status-widget.js', 'status-widget-glue.js', 'status-widget_bg.wasm'];

/** Raw, gzip and brotli bytes of each file, and the total (last row). */
export function sizes(paths) {
  const rows = paths.map((path) => {
    const bytes = readFileSync(path);
    return {
      name: path.split('/').pop(),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
    };
  });
  const total = rows.reduce((t, r) => ({ ...t, raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { name: 'total (wasm + JS)', raw: 0, gzip: 0, brotli: 0 });
  return [...rows, total];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const budgetAt = args.indexOf('--budget');
  const budget = budgetAt >= 0 ? Number(args[budgetAt + 1]) : null;
  const dir = args.find((a, i) => !a.startsWith('--') && i !== budgetAt + 1) ?? 'dist';
  const rows = sizes(BUNDLE.map((f) => join(dir, f)));
  const fmt = (n) => n.toLocaleString('en-US').padStart(9);
  console.log(`${'file'.padEnd(28)}${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
  for (const r of rows) console.log(`${r.name.padEnd(28)}${fmt(r.raw)} ${fmt(r.gzip)} ${fmt(r.brotli)}`);
  // Not in the total: each is loaded only for a widget that needs it (one in its language,
  // one without `src`).
  const modules = readdirSync(dir).filter((f) => MODULE.test(f)).sort();
  if (modules.length) {
    console.log('loaded only for a widget that needs it:');
    for (const r of sizes(modules.map((f) => join(dir, f))).slice(0, -1)) {
      console.log(`${r.name.padEnd(28)}${fmt(r.raw)} ${fmt(r.gzip)} ${fmt(r.brotli)}`);
    }
  }
  const total = rows.at(-1).brotli;
  if (budget !== null) {
    if (!(total <= budget)) {
      console.error(`size budget exceeded: ${total.toLocaleString('en-US')} bytes brotli > ${budget.toLocaleString('en-US')}`);
      process.exit(1);
    }
    console.log(`size budget ok: ${total.toLocaleString('en-US')} <= ${budget.toLocaleString('en-US')} bytes brotli`);
  }
}
