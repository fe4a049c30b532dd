// Keyboard and screen-reader basics of the whole page: every control has an accessible name,
// and Tab reaches them with a visible focus ring.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { start } from "./harness.mjs";
import { go, open } from "./workspace.mjs";

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.stop();
});

test("every control has an accessible name and Tab shows where the focus is", async () => {
  const { page, errors, context } = await open(harness);
  await go(page, "/count");
  const unnamed = await page.evaluate(() => {
    const controls = document.querySelectorAll("button, input, select, textarea, [tabindex]:not([tabindex='-1']), [contenteditable=true]");
    const nameOf = (element) => {
      const labelled = element.getAttribute("aria-labelledby");
      const byId = labelled ? labelled.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" ") : "";
      const labels = element.labels ? [...element.labels].map((label) => label.textContent).join(" ") : "";
      return [element.getAttribute("aria-label"), byId, labels, element.getAttribute("title"), element.getAttribute("placeholder"),
        element.tagName === "BUTTON" ? element.textContent : ""].filter(Boolean).join(" ").trim();
    };
    return [...controls]
      .filter((element) => !element.closest("[hidden]") && element.getClientRects().length > 0)
      .filter((element) => !nameOf(element))
      .map((element) => element.outerHTML.slice(0, 120));
  });
  assert.deepEqual(unnamed, []);
  // Tab from the top: the focus moves through the page and every stop draws an outline.
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  const stops = [];
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press("Tab");
    stops.push(await page.evaluate(() => {
      const element = document.activeElement;
      // CodeMirror draws its focus on the editor around the editable element.
      // A focused page frame is ringed by the page around it.
      const style = getComputedStyle(element.closest(".cm-editor") ?? (element.tagName === "IFRAME" ? element.parentElement : element));
      const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 || style.boxShadow !== "none";
      return { tag: element.tagName, ring, text: (element.getAttribute("aria-label") || element.textContent || "").trim().slice(0, 30) };
    }));
    if (stops.at(-1).tag === "DIV" && stops.at(-1).text.startsWith("app.py")) {
      // CodeMirror takes Tab for indentation while it has focus (Escape then Tab leaves it).
      await page.keyboard.press("Escape");
    }
  }
  // Past the last control the focus leaves for the browser's own UI (BODY): not a stop.
  const withoutRing = stops.filter((stop) => !stop.ring && stop.tag !== "BODY");
  assert.deepEqual(withoutRing, [], JSON.stringify(stops));
  assert.ok(new Set(stops.map((stop) => stop.text)).size > 10, JSON.stringify(stops));
  assert.deepEqual(errors, []);
  await context.close();
});
