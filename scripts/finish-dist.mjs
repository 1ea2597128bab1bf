// Trunk post-build hook (Trunk.toml): turns Trunk's output into the embeddable bundle.
// - Trunk names the wasm-bindgen glue after the package (status-widget.js); it becomes
//   status-widget-glue.js, and status-widget.js is our entry that defines <status-widget>.
// - Both scripts a host page loads go out minified by terser (comments, whitespace and local
//   names: -2.8 KB brotli); the readable sources are src/embed/status-widget.js and
//   wasm-bindgen's output.
// - The wasm's imports get short names, in the wasm and the glue (scripts/short-imports.mjs:
//   -3.8 KB brotli).
// - Every .js, .wasm, .css and .html gets precompressed .br and .gz copies.
// Runs in Trunk's staging directory (TRUNK_STAGING_DIR), so a failed build leaves dist/ alone.
import { copyFileSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { minify } from 'terser';
import { readCargoVersion } from './version.mjs';
import { shortenImports } from './short-imports.mjs';
import { MODULE } from './size.mjs';

const stage = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
if (!stage) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');

renameSync(join(stage, 'status-widget.js'), join(stage, 'status-widget-glue.js'));
// The entry carries the crate's version (Cargo.toml's [package] version), the npm package's too.
const version = readCargoVersion(source);
const entry = readFileSync(join(source, 'src/embed/status-widget.js'), 'utf8');
const placeholder = "export const version = '0.0.0-source';";
if (!entry.includes(placeholder)) throw new Error(`src/embed/status-widget.js lost its line ${placeholder}`);
writeFileSync(join(stage, 'status-widget.js'), entry.replace(placeholder, `export const version = '${version}';`));
// The page as Trunk leaves it still holds the build's own lines (the rust link Trunk read, and
// the comment about its wasm-opt flags): nothing a reader of the page needs.
const page = join(stage, 'index.html');
writeFileSync(page, readFileSync(page, 'utf8')
  .replace(/\n\s*<!-- wasm-opt:[\s\S]*?-->/, '')
  .replace(/\n\s*<link data-trunk rel="rust"[^>]*>/, '')
  .replace(/\n\s*\n(\s*\n)+/g, '\n'));
// The modules a widget may need (its language's words, the reference incident), written by
// `cargo run --example contract`, go beside the entry, which imports them on demand.
for (const name of readdirSync(join(source, 'src/embed'))) {
  if (MODULE.test(name)) copyFileSync(join(source, 'src/embed', name), join(stage, name));
}
for (const name of ['status-widget.js', 'status-widget-glue.js']) {
  const path = join(stage, name);
  const { code } = await minify(readFileSync(path, 'utf8'), { module: true, compress: true, mangle: true });
  writeFileSync(path, code);
}
{
  const wasmPath = join(stage, 'status-widget_bg.wasm');
  const gluePath = join(stage, 'status-widget-glue.js');
  const { wasm, glue } = shortenImports(readFileSync(wasmPath), readFileSync(gluePath, 'utf8'));
  writeFileSync(wasmPath, wasm);
  writeFileSync(gluePath, glue);
}

for (const name of readdirSync(stage)) {
  if (!/\.(js|wasm|css|html)$/.test(name)) continue;
  const bytes = readFileSync(join(stage, name));
  writeFileSync(join(stage, `${name}.gz`), gzipSync(bytes, { level: 9 }));
  writeFileSync(join(stage, `${name}.br`), brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }));
}
