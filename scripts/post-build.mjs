// trunk's post_build hook, one script so the steps run in order: the page's Content-Security-Policy
// first (it changes index.html), then the service worker (which lists and digests the final files).
import { policyFor } from "./page-csp.mjs";
import { writeServiceWorker } from "./service-worker.mjs";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error("post-build: no TRUNK_STAGING_DIR (run as trunk's post_build hook) and no folder given");
  process.exit(2);
}
policyFor(dir);
writeServiceWorker(dir);
