// Renders the app's first screens into the built page, so a reader sees them before the
// WebAssembly arrives:  node scripts/prerender.mjs DIST
//
// The release build runs in Debian's Chromium with empty storage, and what it renders is copied
// into DIST/index.html: the start page into `#app`, a shell per embed mode (`?mode=interview`,
// `browse`, `question`, and the bare frame for any other page) as <template>s that
// public/shell.js (inlined here) picks from, and the question titles that the question shell
// needs. Same content, same markup, same CSS as the live app, because it is the live app.
// Controls are disabled until the app takes over (src/platform/takeover.rs), so no click is
// silently lost.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minified } from './minify.mjs';

const dist = process.argv[2] ?? 'dist';
const index = join(dist, 'index.html');
const PORT = 4190 + Math.floor(Math.random() * 50);

const fail = (message) => {
  console.error(`prerender: ${message}`);
  process.exit(1);
};

const page0 = await readFile(index, 'utf8');
const slot = page0.match(/<div id="?app"?><\/div>/);
if (!slot) fail(`${index} has no empty <div id="app"></div> (already pre-rendered?)`);

const server = spawn(process.execPath, [join(import.meta.dirname, 'serve.mjs'), dist, String(PORT)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((ready) => server.stdout.once('data', ready));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const problems = [];

/// The app's markup at `path`, once it has started, after `shape` ran on its root.
async function render(path, shape = () => {}) {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  page.on('pageerror', (error) => problems.push(`${path}: ${error.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`${path}: ${m.text()}`));
  await page.goto(`http://127.0.0.1:${PORT}${path}`);
  await page.waitForSelector('html[data-app="ready"] #app main');
  const html = await page.evaluate(`(${shape})(document.getElementById('app')), (() => {
    const app = document.getElementById('app');
    for (const control of app.querySelectorAll('button, input, textarea, select')) {
      control.setAttribute('disabled', '');
    }
    // Leptos' empty marker comments matter only to a live view.
    return app.innerHTML.replaceAll('<!---->', '');
  })()`);
  await page.close();
  return html;
}

/// The packs of the wasm's pieces (`pack_*.wasm`) that a widget framed with `query` downloads
/// by itself, once started and the network idle: what it will ask for as soon as it starts.
async function framedPacks(query) {
  const page = await browser.newPage();
  const packs = new Set();
  let inFlight = 0;
  let lastChange = Date.now();
  page.on('request', (request) => {
    inFlight++;
    lastChange = Date.now();
    const pack = new URL(request.url()).pathname.match(/^\/(pack_\w+-[0-9a-f]{16}\.wasm)$/);
    if (pack) packs.add(`./${pack[1]}`);
  });
  const settled = () => {
    inFlight--;
    lastChange = Date.now();
  };
  page.on('requestfinished', settled);
  page.on('requestfailed', settled);
  page.on('pageerror', (error) => problems.push(`framed ?${query}: ${error.message}`));
  await page.setContent(`<iframe src="http://127.0.0.1:${PORT}/?${query}" width="412" height="823"></iframe>`);
  const frame = page.frameLocator('iframe');
  await frame.locator('html[data-app="ready"] #app main').waitFor({ state: 'attached' });
  while (inFlight > 0 || Date.now() - lastChange < 1000) await new Promise((r) => setTimeout(r, 50));
  await page.close();
  return [...packs].sort();
}

/// Keeps what comes before the first element matching `cut`, and empties the lines matching
/// `blank` (they depend on the URL's settings) without changing their height.
const shell = (cut, blank) => `(app) => {
  const stop = ${JSON.stringify(cut)} && app.querySelector('main').querySelector(${JSON.stringify(cut)});
  if (stop) { while (stop.nextSibling) stop.nextSibling.remove(); stop.remove(); }
  for (const line of app.querySelectorAll(${JSON.stringify(blank)})) line.textContent = '\\u00a0';
}`;

try {
  // How many questions are due or new depends on the reader's history, which only the app reads.
  const home = await render('/', `(app) => {
    const due = app.querySelector('.due a.button');
    if (due) due.textContent = due.textContent.replace(/\\s*\\(.*$/, '');
  }`);
  const browseFull = await browser.newPage();
  await browseFull.goto(`http://127.0.0.1:${PORT}/?mode=browse`);
  await browseFull.waitForSelector('html[data-app="ready"] #app main a[href^="#/q/"]');
  const asks = await browseFull.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('#app main a[href^="#/q/"]')].map((a) => [
        decodeURIComponent(a.getAttribute('href').slice(4)),
        a.textContent.trim(),
      ]),
    ),
  );
  await browseFull.close();
  const first = Object.keys(asks)[0];
  if (!first) fail('the question browser listed no questions');

  const shells = {
    // The description depends on the URL's settings: an empty line of the same height.
    interview: await render('/?mode=interview', shell(null, 'main h1 + p')),
    browse: await render('/?mode=browse', shell('.result-count ~ *', '.result-count')),
    question: await render(`/?mode=question&q=${encodeURIComponent(first)}`, shell('h1 ~ *', '.crumbs')),
    page: await render('/#/', `(app) => app.querySelector('main').replaceChildren()`),
  };
  // What a framed widget of each mode downloads as soon as it starts, for shell.js to ask for
  // with the start piece.
  const packs = {
    interview: await framedPacks('mode=interview'),
    browse: await framedPacks('mode=browse'),
    question: await framedPacks(`mode=question&q=${encodeURIComponent(first)}`),
  };
  if (problems.length) fail(problems.join('\n'));

  const json = JSON.stringify(asks).replace(/</g, '\\u003c');
  const templates = Object.entries(shells)
    .map(([name, html]) => `<template id="shell-${name}">${html}</template>`)
    .join('');
  // Trunk's inline loader goes: boot.js starts the app once the first screen is painted. The
  // first screen's own script (public/shell.js: the embed mode's shell, the URL's look, the
  // frame's height) is inlined before it, so the first paint waits for no download; the
  // policy carries its hash (scripts/policy.mjs). boot.js comes after it, `async`: it runs
  // only once the inline script has, and neither the paint nor DOMContentLoaded waits for it;
  // at a high priority, as the app's other files (an async script's is low), so that it is not
  // the one file left to wait for.
  const loader = page0.match(/<script type="?module"?>import init, \* as bindings from '([^']+)';\s*const wasm = await init\(\{ module_or_path: '([^']+)' \}\);[\s\S]*?<\/script>/);
  if (!loader) fail(`${index} has no Trunk loader script to replace`);
  const boot = page0.match(/<script [^>]*src="?((?:\.\/)?boot-[0-9a-f]+\.js)"?[^>]*><\/script>/);
  if (!boot) fail(`${index} has no boot script`);
  const picker = await minified(await readFile(join(import.meta.dirname, '../public/shell.js'), 'utf8'));
  if (picker.includes('</script')) fail('public/shell.js must not contain "</script"');
  // Nor does the page preload the app's files: they download once the first screen is painted
  // (boot.js), so on a slow connection they never hold back the stylesheet or that screen. Any
  // page but the bare start page asks for them sooner, as its first screen paints (shell.js,
  // from the list `files`): the glue, the stand-in loader it imports, the loader of the
  // pieces, and the start piece; a framed widget also the packs of its mode's pieces.
  const split = (await readFile(join(dist, loader[1]), 'utf8')).match(/from\s*"\.\/(__wasm_split-[0-9a-f]{16}\.js)"/);
  if (!split) fail(`${loader[1]} imports no __wasm_split-*.js`);
  const pieces = (await readFile(join(dist, split[1]), 'utf8')).match(/"\.\/(__wasm_split_pieces-[0-9a-f]{16}\.js)"/);
  if (!pieces) fail(`${split[1]} names no __wasm_split_pieces-*.js`);
  const files = JSON.stringify({ modules: [loader[1], `./${split[1]}`, `./${pieces[1]}`], wasm: loader[2], packs });
  const page = page0
    .replace(loader[0], '')
    .replace(/<link [^>]*rel="?(?:modulepreload|preload)"?[^>]*>/g, '')
    .replace(
      boot[0],
      `<script>${picker}</script>` +
        `<script async src="${boot[1]}" fetchpriority="high" data-glue="${loader[1]}" data-wasm="${loader[2]}"></script>`,
    )
    .replace(
      slot[0],
      `<div id="app">${home}</div>${templates}<script type="application/json" id="asks">${json}</script>` +
        `<script type="application/json" id="files">${files}</script>`,
    );
  await writeFile(index, page);
  console.log(
    `prerender: ${index}: start page ${(home.length / 1024).toFixed(1)} KB, shells ` +
      Object.entries(shells)
        .map(([name, html]) => `${name} ${(html.length / 1024).toFixed(1)} KB`)
        .join(', ') +
      `, ${Object.keys(asks).length} question titles; framed, ` +
      Object.entries(packs)
        .map(([name, list]) => `${name} asks for ${list.length} packs`)
        .join(', '),
  );
} finally {
  await browser.close();
  server.kill();
}
