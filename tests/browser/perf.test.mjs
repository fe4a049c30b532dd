// Performance figures of the page in headless Chromium on loopback (BENCHMARKS.md records them):
// the time from navigation start to an editor that takes input, over several cold loads.
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
  console.log(`perf: navigation → interactive editor, ${LOADS} cold loads: median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms (target ≤ 500 ms)`);
  // A generous bound: the figure is recorded, the target is judged from BENCHMARKS.md, and a
  // loaded CI machine must not turn a figure into a red build.
  assert.ok(median < 5000, `median ${median} ms`);
});
