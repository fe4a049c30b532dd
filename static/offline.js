// Registers the service worker that keeps this build for offline use (scripts/service-worker.mjs
// writes it beside index.html at build time). Relative, so a page published under a sub-path
// registers the worker of that sub-path, whose scope is that sub-path only. `updateViaCache:
// "none"` asks the server for the worker every time the page loads: a new build is noticed at once.
// Registered once the page has shown its first result (the app fires `playground-loaded`):
// installing the worker fetches the whole build again, which must not compete with the page's
// own first load.
if ("serviceWorker" in navigator) {
  const register = () =>
    navigator.serviceWorker.register("sw.js", { updateViaCache: "none" }).catch((error) => {
      // The page works without it (only offline use is lost): a note for the console, no more.
      console.warn(`offline use is not available: ${error}`);
    });
  // The app may have announced it before this deferred script ran: its mark says so.
  if (performance.getEntriesByName("playground-loaded").length) register();
  else addEventListener("playground-loaded", register, { once: true });
}
