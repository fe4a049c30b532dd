// Issue 21's benchmark: a share link of the playground against real Flask 3.1.3 in Pyodide.
//
//     bench/pyodide/setup.sh                # once: downloads into bench/pyodide/.cache/
//     source scripts/env.sh && trunk build --release   # dist/
//     node bench/pyodide/run.mjs [--loads 5] [--requests 200] [--before <another build's dist>]
//
// Not part of scripts/test (the set-up downloads). Both sides are served from this process on
// loopback, gzip-compressed (level 9, as a static host would), and loaded alternately, each in a
// freshly launched headless Chromium (empty cache, no compiled code kept). For each load:
//   - ours: a link whose one step is `GET /count`; the time from navigation start until the
//     frame that shows "Visit number: 1" (a MutationObserver installed before the page's scripts
//     run sees it in the document; the next animation frame's callback is the time taken),
//     the editor's `editor-ready` mark, the compressed bytes the page fetched until then
//     (resource timing); then on the same load the in-page benchmarks `benchRequest` (a full request: browser, jar, server, signing) and
//     `benchRestart` (a server restart after an edit);
//   - the anchor (anchor.html): Pyodide loads, the wheels are unpacked, the seed app is run and
//     its test client sends `GET /count`; the time until that response and the bytes fetched until
//     then; then the test client's per-request time on the same load.
// The medians and their ratios are printed, with a Markdown row for BENCHMARKS.md. `--before`
// adds a third side, loaded in the same rotation: another build of the page (e.g. the branch's
// base), with the same link, for a before/after comparison in one run.
import { createServer } from "node:http";
import { readFile, readdir, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { loadavg } from "node:os";
import { chromium } from "playwright-core";

const HERE = resolve(new URL(".", import.meta.url).pathname);
const ROOT = resolve(HERE, "../..");
const DIST = join(ROOT, "dist");
const CACHE = join(HERE, ".cache");

const text = (name) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const option = (name, fallback) => (text(name) === undefined ? fallback : Number(text(name)));
const BEFORE = text("before") && resolve(text("before"));
const LOADS = option("loads", 5);
const REQUESTS = option("requests", 200);
const RESTARTS = option("restarts", 20);
// `--skip-anchor`: ours (and `--before`) only, for a quicker before/after of our own builds.
const SKIP_ANCHOR = process.argv.includes("--skip-anchor");

for (const [path, how] of [
  [join(DIST, "index.html"), "build the page first: trunk build --release"],
  [join(CACHE, "pyodide", "pyodide.mjs"), "run bench/pyodide/setup.sh first"],
]) {
  if (!existsSync(path)) {
    console.error(`missing ${path}: ${how}`);
    process.exit(2);
  }
}

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".zip": "application/zip",
  ".whl": "application/zip",
  ".py": "text/plain; charset=utf-8",
};

const seedApp = (await readFile(join(ROOT, "src/ui/mod.rs"), "utf8")).match(
  /pub const SEED_APP: &str = r#"([\s\S]*?)"#;/,
)[1];
const wheels = (await readdir(join(CACHE, "wheels"))).filter((name) => name.endsWith(".whl")).sort();

const gzipped = new Map();

/** Serves `root` at "/", each file gzip-compressed once; `routes` adds generated files. */
function serve(root, routes = {}) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    let body;
    let type;
    if (routes[path]) {
      ({ body, type } = routes[path]);
    } else {
      const file = normalize(join(root, path.endsWith("/") ? path + "index.html" : path));
      if (!file.startsWith(root) || !(await stat(file).catch(() => null))?.isFile()) {
        response.writeHead(404).end("not found");
        return;
      }
      body = await readFile(file);
      type = MIME[extname(file)] || "application/octet-stream";
    }
    const key = `${root}|${path}|${body.length}`;
    if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
    const zipped = gzipped.get(key);
    response.writeHead(200, {
      "Content-Type": type,
      "Content-Encoding": "gzip",
      "Content-Length": zipped.length,
      "Cache-Control": "no-store",
    });
    response.end(zipped);
  });
  return new Promise((ready) => server.listen(0, "127.0.0.1", () => ready(server)));
}

const ours = await serve(DIST);
const before = BEFORE && (await serve(BEFORE));
const anchor = await serve(CACHE, {
  "/": { body: await readFile(join(HERE, "anchor.html")), type: MIME[".html"] },
  "/seed.py": { body: Buffer.from(seedApp), type: MIME[".py"] },
  "/wheels.json": { body: Buffer.from(JSON.stringify(wheels)), type: MIME[".json"] },
});
const oursUrl = `http://127.0.0.1:${ours.address().port}/`;
const anchorUrl = `http://127.0.0.1:${anchor.address().port}/?requests=${REQUESTS}`;

const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });

/** A share link whose one step is `GET /count`, made by the page's own Share button. */
async function makeLink(oursUrl) {
  const browser = await launch();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(oursUrl);
    await page.waitForFunction(() => document.querySelector("[data-testid=server-status]")?.textContent === "running");
    await page.getByTestId("address-bar").fill("/count");
    await page.getByTestId("address-bar").press("Enter");
    await page.getByTestId("timeline-entry").first().waitFor({ state: "attached" });
    await page.getByTestId("share").click();
    return await page.getByTestId("share-url").inputValue();
  } finally {
    await browser.close();
  }
}

// Installed before the page's own scripts: the moment the page shows the link's result.
const WATCH_FIRST_RESULT = () => {
  const check = () => {
    if (window.firstResultAt !== undefined) return;
    const page = document.querySelector("[data-testid=page]");
    const frame = page?.querySelector("iframe");
    const text = frame ? frame.getAttribute("srcdoc") : page?.textContent;
    if (text && text.includes("Visit number: 1")) {
      // The frame that shows it: a main thread still busy after the change delays it.
      window.firstResultAt = null;
      requestAnimationFrame(() => {
        window.firstResultAt = performance.now();
        window.startsAtFirstResult = window.wasmBindings?.serverStarts?.();
      });
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ["srcdoc"],
  });
};

// The compressed bytes the page fetched until the moment in `window[at]`: the document and every
// resource that had finished by then (a service worker's own fetches are not the page's).
const PAGE_BYTES = (at) =>
  [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
    .filter((entry) => entry.responseEnd <= window[at])
    .reduce((sum, entry) => sum + entry.encodedBodySize, 0);

async function loadOurs(link) {
  const browser = await launch();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.addInitScript(WATCH_FIRST_RESULT);
    await page.goto(link);
    await page.waitForFunction(() => typeof window.firstResultAt === "number", null, { timeout: 60_000 });
    const bytes = await page.evaluate(PAGE_BYTES, "firstResultAt");
    const marks = await page.evaluate(() => ({
      first: window.firstResultAt,
      starts: window.startsAtFirstResult,
    }));
    // A build from before these benchmarks (`--before`) has no in-page benchmarks: NaN.
    const perRequestUs = await page.evaluate((n) => window.wasmBindings.benchRequest?.(n) ?? NaN, REQUESTS);
    const restarts = await page.evaluate((n) => Array.from(window.wasmBindings.benchRestart?.(n) ?? [NaN]), RESTARTS);
    return { ...marks, bytes, perRequestUs, restart: median(restarts) };
  } finally {
    await browser.close();
  }
}

// A plain visit (no link): the moment the editor takes typing (the bundle's `editor-ready` mark).
// A link's editor comes after its result by design, so it is timed on its own load.
async function editorReady(url) {
  const browser = await launch();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(url);
    await page.locator("[data-testid=editor] .cm-content").waitFor({ timeout: 60_000 });
    return await page.evaluate(() => performance.getEntriesByName("editor-ready")[0]?.startTime);
  } finally {
    await browser.close();
  }
}

async function loadAnchor() {
  const browser = await launch();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(anchorUrl);
    await page.waitForFunction(() => window.anchor !== undefined, null, { timeout: 300_000 });
    const result = await page.evaluate(() => window.anchor);
    if (result.error) throw new Error(`the anchor failed: ${result.error}`);
    if (result.first !== "Visit number: 1" || result.last !== `Visit number: ${REQUESTS + 1}`) {
      throw new Error(`the anchor answered ${JSON.stringify(result)}`);
    }
    return { ...result, bytes: await page.evaluate(PAGE_BYTES, "anchorFirstAt") };
  } finally {
    await browser.close();
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const kB = (bytes) => (bytes / 1000).toFixed(1);
const load1 = loadavg()[0].toFixed(2);
const link = await makeLink(oursUrl);
const fragment = link.slice(link.indexOf("#"));
console.log(`link: …${fragment}`);
const oursRuns = [];
const beforeRuns = [];
const anchorRuns = [];
const describe = (a) =>
  `first /count ${a.first.toFixed(0)} ms (${a.starts ?? "?"} server start(s) before it), editor ${a.editor?.toFixed(0)} ms, ${kB(a.bytes)} kB, request ${a.perRequestUs.toFixed(1)} µs, restart median ${a.restart.toFixed(2)} ms`;
for (let load = 0; load < LOADS; load++) {
  if (before) {
    const beforeUrl = `http://127.0.0.1:${before.address().port}/`;
    const a = { ...(await loadOurs(`${beforeUrl}${fragment}`)), editor: await editorReady(beforeUrl) };
    beforeRuns.push(a);
    console.log(`load ${load + 1} before: ${describe(a)}`);
  }
  const a = { ...(await loadOurs(link)), editor: await editorReady(oursUrl) };
  oursRuns.push(a);
  console.log(`load ${load + 1} ours: ${describe(a)}`);
  if (SKIP_ANCHOR) continue;
  const b = await loadAnchor();
  anchorRuns.push(b);
  console.log(`load ${load + 1} anchor (Flask ${b.flask}, Pyodide ${b.python}): first /count ${b.firstAt.toFixed(0)} ms, ${kB(b.bytes)} kB, test client ${b.perRequestUs.toFixed(1)} µs/request`);
}
const m = {
  oursFirst: median(oursRuns.map((r) => r.first)),
  editor: median(oursRuns.map((r) => r.editor)),
  oursBytes: median(oursRuns.map((r) => r.bytes)),
  oursRequest: median(oursRuns.map((r) => r.perRequestUs)),
  restart: median(oursRuns.map((r) => r.restart)),
  anchorFirst: median(anchorRuns.map((r) => r.firstAt)),
  anchorBytes: median(anchorRuns.map((r) => r.bytes)),
  anchorRequest: median(anchorRuns.map((r) => r.perRequestUs)),
};
const load2 = loadavg()[0].toFixed(2);
if (before) {
  const b = (pick) => median(beforeRuns.map(pick));
  console.log(
    `bench: before (${BEFORE}): first /count ${b((r) => r.first).toFixed(0)} ms (${(m.anchorFirst / b((r) => r.first)).toFixed(1)}× the anchor), ` +
      `editor ${b((r) => r.editor).toFixed(0)} ms, ${kB(b((r) => r.bytes))} kB, request ${b((r) => r.perRequestUs).toFixed(1)} µs ` +
      `(${(m.anchorRequest / b((r) => r.perRequestUs)).toFixed(1)}×), restart ${b((r) => r.restart).toFixed(2)} ms`,
  );
}
console.log(
  `bench: ${LOADS} alternating cold loads, load avg ${load1} → ${load2}\n` +
    `bench: first /count from a link: ours ${m.oursFirst.toFixed(0)} ms vs Flask in Pyodide ${m.anchorFirst.toFixed(0)} ms = ${(m.anchorFirst / m.oursFirst).toFixed(1)}× (target ≥ 15×)\n` +
    `bench: navigation → interactive editor (a plain visit after each link load): median ${m.editor.toFixed(0)} ms (target ≤ 300 ms)\n` +
    `bench: transfer to the first response (gzip): ${kB(m.oursBytes)} kB vs ${kB(m.anchorBytes)} kB = ${(m.anchorBytes / m.oursBytes).toFixed(1)}×\n` +
    `bench: full request in the page: ${m.oursRequest.toFixed(1)} µs vs test client ${m.anchorRequest.toFixed(1)} µs = ${(m.anchorRequest / m.oursRequest).toFixed(1)}× (target ≥ 15×)\n` +
    `bench: server restart after an edit (seed app): median ${m.restart.toFixed(2)} ms (target ≤ 30 ms)`,
);
console.log(
  `| first /count from a link / editor interactive / transfer / full request / restart | ` +
    `${m.oursFirst.toFixed(0)} vs ${m.anchorFirst.toFixed(0)} ms = **${(m.anchorFirst / m.oursFirst).toFixed(1)}×** / ${m.editor.toFixed(0)} ms / ` +
    `${kB(m.oursBytes)} vs ${kB(m.anchorBytes)} kB = ${(m.anchorBytes / m.oursBytes).toFixed(1)}× / ` +
    `${m.oursRequest.toFixed(1)} vs ${m.anchorRequest.toFixed(1)} µs = **${(m.anchorRequest / m.oursRequest).toFixed(1)}×** / ${m.restart.toFixed(2)} ms |`,
);
ours.close();
before?.close();
anchor.close();
