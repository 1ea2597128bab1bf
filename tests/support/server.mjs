// A small static HTTP server for the demo and the tests, on 127.0.0.1 only, no dependencies.
//
//   /                       dist/ (the built widget and standalone page)
//   /fixtures/...           ../shared/fixtures (real captured feeds)
//   /feeds/...              tests/feeds (our quirk fixtures)
//   /reference/...          src/reference (the reference incident); also served as a status
//                           page base URL: /reference/api/v2/summary.json
//   /faults/NAME/...        a feed whose behaviour the test sets with server.fault(NAME, mode),
//                           counting requests per NAME in server.requests (see FAULTS below)
//   /__probe.js             tests/support/probe.js, which records a page's problems for the
//                           Firefox and WebKit tests; an HTML page asked for with `__probe=1`
//                           in its query (or framed by such a page) gets it as the first
//                           element of its <head>. Off otherwise: every page is served as is.
//
// While a test sets server.paths to an array, every request's path is appended to it, so
// the test can count downloads where they arrive.
//
// Every response carries `Access-Control-Allow-Origin: *`, as a status page's API does, so
// pages on other origins (the wasm-bindgen test runner) can read the feeds.
//
// Run: node tests/support/server.mjs [--port 8080] [--root dist]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

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

const GOOD = ['statuspage/github_summary_2022-11_sergeyshevch-statuspage-exporter.json',
  'statuspage/instructure_summary_2021-12_aws-outage_atc0005-check-statuspage.json'];

/**
 * What a fault route does, by mode:
 *   ok            the GitHub summary capture (200, with CORS)
 *   alternate     the GitHub and Instructure captures in turn (the feed changes every read)
 *   status:N[:S]  HTTP N, with `Retry-After: S` when S is given
 *   hang          headers never come (the client's timeout must fire)
 *   malformed     200 with broken JSON
 *   wrong-shape   200 with JSON that is not a status document
 *   html200       200 with an HTML error page
 *   huge          200 with a 10 MB body, chunked (no Content-Length)
 *   nocors        the good feed without Access-Control-Allow-Origin
 *   flap          good and 500 in turn
 *   history-hangs the good feed, except incidents.json, which never answers
 *   reference-slow:MS  the reference incident's documents (src/reference), by name; all but
 *                 summary.json answer MS milliseconds late (the summary is shown first)
 */
async function fault(mode, count, res, url) {
  const good = async (i = 0) => readFile(join(fixturesDir, GOOD[i]));
  const [kind, a, b] = mode.split(':');
  const json = { 'Content-Type': 'application/json; charset=utf-8' };
  switch (kind) {
    case 'ok': return res.writeHead(200, json).end(await good());
    case 'alternate': return res.writeHead(200, json).end(await good(count % 2));
    case 'status': return res.writeHead(Number(a), b ? { 'Retry-After': b } : {}).end('error\n');
    case 'hang': return; // keep the connection open without answering
    case 'malformed': return res.writeHead(200, json).end('{"page": {"name": "Broken"}, "components": [');
    case 'wrong-shape': return res.writeHead(200, json).end('{"hello": "world"}');
    case 'html200': return res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    case 'huge': {
      res.writeHead(200, json);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 10; i++) res.write(chunk);
      return res.end('{}');
    }
    case 'nocors':
      res.removeHeader('Access-Control-Allow-Origin');
      return res.writeHead(200, json).end(await good());
    case 'flap': return count % 2 ? res.writeHead(500).end('error\n') : res.writeHead(200, json).end(await good());
    case 'history-hangs': return url.includes('incidents.json') ? undefined : res.writeHead(200, json).end(await good());
    case 'reference-slow': {
      const name = /(summary|incidents|scheduled-maintenances)\.json/.exec(url)?.[1];
      if (!name) return res.writeHead(404).end('not found\n');
      if (name !== 'summary') await new Promise((r) => setTimeout(r, Number(a)));
      return res.writeHead(200, json).end(await readFile(join(repo, 'src/reference', `${name}.json`)));
    }
    default: return res.writeHead(400).end(`unknown fault mode ${mode}\n`);
  }
}

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

const PROBE = join(repo, 'tests/support/probe.js');
const probed = (req) => /[?&]__probe=1(&|$)/.test(new URL(req.url, 'http://127.0.0.1').search)
  || /[?&]__probe=1(&|#|$)/.test(req.headers.referer ?? '');

/** Brotli copies made by a `compress` server, per file. */
const compressed = new Map();

/** Starts the server; resolves to the node `http.Server` once it listens. With `compress`,
 * text and wasm go out brotli-compressed to clients that accept it, as a CDN would serve
 * them (`make bench` uses that; the tests see plain bodies). */
export function startServer({ port = 0, root = join(repo, 'dist'), extra = [], compress = false } = {}) {
  const table = [...extra, ...mounts(resolve(root))];
  const modes = new Map();
  const requests = new Map();
  const server = createServer(async (req, res) => {
    server.paths?.push(new URL(req.url, 'http://127.0.0.1').pathname);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'no-cache');
    const faulty = /^\/faults\/([\w-]+)\//.exec(req.url);
    if (faulty) {
      const name = faulty[1];
      const count = requests.get(name) ?? 0;
      requests.set(name, count + 1);
      return fault(modes.get(name) ?? 'ok', count, res, req.url);
    }
    try {
      const { pathname } = new URL(req.url, 'http://127.0.0.1');
      let file = pathname === '/__probe.js' ? PROBE : locate(pathname, table);
      if (file && (await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      if (extname(file) === '.html' && probed(req)) {
        body = Buffer.from(body.toString('utf8').replace(/<head\b[^>]*>/i, (head) => `${head}<script src="/__probe.js"></script>`));
      }
      const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...HEADERS[pathname] };
      if (compress && TYPES[extname(file)] && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!compressed.has(file)) compressed.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        body = compressed.get(file);
        Object.assign(headers, { 'Content-Encoding': 'br', Vary: 'Accept-Encoding' });
      }
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
    }
  });
  /** Sets what /faults/NAME/ does from now on. */
  server.fault = (name, mode) => modes.set(name, mode);
  /** Requests seen per fault name. */
  server.requests = requests;
  /** Set to [] to record the path of every request from then on, in order; null: off. */
  server.paths = null;
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

/**
 * A test server that also serves host pages written by the test under /hosts/ (from a fresh
 * temporary folder). `hostPage(name, body, options)` writes one that loads the bundle and
 * returns its URL; `write(name, text)` writes any other file there.
 */
export async function startHostServer(prefix) {
  const { mkdtemp, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const hosts = await mkdtemp(join(tmpdir(), `status-widget-${prefix}-`));
  const server = await startServer({ port: 0, extra: [['/hosts/', hosts]] });
  const base = `http://127.0.0.1:${server.address().port}`;
  const write = (name, text) => writeFile(join(hosts, name), text);
  const hostPage = async (name, body, { bundle = '../status-widget.js', lang = 'en-GB', head = '', dir = '' } = {}) => {
    await write(name, `<!doctype html><html lang="${lang}"${dir ? ` dir="${dir}"` : ''}><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title>
<link rel="icon" href="../icon.svg"><script type="module" src="${bundle}"></script>${head}</head>
<body>${body}</body></html>`);
    return `${base}/hosts/${name}`;
  };
  return { server, base, hostPage, write };
}
