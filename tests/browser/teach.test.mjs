// Teachers' side of lessons (issue 16): progress travels in a link (goals re-checked after every
// replayed action, the quiz answer carried), and "Hand in" gives a link and a completion code.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { screenshot, start } from "./harness.mjs";
import { eventually, expectPageText, open } from "./workspace.mjs";

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
  page.getByTestId("lesson-goal").evaluateAll((goals) => goals.map((goal) => `${goal.dataset.goalId}:${goal.dataset.state}`));

/** "Next step" to the end of the script; a prediction asked before a step gets its first option. */
async function playScript(page) {
  const next = page.getByTestId("lesson-next");
  const predict = page.getByTestId("predict-option");
  while ((await next.count()) || (await predict.count())) {
    if (await next.count()) await next.click();
    else await predict.first().click();
  }
}

/** Plays the count lesson's scripted steps and picks the right quiz answer. */
async function completeCount(page) {
  await openLesson(page, "count");
  await playScript(page);
  await expectPageText(page, "Visit number: 1");
  await page.locator(".quiz-option .quiz-pick").nth(1).click();
  await page.locator(".quiz-option.right").waitFor();
  assert.deepEqual(await goalStates(page), ["third:met", "closed:met", "restart:met"]);
}

test("a learner completes a lesson, shares, and the link shows every goal met and the quiz answered", async () => {
  const { page, errors, context } = await open(harness);
  await completeCount(page);
  await page.getByTestId("share").click();
  const url = await page.getByTestId("share-url").inputValue();
  const fragment = url.slice(url.indexOf("#") + 1);
  console.log(`count lesson, completed with the quiz answered: ${fragment.length} characters after #`);
  assert.ok(fragment.startsWith("v2."), fragment);

  const fresh = await open(harness, { url });
  await fresh.page.locator(".lesson[data-lesson-id=count]").waitFor();
  await eventually(() => goalStates(fresh.page).then((states) => states.join(",")), "third:met,closed:met,restart:met");
  assert.equal(await fresh.page.locator(".quiz-option.right").count(), 1);
  assert.equal(await fresh.page.locator(".quiz-option .quiz-pick").nth(1).getAttribute("aria-pressed"), "true");
  // The solution was not shown, so it is not listed.
  assert.equal(await fresh.page.locator(".solution-steps").count(), 0);
  await screenshot(fresh.page, "teach-link-progress");
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test("hand in: a link naming the learner and a completion code; the link replays the same progress", async () => {
  const { page, errors, context } = await open(harness);
  await completeCount(page);
  await page.getByTestId("hand-in-name").fill("Ada Lovelace");
  await page.getByTestId("hand-in").click();
  const url = await page.getByTestId("hand-in-url").inputValue();
  const code = await page.getByTestId("hand-in-code").inputValue();
  assert.match(code, /^count\.3of3\.quiz-right\.own-work\.[0-9A-Z]{10}$/);
  console.log(`hand-in link: ${url.length - url.indexOf("#") - 1} characters after #; code ${code}`);
  await screenshot(page, "teach-hand-in");

  const fresh = await open(harness, { url });
  await eventually(() => goalStates(fresh.page).then((states) => states.join(",")), "third:met,closed:met,restart:met");
  assert.equal(await fresh.page.locator(".quiz-option.right").count(), 1);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- lessons in links ----

import { readFileSync } from "node:fs";

const countFile = JSON.parse(readFileSync(new URL("../../lessons/04-count.json", import.meta.url), "utf8"));
const teachersLesson = JSON.stringify({ ...countFile, id: "my-count", lesson: { ...countFile.lesson, title: "Counting, my way" } });

test("a lesson published beside the page opens from #lesson=URL, says where it is from, and travels on in a share link", async () => {
  const server = await start({ routes: { "/lessons/my-count.json": { type: "application/json", body: teachersLesson } } });
  try {
    const { page, errors, context } = await open(server, { url: `${server.url}#lesson=/lessons/my-count.json` });
    await page.locator(".lesson[data-lesson-id=my-count]").waitFor();
    assert.equal(await page.locator(".lesson-title").innerText(), "Counting, my way");
    assert.equal(await page.getByTestId("lesson-from").innerText(), "from this site");
    await playScript(page);
    assert.deepEqual(await goalStates(page), ["third:met", "closed:met", "restart:met"]);
    await screenshot(page, "teach-lesson-from-url");
    await page.getByTestId("share").click();
    const url = await page.getByTestId("share-url").inputValue();
    console.log(`a teacher's lesson carried whole, played to the end: ${url.length - url.indexOf("#") - 1} characters after #`);
    const fresh = await open(server, { url });
    await fresh.page.locator(".lesson[data-lesson-id=my-count]").waitFor();
    await eventually(() => goalStates(fresh.page).then((states) => states.join(",")), "third:met,closed:met,restart:met");
    assert.equal(await fresh.page.getByTestId("lesson-from").innerText(), "from this site");
    // A missing lesson file says so and opens nothing.
    const missing = await open(server, { url: `${server.url}#lesson=/lessons/none.json` });
    await eventually(() => missing.page.getByTestId("notice").innerText(), /could not be loaded: the server answered 404[\s\S]*not been changed/);
    assert.equal(await missing.page.locator(".lesson").count(), 0);
    assert.deepEqual(fresh.errors, []);
    assert.deepEqual(errors, []);
    await Promise.all([context.close(), fresh.context.close(), missing.context.close()]);
  } finally {
    await server.stop();
  }
});
