// Records which cookie names and values real Chromium accepts from its dev tools (the DevTools
// protocol's Network.setCookie, what the Application panel's edit uses) for a site, so the
// playground's dev-tools edits and link steps refuse exactly what Chromium refuses.
// Writes devtools_values.json beside this script; tests/browser_layer/devtools.rs replays it.
//
//     node tests/browser_layer/chromium/devtools_values.mjs [/usr/bin/chromium]
//
// Needs the repo's npm packages (playwright-core) and Chromium. Never edit the JSON by hand.
import { writeFileSync } from "node:fs";
import { chromium } from "playwright-core";

const executablePath = process.argv[2] || "/usr/bin/chromium";
const CTL = [0, 1, 7, 9, 10, 13, 27, 31, 127].map((c) => String.fromCharCode(c));
const values = [
  "abc", "", "a b", "\"quoted\"", "a,b", "a\\b", "a=b", "é", "日本", "😀", "a;b", ";", " lead",
  "trail ", "\tlead", "trail\t", "  ", "eyJjb3VudCI6MX0.aVZmgA.abc-_", "x".repeat(4089),
  "x".repeat(4090), "x".repeat(5000),
  ...CTL.map((c) => `a${c}b`),
];
const names = [
  "session", "a", "", "a b", "a;b", "a=b", " lead", "trail ", "__Host-x", "__Secure-x", "é",
  ...CTL.map((c) => `n${c}m`),
];

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
const context = await browser.newContext();
const page = await context.newPage();
const cdp = await context.newCDPSession(page);

async function tryPair(name, value) {
  await cdp.send("Network.clearBrowserCookies");
  try {
    await cdp.send("Network.setCookie", { name, value, url: "http://localhost/" });
  } catch (e) {
    return { accepted: false };
  }
  const { cookies } = await cdp.send("Network.getCookies", { urls: ["http://localhost/"] });
  const kept = cookies.find((c) => c.name === name);
  return { accepted: Boolean(kept), stored_value: kept ? kept.value : null };
}

const cases = [];
for (const value of values) cases.push({ name: "session", value, ...(await tryPair("session", value)) });
for (const name of names) cases.push({ name, value: "v", ...(await tryPair(name, "v")) });
cases.push({ name: "", value: "", ...(await tryPair("", "")) });
cases.push({ name: "", value: "a=b", ...(await tryPair("", "a=b")) });
cases.push({ name: "n".repeat(4000), value: "v".repeat(96), ...(await tryPair("n".repeat(4000), "v".repeat(96))) });
cases.push({ name: "n".repeat(4000), value: "v".repeat(97), ...(await tryPair("n".repeat(4000), "v".repeat(97))) });
const version = browser.version();
await browser.close();
const out = new URL("devtools_values.json", import.meta.url);
writeFileSync(out, JSON.stringify({ chromium: version, cases }, null, 1) + "\n");
console.log(`${cases.length} cases from Chromium ${version}: ${cases.filter((c) => c.accepted).length} accepted`);
