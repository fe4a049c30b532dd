// Issue 17, by keyboard alone: lesson 1 ("Who is the authority on session data?") from the
// welcome to "Lesson done", with no mouse event at all and no "Next step", and every control the
// focus lands on draws a visible focus ring. Everything is done by hand: logging in with the
// app's own form (Tab into the page, a name, Enter), requests from the address bar, the session's
// payload rewritten in the dev tools' Session tab and the cookie edited in its table, the session
// mode chosen in the server pane, the quiz answered.
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

/**
 * Logs in with the app's form at /login, by keyboard: the address bar, Tab into the page (the
 * name field is its first control), the name, Enter (the form's own submission).
 */
async function logIn(page, name) {
  await visit(page, "/login");
  await eventually(() => page.getByTestId("page").locator("iframe").contentFrame().locator("input[name=username]").count(), 1);
  await tabTo(page, "[data-testid=page] iframe");
  const field = () =>
    page.getByTestId("page").locator("iframe").contentFrame().locator("input[name=username]").evaluate((input) => input === input.ownerDocument.activeElement);
  await eventually(field, true);
  // The page's shortcuts are heard inside the response's frame too: Ctrl+L from the form's field
  // goes to the address bar; Tab comes back to the field.
  await page.keyboard.press("Control+l");
  await eventually(() => page.evaluate(() => document.activeElement?.dataset.testid ?? null), "address-bar");
  await tabTo(page, "[data-testid=page] iframe");
  await eventually(field, true);
  await page.keyboard.type(name);
  await page.keyboard.press("Enter");
  await eventually(() => page.getByTestId("page").locator("iframe").contentFrame().locator("input[name=username]").count(), 0);
  await tabTo(page, "[data-testid=address-bar]", { shift: true });
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

  // The quiz comes first, and the goals stay folded until it is answered (they would tell).
  assert.equal(await page.getByTestId("lesson-goals").evaluate((details) => details.open), false, "goals folded before the quiz");
  await tabTo(page, ".quiz-option:nth-child(3) .quiz-pick");
  await page.keyboard.press("Enter");
  await eventually(() => page.locator(".quiz-option.right").count(), 1);
  assert.equal((await page.locator(".quiz-feedback").innerText()).match(/Right/g)?.length ?? 0, 1, "one Right");
  await eventually(() => page.getByTestId("lesson-goals").evaluate((details) => details.open), true);

  // Alice logs in by hand: the address bar starts at the lesson's login form.
  assert.equal(await page.getByTestId("address-bar").inputValue(), "http://localhost/login");
  await logIn(page, "alice");
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

  // A server-side store: the switch alone meets nothing (the last request was the unsigned
  // mode's); a login in this mode does.
  await chooseMode(page, "server");
  await page.waitForTimeout(300);
  assert.equal((await goals(page))["server-store"], "unmet", "the mode switch alone does not tick the goal");
  await logIn(page, "alice");
  await expectPageText(page, "Hello, alice! Admin: False");
  await eventually(async () => Object.values(await goals(page)).join(), "met,met,met,met,met,met");

  // Done: no step is offered any more, and the next lesson is.
  assert.equal(await page.getByTestId("lesson-next").count(), 0, "no Next step once every goal is met");
  await tabTo(page, "[data-testid=next-lesson]");
  assert.match(await page.getByTestId("next-lesson").innerText(), /Next lesson →/);
  await screenshot(page, "keyboard-lesson-1-done");
  assert.equal(await page.evaluate(() => window.__mouse ?? 0), 0, "no mouse event reached the page");
  // Chromium reports the sandbox refusing script in the response's frame when a form in it is
  // submitted from the keyboard: the sandbox doing its job (no script runs from a response).
  const sandbox = /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/;
  assert.deepEqual(errors.filter((error) => !sandbox.test(error)), []);
  await context.close();
});
