//! The one binary: in the browser (wasm32) it mounts the playground page; natively it is the
//! command-line tool. Real work lives in the library; this file only dispatches.

// Counting the live heap lets the interpreter stop a runaway program with `MemoryError`
// before the tab's memory runs out (see `python::heap`).
#[global_allocator]
static HEAP: session_playground::python::heap::Counting<std::alloc::System> =
    session_playground::python::heap::Counting(std::alloc::System);

#[cfg(target_arch = "wasm32")]
fn main() {
    session_playground::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = session_playground::cli::main(&args);
    print!("{}", outcome.stdout);
    eprint!("{}", outcome.stderr);
    std::process::exit(outcome.exit_code);
}
