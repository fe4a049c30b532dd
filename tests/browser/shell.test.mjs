// The app shell loads in a real browser, with no console errors, and shows its panes.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { screenshot, start } from "./harness.mjs";
import { eventually } from "./workspace.mjs";

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.stop();
});

async function open(options) {
  const { page, errors, context } = await harness.newPage(options);
  await page.goto(harness.url);
  // Attached, not visible: in the narrow layout the editor waits behind its tab.
  await page.getByTestId("editor").locator(".cm-content").waitFor({ state: "attached" });
  return { page, errors, context };
}

test("the page loads with its title, panes and editor, and logs no errors", async () => {
  const { page, errors, context } = await open({ viewport: { width: 1280, height: 800 } });
  await eventually(() => page.title(), "Flask Session Playground");
  for (const id of [
    "editor", "address-bar", "page", "profile-select", "close-browser", "open-browser",
    "cookie-jar", "clock-now", "server-log", "session-view", "timeline", "lesson-list",
  ]) {
    assert.equal(await page.getByTestId(id).count(), 1, `one element with data-testid=${id}`);
  }
  await eventually(() => page.getByTestId("editor").innerText(), /session\['visits'\] \+= 1/);
  await eventually(() => page.getByTestId("clock-now").innerText(), "2026-01-01T00:00:00Z");
  const options = await page.getByTestId("profile-select").locator("option").allInnerTexts();
  assert.deepEqual(options, ["Alice", "Bob"]);
  await screenshot(page, "shell-1280x800");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the editor takes a whole new source verbatim", async () => {
  const { page, errors, context } = await open({ viewport: { width: 1280, height: 800 } });
  const editor = page.getByTestId("editor");
  await editor.click();
  await page.keyboard.press("Control+A");
  const source = "def f(x):\n    return [x, {'a': (1, 2)}]\n";
  await page.keyboard.insertText(source);
  const text = await editor.locator(".cm-content").innerText();
  assert.equal(text.replace(/\n+$/, ""), source.replace(/\n+$/, ""));
  assert.deepEqual(errors, []);
  await context.close();
});

test("close and open the browser of one profile only", async () => {
  const { page, errors, context } = await open({ viewport: { width: 1280, height: 800 } });
  await page.getByTestId("close-browser").click();
  assert.equal(await page.getByTestId("address-bar").isDisabled(), true);
  assert.equal(await page.getByTestId("open-browser").isEnabled(), true);
  await page.getByTestId("profile-select").selectOption({ label: "Bob" });
  assert.equal(await page.getByTestId("address-bar").isDisabled(), false);
  await page.getByTestId("profile-select").selectOption({ label: "Alice" });
  await page.getByTestId("open-browser").click();
  assert.equal(await page.getByTestId("address-bar").isDisabled(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("phone width shows one pane at a time, by tabs, and dark mode follows the OS", async () => {
  const { page, errors, context } = await open({
    viewport: { width: 390, height: 844 },
    colorScheme: "dark",
  });
  // The narrow layout: a tab per pane, one pane in view; the tabs lead to the editor and the browser.
  await page.locator(".pane-tab", { hasText: "Code" }).click();
  const editorBox = await page.getByTestId("editor").boundingBox();
  assert.ok(editorBox.width <= 390, "the editor fits the phone width");
  assert.equal(await page.getByTestId("page").isVisible(), false, "the browser pane waits behind its tab");
  await page.locator(".pane-tab", { hasText: "Browser" }).click();
  const pageBox = await page.getByTestId("page").boundingBox();
  assert.ok(pageBox && pageBox.width <= 390, "the browser pane fits the phone width");
  assert.equal(await page.getByTestId("editor").isVisible(), false, "one pane at a time");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(background, "rgb(20, 23, 29)");
  await screenshot(page, "shell-phone-dark");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a panic in the wasm shows a readable message instead of a blank page", async () => {
  const { page, errors, context } = await harness.newPage();
  await page.goto(`${harness.url}?debug-panic`);
  const notice = page.locator("#panic-report");
  await notice.waitFor();
  await eventually(() => notice.getAttribute("role"), "alert");
  await eventually(() => notice.innerText(), /internal error[\s\S]*debug-panic was requested/);
  assert.ok(errors.some((text) => text.includes("debug-panic was requested")), "logged to the console");
  await screenshot(page, "panic-report");
  await context.close();
});

test("the clock advances by a typed duration and explains one it cannot read", async () => {
  const { page, errors, context } = await open({ viewport: { width: 1280, height: 800 } });
  const input = page.getByTestId("clock-input");
  await input.fill("31d 1s");
  await input.press("Enter");
  await eventually(() => page.getByTestId("clock-now").innerText(), "2026-02-01T00:00:01Z");
  await input.fill("soon");
  await input.press("Enter");
  await eventually(() => page.getByTestId("clock-now").innerText(), "2026-02-01T00:00:01Z");
  await eventually(() => page.getByTestId("notice").innerText(), /clock did not move: "soon"/);
  await page.getByRole("button", { name: "+1 h" }).click();
  await eventually(() => page.getByTestId("clock-now").innerText(), "2026-02-01T01:00:01Z");
  await eventually(() => page.getByTestId("notice").innerText(), "");
  await eventually(() => page.getByTestId("timeline-entry").count(), 2);
  await page.getByTestId("close-browser").click();
  await page.getByRole("tab", { name: /Timeline/ }).click();
  await eventually(() => page.getByTestId("timeline-entry").count(), 3);
  await eventually(() => page.getByTestId("timeline-entry").last().innerText(), /Alice[\s\S]*browser closed/);
  await screenshot(page, "clock-and-timeline");
  assert.deepEqual(errors, []);
  await context.close();
});
