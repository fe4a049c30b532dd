// Performance figures of the page in headless Chromium on loopback (BENCHMARKS.md records them):
// the time from navigation start to an editor that takes input, and to a share link's first
// result, over several cold loads; Enter, rewind (on 100 and on 1,000 entries) and a server
// restart after an edit. Issue 21's comparison with Flask in Pyodide is bench/pyodide/run.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { start } from "./harness.mjs";

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.stop();
});

const LOADS = 7;

test("navigation to an interactive editor", async () => {
  const times = [];
  for (let load = 0; load < LOADS; load++) {
    // A fresh context each time: no cache, like a first visit.
    const { page, context } = await harness.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(harness.url);
    await page.getByTestId("editor").locator(".cm-content").waitFor();
    const ready = await page.evaluate(() => performance.getEntriesByName("editor-ready")[0]?.startTime);
    assert.equal(typeof ready, "number", "the editor marks when it is ready");
    times.push(ready);
    await context.close();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`perf: navigation → interactive editor, ${LOADS} cold loads: median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms (target ≤ 300 ms)`);
  // A generous bound: the figure is recorded, the target is judged from BENCHMARKS.md, and a
  // loaded CI machine must not turn a figure into a red build.
  assert.ok(median < 5000, `median ${median} ms`);
});

// A share link whose one step is `GET /count`, made by the page's Share button; then cold loads
// of it, each timed from navigation start until the page shows the link's result.
test("a share link's first result", async () => {
  const { page: maker, context: makerContext } = await harness.newPage({ viewport: { width: 1280, height: 800 } });
  await maker.goto(harness.url);
  await maker.waitForFunction(() => document.querySelector("[data-testid=server-status]")?.textContent === "running");
  await maker.getByTestId("address-bar").fill("/count");
  await maker.getByTestId("address-bar").press("Enter");
  await maker.getByTestId("timeline-entry").first().waitFor({ state: "attached" });
  await maker.getByTestId("share").click();
  const link = await maker.getByTestId("share-url").inputValue();
  await makerContext.close();
  const times = [];
  for (let load = 0; load < LOADS; load++) {
    const { page, context } = await harness.newPage({ viewport: { width: 1280, height: 800 } });
    // Installed before the page's scripts run: the result in the document, then its frame.
    await page.addInitScript(() => {
      const check = () => {
        const frame = document.querySelector("[data-testid=page] iframe");
        if (window.firstResultAt === undefined && frame?.getAttribute("srcdoc")?.includes("Visit number: 1")) {
          // The frame that shows it: a main thread still busy after the change delays it.
          window.firstResultAt = null;
          window.startsAtFirstResult = window.wasmBindings.serverStarts();
          requestAnimationFrame(() => { window.firstResultAt = performance.now(); });
        }
      };
      new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["srcdoc"] });
    });
    await page.goto(link);
    await page.waitForFunction(() => typeof window.firstResultAt === "number");
    times.push(await page.evaluate(() => window.firstResultAt));
    // One server start per distinct app: the link's replay is the only start before the result.
    assert.equal(await page.evaluate(() => window.startsAtFirstResult), 1, "server starts before the first result");
    await context.close();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`perf: a share link (GET /count) → its result on screen, ${LOADS} cold loads: median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms (issue 21: ≈ 300 ms on a quiet machine)`);
  assert.ok(median < 10000, `median ${median} ms`);
});

test("a server restart after an edit", async () => {
  const { page, context } = await harness.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(harness.url);
  await page.getByTestId("editor").locator(".cm-content").waitFor();
  const times = await page.evaluate(() => Array.from(window.wasmBindings.benchRestart(30)));
  await context.close();
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p95 = times[Math.ceil(times.length * 0.95) - 1];
  console.log(`perf: server restart on the seed app, 30 restarts: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target median ≤ 30 ms)`);
  assert.ok(median > 0 && median < 5000, `median ${median} ms`);
});

const REQUESTS = 50;

/** Presses Enter in the address bar `requests` times; each time, Enter → the new timeline row. */
function pressEnter(page, requests) {
  return page.evaluate(async (requests) => {
    const bar = document.querySelector("[data-testid=address-bar]");
    const timeline = document.querySelector("[data-testid=timeline]");
    const results = [];
    for (let i = 0; i < requests; i++) {
      const before = timeline.children.length;
      const done = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (timeline.children.length > before) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(timeline, { childList: true });
      });
      const start = performance.now();
      bar.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
      const end = await done;
      results.push(end - start);
    }
    return results;
  }, requests);
}

/** Clicks timeline entries (`pick(i, count)` chooses the index), each time back to now after. */
function rewindClicks(page, clicks, pick) {
  return page.evaluate(async ({ clicks, pick }) => {
    const choose = new Function("i", "count", `return (${pick})(i, count)`);
    const results = [];
    for (let i = 0; i < clicks; i++) {
      const buttons = document.querySelectorAll("[data-testid=timeline-entry] button");
      const shell = document.querySelector(".shell");
      const done = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector(".rewind-bar")) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(shell, { childList: true, subtree: true });
      });
      const start = performance.now();
      buttons[choose(i, buttons.length)].click();
      results.push((await done) - start);
      document.querySelector(".rewind-bar button").click();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return results.sort((a, b) => a - b);
  }, { clicks, pick: pick.toString() });
}

test("Enter in the address bar to page, jar and timeline updated", async () => {
  const { page, context } = await harness.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(harness.url);
  await page.getByTestId("editor").locator(".cm-content").waitFor();
  await page.waitForFunction(() => document.querySelector("[data-testid=server-status]")?.textContent === "running");
  await page.getByTestId("address-bar").fill("/count");
  // Two rounds of 50: the first right after the page loaded (the first request also creates
  // the page's frame), the second once the page has been used; both are reported.
  for (const round of ["first 50 after load", "next 50"]) {
    const times = await pressEnter(page, REQUESTS);
    times.sort((a, b) => a - b);
    const p95 = times[Math.ceil(times.length * 0.95) - 1];
    const median = times[Math.floor(times.length / 2)];
    console.log(`perf: Enter → page, jar and timeline updated, ${round}: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target p95 ≤ 8 ms)`);
    assert.ok(p95 < 1000, `p95 ${p95} ms`);
  }
  const body = await page.getByTestId("page").locator("iframe").contentFrame().locator("body").innerText();
  assert.equal(body.trim(), `Visit number: ${2 * REQUESTS}`);
  // Rewind: a click on an entry puts the state right after it on screen (the entry's kept
  // view; the first entry and the last of 100, 5 clicks each), measured like Enter: click →
  // the rewind bar in the document.
  await page.getByRole("tab", { name: /Timeline/ }).click();
  const rewinds = await rewindClicks(page, 10, (i, count) => (i % 2 ? 0 : count - 1));
  console.log(`perf: rewind to entry 100 or 1 of 100, 10 clicks: median ${rewinds[5].toFixed(1)} ms, max ${rewinds[9].toFixed(1)} ms (target: one frame, 16 ms)`);
  assert.ok(rewinds[5] < 5000, `median ${rewinds[5]} ms`);
  await context.close();
});

// Issue 21: entry 1 of 1,000 is older than the views the page keeps, so its state is rebuilt by
// replay on a fresh server (one start and one request).
test("rewind to entry 1 of 1,000", async () => {
  const { page, context } = await harness.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(harness.url);
  await page.waitForFunction(() => document.querySelector("[data-testid=server-status]")?.textContent === "running");
  await page.getByTestId("address-bar").fill("/count");
  // The last 50 presses run beside a long history: an Enter must not cost more as it grows.
  const late = (await pressEnter(page, 1000)).slice(-50).sort((a, b) => a - b);
  console.log(`perf: Enter → page, jar and timeline updated, entries 951–1,000: median ${late[25].toFixed(1)} ms, p95 ${late[47].toFixed(1)} ms (target p95 ≤ 8 ms)`);
  await page.getByRole("tab", { name: /Timeline/ }).click();
  const rewinds = await rewindClicks(page, 5, () => 0);
  const frame = page.getByTestId("page").locator("iframe").contentFrame().locator("body");
  assert.equal((await frame.innerText()).trim(), "Visit number: 1000");
  console.log(`perf: rewind to entry 1 of 1,000, 5 clicks: median ${rewinds[2].toFixed(1)} ms, max ${rewinds[4].toFixed(1)} ms (target ≤ 16 ms)`);
  assert.ok(rewinds[2] < 5000, `median ${rewinds[2]} ms`);
  await context.close();
});

test("the interpreter's handler body in wasm, against python3 in the same run", async () => {
  const { page, context } = await harness.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(harness.url);
  await page.getByTestId("editor").locator(".cm-content").waitFor();
  // Fastest of 5 rounds of 100,000 executions, as bench/handler.rs does natively.
  const wasm = await page.evaluate(() => {
    const best = (inPython) => Math.min(...[0, 1, 2, 3, 4].map(() => window.wasmBindings.benchHandler(100000, inPython)));
    return { host: best(false), loop: best(true) };
  });
  await context.close();
  const { execFileSync } = await import("node:child_process");
  const { fileURLToPath } = await import("node:url");
  const script = fileURLToPath(new URL("../../bench/handler.py", import.meta.url));
  const cpython = Object.fromEntries(
    execFileSync("python3", [script], { encoding: "utf8" })
      .split("\n")
      .filter((line) => line.startsWith("BENCH "))
      .map((line) => line.split(" ").slice(1)),
  );
  const host = Number(cpython.handler_host_call_ns);
  const loop = Number(cpython.handler_python_loop_ns);
  console.log(
    `perf: handler body x 100,000 in wasm (Chromium) vs CPython ${cpython.python_version}, fastest of 5: ` +
      `host call ${wasm.host.toFixed(1)} / ${host.toFixed(1)} ns = ${(wasm.host / host).toFixed(2)}x, ` +
      `loop in Python ${wasm.loop.toFixed(1)} / ${loop.toFixed(1)} ns = ${(wasm.loop / loop).toFixed(2)}x`,
  );
  assert.ok(wasm.host > 0 && wasm.loop > 0);
});
