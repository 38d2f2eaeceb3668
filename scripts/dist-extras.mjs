// What a static host needs beside Trunk's build, after scripts/prerender.mjs:
//   node scripts/dist-extras.mjs DIST
// - the policy in the page (`<meta http-equiv="Content-Security-Policy">`), so a host that
//   sends no headers still enforces it; the manifest, icons (PNG rasterised from public/icon.svg
//   in Chromium) and theme colours, so browsers offer to install the app;
// - the service worker (public/sw.js, with this build's id and files written in) and the script
//   that registers it; public/embed.js, minified;
// - `_headers` for Netlify and Cloudflare Pages, and `.br` and `.gz` beside each file.
// Idempotent: it removes what an earlier run wrote first, so it may run again on the same DIST.
import { chromium } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { HASHED, misnamed, named } from './hashed.mjs';
import { minified } from './minify.mjs';
import { policy } from './policy.mjs';

const dist = process.argv[2] ?? 'dist';
const pub = join(import.meta.dirname, '..', 'public');
const fail = (message) => {
  console.error(`dist-extras: ${message}`);
  process.exit(1);
};

const OURS = /^(sw-register|icon|icon-\d+)-[0-9a-f]{16}\.(js|svg|png)$/;
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.wasm', '.json', '.svg', '.webmanifest']);
const LIGHT = '#fdfdfc';
const DARK = '#15171a';

async function names() {
  return (await readdir(dist, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
}

// What an earlier run wrote.
for (const name of await names()) {
  if (OURS.test(name) || /\.(br|gz)$/.test(name) || ['_headers', 'sw.js', 'manifest.webmanifest'].includes(name)) {
    await rm(join(dist, name));
  }
}

/// Writes `bytes` as `<stem>-<hash><ext>` and returns its name. Every URL the build writes is
/// relative to the page (or the manifest, or the worker: all three sit beside it), so the same
/// build works under any path.
async function hashed(stem, ext, bytes) {
  const name = named(`${stem}${ext}`, Buffer.from(bytes));
  await writeFile(join(dist, name), bytes);
  return name;
}

// A host caches a content-named file for a year: a name that is not the hash of the file's
// final bytes may come back stale after a rebuild (an old loader naming pieces that are gone, a
// worker whose integrity check then fails on every visit).
const wrong = misnamed(dist);
if (wrong.length) fail(`not named by the hash of their bytes (scripts/hashed.mjs): ${wrong.join(', ')}`);

// Icons: the SVG as drawn, and PNGs at the sizes install prompts ask for.
const svg = await readFile(join(pub, 'icon.svg'));
const icons = { svg: await hashed('icon', '.svg', svg) };
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0}img{display:block}</style>` +
        `<img width="${size}" height="${size}" src="data:image/svg+xml;base64,${svg.toString('base64')}">`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    icons[size] = await hashed(`icon-${size}`, '.png', await page.screenshot({ omitBackground: true }));
    await page.close();
  }
} finally {
  await browser.close();
}

const manifest = {
  name: 'Interview Practice',
  short_name: 'Interviews',
  description:
    "Practise cloud operations, deployment and DBA interviews with Sean Hull's three-part interview guide, offline in your browser.",
  // Relative to the manifest, which sits beside the page: the app's folder, wherever it is.
  id: './',
  start_url: './',
  scope: './',
  display: 'standalone',
  lang: 'en',
  categories: ['education'],
  theme_color: LIGHT,
  background_color: LIGHT,
  icons: [
    { src: icons.svg, sizes: 'any', type: 'image/svg+xml' },
    { src: icons[192], sizes: '192x192', type: 'image/png' },
    { src: icons[512], sizes: '512x512', type: 'image/png' },
  ],
};
await writeFile(join(dist, 'manifest.webmanifest'), JSON.stringify(manifest, null, 2) + '\n');

// embed.js, minified, under its header (how to use it, for whoever opens the file).
const embed = await readFile(join(pub, 'embed.js'), 'utf8');
const header = /^\/\*![\s\S]*?\*\/\n/.exec(embed)?.[0] ?? '';
await writeFile(join(dist, 'embed.js'), header + (await minified(embed.slice(header.length))) + '\n');
const register = await hashed('sw-register', '.js', await minified(await readFile(join(pub, 'sw-register.js'), 'utf8')));

// The page: everything this script adds sits between markers, replaced on a second run.
const START = '<!--dist-extras-->';
const END = '<!--/dist-extras-->';
const index = join(dist, 'index.html');
let page = await readFile(index, 'utf8');
page = page.replace(new RegExp(`${START}[\\s\\S]*?${END}`, 'g'), '').replace(/<link [^>]*rel="?icon"?[^>]*>/, '');
const charset = page.match(/<meta charset="?utf-8"?>/i);
if (!charset) fail(`${index} has no <meta charset="utf-8">`);
if (!page.includes('</head>')) fail(`${index} has no </head>`);
const attr = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const csp = policy(page);
// First in the head, before anything it governs.
const first = `<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">`;
// Last in the head, after the stylesheet: the first screen waits for that, and the requests
// for these would otherwise go out ahead of it (make bench: the first screen about 10% sooner).
const last = [
  `<meta name="theme-color" content="${LIGHT}" media="(prefers-color-scheme: light)">`,
  `<meta name="theme-color" content="${DARK}" media="(prefers-color-scheme: dark)">`,
  `<link rel="manifest" href="manifest.webmanifest">`,
  `<link rel="icon" href="${icons.svg}" type="image/svg+xml">`,
  `<link rel="apple-touch-icon" href="${icons[192]}">`,
].join('');
// The worker's registration waits for the app, so boot.js loads its script once the app has
// started (named by `data-sw`): a request in the head, even `async`, held the first screen back
// (make bench: about 10 ms of its 100).
const boot = page.match(/<script async src="(?:\.\/)?boot-[0-9a-f]{16}\.js"[^>]*>/);
if (!boot) fail(`${index} has no boot script (scripts/prerender.mjs writes it)`);
const root = page.match(/<html\b[^>]*>/);
if (!root) fail(`${index} has no <html> tag`);
page = page
  // The build's id, written in below: until then the page is hashed with it empty.
  .replace(root[0], root[0].replace(/ data-build="[^"]*"/, '').replace(/>$/, ' data-build="">'))
  .replace(charset[0], `${charset[0]}${START}${first}${END}`)
  .replace('</head>', `${START}${last}${END}</head>`)
  .replace(boot[0], `${boot[0].replace(/ data-sw="[^"]*"/, '').replace(/>$/, '')} data-sw="${register}">`);
await writeFile(index, page);

// The build's id: it changes with any of the build's files (the page's as written above) or with
// the worker's own code. The worker's cache is named by it, so a new worker never shares (and,
// failing, never deletes) the old one's cache; the page carries it (`data-build` on <html>), so
// a page and a worker can tell whether they are of the same build, whatever changed.
// Names relative to the worker, which sits beside them.
const files = (await names()).filter((n) => HASHED.test(n));
files.push('index.html', 'manifest.webmanifest');
files.sort();
let worker = await readFile(join(pub, 'sw.js'), 'utf8');
const digest = createHash('sha256').update(worker);
for (const file of files) digest.update(file).update(await readFile(join(dist, file)));
const build = digest.digest('hex').slice(0, 16);
await writeFile(index, page.replace(' data-build="">', ` data-build="${build}">`));
const integrity = {};
for (const file of files) {
  integrity[file] = `sha384-${createHash('sha384').update(await readFile(join(dist, file))).digest('base64')}`;
}
const slots = [/^const BUILD = .*;$/m, /^const FILES = .*;$/m, /^const INTEGRITY = .*;$/m];
if (!slots.every((s) => s.test(worker))) fail('public/sw.js has no `const BUILD = …;`, `FILES` or `INTEGRITY` line');
worker = worker
  .replace(slots[0], `const BUILD = '${build}';`)
  .replace(slots[1], `const FILES = ${JSON.stringify(files)};`)
  .replace(slots[2], `const INTEGRITY = ${JSON.stringify(integrity)};`);
await writeFile(join(dist, 'sw.js'), worker);

// Netlify and Cloudflare Pages read `_headers`: exact paths from the site's root (dist/ is the
// site there), as the build knows every name.
const immutable = files.filter((f) => HASHED.test(f)).map((f) => `/${f}`);
const wasm = immutable.filter((f) => f.endsWith('.wasm'));
const rules = [
  ['/*', [`Content-Security-Policy: ${csp}`, 'Access-Control-Allow-Origin: *', 'X-Content-Type-Options: nosniff']],
  // Pages and the worker are looked up again on every visit, so a new build is seen at once.
  ['/', ['Cache-Control: no-cache']],
  ['/index.html', ['Cache-Control: no-cache']],
  ['/sw.js', ['Cache-Control: no-cache']],
  ['/embed.js', ['Cache-Control: public, max-age=3600']],
  ['/manifest.webmanifest', ['Content-Type: application/manifest+json', 'Cache-Control: no-cache']],
  ...wasm.map((f) => [f, ['Content-Type: application/wasm']]),
  ...immutable.map((f) => [f, ['Cache-Control: public, max-age=31536000, immutable']]),
];
await writeFile(
  join(dist, '_headers'),
  '# Written by scripts/dist-extras.mjs for Netlify and Cloudflare Pages (see docs/deploy.md).\n' +
    rules.map(([path, headers]) => `${path}\n${headers.map((h) => `  ${h}\n`).join('')}`).join(''),
);

// Precompressed copies, at maximum quality, for hosts that serve them (nginx's *_static, serve.mjs).
const compress = {
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gz: (body) => promisify(gzip)(body, { level: 9 }),
};
let count = 0;
for (const name of await names()) {
  if (!COMPRESSIBLE.has(extname(name))) continue;
  const file = join(dist, name);
  const body = await readFile(file);
  const { mtime } = await stat(file);
  for (const [ext, run] of Object.entries(compress)) {
    await writeFile(`${file}.${ext}`, await run(body));
    // The same time as the original: a server can tell a stale copy by an older one.
    await utimes(`${file}.${ext}`, mtime, mtime);
    count++;
  }
}
console.log(`dist-extras: ${dist}: build ${build}, ${files.length} files precached, ${count} compressed copies`);
