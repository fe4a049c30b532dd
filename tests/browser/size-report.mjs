// Prints the gzipped transfer size of the built page by kind (wasm, glue js, css, editor,
// html + other) and fails when the total is over the budget. Usage: node size-report.mjs DIST
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

// The product budget: the whole page under 1 MB gzipped (issue 2 allowed 1.5 MB at first).
const BUDGET_BYTES = Number(process.env.PAGE_BUDGET_BYTES || 1_000_000);
const dist = process.argv[2] || "dist";

function kindOf(name) {
  if (name.endsWith(".wasm")) return "wasm";
  if (name.startsWith("editor.bundle") && name.endsWith(".js")) return "editor";
  if (name.endsWith(".js")) return "js";
  if (name.endsWith(".css")) return "css";
  return "html+other";
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const totals = {};
for (const path of files(dist)) {
  const name = path.slice(dist.length + 1);
  const gz = gzipSync(readFileSync(path), { level: 9 }).length;
  totals[kindOf(name.split("/").pop())] = (totals[kindOf(name.split("/").pop())] || 0) + gz;
}
const total = Object.values(totals).reduce((a, b) => a + b, 0);
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
for (const kind of ["wasm", "js", "css", "editor", "html+other"]) {
  console.log(`${kind.padEnd(11)} ${kb(totals[kind] || 0).padStart(10)} gzipped`);
}
console.log(`${"total".padEnd(11)} ${kb(total).padStart(10)} gzipped (budget ${kb(BUDGET_BYTES)})`);
if (total > BUDGET_BYTES) {
  console.error(`page size: ${kb(total)} is over the budget of ${kb(BUDGET_BYTES)}`);
  process.exit(1);
}
