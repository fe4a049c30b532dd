//! The simulated Flask server: runs the learner's `app.py` on the interpreter, finds the app the
//! way `flask run` does, and answers [`crate::http::Request`]s through the Python-written
//! dispatcher (`prelude/flask.py`), with the session opened here (signing, max-age, tagged JSON).
//!
//! It implements [`crate::browser::Server`], so the UI and the scenario runner drive it through
//! the virtual browser.
//!
//! A start does not run the prelude's module code each time (issue 21): the thread's second
//! start runs it once in a template interpreter, and every later start copies that template
//! (`python::fork` says why a copy and what it refuses); a template that cannot be copied is
//! dropped and starts run the prelude as before. `template_tests` compares both ways.

use std::cell::RefCell;
use std::rc::Rc;

use crate::flask::context::{Ctx, Shared};
use crate::flask::dev_server_log;
use crate::flask::dump_cookie::{CookieOptions, Expires, dump_cookie};
use crate::flask::natives::{self, ConfigReader};
use crate::flask::project::ProjectFiles;
pub use crate::flask::request::parse_cookie_header;
use crate::flask::routing::{Match, percent_decode};
use crate::flask::session::Session;
use crate::flask::signing::{self, SigningKey};
use crate::flask::step_record::{Recorder, Recording};
use crate::flask::store::ServerStore;
use crate::flask::trace::{self, SaveFacts, SessionSource, SessionTrace};
use crate::http::{Request, Response};
use crate::python::{Dict, HostConfig, Interp, RunError, Value};

// Each embedded source is build.rs's copy of `prelude/<file>` without its comments (line for
// line, so tracebacks name the same lines); `comment_free_copies_keep_every_line` checks them.

/// The Python source of the `flask` module.
pub const FLASK_PRELUDE: &str = include_str!(concat!(env!("OUT_DIR"), "/py/flask.py"));
/// The Python source of `markupsafe`.
pub const MARKUPSAFE_PRELUDE: &str = include_str!(concat!(env!("OUT_DIR"), "/py/markupsafe.py"));
/// The Python source of `jinja2` (loaders and exceptions; MiniJinja renders).
pub const JINJA2_PRELUDE: &str = include_str!(concat!(env!("OUT_DIR"), "/py/jinja2.py"));
/// The Python source of `flask_session` (Flask-Session 0.8.0), imported on first use.
pub const FLASK_SESSION_PRELUDE: &str =
    include_str!(concat!(env!("OUT_DIR"), "/py/flask_session.py"));
/// The Python source of `cachelib`, imported on first use.
pub const CACHELIB_PRELUDE: &str = include_str!(concat!(env!("OUT_DIR"), "/py/cachelib.py"));
/// The Python source of `werkzeug.security`, imported on first use.
pub const WERKZEUG_SECURITY_PRELUDE: &str =
    include_str!(concat!(env!("OUT_DIR"), "/py/werkzeug_security.py"));

thread_local! {
    /// How many servers this thread has started (see [`starts`]).
    static STARTS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many servers this thread (the page) has started so far: the page's load path is
/// checked against it (one start per distinct app before a link's first result).
pub fn starts() -> u64 {
    STARTS.with(std::cell::Cell::get)
}

/// An exception as the transcript shows it: `type(exc).__name__` and `str(exc)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppError {
    /// The class name.
    pub type_name: String,
    /// `str(exc)`.
    pub message: String,
    /// The traceback as CPython prints it (for the server log).
    pub traceback: String,
}

/// A loaded Flask application.
///
/// ```
/// use session_playground::flask::FlaskServer;
/// use session_playground::http::Request;
/// let app = "from flask import Flask, session\napp = Flask(__name__)\napp.secret_key = 'secret'\n\n@app.route('/count')\ndef count():\n    session['visits'] = session.get('visits', 0) + 1\n    return f\"Visit number: {session['visits']}\"\n";
/// let mut server = FlaskServer::load(app, 1767225600).unwrap();
/// let request = Request { method: "GET".into(), scheme: "http".into(), host: "localhost".into(),
///     path: "/count".into(), query: String::new(), headers: vec![], body: vec![] };
/// let response = server.respond(&request, 1767225600);
/// assert_eq!(response.body, b"Visit number: 1");
/// // The cookie itsdangerous produces for this data, secret and second (FLASK-FACTS §1).
/// assert_eq!(response.header("Set-Cookie"),
///     Some("session=eyJ2aXNpdHMiOjF9.aVW5AA.Sc9n50flgXt-MUZkX1-3ZifnZIY; HttpOnly; Path=/"));
/// ```
pub struct FlaskServer {
    interp: Interp,
    shared: Rc<Shared>,
    app: Value,
    flask: Value,
    /// The server log: tracebacks of unhandled errors and what the app printed.
    pub log: String,
    /// The unhandled exception of the last request (what `got_request_exception` saw).
    pub last_error: Option<AppError>,
    last_trace: Option<SessionTrace>,
    /// The request being recorded line by line, while one is (see [`crate::flask::step_record`]).
    recording: Option<Rc<RefCell<Recording>>>,
}

fn describe(interp: &mut Interp, value: &Value) -> AppError {
    let type_name = match value {
        Value::Instance(i) => i.class.name.clone(),
        other => other.type_name(),
    };
    let message = interp.to_str(value).unwrap_or_default();
    let traceback = interp.format_exception(value);
    AppError {
        type_name,
        message,
        traceback,
    }
}

fn run_error(error: RunError) -> AppError {
    match error {
        RunError::Syntax(info) => AppError {
            type_name: info.kind.to_string(),
            message: format!("{} ({}, line {})", info.message, info.filename, info.line),
            traceback: info.to_string(),
        },
        RunError::Exception(e) => AppError {
            type_name: match &e.value {
                Value::Instance(i) => i.class.name.clone(),
                other => other.type_name(),
            },
            message: e.message,
            traceback: e.traceback,
        },
    }
}

/// What a request wrote to the error log, kept until the log is written in the terminal's order.
#[derive(Default)]
struct LoggedErrors {
    /// Flask's `log_exception` text, and how much the app had printed before it.
    flask: Option<(usize, String)>,
    /// The traceback of an exception that escaped Flask (Werkzeug's "Error on request").
    escaped: Option<String>,
}

impl FlaskServer {
    /// Runs `source` as module `app` at virtual time `now` and finds its Flask app.
    /// An exception at import time (or no app) is a startup error.
    pub fn load(source: &str, now: i64) -> Result<FlaskServer, AppError> {
        FlaskServer::load_with(source, now, HostConfig::default())
    }

    /// [`FlaskServer::load`] with the interpreter's limits and seed from `config` (its clock
    /// is replaced by `now`).
    pub fn load_with(source: &str, now: i64, config: HostConfig) -> Result<FlaskServer, AppError> {
        FlaskServer::load_project(source, &ProjectFiles::default(), now, config)
    }

    /// [`FlaskServer::load_with`] in a project folder holding `files` beside `app.py`: what
    /// `open()`, the template loader and the static route find.
    pub fn load_project(
        source: &str,
        files: &ProjectFiles,
        now: i64,
        config: HostConfig,
    ) -> Result<FlaskServer, AppError> {
        FlaskServer::start(source, files, now, config, true)
    }

    /// [`FlaskServer::load_project`], copying the prelude's template when `copy` (always, but
    /// in the tests that compare both ways) or running the prelude afresh.
    pub(crate) fn start(
        source: &str,
        files: &ProjectFiles,
        now: i64,
        config: HostConfig,
        copy: bool,
    ) -> Result<FlaskServer, AppError> {
        STARTS.with(|starts| starts.set(starts.get() + 1));
        let config = HostConfig {
            clock: now as f64,
            ..config
        };
        let seed = config.seed;
        let shared = Rc::new(Shared::default());
        shared.now.set(now);
        *shared.files.borrow_mut() = files.clone();
        shared.files_mtime.set(now);
        *shared.store.borrow_mut() = ServerStore::new(seed);
        let copied = if copy {
            from_template(&config, &shared)
        } else {
            None
        };
        let (mut interp, flask) = match copied {
            Some(started) => started,
            None => run_prelude(config, shared.clone())?,
        };
        // The prelude always defines the file class; without it `open` stays the stub.
        if let Ok(file_class) = interp.get_attr(&flask, "_ProjectFile") {
            crate::flask::open_file::install(&mut interp, shared.clone(), file_class);
        }
        let module = interp
            .run_module("app", "app.py", source)
            .map_err(run_error)?;
        let app = find_app(&mut interp, &flask, &module)?;
        let log = interp.take_output();
        Ok(FlaskServer {
            interp,
            shared,
            app,
            flask,
            log,
            last_error: None,
            last_trace: None,
            recording: None,
        })
    }

    /// Records the requests that follow line by line, until [`FlaskServer::stop_recording`].
    pub fn start_recording(&mut self) {
        let recording = Rc::new(RefCell::new(Recording::default()));
        let recorder = Recorder {
            recording: recording.clone(),
            shared: self.shared.clone(),
        };
        self.interp.set_observer(Some(Box::new(recorder)));
        self.recording = Some(recording);
    }

    /// Stops recording and returns what was recorded (`None` when nothing was being recorded).
    pub fn stop_recording(&mut self) -> Option<Recording> {
        self.interp.set_observer(None);
        let recording = self.recording.take()?;
        Some(recording.take())
    }

    /// Answers one request at virtual time `now`; also sets [`FlaskServer::last_error`].
    pub fn respond(&mut self, request: &Request, now: i64) -> Response {
        self.interp.config.clock = now as f64;
        self.shared.now.set(now);
        self.last_error = None;
        self.last_trace = None;
        if let Some(recording) = &self.recording {
            let query = if request.query.is_empty() {
                String::new()
            } else {
                format!("?{}", request.query)
            };
            let what = format!("{} {}{query}", request.method, request.path);
            recording
                .borrow_mut()
                .begin_exchange(what, self.interp.out.len());
        }
        let mut logged = LoggedErrors::default();
        let response = match self.dispatch(request, &mut logged) {
            Ok(response) => response,
            Err(error) => {
                logged.escaped = Some(error.traceback.clone());
                self.last_error = Some(error);
                internal_error_page()
            }
        };
        self.last_trace = self.finish_trace(&response);
        *self.shared.ctx.borrow_mut() = None;
        // A context the app pushed in this request and never popped ends with it.
        self.shared.outer.borrow_mut().clear();
        if let Some(recording) = &self.recording {
            recording.borrow_mut().settle_output(&self.interp.out);
        }
        // The terminal's order: what the view printed up to the exception Flask logged, that
        // log, the rest of the output, then Werkzeug's access line as the status is sent, and
        // last the traceback of an exception that escaped Flask.
        let printed = self.interp.take_output();
        match logged.flask {
            Some((at, text)) if printed.is_char_boundary(at) => {
                self.log.push_str(&printed[..at]);
                self.log.push_str(&text);
                self.log.push_str(&printed[at..]);
            }
            Some((_, text)) => {
                self.log.push_str(&printed);
                self.log.push_str(&text);
            }
            None => self.log.push_str(&printed),
        }
        self.log.push_str(&dev_server_log::access_line(
            &request.method,
            &request.path,
            &request.query,
            response.status,
            now,
        ));
        self.log.push('\n');
        if let Some(traceback) = logged.escaped {
            self.log.push_str("Error on request:\n");
            self.log.push_str(&traceback);
        }
        let mut response = response;
        if request.method == "HEAD" {
            response.body.clear();
        }
        response
    }

    fn dispatch(
        &mut self,
        request: &Request,
        logged: &mut LoggedErrors,
    ) -> Result<Response, AppError> {
        let it = &mut self.interp;
        let custom = natives::uses_custom_interface(it, &self.app, &self.flask);
        let (session, source) = if custom {
            // A placeholder until the app's interface opens the real one (`_open_custom`).
            (
                Session::create(Dict::new(), true),
                SessionSource::OpenFailed,
            )
        } else {
            natives::open_session(it, &self.app, request, self.shared.now.get())
        };
        let opened = if custom {
            Vec::new()
        } else {
            natives::session_entries(it, &Value::Native(session.clone()))
        };
        let fast = if custom {
            None
        } else {
            fast_view(it, &self.app, &self.shared, request)
        };
        let mut ctx = Ctx::open(
            self.app.clone(),
            self.flask.clone(),
            request.clone(),
            true,
            session,
            opened,
            source,
        );
        ctx.matched = fast
            .as_ref()
            .map(|(endpoint, _, args)| (endpoint.clone(), args.clone()));
        *self.shared.ctx.borrow_mut() = Some(ctx);
        let opened_custom = if custom {
            // RequestContext.push: the app's `open_session` (an error in it is handled like
            // one in a view: `handle_exception`).
            let open = self.flask_attr("_open_custom")?;
            match self.interp.call_host(&open, vec![self.app.clone()], vec![]) {
                Ok(Value::None) => Ok(None),
                Ok(response) => Ok(Some(Outcome::Python(response))),
                Err(error) => Err(error),
            }
        } else {
            Ok(None)
        };
        let result = match opened_custom {
            Ok(Some(outcome)) => Ok(outcome),
            Err(error) => Err(error),
            Ok(None) => match fast {
                Some((_, view, args)) => self.run_view(view, args),
                None => {
                    let dispatch = self.flask_attr("_dispatch")?;
                    self.interp
                        .call_host(&dispatch, vec![self.app.clone()], vec![])
                        .map(Outcome::Python)
                }
            },
        };
        let it = &mut self.interp;
        let got = self
            .shared
            .ctx
            .borrow_mut()
            .as_mut()
            .and_then(|c| c.got_exception.take());
        // RequestContext.pop: the teardown functions, given the exception Flask answered with
        // a 500 (None otherwise); one that raises escapes Flask like an error handler's would.
        let result = match result {
            Ok(outcome) if has_teardowns(it, &self.app) => {
                let exc = got.as_ref().map_or(Value::None, |(exc, _)| exc.clone());
                let teardown = self.flask_attr("_teardown")?;
                self.interp
                    .call_host(&teardown, vec![self.app.clone(), exc], vec![])
                    .map(|_| outcome)
            }
            other => other,
        };
        let it = &mut self.interp;
        if let Some((exc, printed_before)) = got {
            let error = describe(it, &exc);
            // Flask's log_exception: "Exception on /path [GET]" and the traceback.
            let path = String::from_utf8_lossy(&percent_decode(&request.path, false)).into_owned();
            let line = dev_server_log::error_line(&request.method, &path, self.shared.now.get());
            logged.flask = Some((printed_before, format!("{line}\n{}", error.traceback)));
            self.last_error = Some(error);
        }
        match result {
            Ok(Outcome::Done(response)) => Ok(response),
            Ok(Outcome::Python(response)) => {
                to_response(&mut self.interp, &response).map_err(run_error)
            }
            Err(error) => {
                // An exception escaped Flask's own handling (an error handler that raised, or
                // the step budget spent outside a view): the WSGI server answers a plain 500
                // and nothing is saved. The exception reported stays the one Flask saw first.
                let error = run_error(error);
                logged.escaped = Some(error.traceback.clone());
                if self.last_error.is_none() {
                    self.last_error = Some(error);
                }
                Ok(internal_error_page())
            }
        }
    }

    fn flask_attr(&mut self, name: &str) -> Result<Value, AppError> {
        let it = &mut self.interp;
        it.get_attr(&self.flask, name)
            .map_err(|e| run_error(exc_error(it, e)))
    }

    /// The fast path (no request hooks, a matched rule): call the view directly; a `str`
    /// result becomes the response here, with the session saved as Flask saves it; anything
    /// else goes back to the Python dispatcher (`_finish` / `_finish_error`), which follows
    /// Flask's own code for it.
    fn run_view(&mut self, view: Value, args: Value) -> Result<Outcome, RunError> {
        let kwargs: Vec<(String, Value)> = match &args {
            Value::Dict(d) => d
                .borrow()
                .iter()
                .filter_map(|(k, v)| match &k {
                    Value::Str(k) => Some((k.to_string(), v)),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        match self.interp.call_host(&view, vec![], kwargs) {
            Ok(Value::Str(ref body)) => {
                let mut response = Response {
                    status: 200,
                    headers: vec![
                        ("Content-Type".into(), "text/html; charset=utf-8".into()),
                        ("Content-Length".into(), body.len().to_string()),
                    ],
                    body: body.as_bytes().to_vec(),
                };
                match save_session(&mut self.interp, &self.shared, &self.app, &mut response) {
                    Ok(()) => Ok(Outcome::Done(response)),
                    Err(exc) => {
                        let handle = self
                            .interp
                            .get_attr(&self.app, "handle_exception")
                            .map_err(|e| exc_error(&mut self.interp, e))?;
                        self.interp
                            .call_host(&handle, vec![exc], vec![])
                            .map(Outcome::Python)
                    }
                }
            }
            Ok(other) => {
                let finish = self
                    .interp
                    .get_attr(&self.flask, "_finish")
                    .map_err(|e| exc_error(&mut self.interp, e))?;
                self.interp
                    .call_host(&finish, vec![self.app.clone(), other], vec![])
                    .map(Outcome::Python)
            }
            Err(RunError::Exception(exception)) => {
                let finish = self
                    .interp
                    .get_attr(&self.flask, "_finish_error")
                    .map_err(|e| exc_error(&mut self.interp, e))?;
                self.interp
                    .call_host(&finish, vec![self.app.clone(), exception.value], vec![])
                    .map(Outcome::Python)
            }
            Err(error) => Err(error),
        }
    }
}

/// What dispatching produced: a finished response, or a Python `Response` to read.
enum Outcome {
    Done(Response),
    Python(Value),
}

/// The view to call directly, when Flask's dispatch would do nothing but call it: no
/// `before_request`/`after_request` functions or URL value preprocessors, and a rule that matches (not the automatic
/// OPTIONS answer). Returns the endpoint, the view function and its arguments.
fn fast_view(
    it: &mut Interp,
    app: &Value,
    shared: &Shared,
    request: &Request,
) -> Option<(String, Value, Value)> {
    for hooks in [
        "before_request_funcs",
        "after_request_funcs",
        "url_value_preprocessors",
    ] {
        // The app's own hooks (key None) and every blueprint's.
        let funcs = it.get_attr(app, hooks).ok()?;
        let Value::Dict(scopes) = &funcs else {
            return None;
        };
        let lists: Vec<Value> = scopes.borrow().iter().map(|(_, list)| list).collect();
        for list in lists {
            if it.len(&list).ok()? != 0 {
                return None;
            }
        }
    }
    let path = String::from_utf8_lossy(&percent_decode(&request.path, false)).into_owned();
    let map = natives::url_map_of(it, shared, app).ok()?;
    let routers = shared.routers.borrow();
    let router = &routers[map];
    let Match::Found { rule, args } =
        router.match_request(&request.method, &path, &request.query, "http://localhost")
    else {
        return None;
    };
    let rule = &router.rules[rule];
    if request.method == "OPTIONS" && rule.automatic_options {
        return None;
    }
    let endpoint = rule.endpoint.clone();
    drop(routers);
    let views = it.get_attr(app, "view_functions").ok()?;
    let view = it.get_item(&views, &Value::str(&endpoint)).ok()?;
    let d = natives::view_args(args);
    Some((endpoint, view, Value::dict(d)))
}

/// `SecureCookieSessionInterface.save_session` for the fast path (the same steps as
/// `Flask._save_session` in the prelude). An exception is returned as its value, for
/// `handle_exception`.
fn save_session(
    it: &mut Interp,
    shared: &Shared,
    app: &Value,
    response: &mut Response,
) -> Result<(), Value> {
    let (session, accessed) = match shared.ctx.borrow().as_ref() {
        Some(ctx) => (ctx.session.clone(), ctx.accessed),
        None => return Ok(()),
    };
    if session.null {
        return Ok(());
    }
    let picture = natives::saved_picture(it, shared);
    if let Some(ctx) = shared.ctx.borrow_mut().as_mut() {
        ctx.trace.saved = picture;
    }
    let fail = |e: Box<crate::python::Exc>| e.value;
    let config = it.get_attr(app, "config").map_err(fail)?;
    let config = ConfigReader::new(config);
    let mut get = |key: &str| config.get(it, key).map_err(fail);
    let name = get("SESSION_COOKIE_NAME")?;
    let domain = get("SESSION_COOKIE_DOMAIN")?;
    let path = get("SESSION_COOKIE_PATH")?;
    let root = get("APPLICATION_ROOT")?;
    let secure = get("SESSION_COOKIE_SECURE")?;
    let partitioned = get("SESSION_COOKIE_PARTITIONED")?;
    let samesite = get("SESSION_COOKIE_SAMESITE")?;
    let httponly = get("SESSION_COOKIE_HTTPONLY")?;
    let refresh = get("SESSION_REFRESH_EACH_REQUEST")?;
    let lifetime = get("PERMANENT_SESSION_LIFETIME")?;
    let secret = get("SECRET_KEY")?;
    let text = |it: &mut Interp, v: &Value| -> Result<Option<String>, Value> {
        match v {
            Value::None => Ok(None),
            other => it.to_str(other).map(Some).map_err(fail),
        }
    };
    let name = text(it, &name)?.unwrap_or_default();
    let path = if it.truthy(&path).map_err(fail)? {
        path
    } else {
        root
    };
    let mut options = CookieOptions {
        domain: text(it, &domain)?,
        path: text(it, &path)?,
        secure: it.truthy(&secure).map_err(fail)?,
        partitioned: it.truthy(&partitioned).map_err(fail)?,
        samesite: text(it, &samesite)?,
        httponly: it.truthy(&httponly).map_err(fail)?,
        ..CookieOptions::default()
    };
    let now = shared.now.get();
    let add_vary = |response: &mut Response| {
        if !response
            .headers
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case("Vary"))
        {
            response.headers.push(("Vary".into(), "Cookie".into()));
        }
    };
    if accessed {
        add_vary(response);
    }
    if session.data.borrow().is_empty() {
        if session.modified.get() {
            options.expires = Some(Expires::Timestamp(0.0));
            options.max_age = Some(0);
            let cookie = dump_cookie(&name, "", &options, now)
                .map_err(|e| it.err(e.python_type(), e.to_string()).value)?;
            response.headers.push(("Set-Cookie".into(), cookie));
            add_vary(response);
        }
        return Ok(());
    }
    let permanent = session.permanent();
    if !(session.modified.get() || (permanent && it.truthy(&refresh).map_err(fail)?)) {
        return Ok(());
    }
    if permanent {
        let seconds = natives::lifetime_seconds(it, &lifetime).map_err(fail)?;
        options.expires = Some(Expires::DateTime(now + seconds));
    }
    let key = SigningKey::derive(
        &natives::secret_bytes(it, &secret).map_err(fail)?,
        signing::SESSION_SALT,
    );
    let data = session.data.borrow().clone();
    let json = crate::flask::json::dumps_tagged(it, &data).map_err(fail)?;
    let value = signing::dumps(&key, &json, now.max(0) as u64);
    let cookie = dump_cookie(&name, &value, &options, now)
        .map_err(|e| it.err(e.python_type(), e.to_string()).value)?;
    response.headers.push(("Set-Cookie".into(), cookie));
    add_vary(response);
    Ok(())
}

impl FlaskServer {
    /// Every interpreter step this server has run (loading the app included).
    pub fn work_done(&self) -> u64 {
        self.interp.work_done()
    }

    /// The session trace of the last [`FlaskServer::respond`] (`None` before the first request
    /// or when the request never reached the session, e.g. a startup failure).
    pub fn last_session_trace(&self) -> Option<&SessionTrace> {
        self.last_trace.as_ref()
    }

    /// Builds the trace of the request that just ran, from the request context and the final
    /// response.
    fn finish_trace(&mut self, response: &Response) -> Option<SessionTrace> {
        let it = &mut self.interp;
        let (state, session, custom) = {
            let ctx = self.shared.ctx.borrow();
            let ctx = ctx.as_ref()?;
            (
                ctx.trace.clone(),
                ctx.session.clone(),
                ctx.custom_session.clone(),
            )
        };
        let value = custom
            .clone()
            .unwrap_or_else(|| Value::Native(session.clone()));
        let class_name = match &value {
            Value::Instance(i) => i.class.name.clone(),
            Value::Native(n) => n.type_name(),
            other => other.type_name(),
        };
        let save_ran = state.saved.is_some();
        let picture = match state.saved {
            Some(p) => p,
            None => natives::saved_picture(it, &self.shared).unwrap_or_default(),
        };
        let null = match &custom {
            None => session.null,
            // NullSession or a subclass of it.
            Some(Value::Instance(i)) => {
                i.class.mro.borrow().iter().any(|c| c.name == "NullSession")
            }
            Some(_) => false,
        };
        let sid = match &custom {
            Some(v) => match &it.get_attr_opt(v, "sid") {
                Ok(Some(Value::Str(s))) => Some(s.to_string()),
                _ => None,
            },
            None => None,
        };
        let config = it.get_attr(&self.app, "config").ok().map(ConfigReader::new);
        let mut get = |key: &str| config.as_ref().and_then(|c| c.get(it, key).ok());
        let name = match &get("SESSION_COOKIE_NAME") {
            Some(Value::Str(s)) => s.to_string(),
            _ => "session".to_string(),
        };
        let refresh = !matches!(
            get("SESSION_REFRESH_EACH_REQUEST"),
            Some(Value::Bool(false))
        );
        let session_cookie = response
            .headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case("Set-Cookie"))
            .map(|(_, v)| v)
            .rfind(|v| v.split_once('=').is_some_and(|(n, _)| n.trim() == name));
        let deletes = session_cookie.is_some_and(|v| {
            v.split(';')
                .any(|part| part.trim().eq_ignore_ascii_case("Max-Age=0"))
        });
        let facts = SaveFacts {
            null,
            save_ran,
            empty: picture.entries.is_empty(),
            modified: picture.modified,
            permanent: picture.permanent,
            refresh_each_request: refresh,
            default_interface: custom.is_none(),
            set_cookie: session_cookie.is_some(),
            set_cookie_deletes: deletes,
        };
        Some(SessionTrace {
            class_name,
            source: state.source.unwrap_or(SessionSource::OpenFailed),
            sid,
            opened: state.opened,
            saved: picture.entries,
            save_ran,
            modified: picture.modified,
            permanent: picture.permanent,
            new: picture.new,
            accessed: picture.accessed,
            cookie: trace::cookie_outcome(facts),
        })
    }
}

/// How the app keeps its sessions (for the UI's server view and lesson goals).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SessionMode {
    /// Flask's default: the data in a signed cookie (`SecureCookieSessionInterface`).
    SignedCookie,
    /// Flask-Session (`Session(app)`): the cookie holds an id, the data is in the server
    /// store ([`FlaskServer::server_store`]).
    ServerSide {
        /// The interface class (`FileSystemSessionInterface`, `CacheLibSessionInterface`).
        interface: String,
    },
    /// Any other `app.session_interface` the app installed.
    Custom {
        /// Its class name.
        interface: String,
    },
}

/// One item of the server-side store, as the UI shows it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StoreItem {
    /// The store key (`session:` + the session id, by default).
    pub key: String,
    /// The stored session data as Python reprs.
    pub entries: Vec<crate::flask::trace::SessionEntry>,
    /// Unix second of expiry; `None` = never.
    pub expires: Option<i64>,
    /// Past its expiry at the `now` asked about (cachelib keeps such items until they are read
    /// or overwritten; a read treats them as missing).
    pub expired: bool,
}

impl FlaskServer {
    /// Which session mode the app uses now (it may change `app.session_interface` at any time).
    pub fn session_mode(&mut self) -> SessionMode {
        let it = &mut self.interp;
        if !natives::uses_custom_interface(it, &self.app, &self.flask) {
            return SessionMode::SignedCookie;
        }
        let interface = it.get_attr(&self.app, "session_interface").ok();
        let class = match &interface {
            Some(Value::Instance(i)) => Some(i.class.clone()),
            _ => None,
        };
        let name = class
            .as_ref()
            .map_or_else(|| "object".to_string(), |c| c.name.clone());
        let server_side = class.is_some_and(|c| {
            c.mro
                .borrow()
                .iter()
                .any(|k| k.name == "ServerSideSessionInterface")
        });
        if server_side {
            SessionMode::ServerSide { interface: name }
        } else {
            SessionMode::Custom { interface: name }
        }
    }

    /// The server-side store's items at `now`, in insertion order, data rendered as reprs.
    pub fn server_store(&mut self, now: i64) -> Vec<StoreItem> {
        let entries = self.shared.store.borrow().entries.clone();
        entries
            .into_iter()
            .map(|entry| {
                let data = crate::flask::json::loads_tagged(&mut self.interp, &entry.json)
                    .unwrap_or(Value::None);
                StoreItem {
                    entries: natives::session_entries(&mut self.interp, &data),
                    expired: entry.expires.is_some_and(|at| at < now),
                    expires: entry.expires,
                    key: entry.key,
                }
            })
            .collect()
    }

    /// The raw store (plain data), e.g. to carry a "filesystem" store over a reload.
    pub fn store_snapshot(&self) -> ServerStore {
        self.shared.store.borrow().clone()
    }

    /// Replaces the store with `store` (from [`FlaskServer::store_snapshot`] of an earlier
    /// server): what a restarted server finds on disk with `SESSION_TYPE = "filesystem"`.
    pub fn restore_store(&mut self, store: ServerStore) {
        *self.shared.store.borrow_mut() = store;
    }
}

impl crate::browser::Server for FlaskServer {
    fn handle(&mut self, request: &Request, now: i64) -> Response {
        self.respond(request, now)
    }
}

/// Werkzeug's `InternalServerError()` page, as the WSGI server sends it when an exception
/// escapes the app.
fn internal_error_page() -> Response {
    let body = "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n";
    Response {
        status: 500,
        headers: vec![
            ("Content-Type".into(), "text/html; charset=utf-8".into()),
            ("Content-Length".into(), body.len().to_string()),
        ],
        body: body.as_bytes().to_vec(),
    }
}

fn exc_error(it: &mut Interp, e: Box<crate::python::Exc>) -> RunError {
    RunError::Exception(it.exception_info(&e))
}

fn to_response(it: &mut Interp, response: &Value) -> Result<Response, RunError> {
    let status = it
        .get_attr(response, "status_code")
        .map_err(|e| exc_error(it, e))?;
    let status = status.as_i64().unwrap_or(500).clamp(0, 999) as u16;
    let headers = it
        .get_attr(response, "headers")
        .map_err(|e| exc_error(it, e))?;
    let items = it
        .get_attr(&headers, "items")
        .map_err(|e| exc_error(it, e))?;
    let items = it.call_host(&items, vec![], vec![])?;
    let mut out_headers = Vec::new();
    for pair in it.collect(&items).map_err(|e| exc_error(it, e))? {
        let kv = it.collect(&pair).map_err(|e| exc_error(it, e))?;
        if kv.len() == 2 {
            let k = it.to_str(&kv[0]).map_err(|e| exc_error(it, e))?;
            let v = it.to_str(&kv[1]).map_err(|e| exc_error(it, e))?;
            let v = if k.eq_ignore_ascii_case("Location") {
                iri_to_uri(&v)
            } else {
                v
            };
            out_headers.push((k, v));
        }
    }
    let body = it
        .get_attr(response, "_data")
        .map_err(|e| exc_error(it, e))?;
    let mut body = match &body {
        Value::Bytes(b) => b.to_vec(),
        other => it.to_str(other).map_err(|e| exc_error(it, e))?.into_bytes(),
    };
    // Werkzeug sends no body with a 1xx, 204 or 304, and no Content-Length; a 304 also drops
    // the entity headers but Expires and Content-Location (what its get_wsgi_headers does).
    if (100..200).contains(&status) || status == 204 || status == 304 {
        body.clear();
        out_headers.retain(|(name, _)| !name.eq_ignore_ascii_case("Content-Length"));
    }
    if status == 304 {
        const ENTITY: [&str; 7] = [
            "Allow",
            "Content-Encoding",
            "Content-Language",
            "Content-MD5",
            "Content-Range",
            "Content-Type",
            "Last-Modified",
        ];
        out_headers.retain(|(name, _)| !ENTITY.iter().any(|e| name.eq_ignore_ascii_case(e)));
    }
    Ok(Response {
        status,
        headers: out_headers,
        body,
    })
}

/// Werkzeug's `iri_to_uri` on a `Location` value: path, query and fragment percent-encoded
/// with their safe sets (existing `%XX` kept).
fn iri_to_uri(location: &str) -> String {
    use crate::flask::routing::quote;
    let (before_fragment, fragment) = match location.split_once('#') {
        Some((a, b)) => (a, Some(b)),
        None => (location, None),
    };
    let (before_query, query) = match before_fragment.split_once('?') {
        Some((a, b)) => (a, Some(b)),
        None => (before_fragment, None),
    };
    let (prefix, path) = match before_query.find("://") {
        Some(at) => {
            let rest = &before_query[at + 3..];
            let slash = rest.find('/').map_or(before_query.len(), |i| at + 3 + i);
            before_query.split_at(slash)
        }
        None => ("", before_query),
    };
    let mut out = format!("{prefix}{}", quote(path, "%!$&'()*+,/:;=@"));
    if let Some(q) = query {
        out.push('?');
        out.push_str(&quote(q, "%!$&'()*+,/:;=?@"));
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(&quote(f, "%!#$&'()*+,/:;=?@"));
    }
    out
}

/// `flask run`'s `find_best_app`: `app`/`application`, the only Flask instance, or a
/// `create_app`/`make_app` factory.
fn find_app(it: &mut Interp, flask: &Value, module: &Value) -> Result<Value, AppError> {
    let flask_class = it
        .get_attr(flask, "Flask")
        .map_err(|e| run_error(exc_error(it, e)))?;
    let Value::Class(flask_class) = &flask_class else {
        return Err(no_app(
            "Failed to find Flask application or factory in module 'app'. Use 'app:name' to specify one.",
        ));
    };
    let is_app = |v: &Value| matches!(v, Value::Instance(i) if i.class.is_subclass(flask_class));
    for name in ["app", "application"] {
        if let Ok(Some(v)) = it.get_attr_opt(module, name)
            && is_app(&v)
        {
            return Ok(v);
        }
    }
    let Value::Module(m) = module else {
        return Err(no_app(
            "Failed to find Flask application or factory in module 'app'. Use 'app:name' to specify one.",
        ));
    };
    let values: Vec<(Value, Value)> = m.env.borrow().iter().collect();
    let apps: Vec<Value> = values
        .iter()
        .map(|(_, v)| v.clone())
        .filter(|v| is_app(v))
        .collect();
    if apps.len() == 1 {
        return Ok(apps[0].clone());
    }
    if apps.len() > 1 {
        return Err(no_app(
            "Detected multiple Flask applications in module 'app'. Use 'app:name' to specify the correct one.",
        ));
    }
    for name in ["create_app", "make_app"] {
        if let Ok(Some(factory)) = it.get_attr_opt(module, name)
            && matches!(factory, Value::Function(_))
        {
            let app = it.call_host(&factory, vec![], vec![]).map_err(run_error)?;
            if is_app(&app) {
                return Ok(app);
            }
            return Err(no_app(&format!(
                "A valid Flask application was not obtained from 'app:{name}'."
            )));
        }
    }
    Err(no_app(
        "Failed to find Flask application or factory in module 'app'. Use 'app:name' to specify one.",
    ))
}

/// Whether the app (or a blueprint) registered a `teardown_request` or `teardown_appcontext`
/// function: only then is the Python `_teardown` called after a request.
fn has_teardowns(it: &mut Interp, app: &Value) -> bool {
    ["teardown_request_funcs", "teardown_appcontext_funcs"]
        .iter()
        .any(|attr| match &it.get_attr(app, attr) {
            Ok(Value::Dict(scopes)) => {
                let lists: Vec<Value> = scopes.borrow().iter().map(|(_, list)| list).collect();
                lists.iter().any(|list| it.truthy(list).unwrap_or(true))
            }
            Ok(list) => it.truthy(list).unwrap_or(true),
            Err(_) => false,
        })
}

fn no_app(message: &str) -> AppError {
    AppError {
        type_name: "NoAppException".into(),
        message: message.into(),
        traceback: format!("Error: {message}\n"),
    }
}

/// Makes `name` (and its `aliases`, e.g. submodules) importable from Python `source`, run on
/// the first import only: most apps never import it, and a reload should not pay for it.
/// The prelude's modules (markupsafe, jinja2, flask) run in a fresh interpreter for the
/// server whose request context is `shared`, with the modules imported on first use
/// registered: the interpreter and the `flask` module. `open` is installed after (by the start),
/// so the prelude's template holds no server's files.
fn run_prelude(config: HostConfig, shared: Rc<Shared>) -> Result<(Interp, Value), AppError> {
    let mut interp = Interp::new(config);
    interp.stderr_to_out = true;
    natives::register(&mut interp, shared);
    interp
        .run_module("markupsafe", "markupsafe/__init__.py", MARKUPSAFE_PRELUDE)
        .map_err(run_error)?;
    interp
        .run_module("jinja2", "jinja2/__init__.py", JINJA2_PRELUDE)
        .map_err(run_error)?;
    let flask = interp
        .run_module("flask", "flask/__init__.py", FLASK_PRELUDE)
        .map_err(run_error)?;
    // `from werkzeug.exceptions import NotFound` finds the same classes.
    for alias in [
        "flask.sessions",
        "werkzeug",
        "werkzeug.exceptions",
        "werkzeug.wrappers",
        "werkzeug.datastructures",
        "werkzeug.utils",
        "flask.config",
        "flask.blueprints",
        "flask.views",
    ] {
        interp.modules.insert(alias.to_string(), flask.clone());
    }
    register_lazy(
        &mut interp,
        "werkzeug.security",
        "werkzeug/security.py",
        WERKZEUG_SECURITY_PRELUDE,
        &[],
    );
    register_lazy(
        &mut interp,
        "cachelib",
        "cachelib/__init__.py",
        CACHELIB_PRELUDE,
        &["cachelib.file", "cachelib.simple", "cachelib.base"],
    );
    register_lazy(
        &mut interp,
        "flask_session",
        "flask_session/__init__.py",
        FLASK_SESSION_PRELUDE,
        &[
            "flask_session.base",
            "flask_session.defaults",
            "flask_session.cachelib",
            "flask_session.filesystem",
        ],
    );
    Ok((interp, flask))
}

/// The prelude run once per thread, copied by every start (see `python::fork` for why): its
/// interpreter, the `flask` module, and the `_flask_native` module it imported, whose objects
/// capture the template's own request context and are swapped for the new server's.
struct Template {
    interp: Interp,
    native: Value,
    /// Set when a copy was refused: later starts run the prelude without trying again.
    refused: std::cell::Cell<bool>,
}

thread_local! {
    /// The prelude's template: made by the second start, `None` inside if it cannot be copied
    /// (every start then runs the prelude, as before there was a template).
    static TEMPLATE: std::cell::OnceCell<Option<Template>> = const { std::cell::OnceCell::new() };
}

/// A copy of the prelude's template for the server whose request context is `shared`: the
/// interpreter and its `flask` module; `None` when there is no template to copy.
fn from_template(config: &HostConfig, shared: &Rc<Shared>) -> Option<(Interp, Value)> {
    TEMPLATE.with(|cell| {
        // A thread's first start runs the prelude itself (a command-line run, a link's result
        // in the page: nothing is gained by a template that is never copied); the second one
        // makes the template (in the page, the warm-up after the first result).
        if cell.get().is_none() && starts() < 2 {
            return None;
        }
        let template = cell.get_or_init(make_template).as_ref()?;
        if template.refused.get() {
            return None;
        }
        // Each of the template's `_flask_native` objects becomes the new server's by name.
        let native = natives::native_module(shared.clone());
        let mut seeds = vec![(template.native.clone(), native.clone())];
        if let (Value::Module(old), Value::Module(new)) = (&template.native, &native) {
            for (name, value) in old.env.borrow().iter() {
                if let Ok(Some(replacement)) = new.env.borrow().get(&name) {
                    seeds.push((value, replacement));
                }
            }
        }
        let Ok(mut interp) = template.interp.fork(config.clone(), &seeds) else {
            template.refused.set(true);
            return None;
        };
        natives::register(&mut interp, shared.clone());
        let flask = interp.modules.get("flask")?.clone();
        Some((interp, flask))
    })
}

fn make_template() -> Option<Template> {
    let (interp, _) = run_prelude(HostConfig::default(), Rc::new(Shared::default())).ok()?;
    let native = interp.modules.get("_flask_native")?.clone();
    Some(Template {
        interp,
        native,
        refused: std::cell::Cell::new(false),
    })
}

/// Whether this thread's starts copy the prelude's template (false until the second start, or
/// when a copy was refused): the tests check that they do.
pub fn starts_from_template() -> bool {
    TEMPLATE.with(|cell| {
        cell.get()
            .and_then(Option::as_ref)
            .is_some_and(|template| !template.refused.get())
    })
}

fn register_lazy(
    interp: &mut Interp,
    name: &'static str,
    filename: &'static str,
    source: &'static str,
    aliases: &[&'static str],
) {
    let factory: crate::python::ModuleFactory = Rc::new(move |it: &mut Interp| {
        if let Some(module) = it.modules.get(name) {
            return Ok(module.clone());
        }
        it.load_source_module(name, filename, source)
    });
    interp.register_module(name, factory);
    for alias in aliases {
        let factory: crate::python::ModuleFactory =
            Rc::new(move |it: &mut Interp| it.import_module(name));
        interp.register_module(alias, factory);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A GET to `http://localhost` with an optional `Cookie` header.
    pub(crate) fn get(path: &str, cookie: Option<&str>) -> Request {
        let mut headers = vec![("Host".to_string(), "localhost".to_string())];
        if let Some(c) = cookie {
            headers.push(("Cookie".into(), c.into()));
        }
        Request {
            method: "GET".into(),
            scheme: "http".into(),
            host: "localhost".into(),
            path: path.into(),
            query: String::new(),
            headers,
            body: vec![],
        }
    }

    #[test]
    fn seed_counter_cookie_matches_itsdangerous() {
        let source = "from flask import Flask, session\napp = Flask(__name__)\napp.secret_key = 'secret'\n\n@app.route('/count')\ndef count():\n    session['visits'] = session.get('visits', 0) + 1\n    return f\"Visit number: {session['visits']}\"\n";
        let mut server = FlaskServer::load(source, 1767225600).unwrap();
        let response = server.respond(&get("/count", None), 1767225600);
        assert_eq!(response.status, 200, "{}", server.log);
        assert_eq!(response.body, b"Visit number: 1");
        // The cookie FLASK-FACTS §1 lists (generated by itsdangerous).
        assert_eq!(
            response.header("Set-Cookie"),
            Some("session=eyJ2aXNpdHMiOjF9.aVW5AA.Sc9n50flgXt-MUZkX1-3ZifnZIY; HttpOnly; Path=/")
        );
        let again = server.respond(
            &get(
                "/count",
                Some("session=eyJ2aXNpdHMiOjF9.aVW5AA.Sc9n50flgXt-MUZkX1-3ZifnZIY"),
            ),
            1767225600,
        );
        assert_eq!(again.body, b"Visit number: 2");
    }

    #[test]
    fn endless_view_is_a_500_with_the_budget_error_and_the_server_keeps_working() {
        let source = "from flask import Flask, session\napp = Flask(__name__)\napp.secret_key = 's'\n@app.route('/loop')\ndef loop():\n    session['x'] = 1\n    while True:\n        pass\n@app.route('/')\ndef index():\n    return 'ok'\n";
        let mut server = FlaskServer::load(source, 0).unwrap();
        let response = server.respond(&get("/loop", None), 0);
        assert_eq!(response.status, 500);
        let error = server.last_error.clone().unwrap();
        assert_eq!(error.type_name, "StepLimitExceeded");
        assert!(server.log.contains("StepLimitExceeded"), "{}", server.log);
        // StepLimitExceeded is a BaseException (learners' `except Exception` cannot swallow
        // it), so it escapes Flask like KeyboardInterrupt would: a plain 500, nothing saved.
        assert_eq!(response.header("Set-Cookie"), None);
        let next = server.respond(&get("/", None), 0);
        assert_eq!((next.status, next.body.as_slice()), (200, b"ok".as_slice()));
        assert!(server.last_error.is_none());
    }

    #[test]
    fn app_logger_writes_to_the_server_log_as_flask_run_does() {
        let source = "from flask import Flask\nimport logging\napp = Flask(__name__)\n@app.route('/')\ndef index():\n    app.logger.info('hidden below WARNING')\n    print('printed')\n    app.logger.warning('cart has %d items', 3)\n    return 'ok'\n@app.route('/info')\ndef info():\n    app.logger.setLevel(logging.INFO)\n    app.logger.info('now shown: %s', 'yes')\n    return 'ok'\n";
        let mut server = FlaskServer::load(source, 0).unwrap();
        server.log.clear();
        server.respond(&get("/", None), 61);
        // Flask's default handler has the same `[time] LEVEL in module:` head as its error log.
        let error = dev_server_log::error_line("GET", "/", 61);
        let stamp = &error[..error.find(" ERROR").unwrap()];
        let access = dev_server_log::access_line("GET", "/", "", 200, 61);
        assert_eq!(
            server.log,
            format!("printed\n{stamp} WARNING in app: cart has 3 items\n{access}\n")
        );
        server.log.clear();
        server.respond(&get("/info", None), 61);
        assert!(
            server
                .log
                .starts_with(&format!("{stamp} INFO in app: now shown: yes\n")),
            "{}",
            server.log
        );
    }

    #[test]
    fn a_value_whose_json_text_would_be_astronomical_ends_its_request_at_once() {
        // The same tuple three times, nested 40 deep: small, but 3^40 parts as JSON (the
        // encoders' tree filled 20 GB before their budget). `jsonify` and the session's tagged
        // JSON stop at the step budget: a 500 and the error in the log, the server alive.
        let source = "from flask import Flask, jsonify, session\napp = Flask(__name__)\napp.secret_key = 'k'\ndef big():\n    x = ()\n    for _ in range(40):\n        x = (x,) * 3\n    return x\n@app.route('/json')\ndef as_json():\n    return jsonify(big())\n@app.route('/session')\ndef in_session():\n    session['x'] = big()\n    return 'stored'\n@app.route('/')\ndef index():\n    return 'ok'\n";
        let mut server = FlaskServer::load(source, 0).unwrap();
        let started = std::time::Instant::now();
        for path in ["/json", "/session"] {
            server.log.clear();
            let response = server.respond(&get(path, None), 0);
            assert_eq!(response.status, 500, "{path}");
            assert!(
                server.log.contains("the JSON encoding at line"),
                "{path}: {}",
                server.log
            );
        }
        assert_eq!(server.respond(&get("/", None), 0).body, b"ok");
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    }

    #[test]
    fn every_request_ends_its_log_with_werkzeugs_access_line_after_what_the_view_printed() {
        let source = "from flask import Flask, redirect\napp = Flask(__name__)\n@app.route('/')\ndef index():\n    print('hi')\n    return redirect('/x')\n@app.route('/boom')\ndef boom():\n    print('before')\n    return 1 / 0\n@app.errorhandler(500)\ndef oops(e):\n    print('handler')\n    return 'oops', 500\n";
        let mut server = FlaskServer::load(source, 0).unwrap();
        server.log.clear();
        server.respond(&get("/", None), 0);
        // The lines' format is checked against the real server in `dev_server_log`; here, order.
        assert_eq!(
            server.log,
            format!(
                "hi\n{}\n",
                dev_server_log::access_line("GET", "/", "", 302, 0)
            )
        );
        server.log.clear();
        server.respond(&get("/boom", None), 61);
        let error = dev_server_log::error_line("GET", "/boom", 61);
        // Flask logs the exception when it catches it: after what the view printed, before
        // what the error handler prints; Werkzeug's line comes when the status is sent.
        assert!(
            server.log.starts_with(&format!(
                "before\n{error}\nTraceback (most recent call last):\n"
            )),
            "{}",
            server.log
        );
        let access = dev_server_log::access_line("GET", "/boom", "", 500, 61);
        assert!(
            server.log.ends_with(&format!(
                "ZeroDivisionError: division by zero\nhandler\n{access}\n"
            )),
            "{}",
            server.log
        );
    }

    #[test]
    fn view_error_goes_to_the_log_with_flasks_line_and_the_traceback() {
        let source = "from flask import Flask\napp = Flask(__name__)\n@app.route('/')\ndef index():\n    return 1 / 0\n";
        let mut server = FlaskServer::load(source, 0).unwrap();
        let response = server.respond(&get("/", None), 0);
        assert_eq!(response.status, 500);
        assert!(
            server.log.contains(
                "ERROR in app: Exception on / [GET]\nTraceback (most recent call last):\n"
            ),
            "{}",
            server.log
        );
        assert!(
            server.log.contains("  File \"app.py\", line 5, in index\n"),
            "{}",
            server.log
        );
        assert!(
            server
                .log
                .contains("ZeroDivisionError: division by zero\n127.0.0.1 - - "),
            "{}",
            server.log
        );
    }

    #[test]
    fn proxies_used_outside_a_request_raise_flasks_runtime_error() {
        let error = FlaskServer::load("from flask import Flask, session\napp = Flask(__name__)\nalias = session\nsession.get('x')\n", 0)
            .err()
            .unwrap();
        assert_eq!(error.type_name, "RuntimeError");
        assert_eq!(error.message, natives::OUTSIDE_REQUEST);
    }
}

/// How the app signs and reads its session cookie (what the dev tools' decoder needs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionSettings {
    /// `SESSION_COOKIE_NAME`.
    pub cookie_name: String,
    /// `SECRET_KEY` as bytes; `None` when it is unset or empty (the NullSession case).
    pub secret_key: Option<Vec<u8>>,
    /// `PERMANENT_SESSION_LIFETIME` in seconds.
    pub max_age: i64,
    /// `SECRET_KEY_FALLBACKS` as bytes: older keys that still verify a cookie (Flask 3.1).
    pub fallback_keys: Vec<Vec<u8>>,
}

impl FlaskServer {
    /// Reads the session settings from `app.config` as `open_session` does.
    pub fn session_settings(&mut self) -> SessionSettings {
        let it = &mut self.interp;
        let config = it.get_attr(&self.app, "config").ok().map(ConfigReader::new);
        let mut get = |key: &str| config.as_ref().and_then(|c| c.get(it, key).ok());
        let secret = get("SECRET_KEY");
        let name = get("SESSION_COOKIE_NAME");
        let lifetime = get("PERMANENT_SESSION_LIFETIME");
        let fallbacks = get("SECRET_KEY_FALLBACKS");
        let cookie_name = match &name {
            Some(Value::Str(s)) => s.to_string(),
            _ => "session".to_string(),
        };
        let secret_key = match secret {
            None | Some(Value::None) => None,
            Some(other) => natives::secret_bytes(it, &other)
                .ok()
                .filter(|bytes| !bytes.is_empty()),
        };
        let max_age = lifetime
            .and_then(|value| natives::lifetime_seconds(it, &value).ok())
            .unwrap_or(2_678_400);
        let fallback_keys = match fallbacks {
            None | Some(Value::None) => Vec::new(),
            Some(list) => it
                .collect(&list)
                .unwrap_or_default()
                .iter()
                .filter_map(|key| natives::secret_bytes(it, key).ok())
                .collect(),
        };
        SessionSettings {
            cookie_name,
            secret_key,
            max_age,
            fallback_keys,
        }
    }
}
