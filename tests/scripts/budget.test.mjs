// The start page's transfer budget (bench/budget.mjs): `make test` fails when loading `/` takes
// more bytes on the wire than the budget, and says by how much; within it, it passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { judge, START_PAGE_BUDGET } from '../../bench/lib/budget.mjs';

const file = (name, body, headers = 300) => ({ file: name, body, headers });

test('a transfer within the budget passes and says how much is left', () => {
  const verdict = judge({ total: 157_000, files: [file('index.html', 5_000)] });
  assert.equal(verdict.ok, true);
  assert.equal(verdict.message, 'start-page transfer: 157.0 KB gzip (157,000 bytes), within its budget of 160.0 KB (3.0 KB to spare)');
  assert.equal(judge({ total: START_PAGE_BUDGET, files: [] }).ok, true);
});

test('a transfer over the budget fails, naming the figure, the budget and the largest files', () => {
  const files = [file('index.html', 5_000), file('app_bg.wasm', 150_000), file('app.js', 4_000), file('app.css', 3_000)];
  const verdict = judge({ total: 163_400, files });
  assert.equal(verdict.ok, false);
  assert.match(verdict.message, /^start-page transfer: 163\.4 KB gzip \(163,400 bytes\) is over its budget of 160\.0 KB by 3\.4 KB /);
  assert.match(verdict.message, /largest: app_bg\.wasm 150\.3 KB, index\.html 5\.3 KB, app\.js 4\.3 KB/);
});

/// A page that is "ready" as the app is, loading one file of random (incompressible) bytes.
function page(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'budget-'));
  writeFileSync(join(dir, 'data.bin'), randomBytes(bytes));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body><script>' +
      "fetch('/data.bin').then((r) => r.arrayBuffer()).then(() => document.documentElement.setAttribute('data-app', 'ready'));" +
      '</script></body></html>',
  );
  return dir;
}

const run = (dir, budget, port) =>
  spawnSync(process.execPath, ['bench/budget.mjs', dir, '--port', String(port), '--budget', String(budget)], {
    encoding: 'utf8',
    timeout: 60_000,
  });

test('measured in Chromium as make bench measures it: over the budget exits 1, within it 0', () => {
  const dir = page(20_000);
  const over = run(dir, 10_000, 4185);
  assert.equal(over.status, 1, over.stderr);
  assert.match(over.stdout, /^start-page transfer: 2\d\.\d KB gzip \(2\d,\d{3} bytes\) is over its budget of 10\.0 KB by /);
  const within = run(dir, 100_000, 4185);
  assert.equal(within.status, 0, within.stderr);
  assert.match(within.stdout, /^start-page transfer: 2\d\.\d KB gzip \(2\d,\d{3} bytes\), within its budget of 100\.0 KB/);
});
