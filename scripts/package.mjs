// `make package`: the npm package and the crate, from the release build, into artifacts/.
//
//   artifacts/status-widget-VERSION.tgz    npm pack of artifacts/npm/ (the staged package)
//   artifacts/status-widget-VERSION.crate  cargo package (verified: it builds from the .crate)
//
// One version for both: Cargo.toml's. The package holds the bundle as `make dist` wrote it
// (entry, glue, wasm), the standalone page, the types and manifest that `cargo run --example
// contract` writes from the contract tables, README, LICENSE and CHANGELOG, and nothing of
// the tooling. Each artifact is checked: its exact file list, the version in the entry, the
// types and manifest unchanged from package/, `cargo publish --dry-run`, and the crate's docs
// building for wasm with no warning. Run after `make dist` (the Makefile does).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repo } from '../tests/support/server.mjs';
import { readCargoVersion } from './version.mjs';
import { MODULE } from './size.mjs';

const dist = join(repo, 'dist');
const out = join(repo, 'artifacts');
const stage = join(out, 'npm');
const run = (command, args, options = {}) =>
  execFileSync(command, args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...options });

export const version = readCargoVersion(repo);

/** Every file of the npm package, and nothing else (npm adds package.json, README and LICENSE itself). */
export const PACKAGE_FILES = [
  'CHANGELOG.md', 'LICENSE', 'README.md', 'custom-elements.json', 'icon.svg', 'index.html',
  'package.json', 'page.css', 'react.d.ts', 'react.js', 'standalone.d.ts', 'standalone.js',
  'status-widget-glue.js', 'status-widget.d.ts', 'status-widget.js', 'status-widget_bg.wasm',
  // Loaded by the entry for a widget that needs one: the words of each language but
  // English, and the reference incident (a widget without `src`).
  'status-widget-lang-ar.js', 'status-widget-lang-de.js', 'status-widget-lang-es.js',
  'status-widget-lang-fr.js', 'status-widget-lang-pt.js', 'status-widget-reference.js',
];

const manifest = {
  name: 'status-widget',
  version,
  description: 'A status banner that expands into an incident timeline, for any Statuspage v2 feed: one <status-widget> custom element (Rust + yew, WebAssembly), strict-CSP safe.',
  license: 'MIT',
  keywords: ['status', 'statuspage', 'status-page', 'incident', 'web-component', 'custom-element', 'webassembly', 'yew'],
  type: 'module',
  // Importing the entry defines <status-widget> (once the wasm has loaded): a side effect.
  sideEffects: ['./status-widget.js', './standalone.js', './react.js'],
  exports: {
    '.': { types: './status-widget.d.ts', default: './status-widget.js' },
    './status-widget.js': { types: './status-widget.d.ts', default: './status-widget.js' },
    // The same module, with types that add <status-widget> to React 19's JSX.
    './react': { types: './react.d.ts', default: './react.js' },
    './standalone': { types: './standalone.d.ts', default: './standalone.js' },
    './standalone.html': './index.html',
    './page.css': './page.css',
    './status-widget_bg.wasm': './status-widget_bg.wasm',
    './custom-elements.json': './custom-elements.json',
    './package.json': './package.json',
  },
  module: './status-widget.js',
  // What a bare CDN address (…/npm/status-widget@VERSION) serves.
  unpkg: './status-widget.js',
  jsdelivr: './status-widget.js',
  types: './status-widget.d.ts',
  customElements: 'custom-elements.json',
  files: PACKAGE_FILES.filter((f) => !['package.json', 'README.md', 'LICENSE'].includes(f)),
};

function stageNpm() {
  const fromDist = ['status-widget.js', 'status-widget-glue.js', 'status-widget_bg.wasm', 'standalone.js', 'page.css', 'icon.svg',
    ...PACKAGE_FILES.filter((f) => MODULE.test(f))];
  for (const name of [...fromDist, 'index.html']) {
    if (!existsSync(join(dist, name))) throw new Error(`dist/${name} is missing: run make dist first`);
  }
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const name of fromDist) {
    cpSync(join(dist, name), join(stage, name));
  }
  // The standalone page without the demo's footer: the examples it links to are not shipped.
  const page = readFileSync(join(dist, 'index.html'), 'utf8');
  const trimmed = page.replace(/\s*<footer class="page__footer" id="examples">[\s\S]*?<\/footer>/, '');
  if (trimmed === page) throw new Error('dist/index.html has no examples footer to leave out');
  writeFileSync(join(stage, 'index.html'), trimmed);
  for (const name of ['status-widget.d.ts', 'react.d.ts', 'react.js']) cpSync(join(repo, 'package', name), join(stage, name));
  cpSync(join(repo, 'package/custom-elements.json'), join(stage, 'custom-elements.json'));
  writeFileSync(join(stage, 'standalone.d.ts'), '// The standalone page\'s script: it reads its settings from the query string and\n// shows <status-widget mode="page">. It exports nothing.\nexport {};\n');
  // The registries' README (no screenshots or repository links, which the package lacks).
  cpSync(join(repo, 'package/README.md'), join(stage, 'README.md'));
  for (const name of ['LICENSE', 'CHANGELOG.md']) cpSync(join(repo, name), join(stage, name));
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

function checkEntry() {
  const entry = readFileSync(join(stage, 'status-widget.js'), 'utf8');
  if (!entry.includes(`"${version}"`) && !entry.includes(`'${version}'`)) {
    throw new Error(`status-widget.js does not carry version ${version}: rebuild dist (make dist)`);
  }
}

function packNpm() {
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', out], { cwd: stage }));
  const files = packed.files.map((f) => f.path).sort();
  const expected = [...PACKAGE_FILES].sort();
  if (JSON.stringify(files) !== JSON.stringify(expected)) {
    throw new Error(`the npm package holds ${files.join(', ')}; expected ${expected.join(', ')}`);
  }
  return packed;
}

function packCrate() {
  const listed = run('cargo', ['package', '--list', '--allow-dirty']).trim().split('\n').sort();
  for (const path of listed) {
    if (!/^(src\/|styles\/|build\.rs$|package\/README\.md$|LICENSE$|CHANGELOG\.md$|Cargo\.(toml|toml\.orig|lock)$|\.cargo_vcs_info\.json$)/.test(path)) {
      throw new Error(`the crate would ship ${path}`);
    }
  }
  // Packs, then builds the packed crate from its own sources, as crates.io would: nothing it
  // needs may live outside what it ships.
  run('cargo', ['package', '--allow-dirty', '-p', 'status-widget'], { stdio: ['ignore', 'inherit', 'inherit'] });
  // The wasm half too (the component, and the element's exports), from the packed sources.
  run('cargo', ['package', '--allow-dirty', '-p', 'status-widget', '--target', 'wasm32-unknown-unknown', '--features', 'element'], { stdio: ['ignore', 'inherit', 'inherit'] });
  run('cargo', ['publish', '--dry-run', '--allow-dirty', '-p', 'status-widget'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const crate = join(repo, 'target/package', `status-widget-${version}.crate`);
  cpSync(crate, join(out, `status-widget-${version}.crate`));
  // The docs docs.rs would build, for both its targets (wasm is the default: the component
  // is there), with no warning.
  for (const target of [['--target', 'wasm32-unknown-unknown'], []]) {
    run('cargo', ['doc', '--no-deps', '--lib', '-p', 'status-widget', ...target], {
      env: { ...process.env, RUSTDOCFLAGS: '-D warnings' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
  return listed;
}

/** Where `make package` writes the tarball. */
export const tarball = join(out, `status-widget-${version}.tgz`);

function main() {
  mkdirSync(out, { recursive: true });
  stageNpm();
  checkEntry();
  const packed = packNpm();
  const crateFiles = packCrate();
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
  console.log(`\nartifacts/${packed.filename}: ${packed.files.length} files, ${kb(packed.size)} packed, ${kb(packed.unpackedSize)} unpacked`);
  for (const f of packed.files.sort((a, b) => a.path.localeCompare(b.path))) console.log(`  ${f.path.padEnd(24)} ${String(f.size).padStart(8)} B`);
  console.log(`artifacts/status-widget-${version}.crate: ${crateFiles.length} files (cargo package and cargo publish --dry-run passed; docs build for wasm32 and natively)`);
}

// Imported by the package tests for the names above; run by `make package`.
if (process.argv[1] === fileURLToPath(import.meta.url)) main();
