/* global self, caches, fetch, URL, Response -- a service worker's own globals */
// The pages' service worker (served as /sw.js). It keeps the last copy of each page and its
// assets, so that a page opened while the hall server is down is drawn from that copy and then
// waits for the server itself (ServerGate, shared/src/ui), instead of the browser's error page.
// Browsers run service workers only on localhost and HTTPS, not on a hall's plain-HTTP LAN
// address: there the Electron shells retry, and a plain browser shows its own error page.
const CACHE = 'hall-pages-v1';

/** Only pages and their built assets: never the API, the socket, or the voice clips (ranged). */
const kept = (url) =>
  url.origin === self.location.origin && !/^\/(api|socket\.io|audio)\//.test(url.pathname) && url.pathname !== '/sw.js';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// The page tells the worker what it was loaded from (it was fetched before the worker ran).
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data?.keep) ? event.data.keep.filter((u) => kept(new URL(u))) : [];
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(urls)).catch(() => undefined));
});

// The network first, always; the kept copy only when the server cannot be reached.
self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !kept(new URL(request.url))) return;
  event.respondWith(
    fetch(request).then(
      (response) => {
        if (response.status === 200) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)).catch(() => undefined));
        }
        return response;
      },
      async () => (await caches.match(request)) ?? Response.error(),
    ),
  );
});
