// The development server (scripts/serve.mjs) answers bad paths with an error, never a crash,
// serves nothing outside its folder, and compresses as a real static host does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';

const PORT = 4199;

/// GET with the path sent exactly as written (no client-side normalisation) and no
/// decompression: `raw` is the bytes on the wire, `body` them decoded as UTF-8.
const get = (path, headers = {}, port = PORT) =>
  new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode, headers: res.headers, raw, body: raw.toString() });
      });
    });
    req.on('error', reject);
    req.end();
  });

/// Starts the server on `port` with `args` and resolves once it listens.
async function start(t, dir, port, ...args) {
  const server = spawn(process.execPath, ['scripts/serve.mjs', dir, String(port), '--no-csp', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  t.after(() => server.kill());
  await new Promise((resolve) => server.stdout.once('data', resolve));
}

const decode = (r) =>
  ({ br: brotliDecompressSync, gzip: gunzipSync })[r.headers['content-encoding']]?.(r.raw).toString() ?? r.body;

test('malformed escapes get 400, paths outside the folder 403, and the server stays up', async (t) => {
  const base = mkdtempSync(join(tmpdir(), 'serve-'));
  mkdirSync(join(base, 'dist'));
  mkdirSync(join(base, 'dist-old'));
  writeFileSync(join(base, 'dist', 'index.html'), '<p>app</p>');
  writeFileSync(join(base, 'dist-old', 'secret.txt'), 'old build');
  await start(t, join(base, 'dist'), PORT);

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

test('Accept-Encoding is negotiated: Brotli first, then gzip, else the file as it is', async (t) => {
  const base = mkdtempSync(join(tmpdir(), 'serve-'));
  const text = 'let answer = 42;\n'.repeat(200);
  writeFileSync(join(base, 'app.js'), text);
  writeFileSync(join(base, 'photo.png'), 'not really a png');
  await start(t, base, PORT + 1);
  const cases = [
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['identity', undefined],
    ['', undefined],
  ];
  for (const [accept, coding] of cases) {
    const r = await get('/app.js', { 'Accept-Encoding': accept }, PORT + 1);
    assert.equal(r.status, 200, accept);
    assert.equal(r.headers['content-encoding'], coding, accept);
    assert.equal(r.headers.vary, 'Accept-Encoding', accept);
    assert.equal(Number(r.headers['content-length']), r.raw.length, accept);
    assert.equal(decode(r), text, accept);
    if (coding) assert.ok(r.raw.length < text.length / 4, `${accept}: ${r.raw.length} bytes`);
  }
  // Served twice from the cache, and again fresh once the file changes.
  assert.equal(decode(await get('/app.js', { 'Accept-Encoding': 'br' }, PORT + 1)), text);
  writeFileSync(join(base, 'app.js'), 'changed();');
  // mtime has millisecond resolution here; the write above may share the previous one's.
  const later = new Date(Date.now() + 5_000);
  utimesSync(join(base, 'app.js'), later, later);
  assert.equal(decode(await get('/app.js', { 'Accept-Encoding': 'br' }, PORT + 1)), 'changed();');
  // Formats that are compressed already go as they are.
  const png = await get('/photo.png', { 'Accept-Encoding': 'br, gzip' }, PORT + 1);
  assert.equal(png.headers['content-encoding'], undefined);
  assert.equal(png.body, 'not really a png');
});

test('--encoding sends one encoding whatever the request accepts', async (t) => {
  const base = mkdtempSync(join(tmpdir(), 'serve-'));
  const text = '<p>start page</p>\n'.repeat(100);
  writeFileSync(join(base, 'index.html'), text);
  for (const [i, coding] of ['br', 'gzip', 'identity'].entries()) {
    const port = PORT + 2 + i;
    await start(t, base, port, '--encoding', coding);
    for (const accept of ['gzip, deflate', 'br', '']) {
      const r = await get('/', { 'Accept-Encoding': accept }, port);
      assert.equal(r.headers['content-encoding'] ?? 'identity', coding, `${coding} for "${accept}"`);
      assert.equal(decode(r), text);
    }
  }
});

test('precompressed copies beside a file are sent as they are, unless older than the file', async (t) => {
  const base = mkdtempSync(join(tmpdir(), 'serve-'));
  const text = 'let answer = 42;\n'.repeat(200);
  writeFileSync(join(base, 'app.js'), text);
  // Marked copies: what the server sends shows which it used.
  writeFileSync(join(base, 'app.js.br'), brotliCompressSync('from the .br copy'));
  writeFileSync(join(base, 'app.js.gz'), gzipSync('from the .gz copy'));
  const now = new Date();
  utimesSync(join(base, 'app.js'), now, now);
  utimesSync(join(base, 'app.js.br'), now, now);
  const earlier = new Date(now.getTime() - 5_000);
  utimesSync(join(base, 'app.js.gz'), earlier, earlier);
  await start(t, base, PORT + 5);
  const br = await get('/app.js', { 'Accept-Encoding': 'br' }, PORT + 5);
  assert.equal(br.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(decode(br), 'from the .br copy');
  // The .gz copy is older than the file: stale, so the file is compressed instead.
  assert.equal(decode(await get('/app.js', { 'Accept-Encoding': 'gzip' }, PORT + 5)), text);
});

test('--base serves the folder under that path only, as one folder of a larger site', async (t) => {
  const base = mkdtempSync(join(tmpdir(), 'serve-'));
  writeFileSync(join(base, 'index.html'), '<p>app</p>');
  writeFileSync(join(base, 'app.js'), 'run();');
  await start(t, base, PORT + 6, '--base', '/a/b/practice/');
  assert.equal((await get('/a/b/practice/', {}, PORT + 6)).body, '<p>app</p>');
  assert.equal((await get('/a/b/practice/index.html?mode=browse', {}, PORT + 6)).body, '<p>app</p>');
  assert.equal((await get('/a/b/practice/app.js', {}, PORT + 6)).body, 'run();');
  const folder = await get('/a/b/practice', {}, PORT + 6);
  assert.equal(folder.status, 301);
  assert.equal(folder.headers.location, '/a/b/practice/');
  for (const outside of ['/', '/index.html', '/app.js', '/a/b/', '/a/b/practice.js', '/a/b/practice/../../app.js']) {
    assert.equal((await get(outside, {}, PORT + 6)).status, 404, outside);
  }
});
