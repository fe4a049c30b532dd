// Rewind and the browser's own controls in a real browser: a timeline entry shows the state
// right after it, "continue from here" drops the later entries, Back/Forward/Reload request
// pages again, and a cookie added in the dev tools is sent.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { screenshot, start } from "./harness.mjs";
import { eventually, expectPageText, expectStatus, go, open } from "./workspace.mjs";

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.stop();
});

const sessionValue = (page) =>
  page.locator('[data-testid=cookie-row][data-cookie-name="session"]').getByTestId("cookie-value").innerText();

test("a timeline entry shows the state after it; continue from here drops the rest", async () => {
  const { page, errors, context } = await open(harness);
  for (const n of [1, 2, 3]) {
    await go(page, "/count");
    await expectPageText(page, `Visit number: ${n}`);
  }
  const third = await sessionValue(page);
  await page.getByRole("tab", { name: /Timeline/ }).click();
  const entries = page.getByTestId("timeline-entry");
  await eventually(() => entries.count(), 3);
  await entries.nth(0).getByRole("button").click();
  await expectPageText(page, "Visit number: 1");
  await page.getByRole("tab", { name: /Cookies/ }).click();
  await eventually(() => sessionValue(page), /^eyJ2aXNpdHMiOjF9\./);
  await page.getByRole("tab", { name: /Timeline/ }).click();
  await screenshot(page, "rewind-first-entry");
  // The keyboard steps through the history: Down shows the next entry, Escape the present.
  await entries.nth(0).getByRole("button").press("ArrowDown");
  await eventually(() => page.locator(".rewind-bar").innerText(), /entry 2 of 3/);
  await expectPageText(page, "Visit number: 2");
  await page.keyboard.press("Escape");
  await page.locator(".rewind-bar").waitFor({ state: "detached" });
  await expectPageText(page, "Visit number: 3");
  await entries.nth(0).getByRole("button").click();
  await page.getByRole("button", { name: /Back to now/ }).click();
  await expectPageText(page, "Visit number: 3");
  await page.getByRole("tab", { name: /Cookies/ }).click();
  await eventually(() => sessionValue(page), third);
  await page.getByRole("tab", { name: /Timeline/ }).click();
  await entries.nth(1).getByRole("button").click();
  await page.getByRole("button", { name: /Continue from here/ }).click();
  await eventually(() => entries.count(), 2);
  await eventually(() => page.getByTestId("notice").innerText(), /1 later entry was dropped/);
  await go(page, "/count");
  await expectPageText(page, "Visit number: 3");
  assert.deepEqual(errors, []);
  await context.close();
});

test("back, forward and reload request the pages again", async () => {
  const { page, errors, context } = await open(harness);
  const back = page.getByRole("button", { name: /^Back/ });
  const forward = page.getByRole("button", { name: "Forward" });
  assert.equal(await back.isDisabled(), true);
  await go(page, "/count");
  await expectPageText(page, "Visit number: 1");
  await go(page, "/missing");
  await expectStatus(page, "404");
  await back.click();
  await expectPageText(page, "Visit number: 2");
  assert.equal(await forward.isDisabled(), false);
  await forward.click();
  await expectStatus(page, "404");
  await page.getByRole("button", { name: "Reload" }).click();
  await page.getByRole("tab", { name: /Timeline/ }).click();
  const last = page.getByTestId("timeline-entry").last();
  await eventually(() => last.innerText(), /reload: GET \/missing 404/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a cookie added in the dev tools is stored and sent", async () => {
  const { page, errors, context } = await open(harness);
  await page.getByLabel("Name of a new cookie").fill("theme");
  await page.getByLabel("Value of the new cookie").fill("dark");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  const row = page.locator('[data-testid=cookie-row][data-cookie-name="theme"]');
  await eventually(() => row.getByTestId("cookie-value").innerText(), "dark");
  // Chromium's dev tools refuse an '=' in a name (a space is fine) and a ';' in a value.
  await page.getByLabel("Name of a new cookie").fill("bad=name");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await eventually(() => page.getByTestId("notice").innerText(), /the name has an '='/);
  await page.getByLabel("Name of a new cookie").fill("other");
  await page.getByLabel("Value of the new cookie").fill("a;b");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await eventually(() => page.getByTestId("notice").innerText(), /Chromium would not store that cookie: the value has a ';'/);
  await go(page, "/count");
  await page.getByRole("tab", { name: /Network/ }).click();
  await page.locator(".network-row").first().click();
  await eventually(() => page.locator(".raw-headers").first().innerText(), /Cookie: theme=dark/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("what is typed in the address bar survives a re-render (reloader, clock)", async () => {
  const { page, errors, context } = await open(harness);
  const bar = page.getByTestId("address-bar");
  await bar.fill("/nothing-here");
  // Any state change re-renders the browser pane: here a clock jump, then a server reload.
  await page.getByRole("button", { name: "+1 min" }).click();
  await page.getByTestId("editor").click();
  await page.keyboard.press("End");
  await page.keyboard.type("  # edited");
  await page.waitForFunction(() => document.querySelector("[data-testid=server-status]")?.textContent === "running");
  assert.equal(await bar.inputValue(), "/nothing-here");
  await bar.press("Enter");
  await expectStatus(page, "404");
  await eventually(() => bar.inputValue(), "http://localhost/nothing-here");
  assert.deepEqual(errors, []);
  await context.close();
});
