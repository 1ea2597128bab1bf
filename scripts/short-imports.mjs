// Shortens the names the wasm imports its JavaScript functions by. wasm-bindgen names each
// import after its function and a hash (`__wbg_setAttribute_d0a6ab3e3d3d1a9c`), and every
// name is written twice: in the wasm's import section and as a key of the glue's import
// object. The hashes do not compress. Here each import of the glue's module gets a short name
// (`a`, `b`, … `ba`, …), in both files, and the module itself a one-letter name; binaryen's
// --minify-imports reads only an `env` module, and wasm-bindgen names its module after the
// glue. The build fails if an import is not a key of the glue's import object exactly once.

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MODULE = 'w';

/** The `i`th short name: a … Z, ba … ZZ, … (never a digit first, never a keyword). */
function shortName(i) {
  let name = '';
  do {
    name = LETTERS[i % LETTERS.length] + name;
    i = Math.floor(i / LETTERS.length);
  } while (i > 0);
  return ['do', 'if', 'in'].includes(name) ? null : name;
}

function readLeb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const utf8 = (s) => [...Buffer.from(s, 'utf8')];
const named = (s) => [...leb(Buffer.byteLength(s)), ...utf8(s)];

/** `wasm` (a Buffer) and `glue` (the glue's text) with the glue module's imports renamed. */
export function shortenImports(wasm, glue) {
  let at = 8;
  const sections = [];
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = readLeb(wasm, at + 1);
    sections.push({ id, start: at, body, end: body + size });
    at = body + size;
  }
  const imports = sections.find((s) => s.id === 2);
  if (!imports) return { wasm, glue, renamed: 0 };
  let p = imports.body;
  let count;
  [count, p] = readLeb(wasm, p);
  const entries = [];
  for (let k = 0; k < count; k++) {
    let length;
    [length, p] = readLeb(wasm, p);
    const module = wasm.subarray(p, p + length).toString('utf8');
    p += length;
    [length, p] = readLeb(wasm, p);
    const field = wasm.subarray(p, p + length).toString('utf8');
    p += length;
    const descStart = p;
    const kind = wasm[p++];
    if (kind === 0) [, p] = readLeb(wasm, p);
    else if (kind === 1 || kind === 2) {
      if (kind === 1) p++;
      let flags;
      [flags, p] = readLeb(wasm, p);
      [, p] = readLeb(wasm, p);
      if (flags & 1) [, p] = readLeb(wasm, p);
    } else if (kind === 3) p += 2;
    else if (kind === 4) { p++; [, p] = readLeb(wasm, p); }
    else throw new Error(`short-imports: import kind ${kind} unknown`);
    entries.push({ module, field, desc: [...wasm.subarray(descStart, p)] });
  }
  const glueModules = [...new Set(entries.map((e) => e.module))].filter((m) => glue.includes(`"${m}"`));
  if (glueModules.length !== 1) throw new Error(`short-imports: expected one glue module, found ${glueModules}`);
  const [glueModule] = glueModules;
  const names = new Map();
  let next = 0;
  for (const entry of entries) {
    if (entry.module !== glueModule || names.has(entry.field)) continue;
    let name;
    while (!(name = shortName(next++)));
    names.set(entry.field, name);
  }
  // The glue's keys: `name:function(…)` or `name(…){` in an object literal.
  let text = glue;
  for (const [field, name] of names) {
    const key = new RegExp(`([{,])${field.replace(/\$/g, '\\$')}(?=[:(])`, 'g');
    const found = text.match(key)?.length ?? 0;
    if (found !== 1) throw new Error(`short-imports: ${field} is a key of the glue ${found} times, not once`);
    text = text.replace(key, `$1${name}`);
  }
  const quoted = `"${glueModule}":`;
  if (text.split(quoted).length !== 2) throw new Error(`short-imports: the module key ${quoted} is not in the glue once`);
  text = text.replace(quoted, `${MODULE}:`);
  const body = [...leb(count)];
  for (const entry of entries) {
    const own = entry.module === glueModule;
    body.push(...named(own ? MODULE : entry.module), ...named(own ? names.get(entry.field) : entry.field), ...entry.desc);
  }
  const section = Buffer.from([2, ...leb(body.length), ...body]);
  const out = Buffer.concat([wasm.subarray(0, imports.start), section, wasm.subarray(imports.end)]);
  return { wasm: out, glue: text, renamed: names.size };
}
