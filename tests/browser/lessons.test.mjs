// Lessons, share links and saved work in a real browser: every built-in lesson played through
// the page until each goal is met, a share link reopened in a fresh browser, a damaged link
// explained with the earlier work intact, and work restored after a reload.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { screenshot, start } from "./harness.mjs";
import { editorText, eventually, expectPageText, go, open } from "./workspace.mjs";

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.stop();
});

async function openLesson(page, id) {
  await page.locator(".lessons-menu > summary").click();
  await page.locator(`[data-testid=lesson-item][data-lesson-id="${id}"] button`).click();
  await page.locator(`.lesson[data-lesson-id="${id}"]`).waitFor();
}

const goalStates = (page) =>
  page.getByTestId("lesson-goal").evaluateAll((goals) => goals.map((goal) => `${goal.dataset.goalId}:${goal.dataset.state}${goal.classList.contains("pending") ? " (pending)" : ""}`));

test("every built-in lesson is listed at load and its steps meet every goal", async () => {
  const { page, errors, context } = await open(harness);
  const ids = await page.getByTestId("lesson-item").evaluateAll((items) => items.map((item) => item.dataset.lessonId));
  assert.ok(ids.length >= 12, ids.join(","));
  for (const id of ids) {
    await openLesson(page, id);
    const before = await goalStates(page);
    assert.ok(before.length > 0, `${id} has goals`);
    // "▶ Next step" until the script is played; then the solution if the script is not it.
    const next = page.getByTestId("lesson-next");
    while (await next.count()) await next.click();
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
  assert.deepEqual(errors, []);
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
