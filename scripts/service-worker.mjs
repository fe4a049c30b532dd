// trunk's post_build step (run by scripts/post-build.mjs after the page's CSP is written): writes
// `sw.js`, the service worker that makes the playground work offline after the first visit.
//
// The worker is made for one build: it lists every file trunk wrote (their names carry content
// hashes) and its cache is named after a digest of all of them. Installing caches the whole
// build at once or not at all; activating deletes the caches of this scope's older builds. The
// page itself is fetched from the network first (a new build is seen as soon as it is published)
// and from the cache only when the network fails; every other file of the build comes from the
// cache. A page and its wasm therefore always come from the same build: an online page names the
// new hashed files, which the cache does not hold and the network serves; an offline page is the
// cached one, whose files the same cache holds.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export function writeServiceWorker(dir) {
  const files = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (relative(dir, path) !== "sw.js") files.push(relative(dir, path).split(sep).join("/"));
    }
  };
  walk(dir);
  const digest = createHash("sha256");
  for (const file of files) digest.update(file).update("\0").update(readFileSync(join(dir, file)));
  const version = digest.digest("hex").slice(0, 16);
  const worker = `// The offline copy of one build of the Flask Session Playground (written at build time by
// scripts/service-worker.mjs; see there for how it keeps a page and its files from one build).
const VERSION = ${JSON.stringify(version)};
const FILES = ${JSON.stringify(files)};
const PREFIX = "flask-session-playground " + self.registration.scope + " ";
const CACHE = PREFIX + VERSION;
const PAGE = new URL("index.html", self.registration.scope).href;
const OWN = new Set(FILES.map((file) => new URL(file, self.registration.scope).href));

self.addEventListener("install", (event) => {
  // All or nothing: a build missing one file is not installed at all.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: "reload" })))));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))),
    ),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.hash = "";
  if (request.mode === "navigate" && url.href.startsWith(self.registration.scope)) {
    // The page: the network's (the newest build), else this build's own copy.
    event.respondWith(fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match(PAGE)).then((page) => page || Response.error())));
    return;
  }
  url.search = "";
  if (OWN.has(url.href)) {
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(url.href)).then((hit) => hit || fetch(request)));
  }
  // Anything else (a lesson file named in a link, ...) goes to the network as if no worker were here.
});
`;
  writeFileSync(join(dir, "sw.js"), worker);
  console.log(`service-worker: ${files.length} files of build ${version} kept for offline use`);
}
