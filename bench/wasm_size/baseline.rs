//! The baseline for `bench/wasm-size.sh`: a wasm module with the same one string-in,
//! string-out export and nothing else (std's allocator, formatting and wasm-bindgen's glue), to
//! subtract from the measured layer.

use wasm_bindgen::prelude::*;

/// Returns `source` with a line added, so the export is not optimised away.
#[wasm_bindgen]
pub fn run(source: &str) -> String {
    format!("{source}\n")
}

fn main() {}
