// Project files in a real browser (issue 18): a learner adds templates/index.html in the Code
// pane, renders it from app.py, breaks it and sees its line marked in the template's own tab,
// then shares the workspace and opens the link in another browser context with every file
// intact. Run at the wide layout and on a phone; the screenshots are for people to look at.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { screenshot, start } from "./harness.mjs";
import { editorText, eventually, expectPageText, expectStatus, go, setCode, waitForStatus } from "./workspace.mjs";

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.stop();
});

const APP = `from flask import Flask, render_template, session

app = Flask(__name__)
app.secret_key = "dev"

@app.route("/hello")
def hello():
    session["seen"] = session.get("seen", 0) + 1
    return render_template("index.html", name="Alice", seen=session["seen"])
`;
const TEMPLATE = `<h1>Hello {{ name }}</h1>
<ul>
{% for i in range(seen) %}<li>visit {{ loop.index }}</li>{% endfor %}
</ul>`;
const BROKEN = TEMPLATE.replace("{% endfor %}", "{% endfo %}");

/** Opens the page (or `url`) at `viewport` and waits until the simulated server answers (the
 * editor may be in a pane not on show, as on a phone). */
async function open(harness, { url, viewport }) {
  const { page, errors, context } = await harness.newPage({ viewport });
  await page.goto(url ?? harness.url);
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
const tab = (page, path) => page.locator(`[data-testid=file-tab][data-path="${path}"]`);

for (const [width, height] of [
  [1280, 800],
  [390, 844],
]) {
  test(`at ${width}×${height}: a template made, rendered, broken, marked, shared and reopened`, async () => {
    const viewport = { width, height };
    const { page, errors, context } = await open(harness, { viewport });
    await showPane(page, "Code");
    // Add the template: its tab opens, empty.
    const path = page.getByTestId("file-path");
    await path.fill("templates/index.html");
    await path.press("Enter");
    await eventually(() => openFile(page), "templates/index.html");
    await setCode(page, TEMPLATE);
    // A path a project cannot hold is refused with the reason.
    await path.fill("../outside.txt");
    await page.getByTestId("add-file").click();
    await eventually(() => page.getByTestId("notice").innerText(), /not added: .*'\.\.\/outside\.txt'/);
    await tab(page, "app.py").click();
    await eventually(() => openFile(page), "app.py");
    await setCode(page, APP);
    await waitForStatus(page, "running");
    await screenshot(page, `files-app-py-${width}`);

    await showPane(page, "Browser");
    await go(page, "/hello");
    await expectPageText(page, "Hello Alice\nvisit 1");

    // Break the template; the request fails and the template's tab opens with line 3 marked.
    await showPane(page, "Code");
    await tab(page, "templates/index.html").click();
    await eventually(() => openFile(page), "templates/index.html");
    await setCode(page, BROKEN);
    await showPane(page, "Browser");
    await go(page, "/hello");
    await expectStatus(page, "500");
    await showPane(page, "Code");
    await eventually(() => openFile(page), "templates/index.html");
    await eventually(
      () =>
        page.evaluate(() => {
          const lines = [...document.querySelectorAll("[data-testid=editor] .cm-line")];
          return lines.map((line, i) => (line.querySelector(".cm-lintRange") ? i + 1 : 0)).filter(Boolean).join(",");
        }),
      "3",
    );
    assert.equal(await editorText(page), BROKEN);
    // Under the editor, at every width, the error says where and what, without the Server tab.
    const strip = page.getByTestId("editor-error");
    assert.match(await strip.innerText(), /The last request failed: templates\/index\.html, line 3: TemplateSyntaxError: /);
    assert.ok(await strip.isVisible(), "the error line is in view");
    const box = await strip.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= width, `the error line fits the width (${JSON.stringify(box)})`);
    // From app.py's tab, one button opens the broken file.
    await tab(page, "app.py").click();
    await eventually(() => openFile(page), "app.py");
    await page.getByTestId("editor-error-open").click();
    await eventually(() => openFile(page), "templates/index.html");
    await screenshot(page, `files-template-error-${width}`);
    // The server log shows the template's line as `flask run` does.
    await showPane(page, "Server");
    await eventually(
      () => page.getByTestId("server-log").innerText(),
      /File "templates\/index\.html", line 3, in template\n\s*\{% for i in range\(seen\) %\}/,
    );

    // Share, and open the link in another browser context: every file is there.
    await page.getByTestId("share").click();
    const url = await page.getByTestId("share-url").inputValue();
    const fresh = await open(harness, { url, viewport });
    await showPane(fresh.page, "Code");
    await eventually(() => tab(fresh.page, "templates/index.html").count(), 1);
    assert.equal(await openFile(fresh.page), "templates/index.html", "the failing template's tab is open");
    assert.equal(await editorText(fresh.page), BROKEN);
    await tab(fresh.page, "app.py").click();
    await eventually(() => editorText(fresh.page), APP);
    await showPane(fresh.page, "Browser");
    await expectStatus(fresh.page, "500");
    await screenshot(fresh.page, `files-shared-reopened-${width}`);
    assert.deepEqual(fresh.errors, []);
    await fresh.context.close();
    assert.deepEqual(errors, []);
    await context.close();
  });
}
