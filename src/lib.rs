//! Flask Session Playground: a simulated Flask server, a Python interpreter for its app code and a
//! virtual browser with a cookie jar, all deterministic and all running in the page.
//!
//! The layers, lowest first (see ARCHITECTURE.md; dependencies point one way):
//! - [`http`]: plain request/response data shared by the browser and the server.
//! - [`text`]: pure helpers every layer may use (the calendar, HTTP dates, month names).
//! - [`browser`]: the virtual browser (clock, cookie jar with reasons, profiles, navigation).
//! - [`python`]: the Python interpreter for app code (ruff's parser, our evaluator).
//! - [`flask`]: the simulated Flask/Werkzeug/itsdangerous on the interpreter.
//! - [`scenario`]: scenario files, the runner and transcripts.
//! - [`ui`]: the Yew page (compiled on every target so its state logic is tested natively).
//! - [`cli`]: the native command line (`session-playground --help`).

#![warn(missing_docs)]

pub mod browser;
pub mod cli;
pub mod flask;
pub mod http;
pub mod python;
pub mod scenario;
pub mod text;
pub mod ui;
