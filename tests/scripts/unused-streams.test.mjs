// The release build drops the stream classes Leptos always links (scripts/unused-streams.mjs):
// their exports from the wasm, their classes from the glue, and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLASSES, withoutStreamClasses, withoutStreamExports } from '../../scripts/unused-streams.mjs';

const text = (s) => [s.length, ...Buffer.from(s)];
const leb = (n) => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, ...leb(n >> 7)]);
const section = (id, payload) => [id, ...leb(payload.length), ...payload];

/// A module with one function exported under each name.
const module = (names) =>
  Buffer.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 0, 1, 0x7f]),
    ...section(3, [1, 0]),
    ...section(7, [names.length, ...names.flatMap((name) => [...text(name), 0, 0])]),
    ...section(10, [1, 4, 0, 0x41, 7, 0x0b]),
  ]);

test('the stream classes\' exports go, the others stay', () => {
  const wasm = withoutStreamExports(
    module(['main', 'intounderlyingsink_write', '__wbg_intounderlyingsource_free', 'intounderlyingbytesource_pull', '__wbindgen_malloc']),
  );
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name);
  assert.deepEqual(exports, ['main', '__wbindgen_malloc']);
  assert.throws(() => withoutStreamExports(module(['main'])), /no stream exports found/);
});

const glueOf = (names) =>
  names
    .map(
      (name) => `export class ${name} {
    free() {
        ${name}Finalization.unregister(this);
    }
}
if (Symbol.dispose) ${name}.prototype[Symbol.dispose] = ${name}.prototype.free;
const ${name}Finalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_${name.toLowerCase()}_free(ptr, 1));
`,
    )
    .join('') + 'export class Kept {}\n';

test('the stream classes go from the glue, the rest stays', () => {
  assert.equal(withoutStreamClasses(glueOf(CLASSES)), 'export class Kept {}\n');
  assert.throws(() => withoutStreamClasses(glueOf(CLASSES.slice(1))), /class IntoUnderlyingByteSource is in the glue 0 times/);
  assert.throws(() => withoutStreamClasses(`${glueOf(CLASSES)}new IntoUnderlyingSink();\n`), /still uses IntoUnderlyingSink/);
});
