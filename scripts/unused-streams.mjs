// Leptos 0.8 always builds server_fn with its `browser` feature, whose wasm-streams crate exports
// three classes to JavaScript (IntoUnderlyingSource, IntoUnderlyingSink, IntoUnderlyingByteSource:
// Rust streams as web streams, for server functions). Exports are roots the linker keeps, so the
// start page's piece carried their code and its glue their classes, though this app has no
// server function and never makes one. Release builds drop the exports before wasm-opt (which
// then drops the code only they reach; their futures stay, reached through the function table)
// and the classes from the glue (scripts/split-wasm.mjs). A glue or wasm that does not look as
// expected stops the build.
//
//   withoutStreamExports(wasmBytes) -> Buffer
//   withoutStreamClasses(glueText) -> string
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { leb, readWasm } from '../bench/lib/wasm-size.mjs';
import { toLeb } from './short-imports.mjs';

export const CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

/// wasm-bindgen's export names for a class: `<class>_<method>` and `__wbg_<class>_free`.
const ofAClass = (name) => CLASSES.some((c) => name.startsWith(`${c.toLowerCase()}_`) || name === `__wbg_${c.toLowerCase()}_free`);

export function withoutStreamExports(wasm) {
  const exports = readWasm(wasm).sections.find((s) => s.id === 7);
  if (!exports) throw new Error('unused-streams: the wasm exports nothing');
  const [count, first] = leb(wasm, exports.start);
  const kept = [];
  let dropped = 0;
  let at = first;
  for (let i = 0; i < count; i++) {
    const [length, nameAt] = leb(wasm, at);
    const name = wasm.toString('utf8', nameAt, nameAt + length);
    const end = leb(wasm, nameAt + length + 1)[1];
    if (ofAClass(name)) dropped++;
    else kept.push(wasm.subarray(at, end));
    at = end;
  }
  if (at !== exports.end) throw new Error('unused-streams: the export section does not end where its size says');
  if (!dropped) throw new Error('unused-streams: no stream exports found: has Leptos changed?');
  const section = Buffer.concat([toLeb(kept.length), ...kept]);
  const head = exports.end - exports.size;
  return Buffer.concat([wasm.subarray(0, head), Buffer.from([7]), toLeb(section.length), section, wasm.subarray(exports.end)]);
}

export function withoutStreamClasses(glue) {
  const once = (text, pattern, what) => {
    const found = text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
    if (found !== 1) throw new Error(`unused-streams: ${what} is in the glue ${found} times, not once`);
    return text.replace(pattern, '');
  };
  for (const name of CLASSES) {
    glue = once(glue, new RegExp(`export class ${name} \\{[\\s\\S]*?\\nif \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`), `class ${name}`);
    glue = once(glue, new RegExp(`const ${name}Finalization = \\(typeof FinalizationRegistry === 'undefined'\\)[^;]*;\\n`), `${name}Finalization`);
    if (new RegExp(`\\b${name}\\b`).test(glue)) throw new Error(`unused-streams: the glue still uses ${name}`);
  }
  return glue;
}

// `node scripts/unused-streams.mjs FILE.wasm`: drops the exports in place (scripts/wasm-pieces.sh,
// so that make size measures the code the release build ships).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  writeFileSync(file, withoutStreamExports(readFileSync(file)));
}
