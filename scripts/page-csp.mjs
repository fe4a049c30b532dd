// trunk's post_build hook: gives the built page its Content-Security-Policy. The page loads only
// its own files (scripts, wasm, styles) and makes no request anywhere else; responses shown in the
// virtual browser get a stricter policy of their own (src/ui/frame_policy.rs). trunk writes one
// inline module script (the wasm loader) whose text changes with each build, so its hash is
// computed here, after the build, and the policy is put first in <head>.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error("page-csp: no TRUNK_STAGING_DIR (run as trunk's post_build hook) and no folder given");
  process.exit(2);
}
const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`,
);
export const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, "");
html = html.replace(/<head>/, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
writeFileSync(file, html);
console.log(`page-csp: ${hashes.length} inline script(s) allowed by hash`);
