// Works offline after the first visit (issue 16): the build's service worker (written by
// scripts/service-worker.mjs) keeps every file of the build, so a classroom whose Wi-Fi fails can
// reload the page and go on. Also: the worker of one build lists exactly that build's files.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, screenshot, start } from "./harness.mjs";
import { eventually, expectPageText, go, open, playScript, waitForStatus } from "./workspace.mjs";
import { writeServiceWorker } from "../../scripts/service-worker.mjs";

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.stop();
});

test("the built worker lists every file of its build, and a changed file is a new version", () => {
  const listed = JSON.parse(/const FILES = (.*);/.exec(readFileSync(join(DIST, "sw.js"), "utf8"))[1]);
  assert.deepEqual(listed, readdirSync(DIST).filter((name) => name !== "sw.js").sort());
  assert.ok(listed.some((name) => name.endsWith("_bg.wasm")) && listed.includes("index.html"), listed.join(" "));
  const dir = mkdtempSync(join(tmpdir(), "sw-"));
  try {
    writeFileSync(join(dir, "index.html"), "<p>one</p>");
    writeFileSync(join(dir, "app-1.wasm"), "wasm one");
    writeServiceWorker(dir);
    const first = readFileSync(join(dir, "sw.js"), "utf8");
    writeServiceWorker(dir);
    assert.equal(readFileSync(join(dir, "sw.js"), "utf8"), first, "the same build gives the same worker");
    writeFileSync(join(dir, "app-1.wasm"), "wasm two");
    writeServiceWorker(dir);
    const version = (text) => /const VERSION = "(\w+)"/.exec(text)[1];
    assert.notEqual(version(readFileSync(join(dir, "sw.js"), "utf8")), version(first));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("after one visit the page reloads with no network and a lesson can be completed", async () => {
  const { page, errors, context } = await open(harness);
  // The worker has cached the whole build once it is active.
  await page.evaluate(() => navigator.serviceWorker.ready.then((registration) => registration.active.state));
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId("editor").locator(".cm-content").waitFor();
  await waitForStatus(page, "running");
  await go(page, "/count");
  await expectPageText(page, "Visit number: 1");
  await page.locator(".lessons-menu > summary").click();
  await page.locator(`[data-testid=lesson-item][data-lesson-id="count"] button`).click();
  await playScript(page);
  await eventually(
    () => page.getByTestId("lesson-goal").evaluateAll((goals) => goals.map((goal) => goal.dataset.state).join(",")),
    "met,met,met",
  );
  // It really was offline: the server cannot be reached from the page.
  const reached = await page.evaluate(() => fetch("not-part-of-the-build.txt", { cache: "no-store" }).then(() => true, () => false));
  assert.equal(reached, false);
  await screenshot(page, "offline-lesson");
  await context.setOffline(false);
  // The one error is the probe's own failed request.
  assert.deepEqual(errors, ["Failed to load resource: net::ERR_INTERNET_DISCONNECTED"]);
  await context.close();
});
