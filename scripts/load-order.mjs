// The order the built page loads in (issue 21), applied to trunk's index.html by the post_build
// hook before the Content-Security-Policy is written. trunk puts the wasm's preload links at the
// end of <head>, after two classic scripts that block the parser: the wasm was only requested
// once the editor bundle had been fetched and run. Here:
//   - the preload links go right after the charset, so the wasm and its glue are fetched at once, beside
//     the styles and the editor bundle;
//   - the editor bundle is preloaded (fetched beside the wasm): a plain visit runs it as soon as
//     it arrives (a small inline script; the main thread is idle while the wasm arrives), and an
//     address with a share link leaves it to the page (`ui::editor_bridge::load_bundle`), which
//     runs it after the link's result: that result needs no editor (running the bundle and
//     mounting CodeMirror took ~200 ms of a link's cold load). offline.js is deferred after the
//     wasm loader.
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
  // A plain visit (no link in the address) needs the editor first: its bundle runs as soon as it
  // has arrived, while the larger wasm is still arriving and compiling. Any other address leaves it
  // to the page. Only the timing rests on this guess: `load_bundle` inserts the script otherwise.
  const src = editor[0].match(/src="([^"]*)"/)[1];
  const integrity = editor[0].match(/integrity="([^"]*)"/)?.[1];
  preloads.push(
    "<script>" +
      'if (location.hash.replace(/^#/, "").split("&").every((part) => part === "" || part === "embed")) {' +
      ' const bundle = document.createElement("script");' +
      ` bundle.src = ${JSON.stringify(src)};` +
      (integrity ? ` bundle.integrity = ${JSON.stringify(integrity)};` : "") +
      ' bundle.dataset.editorBundle = "";' +
      " document.head.append(bundle); }" +
      "</script>",
  );
  const deferred = scripts
    .filter((tag) => !tag.includes("editor.bundle"))
    .map((tag) => tag.trim().replace("<script ", "<script defer "));
  html = html.replace(loader[0], `${loader[0]}\n    ${deferred.join("\n    ")}`);
  // Right after the charset, which must stay in the first 1024 bytes.
  html = html.replace(/<meta charset="utf-8" \/>/, (charset) => `${charset}\n    ${preloads.join("\n    ")}`);
  writeFileSync(file, html);
  console.log("load-order: wasm and editor bundle preloaded first; offline.js deferred after the loader");
}
