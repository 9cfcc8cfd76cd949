// Offline copy of the calculator. scripts/build-site.mjs fills in VERSION and
// FILES; a new build is a new cache, and the old one is deleted once the new
// version takes over.

// The project's lib is the page's ("dom"); lib "webworker" cannot be added beside it,
// so the service worker's own types, as far as this file uses them, are here.
/** @typedef {Event & {waitUntil(promise: Promise<unknown>): void}} ExtendableEvent */
/** @typedef {ExtendableEvent & {readonly data: {type?: unknown} | null | undefined}} ExtendableMessageEvent  what the page posted */
/** @typedef {ExtendableEvent & {readonly request: Request, respondWith(response: Promise<Response>): void}} FetchEvent */
/**
 * `self`: the global scope as the DOM lib has it, and a service worker's events, clients and skipWaiting.
 * @typedef {{
 *   addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void,
 *   addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void,
 *   addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void,
 *   clients: {claim(): Promise<void>}, skipWaiting(): Promise<void>} & typeof self} WorkerScope
 */

const VERSION = 'dev';
/** @type {string[]} */
const FILES = [];
const CACHE = `labelcost-${VERSION}`;

/** @type {WorkerScope} */ (self).addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

/** @type {WorkerScope} */ (self).addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('labelcost-') && key !== CACHE) await caches.delete(key);
    await /** @type {WorkerScope} */ (self).clients.claim();
  })());
});

// The page asks for a waiting version to take over when the user agrees.
/** @type {WorkerScope} */ (self).addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') /** @type {WorkerScope} */ (self).skipWaiting();
});

// The calculator's own addresses (with any query): offline, one that is not
// in the cache opens the cached calculator. Other pages are not it.
const CALCULATOR = [new URL('./', self.location.href).href, new URL('index.html', self.location.href).href];
const isCalculator = (/** @type {string} */ url) => CALCULATOR.includes(url.replace(/[?#].*$/, ''));

// Same-origin GETs come from the cache first; pages, when not cached, from
// the network, and offline, the calculator's own from the cached calculator.
/** @type {WorkerScope} */ (self).addEventListener('fetch', (event) => {
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
