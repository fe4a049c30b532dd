// The engine worker (src/ui/engine_worker.rs): runs the learner's requests off the page's main
// thread, so a runaway handler never freezes the tab and "Stop" (which ends this worker) always
// works. It runs the page's own WebAssembly: the first message carries the module the page
// already compiled and the URL of the wasm-bindgen glue that binds it, so nothing is downloaded
// or compiled twice. Every later message is a job (JSON) for the exported `engineRun`; the reply
// carries the job's id so the page can tell it from a stale one.
let ready = null;

self.onmessage = async (event) => {
  const message = event.data;
  if (message.glue) {
    ready = import(message.glue).then(async (glue) => {
      await glue.default({ module_or_path: message.module });
      return glue;
    });
    return;
  }
  let answer;
  try {
    const glue = await ready;
    answer = { id: message.id, reply: glue.engineRun(message.job) };
  } catch (error) {
    answer = { id: message.id, error: `the engine worker failed: ${error}` };
  }
  self.postMessage(answer);
};
