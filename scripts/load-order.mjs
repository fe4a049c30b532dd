// The order the built page loads in (issue 21), applied to trunk's index.html by the post_build
// hook before the Content-Security-Policy is written. trunk puts the wasm's preload links at the
// end of <head>, after two classic scripts that block the parser: the wasm was only requested
// once the editor bundle had been fetched and run. Here:
//   - the preload links go right after the charset, so the wasm and its glue are fetched at once, beside
//     the styles and the editor bundle;
//   - the editor bundle is only preloaded (fetched beside the wasm, not run): the page runs it
//     when it needs the editor (`ui::editor_bridge::load_bundle`): at once on a plain visit, and
//     after the first result for a share link, whose result needs no editor (running the bundle
//     and mounting CodeMirror took ~200 ms of a link's cold load). offline.js is deferred after
//     the wasm loader.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function loadOrder(dir) {
  const file = join(dir, "index.html");
  let html = readFileSync(file, "utf8");
  const preloads = [...html.matchAll(/<link rel="(?:modulepreload|preload)"[^>]*>/g)].map(([tag]) => tag);
  const scripts = [...html.matchAll(/<script src="[^"]*"[^>]*><\/script>\s*/g)].map(([tag]) => tag);
  const loader = html.match(/<script type="module">[\s\S]*?<\/script>/);
  if (preloads.length !== 2 || scripts.length !== 2 || !loader) {
    throw new Error(`load-order: unexpected index.html (${preloads.length} preloads, ${scripts.length} scripts, loader ${!!loader})`);
  }
  for (const tag of [...preloads, ...scripts]) html = html.replace(tag, "");
  const editor = scripts.filter((tag) => tag.includes("editor.bundle"));
  if (editor.length !== 1) throw new Error("load-order: no editor bundle script in index.html");
  // Same integrity and no crossorigin, as the script the page inserts will have: the preloaded
  // response is then the one it runs.
  preloads.push(editor[0].trim().replace(/^<script src=/, '<link rel="preload" as="script" href=').replace(/><\/script>$/, ">"));
  const deferred = scripts
    .filter((tag) => !tag.includes("editor.bundle"))
    .map((tag) => tag.trim().replace("<script ", "<script defer "));
  html = html.replace(loader[0], `${loader[0]}\n    ${deferred.join("\n    ")}`);
  // Right after the charset, which must stay in the first 1024 bytes.
  html = html.replace(/<meta charset="utf-8" \/>/, (charset) => `${charset}\n    ${preloads.join("\n    ")}`);
  writeFileSync(file, html);
  console.log("load-order: wasm and editor bundle preloaded first; offline.js deferred after the loader");
}
