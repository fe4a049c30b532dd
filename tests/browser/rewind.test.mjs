// Rewind and the browser's own controls in a real browser: a timeline entry shows the state
// right after it, "continue from here" drops the later entries, Back/Forward/Reload request
// pages again, and a cookie added in the dev tools is sent.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { screenshot, start } from "./harness.mjs";
import { expectPageText, expectStatus, go, open } from "./workspace.mjs";

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
  assert.equal(await entries.count(), 3);
  await entries.nth(0).getByRole("button").click();
  await expectPageText(page, "Visit number: 1");
  await page.getByRole("tab", { name: /Cookies/ }).click();
  assert.match(await sessionValue(page), /^eyJ2aXNpdHMiOjF9\./);
  await page.getByRole("tab", { name: /Timeline/ }).click();
  await screenshot(page, "rewind-first-entry");
  // The keyboard steps through the history: Down shows the next entry, Escape the present.
  await entries.nth(0).getByRole("button").press("ArrowDown");
  assert.match(await page.locator(".rewind-bar").innerText(), /entry 2 of 3/);
  await expectPageText(page, "Visit number: 2");
  await page.keyboard.press("Escape");
  await page.locator(".rewind-bar").waitFor({ state: "detached" });
  await expectPageText(page, "Visit number: 3");
  await entries.nth(0).getByRole("button").click();
  await page.getByRole("button", { name: /Back to now/ }).click();
  await expectPageText(page, "Visit number: 3");
  await page.getByRole("tab", { name: /Cookies/ }).click();
  assert.equal(await sessionValue(page), third);
  await page.getByRole("tab", { name: /Timeline/ }).click();
  await entries.nth(1).getByRole("button").click();
  await page.getByRole("button", { name: /Continue from here/ }).click();
  assert.equal(await entries.count(), 2);
  assert.match(await page.getByTestId("notice").innerText(), /1 later entry was dropped/);
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
  assert.match(await last.innerText(), /reload: GET \/missing 404/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a cookie added in the dev tools is stored and sent", async () => {
  const { page, errors, context } = await open(harness);
  await page.getByLabel("Name of a new cookie").fill("theme");
  await page.getByLabel("Value of the new cookie").fill("dark");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  const row = page.locator('[data-testid=cookie-row][data-cookie-name="theme"]');
  assert.equal(await row.getByTestId("cookie-value").innerText(), "dark");
  await page.getByLabel("Name of a new cookie").fill("bad name");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  assert.match(await page.getByTestId("notice").innerText(), /cannot contain ' '/);
  await go(page, "/count");
  await page.getByRole("tab", { name: /Network/ }).click();
  await page.locator(".network-row").first().click();
  assert.match(await page.locator(".raw-headers").first().innerText(), /Cookie: theme=dark/);
  assert.deepEqual(errors, []);
  await context.close();
});
