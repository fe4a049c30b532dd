// The security lessons done by hand in a real browser (issue 20): never "next step", only what a
// learner does — the page's own forms, the address bar, the dev tools (copy a cookie to another
// browser, read the decoded session), the clock, the session mode and code edits. Each test ends
// with every goal met and the lesson's script untouched.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { screenshot, start } from "./harness.mjs";
import { editorText, eventually, go, goalStates, open, openLesson, pageText, setCode, waitForStatus } from "./workspace.mjs";

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.stop();
});

/** Clicks a button of the rendered page (it lives in a sandboxed frame). */
const clickInPage = (page, name) => page.getByTestId("page").locator("iframe").contentFrame().getByRole("button", { name }).click();

/** Waits until the page's visible text matches `pattern`. */
const pageShows = (page, pattern) => eventually(() => pageText(page).catch(() => ""), pattern);

const asProfile = (page, name) => page.getByTestId("profile-select").selectOption({ label: name });

async function advance(page, duration) {
  const before = await page.getByTestId("clock-now").innerText();
  await page.getByTestId("clock-input").fill(duration);
  await page.getByTestId("clock-input").press("Enter");
  await eventually(async () => (await page.getByTestId("clock-now").innerText()) !== before, true);
}

async function edit(page, from, to) {
  const code = await editorText(page);
  assert.ok(code.includes(from), `the lesson's code has ${from}`);
  await setCode(page, code.replace(from, to));
  await waitForStatus(page, "running");
}

async function logIn(page) {
  await go(page, "/login");
  await clickInPage(page, "Log in");
  await pageShows(page, /^Logged in as alice/);
}

async function finished(page, id) {
  const states = await goalStates(page);
  assert.ok(states.length > 0);
  assert.deepEqual(states.filter((state) => !state.endsWith(":met")), [], states.join(", "));
  // Done by hand: "next step" was never pressed.
  assert.equal(await page.getByTestId("lesson-finished").count(), 1, `${id} says it is done`);
}

test("revoke, by hand: Bob's copy outlives Alice's logout until the server-side store revokes it", async () => {
  const { page, errors, context } = await open(harness);
  await openLesson(page, "revoke");
  const copyToBob = () =>
    page.locator('[data-testid=cookie-row][data-cookie-name="session"]').getByRole("combobox", { name: /Copy cookie session/ }).selectOption("Bob");
  for (const mode of ["signed", "server"]) {
    if (mode === "server") await page.locator(".session-mode select").selectOption("server");
    await asProfile(page, "Alice");
    await logIn(page);
    await copyToBob();
    await asProfile(page, "Bob");
    await go(page, "/");
    await pageShows(page, /^Logged in as alice/);
    await asProfile(page, "Alice");
    await clickInPage(page, "Log out");
    await pageShows(page, /^Not logged in/);
    await asProfile(page, "Bob");
    await go(page, "/");
    await pageShows(page, mode === "signed" ? /^Logged in as alice/ : /^Not logged in/);
  }
  await finished(page, "revoke");
  await screenshot(page, "revoke-by-hand");
  assert.deepEqual(errors, []);
  await context.close();
});

test("key rotation, by hand: a new key logs Alice out, the fallback lets her back in and re-signs her cookie", async () => {
  const { page, errors, context } = await open(harness);
  await openLesson(page, "key-rotation");
  await logIn(page);
  await advance(page, "1d");
  await edit(page, "app.secret_key = 'key-2025'", "app.secret_key = 'key-2026'");
  await go(page, "/");
  await pageShows(page, /^Not logged in/);
  await edit(page, "app.config['SECRET_KEY_FALLBACKS'] = []", "app.config['SECRET_KEY_FALLBACKS'] = ['key-2025']");
  await go(page, "/");
  await pageShows(page, "Logged in as alice, signed in 1 days ago");
  await edit(page, "app.config['SECRET_KEY_FALLBACKS'] = ['key-2025']", "app.config['SECRET_KEY_FALLBACKS'] = []");
  await go(page, "/");
  await pageShows(page, "Logged in as alice, signed in 1 days ago");
  await finished(page, "key-rotation");
  assert.deepEqual(errors, []);
  await context.close();
});

test("readable session, by hand: the reset code is read in the dev tools and used; the server-side store keeps it", async () => {
  const { page, errors, context } = await open(harness);
  await openLesson(page, "readable-session");
  await go(page, "/");
  await clickInPage(page, "Forgot my password");
  await pageShows(page, /^A reset code was sent/);
  await page.getByRole("tab", { name: /Session/ }).click();
  const decoded = await page.getByTestId("session-view").innerText();
  const found = /"reset_code": "(\d+)"/.exec(decoded);
  assert.ok(found, decoded);
  const frame = page.getByTestId("page").locator("iframe").contentFrame();
  await frame.getByPlaceholder("code").fill(found[1]);
  await frame.getByPlaceholder("new password").fill("mallory-was-here");
  await clickInPage(page, "Set password");
  await pageShows(page, "Password for alice changed");
  await page.locator(".session-mode select").selectOption("server");
  await go(page, "/");
  await clickInPage(page, "Forgot my password");
  await pageShows(page, /^A reset code was sent/);
  // The cookie is an id now: no reset code in it.
  const value = await page.locator('[data-testid=cookie-row][data-cookie-name="session"]').getByTestId("cookie-value").innerText();
  assert.doesNotMatch(value, /^eyJ/);
  await finished(page, "readable-session");
  await screenshot(page, "readable-session-by-hand");
  assert.deepEqual(errors, []);
  await context.close();
});

test("idle timeout, by hand: refreshed visits keep Alice in, no refresh ends at 30 minutes, an absolute limit at an hour", async () => {
  const { page, errors, context } = await open(harness);
  await openLesson(page, "idle-timeout");
  await logIn(page);
  for (const minutes of [20, 40, 60]) {
    await advance(page, "20m");
    await go(page, "/");
    await pageShows(page, `Logged in as alice for ${minutes} minutes`);
  }
  await edit(page, "SESSION_REFRESH_EACH_REQUEST'] = True", "SESSION_REFRESH_EACH_REQUEST'] = False");
  await logIn(page);
  await advance(page, "20m");
  await go(page, "/");
  await pageShows(page, "Logged in as alice for 20 minutes");
  await advance(page, "20m");
  await go(page, "/");
  await pageShows(page, /^Not logged in/);
  await edit(page, "SESSION_REFRESH_EACH_REQUEST'] = False", "SESSION_REFRESH_EACH_REQUEST'] = True");
  await edit(page, "ABSOLUTE_LIMIT = None", "ABSOLUTE_LIMIT = 3600");
  await logIn(page);
  for (const minutes of [20, 40, 60]) {
    await advance(page, "20m");
    await go(page, "/");
    await pageShows(page, `Logged in as alice for ${minutes} minutes`);
  }
  await advance(page, "20m");
  await go(page, "/");
  await pageShows(page, /^Not logged in/);
  await finished(page, "idle-timeout");
  assert.deepEqual(errors, []);
  await context.close();
});

test("CSRF and SameSite, by hand: a form on attacker.test posts to the app; Lax stops it; a token stops it with the cookie along", async () => {
  const lesson = JSON.parse(await readFile(new URL("../../lessons/17-csrf-samesite.json", import.meta.url), "utf8"));
  const tokenCode = lesson.steps.map((step) => step.edit_code).filter(Boolean).at(-1);
  assert.match(tokenCode, /csrf/);
  const { page, errors, context } = await open(harness);
  await openLesson(page, "csrf-samesite");
  const claimPrize = async () => {
    await go(page, "http://attacker.test/");
    await pageShows(page, /You won a prize!/);
    await clickInPage(page, "Claim your prize");
  };
  await logIn(page);
  await claimPrize();
  await pageShows(page, /^Sent 90 to mallory/);
  await advance(page, "3m");
  await claimPrize();
  await pageShows(page, "Not logged in: nothing was sent");
  await edit(page, "# app.config['SESSION_COOKIE_SAMESITE'] = 'Lax'", "app.config['SESSION_COOKIE_SAMESITE'] = 'Lax'");
  await logIn(page);
  await claimPrize();
  await pageShows(page, "Not logged in: nothing was sent");
  await setCode(page, tokenCode);
  await waitForStatus(page, "running");
  await logIn(page);
  await claimPrize();
  await pageShows(page, "Refused: the form carries no valid CSRF token");
  // The bank's own form carries the token.
  await go(page, "/");
  await clickInPage(page, "Send");
  await pageShows(page, /^Sent 10 to bob/);
  await finished(page, "csrf-samesite");
  await screenshot(page, "csrf-by-hand");
  assert.deepEqual(errors, []);
  await context.close();
});

test("session fixation, by hand: Mallory's planted id shares Alice's login until the login regenerates the id", async () => {
  const { page, errors, context } = await open(harness);
  await openLesson(page, "session-fixation");
  const attack = async () => {
    await asProfile(page, "Mallory");
    await go(page, "/");
    await pageShows(page, /^Not logged in/);
    await page.locator('[data-testid=cookie-row][data-cookie-name="session"]').getByRole("combobox", { name: /Copy cookie session/ }).selectOption("Alice");
    await asProfile(page, "Alice");
    await logIn(page);
    await asProfile(page, "Mallory");
    await go(page, "/");
  };
  await attack();
  await pageShows(page, /^Logged in as alice/);
  await edit(page, "    session['user'] = request.form['username']", "    app.session_interface.regenerate(session)\n    session['user'] = request.form['username']");
  await attack();
  await pageShows(page, /^Not logged in/);
  await finished(page, "session-fixation");
  assert.deepEqual(errors, []);
  await context.close();
});
