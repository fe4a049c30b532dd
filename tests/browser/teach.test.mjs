// Teachers' side of lessons (issue 16): progress travels in a link (goals re-checked after every
// replayed action, the quiz answer carried), and "Hand in" gives a link and a completion code.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { screenshot, start } from "./harness.mjs";
import { eventually, expectPageText, go, goalStates, open, openLesson, playScript, setCode, waitForStatus } from "./workspace.mjs";

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.stop();
});

/** Plays the count lesson's scripted steps and picks the right quiz answer. */
async function completeCount(page) {
  await openLesson(page, "count");
  await playScript(page);
  await expectPageText(page, "Visit number: 1");
  await page.locator(".quiz-option .quiz-pick").nth(1).click();
  await page.locator(".quiz-option.right").waitFor();
  assert.deepEqual(await goalStates(page), ["third:met", "closed:met", "restart:met"]);
}

test("a learner completes a lesson, shares, and the link shows every goal met and the quiz answered", async () => {
  const { page, errors, context } = await open(harness);
  await completeCount(page);
  await page.getByTestId("share").click();
  const url = await page.getByTestId("share-url").inputValue();
  const fragment = url.slice(url.indexOf("#") + 1);
  console.log(`count lesson, completed with the quiz answered: ${fragment.length} characters after #`);
  assert.ok(fragment.startsWith("v2."), fragment);

  const fresh = await open(harness, { url });
  await fresh.page.locator(".lesson[data-lesson-id=count]").waitFor();
  await eventually(() => goalStates(fresh.page).then((states) => states.join(",")), "third:met,closed:met,restart:met");
  assert.equal(await fresh.page.locator(".quiz-option.right").count(), 1);
  assert.equal(await fresh.page.locator(".quiz-option .quiz-pick").nth(1).getAttribute("aria-pressed"), "true");
  // The solution was not shown, so it is not listed.
  assert.equal(await fresh.page.locator(".solution-steps").count(), 0);
  await screenshot(fresh.page, "teach-link-progress");
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test("hand in: a link naming the learner and a completion code; the link replays the same progress", async () => {
  const { page, errors, context } = await open(harness);
  await completeCount(page);
  await page.getByTestId("hand-in-name").fill("Ada Lovelace");
  await page.getByTestId("hand-in").click();
  const url = await page.getByTestId("hand-in-url").inputValue();
  const code = await page.getByTestId("hand-in-code").inputValue();
  assert.match(code, /^count\.3of3\.quiz-right\.own-work\.[0-9A-Z]{10}$/);
  console.log(`hand-in link: ${url.length - url.indexOf("#") - 1} characters after #; code ${code}`);
  await screenshot(page, "teach-hand-in");

  const fresh = await open(harness, { url });
  await eventually(() => goalStates(fresh.page).then((states) => states.join(",")), "third:met,closed:met,restart:met");
  assert.equal(await fresh.page.locator(".quiz-option.right").count(), 1);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- lessons in links ----

import { readFileSync } from "node:fs";

const countFile = JSON.parse(readFileSync(new URL("../../lessons/04-count.json", import.meta.url), "utf8"));
const teachersLesson = JSON.stringify({ ...countFile, id: "my-count", lesson: { ...countFile.lesson, title: "Counting, my way" } });

test("a lesson published beside the page opens from #lesson=URL, says where it is from, and travels on in a share link", async () => {
  const server = await start({ routes: { "/lessons/my-count.json": { type: "application/json", body: teachersLesson } } });
  try {
    const { page, errors, context } = await open(server, { url: `${server.url}#lesson=/lessons/my-count.json` });
    await page.locator(".lesson[data-lesson-id=my-count]").waitFor();
    assert.equal(await page.locator(".lesson-title").innerText(), "Counting, my way");
    assert.equal(await page.getByTestId("lesson-from").innerText(), "from this site");
    await playScript(page);
    assert.deepEqual(await goalStates(page), ["third:met", "closed:met", "restart:met"]);
    await screenshot(page, "teach-lesson-from-url");
    await page.getByTestId("share").click();
    const url = await page.getByTestId("share-url").inputValue();
    console.log(`a teacher's lesson carried whole, played to the end: ${url.length - url.indexOf("#") - 1} characters after #`);
    const fresh = await open(server, { url });
    await fresh.page.locator(".lesson[data-lesson-id=my-count]").waitFor();
    await eventually(() => goalStates(fresh.page).then((states) => states.join(",")), "third:met,closed:met,restart:met");
    assert.equal(await fresh.page.getByTestId("lesson-from").innerText(), "from this site");
    // A missing lesson file says so and opens nothing.
    const missing = await open(server, { url: `${server.url}#lesson=/lessons/none.json` });
    await eventually(() => missing.page.getByTestId("notice").innerText(), /could not be loaded: the server answered 404[\s\S]*not been changed/);
    assert.equal(await missing.page.locator(".lesson").count(), 0);
    assert.deepEqual(fresh.errors, []);
    assert.deepEqual(errors, []);
    await Promise.all([context.close(), fresh.context.close(), missing.context.close()]);
  } finally {
    await server.stop();
  }
});

// ---- checking a class's hand-ins in the page ----

test("check hand-ins: 30 hand-ins pasted at once give one table, recomputed by replay, with the bad ones flagged", async () => {
  // One learner's page makes the class's hand-ins: five stop after the first step, 25 finish
  // (the name makes each link and code different).
  const { page, errors, context } = await open(harness);
  await openLesson(page, "count");
  await page.getByTestId("lesson-next").click();
  const handIn = async (name) => {
    await page.getByTestId("hand-in-name").fill(name);
    await page.getByTestId("hand-in").click();
    await eventually(() => page.getByTestId("hand-in-url").inputValue().then((url) => url.includes("#v2.")), true);
    const code = await page.getByTestId("hand-in-code").inputValue();
    // The box shows the last hand-in: wait until it is this one's (a new code each name).
    return { url: await page.getByTestId("hand-in-url").inputValue(), code };
  };
  const handIns = [];
  let last = "";
  for (let n = 0; n < 30; n++) {
    if (n === 5) await completeCount(page);
    const name = `Student ${String(n).padStart(2, "0")}`;
    let made;
    do made = await handIn(name); while (made.code === last);
    last = made.code;
    handIns.push({ name, ...made });
  }
  assert.equal(handIns.filter((h) => h.code.includes(".3of3.")).length, 25);
  // Links alone, links with their code, codes on a line of their own; one code with its claims
  // edited, one line that is nothing, one link far too long.
  const lines = [];
  handIns.forEach(({ url, code }, n) => {
    if (n === 7) lines.push(`${url} ${code.replace(".3of3.", ".2of3.")}`);
    else if (n % 3 === 0) lines.push(`${url} ${code}`);
    else if (n % 3 === 1) lines.push(url);
    else lines.push(url, "", code);
  });
  lines.push("my homework is attached", `v2.${"A".repeat(70_000)}`);

  const teacher = await open(harness);
  await teacher.page.getByTestId("teach-menu").click();
  await teacher.page.getByTestId("open-check-hand-ins").click();
  await teacher.page.getByTestId("hand-ins-input").fill(lines.join("\n"));
  const started = Date.now();
  await teacher.page.getByTestId("hand-ins-check").click();
  await teacher.page.getByTestId("hand-ins-table").waitFor({ timeout: 60_000 });
  console.log(`30 hand-ins (+2 bad lines) checked in the page in ${Date.now() - started} ms`);
  const rows = await teacher.page.getByTestId("hand-ins-row").evaluateAll((rows) =>
    rows.map((row) => ({
      verdict: row.dataset.verdict,
      complete: row.dataset.complete === "true",
      cells: [...row.cells].map((cell) => cell.textContent),
    })),
  );
  assert.equal(rows.length, 32);
  const byName = (name) => rows.find((row) => row.cells[1] === name);
  for (const { name } of handIns) assert.ok(byName(name), name);
  assert.equal(rows.filter((row) => row.complete).length, 24); // 25 finished, one code edited
  assert.deepEqual(byName("Student 02").cells.slice(2, 6), ["count", "0/3 (missing: third, closed, restart)", "unanswered", "not shown"]);
  assert.equal(byName("Student 09").cells[3], "3/3");
  assert.equal(byName("Student 09").cells[4], "1/1 right");
  assert.match(byName("Student 09").cells[6], /^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  assert.equal(byName("Student 07").verdict, "tampered");
  const flagged = rows.filter((row) => row.verdict === "tampered" || row.verdict === "damaged");
  assert.equal(flagged.length, 3);
  assert.match(flagged[1].cells[7], /neither a link nor a completion code/);
  assert.match(flagged[2].cells[7], /too large/);
  assert.match(await teacher.page.getByTestId("hand-ins-status").innerText(), /^32 hand-ins: 24 complete, 5 not complete, 3 flagged, 0 unverified/);
  await screenshot(teacher.page, "teach-check-hand-ins");
  // The page is still the learner's playground behind the dialog.
  assert.equal(await teacher.page.getByTestId("server-status").textContent(), "running");
  assert.deepEqual(teacher.errors, []);
  assert.deepEqual(errors, []);
  await Promise.all([context.close(), teacher.context.close()]);
});

// ---- a teacher's own lesson, made in the page ----

const LOGIN_APP = `from flask import Flask, session

app = Flask(__name__)
app.secret_key = 'k'

@app.route('/login')
def login():
    session['user'] = 'ada'
    return 'Hello ada'

@app.route('/logout')
def logout():
    session.clear()
    return 'Bye'
`;

test("make a lesson: a teacher writes one with five kinds of goals, shares it, and a fresh browser completes it", async () => {
  const { page, errors, context } = await open(harness);
  await setCode(page, LOGIN_APP);
  await waitForStatus(page, "running");
  await go(page, "/login");
  await expectPageText(page, "Hello ada");
  await page.getByTestId("teach-menu").click();
  await page.getByTestId("open-lesson-builder").click();
  const builder = page.locator("#lesson-builder");
  await builder.getByTestId("builder-from-workspace").click();
  assert.equal(await builder.getByTestId("builder-steps").inputValue(), "GET /login");
  assert.equal(await builder.getByTestId("builder-code").inputValue(), LOGIN_APP);
  await builder.getByTestId("builder-title").fill("Log in, log out");
  await builder.getByTestId("builder-question").fill("What does `session.clear()` do to the cookie?");
  await builder.getByTestId("builder-hints").fill("Look at the jar.\nLog out and look again.");
  await builder.getByTestId("builder-explanation").fill("Clearing the session deletes the cookie.");
  await builder.getByTestId("builder-quiz-prompt").fill("After /logout the jar holds…");
  await builder.getByTestId("builder-quiz-options").fill("the session cookie | no: it was deleted\n* no session cookie | right");
  await builder.getByTestId("builder-steps").fill("GET /login\nGET /logout");
  const goals = [
    ["page_shows", "Hello ada"],
    ["jar_has", "session"],
    ["jar_lacks", "session"],
    ["code_calls", "session.clear"],
    ["status", "200"],
  ];
  for (const [n, [kind, value]] of goals.entries()) {
    if (n > 0) await builder.getByTestId("builder-add-goal").click();
    const row = builder.getByTestId("builder-goal").nth(n);
    await row.getByTestId("builder-goal-kind").selectOption(kind);
    await row.getByTestId("builder-goal-value").fill(value);
    await row.getByTestId("builder-goal-value").blur();
  }
  // "The jar has no session cookie" counts only once it had one.
  await builder.getByTestId("builder-goal").nth(2).getByTestId("builder-goal-after").check();
  // Checked live on the state on screen (Alice is on /login, logged in).
  const now = await builder.getByTestId("builder-goal-now").evaluateAll((spans) => spans.map((span) => span.dataset.state));
  assert.deepEqual(now, ["met", "met", "unmet", "met", "met"]);
  assert.match(await builder.getByTestId("builder-status").innerText(), /^Ready: 5 goals, 2 steps\./);
  // A mistake is named, and nothing can be shared until it is fixed.
  // A goal's fields are read when the teacher leaves them (the change event).
  const goalValue = builder.getByTestId("builder-goal").nth(4).getByTestId("builder-goal-value");
  await goalValue.fill("two hundred");
  await goalValue.blur();
  assert.match(await builder.getByTestId("builder-status").innerText(), /Not ready: goal 5: the value must be a whole number/);
  assert.equal(await builder.getByTestId("builder-make-link").isDisabled(), true);
  await goalValue.fill("200");
  await goalValue.blur();
  await builder.getByTestId("builder-make-link").click();
  const url = await builder.getByTestId("builder-link").inputValue();
  console.log(`a lesson made in the page (5 goals, quiz, 2 steps): ${url.length - url.indexOf("#") - 1} characters after #`);
  assert.equal(await builder.getByTestId("builder-export").getAttribute("download"), "teacher-log-in-log-out.json");
  await screenshot(page, "teach-lesson-builder");

  const learner = await open(harness, { url });
  const lesson = learner.page.locator(".lesson[data-lesson-id=teacher-log-in-log-out]");
  await lesson.waitFor();
  assert.equal(await learner.page.locator(".lesson-title").innerText(), "Log in, log out");
  const next = learner.page.getByTestId("lesson-next");
  while (await next.count()) await next.click();
  await expectPageText(learner.page, "Bye");
  await learner.page.locator(".quiz-option .quiz-pick").nth(1).click();
  await learner.page.locator(".quiz-option.right").waitFor();
  await eventually(
    () => goalStates(learner.page).then((states) => states.join(",")),
    "page-shows-helloada:met,jar-has-session:met,jar-lacks-session:met,code-calls-sessionclear:met,status-200:met",
  );
  await screenshot(learner.page, "teach-lesson-builder-learner");

  // "Try it" opens the same lesson in the teacher's own page.
  await builder.getByTestId("builder-try").click();
  await page.locator(".lesson[data-lesson-id=teacher-log-in-log-out]").waitFor();
  assert.deepEqual(learner.errors, []);
  assert.deepEqual(errors, []);
  await Promise.all([context.close(), learner.context.close()]);
});
