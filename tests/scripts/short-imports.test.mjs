// The release build's short import names (scripts/short-imports.mjs): the wasm and its glue get
// the same names, imports from other modules keep theirs, and the module still runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shortImports, shortName } from '../../scripts/short-imports.mjs';

const text = (s) => [s.length, ...Buffer.from(s)];
const leb = (n) => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, ...leb(n >> 7)]);
const section = (id, payload) => [id, ...leb(payload.length), ...payload];
const ANSWER = '__wbg_answer_0123456789abcdef';
const TWO = '__wbindgen_two_fedcba9876543210';

/// A module importing two functions from the glue, one from the split loader and a memory, whose
/// export `sum` calls all three functions.
const MODULE = Buffer.from([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...section(1, [1, 0x60, 0, 1, 0x7f]),
  ...section(2, [
    4,
    ...text('./app_bg.js'), ...text(ANSWER), 0, 0,
    ...text('./__wasm_split.js'), ...text('__wasm_split_load_x'), 0, 0,
    ...text('env'), ...text('memory'), 2, 0, 1,
    ...text('./app_bg.js'), ...text(TWO), 0, 0,
  ]),
  ...section(3, [1, 0]),
  ...section(7, [1, ...text('sum'), 0, 3]),
  ...section(10, [1, 10, 0, 0x10, 0, 0x10, 2, 0x6a, 0x10, 1, 0x6a, 0x0b]),
]);

const GLUE = `const import0 = { __proto__: null, ${ANSWER}: function() { return 1; }, ${TWO}: () => 2 };`;

test('the glue and the wasm get the same short names; other modules keep theirs', async () => {
  const { wasm, glue, renamed } = shortImports(MODULE, GLUE, './app_bg.js');
  assert.equal(renamed, 2);
  assert.equal(glue, 'const import0 = { __proto__: null, a: function() { return 1; }, b: () => 2 };');
  const module = new WebAssembly.Module(wasm);
  assert.deepEqual(
    WebAssembly.Module.imports(module).map((i) => `${i.module} ${i.name}`),
    ['./app_bg.js a', './__wasm_split.js __wasm_split_load_x', 'env memory', './app_bg.js b'],
  );
  const { exports } = await WebAssembly.instantiate(module, {
    './app_bg.js': { a: () => 1, b: () => 2 },
    './__wasm_split.js': { __wasm_split_load_x: () => 4 },
    env: { memory: new WebAssembly.Memory({ initial: 1 }) },
  });
  assert.equal(exports.sum(), 7);
  assert.ok(wasm.length < MODULE.length);
});

test('a glue that does not name each import exactly once is refused', () => {
  assert.throws(() => shortImports(MODULE, GLUE.replace(TWO, 'other'), './app_bg.js'), /__wbindgen_two_fedcba9876543210 is in the glue 0 times/);
  assert.throws(() => shortImports(MODULE, `${GLUE} ${ANSWER}`, './app_bg.js'), /__wbg_answer_0123456789abcdef is in the glue 2 times/);
  // A longer name that contains one is not it.
  assert.throws(() => shortImports(MODULE, GLUE.replace(TWO, `${TWO}x`), './app_bg.js'), /0 times/);
  assert.throws(() => shortImports(Buffer.from('not wasm'), GLUE, './app_bg.js'), /not a wasm module/);
});

test('short names are distinct and are identifiers', () => {
  const names = Array.from({ length: 3000 }, (_, i) => shortName(i));
  assert.equal(new Set(names).size, names.length);
  for (const name of names) assert.match(name, /^[a-zA-Z][0-9]*$/);
});
