//! Flask Session Playground: a simulated Flask server, a Python interpreter for its app code and a
//! virtual browser with a cookie jar, all deterministic and all running in the page.
//!
//! The layers, lowest first (see ARCHITECTURE.md; dependencies point one way):
//! - [`http`]: plain request/response data shared by the browser and the server.
//! - [`browser`]: the virtual browser (clock, cookie jar with reasons, profiles, navigation).
//! - [`flask`]: the simulated Flask (so far its session signing and `Set-Cookie` primitives).
//! - `python`, `scenario`: arrive with their issues.
//! - [`ui`]: the Yew page (compiled on every target so its state logic is tested natively).
//! - [`cli`]: the native command line (`session-playground --help`).

pub mod browser;
pub mod cli;
pub mod flask;
pub mod http;
pub mod ui;
