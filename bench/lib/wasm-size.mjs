// Where the wasm's bytes go: code bytes by crate and by function, read from a build that keeps
// the name section (`make size` builds one: cargo's release build through wasm-bindgen and
// wasm-opt -Oz -g, as Trunk builds dist/, names kept). A small reader of the binary format:
// the import section (function indices count imports first), the code section's bodies, the
// data section, and the name section's function names (subsection 1).
//
//   node bench/lib/wasm-size.mjs FILE.wasm [--top N] [--compare dist/x_bg.wasm]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/// The unsigned LEB128 number at `at`, and where it ends.
export function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(byte & 0x80)) return [value, at];
  }
}

/// The import entry at `at`: its module and field names, its kind (0 a function), where its
/// kind byte is and where it ends.
export function importAt(bytes, at) {
  const [moduleLength, moduleAt] = leb(bytes, at);
  const [fieldLength, fieldAt] = leb(bytes, moduleAt + moduleLength);
  const kindAt = fieldAt + fieldLength;
  const kind = bytes[kindAt];
  let end = kindAt + 1;
  if (kind === 0) [, end] = leb(bytes, end); // function: type index
  else if (kind === 1 || kind === 2) {
    if (kind === 1) end++; // table: element type
    const flags = bytes[end++];
    [, end] = leb(bytes, end); // minimum
    if (flags & 1) [, end] = leb(bytes, end); // maximum
  } else if (kind === 3) end += 2; // global: value type, mutability
  else if (kind === 4) [, end] = leb(bytes, end + 1); // tag: attribute, type index
  else throw new Error(`unknown import kind ${kind}`);
  return {
    module: bytes.toString('utf8', moduleAt, moduleAt + moduleLength),
    field: bytes.toString('utf8', fieldAt, fieldAt + fieldLength),
    kind,
    kindAt,
    end,
  };
}

/// Sections, function bodies (as byte ranges, their size prefix included), imported function
/// count, and function names by index.
export function readWasm(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a WebAssembly module');
  const sections = [];
  for (let at = 8; at < bytes.length; ) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    let name = null;
    if (id === 0) {
      const [length, from] = leb(bytes, start);
      name = bytes.toString('utf8', from, from + length);
    }
    sections.push({ id, name, start, end: start + size, size: start + size - at });
    at = start + size;
  }
  let imports = 0;
  const bodies = [];
  const names = new Map();
  for (const s of sections) {
    if (s.id === 2) {
      let [count, at] = leb(bytes, s.start);
      for (; count > 0; count--) {
        const entry = importAt(bytes, at);
        if (entry.kind === 0) imports++;
        at = entry.end;
      }
    } else if (s.id === 10) {
      let [count, at] = leb(bytes, s.start);
      for (; count > 0; count--) {
        const [length, body] = leb(bytes, at);
        bodies.push({ start: at, end: body + length });
        at = body + length;
      }
    } else if (s.id === 0 && s.name === 'name') {
      let [length, at] = leb(bytes, s.start);
      at += length;
      while (at < s.end) {
        const kind = bytes[at];
        const [size, start] = leb(bytes, at + 1);
        if (kind === 1) {
          let [count, p] = leb(bytes, start);
          for (; count > 0; count--) {
            let index, len;
            [index, p] = leb(bytes, p);
            [len, p] = leb(bytes, p);
            names.set(index, bytes.toString('utf8', p, p + len));
            p += len;
          }
        }
        at = start + size;
      }
    }
  }
  return { sections, imports, bodies, names };
}

// Legacy mangling (`_ZN` <length><identifier>… `E`), as far as a reader needs it.
function demangleLegacy(name) {
  const parts = [];
  for (let at = 3; /\d/.test(name[at] ?? ''); ) {
    const length = parseInt(name.slice(at), 10);
    at += String(length).length;
    parts.push(name.slice(at, at + length));
    at += length;
  }
  const escapes = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };
  return parts
    .filter((p, i) => !(i === parts.length - 1 && /^h[0-9a-f]{16}$/.test(p)))
    .map((p) => p.replace(/^_\$/, '$'))
    .join('::')
    .replace(/\.\./g, '::')
    .replace(/\$(SP|BP|RF|LT|GT|LP|RP|C)\$/g, (_, e) => escapes[e])
    .replace(/\$u([0-9a-f]+)\$/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)));
}

/// A readable name: wasm-bindgen demangles the names it keeps; cargo's own output is mangled
/// (legacy `_ZN` for this crate's code, v0 `_R` for the standard library's).
export function readable(name) {
  if (name.startsWith('_ZN')) return demangleLegacy(name);
  // v0 names demangle with each crate's disambiguator: `core[c5930c85a12de822]::fmt`.
  return name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
}

/// The crate a function's code belongs to: the first crate its name mentions (for
/// `<Vec<T> as Drop>::drop` the type's, for `<F as Trait>` the trait's), except drop glue,
/// which belongs to the type dropped.
export function crateOf(name) {
  if (name.startsWith('_R')) {
    // v0: the first crate root, `C` [`s` disambiguator `_`] <length><identifier>.
    const m = name.match(/C(?:s[0-9A-Za-z]*_)?(\d+)/);
    return m ? name.substr(m.index + m[0].length, Number(m[1])) : '(unknown)';
  }
  const text = readable(name);
  const drop = text.match(/^core::ptr::drop_in_place<(.*)>$/);
  if (drop) return crateOf(drop[1]);
  const m = text.match(/([A-Za-z_][A-Za-z0-9_]*)::/);
  if (m) return m[1];
  // Methods of primitive types (v0 names them `<str>::to_lowercase`).
  if (/^<(str|char|bool|[iuf](8|16|32|64|128|size)|\[.*\])>::/.test(text)) return 'core, alloc (primitives)';
  if (/^\(function \d+\)$/.test(text)) return '(unnamed)';
  if (/^(__wbg|__wbindgen|__externref|intounderlying)/.test(text)) return 'wasm_bindgen (glue)';
  return '(no crate)';
}

const gz = (buffers) => gzipSync(Buffer.concat(buffers), { level: 9 }).length;

/// Code bytes by crate and by function, the data section, and a gzip estimate of each crate's
/// share (its bodies compressed together: more than its share of the whole file's gzip, as
/// nothing is shared across crates).
export function measureWasmSize(path) {
  const bytes = readFileSync(path);
  const { sections, imports, bodies, names } = readWasm(bytes);
  if (!names.size) throw new Error(`${path} has no name section: build it with names (make size)`);
  const crates = new Map();
  const functions = [];
  bodies.forEach((b, i) => {
    const raw = names.get(imports + i) ?? `(function ${imports + i})`;
    const size = b.end - b.start;
    const crate = crateOf(raw);
    functions.push({ name: readable(raw), crate, size });
    const c = crates.get(crate) ?? { crate, size: 0, functions: 0, parts: [] };
    c.size += size;
    c.functions++;
    c.parts.push(bytes.subarray(b.start, b.end));
    crates.set(crate, c);
  });
  const code = sections.find((s) => s.id === 10);
  const data = sections.find((s) => s.id === 11);
  const nameSection = sections.find((s) => s.name === 'name');
  const byCrate = [...crates.values()]
    .sort((a, b) => b.size - a.size)
    .map(({ parts, ...c }) => ({ ...c, gzip: gz(parts) }));
  return {
    file: path,
    bytes: bytes.length,
    // What dist/ ships: the same module without its names.
    withoutNames: bytes.length - (nameSection?.size ?? 0),
    gzipWithoutNames: gz([bytes.subarray(0, nameSection?.start ?? bytes.length)]),
    code: { bytes: code?.size ?? 0, functions: bodies.length, gzip: gz(bodies.map((b) => bytes.subarray(b.start, b.end))) },
    data: { bytes: data?.size ?? 0, gzip: data ? gz([bytes.subarray(data.start, data.end)]) : 0 },
    byCrate,
    functions: functions.sort((a, b) => b.size - a.size),
  };
}

/// The code section's size of a module: `dist/`'s wasm has no names, but the same code.
export function codeBytes(path) {
  return readWasm(readFileSync(path)).sections.find((s) => s.id === 10)?.size ?? 0;
}

/// Prints the tables through `say`.
export function printWasmSize(w, say, { crates = 15, top = 25 } = {}) {
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
  const pct = (n) => `${((100 * n) / w.code.bytes).toFixed(1)}%`;
  const row = (label, ...cells) => say(`  ${label.padEnd(40)}${cells.map((c) => String(c).padStart(11)).join('')}`);
  row('', 'raw', 'gzip est.', 'share');
  row(`code (${w.code.functions} functions)`, kb(w.code.bytes), kb(w.code.gzip), '100%');
  row('data (strings, tables, content)', kb(w.data.bytes), kb(w.data.gzip));
  row('module without its names (as shipped)', kb(w.withoutNames), kb(w.gzipWithoutNames));
  say();
  say(`  Code by crate (top ${crates}; gzip: each crate's bodies compressed alone)`);
  row('crate', 'code', 'gzip est.', 'share', 'functions');
  for (const c of w.byCrate.slice(0, crates)) row(c.crate, kb(c.size), kb(c.gzip), pct(c.size), c.functions);
  const rest = w.byCrate.slice(crates);
  if (rest.length) row(`${rest.length} more crates`, kb(rest.reduce((s, c) => s + c.size, 0)));
  say();
  say(`  Largest functions (top ${top})`);
  for (const f of w.functions.slice(0, top)) {
    say(`  ${kb(f.size).padStart(9)} ${pct(f.size).padStart(6)}  ${f.name.length > 110 ? f.name.slice(0, 109) + '…' : f.name}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!file) {
    console.error('usage: node bench/lib/wasm-size.mjs FILE.wasm [--top N] [--compare SHIPPED.wasm]');
    process.exit(2);
  }
  const w = measureWasmSize(file);
  say(`Where the wasm's bytes go: ${file}, ${new Date().toISOString().slice(0, 10)}`);
  const compare = option('--compare', null);
  if (compare) {
    const shipped = codeBytes(compare);
    say(
      shipped === w.code.bytes
        ? `  (the same code section as ${compare})`
        : `  (code section ${w.code.bytes} bytes, ${compare} has ${shipped}: not the same build)`,
    );
  }
  printWasmSize(w, say, { top: Number(option('--top', 25)) });
  function say(line = '') {
    console.log(line);
  }
}
