//! The Python layer alone in a wasm module, to measure the page weight it adds
//! (`bench/wasm-size.sh`): the parser, the evaluator and the small stdlib, kept alive by one
//! export that runs a program, built and optimised as the page is.

use session_playground::python::{HostConfig, Interpreter, RunError};
use wasm_bindgen::prelude::*;

/// Runs `source` as a module and returns what it printed, or its traceback.
#[wasm_bindgen]
pub fn run(source: &str) -> String {
    let mut py = Interpreter::new(HostConfig::default());
    match py.run_module("__main__", "main.py", source) {
        Ok(_) => py.take_output(),
        Err(RunError::Syntax(info)) => info.to_string(),
        Err(RunError::Exception(error)) => error.traceback,
    }
}

fn main() {}
