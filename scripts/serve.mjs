// Serves a folder on 127.0.0.1 (or the host given) for `make serve` and the end-to-end tests:
//   node scripts/serve.mjs DIR PORT [--host NAME] [--no-csp]
// With the app's build it sends the strict Content-Security-Policy the README documents,
// including the hash of Trunk's inline start-up script, read from DIR/index.html.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const [dir = 'dist', port = '8080'] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--host'));
const root = resolve(dir);
const host = option('--host', '127.0.0.1');
const csp = !flag('--no-csp');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/// The policy for the app: only its own scripts, its WebAssembly, and Trunk's inline loader.
async function policy() {
  const index = await readFile(join(root, 'index.html'), 'utf8').catch(() => '');
  // Data blocks (`type="application/json"`) are never run, so they need no hash.
  const hashes = [...index.matchAll(/<script((?: [^>]*)?)>([\s\S]*?)<\/script>/g)]
    .filter((m) => m[2].trim() && !/type="?application\/json/.test(m[1]))
    .map((m) => `'sha256-${createHash('sha256').update(m[2]).digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "img-src 'self' data:",
    // Recordings of spoken answers play from object URLs of the blobs kept on the device.
    'media-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/// The file a request path names inside `root`, or why not: 400 for a malformed escape, 403 for
/// anything outside the folder (a sibling such as `dist-old/` shares `dist`'s prefix).
function resolveRequest(root, url) {
  let path;
  try {
    path = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return { status: 400 };
  }
  const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
  if (file !== root && !file.startsWith(root + sep)) return { status: 403 };
  return { file };
}

createServer(async (request, response) => {
  const { file, status } = resolveRequest(root, request.url);
  if (!file) {
    response.writeHead(status, { 'Content-Type': 'text/plain' }).end(status === 400 ? 'bad request' : 'forbidden');
    return;
  }
  try {
    const body = await readFile(file);
    const headers = {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      // A frame sandboxed without allow-same-origin loads the scripts from an opaque origin.
      'Access-Control-Allow-Origin': '*',
    };
    if (csp && extname(file) === '.html') headers['Content-Security-Policy'] = await policy();
    response.writeHead(200, headers);
    response.end(body);
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }
}).listen(Number(port), host, () => console.log(`serving ${root} on http://${host}:${port}/`));
