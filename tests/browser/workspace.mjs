// Steps a learner takes in the page, shared by the browser tests: open the app, type a path,
// replace the code, read the page. Only data-testids of the UI contract are used.
import assert from "node:assert/strict";

/** Opens the app in a fresh context and waits until the simulated server answers. */
export async function open(harness, options = {}) {
  const { url, ...contextOptions } = options;
  const { page, errors, context } = await harness.newPage({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  await page.goto(url ?? harness.url);
  await page.getByTestId("editor").locator(".cm-content").waitFor();
  await waitForStatus(page, "running");
  return { page, errors, context };
}

export async function waitForStatus(page, status) {
  await page.waitForFunction(
    (expected) => document.querySelector("[data-testid=server-status]")?.textContent === expected,
    status,
    { timeout: 10_000 },
  );
}

/** Opens a built-in lesson from the Lessons menu and waits until its app is running. */
export async function openLesson(page, id) {
  await page.locator(".lessons-menu > summary").click();
  await page.locator(`[data-testid=lesson-item][data-lesson-id="${id}"] button`).click();
  await page.locator(`.lesson[data-lesson-id="${id}"]`).waitFor();
  await waitForStatus(page, "running");
}

/** The lesson's goals in `scope` (a page or a frame) as `id:state`, with " (pending)" on a goal
 * still waiting for its action. */
export const goalStates = (scope) =>
  scope
    .getByTestId("lesson-goal")
    .evaluateAll((goals) => goals.map((goal) => `${goal.dataset.goalId}:${goal.dataset.state}${goal.classList.contains("pending") ? " (pending)" : ""}`));

/** Types a path into the address bar and presses Enter. */
export async function go(page, path) {
  const bar = page.getByTestId("address-bar");
  await bar.fill(path);
  await bar.press("Enter");
}

/** The visible text of the active profile's page (frame content included). */
export async function pageText(page) {
  const frame = page.getByTestId("page").locator("iframe");
  if (await frame.count()) return (await frame.contentFrame().locator("body").innerText()).trim();
  return (await page.getByTestId("page").innerText()).trim();
}

/** The editor's whole text, line by line as CodeMirror renders it. */
export async function editorText(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("[data-testid=editor] .cm-line")].map((line) => line.textContent).join("\n"),
  );
}

/**
 * Replaces the whole source the way the UI contract says a learner can: click, Ctrl+A, insert.
 * Waits until the editor holds exactly `source` (CodeMirror has then told the page), so the next
 * request is served by that code. Under a loaded machine a select-all was once seen not to take
 * (the text landed inside the old source), so a mismatch is retried once and then reported in full.
 */
export async function setCode(page, source) {
  const want = source.replace(/\n+$/, "");
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId("editor").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(source);
    try {
      await page.waitForFunction(
        (text) =>
          [...document.querySelectorAll("[data-testid=editor] .cm-line")]
            .map((line) => line.textContent)
            .join("\n")
            .replace(/\n+$/, "") === text,
        want,
        { timeout: 3_000 },
      );
      return;
    } catch (error) {
      if (attempt >= 2) {
        throw new Error(`the editor does not hold the inserted source; it holds:\n${await editorText(page)}`, {
          cause: error,
        });
      }
    }
  }
}

/**
 * Waits until the page shows `expected` (an srcdoc frame loads asynchronously after the state
 * changed), then asserts it — the failure message carries the text that was last seen.
 */
export async function expectPageText(page, expected, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  let seen;
  for (;;) {
    try {
      seen = await pageText(page);
    } catch (error) {
      seen = `(page not readable: ${error.message})`;
    }
    if (seen === expected || Date.now() > deadline) break;
    await page.waitForTimeout(25);
  }
  assert.equal(seen, expected);
}

/** Waits until the status code reads `expected` (the render follows the key press). */
export async function expectStatus(page, expected, timeout = 5_000) {
  await page
    .waitForFunction((want) => document.querySelector("[data-testid=status-code]")?.textContent === want, expected, { timeout })
    .catch(() => {});
  assert.equal(await page.getByTestId("status-code").innerText(), expected);
}

/**
 * Asserts that `read()` comes to equal `expected` (or match it, for a RegExp) within `timeout`:
 * the page renders after the event that changed its state, so a read right after an action may
 * still see the state before it.
 */
export async function eventually(read, expected, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  const ok = (value) => (expected instanceof RegExp ? expected.test(value) : value === expected);
  let seen = await read();
  while (!ok(seen) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    seen = await read();
  }
  if (expected instanceof RegExp) assert.match(seen, expected);
  else assert.equal(seen, expected);
}

/** "Next step" to the end of a lesson's script in `scope` (a page or a frame); a prediction
 * asked before a step gets its first option (predictions are not graded, the step runs next). */
export async function playScript(scope) {
  const next = scope.getByTestId("lesson-next");
  const predict = scope.getByTestId("predict-option");
  while ((await next.count()) || (await predict.count())) {
    if (await next.count()) await next.click();
    else await predict.first().click();
  }
}
