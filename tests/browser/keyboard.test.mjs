// Issue 17, by keyboard alone: lesson 1 ("Who is the authority on session data?") from the
// welcome to "Lesson done", with no mouse event at all, and every control the focus lands on
// draws a visible focus ring. Where the lesson's app offers no form (its login is a POST), the
// lesson's own "Next step" logs Alice in; everything else is done by hand: requests from the
// address bar, the session's payload rewritten in the dev tools' Session tab and the cookie
// edited in its table, the session mode chosen in the server pane, the quiz answered.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { screenshot, start } from "./harness.mjs";
import { eventually, expectPageText, waitForStatus } from "./workspace.mjs";

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.stop();
});

/** What has the focus, and whether it draws a ring (outline or box shadow) people can see. */
const focusState = (page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { tag: "BODY", ring: false, name: "" };
    // CodeMirror rings the editor around its editable element; a focused page frame is ringed
    // by the page around it.
    const drawn = element.closest(".cm-editor") ?? (element.tagName === "IFRAME" ? element.parentElement : element);
    const style = getComputedStyle(drawn);
    const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
    const name = (element.getAttribute("aria-label") || element.textContent || "").trim().slice(0, 40);
    return { tag: element.tagName, ring, name, testid: element.dataset?.testid ?? "" };
  });

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector`. Every stop on the way
 * must draw a focus ring; the editor is never crossed (it keeps Tab for indenting).
 */
async function tabTo(page, selector, { max = 80, shift = false } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? "Shift+Tab" : "Tab");
    const state = await focusState(page);
    if (state.tag !== "BODY") assert.ok(state.ring, `no visible focus on ${JSON.stringify(state)}`);
    const where = await page.evaluate((wanted) => {
      const element = document.activeElement;
      return { match: !!element?.matches(wanted), editor: !!element?.closest(".cm-editor") };
    }, selector);
    if (where.match) return;
    assert.ok(!where.editor, `reaching ${selector} crossed the editor`);
  }
  assert.fail(`${selector} not reached in ${max} presses of Tab`);
}

const goals = (page) =>
  page.getByTestId("lesson-goal").evaluateAll((items) =>
    Object.fromEntries(items.map((item) => [item.dataset.goalId, item.dataset.state])),
  );

/** Ctrl+L, a path, Enter: a request from the address bar. */
async function visit(page, path) {
  await page.keyboard.press("Control+l");
  await eventually(() => page.evaluate(() => document.activeElement?.dataset?.testid), "address-bar");
  await page.keyboard.press("Control+a");
  await page.keyboard.type(`http://localhost${path}`);
  await page.keyboard.press("Enter");
}

/** Edits the `session` cookie in the dev tools: the Cookies tab, its Edit button, the new value, Enter. */
async function editSessionCookie(page, value) {
  await tabTo(page, "#devtools-tab-0");
  await page.keyboard.press("Enter");
  await tabTo(page, '[data-testid=cookie-row][data-cookie-name="session"] button[aria-label^="Edit cookie"]');
  await page.keyboard.press("Enter");
  await eventually(() => page.evaluate(() => document.activeElement?.classList.contains("cookie-value-input")), true);
  await page.keyboard.press("Control+a");
  await page.keyboard.type(value);
  await page.keyboard.press("Enter");
  await eventually(
    () => page.locator('[data-testid=cookie-row][data-cookie-name="session"] [data-testid=cookie-value]').getAttribute("title"),
    value,
  );
}

/** Rewrites the session's payload in the dev tools' Session tab (no base64 by hand) and saves it. */
async function editPayload(page, json) {
  await tabTo(page, "#devtools-tab-2");
  await page.keyboard.press("Enter");
  await tabTo(page, "[data-testid=session-edit] > summary");
  if (!(await page.getByTestId("session-edit").evaluate((details) => details.open))) await page.keyboard.press("Enter");
  await tabTo(page, "[data-testid=session-payload]");
  await page.keyboard.press("Control+a");
  await page.keyboard.type(json);
  await tabTo(page, "[data-testid=session-save]");
  await page.keyboard.press("Enter");
}

/** Chooses a session mode in the server pane's list with the arrow keys. */
async function chooseMode(page, mode) {
  await tabTo(page, ".session-mode select");
  for (let i = 0; i < 3 && (await page.locator(".session-mode select").inputValue()) !== mode; i++) {
    await page.keyboard.press("ArrowDown");
  }
  assert.equal(await page.locator(".session-mode select").inputValue(), mode);
  await waitForStatus(page, "running");
}

test("lesson 1, done with the keyboard alone, the focus always in view", async () => {
  const { page, errors, context } = await harness.newPage({ viewport: { width: 1280, height: 800 } });
  // Any mouse event in the page fails the test: this is the keyboard's path.
  await page.addInitScript(() => {
    for (const type of ["mousedown", "mouseup", "click", "pointerdown"]) {
      window.addEventListener(type, (event) => {
        if (event.isTrusted && event.detail > 0) window.__mouse = (window.__mouse ?? 0) + 1;
      }, true);
    }
  });
  await page.goto(harness.url);
  await page.getByTestId("editor").locator(".cm-content").waitFor({ state: "attached" });
  await waitForStatus(page, "running");

  // From the welcome's list of lessons.
  await tabTo(page, ".welcome-lessons button[data-lesson=server-authority]");
  await page.keyboard.press("Enter");
  await page.locator(".lesson[data-lesson-id=server-authority]").waitFor();
  await eventually(() => page.evaluate(() => document.activeElement?.className), /lesson-title/);

  // Alice logs in (the app's login is a POST with no form: the lesson's step does it).
  await tabTo(page, "[data-testid=lesson-next]");
  await page.keyboard.press("Enter");
  await expectPageText(page, "Hello, alice! Admin: False");
  // The admin page says no.
  await visit(page, "/admin");
  await expectPageText(page, "Admins only");
  await eventually(async () => (await goals(page)).refused, "met");

  // Tamper with the signed cookie's payload in the dev tools: Flask rejects it, Alice is logged out.
  await editPayload(page, '{"is_admin":true,"user":"alice"}');
  await eventually(() => page.locator(".session-verdict").innerText(), /rejected: the signature does not match/);
  await page.keyboard.press("Control+Enter");
  await expectPageText(page, "Admins only");
  await visit(page, "/");
  await expectPageText(page, "Not logged in");
  await eventually(async () => {
    const now = await goals(page);
    return [now.readable, now.refused, now.rejected, now.reset].join();
  }, "met,met,met,met");

  // Unsigned: the same edit, without a signature, makes her an admin.
  await chooseMode(page, "unsigned");
  await editSessionCookie(page, "eyJpc19hZG1pbiI6dHJ1ZSwidXNlciI6ImFsaWNlIn0");
  await visit(page, "/admin");
  await expectPageText(page, "Welcome to the admin page");
  await eventually(async () => (await goals(page))["unsigned-admin"], "met");

  // A server-side store. The goal reads the session of the last request, so today it ticks on
  // the switch alone (the request before it, in the unsigned mode, saw Alice's session: issue 17
  // asks for it to wait for a login in this mode). If it waits, Enter on "Next step" plays the
  // lesson's steps until its login in this mode (the focus stays on the button between steps).
  await chooseMode(page, "server");
  if ((await goals(page))["server-store"] !== "met") {
    await tabTo(page, "[data-testid=lesson-next]");
    for (let i = 0; i < 12 && (await goals(page))["server-store"] !== "met"; i++) {
      assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), "lesson-next");
      await page.keyboard.press("Enter");
      await page.waitForTimeout(150);
    }
  }
  await eventually(async () => Object.values(await goals(page)).join(), "met,met,met,met,met,met");

  // The quiz, then the next lesson is offered.
  await tabTo(page, ".quiz-option:nth-child(3) .quiz-pick");
  await page.keyboard.press("Enter");
  await eventually(() => page.locator(".quiz-option.right").count(), 1);
  await tabTo(page, "[data-testid=next-lesson]");
  assert.match(await page.getByTestId("next-lesson").innerText(), /Next lesson →/);
  await screenshot(page, "keyboard-lesson-1-done");
  assert.equal(await page.evaluate(() => window.__mouse ?? 0), 0, "no mouse event reached the page");
  assert.deepEqual(errors, []);
  await context.close();
});
