// Keeps the judge page's own files on the tablet so that a reload with the Wi-Fi down still opens
// the page, and with it the scores waiting to sync (they live in localStorage). Only these files
// are handled: API requests and the live stream always go to the network untouched.
const CACHE = 'gongyi-judge-v3';
/** The page and everything it imports, so that a reload offline finds every module (a unit test checks it). */
const FILES = [
  '/judge/',
  '/judge/judge.css',
  '/judge/main.js',
  '/judge/bar.js',
  '/judge/decimal.js',
  '/judge/dialogs.js',
  '/judge/my-slots.js',
  '/judge/outbox.js',
  '/judge/reach.js',
  '/judge/score-form.js',
  '/judge/scores.js',
  '/judge/sign-in.js',
  '/judge/stage.js',
  '/judge/state.js',
  '/judge/storage.js',
  '/judge/texts.js',
  '/shared/base.css',
  '/shared/api.js',
  '/shared/dom.js',
  '/shared/i18n.js',
  '/shared/live.js',
  '/vocabulary.js',
];
/** Past this, a slow network loses to the cached copy; the fresh one still lands in the cache. */
const NETWORK_WAIT_MS = 3000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

function cacheKey(request) {
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || request.method !== 'GET') return undefined;
  const path = url.pathname === '/judge/index.html' ? '/judge/' : url.pathname;
  return FILES.includes(path) ? path : undefined;
}

/** Network first, so a fixed page reaches the tablets at once; the cache when the network fails or stalls. */
async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  const fromNetwork = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(key, response.clone());
    return response;
  });
  // Whoever loses the race below must not end as an unhandled rejection.
  fromNetwork.catch(() => undefined);
  const stalled = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS));
  try {
    const winner = await Promise.race([fromNetwork, stalled]);
    if (winner) return winner;
  } catch {
    // Offline: fall through to the cached copy.
  }
  const cached = await cache.match(key);
  if (cached) return cached;
  return fromNetwork;
}

self.addEventListener('fetch', (event) => {
  const key = cacheKey(event.request);
  if (key) event.respondWith(networkFirst(event.request, key));
});
