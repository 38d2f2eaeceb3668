// Short names for the functions the main wasm imports from its wasm-bindgen glue. wasm-bindgen
// names each import after its Rust binding plus a hash (`__wbg_set_hash_7409f47420ffd7d1`): 272
// of them, written twice (the wasm's import section and the glue's import object), the hashes
// barely compressible, about 8 KB gzip of the start page. Both files get the same short names
// (`a`, `b`, …); nothing else refers to them. Release builds only (scripts/split-wasm.mjs).
//
//   shortImports(wasmBytes, glueText, module) -> { wasm: Buffer, glue: string, renamed: number }

import { importAt, leb, readWasm } from '../bench/lib/wasm-size.mjs';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/// The `i`th short name: a letter, then the letter's round when there are more than 52.
export const shortName = (i) => LETTERS[i % LETTERS.length] + (i >= LETTERS.length ? Math.floor(i / LETTERS.length) : '');

/// `value` as unsigned LEB128.
export function toLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

const name = (text) => Buffer.concat([toLeb(Buffer.byteLength(text)), Buffer.from(text)]);

export function shortImports(wasm, glue, module) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('short-imports: not a wasm module');
  const imports = readWasm(wasm).sections.find((s) => s.id === 2);
  if (!imports) return { wasm, glue, renamed: 0 };
  const { start, end } = imports;
  const [count, first] = leb(wasm, start);
  const parts = [toLeb(count)];
  const renames = new Map();
  let p = first;
  for (let i = 0; i < count; i++) {
    const { module: importModule, field, kindAt, end: next } = importAt(wasm, p);
    let short = field;
    if (importModule === module) {
      if (renames.has(field)) throw new Error(`short-imports: ${field} is imported twice`);
      short = shortName(renames.size);
      renames.set(field, short);
    }
    parts.push(name(importModule), name(short), wasm.subarray(kindAt, next));
    p = next;
  }
  if (p !== end) throw new Error('short-imports: the import section does not end where its size says');
  // In the glue, each name is a key of the import object, written once; any other count
  // means the glue is not what this script knows.
  for (const [field, short] of renames) {
    const pattern = new RegExp(`(?<![\\w$])${field.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
    const found = glue.match(pattern)?.length ?? 0;
    if (found !== 1) throw new Error(`short-imports: ${field} is in the glue ${found} times, not once`);
    glue = glue.replace(pattern, short);
  }
  const section = Buffer.concat(parts);
  // Where the section begins: its id and size come before its content.
  const head = end - imports.size;
  return {
    wasm: Buffer.concat([wasm.subarray(0, head), Buffer.from([2]), toLeb(section.length), section, wasm.subarray(end)]),
    glue,
    renamed: renames.size,
  };
}
