// The last two security lessons done by hand in a real browser (issue 20), never "next step":
// subdomains (the app at app.example.test, a blog at evil.example.test, the Domain attribute and
// the __Host- prefix) and HttpOnly with "what a script would see" (the learner follows Mallory's
// link on attacker.test, reads the marker above the page and the dev tools' Script tab, edits the
// code and follows the link again). Each test ends with every goal met. Nothing in a response
// runs: the reflected script would call attacker.test, and the page must never reach it.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { screenshot, start } from "./harness.mjs";
import { editorText, eventually, go, open, pageText, setCode, waitForStatus } from "./workspace.mjs";

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.stop();
});

async function openLesson(page, id) {
  await page.locator(".lessons-menu > summary").click();
  await page.locator(`[data-testid=lesson-item][data-lesson-id="${id}"] button`).click();
  await page.locator(`.lesson[data-lesson-id="${id}"]`).waitFor();
  await waitForStatus(page, "running");
}

const goalStates = (page) =>
  page.getByTestId("lesson-goal").evaluateAll((goals) => goals.map((goal) => `${goal.dataset.goalId}:${goal.dataset.state}`));

const frame = (page) => page.getByTestId("page").locator("iframe").contentFrame();
const pageShows = (page, pattern) => eventually(() => pageText(page).catch(() => ""), pattern);

async function edit(page, from, to) {
  const code = await editorText(page);
  assert.ok(code.includes(from), `the lesson's code has ${from}`);
  await setCode(page, code.replace(from, to));
  await waitForStatus(page, "running");
}

async function logIn(page, at = "/login") {
  await go(page, at);
  await frame(page).getByRole("button", { name: "Log in" }).click();
  await pageShows(page, /^Logged in as alice/);
}

/** Opens Mallory's page and follows its link to the app. */
async function followMallorysLink(page) {
  await go(page, "http://attacker.test/");
  await pageShows(page, /The best shoes of 2026/);
  await frame(page).getByRole("link", { name: "see the shoes" }).click();
  await pageShows(page, /^Results for/);
}

async function scriptTab(page) {
  await page.getByRole("tab", { name: "Script" }).click();
  return {
    documentCookie: await page.getByTestId("document-cookie").innerText(),
    hidden: await page.getByTestId("script-hidden").innerText(),
    sent: await page.getByTestId("script-sent").innerText(),
    found: await page.getByTestId("script-found").innerText(),
  };
}

test("HttpOnly, by hand: the reflected script would read theme but not the session; with HttpOnly off it would; escaping keeps it out", async () => {
  const { page, errors, context } = await open(harness);
  const reachedAttacker = [];
  page.on("request", (request) => {
    if (request.url().includes("attacker.test")) reachedAttacker.push(request.url());
  });
  await openLesson(page, "httponly-script");
  await logIn(page);
  await followMallorysLink(page);
  // The script is in the page as markup, and it did not run.
  const marker = await page.getByTestId("script-marker").innerText();
  assert.match(marker, /This response contains script \(a <script> element on line 1\)\. It did not run here\./);
  assert.match(marker, /it could read document\.cookie = "theme=dark" \(session is HttpOnly, so not there\)/);
  assert.match(marker, /send requests to http:\/\/localhost as this browser, and they would carry theme and session|carry session and theme/);
  let seen = await scriptTab(page);
  assert.equal(seen.documentCookie, '"theme=dark"');
  assert.equal(seen.hidden, "session");
  assert.match(seen.sent, /session/);
  await screenshot(page, "httponly-script-marker");
  await edit(page, "app.config['SESSION_COOKIE_HTTPONLY'] = True  # Flask's default", "app.config['SESSION_COOKIE_HTTPONLY'] = False");
  await logIn(page);
  await followMallorysLink(page);
  seen = await scriptTab(page);
  assert.match(seen.documentCookie, /session=ey/);
  assert.equal(seen.hidden, "nothing");
  await edit(page, "app.config['SESSION_COOKIE_HTTPONLY'] = False", "app.config['SESSION_COOKIE_HTTPONLY'] = True");
  await edit(page, "from flask import Flask, session, request, redirect\n", "from flask import Flask, session, request, redirect\nfrom markupsafe import escape\n");
  await edit(page, "Results for {q}", "Results for {escape(q)}");
  await logIn(page);
  await followMallorysLink(page);
  await pageShows(page, /^Results for <script>new Image\(\)/);
  assert.equal(await page.getByTestId("script-marker").count(), 0);
  seen = await scriptTab(page);
  assert.equal(seen.found, "This response holds no script.");
  const states = await goalStates(page);
  assert.ok(states.length === 3, states.join(", "));
  assert.deepEqual(states.filter((state) => !state.endsWith(":met")), [], states.join(", "));
  assert.equal(await page.getByTestId("lesson-finished").count(), 1);
  await screenshot(page, "httponly-script-by-hand");
  assert.deepEqual(reachedAttacker, [], "nothing in a response reached the network");
  // Chromium itself refused the two reflected scripts (the page frame has no allow-scripts);
  // the escaped page had none left to refuse. Nothing else went wrong.
  const blocked = (error) => error.startsWith("Blocked script execution in 'about:srcdoc'");
  assert.equal(errors.filter(blocked).length, 2, errors.join("\n"));
  assert.deepEqual(errors.filter((error) => !blocked(error)), []);
  await context.close();
});

test("subdomains, by hand: a host-only cookie stays on app.example.test, Domain=example.test hands it to evil.example.test, __Host- refuses a Domain", async () => {
  const { page, errors, context } = await open(harness);
  await openLesson(page, "subdomains");
  const blogSaw = async (pattern) => {
    await go(page, "http://evil.example.test/");
    await pageShows(page, /Free blogs on example.test/);
    await pageShows(page, pattern);
  };
  await logIn(page, "http://app.example.test/login");
  await pageShows(page, "Logged in as alice at app.example.test");
  await blogSaw(/Cookies your browser sent me: none/);
  await edit(page, "# app.config['SESSION_COOKIE_DOMAIN'] = 'example.test'", "app.config['SESSION_COOKIE_DOMAIN'] = 'example.test'");
  await logIn(page, "http://app.example.test/login");
  await blogSaw(/Cookies your browser sent me: session=ey/);
  await screenshot(page, "subdomains-shared");
  await edit(page, "app.config['SESSION_COOKIE_DOMAIN'] = 'example.test'\n", "app.config['SESSION_COOKIE_DOMAIN'] = 'example.test'\napp.config['SESSION_COOKIE_NAME'] = '__Host-session'\n");
  await go(page, "http://app.example.test/login");
  await frame(page).getByRole("button", { name: "Log in" }).click();
  await pageShows(page, /^Not logged in/);
  assert.equal(await page.locator('[data-testid=cookie-row][data-cookie-name="__Host-session"]').count(), 0);
  const states = await goalStates(page);
  assert.ok(states.length === 3, states.join(", "));
  assert.deepEqual(states.filter((state) => !state.endsWith(":met")), [], states.join(", "));
  assert.equal(await page.getByTestId("lesson-finished").count(), 1);
  await screenshot(page, "subdomains-by-hand");
  assert.deepEqual(errors, []);
  await context.close();
});
