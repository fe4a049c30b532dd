//! Issue 13: nothing a learner types may overflow the native stack. Every program here runs on
//! a thread with a small stack (the page's main thread has about 1 MiB), so a native recursion
//! over deep data or a deep tree fails the test by crashing it, not by a wrong answer.

use super::*;

/// Stack of the threads these tests run on.
const SMALL_STACK: usize = 1 << 20;

/// Runs `src` as `t.py` on a small-stack thread; (stdout, stderr, exit status) as `python3`.
fn run_small(src: &str) -> (String, String, i32) {
    run_on(SMALL_STACK, src)
}

/// Stack for the walks over deep data that stop at the recursion limit: 1,000 levels of `==`
/// take about 1.1 MB in this unoptimised build (three frames per level), several times what the
/// page's optimised wasm needs (where 1,000 Python calls, each far bigger, fit); an unbounded
/// walk over the 10,000- and 100,000-deep data below would still need 10 to 100 times more.
const WALK_STACK: usize = 2 << 20;

/// Like `run_small` on a stack of `stack` bytes.
fn run_on(stack: usize, src: &str) -> (String, String, i32) {
    let src = src.to_string();
    let h = std::thread::Builder::new()
        .stack_size(stack)
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

/// Deep source of one kind (`PROBE_KIND`) and depth (`PROBE_N`), for measuring by hand which
/// nesting overflows a stack of `PROBE_STACK` bytes:
/// `PROBE_KIND=not PROBE_N=2000 cargo test --lib probe_deep_source -- --ignored --nocapture`.
#[test]
#[ignore]
fn probe_deep_source() {
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    let n: usize = var("PROBE_N").parse().unwrap_or(1000);
    let src = deep_source(&var("PROBE_KIND"), n);
    let stack: usize = var("PROBE_STACK").parse().unwrap_or(SMALL_STACK);
    let h = std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            let mut py = Interpreter::new(HostConfig::default());
            let r = py.run_module("__main__", "t.py", &src);
            match r {
                Ok(_) => "ok".to_string(),
                Err(RunError::Syntax(s)) => s.message,
                Err(RunError::Exception(e)) => e.message,
            }
        });
    println!("PROBE {}", h.unwrap().join().unwrap());
}

/// `x = ` and an expression nested `n` deep in one way.
fn deep_source(kind: &str, n: usize) -> String {
    let e = match kind {
        "not" => format!("{}x", "not ".repeat(n)),
        "minus" => format!("{}1", "-".repeat(n)),
        "lambda" => format!("{}0", "lambda: ".repeat(n)),
        "call" => format!("f{}", "()".repeat(n)),
        "attr" => format!("x{}", ".a".repeat(n)),
        "sub" => format!("x{}", "[0]".repeat(n)),
        "plus" => vec!["1"; n + 1].join("+"),
        "pow" => format!("2{}", "**1".repeat(n)),
        "ifelse" => format!("{}0", "0 if 0 else ".repeat(n)),
        "paren" => format!("{}1{}", "(".repeat(n), ")".repeat(n)),
        "list" => format!("{}{}", "[".repeat(n), "]".repeat(n)),
        "await" => format!("{}x", "await ".repeat(n)),
        "fstring" => format!("{}1{}", "f'{".repeat(n), "}'".repeat(n)),
        "indent" => {
            let blocks: String = (0..n)
                .map(|i| format!("{}if x:\n", " ".repeat(i)))
                .collect();
            return format!("x = 0\n{blocks}{}pass\n", " ".repeat(n));
        }
        _ => format!("{}x", "not ".repeat(n)),
    };
    if std::env::var("PROBE_IN_FUNCTION").is_ok() {
        return format!(
            "x = 0\ndef f():\n    return f\ndef g():\n    y = {e}\n    return y\ng()\n"
        );
    }
    format!(
        "x = 0\ndef f():\n    return f\n{}\n",
        if kind == "await" {
            format!("async def g():\n    {e}")
        } else {
            format!("x = {e}")
        }
    )
}

/// What CPython 3.11 prints last for each kind of over-deep source (checked with `python3`):
/// RecursionError during compilation, except where written down in `syntax`.
#[test]
fn deep_source_is_refused_before_parsing() {
    let recursion = "RecursionError: maximum recursion depth exceeded during compilation";
    let cases: &[(&str, usize, &str)] = &[
        ("not", 50000, recursion),
        ("not", 4000, recursion),
        ("minus", 50000, recursion),
        ("lambda", 30000, recursion),
        ("call", 100000, recursion),
        ("attr", 100000, recursion),
        ("sub", 100000, recursion),
        ("plus", 500000, recursion),
        ("pow", 100000, recursion),
        ("ifelse", 50000, recursion),
        ("await", 5000, recursion),
        ("paren", 100000, "SyntaxError: too many nested parentheses"),
        ("list", 201, "SyntaxError: too many nested parentheses"),
        (
            "fstring",
            100000,
            "SyntaxError: too many nested parentheses",
        ),
        (
            "indent",
            1000,
            "IndentationError: too many levels of indentation",
        ),
        (
            "indent",
            100,
            "IndentationError: too many levels of indentation",
        ),
    ];
    for &(kind, n, want) in cases {
        let (out, err, code) = run_small(&deep_source(kind, n));
        assert_eq!(
            (out.as_str(), last_line(&err), code),
            ("", want, 1),
            "{kind} x {n}"
        );
    }
    // What CPython accepts stays accepted.
    for (kind, n) in [
        ("not", 900),
        ("call", 900),
        ("paren", 200),
        ("indent", 99),
        ("lambda", 400),
        ("ifelse", 400),
    ] {
        let (_, err, code) = run_small(&deep_source(kind, n));
        assert_eq!((err.as_str(), code), ("", 0), "{kind} x {n}");
    }
    // The compile-time RecursionError has no location, as CPython prints it.
    let (_, err, _) = run_small(&deep_source("not", 5000));
    assert_eq!(err, format!("{recursion}\n"));
}

fn deep(kind: &str, n: usize) -> String {
    let (empty, wrap) = match kind {
        "list" => ("[]", "[x]"),
        "dict" => ("{}", "{'k': x}"),
        _ => ("()", "(x,)"),
    };
    format!(
        "def mk(n):\n    x = {empty}\n    for i in range(n):\n        x = {wrap}\n    return x\na = mk({n})\nb = mk({n})\n"
    )
}

/// Deep data: CPython 3.11's RecursionError (or result) for each native walk.
#[test]
fn deep_data_walks_raise_recursion_error() {
    let repr =
        "RecursionError: maximum recursion depth exceeded while getting the repr of an object";
    let cmp = "RecursionError: maximum recursion depth exceeded in comparison";
    let json = "RecursionError: maximum recursion depth exceeded while encoding a JSON object";
    for kind in ["list", "dict", "tuple"] {
        for n in [10000, 100000] {
            for (stmt, want) in [
                ("repr(a)", repr),
                ("str(a)", repr),
                ("print(a)", repr),
                ("f'{a}'", repr),
                ("a == b", cmp),
                ("a != b", cmp),
                ("import json\njson.dumps(a)", json),
            ] {
                let src = format!("{}{stmt}\n", deep(kind, n));
                let (out, err, code) = run_on(WALK_STACK, &src);
                assert_eq!(
                    (out.as_str(), last_line(&err), code),
                    ("", want, 1),
                    "{kind} {n}: {stmt}"
                );
            }
        }
    }
    for kind in ["list", "tuple"] {
        let src = format!("{}a < b\n", deep(kind, 10000));
        assert_eq!(last_line(&run_on(WALK_STACK, &src).1), cmp, "{kind} <");
    }
    // CPython hashes a deep tuple (natively, without a check), and so do we, without recursion.
    // (`d[b]` is a RecursionError in CPython: a written-down difference, see `dict::tuples_eq`.)
    let src = format!(
        "{}print(hash(a) == hash(b), len({{a: 1}}))\nd = {{a: 1}}\nprint(d[b])\n",
        deep("tuple", 100000)
    );
    let (out, err, code) = run_on(WALK_STACK, &src);
    assert_eq!((out.as_str(), err.as_str(), code), ("True 1\n1\n", "", 0));
    // Shallow data still works, inside recursion too.
    let src = "def f(n):\n    return repr([[[n]]]) if n == 0 else f(n - 1)\nprint(f(50))\nprint([[1]] == [[1]], (1, (2,)) < (1, (3,)))\n";
    assert_eq!(run_on(WALK_STACK, src).0, "[[[0]]]\nTrue True\n");
}

/// A frozenset holding the one before it, 20,000 deep (found by the `deep_values` fuzz target):
/// each level hashes the one inside. CPython keeps a frozenset's hash, so this is linear there;
/// hashing the whole nest again at every level took 5.6 s for 8,000 levels in a release build.
/// Two such nests built apart compare equal when shallow; deep, `==` is CPython's
/// `RecursionError` (it recurses in comparison), never a native stack overflow.
#[test]
fn a_deep_frozenset_nest_builds_in_linear_time() {
    let src = "def make(n):\n    x = frozenset()\n    for i in range(n):\n        x = frozenset([x, i])\n    return x\n\
               a = make(20000)\nb = make(20000)\nprint(hash(a) == hash(b), {a: 'found'}.get(frozenset([a, -1])))\n\
               c = make(500)\nprint(c == make(500), len({c, make(500)}))\n\
               try:\n    a == b\nexcept RecursionError as e:\n    print(e)\n";
    let started = std::time::Instant::now();
    let (out, err, code) = run_small(src);
    assert_eq!(
        (out.as_str(), err.as_str(), code),
        (
            "True None\nTrue 1\nmaximum recursion depth exceeded in comparison\n",
            "",
            0
        )
    );
    // Far above the linear build's time even in this unoptimised build, far below the
    // quadratic one's.
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

/// A tuple that holds the one before it twice, 5,000 deep (found by the `deep_values` fuzz
/// target): hashing it walks each distinct tuple once. It hashed 2^n tuples (CPython does too,
/// and never finishes; here the tab froze). The hash of a shared nest equals that of the same
/// nest built without sharing.
#[test]
fn a_tuple_nest_that_shares_its_halves_hashes_in_linear_time() {
    let src = "def shared(n):\n    x = ()\n    for _ in range(n):\n        x = (x, x)\n    return x\n\
               def tree(n):\n    return () if n == 0 else (tree(n - 1), tree(n - 1))\n\
               print(hash(shared(12)) == hash(tree(12)))\n\
               big = shared(5000)\nprint(len({big: 1}), hash(big) == hash(shared(5000)))\n";
    let started = std::time::Instant::now();
    let (out, err, code) = run_small(src);
    assert_eq!(
        (out.as_str(), err.as_str(), code),
        ("True\n1 True\n", "", 0)
    );
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn comparing_nests_that_share_their_halves_is_work_the_step_budget_ends() {
    // Two distinct nests of `x = (x, x)` compare in 2^n pairs (CPython never finishes either);
    // each pair is a step, so the comparison ends like an endless loop, at once. Shallow ones
    // still compare, in both orders.
    for (make, empty) in [("(x, x)", "()"), ("[x, x]", "[]")] {
        let src = format!(
            "def nest(n):\n    x = {empty}\n    for _ in range(n):\n        x = {make}\n    return x\n\
             print(nest(8) == nest(8), nest(8) < nest(9), nest(8) != nest(8))\n\
             a = nest(60)\nb = nest(60)\nprint(a == b)\n"
        );
        let started = std::time::Instant::now();
        let (out, err, code) = run_on(WALK_STACK, &src);
        assert_eq!((out.as_str(), code), ("True True False\n", 1), "{make}");
        assert_eq!(
            last_line(&err),
            "StepLimitExceeded: stopped after 1,000,000 steps: the comparison at line 9 is too \
             much work for the playground",
            "{make}"
        );
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    }
}

#[test]
fn hashing_a_growing_nest_again_and_again_is_work_the_step_budget_ends() {
    // Each level hashes the whole nest below it as a dict key: n^2 / 2 tuples for n levels
    // (8 s for 5,000 before they were charged; CPython's hash of it is exponential). Small
    // tuple keys are untouched.
    let src = "x = ()\nfor _ in range(5000):\n    x = {(x, x, x): 1}\n    x = tuple(x)\n";
    let started = std::time::Instant::now();
    let (out, err, code) = run_on(
        WALK_STACK,
        &format!("print({{(1, 2): 3}}[(1, 2)], hash((1, (2, 3))) == hash((1, (2, 3))))\n{src}"),
    );
    assert_eq!((out.as_str(), code), ("3 True\n", 1));
    assert_eq!(
        last_line(&err),
        "StepLimitExceeded: stopped after 1,000,000 steps: the hashing of nested tuples at line 4 \
         is too much work for the playground"
    );
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn json_of_a_value_that_shares_its_parts_stops_at_the_budget() {
    // 3^40 parts of text from a small value: a step per container, the text's size checked as
    // it grows (the tree for it filled 20 GB before). A long flat text still encodes.
    let src = "import json\nx = ()\nfor _ in range(40):\n    x = (x,) * 3\n\
               print(len(json.dumps(['ab'] * 100000)), len(json.dumps(list(range(1000)))))\n\
               json.dumps(x)\n";
    let started = std::time::Instant::now();
    let (out, err, code) = run_on(WALK_STACK, src);
    assert_eq!((out.as_str(), code), ("600000 4890\n", 1));
    assert_eq!(
        last_line(&err),
        "StepLimitExceeded: stopped after 1,000,000 steps: the JSON encoding at line 6 is too \
         much work for the playground"
    );
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}
