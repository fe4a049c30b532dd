// Predict, then see, and the weak-secret lesson done by hand, in a real browser: the learner
// commits a prediction before the step (which waits for it and keeps its explanation back),
// sees it beside what happened, and a share link carries it; in "A weak secret key" the key is
// not in the code, and the dev tools' Guess the key and Sign a session get Mallory into /admin
// without a single "next step".
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { screenshot, start } from "./harness.mjs";
import { editorText, eventually, expectPageText, go, goalStates, open, openLesson } from "./workspace.mjs";

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.stop();
});

test("a prediction is asked before its step, shown beside what happened, and travels in a link", async () => {
  const { page, errors, context } = await open(harness);
  await openLesson(page, "count");
  const next = page.getByTestId("lesson-next");
  for (let i = 0; i < 4; i++) await next.click();
  const box = page.getByTestId("lesson-predict");
  await box.waitFor();
  assert.match(await box.innerText(), /What will \/count show now\?/);
  // The step waits for the prediction, and its explanation (which tells) is held back.
  assert.equal(await next.count(), 0);
  assert.doesNotMatch(await page.locator(".lesson-steps").innerText(), /dropped it/);
  await page.getByTestId("predict-option").first().click(); // "Visit number: 4"
  assert.equal(await page.getByTestId("predict-option").first().getAttribute("aria-pressed"), "true");
  await next.click();
  await expectPageText(page, "Visit number: 1");
  const result = page.getByTestId("lesson-prediction");
  await result.waitFor();
  assert.equal(await result.getAttribute("data-state"), "wrong");
  assert.match(await page.getByTestId("prediction-mine").innerText(), /Visit number: 4/);
  assert.match(await page.getByTestId("prediction-seen").innerText(), /Visit number: 1/);
  assert.match(await result.innerText(), /dropped it/);
  await screenshot(page, "prediction-seen");

  await page.getByTestId("share").click();
  const url = await page.getByTestId("share-url").inputValue();
  const fresh = await open(harness, { url });
  const carried = fresh.page.getByTestId("lesson-prediction");
  await carried.waitFor();
  assert.equal(await carried.getAttribute("data-state"), "wrong");
  assert.match(await fresh.page.getByTestId("prediction-mine").innerText(), /Visit number: 4/);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test("the weak-secret lesson is done by hand: the key is guessed from a cookie and a session forged with it", async () => {
  const { page, errors, context } = await open(harness);
  await openLesson(page, "weak-secret");
  const code = await editorText(page);
  assert.match(code, /os\.environ\['SECRET_KEY'\]/);
  assert.doesNotMatch(code, /secret_key = '/);
  await go(page, "/");
  await expectPageText(page, "Hello, guest (role: visitor)");
  await go(page, "/admin");
  await expectPageText(page, "Admins only");

  await page.getByRole("tab", { name: /Session/ }).click();
  await page.getByTestId("guess-key").click();
  const verdict = await page.getByTestId("guess-result").innerText();
  const found = /signed with the key \u201c(.+)\u201d/.exec(verdict);
  assert.ok(found, verdict);

  const sign = async (key) => {
    await page.getByTestId("forge-data").fill('{"role": "admin", "user": "mallory"}');
    await page.getByTestId("forge-key").fill(key);
    await page.getByTestId("forge-sign").click();
  };
  // A wrong guess first: Flask throws the cookie away.
  await sign("not-the-key");
  await go(page, "/admin");
  await expectPageText(page, "Admins only");
  await page.getByRole("tab", { name: /Session/ }).click();
  await sign(found[1]);
  await eventually(() => page.getByTestId("forge-value").innerText().then((value) => value.split(".").length), 3);
  await go(page, "/admin");
  await expectPageText(page, "Welcome, admin");
  const states = await goalStates(page);
  assert.deepEqual(states.filter((state) => !state.endsWith(":met")), [], states.join(", "));
  // Done by hand ("next step" was never pressed): every goal met, the script has nothing to add.
  assert.equal(await page.getByTestId("lesson-next").count(), 0);
  assert.equal(await page.getByTestId("lesson-finished").count(), 1);
  await screenshot(page, "weak-secret-by-hand");
  assert.deepEqual(errors, []);
  await context.close();
});
