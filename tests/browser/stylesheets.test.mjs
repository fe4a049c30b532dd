// A response's stylesheets in a real browser (issues 13 and 18): a learner's template links
// static/style.css with url_for and static/extra.css by a relative URL; the virtual browser
// requests both from the simulated app (the Network list shows them as stylesheets the page
// started, the server log as flask run prints them), and the page in the frame is styled by
// them although the frame fetches nothing. A stylesheet on another origin is blocked and the
// Network list says why. Run at the wide layout and on a phone; the screenshots are for people.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { screenshot, start } from "./harness.mjs";
import { eventually, go, pageText, setCode, waitForStatus } from "./workspace.mjs";

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.stop();
});

const APP = `from flask import Flask, render_template

app = Flask(__name__)

@app.route("/")
def index():
    return render_template("base.html")
`;
const TEMPLATE = `<!doctype html>
<html><head>
<link rel="stylesheet" href="{{ url_for('static', filename='style.css') }}">
<link rel="stylesheet" href="static/extra.css">
<link rel="stylesheet" href="https://cdn.example/theme.css">
</head><body><h1>Styled by the app</h1><p>Green text from a relative link.</p></body></html>`;
const STYLE = "h1 { color: rgb(200, 30, 40); font-family: serif; }";
const EXTRA = "p { color: rgb(10, 120, 30); }";

async function open(harness, { viewport }) {
  const { page, errors, context } = await harness.newPage({ viewport });
  await page.goto(harness.url);
  await page.getByTestId("editor").locator(".cm-content").waitFor({ state: "attached" });
  await waitForStatus(page, "running");
  return { page, errors, context };
}

/** In the narrow layout, shows a pane by its tab; on a wide screen every pane is there already. */
async function showPane(page, label) {
  const narrow = await page.evaluate(() => matchMedia("(max-width: 900px)").matches);
  if (narrow) await page.locator(".pane-tab", { hasText: label }).click();
}

const openFile = (page) => page.getByTestId("open-file-name").innerText();

async function addFile(page, path, text) {
  const field = page.getByTestId("file-path");
  await field.fill(path);
  await field.press("Enter");
  await eventually(() => openFile(page), path);
  await setCode(page, text);
}

/** The computed colour of the first `selector` element inside the page frame. */
const colour = (page, selector) =>
  page
    .getByTestId("page")
    .locator("iframe")
    .contentFrame()
    .locator(selector)
    .first()
    .evaluate((element) => getComputedStyle(element).color);

for (const [width, height] of [
  [1280, 800],
  [390, 844],
]) {
  test(`at ${width}×${height}: the page's stylesheets come from the app and style the response`, async () => {
    const viewport = { width, height };
    const { page, errors, context } = await open(harness, { viewport });
    await showPane(page, "Code");
    await addFile(page, "static/style.css", STYLE);
    await addFile(page, "static/extra.css", EXTRA);
    await addFile(page, "templates/base.html", TEMPLATE);
    await page.locator(`[data-testid=file-tab][data-path="app.py"]`).click();
    await eventually(() => openFile(page), "app.py");
    await setCode(page, APP);
    await waitForStatus(page, "running");

    await showPane(page, "Browser");
    await go(page, "/");
    await eventually(() => pageText(page), /^Styled by the app\n+Green text from a relative link\.$/);
    await eventually(() => colour(page, "h1"), "rgb(200, 30, 40)");
    assert.equal(await colour(page, "p"), "rgb(10, 120, 30)");
    // The frame holds the sheets' text; it requested nothing (its policy allows no fetch).
    const inlined = await page
      .getByTestId("page")
      .locator("iframe")
      .contentFrame()
      .locator("style")
      .allTextContents();
    assert.deepEqual(inlined, [STYLE, EXTRA]);
    await screenshot(page, `stylesheets-page-${width}`);

    // The Network list: the page, then its three stylesheets, the one elsewhere blocked; the
    // page's exchange is followed by each stylesheet's request, headers as Chromium sends them.
    await showPane(page, "Dev tools");
    await page.getByRole("tab", { name: /Network/ }).click();
    const sheets = page.getByTestId("network-stylesheet");
    await eventually(() => sheets.count(), 3);
    assert.deepEqual(await sheets.locator("td:first-child").allInnerTexts(), [
      "/static/style.css · 200 · stylesheet · from /",
      "/static/extra.css · 200 · stylesheet · from /",
      "https://cdn.example/theme.css · (blocked) · stylesheet · from /",
    ]);
    const details = page.getByTestId("stylesheet-detail");
    await eventually(() => details.count(), 3);
    assert.match(
      await details.first().innerText(),
      /GET \/static\/style\.css HTTP\/1\.1\nHost: localhost\nAccept: text\/css,\*\/\*;q=0\.1\nSec-Fetch-Site: same-origin\nSec-Fetch-Mode: no-cors\nSec-Fetch-Dest: style\nReferer: http:\/\/localhost\//,
    );
    assert.match(await details.nth(2).innerText(), /blocked: https:\/\/cdn\.example\/theme\.css is on another origin/);
    await screenshot(page, `stylesheets-network-${width}`);

    // The server log has the stylesheets' requests after the page's, as flask run prints them.
    await showPane(page, "Server");
    await eventually(
      () => page.getByTestId("server-log").innerText(),
      /"GET \/ HTTP\/1\.1" 200 -\n.*"GET \/static\/style\.css HTTP\/1\.1" 200 -\n.*"GET \/static\/extra\.css HTTP\/1\.1" 200 -/,
    );
    assert.deepEqual(errors, []);
    await context.close();
  });
}
