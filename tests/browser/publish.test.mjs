// Publishing under a sub-path (README "Publish it"): the page built with
// `trunk build --release --public-url /course/play/` and served only under that prefix works,
// and its share links use the page's own address and open there.
//
// The build goes to target/dist-subpath/ (made here if missing; set SUBPATH_DIST to use another
// folder). Set TRUNK_LOCK to a lock file to run the build under `flock`, as on a shared machine.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { screenshot, start } from "./harness.mjs";
import { expectPageText, go, open } from "./workspace.mjs";

const ROOT = resolve(new URL("../..", import.meta.url).pathname);
const PREFIX = "/course/play/";
const DIST = process.env.SUBPATH_DIST || join(ROOT, "target", "dist-subpath");

let harness;
before(async () => {
  if (!existsSync(join(DIST, "index.html"))) {
    const build = `source scripts/env.sh && trunk build --release --public-url ${PREFIX} --dist '${DIST}'`;
    const command = process.env.TRUNK_LOCK ? ["flock", [process.env.TRUNK_LOCK, "bash", "-c", build]] : ["bash", ["-c", build]];
    execFileSync(command[0], command[1], { cwd: ROOT, stdio: "inherit", timeout: 30 * 60_000 });
  }
  harness = await start({ prefix: PREFIX, root: DIST });
});
after(async () => {
  await harness?.stop();
});

test("the page works under a sub-path and its share links open there", async () => {
  assert.ok(harness.url.endsWith(PREFIX), harness.url);
  const { page, errors, context } = await open(harness);
  await go(page, "/count");
  await expectPageText(page, "Visit number: 1");
  await go(page, "/count");
  await expectPageText(page, "Visit number: 2");
  await page.getByTestId("share").click();
  const url = await page.getByTestId("share-url").inputValue();
  assert.ok(url.startsWith(`${harness.url}#v2.`), url);
  const fresh = await open(harness, { url });
  await expectPageText(fresh.page, "Visit number: 2");
  await screenshot(fresh.page, "publish-subpath");
  assert.deepEqual(fresh.errors, []);
  assert.deepEqual(errors, []);
  await Promise.all([context.close(), fresh.context.close()]);
});
