// The start page's stand-in for the pieces' loader (scripts/lazy-loader.mjs): imports the loader
// only when a piece is asked for (at once on a page other than the start page), hands it the
// glue, and when the loader cannot be downloaded calls the app back with the failure, tells the
// page, and asks anew on the next load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lazyLoader, pieceExports } from '../../scripts/lazy-loader.mjs';

const PIECES = 'pieces-aaaaaaaaaaaaaaaa.js';
const LOADER = `let initSync;
export function __wasm_split_glue(glue) {
    initSync = glue.initSync;
    globalThis.__lazy.imported.push(import.meta.url);
}
export const __wasm_split_load_one = wrapAsyncCb(makeLoad(() => {}, []));
export const __wasm_split_load_two = wrapAsyncCb(makeLoad(() => {}, []));
`;
// The loader's pieces as the test sees them: each load calls the app back with success.
const FAKE = `let initSync;
export function __wasm_split_glue(glue) {
    initSync = glue.initSync;
    globalThis.__lazy.imported.push(import.meta.url);
}
const load = (name) => async (callback, data) => {
    globalThis.__lazy.loaded.push(name);
    initSync().__indirect_function_table.get(callback)(data, true);
};
export const __wasm_split_load_one = load('one');
export const __wasm_split_load_two = load('two');
`;

/// The stand-in in a folder of its own, the loader written there unless `missing`; `search` and
/// `hash` are the page's. Returns its exports, what it imported and loaded, and the callbacks'
/// and the page's events.
async function standIn({ missing = false, search = '', hash = '' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'lazy-loader-'));
  const stand = join(dir, 'stand-in.mjs');
  writeFileSync(stand, lazyLoader(PIECES, pieceExports(LOADER)));
  if (!missing) writeFileSync(join(dir, PIECES), FAKE);
  const seen = { imported: [], loaded: [], results: [], failed: 0 };
  globalThis.__lazy = seen;
  globalThis.location = { search, hash };
  globalThis.dispatchEvent = (event) => {
    if (event.type === 'interview-practice:download-failed') seen.failed += 1;
  };
  const glue = { initSync: () => ({ __indirect_function_table: { get: () => (data, ok) => seen.results.push([data, ok]) } }) };
  const exports = await import(pathToFileURL(stand).href);
  exports.__wasm_split_glue(glue);
  return { exports, seen, write: () => writeFileSync(join(dir, PIECES), FAKE) };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

test('on the start page the loader is imported only once a piece is asked for', async () => {
  const { exports, seen } = await standIn();
  await settled();
  assert.deepEqual(seen.imported, []);
  await exports.__wasm_split_load_two(7, 'x');
  await exports.__wasm_split_load_one(8, 'y');
  assert.equal(seen.imported.length, 1);
  assert.match(seen.imported[0], new RegExp(`/${PIECES}$`));
  assert.deepEqual(seen.loaded, ['two', 'one']);
  assert.deepEqual(seen.results, [['x', true], ['y', true]]);
});

test('on any other page the loader is imported at once', async () => {
  for (const page of [{ search: '?mode=interview' }, { hash: '#/question/dba-raid' }]) {
    const { seen } = await standIn(page);
    await settled();
    assert.equal(seen.imported.length, 1, JSON.stringify(page));
  }
});

test('a loader that cannot be downloaded fails the load, tells the page, and is asked for anew', async () => {
  const { exports, seen, write } = await standIn({ missing: true });
  await exports.__wasm_split_load_one(1, 'a');
  assert.deepEqual(seen.results, [['a', false]]);
  assert.equal(seen.failed, 1);
  write();
  await exports.__wasm_split_load_one(2, 'b');
  assert.deepEqual(seen.results, [['a', false], ['b', true]]);
  assert.equal(seen.imported.length, 1);
});

test('a loader exporting no pieces is refused', () => {
  assert.throws(() => lazyLoader(PIECES, pieceExports('export function other() {}')), /has changed/);
});
