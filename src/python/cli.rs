//! A plain Python file run like `python3 FILE.py` (what `session-playground py` prints): the
//! program's two output streams and its exit status, as a value. The command line reads the
//! file and gives the run its thread; nothing here does I/O or spawns.

use super::api::RunError;
use super::interp::{HostConfig, Interp};
use super::value::Value;

/// Native stack for a thread that runs the interpreter from the command line: enough for the
/// recursion limit in debug builds too (the evaluator recurses on the Rust stack).
pub const CLI_STACK_SIZE: usize = 256 << 20;

/// What a program printed and how it exited, as `python3` would.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ProgramRun {
    /// Its standard output.
    pub stdout: String,
    /// Its standard error (a traceback, a `SyntaxError`, `sys.exit`'s message).
    pub stderr: String,
    /// Its exit status: 0, 1 after an uncaught exception, or what `sys.exit` asked for.
    pub status: i32,
}

/// Runs a file's source on the calling thread (give it [`CLI_STACK_SIZE`]: deep recursion in
/// the program must end in `RecursionError`, not overflow the native stack). Tracebacks name
/// the file `path` exactly as given.
///
/// ```
/// let run = session_playground::python::run_program("t.py", "print(1 + 1)\n1/0\n");
/// assert_eq!(run.stdout, "2\n");
/// assert!(run.stderr.ends_with("ZeroDivisionError: division by zero\n"));
/// assert_eq!(run.status, 1);
/// ```
pub fn run_program(path: &str, source: &str) -> ProgramRun {
    let mut py = Interp::new(HostConfig::default());
    let result = py.run_module("__main__", path, source);
    let mut stdout = py.take_output();
    let mut stderr = std::mem::take(&mut py.err_out);
    let code = match result {
        Ok(_) => 0,
        Err(RunError::Syntax(s)) => {
            stderr.push_str(&s.to_string());
            1
        }
        Err(RunError::Exception(e)) => {
            if py.exc_matches(&e.value, "SystemExit") {
                let args = e
                    .value
                    .exc_state()
                    .map(|s| s.borrow().args.clone())
                    .unwrap_or_default();
                match args.first() {
                    None | Some(Value::None) => 0,
                    Some(Value::Int(i)) => *i as i32,
                    Some(Value::Bool(b)) => *b as i32,
                    Some(other) => {
                        let s = py.to_str(other).unwrap_or_default();
                        stderr.push_str(&s);
                        stderr.push('\n');
                        1
                    }
                }
            } else {
                stderr.push_str(&e.traceback);
                1
            }
        }
    };
    stdout.push_str(&py.take_output());
    ProgramRun {
        stdout,
        stderr,
        status: code,
    }
}
