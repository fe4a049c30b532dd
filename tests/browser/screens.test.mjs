// Issue 17: the page at first sight, at every size, and by keyboard. Screenshots of the first
// view, a lesson mid-way, the dev tools and the server pane at four sizes (none scrolls
// sideways); the cookie table's actions in view at 1280×800; the count lesson done with the
// keyboard alone; axe-core finds no serious or critical violation, light or dark.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { screenshot, start } from "./harness.mjs";
import { eventually, expectPageText, go, setCode, waitForStatus } from "./workspace.mjs";

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.stop();
});

const SIZES = [
  [1920, 1080],
  [1280, 800],
  [768, 1024],
  [390, 844],
];

async function openAt(width, height, colorScheme = "light", extra = {}) {
  const { page, errors, context } = await harness.newPage({ viewport: { width, height }, colorScheme, ...extra });
  await page.goto(harness.url);
  await page.getByTestId("editor").locator(".cm-content").waitFor({ state: "attached" });
  await waitForStatus(page, "running");
  return { page, errors, context };
}

/** How far the page scrolls sideways (0 when it fits). */
const sideways = (page) =>
  page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);

/** In the narrow layout, shows a pane by its tab; on a wide screen every pane is there already. */
async function showPane(page, label) {
  const narrow = await page.evaluate(() => matchMedia("(max-width: 900px)").matches);
  if (narrow) await page.locator(".pane-tab", { hasText: label }).click();
}

/** Whether the element's centre is on screen and the element is what is drawn there. */
const reallyVisible = (locator) =>
  locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return false;
    const hit = document.elementFromPoint(x, y);
    return hit === element || element.contains(hit);
  });

for (const [width, height] of SIZES) {
  test(`at ${width}×${height}: first view, lesson, dev tools and server, without sideways scroll`, async () => {
    const name = `${width}x${height}`;
    const { page, errors, context } = await openAt(width, height);
    // First view: a welcome that says where to start.
    await showPane(page, "Lesson");
    const startHere = page.getByTestId("start-here");
    assert.ok(await startHere.isVisible(), "Start here is in view");
    assert.match(await startHere.innerText(), /Start here → Counting visits/);
    assert.ok(await sideways(page) <= 0, `first view scrolls sideways by ${await sideways(page)} px`);
    await screenshot(page, `screens-${name}-first-view`);

    // A lesson mid-way: two of its steps played.
    await startHere.click();
    await page.locator(".lesson[data-lesson-id=count]").waitFor();
    // The address bar starts at the lesson's own start path.
    await eventually(() => page.getByTestId("address-bar").inputValue(), "http://localhost/count");
    for (let step = 0; step < 2; step++) {
      await showPane(page, "Lesson");
      await page.getByTestId("lesson-next").click();
    }
    await expectPageText(page, "Visit number: 2");
    // In the narrow layout the step's result (the browser) was brought into view.
    assert.ok(await page.getByTestId("page").isVisible(), "the page with the result is in view");
    assert.ok(await sideways(page) <= 0, `lesson scrolls sideways by ${await sideways(page)} px`);
    await screenshot(page, `screens-${name}-lesson-result`);
    await showPane(page, "Lesson");
    await screenshot(page, `screens-${name}-lesson`);

    // The dev tools: the cookie, its attributes and actions.
    await showPane(page, "Dev tools");
    const row = page.locator('[data-testid=cookie-row][data-cookie-name="session"]');
    await row.waitFor();
    assert.ok(await sideways(page) <= 0, `dev tools scroll sideways by ${await sideways(page)} px`);
    // Every dev-tools tab is on screen: none hidden past the pane's edge.
    for (const tab of await page.getByRole("tab").all()) {
      assert.ok(await reallyVisible(tab), `the dev-tools tab "${await tab.innerText()}" is in view`);
    }
    await screenshot(page, `screens-${name}-devtools`);
    await page.getByRole("tab", { name: "Session" }).click();
    assert.ok(await reallyVisible(page.locator(".session-verdict")), "the session's verdict is in view");
    await screenshot(page, `screens-${name}-devtools-session`);
    await page.getByRole("tab", { name: "Diagram" }).click();
    assert.ok(await sideways(page) <= 0, `diagram scrolls the page sideways by ${await sideways(page)} px`);
    const fontPx = await page.locator(".seq text").first().evaluate((text) => text.getBoundingClientRect().height);
    assert.ok(fontPx >= 10, `diagram text is ${fontPx} px high`);
    await screenshot(page, `screens-${name}-devtools-diagram`);

    // The server pane.
    await showPane(page, "Server");
    await page.getByTestId("server-log").waitFor();
    assert.ok(await page.getByTestId("server-log").isVisible());
    assert.ok(await sideways(page) <= 0, `server pane scrolls sideways by ${await sideways(page)} px`);
    await screenshot(page, `screens-${name}-server`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("at 1280×800 every column and action of the cookie table is in view", async () => {
  const { page, errors, context } = await openAt(1280, 800);
  await page.getByTestId("start-here").click();
  await page.getByTestId("lesson-next").click();
  const row = page.locator('[data-testid=cookie-row][data-cookie-name="session"]');
  await row.waitFor();
  for (const name of [/Edit cookie session/, /Delete cookie session/, /Copy cookie session/]) {
    const control = row.getByRole(/Copy/.test(String(name)) ? "combobox" : "button", { name });
    assert.ok(await reallyVisible(control), `${name} is in view`);
  }
  const details = page.locator('[data-cookie-details="session"]');
  for (const column of ["Domain", "Path", "Expires", "Size", "HttpOnly", "Secure", "SameSite"]) {
    const part = details.getByText(column, { exact: false }).first();
    assert.ok(await reallyVisible(part), `${column} is in view`);
  }
  // The panes say what they are, and the editor says how to leave it by keyboard.
  assert.ok(await reallyVisible(page.getByRole("heading", { name: "Dev tools", exact: true })), "the Dev tools title is in view");
  const hint = page.locator("#editor-keys");
  assert.ok(await reallyVisible(hint), "the editor's keyboard hint is in view");
  assert.match(await hint.innerText(), /Esc then Tab leaves the editor/);
  // The step-through's variables fit the server pane (step.test.mjs checks they are unclipped).
  await page.getByRole("button", { name: /Step through/ }).first().click().catch(() => {});
  assert.ok(await sideways(page) <= 0);
  await screenshot(page, "screens-1280x800-cookie-actions");
  assert.deepEqual(errors, []);
  await context.close();
});

/** Presses Tab until the focused element matches `selector`; fails if the editor is crossed. */
async function tabTo(page, selector, { max = 60, avoidEditor = true, shift = false } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? "Shift+Tab" : "Tab");
    const where = await page.evaluate((wanted) => {
      const element = document.activeElement;
      return { match: !!element?.matches(wanted), editor: !!element?.closest(".cm-editor") };
    }, selector);
    if (where.match) return;
    if (where.editor) {
      assert.ok(!avoidEditor, `reaching ${selector} crossed the editor`);
      await page.keyboard.press("Escape");
    }
  }
  assert.fail(`${selector} not reached in ${max} Tab presses`);
}

const focused = (page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return element ? `${element.tagName.toLowerCase()}${element.dataset.testid ? `[${element.dataset.testid}]` : ""}.${element.className}` : "none";
  });

test("the count lesson, completed with the keyboard alone", async () => {
  const { page, errors, context } = await openAt(1280, 800);
  await page.keyboard.press("Tab");
  await tabTo(page, "[data-testid=start-here]");
  await page.keyboard.press("Enter");
  await page.locator(".lesson[data-lesson-id=count]").waitFor();
  // Choosing the lesson put the focus on its title, not on the body.
  await eventually(() => focused(page), /^h2\.lesson-title/);
  // Three visits from the address bar: Ctrl+L, a path, Enter; then Ctrl+Enter sends it again.
  await page.keyboard.press("Control+l");
  await eventually(() => focused(page), /address-bar/);
  await page.keyboard.type("http://localhost/count");
  await page.keyboard.press("Enter");
  await expectPageText(page, "Visit number: 1");
  await page.keyboard.press("Control+Enter");
  await expectPageText(page, "Visit number: 2");
  await page.keyboard.press("Control+Enter");
  await expectPageText(page, "Visit number: 3");
  // Close the browser: the focus goes to "Open browser", then to the address bar.
  await tabTo(page, "[data-testid=close-browser]", { shift: true });
  await page.keyboard.press("Enter");
  await eventually(() => focused(page), /open-browser/);
  await page.keyboard.press("Enter");
  await eventually(() => focused(page), /address-bar/);
  await page.keyboard.press("Enter");
  await expectPageText(page, "Visit number: 1");
  await eventually(
    () => page.getByTestId("lesson-goal").evaluateAll((goals) => goals.map((goal) => goal.dataset.state).join(",")),
    "met,met,met",
  );
  // The quiz is reached from the lesson without crossing the editor: after a reload (F5) the
  // work is back, and the first Tab is the "Jump to" links, which lead to the lesson.
  await page.waitForTimeout(800); // the autosave (at most 300 ms behind)
  await page.reload();
  await page.locator(".lesson[data-lesson-id=count]").waitFor();
  await waitForStatus(page, "running");
  await page.keyboard.press("Tab");
  await eventually(() => focused(page), /pane-tab/);
  await page.keyboard.press("Enter");
  await tabTo(page, ".quiz-pick");
  await tabTo(page, ".quiz-option:nth-child(2) .quiz-pick"); // "Visit number: 1"
  await page.keyboard.press("Enter");
  await eventually(() => page.locator(".quiz-option.right").count(), 1);
  assert.equal((await page.locator(".quiz-feedback").innerText()).match(/Right/g)?.length ?? 0, 1, "one Right");
  // Done, and the next lesson is offered.
  await tabTo(page, "[data-testid=next-lesson]");
  await screenshot(page, "screens-keyboard-count-done");
  assert.match(await page.getByTestId("next-lesson").innerText(), /Next lesson →/);
  // "?" opens the shortcuts; Escape closes them.
  await page.locator(".lesson-title").focus();
  await page.keyboard.press("?");
  await page.locator("#help-dialog[open]").waitFor();
  assert.match(await page.locator("#help-dialog").innerText(), /Esc, then Tab/);
  await screenshot(page, "screens-help-dialog");
  await page.keyboard.press("Escape");
  await eventually(() => page.locator("#help-dialog[open]").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

/** axe-core's serious and critical violations on the page as it is. */
async function axeProblems(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const outcome = await window.axe.run(document, { resultTypes: ["violations"] });
    return outcome.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.slice(0, 4).map((node) => `${node.target.join(" ")} ${node.failureSummary ?? ""}`).join(" | ")}`);
  });
}

// Every size the layout has (two panes side by side, the tabbed one, a phone), light and dark.
// In the tabbed layout only the pane on show is in the document's view, so each is shown in turn.
for (const [width, height] of SIZES.slice(1)) {
  for (const colorScheme of ["light", "dark"]) {
    test(`axe-core at ${width}×${height} (${colorScheme}): no serious or critical violations`, async () => {
      // The page's own CSP forbids inline scripts; axe is injected as one, so this context bypasses it.
      const { page, errors, context } = await openAt(width, height, colorScheme, { bypassCSP: true });
      const found = {};
      await showPane(page, "Lesson");
      found["first view"] = await axeProblems(page);
      await page.getByTestId("start-here").click();
      for (let step = 0; step < 2; step++) {
        await showPane(page, "Lesson");
        await page.getByTestId("lesson-next").click();
      }
      await expectPageText(page, "Visit number: 2");
      found["browser"] = await axeProblems(page);
      await showPane(page, "Lesson");
      found.lesson = await axeProblems(page);
      await showPane(page, "Code");
      // The cursor's line is drawn differently (the active line): axe sees the code on it too.
      await page.locator(".cm-content").focus();
      found.code = await axeProblems(page);
      await page.keyboard.press("Escape");
      await showPane(page, "Dev tools");
      for (const tab of ["Cookies", "Network", "Session", "Timeline", "Diagram", "Script"]) {
        await page.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
        found[`dev tools: ${tab}`] = await axeProblems(page);
      }
      await showPane(page, "Server");
      found.server = await axeProblems(page);
      const problems = Object.entries(found).filter(([, list]) => list.length);
      assert.deepEqual(problems, [], JSON.stringify(problems, null, 1));
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test("a share link pasted into an open playground tab opens at once", async () => {
  const { page, errors, context } = await openAt(1280, 800);
  await page.getByTestId("start-here").click();
  await page.getByTestId("lesson-next").click();
  await expectPageText(page, "Visit number: 1");
  await page.getByTestId("share").click();
  const url = await page.getByTestId("share-url").inputValue();
  assert.ok(await page.getByTestId("share-copy").isVisible(), "a Copy button beside the link");
  const other = await openAt(1280, 800);
  await other.page.evaluate((link) => { window.location.href = link; }, url);
  await expectPageText(other.page, "Visit number: 1");
  const notice = other.page.getByTestId("notice");
  await eventually(() => notice.getAttribute("class"), /notice-info/);
  assert.deepEqual(other.errors, []);
  await other.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test("the welcome, once put away, stays away on the next visit; the help dialog brings it back", async () => {
  const { page, errors, context } = await openAt(1280, 800);
  assert.ok(await page.getByTestId("welcome").isVisible(), "a first visit shows the welcome");
  await page.getByTestId("hide-welcome").click();
  await eventually(() => page.getByTestId("welcome").isVisible(), false);
  await eventually(() => page.evaluate(() => document.activeElement?.dataset?.testid), "address-bar");
  await page.reload();
  await waitForStatus(page, "running");
  await page.waitForTimeout(300);
  assert.equal(await page.getByTestId("welcome").isVisible(), false, "the welcome stays away after a reload");
  // A new tab of the same site (same storage) remembers it too.
  const other = await context.newPage();
  await other.goto(harness.url);
  await waitForStatus(other, "running");
  assert.equal(await other.getByTestId("welcome").isVisible(), false, "and in another tab");
  await other.close();
  // "?" then "Show the welcome again".
  await page.locator("body").press("?");
  await page.locator("#help-dialog[open]").waitFor();
  await page.getByTestId("show-welcome").click();
  await eventually(() => page.locator("#help-dialog[open]").count(), 0);
  await eventually(() => page.getByTestId("start-here").isVisible(), true);
  await eventually(() => page.evaluate(() => document.activeElement?.dataset?.testid), "start-here");
  await page.reload();
  await waitForStatus(page, "running");
  assert.ok(await page.getByTestId("start-here").isVisible(), "brought back, it stays back");
  assert.deepEqual(errors, []);
  await context.close();
});

// Issue 21's first impression on a tablet or a phone: a student who has never used the page
// opens a teacher's link of requests and lands on its result, not on the welcome; a link of
// code alone opens on the editor. (The welcome is still one tab away.)
test("a share link opened cold on a tablet or a phone shows what was shared", async () => {
  const { page: maker, context: makerContext } = await openAt(1280, 800);
  const codeOnly = await share(maker);
  // The open share box leaves the header's menus and Share itself in reach (at 1280 it covered
  // "Saved", "Teach" and Share).
  for (const control of [...(await maker.locator("nav.lessons summary").all()), maker.getByTestId("share")]) {
    await control.click({ trial: true, timeout: 2_000 });
  }
  await go(maker, "/count");
  await expectPageText(maker, "Visit number: 1");
  const visited = await share(maker);
  await makerContext.close();
  for (const [width, height] of [[768, 1024], [390, 844]]) {
    const { page, errors, context } = await harness.newPage({ viewport: { width, height } });
    await page.goto(visited);
    await expectPageText(page, "Visit number: 1");
    assert.ok(await reallyVisible(page.getByTestId("page")), `the result is in view at ${width}`);
    assert.equal(await page.locator(".pane-tab[aria-current=true]").innerText(), "Browser");
    await screenshot(page, `screens-${width}x${height}-link-result`);
    // The same rule for a link opened in the open tab (a new address fragment).
    await page.evaluate((link) => (location.hash = new URL(link).hash), codeOnly);
    await eventually(() => page.locator(".pane-tab[aria-current=true]").innerText(), "Code");
    assert.deepEqual(errors, []);
    await context.close();
    // And cold.
    const cold = await harness.newPage({ viewport: { width, height } });
    await cold.page.goto(codeOnly);
    await cold.page.getByTestId("editor").locator(".cm-content").waitFor();
    await eventually(() => cold.page.locator(".pane-tab[aria-current=true]").innerText(), "Code");
    assert.ok(await reallyVisible(cold.page.getByTestId("editor")), `the editor is in view at ${width}`);
    assert.deepEqual(cold.errors, []);
    await cold.context.close();
  }
});

/** The page's share link of its present state (the Share dialog's address). */
async function share(page) {
  await page.getByTestId("share").click();
  return page.getByTestId("share-url").inputValue();
}

test("on a phone: the result comes into view with a way back, and every dev-tools tab is reachable", async () => {
  const { page, errors, context } = await openAt(390, 844);
  await page.getByTestId("start-here").click();
  await page.getByTestId("lesson-next").click();
  await expectPageText(page, "Visit number: 1");
  // The step's result is on show, and "← Back to Lesson" returns to the step box.
  assert.ok(await reallyVisible(page.getByTestId("page")), "the result is in view");
  const back = page.getByTestId("pane-back");
  assert.ok(await reallyVisible(back), "a way back is in view");
  assert.match(await back.innerText(), /Back to Lesson/);
  await screenshot(page, "screens-390x844-back-to-lesson");
  await back.click();
  assert.ok(await reallyVisible(page.getByTestId("lesson-next")), "back at the lesson's next step");
  assert.equal(await back.count(), 0, "the way back goes once it is used");
  // Every pane tab and every dev-tools tab lies inside the screen (nothing cut off at the edge).
  const outside = (selector) =>
    page.locator(selector).evaluateAll((items) =>
      items.filter((item) => {
        const box = item.getBoundingClientRect();
        return box.left < 0 || box.right > window.innerWidth + 0.5;
      }).map((item) => item.textContent));
  assert.deepEqual(await outside(".pane-tab"), []);
  await showPane(page, "Dev tools");
  assert.deepEqual(await outside(".devtools-tab"), []);
  for (const tab of ["Cookies", "Network", "Session", "Timeline", "Diagram"]) {
    const control = page.getByRole("tab", { name: new RegExp(`^${tab}`) });
    assert.ok(await reallyVisible(control), `${tab} is in view`);
  }
  assert.ok(await sideways(page) <= 0, `the dev tools scroll sideways by ${await sideways(page)} px`);
  await screenshot(page, "screens-390x844-devtools-tabs");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the Session tab edits the decoded payload: the old signature kept, or signed with a typed key", async () => {
  const { page, errors, context } = await openAt(1280, 800);
  await page.locator(".welcome-lessons button[data-lesson=server-authority]").click();
  await page.getByTestId("lesson-next").click();
  await expectPageText(page, "Hello, alice! Admin: False");
  await page.getByRole("tab", { name: "Session" }).click();
  const editor = page.getByTestId("session-edit");
  await editor.locator("summary").click();
  // What the cookie holds, as Flask wrote it, is there to edit.
  assert.equal(await page.getByTestId("session-payload").inputValue(), '{"is_admin":false,"user":"alice"}');
  // Not JSON: refused, and said so.
  await page.getByTestId("session-payload").fill('{"is_admin": true');
  await page.getByTestId("session-save").click();
  assert.match(await editor.getByRole("alert").innerText(), /Not saved: the payload is not JSON/);
  // Without the key: the signature no longer matches.
  await page.getByTestId("session-payload").fill('{"is_admin":true,"user":"alice"}');
  await page.getByTestId("session-save").click();
  await eventually(() => page.locator(".session-verdict").innerText(), /rejected: the signature does not match/);
  await go(page, "/admin");
  await expectPageText(page, "Admins only");
  // A wrong key is no better; the app's own key ('change-me') makes a forgery the app accepts.
  for (const [secret, expected] of [["guess", "Admins only"], ["change-me", "Welcome to the admin page"]]) {
    await page.getByTestId("session-payload").fill('{"is_admin":true,"user":"alice"}');
    await page.getByTestId("session-secret").fill(secret);
    await page.getByTestId("session-save").click();
    await go(page, "/admin");
    await expectPageText(page, expected);
  }
  await screenshot(page, "screens-session-payload-editor");
  assert.deepEqual(errors, []);
  await context.close();
});

test("small things: the clock's Go, a 500 that leads to the server log, the page's words explained", async () => {
  const { page, errors, context } = await openAt(1280, 800);
  // The clock box: a typed duration and Go (not only Enter).
  assert.match(await page.getByTestId("clock-now").innerText(), /T00:00:00Z$/);
  await page.getByTestId("clock-input").fill("2h");
  await page.getByTestId("clock-go").click();
  await eventually(() => page.getByTestId("clock-now").innerText(), /T02:00:00Z$/);
  // A 500 says where its traceback is, and the link puts the focus on the server log.
  await setCode(page, "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/boom')\ndef boom():\n    return 1 / 0\n");
  await waitForStatus(page, "running");
  await go(page, "/boom");
  const note = page.locator(".server-error-note");
  await note.waitFor();
  assert.match(await note.innerText(), /traceback is in the server log/);
  await note.getByRole("button", { name: "server log" }).click();
  await eventually(() => page.evaluate(() => document.activeElement?.dataset?.testid), "server-log");
  assert.match(await page.getByTestId("server-log").innerText(), /ZeroDivisionError: division by zero/);
  // "Continue where you left off" and "flask run" are explained in the help dialog.
  await page.locator("body").press("?");
  await page.locator("#help-dialog[open]").waitFor();
  const words = await page.getByTestId("help-words").innerText();
  assert.match(words, /Continue where you left off\s+Chrome's start-up setting/);
  assert.match(words, /dev server \(flask run\)\s+The simulated development server/);
  await screenshot(page, "screens-help-words");
  await page.keyboard.press("Escape");
  assert.deepEqual(errors, []);
  await context.close();
});
