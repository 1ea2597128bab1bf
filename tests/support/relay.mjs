// status-relay for the end-to-end tests and the demo: the upstream pages laid out as each
// product serves them (real captures from ../shared/fixtures/other, copied under the paths
// the product uses), a config naming them, and the relay binary started on 127.0.0.1.
//
//   const dir = await stageUpstreams(tmp);             // tmp/<product>/... as the products serve
//   server = await startServer({ port: 0, extra: [['/upstream/', dir]] });
//   const relay = await startRelay(relayConfig(`http://127.0.0.1:${port}/upstream`));
//   relay.url  → http://127.0.0.1:NNNN ; relay.stop()
import { spawn, execFileSync } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { repo, fixturesDir } from './server.mjs';
import { freePort } from './engines.mjs';

/** Where each product's documents go, from which capture. */
export const UPSTREAMS = {
  instatus: {
    kind: 'instatus', label: 'Perplexity (Instatus)', files: {
      'summary.json': 'other/perplexity_instatus_summary_page-only-UP_ai-status.json',
      'components.json': 'other/perplexity_instatus_components_uppercase-status_ai-status.json',
    },
  },
  betterstack: {
    kind: 'betterstack', label: 'Hugging Face (Better Stack)', files: {
      'index.json': 'other/huggingface_betterstack_index_90day-history-8-reports_Wakz.json',
    },
  },
  'uptime-kuma': {
    kind: 'uptime-kuma', label: 'open-slum.org (Uptime Kuma)', path: 'status/slum', files: {
      'api/status-page/slum': 'other/slum_uptimekuma_status-page_v1-pinned-incident_kwire.json',
      'api/status-page/heartbeat/slum': 'other/slum_uptimekuma_heartbeat_19-monitors-null-ping_kwire.json',
    },
  },
  'google-cloud': {
    kind: 'google-cloud', label: 'Google Cloud', files: {
      'incidents.json': 'other/googlecloud_gcp_incidents_postmortem-markdown_devops-status-mcp-server.json',
    },
  },
  cstate: {
    kind: 'cstate', label: 'Tor Project (cState)', files: {
      'index.json': 'other/cstate_torproject_index_EXTRACTED_no-issues.json',
    },
  },
  slack: {
    kind: 'slack', label: 'Slack', files: {
      'api/v2.0.0/current': 'other/slack_slackstatus_current_2-active-incidents-minified_statuscheck.json',
    },
  },
  cachet: {
    kind: 'cachet', label: 'Yoti (Cachet)', files: {
      'api/v1/components': 'other/cachet_yoti_v1_components_EXTRACTED.json',
    },
  },
};

/** Copies every capture under `dir/<name>/<path>`; returns `dir`. */
export async function stageUpstreams(dir) {
  for (const [name, { files }] of Object.entries(UPSTREAMS)) {
    for (const [path, capture] of Object.entries(files)) {
      const target = join(dir, name, path);
      await mkdir(dirname(target), { recursive: true });
      await copyFile(join(fixturesDir, capture), target);
    }
  }
  return dir;
}

/** A relay config: one feed per staged upstream at `base` (`http://127.0.0.1:P/upstream`),
 * plus the reference incident as a Statuspage feed, plus `extra` TOML. */
export function relayConfig(base, { interval = 1, extra = '', only } = {}) {
  const names = Object.keys(UPSTREAMS).filter((n) => !only || only.includes(n));
  const feeds = names.map((name) => {
    const { kind, path } = UPSTREAMS[name];
    return `[[feeds]]\nname = "${name}"\nkind = "${kind}"\nurl = "${base}/${name}${path ? `/${path}` : ''}"\n`;
  });
  feeds.push(`[[feeds]]\nname = "reference"\nkind = "statuspage"\nurl = "${base.replace(/\/upstream$/, '')}/reference"\n`);
  return `[poll]\ninterval = ${interval}\ntimeout = 5\n${extra}\n${feeds.join('\n')}`;
}

/** The relay binary, built (debug) first: a no-op of a second when it is up to date. */
export async function relayBinary() {
  execFileSync('cargo', ['build', '-q', '-p', 'status-relay'], { cwd: repo, stdio: 'inherit' });
  return join(repo, 'target/debug/status-relay');
}

/** Starts the relay with `config` (TOML text) on a free port of 127.0.0.1 (or `port`);
 * resolves once it listens. */
export async function startRelay(config, { port, dir } = {}) {
  const binary = await relayBinary();
  const listen = `127.0.0.1:${port ?? await freePort()}`;
  const file = join(dir ?? join(repo, 'artifacts'), `relay-${listen.replace(/\W/g, '-')}.toml`);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, config);
  const child = spawn(binary, ['--config', file, '--listen', listen], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`status-relay did not start: ${log}`)), 20000);
    child.stdout.on('data', (d) => { if (String(d).includes('listening on')) { clearTimeout(timer); resolve(); } });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`status-relay exited ${code}: ${log}`)); });
  });
  child.removeAllListeners('exit');
  return {
    url: `http://${listen}`,
    log: () => log,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGINT');
    }),
  };
}
