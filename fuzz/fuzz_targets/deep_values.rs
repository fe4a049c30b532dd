//! Fuzz target (issue 13): deep and wide values never overflow the native stack or run away.
//! The input picks a shape (nested lists, tuples, dict values, tuple dict keys, frozensets,
//! instance attributes), a depth, a width and a list of operations over two such values (`==`,
//! `<`, `hash`, `repr`, `str`, `json.dumps`, `copy.deepcopy`, `in`, `sorted`, a dict key, an
//! f-string, dropping one, exhausting the recursion limit first). The two values are built
//! natively (see `build`: a Python loop building them was most of a run's time) and handed to
//! `ops(x, y)`, a small Python function of the operations, run on a thread with the stack of
//! `PAGE_STACK`, so a native recursion over the data crashes the target, where the interpreter
//! must work iteratively, raise `RecursionError`, or charge the work to its step budget.
//!
//! Input layout: byte 0 the shape, bytes 1-2 the depth (little-endian, up to 5,000: past the
//! recursion limit and the stack a recursive walk would need), byte 3 the width (1-3: wide
//! values share their children, so a walk that does not stop is exponential), the rest one
//! operation a byte. No corpus is needed:
//!     cargo +nightly fuzz run -s none -O deep_values -- -runs=1000000 -timeout=20
//! Built with `--no-trace-compares` it runs about twice as fast (the comparison hooks were 40 %
//! of a profile); the 1 M run in BENCHMARKS.md was built so.
#![no_main]

use libfuzzer_sys::fuzz_target;
use session_playground::python::{Dict, HostConfig, Interpreter, RunError, Value};

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

/// One statement over `x` and `y` each, in `ops(x, y)`.
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

/// What an input asks for: a shape, a depth, a width and the operations.
struct Plan {
    shape: u8,
    depth: usize,
    width: usize,
    source: String,
}

fn plan(data: &[u8]) -> Option<Plan> {
    let (&shape, rest) = data.split_first()?;
    let (depth, rest) = rest.split_at_checked(2)?;
    let (&width, rest) = rest.split_first()?;
    let shape = shape % 6;
    let depth = usize::from(u16::from_le_bytes([depth[0], depth[1]]) % MAX_DEPTH);
    let width = usize::from(1 + width % 3);
    let mut source = String::from(
        "import copy, json\nclass C:\n    pass\n\
         def deep(n):\n    return n <= 0 or deep(n - 1)\n\
         def ops(x, y):\n    r = None\n",
    );
    for &op in rest.iter().take(8) {
        let statement = OPERATIONS[op as usize % OPERATIONS.len()];
        source.push_str("    try:\n");
        for line in statement.lines() {
            source.push_str(&format!("        {line}\n"));
        }
        source.push_str("    except Exception as e:\n        print(type(e).__name__)\n");
    }
    Some(Plan {
        shape,
        depth,
        width,
        source,
    })
}

/// One value of `plan`'s shape, built natively (a Python loop of 5,000 levels was most of each
/// run's time; the operations are what is under test), level by level around `()`:
/// - 0 `[x] * W`, 1 `(x,) * W`, 2 `{'k': x, 'w': [x] * (W - 1)}`,
/// - 3 `tuple({(x,) * W: 1})` (a tuple holding a dict key's tuple),
/// - 4 `frozenset([x, (len(x), W)])`, 5 an instance of `C` with `a = x`, `w = [x] * (W - 1)`.
fn build(py: &mut Interpreter, module: &Value, plan: &Plan) -> Option<Value> {
    let width = plan.width;
    let class = py.get_attr(module, "C").ok()?;
    let mut x = Value::tuple(Vec::new());
    for _ in 0..plan.depth {
        x = match plan.shape {
            0 => Value::list(vec![x; width]),
            1 => Value::tuple(vec![x; width]),
            2 => {
                let mut d = Dict::new();
                d.insert(Value::str("k"), x.clone()).ok()?;
                d.insert(Value::str("w"), Value::list(vec![x; width - 1]))
                    .ok()?;
                Value::dict(d)
            }
            // What `tuple({(x,) * W: 1})` leaves; the key's hash is left to the operations
            // (hashing it at each level is n^2 / 2 tuples, which the interpreter charges).
            3 => Value::tuple(vec![Value::tuple(vec![x; width])]),
            4 => {
                let len = match &x {
                    Value::FrozenSet(set) => set.len(),
                    _ => 0,
                };
                let mut d = Dict::new();
                d.insert(x, Value::None).ok()?;
                let pair = Value::tuple(vec![Value::Int(len as i64), Value::Int(width as i64)]);
                d.insert(pair, Value::None).ok()?;
                Value::FrozenSet(std::rc::Rc::new(d))
            }
            _ => {
                let object = py.call_host(&class, Vec::new(), Vec::new()).ok()?;
                py.set_attr(&object, "a", x.clone()).ok()?;
                py.set_attr(&object, "w", Value::list(vec![x; width - 1]))
                    .ok()?;
                object
            }
        };
    }
    Some(x)
}

fn run(plan: &Plan) {
    // A small budget: an operation that runs away (a comparison of two nests that share their
    // parts is 2^n pairs) ends at it, and is as much a finding there as at a million steps,
    // at a fiftieth of the time.
    let mut py = Interpreter::new(HostConfig {
        step_budget: 20_000,
        memory_limit: 16 << 20,
        ..HostConfig::default()
    });
    let module = match py.run_module("__main__", "deep.py", &plan.source) {
        Ok(module) => module,
        Err(RunError::Syntax(info)) => panic!("the generated program is valid Python: {info}"),
        Err(RunError::Exception(exception)) => panic!("the definitions run: {exception:?}"),
    };
    let (Some(x), Some(y)) = (build(&mut py, &module, plan), build(&mut py, &module, plan)) else {
        return;
    };
    let ops = py.get_attr(&module, "ops").expect("ops is defined");
    if let Err(RunError::Exception(exception)) = py.call_host(&ops, vec![x, y], Vec::new()) {
        assert!(
            exception.traceback.ends_with('\n'),
            "a traceback is whole lines"
        );
    }
    let _ = py.take_output();
    // Dropping the interpreter frees the deep values: that walk must not recurse either.
    drop(py);
}

fuzz_target!(|data: &[u8]| {
    let Some(plan) = plan(data) else {
        return;
    };
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .stack_size(PAGE_STACK)
            .spawn_scoped(scope, || run(&plan))
            .expect("a worker thread starts");
        // A native stack overflow aborts the process (reported as a crash with this input).
        let _ = worker.join();
    });
});
