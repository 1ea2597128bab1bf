// A small static HTTP server for the demo and the tests, on 127.0.0.1 only, no dependencies.
//
//   /                       dist/ (the built widget and standalone page)
//   /fixtures/...           ../shared/fixtures (real captured feeds)
//   /feeds/...              tests/feeds (our quirk fixtures)
//   /reference/...          src/reference (the reference incident); also served as a status
//                           page base URL: /reference/api/v2/summary.json
//
// Every response carries `Access-Control-Allow-Origin: *`, as a status page's API does, so
// pages on other origins (the wasm-bindgen test runner) can read the feeds.
//
// Run: node tests/support/server.mjs [--port 8080] [--root dist]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(fileURLToPath(import.meta.url), '../../..');
export const fixturesDir = process.env.STATUS_WIDGET_FIXTURES ?? join(repo, '../shared/fixtures');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

function mounts(root) {
  return [
    ['/reference/api/v2/', join(repo, 'src/reference')],
    ['/reference/', join(repo, 'src/reference')],
    ['/fixtures/', fixturesDir],
    ['/feeds/', join(repo, 'tests/feeds')],
    ['/', root],
  ];
}

/** The strict policy the embed contract promises to satisfy (connect-src: this server). */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

/** The standalone page's policy: as strict, but it may read any https feed (and local test
 * servers), since `?src=` can name one. */
const PAGE_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' https: http://127.0.0.1:*";

/** Extra response headers by path: the hostile example and the standalone page are served
 * under strict policies, so every test of them also checks that nothing violates one. */
const HEADERS = {
  '/examples/hostile.html': { 'Content-Security-Policy': STRICT_CSP },
  '/': { 'Content-Security-Policy': PAGE_CSP },
  '/index.html': { 'Content-Security-Policy': PAGE_CSP },
};

/** Maps a URL path to a file under one of the mounts, refusing anything outside them. */
function locate(pathname, table) {
  for (const [prefix, dir] of table) {
    if (!pathname.startsWith(prefix)) continue;
    const rest = decodeURIComponent(pathname.slice(prefix.length)) || 'index.html';
    const file = normalize(join(dir, rest));
    return file === dir || file.startsWith(dir + sep) ? file : null;
  }
  return null;
}

/** Starts the server; resolves to the node `http.Server` once it listens. */
export function startServer({ port = 0, root = join(repo, 'dist'), extra = [] } = {}) {
  const table = [...extra, ...mounts(resolve(root))];
  const server = createServer(async (req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'no-cache');
    try {
      const { pathname } = new URL(req.url, 'http://127.0.0.1');
      let file = locate(pathname, table);
      if (file && (await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...HEADERS[pathname] });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
    }
  });
  return new Promise((ready, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ready(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const root = resolve(arg('--root', join(repo, 'dist')));
  const server = await startServer({ port: Number(arg('--port', 8080)), root });
  console.log(`serving ${root} at http://127.0.0.1:${server.address().port}/`);
}
