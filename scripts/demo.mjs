// `make demo`: the standalone page and the examples at http://127.0.0.1:8080/, and
// status-relay at http://127.0.0.1:8787/ reading real captures of Instatus, Better Stack,
// Uptime Kuma, Google Cloud, Slack, cState and Cachet pages (served by the same demo server
// under /upstream/, laid out as each product serves them), shown on examples/relay.html.
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { startServer, repo } from '../tests/support/server.mjs';
import { stageUpstreams, relayConfig, startRelay } from '../tests/support/relay.mjs';

const PORT = Number(process.env.DEMO_PORT ?? 8080);
const RELAY_PORT = Number(process.env.RELAY_PORT ?? 8787);
const dir = join(repo, 'artifacts/relay-demo');
await rm(dir, { recursive: true, force: true });
const upstream = await stageUpstreams(join(dir, 'upstream'));
const server = await startServer({ port: PORT, root: join(repo, 'dist'), extra: [['/upstream/', upstream]] });
const relay = await startRelay(relayConfig(`http://127.0.0.1:${PORT}/upstream`, { interval: 30 }), { port: RELAY_PORT, dir });
console.log(`status-widget demo: http://127.0.0.1:${PORT}/  (try ?src=https://www.githubstatus.com or ?now=live)`);
console.log(`through status-relay: http://127.0.0.1:${PORT}/examples/relay.html  (relay: ${relay.url}/healthz, ${relay.url}/metrics; config ${join(dir, 'relay-127-0-0-1-' + RELAY_PORT + '.toml')})`);
const stop = async () => {
  await relay.stop();
  server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
