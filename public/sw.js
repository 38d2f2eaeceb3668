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
// Files named by their content (Trunk's and the build's 16-hex hash): never change in place.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

// The whole build or nothing: one failed or damaged file fails the install, which the browser
// tries again on a later visit. The integrity check also refuses files of another build (a
// deploy landing between fetching this script and its files).
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      try {
        await cache.addAll(
          FILES.map((f) => new Request(f, { cache: HASHED.test(f) ? 'default' : 'no-cache', integrity: INTEGRITY[f] || '' })),
        );
      } catch (error) {
        await caches.delete(CACHE);
        throw error;
      }
    }),
  );
});

// Older builds' files go, except the build just replaced: a tab of it may still be open (the
// reader updated from another tab) and load a file it has not needed yet.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then(async (keys) => {
      // Names come in the order the caches were made: the last other one is the previous build.
      const others = keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE);
      await Promise.all(others.slice(0, -1).map((k) => caches.delete(k)));
      await self.clients.claim();
    }),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== location.origin || !url.pathname.startsWith(SCOPE)) return;
  const path = url.pathname.slice(SCOPE.length);
  if (request.mode === 'navigate') {
    if (path === '' || path === PAGE) event.respondWith(page(request));
    return;
  }
  if (FILES.includes(path) || HASHED.test(path)) event.respondWith(file(request, path));
});

/// The page from the network, so a reader online gets the newest build at once; offline, the
/// page this build cached (never one fetched later: it could name another build's files).
async function page(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.match(PAGE, { cacheName: CACHE });
    if (cached) return cached;
    throw error;
  }
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
  // Does this build hold every file of the asking page? Then the page is of this build.
  if (data.type === 'holds' && Array.isArray(data.files) && event.ports[0]) {
    event.ports[0].postMessage({ build: BUILD, holds: data.files.every((f) => FILES.includes(f)) });
  }
});
