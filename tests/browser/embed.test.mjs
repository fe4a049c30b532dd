// Embedding (#embed): a lesson inside an iframe on a page served from another origin (another
// local port) gets the compact layout, dev tools on demand and "Open in the playground", and
// never reads or writes the playground's saved work; the Share dialog offers the iframe snippet.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { screenshot, serveDist, start } from "./harness.mjs";
import { go, goalStates, open, openLesson, playScript } from "./workspace.mjs";

let harness;
let host;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.stop();
  await new Promise((done) => (host ? host.close(done) : done()));
});

test("the Share dialog's iframe snippet embeds the lesson on another site, compact and without touching saved work", async () => {
  // The snippet comes from the Share dialog of a learner in the count lesson.
  const { page, errors, context } = await open(harness);
  await openLesson(page, "count");
  await page.getByTestId("share").click();
  const snippet = await page.getByTestId("embed-snippet").inputValue();
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#embed&v2\.[^"]+"/);
  await context.close();

  // Another origin (another port) serves a page with that snippet.
  const coursePage = `<!doctype html><title>Course</title><link rel="icon" href="data:,"><h1>My course</h1>${snippet}`;
  host = await serveDist({ routes: { "/course.html": { type: "text/html; charset=utf-8", body: coursePage } } });
  const course = `http://127.0.0.1:${host.address().port}/course.html`;
  const visitor = await harness.newPage({ viewport: { width: 1280, height: 900 } });
  await visitor.page.goto(course);
  const frame = visitor.page.frameLocator("iframe");
  await frame.locator(".lesson[data-lesson-id=count]").waitFor({ timeout: 15_000 });
  await frame.getByTestId("embed-bar").waitFor();
  // Lesson, editor and browser; the server pane and dev tools only on demand.
  assert.equal(await frame.locator(".pane-devtools").isVisible(), false);
  assert.equal(await frame.locator(".pane-server").isVisible(), false);
  assert.equal(await frame.locator(".pane-editor").isVisible(), true);
  // "Next step" to the end; the count lesson asks a prediction before its last step.
  await playScript(frame);
  assert.deepEqual(await goalStates(frame), ["third:met", "closed:met", "restart:met"]);
  await frame.getByTestId("embed-devtools").click();
  assert.equal(await frame.locator(".pane-devtools").isVisible(), true);
  await screenshot(visitor.page, "embed-in-another-site");
  // "Open in the playground" is the same work on the full page.
  const href = await frame.getByTestId("embed-open").getAttribute("href");
  assert.ok(href.startsWith(`${harness.url}#v2.`), href);
  // Nothing was written to storage inside the frame, even after the autosave pause.
  await visitor.page.waitForTimeout(800);
  const inFrame = visitor.page.frames().find((f) => f.url().startsWith(harness.url));
  assert.deepEqual(await inFrame.evaluate(() => Object.keys(localStorage)), []);
  const full = await open(harness, { url: href });
  await full.page.locator(".lesson[data-lesson-id=count]").waitFor();
  assert.deepEqual(await goalStates(full.page), ["third:met", "closed:met", "restart:met"]);
  assert.deepEqual(full.errors, []);
  assert.deepEqual(visitor.errors, []);
  assert.deepEqual(errors, []);
  await Promise.all([visitor.context.close(), full.context.close()]);
});

test("an embedded lesson never writes over the learner's saved work on the playground's own site", async () => {
  const { page, errors, context } = await open(harness);
  await go(page, "/count");
  await page.waitForFunction(() => (localStorage.getItem("flask-session-playground") ?? "").includes("GET /count"));
  const saved = await page.evaluate(() => localStorage.getItem("flask-session-playground"));
  // Same browser, same origin, embedded: a lesson link in the embed layout.
  const embedded = await context.newPage();
  await embedded.goto(`${harness.url}#embed&lesson=/no-such-lesson.json`);
  await embedded.getByTestId("embed-bar").waitFor();
  await embedded.getByTestId("address-bar").fill("/count");
  await embedded.getByTestId("address-bar").press("Enter");
  await embedded.waitForTimeout(800);
  assert.equal(await page.evaluate(() => localStorage.getItem("flask-session-playground")), saved);
  await embedded.close();
  assert.deepEqual(errors, []);
  await context.close();
});
