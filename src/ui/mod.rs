//! The page, in Yew. Components only render state and dispatch actions; the state and its pure
//! transitions live in [`state`] and are tested natively.
//!
//! Modules:
//! - [`state`]: the `Workspace` model, the `Action`s and the reducer.
//! - [`editor_buffers`]: the editor's code, files and tab on screen.
//! - [`lesson_run`]: lessons, share links and saved work in the workspace.
//! - [`replay_budget`]: the total work one replay of a link or saved work may take.
//! - [`history`]: the replayable steps and start of a workspace (rewind, share links).
//! - [`shared_log`]: the append-only sequence successive states share (the timeline, the log).
//! - [`app`]: the root component, owner of the one `use_reducer`.
//! - `components`: one component per file (header, editor, browser pane, dev tools, server pane).
//! - [`engine_worker`]: the learner's requests run first in a Web Worker, with Stop (behind a
//!   switch: `?engine=worker`).
//! - [`editor_bridge`]: the binding to the CodeMirror bundle (`js/editor.js`).
//! - [`sequence`]: the timeline laid out as a sequence diagram (pure; drawn by a component).
//! - [`ansi`]: terminal colours in the server log (Werkzeug colours its access lines).
//! - [`panic_report`]: turns a panic into a readable message in the page and the console.
//! - [`storage`]: saved work in localStorage and share links in the address fragment.
//! - [`guide`]: the narrow layout's panes, lessons by difficulty, start addresses, what the
//!   step box offers, notice kinds (plain data, tested natively).
//! - [`shortcuts`]: page-wide keyboard shortcuts (Ctrl/Cmd+Enter, Ctrl+L).

pub mod ansi;
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod bench_hook;
pub mod bench_work;
mod components;
pub mod dom;
pub mod editor_bridge;
pub mod editor_buffers;
#[cfg(test)]
mod engine_tests;
pub mod engine_worker;
pub mod fetch;
#[cfg(test)]
mod files_tests;
pub mod fragment;
pub mod frame_policy;
pub mod guide;
pub mod hand_in;
pub mod history;
pub mod lesson_builder;
pub mod lesson_run;
#[cfg(test)]
mod lesson_tests;
pub mod panic_report;
#[cfg(test)]
mod predict_tests;
pub mod reducer;
pub mod replay_budget;
#[cfg(test)]
mod rewind_tests;
pub mod sequence;
pub mod shared_log;
pub mod shortcuts;
pub mod state;
pub mod step_through;
#[cfg(test)]
mod step_through_tests;
pub mod storage;
#[cfg(test)]
mod storage_tests;

/// The seed app the editor opens with: the `/count` example the project was created for.
pub const SEED_APP: &str = r#"from flask import Flask, session

app = Flask(__name__)
app.secret_key = 'secret'

@app.route('/count')
def count():
    if 'visits' in session:
        session['visits'] += 1
    else:
        session['visits'] = 1
    return f"Visit number: {session['visits']}"
"#;

/// Mounts the playground into `#app` (the page's entry point, called from `main` on wasm32).
pub fn start() {
    panic_report::install();
    // The engine worker (`engine_worker`) loads this same module: there is no page to mount.
    let Some(window) = web_sys::window() else {
        return;
    };
    // `?debug-panic` lets the browser tests prove that a panic is shown, never a blank page.
    if window
        .location()
        .search()
        .is_ok_and(|query| query.contains("debug-panic"))
    {
        panic!("debug-panic was requested in the address (a test of the error report)");
    }
    let document = window.document().expect("the page has a document");
    let root = document
        .get_element_by_id("app")
        .expect("index.html has an element with id `app`");
    // The static "Loading…" text stays until the wasm runs, so a failed load is never blank.
    root.set_inner_html("");
    yew::Renderer::<app::App>::with_root(root).render();
}
