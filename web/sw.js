// Offline copy of the calculator. scripts/build-site.mjs fills in VERSION and
// FILES; a new build is a new cache, and the old one is deleted once the new
// version takes over.
const VERSION = 'dev';
const FILES = [];
const CACHE = `labelcost-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('labelcost-') && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

// The page asks for a waiting version to take over when the user agrees.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
});

// The calculator's own addresses (with any query): offline, one that is not
// in the cache opens the cached calculator. Other pages are not it.
const CALCULATOR = [new URL('./', self.location.href).href, new URL('index.html', self.location.href).href];
const isCalculator = (url) => CALCULATOR.includes(url.replace(/[?#].*$/, ''));

// Same-origin GETs come from the cache first; pages, when not cached, from
// the network, and offline, the calculator's own from the cached calculator.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    try {
      return await fetch(request);
    } catch (error) {
      if (request.mode === 'navigate' && isCalculator(request.url)) {
        const page = await cache.match('index.html');
        if (page) return page;
      }
      throw error;
    }
  })());
});
