// Writes resolve.json: links and form actions a rendered page may hold, each resolved against a
// page's URL by Node's WHATWG `URL` (the URL Standard, as browsers resolve them). Only http(s)
// results are kept with their fragment cut (a fragment never reaches the server); a reference
// the standard refuses is recorded with `null`.
//
//     node tests/browser_layer/url/generate.mjs
import { writeFileSync } from "node:fs";

const bases = [
  "http://localhost/",
  "http://localhost/login",
  "http://localhost/blog/post/3?x=1",
  "http://localhost/static/css/",
  "http://localhost/a/b/c",
];
const references = [
  "login", "./login", "../login", "../../../../x", "/static/style.css", "static/style.css",
  "?page=2", "?", "", "#top", "page#top", "//localhost/x", "http://localhost/y",
  "HTTP://LOCALHOST:80/z", "https://localhost/s", ".", "..", "./", "a/./b/../c", "a//b",
  "/a/%2e%2E/b", "a b", "caf\u00e9", "q?x=a b&y=\u00fc", "\\\\localhost\\x", "a\\b",
  "  login  ", "\tlog\nin", "/%7Euser/", "x?y#z", "?q=1#f",
];
const cases = [];
for (const base of bases) {
  for (const reference of references) {
    let resolved = null;
    try {
      const url = new URL(reference, base);
      if (url.protocol === "http:" || url.protocol === "https:") {
        url.hash = "";
        resolved = url.href.replace(/#$/, "");
      }
    } catch {
      resolved = null;
    }
    cases.push({ base, reference, resolved });
  }
}
const out = new URL("./resolve.json", import.meta.url);
writeFileSync(out, JSON.stringify(cases, null, 1) + "\n");
console.log(`wrote ${cases.length} cases`);
