// The order the built page loads in (issue 21), applied to trunk's index.html by the post_build
// hook before the Content-Security-Policy is written. trunk puts the wasm's preload links at the
// end of <head>, after two classic scripts that block the parser: the wasm was only requested
// once the editor bundle had been fetched and run. Here:
//   - the preload links go right after the charset, so the wasm and its glue are fetched at once, beside
//     the styles and the editor bundle;
//   - the editor bundle and offline.js are deferred and follow the wasm loader, so the loader
//     starts compiling the wasm (off the main thread) before the bundle runs. The editor
//     component waits for the bundle if the wasm is ever ready first (`playground-editor` event).
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
  const deferred = scripts.map((tag) => tag.trim().replace("<script ", "<script defer "));
  html = html.replace(loader[0], `${loader[0]}\n    ${deferred.join("\n    ")}`);
  // Right after the charset, which must stay in the first 1024 bytes.
  html = html.replace(/<meta charset="utf-8" \/>/, (charset) => `${charset}\n    ${preloads.join("\n    ")}`);
  writeFileSync(file, html);
  console.log("load-order: wasm preloaded first; editor bundle and offline.js deferred after the loader");
}
