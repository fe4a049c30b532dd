//! The public face of the interpreter for the host (the Flask layer, the CLI, the UI).

use std::rc::Rc;

use super::eval::{Flow, Frame, FrameKind};
use super::interp::{Exc, Interp, PyResult};
use super::syntax::SyntaxErrorInfo;
use super::traceback::FrameSpan;
use super::value::*;

/// An uncaught Python exception, as data and as CPython's text.
#[derive(Clone, Debug)]
pub struct PyException {
    /// The exception object (the host may inspect its class).
    pub value: Value,
    /// Class name as printed (`KeyError`, `__main__` classes unqualified).
    pub type_name: String,
    /// `str(exc)`.
    pub message: String,
    /// Frames, outermost first, with spans for the editor.
    pub frames: Vec<FrameSpan>,
    /// The full traceback exactly as CPython prints it on stderr.
    pub traceback: String,
}

/// Why running code failed.
#[derive(Clone, Debug)]
pub enum RunError {
    /// The source did not parse (or used an unsupported construct).
    Syntax(SyntaxErrorInfo),
    /// An exception escaped.
    Exception(PyException),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Syntax(s) => write!(f, "{s}"),
            RunError::Exception(e) => write!(f, "{}", e.traceback),
        }
    }
}

impl Interp {
    /// Describe an escaped exception.
    pub fn exception_info(&mut self, e: &Exc) -> PyException {
        let v = e.value.clone();
        let frames = v
            .exc_state()
            .map(|st| {
                st.borrow()
                    .traceback
                    .iter()
                    .filter(|t| !t.filename.starts_with("<frozen"))
                    .map(|t| t.span())
                    .collect()
            })
            .unwrap_or_default();
        let type_name = match &v {
            Value::Instance(i) => i.class.display_name(),
            other => other.type_name(),
        };
        let message = self.to_str(&v).unwrap_or_default();
        let traceback = self.format_exception(&v);
        PyException {
            value: v,
            type_name,
            message,
            frames,
            traceback,
        }
    }

    /// Run `source` as a module named `name` (file name `filename` in tracebacks); returns the
    /// module object. Resets the step budget first.
    ///
    /// ```
    /// use session_playground::python::{Interpreter, HostConfig};
    /// let mut py = Interpreter::new(HostConfig::default());
    /// let m = py.run_module("app", "app.py", "x = 6 * 7\nprint(x)").unwrap();
    /// assert_eq!(py.take_output(), "42\n");
    /// let x = py.get_attr(&m, "x").unwrap();
    /// assert_eq!(py.repr(&x).unwrap(), "42");
    /// ```
    pub fn run_module(
        &mut self,
        name: &str,
        filename: &str,
        source: &str,
    ) -> Result<Value, RunError> {
        let parsed = super::syntax::parse(source, filename).map_err(RunError::Syntax)?;
        let env = Rc::new(Env::default());
        env.set("__name__", Value::str(name));
        env.set("__file__", Value::str(filename));
        env.set("__doc__", Value::None);
        let module = Value::Module(Rc::new(Module {
            name: name.to_string(),
            env: env.clone(),
        }));
        self.modules.insert(name.to_string(), module.clone());
        let mut frame = Frame {
            kind: FrameKind::Module,
            locals: env.clone(),
            globals: env,
            scope: None,
            closure: None,
            owner: parsed.clone(),
            source: Rc::new(SourceFile::new(source.to_string())),
            filename: Rc::from(filename),
            func_name: Rc::from("<module>"),
            qual_prefix: Rc::from(""),
            function: None,
            first_arg: None,
            stmt_range: (0, 0),
            is_comprehension: false,
            yields: None,
            fast: None,
            locals_dict: None,
        };
        self.reset_budget();
        self.depth = 0;
        self.handling.clear();
        let body = &parsed.module.body;
        match self.exec_block(&mut frame, body) {
            Ok(Flow::Normal) | Ok(Flow::Return(_)) => Ok(module),
            Ok(Flow::Break) | Ok(Flow::Continue) => Err(RunError::Exception(
                self.exception_info(&self.err("SyntaxError", "'break' outside loop")),
            )),
            Err(e) => {
                let e = self.commit_tb(e, &frame);
                Err(RunError::Exception(self.exception_info(&e)))
            }
        }
    }

    /// Run Python source as a library module (no budget reset; used for stdlib modules written
    /// in Python and available to the host for its own preludes). Frames of files whose name
    /// starts with `<frozen` are left out of printed tracebacks, like CPython's C modules.
    pub fn load_source_module(
        &mut self,
        name: &str,
        filename: &str,
        source: &str,
    ) -> PyResult<Value> {
        let parsed = match super::syntax::parse(source, filename) {
            Ok(p) => p,
            Err(e) => return Err(self.err("SyntaxError", e.message)),
        };
        let env = Rc::new(Env::default());
        env.set("__name__", Value::str(name));
        let module = Value::Module(Rc::new(Module {
            name: name.to_string(),
            env: env.clone(),
        }));
        self.modules.insert(name.to_string(), module.clone());
        let mut frame = Frame {
            kind: FrameKind::Module,
            locals: env.clone(),
            globals: env,
            scope: None,
            closure: None,
            owner: parsed.clone(),
            source: Rc::new(SourceFile::new(source.to_string())),
            filename: Rc::from(filename),
            func_name: Rc::from("<module>"),
            qual_prefix: Rc::from(""),
            function: None,
            first_arg: None,
            stmt_range: (0, 0),
            is_comprehension: false,
            yields: None,
            fast: None,
            locals_dict: None,
        };
        match self.exec_block(&mut frame, &parsed.module.body) {
            Ok(_) => Ok(module),
            Err(e) => {
                self.modules.remove(name);
                Err(self.commit_tb(e, &frame))
            }
        }
    }

    /// Call a Python callable from the host with a fresh step budget.
    ///
    /// ```
    /// use session_playground::python::{Interpreter, HostConfig, Value};
    /// let mut py = Interpreter::new(HostConfig::default());
    /// let m = py.run_module("app", "app.py", "def greet(name, punct='!'):\n    return 'hi ' + name + punct").unwrap();
    /// let f = py.get_attr(&m, "greet").unwrap();
    /// let r = py.call_host(&f, vec![Value::str("zoe")], vec![("punct".into(), Value::str("?"))]).unwrap();
    /// assert_eq!(py.to_str(&r).unwrap(), "hi zoe?");
    /// ```
    pub fn call_host(
        &mut self,
        f: &Value,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    ) -> Result<Value, RunError> {
        self.reset_budget();
        self.depth = 0;
        self.handling.clear();
        match self.call(
            f,
            Args {
                pos: args,
                kw: kwargs,
            },
        ) {
            Ok(v) => Ok(v),
            Err(e) => Err(RunError::Exception(self.exception_info(&e))),
        }
    }
}
