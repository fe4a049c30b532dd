// The seed flows in a real browser: the /count app, close and reopen, a second profile, a
// startup error, a form post and an endless loop — against the release build, no mocks.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { screenshot, start } from "./harness.mjs";
import { eventually, expectPageText, expectStatus, go, open as openWorkspace, setCode, waitForStatus } from "./workspace.mjs";

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.stop();
});

function open(options) {
  return openWorkspace(harness, options);
}

test("three visits count up; after close and reopen the count starts over", async () => {
  const { page, errors, context } = await open();
  for (const n of [1, 2, 3]) {
    await go(page, "/count");
    await expectPageText(page, `Visit number: ${n}`);
    await eventually(() => page.getByTestId("status-code").innerText(), "200");
  }
  const row = page.locator('[data-testid=cookie-row][data-cookie-name="session"]');
  await eventually(() => row.getByTestId("cookie-value").innerText(), /^eyJ2aXNpdHMiOjN9\.[\w-]+\.[\w-]+$/);
  await screenshot(page, "count-three-visits");
  await page.getByTestId("close-browser").click();
  await eventually(() => page.locator("[data-testid=cookie-row]").count(), 0);
  await page.getByTestId("open-browser").click();
  await go(page, "/count");
  await expectPageText(page, "Visit number: 1");
  await eventually(() => page.getByTestId("timeline-entry").count(), 6);
  assert.deepEqual(errors, []);
  await context.close();
});

test("Bob does not see Alice's session", async () => {
  const { page, errors, context } = await open();
  await go(page, "/count");
  await go(page, "/count");
  await page.getByTestId("profile-select").selectOption({ label: "Bob" });
  await eventually(() => page.locator("[data-testid=cookie-row]").count(), 0);
  await go(page, "/count");
  await expectPageText(page, "Visit number: 1");
  await page.getByTestId("profile-select").selectOption({ label: "Alice" });
  await expectPageText(page, "Visit number: 2");
  assert.deepEqual(errors, []);
  await context.close();
});

test("copying Alice's session cookie into Bob's browser makes Bob Alice", async () => {
  const { page, errors, context } = await open();
  await go(page, "/count");
  await go(page, "/count");
  const row = page.locator('[data-testid=cookie-row][data-cookie-name="session"]');
  await row.getByRole("combobox", { name: /Copy cookie session/ }).selectOption("Bob");
  await page.getByTestId("profile-select").selectOption({ label: "Bob" });
  await eventually(() => page.locator("[data-testid=cookie-row]").count(), 1);
  await go(page, "/count");
  await expectPageText(page, "Visit number: 3");
  assert.deepEqual(errors, []);
  await context.close();
});

test("tampering with the cookie value resets the session", async () => {
  const { page, errors, context } = await open();
  await go(page, "/count");
  await go(page, "/count");
  const value = page.locator('[data-testid=cookie-row][data-cookie-name="session"]').getByTestId("cookie-value");
  const original = await value.innerText();
  // {"visits":99} with the old timestamp and signature: the signature no longer matches.
  const forged = "eyJ2aXNpdHMiOjk5fQ" + original.slice(original.indexOf("."));
  await value.dblclick();
  const input = page.locator("input.cookie-value-input");
  await eventually(() => input.inputValue(), original);
  await input.fill(forged);
  await input.press("Enter");
  await eventually(() => value.innerText(), forged);
  await page.getByRole("tab", { name: /Session/ }).click();
  const decoded = await page.getByTestId("session-view").innerText();
  assert.match(decoded, /"visits": 99/);
  assert.match(decoded, /rejected: the signature does not match/);
  await screenshot(page, "session-decoder-tampered");
  await page.getByRole("tab", { name: /Cookies/ }).click();
  await go(page, "/count");
  await expectPageText(page, "Visit number: 1");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a permanent session survives closing and expires after 31 days", async () => {
  const { page, errors, context } = await open();
  await setCode(page, [
    "from flask import Flask, session",
    "app = Flask(__name__)",
    "app.secret_key = 'secret'",
    "@app.route('/login')",
    "def login():",
    "    session.permanent = True",
    "    session['user'] = 'alice'",
    "    return 'logged in'",
    "@app.route('/me')",
    "def me():",
    "    return session.get('user', 'nobody')",
    "",
  ].join("\n"));
  await go(page, "/login");
  await expectPageText(page, "logged in");
  await page.getByTestId("close-browser").click();
  await page.getByTestId("open-browser").click();
  await go(page, "/me");
  await expectPageText(page, "alice");
  const clock = page.getByTestId("clock-input");
  await clock.fill("31d 1s");
  await clock.press("Enter");
  await eventually(() => page.locator("[data-testid=cookie-row]").count(), 0);
  await go(page, "/me");
  await expectPageText(page, "nobody");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a startup error is reported and the status reads error", async () => {
  const { page, errors, context } = await open();
  await setCode(page, "from flask import Flask, session\napp = Flask(__name__)\nsession['x'] = 1\n");
  await waitForStatus(page, "error");
  const log = await page.getByTestId("server-log").innerText();
  assert.match(log, /File "app\.py", line 3, in <module>/);
  assert.match(log, /RuntimeError: Working outside of request context\./);
  // The failing line is marked in the editor, with the message on hover.
  const marked = page.getByTestId("editor").locator(".cm-lintRange-error");
  await marked.waitFor();
  await eventually(() => marked.innerText(), "session['x'] = 1");
  await eventually(() => page.getByTestId("editor").locator(".cm-lint-marker-error").count(), 1);
  await screenshot(page, "startup-error");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a form in the page posts to the simulated server", async () => {
  const { page, errors, context } = await open();
  await setCode(page, [
    "from flask import Flask, session, request, redirect",
    "app = Flask(__name__)",
    "app.secret_key = 'secret'",
    "@app.route('/')",
    "def index():",
    "    return '<form method=post action=/login><input name=username value=alice><button>Log in</button></form>'",
    "@app.post('/login')",
    "def login():",
    "    session['username'] = request.form['username']",
    "    return redirect('/hello')",
    "@app.route('/hello')",
    "def hello():",
    "    return f\"Hello, {session['username']}!\"",
    "",
  ].join("\n"));
  await waitForStatus(page, "running");
  await go(page, "/");
  await page.getByTestId("page").locator("iframe").contentFrame().getByRole("button", { name: "Log in" }).click();
  await page.waitForFunction(() => document.querySelector("[data-testid=address-bar]")?.value.endsWith("/hello"));
  await expectPageText(page, "Hello, alice!");
  assert.deepEqual(errors, []);
  await context.close();
});

test("an endless loop, endless recursion and a huge string are errors in wasm while the page stays responsive", async () => {
  const { page, errors, context } = await open();
  await setCode(page, [
    "from flask import Flask",
    "app = Flask(__name__)",
    "@app.route('/spin')",
    "def spin():",
    "    while True:",
    "        pass",
    "@app.route('/deep')",
    "def deep():",
    "    def f(n):",
    "        return f(n + 1)",
    "    return f(0)",
    "@app.route('/huge')",
    "def huge():",
    "    return 'x' * 10**10",
    "",
  ].join("\n"));
  await waitForStatus(page, "running");
  await go(page, "/spin");
  await page.waitForFunction(() => document.querySelector("[data-testid=status-code]")?.textContent === "500", null, { timeout: 20_000 });
  await eventually(() => page.getByTestId("server-log").innerText(), /steps/);
  await go(page, "/deep");
  await page.waitForFunction(() => /RecursionError/.test(document.querySelector("[data-testid=server-log]")?.textContent), null, { timeout: 20_000 });
  // The memory limit: refused before allocating, as CPython would fail to allocate.
  await go(page, "/huge");
  await page.waitForFunction(() => /MemoryError/.test(document.querySelector("[data-testid=server-log]")?.textContent), null, { timeout: 20_000 });
  await expectStatus(page, "500");
  // Still responsive: the clock moves.
  await page.getByRole("button", { name: "+1 h" }).click();
  await eventually(() => page.getByTestId("clock-now").innerText(), "2026-01-01T01:00:00Z");
  await screenshot(page, "endless-loop");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the server log follows its newest line, as a terminal does", async () => {
  const { page, errors, context } = await open();
  await setCode(page, "from flask import Flask\napp = Flask(__name__)\n@app.route('/talk')\ndef talk():\n    for i in range(60):\n        print('line', i)\n    return 'ok'\n");
  await waitForStatus(page, "running");
  await go(page, "/talk");
  await expectPageText(page, "ok");
  const log = page.getByTestId("server-log");
  await eventually(() => log.innerText(), /line 59\n127\.0\.0\.1 - - .*"GET \/talk HTTP\/1\.1" 200 -/);
  // Scrolled to the end once the frame has been laid out.
  await eventually(() => log.evaluate((element) => element.scrollHeight > element.clientHeight && element.scrollTop + element.clientHeight >= element.scrollHeight - 2), true);
  assert.deepEqual(errors, []);
  await context.close();
});

// The page's zlib is C zlib built for wasm (Cargo's `.cargo/config.toml` sets its flags): a
// compressed session cookie in the page is the one real Flask wrote for the same app and clock
// (tests/scenarios/session_compression_on_repetitive_data, made by tests/oracle/oracle.py).
test("a compressed session cookie in the page is byte for byte the one real Flask writes", async () => {
  const scenario = JSON.parse(readFileSync(new URL("../scenarios/session_compression_on_repetitive_data.json", import.meta.url), "utf8"));
  const expected = JSON.parse(readFileSync(new URL("../scenarios/session_compression_on_repetitive_data.expected.json", import.meta.url), "utf8"));
  const written = expected.steps[0].jar.find((cookie) => cookie.name === "session").value;
  assert.match(written, /^\.eJ/, "the fixture's cookie is compressed");
  const { page, errors, context } = await open();
  await setCode(page, scenario.code);
  await waitForStatus(page, "running");
  await go(page, "/");
  await expectPageText(page, "ok");
  const row = page.locator('[data-testid=cookie-row][data-cookie-name="session"]');
  await eventually(() => row.getByTestId("cookie-value").getAttribute("title"), written);
  await go(page, "/read");
  await expectPageText(page, expected.steps[1].body);
  assert.deepEqual(errors, []);
  await context.close();
});
