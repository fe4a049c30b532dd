// The real-browser harness: serves dist/ on 127.0.0.1 (a free port) from this process and drives
// Debian's Chromium headless with playwright-core. Everything it starts is stopped in `stop()`,
// which the tests call from `after()`, and again on process exit, so a failing test leaves no
// browser or server behind.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";

const ROOT = resolve(new URL("../..", import.meta.url).pathname);
export const DIST = join(ROOT, "dist");
export const SCREENSHOTS = join(ROOT, "target", "screenshots");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
};

/**
 * Serves `root` (dist/ by default) under `prefix` ("/" by default; e.g. "/course/play/" serves
 * the page as a static host serves it in a sub-folder: anything outside the prefix is a 404).
 * `routes` maps extra paths to { type, body } (e.g. a lesson file, or a page that embeds ours).
 */
export function serveDist({ prefix = "/", root = DIST, routes = {}, headers = {} } = {}) {
  const server = createServer(async (request, response) => {
    let path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    const route = routes[path];
    if (route) {
      response.writeHead(200, { "Content-Type": route.type, ...(route.headers || {}) });
      response.end(route.body);
      return;
    }
    if (!path.startsWith(prefix)) {
      response.writeHead(404).end("not found");
      return;
    }
    path = "/" + path.slice(prefix.length);
    const file = normalize(join(root, path.endsWith("/") ? path + "index.html" : path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { "Content-Type": MIME[extname(file)] || "application/octet-stream", ...headers });
      response.end(body);
    } catch {
      response.writeHead(404).end("not found");
    }
  });
  return new Promise((ready) => server.listen(0, "127.0.0.1", () => ready(server)));
}

/**
 * Starts the server and the browser; returns { url, browser, newPage, stop }. `options.prefix`
 * mounts dist/ under a sub-path (the page must then be built with `--public-url` that path);
 * `options.routes` adds files beside it (see `serveDist`).
 */
export async function start(options = {}) {
  const server = await serveDist(options);
  const url = `http://127.0.0.1:${server.address().port}${options.prefix ?? "/"}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await browser.close().catch(() => {});
    await new Promise((done) => server.close(done));
  };
  process.once("exit", () => {
    if (!stopped) browser.process()?.kill("SIGKILL");
  });

  /** A fresh context + page that records console errors and page errors. */
  async function newPage(options = {}) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const errors = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(String(error)));
    return { context, page, errors };
  }
  return { url, browser, newPage, stop };
}

/** Saves a screenshot under target/screenshots/ for people to look at. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
