// The page's Content-Security-Policy, written into the built page by the post_build hook
// (scripts/post-build.mjs). The page loads only its own files (scripts, wasm, styles, its
// service worker) and makes no request anywhere else; responses shown in the virtual browser get
// a stricter policy of their own (src/ui/frame_policy.rs). trunk writes one inline module script
// (the wasm loader) whose text changes with each build, so its hash is computed after the build,
// and the policy is put first in <head>.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function policyFor(dir) {
  const file = join(dir, "index.html");
  let html = readFileSync(file, "utf8");
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`,
  );
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, "");
  html = html.replace(/<head>/, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
  writeFileSync(file, html);
  console.log(`page-csp: ${hashes.length} inline script(s) allowed by hash`);
  return policy;
}
