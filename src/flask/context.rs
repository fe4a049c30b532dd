//! The state the native glue of one interpreter shares: [`Shared`] (the URL map, the virtual
//! time, the server-side store, the project's files) and the active context ([`Ctx`]), which
//! the server sets before it calls the app and clears afterwards, and which the app's own
//! `app.app_context()` / `app.test_request_context()` push over whatever was active.
//!
//! Data only, a leaf of `flask/`: the natives, the template and config loaders, `open()`, the
//! step recorder and the server all hold it, and none of them needs another to do so.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::flask::routing::Router;
use crate::flask::session::Session;
use crate::flask::store::ServerStore;
use crate::flask::trace::{SessionEntry, SessionSource};
use crate::python::Value;

/// The active context: a request's (with the application context Flask pushes with it), or an
/// application context alone (`app.app_context()`), where `request` and `session` are not
/// available.
pub struct Ctx {
    /// The Flask object.
    pub app: Value,
    /// Whether a request is bound: false for an application context alone.
    pub request_bound: bool,
    /// The `Request` object, built on first use (many views never touch `request`).
    pub request: Option<Value>,
    /// The request as it arrived, to build `request` from.
    pub raw: crate::http::Request,
    /// The `flask` module (for its `Request` and `_AppCtxGlobals` classes).
    pub flask: Value,
    /// Endpoint and view arguments when the host already matched the URL.
    pub matched: Option<(String, Value)>,
    /// The session object (a [`Session`]).
    pub session: Rc<Session>,
    /// `flask.g`, created on first use.
    pub g: Option<Value>,
    /// Whether the `session` proxy was used (Flask 3.1.3 sets `accessed` then).
    pub accessed: bool,
    /// The exception `got_request_exception` was sent for, if any, and how much output the
    /// app had printed by then (Flask logs the exception at that moment).
    pub got_exception: Option<(Value, usize)>,
    /// The session object a custom `app.session_interface` opened (replaces `session`).
    pub custom_session: Option<Value>,
    /// What the server view records about the session (see [`crate::flask::trace`]).
    pub trace: TraceState,
}

impl Ctx {
    /// A fresh context for `raw` (`request_bound` false: an application context alone), with
    /// the `session` just opened, its data at opening and where it came from.
    pub fn open(
        app: Value,
        flask: Value,
        raw: crate::http::Request,
        request_bound: bool,
        session: Rc<Session>,
        opened: Vec<SessionEntry>,
        source: SessionSource,
    ) -> Self {
        Ctx {
            app,
            request_bound,
            request: None,
            raw,
            flask,
            matched: None,
            session,
            g: None,
            accessed: false,
            got_exception: None,
            custom_session: None,
            trace: TraceState {
                opened,
                source: Some(source),
                saved: None,
            },
        }
    }
}

/// The parts of a [`crate::flask::trace::SessionTrace`] gathered while the request runs.
#[derive(Clone, Debug, Default)]
pub struct TraceState {
    /// The data when the session was opened.
    pub opened: Vec<SessionEntry>,
    /// Where it came from.
    pub source: Option<SessionSource>,
    /// The data and flags when `save_session` was about to run.
    pub saved: Option<SavedPicture>,
}

/// The session at the moment Flask saves it.
#[derive(Clone, Debug, Default)]
pub struct SavedPicture {
    /// Its data.
    pub entries: Vec<SessionEntry>,
    /// `modified`.
    pub modified: bool,
    /// `permanent`.
    pub permanent: bool,
    /// `new`.
    pub new: bool,
    /// `accessed`.
    pub accessed: bool,
}

/// State shared by the native functions of one interpreter.
#[derive(Default)]
pub struct Shared {
    /// One URL map per `Flask` object, at the index the app keeps in its `_url_map` (an
    /// app made twice, or a second app, must not see the first one's rules).
    pub routers: RefCell<Vec<Router>>,
    /// The active context.
    pub ctx: RefCell<Option<Ctx>>,
    /// The contexts under the active one, innermost last: `with app.app_context():` inside a
    /// view or at module level pushes over them, and leaving the block brings them back.
    pub outer: RefCell<Vec<Option<Ctx>>>,
    /// The virtual time in Unix seconds.
    pub now: Cell<i64>,
    /// The server-side session store (Flask-Session mode) and the session-id stream.
    pub store: RefCell<ServerStore>,
    /// The project's files beside `app.py`.
    pub files: RefCell<crate::flask::project::ProjectFiles>,
    /// When the files were last written (Unix seconds): the server's start (`static_files`).
    pub files_mtime: Cell<i64>,
}
