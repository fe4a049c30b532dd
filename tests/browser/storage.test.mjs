// Saved work is sacred: what storage holds is never overwritten unread, a full or disabled
// storage is said out loud while the work stays on screen, a load that never finished opens the
// work without running it, and two tabs keep each other's saved workspaces.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { screenshot, start } from "./harness.mjs";
import { editorText, eventually, expectPageText, go, open, setCode, waitForStatus } from "./workspace.mjs";

const KEY = "flask-session-playground";
const BACKUP = "flask-session-playground.unreadable";
const BUSY = "flask-session-playground.busy";

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.stop();
});

/** Waits until the autosave has written something matching `pattern` under the main key. */
async function saved(page, pattern) {
  await page.waitForFunction(
    ([key, source]) => new RegExp(source).test(localStorage.getItem(key) ?? ""),
    [KEY, pattern.source],
    { timeout: 5_000 },
  );
}

test("saved work this build cannot read is set aside, offered for download, and never written over", async () => {
  const { page, errors, context } = await open(harness);
  await go(page, "/count");
  await saved(page, /GET \/count/);
  // What a newer build (or a damaged write) might leave: not readable by this one.
  const unreadable = '{"version": 1, "current": {"version": 1, "code": "print(1)", "actions": [';
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, unreadable]);
  // Leave without another save (the autosave has nothing pending), then load again.
  await page.goto("about:blank");
  await page.goto(harness.url);
  await page.getByTestId("editor").locator(".cm-content").waitFor();
  await waitForStatus(page, "running");
  await eventually(() => page.getByTestId("storage-warning").innerText(), /could not be read[\s\S]*set aside, not deleted/);
  const backup = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), BACKUP);
  assert.equal(backup, unreadable, "the unreadable text is kept exactly");
  assert.match(await page.getByTestId("storage-download").getAttribute("href"), /^data:application\/json/);
  await screenshot(page, "storage-unreadable");
  // New work is saved under the main key; the set-aside copy is untouched.
  await go(page, "/count");
  await saved(page, /GET \/count/);
  assert.equal(await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), BACKUP), unreadable);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a full storage is said out loud and the work stays on screen", async () => {
  const { page, context, errors } = await harness.newPage({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((key) => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (name, value) {
      if (name === key) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return real.call(this, name, value);
    };
  }, KEY);
  await page.goto(harness.url);
  await page.getByTestId("editor").locator(".cm-content").waitFor();
  await waitForStatus(page, "running");
  const source = "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/')\ndef home():\n    return 'still here'\n";
  await setCode(page, source);
  await eventually(() => page.getByTestId("storage-warning").innerText(), /not being saved: the browser's storage for this site is full/);
  await waitForStatus(page, "running");
  await go(page, "/");
  await expectPageText(page, "still here");
  assert.equal((await editorText(page)).trim(), source.trim());
  await screenshot(page, "storage-full");
  assert.deepEqual(errors.filter((error) => !/work not saved/.test(error)), []);
  await context.close();
});

test("a page whose storage is disabled still works and says its work is not kept", async () => {
  const { page, context, errors } = await harness.newPage({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("Access is denied for this document.", "SecurityError");
      },
    });
  });
  await page.goto(harness.url);
  await page.getByTestId("editor").locator(".cm-content").waitFor();
  await waitForStatus(page, "running");
  await go(page, "/count");
  await expectPageText(page, "Visit number: 1");
  await eventually(() => page.getByTestId("storage-warning").innerText(), /not being saved: the browser does not allow/);
  assert.deepEqual(errors.filter((error) => !/work not saved/.test(error)), []);
  await context.close();
});

test("after a load that never finished, the work is opened without running it and kept by name", async () => {
  const { page, errors, context } = await open(harness);
  await go(page, "/count");
  await go(page, "/count");
  await saved(page, /GET \/count[\s\S]*GET \/count/);
  // What a tab that froze or crashed in the middle of an action leaves behind.
  await page.evaluate((key) => localStorage.setItem(key, "true"), BUSY);
  await page.goto("about:blank");
  await page.goto(harness.url);
  await page.getByTestId("editor").locator(".cm-content").waitFor();
  await waitForStatus(page, "running");
  await eventually(() => page.getByTestId("notice").innerText(), /did not finish loading[\s\S]*Saved menu/);
  assert.equal(await page.getByTestId("timeline-entry").count(), 0, "nothing was replayed");
  await eventually(() => page.locator(".saved-menu > summary").innerText(), /Saved \(1\)/);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), BUSY), null, "the load finished this time");
  // Opening it from the menu runs it as it was.
  await page.locator(".saved-menu > summary").click();
  await page.locator(".saved-menu li button", { hasText: "Work not run" }).click();
  await eventually(() => page.getByTestId("timeline-entry").count(), 2);
  await expectPageText(page, "Visit number: 2");
  // "Start afresh" is always there, and keeps the work too.
  await page.locator(".saved-menu > summary").click();
  await page.getByTestId("start-afresh").click();
  await eventually(() => page.getByTestId("timeline-entry").count(), 0);
  await eventually(() => page.getByTestId("notice").innerText(), /fresh start[\s\S]*Saved menu/i);
  assert.deepEqual(errors, []);
  await context.close();
});

test("two tabs: what one tab saves joins the other's saved workspaces, and survives its next save", async () => {
  const { page, errors, context } = await open(harness);
  await go(page, "/count");
  await saved(page, /GET \/count/);
  const other = await context.newPage();
  await other.goto(harness.url);
  await other.getByTestId("editor").locator(".cm-content").waitFor();
  // The other tab saves a document holding a named workspace (what its autosave writes).
  await other.evaluate((key) => {
    const work = JSON.parse(localStorage.getItem(key));
    const named = { ...work.current, c: "print('from the other tab')\n" };
    work.saved = [...work.saved, { name: "Other tab's work", workspace: named }];
    localStorage.setItem(key, JSON.stringify(work));
  }, KEY);
  await eventually(() => page.getByTestId("notice").innerText(), /Another tab of the playground saved 1 workspace/);
  await eventually(() => page.locator(".saved-menu > summary").innerText(), /Saved \(1\)/);
  await other.close();
  // This tab's next save keeps it.
  await go(page, "/count");
  await saved(page, /GET \/count[\s\S]*GET \/count/);
  const names = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).saved.map((entry) => entry.name), KEY);
  assert.deepEqual(names, ["Other tab's work"]);
  assert.deepEqual(errors, []);
  await context.close();
});
