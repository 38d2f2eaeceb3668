// Content-named files (scripts/hashed.mjs): a name is the hash of the file's final bytes, and the
// build's check finds every file whose name is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashOf, misnamed, named } from '../../scripts/hashed.mjs';

test('names carry the first 16 hex digits of the SHA-256 of the bytes, the wasm its _bg after them', () => {
  const bytes = Buffer.from('body { color: red }');
  // printf 'body { color: red }' | sha256sum
  assert.equal(named('app.css', bytes), 'app-925e8741be6978ff.css');
  assert.match(named('interview-practice_bg.wasm', bytes), /^interview-practice-925e8741be6978ff_bg\.wasm$/);
  assert.equal(named('icon-192.png', bytes), 'icon-192-925e8741be6978ff.png');
});

test("the content data file carries the checksum the wasm checks it against (FNV-1a 64)", () => {
  // interview_text::checksum's reference values.
  assert.equal(hashOf('content-0000000000000000.json', Buffer.from('')), 'cbf29ce484222325');
  assert.equal(hashOf('content-0000000000000000.json', Buffer.from('a')), 'af63dc4c8601ec8c');
});

test('the check finds names that are not the hash of the final bytes, and only those', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashed-'));
  const write = (name, text) => (writeFileSync(join(dir, name), text), name);
  const good = [
    write(named('app.css', Buffer.from('a {}')), 'a {}'),
    write(named('split_reading.wasm', Buffer.from('piece')), 'piece'),
    write('content-af63dc4c8601ec8c.json', 'a'),
    write('index.html', '<p>no hash in my name</p>'),
    write('embed.js', 'named by role'),
  ];
  // Named before a last change of its bytes (minified, or another file's name written in).
  const stale = write(named('__wasm_split.js', Buffer.from('before')), 'after');
  // Trunk's hash, written without leading zeros (15 digits).
  const short = write('boot-0123456789abcde.js', 'boot');
  const checksum = write('content-0000000000000000.json', 'a');
  // Precompressed copies are named after their file, not their own bytes.
  write(`${good[0]}.br`, 'compressed');
  assert.deepEqual(misnamed(dir).sort(), [stale, short, checksum].sort());
  assert.ok(good.every((name) => !misnamed(dir).includes(name)));
});
