// trunk's post_build hook, one script so the steps run in order: the order the page loads in, then
// the page's Content-Security-Policy (both change index.html; the policy goes first in <head>),
// then the service worker (which lists and digests the final files).
import { loadOrder } from "./load-order.mjs";
import { policyFor } from "./page-csp.mjs";
import { writeServiceWorker } from "./service-worker.mjs";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error("post-build: no TRUNK_STAGING_DIR (run as trunk's post_build hook) and no folder given");
  process.exit(2);
}
loadOrder(dir);
policyFor(dir);
writeServiceWorker(dir);
