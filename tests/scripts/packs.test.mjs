// Packs (scripts/packs.mjs): wasm-split-cli's loader, taught to take a piece and the chunks it
// loads from packs, fetches each pack once, compiles each part as the file it stands for, never
// loads a chunk twice, and after a failed or cut-short download fetches it again. A chunk two
// packed pieces load is in a pack of its own, downloaded once for both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packed, packs, unpacked, withPacks } from '../../scripts/packs.mjs';

const FIXTURE = readFileSync(new URL('./fixtures/wasm-split-loader.js', import.meta.url), 'utf8');
const PACK = 'pack_one-cccccccccccccccc.wasm';
const PACK_TWO = 'pack_two-dddddddddddddddd.wasm';
const PACK_SHARED = 'pack_shared-eeeeeeeeeeeeeeee.wasm';
const NAMES = { pack_one: PACK, pack_two: PACK_TWO, pack_shared: PACK_SHARED };

/// Until every part's failure has settled, as before any retry of the app (15 s later, or a
/// click on "Try again"): the loader as wasm-split-cli writes it fails a piece on its first
/// failed chunk, and hands a load still failing to a retry made at once.
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

/// The smallest valid module, with a custom section named after its file, so a compiled part
/// says which file it was.
function wasm(name) {
  const section = Buffer.concat([Buffer.from([name.length]), Buffer.from(name)]);
  return Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0, section.length]), section]);
}
const FILES = Object.fromEntries(
  ['split_one-aaaaaaaaaaaaaaaa.wasm', 'split_two-bbbbbbbbbbbbbbbb.wasm', 'chunk_1-1111111111111111.wasm', 'chunk_2-2222222222222222.wasm'].map(
    (name) => [name, wasm(name)],
  ),
);

/// The fixture's loader with piece `one` packed (and `two` too if `both`), in a folder of its
/// own (a fresh module, so nothing loaded before), with a fake glue and a fake `fetch` serving
/// FILES and the packs; `broken(name)` may answer instead. Returns the loader's exports, the
/// files requested, the files compiled, the loads' results, and the files served by name.
async function loader(broken = () => null, { both = false, later = [] } = {}) {
  const grouped = packs(withPacks(FIXTURE), both ? ['one', 'two'] : ['one'], (name) => FILES[name], later);
  const code = grouped.loader(NAMES);
  const served = { ...FILES, ...Object.fromEntries(Object.entries(grouped.bytes).map(([stem, bytes]) => [NAMES[stem], bytes])) };
  const dir = mkdtempSync(join(tmpdir(), 'packs-'));
  writeFileSync(join(dir, '__wasm_split.mjs'), code.replace('"./interview-practice.js"', '"./glue.mjs"'));
  writeFileSync(
    join(dir, 'glue.mjs'),
    'export const initSync = () => ({ __indirect_function_table: globalThis.__packsTable, memory: null, __wasm_split_shared0: null });',
  );
  const requested = [];
  const compiled = [];
  const results = [];
  globalThis.__packsTable = { get: () => (data, ok) => results.push(ok) };
  globalThis.fetch = async (url) => {
    const name = basename(new URL(url).pathname);
    requested.push(name);
    const answer = broken(name, served[name]);
    if (answer) return answer();
    if (!served[name]) return new Response('', { status: 404 });
    return new Response(served[name], { headers: { 'Content-Type': 'application/wasm' } });
  };
  const instantiate = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (...args) => {
    const result = await instantiate(...args);
    compiled.push(...Object.keys(FILES).filter((name) => WebAssembly.Module.customSections(result.module, name).length));
    return result;
  };
  const exports = await import(pathToFileURL(join(dir, '__wasm_split.mjs')).href);
  return { exports, requested, compiled, results, served };
}

test('a packed piece comes in one request, each part compiled as the file it stands for', async () => {
  const { exports, requested, compiled, results } = await loader();
  await exports.__wasm_split_load_one(0, 0);
  assert.deepEqual(results, [true]);
  assert.deepEqual(requested, [PACK]);
  assert.deepEqual(compiled.sort(), ['chunk_1-1111111111111111.wasm', 'chunk_2-2222222222222222.wasm', 'split_one-aaaaaaaaaaaaaaaa.wasm']);
  // Another piece sharing a chunk loads only its own file.
  await exports.__wasm_split_load_two(0, 0);
  assert.deepEqual(results, [true, true]);
  assert.deepEqual(requested, [PACK, 'split_two-bbbbbbbbbbbbbbbb.wasm']);
  assert.equal(compiled.filter((name) => name.startsWith('chunk_1')).length, 1);
});

test('a chunk another piece loaded first is not loaded again from the pack', async () => {
  const { exports, requested, compiled, results } = await loader();
  await exports.__wasm_split_load_two(0, 0);
  await exports.__wasm_split_load_one(0, 0);
  assert.deepEqual(results, [true, true]);
  assert.deepEqual(requested, ['chunk_1-1111111111111111.wasm', 'split_two-bbbbbbbbbbbbbbbb.wasm', PACK]);
  assert.equal(compiled.length, 4);
});

/// The parts of the packs requested, by name, as many times as they were downloaded.
const partsOf = (requested, served) => requested.filter((name) => name.startsWith('pack_')).flatMap((name) => unpacked(served[name]).map(([part]) => part));

test('two packed pieces that share a chunk: it is in a pack of its own, downloaded once for both', async () => {
  for (const order of [['one', 'two'], ['two', 'one']]) {
    const { exports, requested, compiled, results, served } = await loader(undefined, { both: true });
    await exports[`__wasm_split_load_${order[0]}`](0, 0);
    assert.deepEqual(requested.sort(), [order[0] === 'one' ? PACK : PACK_TWO, PACK_SHARED].sort());
    await exports[`__wasm_split_load_${order[1]}`](0, 0);
    assert.deepEqual(results, [true, true]);
    assert.equal(requested.length, 3, order.join(' then '));
    assert.deepEqual(partsOf(requested, served).sort(), Object.keys(FILES).sort());
    assert.equal(compiled.filter((name) => name.startsWith('chunk_1')).length, 1, order.join(' then '));
    assert.equal(compiled.length, 4);
  }
  // Both at once, as a framed widget asks for its frame's piece and then its interview's.
  const { exports, requested, compiled, results, served } = await loader(undefined, { both: true });
  await Promise.all([exports.__wasm_split_load_one(0, 0), exports.__wasm_split_load_two(0, 0)]);
  assert.deepEqual(results, [true, true]);
  assert.deepEqual(requested.sort(), [PACK, PACK_SHARED, PACK_TWO]);
  assert.deepEqual(partsOf(requested, served).sort(), Object.keys(FILES).sort());
  assert.equal(compiled.filter((name) => name.startsWith('chunk_1')).length, 1);
});

test('the shared pack failing fails the load, and the next load fetches only it again', async () => {
  let fails = 1;
  const { exports, requested, results } = await loader((name) => (name === PACK_SHARED && fails-- > 0 ? () => new Response('', { status: 404 }) : null), {
    both: true,
  });
  await exports.__wasm_split_load_one(0, 0);
  assert.deepEqual(results, [false]);
  await settled();
  await exports.__wasm_split_load_one(0, 0);
  assert.deepEqual(results, [false, true]);
  assert.deepEqual(requested.sort(), [PACK, PACK_SHARED, PACK_SHARED]);
  await exports.__wasm_split_load_two(0, 0);
  assert.deepEqual(results, [false, true, true]);
  assert.deepEqual(requested.sort(), [PACK, PACK_SHARED, PACK_SHARED, PACK_TWO]);
});

for (const [how, failure] of Object.entries({
  'cannot be downloaded': () => Promise.reject(new TypeError('Failed to fetch')),
  'is missing': () => new Response('', { status: 404 }),
})) {
  test(`a pack that ${how} fails the load, and the next load fetches it again`, async () => {
    let fails = 1;
    const { exports, requested, results } = await loader((name) => (name === PACK && fails-- > 0 ? failure : null));
    await exports.__wasm_split_load_one(0, 0);
    assert.deepEqual(results, [false]);
    await settled();
    await exports.__wasm_split_load_one(0, 0);
    assert.deepEqual(results, [false, true]);
    assert.deepEqual(requested, [PACK, PACK]);
  });
}

test('a pack cut short fails the load rather than compile a part of the wrong size', async () => {
  let fails = 1;
  const { exports, results, compiled } = await loader((name, bytes) =>
    name === PACK && fails-- > 0
      ? () => new Response(bytes.subarray(0, bytes.length - 1), { headers: { 'Content-Type': 'application/wasm' } })
      : null,
  );
  await exports.__wasm_split_load_one(0, 0);
  assert.deepEqual(results, [false]);
  assert.deepEqual(compiled, []);
  await settled();
  await exports.__wasm_split_load_one(0, 0);
  assert.deepEqual(results, [false, true]);
});

test('the loader names only the packs; the packs name their parts', () => {
  const loader = withPacks(FIXTURE);
  const one = packs(loader, ['one'], (name) => FILES[name]);
  assert.deepEqual(Object.keys(one.bytes), ['pack_one']);
  assert.equal(one.loader(NAMES).length - loader.length, `, ["./${PACK}"]`.length);
  const parts = (...names) => names.map((name) => [name, FILES[name]]);
  assert.deepEqual(unpacked(one.bytes.pack_one), parts('split_one-aaaaaaaaaaaaaaaa.wasm', 'chunk_1-1111111111111111.wasm', 'chunk_2-2222222222222222.wasm'));
  assert.deepEqual(packed(unpacked(one.bytes.pack_one)), one.bytes.pack_one);
  // Both packed: each piece's own pack holds what only it loads, the shared pack the rest.
  const both = packs(loader, ['one', 'two'], (name) => FILES[name]);
  assert.deepEqual(unpacked(both.bytes.pack_one), parts('split_one-aaaaaaaaaaaaaaaa.wasm', 'chunk_2-2222222222222222.wasm'));
  assert.deepEqual(unpacked(both.bytes.pack_two), parts('split_two-bbbbbbbbbbbbbbbb.wasm'));
  assert.deepEqual(unpacked(both.bytes.pack_shared), parts('chunk_1-1111111111111111.wasm'));
  assert.equal(both.loader(NAMES).length - loader.length, `, ["./${PACK}","./${PACK_SHARED}"], ["./${PACK_TWO}","./${PACK_SHARED}"]`.length);
});

test('a piece packed later holds only what no other pack holds; the rest comes from that pack or alone', async () => {
  const later = packs(withPacks(FIXTURE), ['one'], (name) => FILES[name], ['two']);
  assert.deepEqual(Object.keys(later.bytes), ['pack_one', 'pack_two']);
  assert.deepEqual(unpacked(later.bytes.pack_two).map(([name]) => name), ['split_two-bbbbbbbbbbbbbbbb.wasm']);
  // After `one`'s pack: the shared chunk is not downloaded again.
  {
    const { exports, requested, compiled, results } = await loader(undefined, { later: ['two'] });
    await exports.__wasm_split_load_one(0, 0);
    await exports.__wasm_split_load_two(0, 0);
    assert.deepEqual(results, [true, true]);
    assert.deepEqual(requested, [PACK, PACK_TWO]);
    assert.equal(compiled.length, 4);
  }
  // Alone: its pack, and the chunk on its own.
  {
    const { exports, requested, results } = await loader(undefined, { later: ['two'] });
    await exports.__wasm_split_load_two(0, 0);
    assert.deepEqual(results, [true]);
    assert.deepEqual(requested.sort(), ['chunk_1-1111111111111111.wasm', PACK_TWO]);
  }
});

test('a loader not as wasm-split-cli writes it, or with no such piece, is refused', () => {
  assert.throws(() => withPacks(FIXTURE.replace('function makeLoad(fetcher, deps)', 'function makeLoad(f, d)')), /has changed/);
  assert.throws(() => packs(withPacks(FIXTURE), ['one', 'three'], () => Buffer.alloc(0)), /no piece "three"/);
});
