// Rootwise's service worker, rendered by core.pwa.service_worker at /sw.js (scope: the site).
// It only caches: answers and submissions wait in IndexedDB and the page replays them
// (static/js/sync.js), so nothing here writes to the server.
"use strict";

const VERSION = "{{ version }}";
const STATIC_CACHE = `rootwise-static-${VERSION}`;
const PAGES_CACHE = "rootwise-pages"; // screens, catalogs and manifests the learner opened
const API_CACHE = "rootwise-api"; // content reads, the learner's progress, assignments, review cards
const MEDIA_CACHE = "rootwise-media"; // lesson images
const PRECACHE = {{ precache_json|safe }};
const LANGUAGES = {{ languages_json|safe }};
const PREFIX = `^/(${LANGUAGES.join("|")})/`;
const APP_PAGE = new RegExp(`${PREFIX}(?!admin/|jsi18n/|manifest\\.webmanifest)`);
const LANGUAGE_FILE = new RegExp(`${PREFIX}(jsi18n/|manifest\\.webmanifest)$`);
const CACHED_API = /^\/api\/v1\/(courses|lessons|glossary|quizzes|me\/progress|me\/assignments|me\/review)\//;
// On a slow connection the cached copy wins after this long; with no copy we keep waiting.
const NETWORK_TIMEOUT = 4000;

// The shell of every language: its offline screen and its catalog. Kept with the pages (not
// the versioned static files), so that new translations reach the device on the next visit.
const SHELL = LANGUAGES.flatMap((language) => [`/${language}/offline/`, `/${language}/jsi18n/`]);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(STATIC_CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => keep(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith("rootwise-static-") && name !== STATIC_CACHE)
          .map((name) => caches.delete(name)),
      ))
      .then(() => self.clients.claim()),
  );
});

function pageKey(url) {
  // One copy per screen: `?attempt=12` shows the same screen as the bare path.
  return new URL(url.pathname, url.origin).href;
}

function cacheFor(url) {
  // Where a copy of `url` belongs; null for what is never kept (attempts, accounts, admin).
  if (CACHED_API.test(url.pathname)) return API_CACHE;
  if (url.pathname.startsWith("/media/")) return MEDIA_CACHE;
  if (APP_PAGE.test(url.pathname) || LANGUAGE_FILE.test(url.pathname)) return PAGES_CACHE;
  return null;
}

async function fromCache(name, key) {
  // Django varies pages on Cookie and Accept-Language; the URL alone names the copy we want.
  const cache = await caches.open(name);
  return cache.match(key, { ignoreVary: true });
}

async function networkFirst(request, name, key) {
  const network = fetch(request).then(async (response) => {
    if (response.ok && !response.redirected && response.type === "basic") {
      const cache = await caches.open(name);
      await cache.put(key, response.clone());
    }
    return response;
  });
  network.catch(() => {}); // answered below, from the cache, when it fails
  const cached = fromCache(name, key);
  const slow = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT));
  try {
    const first = await Promise.race([network, slow.then(() => cached)]);
    return first || (await network);
  } catch (error) {
    const copy = await cached;
    if (copy) return copy;
    throw error;
  }
}

async function page(request, url) {
  try {
    return await networkFirst(request, PAGES_CACHE, pageKey(url));
  } catch {
    // Never loaded on this device: the offline screen of the same language, which the app's
    // modules then fill from the API copies they find (or leave as it is).
    const language = url.pathname.split("/")[1];
    const fallback = await fromCache(PAGES_CACHE, new URL(`/${language}/offline/`, url.origin).href);
    return fallback || new Response("Offline", { status: 503, headers: { "Content-Type": "text/plain" } });
  }
}

async function cacheFirst(request, name) {
  const cached = await caches.match(request, { cacheName: name });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(name);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (PRECACHE.includes(url.pathname)) {
    event.respondWith(cacheFirst(request, STATIC_CACHE));
  } else if (url.pathname.startsWith("/media/")) {
    event.respondWith(cacheFirst(request, MEDIA_CACHE));
  } else if (request.mode === "navigate" && APP_PAGE.test(url.pathname)) {
    event.respondWith(page(request, url));
  } else if (LANGUAGE_FILE.test(url.pathname)) {
    event.respondWith(networkFirst(request, PAGES_CACHE, url.href));
  } else if (CACHED_API.test(url.pathname)) {
    event.respondWith(networkFirst(request, API_CACHE, url.href));
  }
});

async function keep(urls, refresh = []) {
  // Copies of what the page used before this worker controlled it (and what it will need
  // offline): fetched once, then refreshed by the fetch handler whenever they are used online,
  // and when the page asks (`refresh`: a screen it drew itself, which the server never sent).
  await Promise.all(urls.map(async (href) => {
    const url = new URL(href, self.location.origin);
    if (url.origin !== self.location.origin) return;
    const name = cacheFor(url);
    if (!name) return;
    const key = name === PAGES_CACHE && APP_PAGE.test(url.pathname) ? pageKey(url) : url.href;
    if (!refresh.includes(href) && (await fromCache(name, key))) return;
    try {
      const response = await fetch(url.href, { credentials: "same-origin" });
      if (response.ok && !response.redirected) await (await caches.open(name)).put(key, response);
    } catch {
      // Offline now: the next visit online tries again.
    }
  }));
}

self.addEventListener("message", (event) => {
  const message = event.data || {};
  const reply = (data) => event.ports[0]?.postMessage(data);
  if (message.type === "keep") {
    event.waitUntil(keep(message.urls || [], message.refresh || []).then(() => reply({ done: true, version: VERSION })));
  } else if (message.type === "forget") {
    // Signed in or out: the screens and reads cached for the learner before go with them.
    event.waitUntil(
      Promise.all([caches.delete(PAGES_CACHE), caches.delete(API_CACHE)]).then(() => reply({ done: true })),
    );
  }
});
