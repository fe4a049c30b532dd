//! The simulated Flask/Werkzeug layer: the `flask` module learners import, running on the
//! playground's Python interpreter, and the server that answers the virtual browser.
//!
//! - [`signing`]: itsdangerous's `URLSafeTimedSerializer` as Flask's session uses it
//!   (key derivation, timestamps, zlib rule, verification results with reasons);
//! - [`dump_cookie`]: Werkzeug's `Set-Cookie` header values;
//! - [`base64_py`]: base64 with CPython's lenient decoding, which decides what verifies;
//! - [`routing`]: the URL map (converters, 404/405/308, `url_for` building);
//! - [`json`]: Python values to Flask's JSON and tagged session JSON, and back;
//! - [`session`]: `SecureCookieSession` / `NullSession` with Flask's `modified` rules;
//! - [`convert`]: Python values read as plain data (a `datetime` as Unix seconds);
//! - [`request`]: the `Cookie` header as Werkzeug reads it and the Python `Request` object;
//! - [`project`]: the project's files beside `app.py` (templates, static, data);
//! - [`open_file`]: `open()` reading those files;
//! - [`templates`]: Jinja templates by MiniJinja, bridged to the interpreter;
//! - [`template_syntax`]: Jinja2's words for the syntax errors MiniJinja words its own way;
//! - [`static_files`]: a project file sent as Werkzeug's `send_file` sends it (the static
//!   route), with [`mime_table`], CPython's tables it reads;
//! - [`config_loading`]: importing a dotted name and running a project `.py` file for
//!   `app.config.from_object` / `from_pyfile`;
//! - [`natives`]: `_flask_native`, the request context and the context-local proxies;
//! - [`server`]: loading `app.py`, opening the session, dispatching, the `Server` impl;
//! - [`trace`]: the session before/after each request for the server view;
//! - [`store`]: the server-side store and session ids of the Flask-Session mode;
//! - [`step_record`]: a request recorded line by line for the step-through.
//!
//! Flask's own control flow (dispatch, error handlers, `make_response`, `save_session`) is
//! written in Python in `prelude/flask.py`: Flask 3.1.3's behaviour (hook order, messages,
//! defaults) reproduced in the playground's own code, so that a learner can read it as Python.

pub mod base64_py;
pub mod config_loading;
pub mod context;
pub mod convert;
pub mod dev_server_log;
pub mod dump_cookie;
pub mod forge;
pub mod iri;
pub mod json;
pub mod mime_table;
pub mod natives;
pub mod open_file;
pub mod project;
pub mod request;
pub mod routing;
pub mod server;
pub mod session;
pub mod session_inspect;
pub mod signing;
pub mod static_files;
pub mod step_record;
pub mod store;
pub mod template_syntax;
pub mod templates;
pub mod trace;

#[cfg(test)]
mod step_record_tests;
#[cfg(test)]
mod template_tests;
#[cfg(test)]
mod trace_tests;

pub use server::{AppError, FlaskServer};
