// The crate's version (Cargo.toml's `[package] version`), which is the npm package's too.
// Reads the `[package]` table of any valid manifest: arrays, inline tables or `[` in strings
// before the version, single or double quotes, any spacing around `=`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function cargoVersion(manifest) {
  let table = null;
  for (const line of manifest.split(/\r?\n/)) {
    const header = /^\s*\[\s*([^\]]+?)\s*\]\s*(#.*)?$/.exec(line);
    if (header && !line.trimStart().startsWith('[[')) {
      table = header[1];
      continue;
    }
    if (table !== 'package') continue;
    const version = /^\s*version\s*=\s*(?:"([^"]+)"|'([^']+)')/.exec(line);
    if (version) return version[1] ?? version[2];
  }
  throw new Error('Cargo.toml has no [package] version');
}

export const readCargoVersion = (root) => cargoVersion(readFileSync(join(root, 'Cargo.toml'), 'utf8'));
