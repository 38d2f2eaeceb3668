// The development server (scripts/serve.mjs) answers bad paths with an error, never a crash,
// and serves nothing outside its folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = 4199;

/// GET with the path sent exactly as written (no client-side normalisation).
const get = (path) =>
  new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: PORT, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
    req.end();
  });

test('malformed escapes get 400, paths outside the folder 403, and the server stays up', async (t) => {
  const base = mkdtempSync(join(tmpdir(), 'serve-'));
  mkdirSync(join(base, 'dist'));
  mkdirSync(join(base, 'dist-old'));
  writeFileSync(join(base, 'dist', 'index.html'), '<p>app</p>');
  writeFileSync(join(base, 'dist-old', 'secret.txt'), 'old build');
  const server = spawn(process.execPath, ['scripts/serve.mjs', join(base, 'dist'), String(PORT), '--no-csp'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  t.after(() => server.kill());
  await new Promise((resolve) => server.stdout.once('data', resolve));

  assert.equal((await get('/%E0%A4%A')).status, 400);
  assert.equal((await get('/%')).status, 400);
  for (const path of ['/../dist-old/secret.txt', '/..%2Fdist-old%2Fsecret.txt', '/%2e%2e/dist-old/secret.txt']) {
    const r = await get(path);
    assert.notEqual(r.status, 200, path);
    assert.ok(!r.body.includes('old build'), path);
  }
  const ok = await get('/');
  assert.equal(ok.status, 200);
  assert.equal(ok.body, '<p>app</p>');
  assert.equal((await get('/missing.js')).status, 404);
});
