// Lessons, share links and saved work in a real browser: every built-in lesson played through
// the page until each goal is met, a share link reopened in a fresh browser, a damaged link
// explained with the earlier work intact, and work restored after a reload.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { screenshot, start } from "./harness.mjs";
import { editorText, eventually, expectPageText, go, goalStates, open, openLesson, playScript } from "./workspace.mjs";

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.stop();
});

test("every built-in lesson is listed at load and its steps meet every goal", async () => {
  const { page, errors, context } = await open(harness);
  const ids = await page.getByTestId("lesson-item").evaluateAll((items) => items.map((item) => item.dataset.lessonId));
  assert.ok(ids.length >= 12, ids.join(","));
  for (const id of ids) {
    await openLesson(page, id);
    const before = await goalStates(page);
    assert.ok(before.length > 0, `${id} has goals`);
    // "▶ Next step" until the script is played (a prediction asked before a step is answered
    // first, with its first option); then the solution if the script is not it.
    await playScript(page);
    let states = await goalStates(page);
    if (states.some((state) => state.endsWith(":unmet"))) {
      await page.getByRole("button", { name: "Show solution" }).click();
      await page.getByRole("button", { name: "Play the solution" }).click();
      states = await goalStates(page);
    }
    const unmet = states.filter((state) => state.endsWith(":unmet"));
    assert.deepEqual(unmet, [], `${id}: ${states.join(", ")}`);
    if (id === "count") await screenshot(page, "lesson-count-solved");
  }
  // httponly-script reflects a <script> into the app's page: Chromium reports the sandbox refusing
  // to run it (no script runs from a response), which is the page doing its job.
  const sandbox = /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/;
  assert.deepEqual(errors.filter((error) => !sandbox.test(error)), []);
  await context.close();
});

test("a share link rebuilds the same state in a fresh browser", async () => {
  const { page, errors, context } = await open(harness);
  await openLesson(page, "count");
  for (const n of [1, 2, 3]) {
    await go(page, "/count");
    await expectPageText(page, `Visit number: ${n}`);
  }
  await page.getByTestId("share").click();
  const url = await page.getByTestId("share-url").inputValue();
  assert.ok(url.startsWith(harness.url), url);
  const fragment = url.slice(url.indexOf("#") + 1);
  assert.ok(fragment.length <= 400, `${fragment.length} characters`);
  const jar = await page.getByTestId("cookie-value").allInnerTexts();
  const code = await editorText(page);
  await screenshot(page, "share-link");

  const fresh = await open(harness, { url });
  await expectPageText(fresh.page, "Visit number: 3");
  await eventually(() => fresh.page.getByTestId("cookie-value").allInnerTexts().then((values) => values.join("|")), jar.join("|"));
  assert.equal(await editorText(fresh.page), code);
  await eventually(() => fresh.page.getByTestId("timeline-entry").count(), 3);
  assert.equal(await fresh.page.locator(".lesson[data-lesson-id=count]").count(), 1);
  // The link is consumed: a reload shows the saved work, not the link again.
  assert.equal(new URL(fresh.page.url()).hash, "");
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a damaged link says so and the earlier work stays; a reload restores the work", async () => {
  const { page, errors, context } = await open(harness);
  await go(page, "/count");
  await go(page, "/count");
  await expectPageText(page, "Visit number: 2");
  // The page saves shortly after a change; wait until both requests are in storage.
  await page.waitForFunction(() => (localStorage.getItem("flask-session-playground") ?? "").split("GET /count").length === 3);
  // Same browser (same storage), a damaged link.
  const damaged = await context.newPage();
  await damaged.goto(`${harness.url}#v1.N4IgLgpg`);
  await damaged.getByTestId("editor").locator(".cm-content").waitFor();
  await eventually(() => damaged.getByTestId("notice").innerText(), /share link[\s\S]*(damaged|incomplete)[\s\S]*not been changed/);
  await expectPageText(damaged, "Visit number: 2");
  await screenshot(damaged, "share-link-damaged");
  await damaged.close();
  await page.reload();
  await page.getByTestId("editor").locator(".cm-content").waitFor();
  await expectPageText(page, "Visit number: 2");
  await eventually(() => page.getByTestId("timeline-entry").count(), 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the session modes: an unsigned cookie is readable JSON, a server-side store keeps only an id", async () => {
  const { page, errors, context } = await open(harness);
  const mode = page.locator(".session-mode select");
  const value = () => page.locator('[data-testid=cookie-row][data-cookie-name="session"]').getByTestId("cookie-value").innerText();
  await mode.selectOption("unsigned");
  await go(page, "/count");
  await expectPageText(page, "Visit number: 1");
  await eventually(value, "eyJ2aXNpdHMiOjF9");
  await mode.selectOption("server");
  await go(page, "/count");
  // The unsigned cookie means nothing to the store: a new session, and its id in the cookie.
  await expectPageText(page, "Visit number: 1");
  await go(page, "/count");
  await expectPageText(page, "Visit number: 2");
  const id = await value();
  assert.doesNotMatch(id, /visits|eyJ/);
  await eventually(() => page.getByTestId("server-session").innerText(), /Server-side store[\s\S]*'visits': 2/);
  await screenshot(page, "session-mode-server");
  assert.deepEqual(errors, []);
  await context.close();
});

test("saved work exports as a JSON file and imports into another browser", async () => {
  const { page, errors, context } = await harness.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await page.goto(harness.url);
  await page.getByTestId("editor").locator(".cm-content").waitFor();
  await openLesson(page, "count");
  await page.getByTestId("lesson-next").click();
  await openLesson(page, "logout");
  await page.locator(".saved-menu > summary").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByText("Export all saved work (.json)").click()]);
  assert.equal(download.suggestedFilename(), "flask-session-playground.json");
  const file = await download.path();

  const other = await open(harness);
  await other.page.locator(".saved-menu > summary").click();
  await other.page.getByLabel("Import saved work from a .json file").setInputFiles(file);
  await eventually(() => other.page.getByTestId("notice").innerText(), /Imported 2 saved workspaces/);
  await eventually(() => other.page.locator(".saved-menu > summary").innerText(), /Saved \(2\)/);
  // A file that is not saved work changes nothing.
  await other.page.getByLabel("Import saved work from a .json file").setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from("{") });
  await eventually(() => other.page.getByTestId("notice").innerText(), /Nothing was changed/);
  await eventually(() => other.page.locator(".saved-menu > summary").innerText(), /Saved \(2\)/);
  assert.deepEqual(other.errors, []);
  await other.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});
