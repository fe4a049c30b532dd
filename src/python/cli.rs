//! `session-playground py FILE.py`: run a plain Python file like `python3 FILE.py`.

use super::api::RunError;
use super::interp::{HostConfig, Interp};
use super::value::Value;

/// Native stack for the CLI's interpreter thread: enough for the recursion limit in debug
/// builds too (the evaluator recurses on the Rust stack).
pub const CLI_STACK_SIZE: usize = 256 << 20;

/// Run a file's source; returns (stdout, stderr, exit status) as `python3` would produce them.
/// Tracebacks name the file `path` exactly as given.
///
/// ```
/// let (out, err, code) = session_playground::python::run_file_cli("t.py", "print(1 + 1)\n1/0\n");
/// assert_eq!(out, "2\n");
/// assert!(err.ends_with("ZeroDivisionError: division by zero\n"));
/// assert_eq!(code, 1);
/// ```
pub fn run_file_cli(path: &str, source: &str) -> (String, String, i32) {
    let path = path.to_string();
    let source = source.to_string();
    let worker = std::thread::Builder::new()
        .stack_size(CLI_STACK_SIZE)
        .spawn(move || run_in_thread(&path, &source));
    match worker.map(|h| h.join()) {
        Ok(Ok(r)) => r,
        _ => (
            String::new(),
            "internal error: the interpreter thread failed\n".to_string(),
            1,
        ),
    }
}

fn run_in_thread(path: &str, source: &str) -> (String, String, i32) {
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
    (stdout, stderr, code)
}
