//! Issue 13: nothing a learner types may overflow the native stack. Every program here runs on
//! a thread with a small stack (the page's main thread has about 1 MiB), so a native recursion
//! over deep data or a deep tree fails the test by crashing it, not by a wrong answer.

use super::*;

/// Stack of the threads these tests run on.
const SMALL_STACK: usize = 1 << 20;

/// Runs `src` as `t.py` on a small-stack thread; (stdout, stderr, exit status) as `python3`.
fn run_small(src: &str) -> (String, String, i32) {
    let src = src.to_string();
    let h = std::thread::Builder::new()
        .stack_size(SMALL_STACK)
        .spawn(move || {
            let mut py = Interpreter::new(HostConfig::default());
            let result = py.run_module("__main__", "t.py", &src);
            let out = py.take_output();
            let (err, code) = match result {
                Ok(_) => (String::new(), 0),
                Err(RunError::Syntax(s)) => (s.to_string(), 1),
                Err(RunError::Exception(e)) => (e.traceback, 1),
            };
            drop(py);
            (out, err, code)
        });
    h.expect("spawn")
        .join()
        .expect("the interpreter thread crashed")
}

fn last_line(s: &str) -> &str {
    s.trim_end().rsplit('\n').next().unwrap_or("")
}

#[test]
fn deep_data_is_dropped_without_recursion() {
    for make in ["[x]", "(x,)", "{'k': x}", "{1: [x]}", "C(x)", "[(x,)]"] {
        let src = format!(
            "class C:\n    def __init__(self, x):\n        self.x = x\nx = None\nfor n in range(100000):\n    x = {make}\ny = x\nx = None\ny = None\nprint('freed')\nfor n in range(100000):\n    x = {make}\n"
        );
        assert_eq!(
            run_small(&src),
            ("freed\n".to_string(), String::new(), 0),
            "{make}"
        );
    }
}
