// The step-through: a request of the timeline re-run line by line, with the line marked in the
// editor, the variables and the session before each line, and the session reads and writes.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { screenshot, start } from "./harness.mjs";
import { eventually, expectPageText, go, open } from "./workspace.mjs";

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.stop();
});

/** Whether the element's whole box is on screen and not clipped by a scrolling ancestor. */
const fullyInView = (locator) =>
  locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    if (box.top < 0 || box.left < 0 || box.bottom > window.innerHeight || box.right > window.innerWidth) return false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (!/(auto|scroll|hidden)/.test(style.overflowY + style.overflowX)) continue;
      const clip = parent.getBoundingClientRect();
      if (box.top < clip.top - 1 || box.bottom > clip.bottom + 1) return false;
    }
    return true;
  });
const position = (page) => page.getByTestId("step-position").innerText();
const editorLine = (page) =>
  page.evaluate(() => document.querySelector("[data-testid=editor] .cm-step-line")?.textContent ?? null);

test("the second /count visit steps through line by line, marking the session's reads and writes", async () => {
  const { page, errors, context } = await open(harness);
  for (let visit = 1; visit <= 3; visit++) {
    await go(page, "/count");
    await expectPageText(page, `Visit number: ${visit}`);
  }
  // Show the second visit (a rewind), then step through it.
  await page.getByRole("tab", { name: /Timeline/ }).click();
  await page.getByTestId("timeline-entry").nth(1).getByRole("button").click();
  await page.getByTestId("step-through-start").click();
  const panel = page.getByTestId("step-through");
  await eventually(() => position(page), "step 1 of 3 · line 8 in count()");
  await eventually(() => editorLine(page), "    if 'visits' in session:");
  assert.match(await panel.getByTestId("step-session").innerText(), /\{'visits': 1\}[\s\S]*this line tests 'visits' in session/);
  // The page shows the state right after that visit while stepping.
  await expectPageText(page, "Visit number: 2");

  await page.getByTestId("step-next").click();
  await eventually(() => position(page), "step 2 of 3 · line 9 in count()");
  await eventually(() => editorLine(page), "        session['visits'] += 1");
  const session = await panel.getByTestId("step-session").innerText();
  assert.match(session, /this line reads session\['visits'\]/);
  assert.match(session, /this line writes session\['visits'\]/);
  assert.match(session, /after it: \{'visits': 2\}/);
  await screenshot(page, "step-through");
  // At 1280×800 the variables and the session fit the server pane without scrolling inside it.
  for (const id of ["step-locals", "step-session"]) {
    assert.ok(await fullyInView(panel.getByTestId(id)), `${id} is in view`);
  }

  // The arrow keys move too (focus in the panel), and Close leaves the entry's state on screen.
  await page.getByTestId("step-next").focus();
  await page.keyboard.press("ArrowRight");
  await eventually(() => position(page), "step 3 of 3 · line 12 in count()");
  await page.keyboard.press("Home");
  await eventually(() => position(page), "step 1 of 3 · line 8 in count()");
  await panel.getByRole("button", { name: "Close" }).click();
  await eventually(() => page.getByTestId("step-through").count(), 0);
  await eventually(() => editorLine(page), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test("variables are shown before each line, and a changed one is marked", async () => {
  const { page, errors, context } = await open(harness);
  const code = [
    "from flask import Flask, session",
    "app = Flask(__name__)",
    "app.secret_key = 'dev'",
    "",
    "@app.route('/cart/<item>')",
    "def add(item):",
    "    cart = session.get('cart', [])",
    "    cart.append(item)",
    "    session['cart'] = cart",
    "    return f'{len(cart)} items'",
    "",
  ].join("\n");
  const { setCode } = await import("./workspace.mjs");
  await setCode(page, code);
  await go(page, "/cart/apple");
  await expectPageText(page, "1 items");
  await page.getByTestId("step-through-start").click();
  await eventually(() => position(page), "step 1 of 4 · line 7 in add()");
  const locals = () => page.getByTestId("step-locals").innerText();
  await eventually(locals, /item\s+'apple'/);
  await page.getByTestId("step-next").click();
  await page.getByTestId("step-next").click();
  await eventually(() => position(page), "step 3 of 4 · line 9 in add()");
  await eventually(locals, /cart\s+\['apple'\]/);
  assert.equal(await page.locator("[data-testid=step-locals] tr.changed th").innerText(), "cart");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a request in the Network list steps through from there, and the server log shows each request as flask run does", async () => {
  const { page, errors, context } = await open(harness);
  await go(page, "/count");
  await expectPageText(page, "Visit number: 1");
  await go(page, "/nowhere");
  await eventually(() => page.getByTestId("status-code").innerText(), "404");
  // Werkzeug's access lines, the 404 in the terminal's yellow.
  const log = page.getByTestId("server-log");
  await eventually(() => log.innerText(), /127\.0\.0\.1 - - \[01\/Jan\/2026 00:00:00\] "GET \/count HTTP\/1\.1" 200 -\n.*"GET \/nowhere HTTP\/1\.1" 404 -/);
  assert.equal(await log.locator("span.ansi-fg-3").innerText(), "GET /nowhere HTTP/1.1");

  await page.getByRole("tab", { name: /Network/ }).click();
  await page.locator(".network-row").first().click();
  await page.getByTestId("network-step-through").click();
  await eventually(() => position(page), "step 1 of 3 · line 8 in count()");
  await eventually(() => page.getByTestId("step-through").innerText(), /Alice: GET \/count 200/);
  assert.deepEqual(errors, []);
  await context.close();
});
