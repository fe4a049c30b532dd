//! A request recorded line by line, for the page's step-through (Python Tutor's picture of a
//! Flask view): every line of `app.py` that ran, with the frame's variables and the session as
//! they were just before it, what it printed, and the session reads and writes it made.
//!
//! The recorder is an interpreter [`Observer`] attached to a [`crate::flask::FlaskServer`] for
//! one request (`start_recording` / `stop_recording`). Watching never changes the outcome: the
//! interpreter gives the observer its own step count, and the recorder puts back the request
//! context's `accessed` flag, which a `repr` of a variable holding the `session` proxy would
//! otherwise set (it decides `Vary: Cookie`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::flask::context::Shared;
use crate::flask::natives;
use crate::flask::trace::SessionEntry;
use crate::python::{Interp, LineEvent, Observer, Value};

/// The file the learner's code runs as.
pub const APP_FILE: &str = "app.py";

/// How many lines a recording keeps; a longer run (a loop) is cut there and says so.
pub const MAX_LINES: usize = 2_000;

/// The longest repr shown for one value (longer ones end in `…`).
const MAX_REPR: usize = 300;

/// One request run line by line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recording {
    /// The lines that ran, in order.
    pub lines: Vec<LineStep>,
    /// The exchanges recorded (a redirect followed makes a second one): `GET /count`.
    pub exchanges: Vec<String>,
    /// Whether more lines ran than [`MAX_LINES`].
    pub truncated: bool,
    /// The length of the interpreter's output when the last line started (what it printed is
    /// the text after it).
    out_mark: usize,
}

/// One line about to run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineStep {
    /// The exchange it ran in (index into [`Recording::exchanges`]).
    pub exchange: usize,
    /// The function (`count`, or `<module>`).
    pub func: String,
    /// The line in `app.py` (1-based).
    pub line: usize,
    /// The frame's variables just before the line, as `repr` shows them.
    pub locals: Vec<(String, String)>,
    /// The session's data just before the line (absent outside a request context).
    pub session: Option<Vec<SessionEntry>>,
    /// The session reads and writes the line made, in order.
    pub accesses: Vec<SessionAccess>,
    /// What the line printed.
    pub printed: String,
}

/// A read or write of the session by a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionAccess {
    /// What kind of access it was.
    pub kind: AccessKind,
    /// In the learner's terms: `session['count']`.
    pub what: String,
}

/// The kinds of session access.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccessKind {
    /// A value was read (`session['k']`, `session.get('k')`).
    Read,
    /// A key was tested (`'k' in session`).
    Test,
    /// A value was set.
    Write,
    /// A key was deleted (`del session['k']`, `session.pop('k')`).
    Delete,
}

impl AccessKind {
    /// The word a native object reports the access with, and that the page shows.
    pub fn word(self) -> &'static str {
        match self {
            AccessKind::Read => "read",
            AccessKind::Test => "test",
            AccessKind::Write => "write",
            AccessKind::Delete => "delete",
        }
    }

    fn from_word(word: &str) -> Option<AccessKind> {
        [
            AccessKind::Read,
            AccessKind::Test,
            AccessKind::Write,
            AccessKind::Delete,
        ]
        .into_iter()
        .find(|kind| kind.word() == word)
    }
}

impl Recording {
    /// Starts a new exchange (`GET /count`): the lines that follow belong to it.
    pub(crate) fn begin_exchange(&mut self, what: String, out_len: usize) {
        self.exchanges.push(what);
        self.out_mark = out_len;
    }

    /// Gives the last line what the interpreter printed since it started.
    pub(crate) fn settle_output(&mut self, out: &str) {
        let from = self.out_mark.min(out.len());
        if let (Some(last), Some(text)) = (self.lines.last_mut(), out.get(from..)) {
            last.printed.push_str(text);
        }
        self.out_mark = out.len();
    }
}

/// The observer that fills a [`Recording`].
pub(crate) struct Recorder {
    /// The recording, shared with the server that stops it.
    pub recording: Rc<RefCell<Recording>>,
    /// The request context, to read the session from.
    pub shared: Rc<Shared>,
}

impl Observer for Recorder {
    fn wants(&mut self, file: &str) -> bool {
        file == APP_FILE && !self.recording.borrow().truncated
    }

    fn line(&mut self, interp: &mut Interp, event: &LineEvent<'_>) {
        if self.recording.borrow().lines.len() >= MAX_LINES {
            self.recording.borrow_mut().truncated = true;
            return;
        }
        let accessed = self.shared.ctx.borrow().as_ref().map(|ctx| ctx.accessed);
        let locals = event
            .locals
            .iter()
            .filter(|(_, value)| !matches!(value, Value::Module(_) | Value::Class(_)))
            .map(|(name, value)| (name.clone(), shown(interp, value)))
            .collect();
        let session = accessed
            .is_some()
            .then(|| self.session_now(interp))
            .flatten();
        if let (Some(accessed), Some(ctx)) = (accessed, self.shared.ctx.borrow_mut().as_mut()) {
            ctx.accessed = accessed;
        }
        let mut recording = self.recording.borrow_mut();
        recording.settle_output(&interp.out);
        let exchange = recording.exchanges.len().saturating_sub(1);
        recording.lines.push(LineStep {
            exchange,
            func: event.func.to_string(),
            line: event.line,
            locals,
            session,
            accesses: Vec::new(),
            printed: String::new(),
        });
    }

    fn access(&mut self, _interp: &mut Interp, what: &str, _range: (u32, u32)) {
        let Some((word, rest)) = what.split_once(' ') else {
            return;
        };
        let Some(kind) = AccessKind::from_word(word) else {
            return;
        };
        if let Some(last) = self.recording.borrow_mut().lines.last_mut() {
            last.accesses.push(SessionAccess {
                kind,
                what: rest.to_string(),
            });
        }
    }
}

impl Recorder {
    fn session_now(&self, interp: &mut Interp) -> Option<Vec<SessionEntry>> {
        let value = {
            let ctx = self.shared.ctx.borrow();
            let ctx = ctx.as_ref()?;
            ctx.custom_session
                .clone()
                .unwrap_or_else(|| Value::Native(ctx.session.clone()))
        };
        Some(natives::session_entries(interp, &value))
    }
}

/// A value as the step-through shows it: its `repr`, cut to a readable length.
///
/// Watching must not change what the request does, so no code of the app runs here: host
/// objects (the `request`/`session` proxies) are named, not asked (asking would run Flask's code
/// and could set `accessed`), and an object whose class in `app.py` defines `__repr__` is shown
/// by its attributes rather than by calling it (that method could have side effects, as any
/// code can). Containers are walked here for the same reason; everything else is the
/// interpreter's own `repr`.
fn shown(interp: &mut Interp, value: &Value) -> String {
    let mut text = String::new();
    render(interp, value, 0, &mut text);
    match text.char_indices().nth(MAX_REPR) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// How deep containers are walked (deeper ones show `…`, which also ends cycles).
const MAX_DEPTH: usize = 4;

/// How many items of a container are shown.
const MAX_ITEMS: usize = 30;

fn render(interp: &mut Interp, value: &Value, depth: usize, out: &mut String) {
    if out.len() > MAX_REPR * 4 {
        return;
    }
    if depth > MAX_DEPTH {
        out.push('…');
        return;
    }
    match value {
        Value::Native(native) => out.push_str(&format!("<{}>", native.type_name())),
        Value::List(list) => {
            let values = list.borrow().clone();
            out.push('[');
            listed(out, &values, |out, item| {
                render(interp, item, depth + 1, out)
            });
            out.push(']');
        }
        Value::Tuple(values) => {
            out.push('(');
            listed(out, values, |out, item| {
                render(interp, item, depth + 1, out)
            });
            out.push_str(if values.len() == 1 { ",)" } else { ")" });
        }
        Value::Dict(dict) => {
            let pairs: Vec<(Value, Value)> = dict.borrow().iter().collect();
            out.push('{');
            listed(out, &pairs, |out, (key, item)| {
                render(interp, key, depth + 1, out);
                out.push_str(": ");
                render(interp, item, depth + 1, out);
            });
            out.push('}');
        }
        Value::Instance(instance) if repr_written_in_app(&instance.class) => {
            let attrs: Vec<(Value, Value)> = instance.attrs.borrow().iter().collect();
            out.push_str(&format!("<{} object", instance.class.name));
            for (index, (name, item)) in attrs.iter().enumerate() {
                out.push_str(if index == 0 { ": " } else { ", " });
                match name {
                    Value::Str(name) => out.push_str(name),
                    other => render(interp, other, depth + 1, out),
                }
                out.push('=');
                render(interp, item, depth + 1, out);
            }
            out.push('>');
        }
        other => match interp.repr(other) {
            Ok(text) => out.push_str(&text),
            Err(error) => out.push_str(&format!("<repr failed: {}>", error.value.type_name())),
        },
    }
}

/// Writes `items` separated by `, `, the first [`MAX_ITEMS`] of them, then `…`.
fn listed<T>(out: &mut String, items: &[T], mut each: impl FnMut(&mut String, &T)) {
    for (index, item) in items.iter().enumerate() {
        if index == MAX_ITEMS {
            out.push_str(", …");
            break;
        }
        if index > 0 {
            out.push_str(", ");
        }
        each(out, item);
    }
}

/// Whether the `__repr__` instances of `class` use was written in `app.py`.
fn repr_written_in_app(class: &crate::python::Class) -> bool {
    class
        .mro
        .borrow()
        .iter()
        .find(|owner| owner.dict.borrow().get_str("__repr__").is_some())
        .is_some_and(|owner| owner.module == "app")
}
