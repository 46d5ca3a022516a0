// The page's service worker: after a first visit, the page, its engine and
// its charts load from this browser's copy when there is no network, and
// every figure is still computed here. Online, the network comes first (a
// new build is seen at once) and the copy is refreshed as files arrive;
// offline, the copy answers. Only this site's own files are kept: nothing
// from another host is ever requested or stored. The widget (embed.html)
// runs in a sandboxed frame and registers nothing.

const CACHE = 'mentorsim-v2';
// The entry points; the page sends the rest of what it loaded (page.js, "cache").
const CORE = ['./', 'index.html', 'manifest.webmanifest', 'icon.svg', 'icon-192.png', 'icon-512.png', 'lib/palette.css', 'page/style.css', 'page/room.css', 'dist/app.js', 'dist/page.js', 'lib/worker.js', 'pkg/mentorsim.js', 'pkg/mentorsim_bg.wasm'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll(CORE))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('mentorsim-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

const sameOrigin = (url) => new URL(url, self.location.href).origin === self.location.origin;

/** The page lists what it loaded; each same-origin file not yet kept is fetched once and kept. */
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data?.cache) ? event.data.cache.filter((u) => typeof u === 'string' && sameOrigin(u)) : [];
  if (!urls.length) return;
  event.waitUntil(
    caches.open(CACHE).then((c) =>
      Promise.all(
        urls.map(async (u) => {
          const key = new URL(u, self.location.href);
          key.search = '';
          key.hash = '';
          if (await c.match(key.href)) return;
          try {
            const r = await fetch(key.href);
            if (r.ok) await c.put(key.href, r);
          } catch {
            // Offline already: keep what there is.
          }
        })
      )
    )
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !sameOrigin(req.url)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // A page's address carries its scenario in the query: one copy serves them all.
      const key = new URL(req.url);
      key.search = '';
      try {
        const r = await fetch(req);
        if (r.ok && r.type === 'basic') cache.put(key.href, r.clone());
        return r;
      } catch (e) {
        const hit = (await cache.match(key.href)) ?? (req.mode === 'navigate' ? await cache.match(new URL('index.html', self.location.href).href) : undefined);
        if (hit) return hit;
        throw e;
      }
    })()
  );
});
