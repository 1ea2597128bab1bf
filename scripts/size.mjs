// Raw / gzip (level 9) / brotli (quality 11) bytes of what a host page downloads for the
// widget (the entry, the wasm-bindgen glue, the wasm), and their total. Node's zlib, so
// nothing to install.
//   node scripts/size.mjs [dist]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const files = ['status-widget.js', 'status-widget-glue.js', 'status-widget_bg.wasm'];
const rows = files.map((name) => {
  const bytes = readFileSync(join(dir, name));
  return {
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
});
const total = rows.reduce((t, r) => ({ name: 'total (wasm + JS)', raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
  { raw: 0, gzip: 0, brotli: 0 });
const fmt = (n) => n.toLocaleString('en-US').padStart(9);
console.log(`${'file'.padEnd(28)}${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
for (const r of [...rows, total]) console.log(`${r.name.padEnd(28)}${fmt(r.raw)} ${fmt(r.gzip)} ${fmt(r.brotli)}`);
