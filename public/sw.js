/*! Interview Practice service worker: the app starts and runs with no network after one
 * visit. scripts/dist-extras.mjs writes this build's id, its files and their hashes into BUILD,
 * FILES and INTEGRITY. */
'use strict';

const BUILD = 'development';
// The build's files, named relative to this worker, which sits beside them and the page.
const FILES = [];
// Each file's SHA-384, as built: a damaged or foreign download fails the install.
const INTEGRITY = {};
// The worker's folder, and so its scope: the app's, wherever the host put it. Caches are per
// origin, so their names say whose they are: another copy of the app in another folder of the
// same site keeps its own.
const SCOPE = new URL('./', location).pathname;
const PREFIX = `interview-practice ${SCOPE} `;
const CACHE = PREFIX + BUILD;
const PAGE = 'index.html';
// Files named by their content (a 16-hex hash of their bytes): never change in place.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;
// Which open page runs which build: an empty entry per page (by its client id) in the cache of
// its build, so that build stays while the page is open.
const RUNS = new URL('runs/', location).href;
// How long a visit waits for the host's page before this build's answers.
const PATIENCE = 3000;

// The whole build or nothing: one failed or damaged file fails the install, which the browser
// tries again on a later visit. The integrity check also refuses files of another build (a
// deploy landing between fetching this script and its files).
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      try {
        await cache.addAll(
          FILES.filter((f) => f !== PAGE).map(
            (f) => new Request(f, { cache: HASHED.test(f) ? 'default' : 'no-cache', integrity: INTEGRITY[f] || '' }),
          ),
        );
        await cache.put(PAGE, await ownPage());
      } catch (error) {
        await caches.delete(CACHE);
        throw error;
      }
    }),
  );
});

/// This build's page, as a response of its own: a host may answer `index.html` with a redirect
/// (Cloudflare Pages sends a 308 to the folder), and a response that came by a redirect cannot
/// answer a visit. The folder's address is asked for when `index.html` is not served.
async function ownPage() {
  for (const url of [PAGE, './']) {
    const response = await fetch(new Request(url, { cache: 'no-cache', integrity: INTEGRITY[PAGE] || '' })).catch(() => null);
    if (response && response.ok) {
      const headers = new Headers(response.headers);
      headers.delete('content-encoding');
      headers.delete('content-length');
      return new Response(await response.blob(), { headers });
    }
  }
  throw new Error('the page could not be downloaded');
}

// Older builds' files go, except the build just replaced and every build an open page still
// runs: such a page (one open since before the last two updates, or updated from another tab)
// loads the files it has not needed yet from its own build.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await self.clients.claim();
      const open = new Set((await self.clients.matchAll({ includeUncontrolled: true })).map((c) => c.id));
      // Names come in the order the caches were made: the last other one is the previous build.
      const others = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
      for (const name of others.slice(0, -1)) {
        const pages = (await (await caches.open(name)).keys()).map((r) => r.url).filter((url) => url.startsWith(RUNS));
        if (!pages.some((url) => open.has(url.slice(RUNS.length)))) await caches.delete(name);
      }
    })(),
  );
});

/// Notes that the page `client` runs `build`, if that build's files are cached.
async function runs(client, build) {
  const name = PREFIX + build;
  if (!client || !build || !(await caches.has(name))) return;
  await (await caches.open(name)).put(RUNS + client, new Response(''));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== location.origin || !url.pathname.startsWith(SCOPE)) return;
  const path = url.pathname.slice(SCOPE.length);
  if (request.mode === 'navigate') {
    if (path === '' || path === PAGE) event.respondWith(page(event));
    return;
  }
  if (FILES.includes(path) || HASHED.test(path)) event.respondWith(file(request, path));
});

/// The page from the host, so a reader online gets the newest build at once. This build's own
/// page when the host fails: no answer within PATIENCE (a connection that hangs), an answer
/// other than 200 (a 404, a 5xx), or a redirect (a captive portal's, or a host's own: a
/// redirected response cannot answer a visit). Never a page fetched later: it could name
/// another build's files.
async function page(event) {
  const network = fetch(event.request);
  const fresh = await Promise.race([
    network.then((r) => (r.ok && !r.redirected && r.type === 'basic' ? r : null), () => null),
    new Promise((resolve) => setTimeout(resolve, PATIENCE, null)),
  ]);
  if (fresh) {
    // Its build, from the page itself (`data-build` on <html>).
    const build = fresh
      .clone()
      .text()
      .then((text) => /<html[^>]* data-build="([0-9a-f]+)"/.exec(text))
      .then((found) => found && runs(event.resultingClientId, found[1]));
    event.waitUntil(build.catch(() => {}));
    return fresh;
  }
  const cached = await caches.match(PAGE, { cacheName: CACHE });
  if (!cached) return network;
  event.waitUntil(runs(event.resultingClientId, BUILD));
  return cached;
}

/// This build's copy; else a file named by its content, from whichever build holds it (the same
/// name is the same bytes); else the network.
async function file(request, path) {
  const own = await caches.match(path, { cacheName: CACHE });
  return own || (HASHED.test(path) && (await caches.match(path))) || fetch(request);
}

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'skip-waiting') self.skipWaiting();
  // A page says which build it runs, and hears which this worker holds.
  if (data.type === 'build' && typeof data.build === 'string') {
    if (event.ports[0]) event.ports[0].postMessage({ build: BUILD });
    if (event.source) event.waitUntil(runs(event.source.id, data.build));
  }
});
