//! Fuzz target (issue 13): deep and wide values built by small programs never overflow the
//! native stack. The input picks a shape (nested lists, tuples, dict values, tuple dict keys,
//! frozensets, instance attributes), a depth, a width and a list of operations over two such
//! values (`==`, `<`, `hash`, `repr`, `str`, `json.dumps`, `copy.deepcopy`, `in`, `sorted`, a
//! dict key, an f-string, dropping one, exhausting the recursion limit first); the program runs
//! on a thread with a small stack (see `PAGE_STACK`), so a native recursion over the data
//! crashes the target, where the interpreter must work iteratively or raise `RecursionError`.
//!
//! Input layout: byte 0 the shape, bytes 1-2 the depth (little-endian, up to 5,000: past the recursion limit and the stack a
//! recursive walk would need, small enough for thousands of runs a minute), byte 3 the
//! width (1-3: wide values share their children, so a walk that does not stop is exponential),
//! the rest one operation a byte. No corpus is needed:
//!     cargo +nightly fuzz run -s none -O deep_values -- -runs=1000000 -timeout=20
#![no_main]

use libfuzzer_sys::fuzz_target;
use session_playground::python::{HostConfig, Interpreter, RunError};

// The page's allocator: the interpreter's heap budget (`MemoryError`) reads its count, so a
// program that fills memory is stopped here as it is in the page, and an out-of-memory report
// is a real escape from the budget, not an artefact of a harness without one.
#[global_allocator]
static HEAP: session_playground::python::heap::Counting<std::alloc::System> =
    session_playground::python::heap::Counting(std::alloc::System);

/// Stack of the thread a program runs on. The page's main thread has about 1 MiB, where its
/// optimised wasm fits 1,000 Python calls (the recursion limit); this instrumented native build
/// needs more for them (every input with `deep(900)` overflowed 1 MiB), so the stack is 8 MiB
/// and a walk that does not stop must go deeper than the limit allows to be caught.
const PAGE_STACK: usize = 8 << 20;
/// Deepest value built.
const MAX_DEPTH: u16 = 5_000;

/// `x = <one more level around x>` for each shape; `W` is the width.
const SHAPES: [&str; 6] = [
    "x = [x] * W",
    "x = (x,) * W",
    "x = {'k': x, 'w': [x] * (W - 1)}",
    "x = {(x,) * W: 1}\nx = tuple(x)",
    "x = frozenset([x, (len(x), W)])",
    "o = C()\no.a = x\no.w = [x] * (W - 1)\nx = o",
];

/// One statement over `x` and `y` each.
const OPERATIONS: [&str; 14] = [
    "r = x == y",
    "r = x < y",
    "r = hash(x)",
    "r = repr(x)",
    "r = str(x)",
    "r = json.dumps(x)",
    "r = copy.deepcopy(x)",
    "r = x in [y]",
    "r = sorted([x, y])",
    "r = {x: 1}",
    "r = f'{x!r}'",
    "del y\ny = x",
    "r = deep(900) and x == y",
    "r = x != y",
];

fn program(data: &[u8]) -> Option<String> {
    let (&shape, rest) = data.split_first()?;
    let (depth, rest) = rest.split_at_checked(2)?;
    let (&width, rest) = rest.split_first()?;
    let depth = u16::from_le_bytes([depth[0], depth[1]]) % MAX_DEPTH;
    let width = 1 + width % 3;
    let build = SHAPES[shape as usize % SHAPES.len()].replace('W', &width.to_string());
    let mut source = String::from(
        "import copy, json\nclass C:\n    pass\n\
         def deep(n):\n    return n <= 0 or deep(n - 1)\n\
         def make():\n    x = ()\n",
    );
    source.push_str(&format!("    for _ in range({depth}):\n"));
    for line in build.lines() {
        source.push_str(&format!("        {line}\n"));
    }
    source.push_str("    return x\nx = make()\ny = make()\n");
    for &op in rest.iter().take(8) {
        let statement = OPERATIONS[op as usize % OPERATIONS.len()];
        source.push_str("try:\n");
        for line in statement.lines() {
            source.push_str(&format!("    {line}\n"));
        }
        source.push_str("except Exception as e:\n    print(type(e).__name__)\n");
    }
    Some(source)
}

fn run(source: &str) {
    let mut py = Interpreter::new(HostConfig {
        step_budget: 300_000,
        memory_limit: 16 << 20,
        ..HostConfig::default()
    });
    match py.run_module("__main__", "deep.py", source) {
        Ok(_) => {}
        Err(RunError::Syntax(info)) => panic!("the generated program is valid Python: {info}"),
        Err(RunError::Exception(exception)) => {
            assert!(
                exception.traceback.ends_with('\n'),
                "a traceback is whole lines"
            );
        }
    }
    let _ = py.take_output();
    // Dropping the interpreter frees the deep values: that walk must not recurse either.
    drop(py);
}

fuzz_target!(|data: &[u8]| {
    let Some(source) = program(data) else {
        return;
    };
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .stack_size(PAGE_STACK)
            .spawn_scoped(scope, || run(&source))
            .expect("a worker thread starts");
        // A native stack overflow aborts the process (reported as a crash with this input).
        let _ = worker.join();
    });
});
