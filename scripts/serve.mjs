// Serves a folder on 127.0.0.1 (or the host given) for `make serve`, the end-to-end tests and
// `make bench`:
//   node scripts/serve.mjs DIR PORT [--host NAME] [--base PATH] [--no-csp] [--encoding br|gzip|identity]
// `--base /a/b/practice/` serves DIR under that path and answers 404 to everything outside it,
// as a host where the app is one folder of a larger site (the folder without its slash
// redirects to it, as hosts do).
// With the app's build it sends the strict Content-Security-Policy the README documents
// (scripts/policy.mjs), with the hash of any inline script DIR/index.html has.
// Like a real static host it compresses text and WebAssembly: Brotli when the request accepts
// it, else gzip (`Content-Encoding`, `Vary: Accept-Encoding`), each file compressed once per
// modification time and kept in memory (all of them before it starts listening: Brotli at
// quality 11 takes seconds for the wasm, which no first page load should wait for). `--encoding` sends that one encoding whatever the
// request accepts, so the benchmark can measure each (Chromium accepts both, so would always
// get Brotli). Where the build wrote a `.br` or `.gz` copy beside a file (scripts/dist-extras.mjs),
// at least as new as the file, it sends that copy instead of compressing. Files named by a hash of
// their content are cached for a year, the rest asked for again (`no-cache`), as on the hosts the
// README sets up: a reload or a return visit takes the pieces of the wasm from the browser's cache.
import { createServer } from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { HASHED } from './hashed.mjs';
import { policy as policyFor } from './policy.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const valued = ['--host', '--base', '--encoding'];
const [dir = 'dist', port = '8080'] = args.filter((a, i) => !a.startsWith('--') && !valued.includes(args[i - 1]));
const root = resolve(dir);
const host = option('--host', '127.0.0.1');
const base = option('--base', '/');
if (!base.startsWith('/') || !base.endsWith('/')) {
  console.error(`serve: --base must start and end with "/", not ${base}`);
  process.exit(2);
}
const csp = !flag('--no-csp');
const forced = option('--encoding', null);
if (forced && !['br', 'gzip', 'identity'].includes(forced)) {
  console.error(`serve: --encoding must be br, gzip or identity, not ${forced}`);
  process.exit(2);
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

// What is worth compressing; images and fonts in these formats already are.
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.txt', '.webmanifest']);

// Maximum quality, as a host that compresses static files once (or ships them pre-compressed) does.
const compressors = {
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  gzip: (body) => promisify(gzip)(body, { level: 9 }),
};

/// The coding to send for an `Accept-Encoding` header: br, then gzip, else identity. A coding
/// with q=0 is refused; `*` stands for any coding not named.
function negotiate(header) {
  const q = new Map();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => p.trim().match(/^q=([\d.]+)$/)).find(Boolean);
    q.set(name, weight ? Number(weight[1]) : 1);
  }
  const accepts = (coding) => (q.has(coding) ? q.get(coding) > 0 : (q.get('*') ?? 0) > 0);
  return ['br', 'gzip'].find(accepts) ?? 'identity';
}

// coding + file -> { mtimeMs, body: Promise }: compressed once per version of the file, and
// requests that arrive while it is being compressed (Brotli 11 takes seconds for the wasm) wait
// for that one compression.
const cache = new Map();

function encoded(file, coding, mtimeMs) {
  const key = `${coding}:${file}`;
  const hit = cache.get(key);
  if (hit && hit.mtimeMs === mtimeMs) return hit.body;
  const body = readFile(file).then(async (raw) => {
    if (coding === 'identity') return raw;
    const copy = `${file}.${coding === 'gzip' ? 'gz' : 'br'}`;
    const made = await stat(copy).catch(() => null);
    return made && made.mtimeMs >= mtimeMs ? readFile(copy) : compressors[coding](raw);
  });
  cache.set(key, { mtimeMs, body });
  body.catch(() => cache.get(key)?.body === body && cache.delete(key));
  return body;
}

/// The policy for the app, with the hash of any inline script its page has.
async function policy() {
  return policyFor(await readFile(join(root, 'index.html'), 'utf8').catch(() => ''));
}

/// The file a request path names inside `root`, or why not: 400 for a malformed escape, 403 for
/// anything outside the folder (a sibling such as `dist-old/` shares `dist`'s prefix), 404 for
/// anything outside `base`, and a redirect to `base` for the folder without its slash.
function resolveRequest(root, url) {
  let path;
  try {
    path = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return { status: 400 };
  }
  if (base !== '/' && path === base.slice(0, -1)) return { status: 301, location: base };
  if (!path.startsWith(base)) return { status: 404 };
  path = path.slice(base.length - 1);
  const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
  if (file !== root && !file.startsWith(root + sep)) return { status: 403 };
  return { file };
}

/// Compresses every file worth it, in each encoding that may be sent, into the cache.
async function precompress() {
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const file = join(entry.parentPath ?? entry.path, entry.name);
    if (!entry.isFile() || !compressible.has(extname(file))) continue;
    const { mtimeMs } = await stat(file);
    for (const coding of forced ? [forced] : ['br', 'gzip']) await encoded(file, coding, mtimeMs);
  }
}
await precompress().catch(() => {}); // a missing folder is answered 404 per request, as before

createServer(async (request, response) => {
  const { file, status, location } = resolveRequest(root, request.url);
  if (!file) {
    const text = { 301: 'moved', 400: 'bad request', 403: 'forbidden', 404: 'not found' }[status];
    response.writeHead(status, { 'Content-Type': 'text/plain', ...(location && { Location: location }) }).end(text);
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const compress = compressible.has(extname(file));
    const coding = compress ? (forced ?? negotiate(request.headers['accept-encoding'])) : 'identity';
    const body = compress ? await encoded(file, coding, info.mtimeMs) : await readFile(file);
    const headers = {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      // As the README's hosts are set up (`_headers`, nginx): a file named by its content's
      // hash never changes, so it is cached for a year; anything else is asked for again.
      'Cache-Control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      // A frame sandboxed without allow-same-origin loads the scripts from an opaque origin.
      'Access-Control-Allow-Origin': '*',
    };
    if (compress) headers.Vary = 'Accept-Encoding';
    if (coding !== 'identity') headers['Content-Encoding'] = coding;
    headers['Content-Length'] = body.length;
    if (csp && extname(file) === '.html') headers['Content-Security-Policy'] = await policy();
    response.writeHead(200, headers);
    response.end(body);
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }
}).listen(Number(port), host, () => console.log(`serving ${root} on http://${host}:${port}${base}`));
