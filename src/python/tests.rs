//! Unit tests for the tricky semantics, run through the public entry points.

use super::*;

/// Runs a program on the stack the command line gives it.
fn run(src: &str) -> (String, String, i32) {
    let src = src.to_string();
    let run = std::thread::Builder::new()
        .stack_size(CLI_STACK_SIZE)
        .spawn(move || run_program("t.py", &src))
        .expect("a thread")
        .join()
        .expect("the program ran");
    (run.stdout, run.stderr, run.status)
}

fn stdout_of(src: &str) -> String {
    let (out, err, code) = run(src);
    assert_eq!((err.as_str(), code), ("", 0), "program failed: {src}");
    out
}

/// Runs deep recursion on a thread with the given stack; true when it ended with RecursionError.
fn deep_recursion_fits(stack: usize) -> bool {
    let h = std::thread::Builder::new().stack_size(stack).spawn(|| {
        let mut py = Interpreter::new(HostConfig::default());
        let src = "def f(n):\n    return 1 + f(n + 1) if n >= 0 else 0\ntry:\n    f(0)\nexcept RecursionError as e:\n    print(e)\n";
        py.run_module("__main__", "t.py", src).is_ok() && py.take_output() == "maximum recursion depth exceeded\n"
    });
    h.map(|h| h.join().unwrap_or(false)).unwrap_or(false)
}

#[test]
fn recursion_limit_holds_on_a_small_stack() {
    // The stack the wasm build must reserve (see the layer's report); checked natively here.
    let needed: usize = std::env::var("PY_STACK")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8 << 20);
    assert!(deep_recursion_fits(needed));
}

#[test]
fn closures_in_loops_see_the_last_value() {
    assert_eq!(
        stdout_of("fs = [lambda: i for i in range(3)]\nprint([f() for f in fs])\n"),
        "[2, 2, 2]\n"
    );
}

#[test]
fn default_arguments_are_evaluated_once() {
    let src =
        "def add(x, items=[]):\n    items.append(x)\n    return items\nadd(1)\nprint(add(2))\n";
    assert_eq!(stdout_of(src), "[1, 2]\n");
}

#[test]
fn dicts_keep_insertion_order_after_deletes() {
    let src = "d = {'b': 1, 'a': 2, 'c': 3}\ndel d['a']\nd['a'] = 4\nprint(d)\n";
    assert_eq!(stdout_of(src), "{'b': 1, 'c': 3, 'a': 4}\n");
}

#[test]
fn step_budget_names_the_line() {
    let mut py = Interpreter::new(HostConfig {
        step_budget: 1000,
        ..HostConfig::default()
    });
    let err = py
        .run_module("app", "app.py", "x = 0\nwhile True:\n    x += 1\n")
        .unwrap_err();
    let RunError::Exception(e) = err else {
        panic!("expected an exception")
    };
    assert_eq!(
        e.message,
        "stopped after 1,000 steps: is there an endless loop at line 2?"
    );
}

#[test]
fn key_derivation_has_an_allowance_of_its_own_and_counts_as_work() {
    // Two small derivations fit; the third would pass the allowance, so it is refused before
    // it is done (at once: a test would otherwise wait seconds), naming its line.
    let mut py = Interpreter::new(HostConfig::default());
    let source = "import hashlib\n\
                  for n in [1_000, 1_000, 1_499_000]:\n    \
                  hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', n)\n";
    let RunError::Exception(e) = py.run_module("app", "app.py", source).unwrap_err() else {
        panic!("expected an exception")
    };
    assert_eq!(e.type_name, "StepLimitExceeded");
    assert_eq!(
        e.message,
        "stopped: this key derivation is too much work for the playground \
         (more than 1,500,000 rounds in one run)"
    );
    // The two done count in the work a replay sums, each round as STEPS_PER_KDF_ROUND steps.
    let rounds = 2_000 * crate::python::interp::STEPS_PER_KDF_ROUND;
    assert!(py.work_done() > rounds, "{}", py.work_done());
    assert!(py.work_done() < rounds + 1_000, "{}", py.work_done());
    // The allowance is per top-level call: the next call may derive as much again.
    let again = "import hashlib\nhashlib.pbkdf2_hmac('sha256', b'pw', b's', 1_000)\n\
                 hashlib.scrypt(b'pw', salt=b's', n=16, r=8, p=1)\n";
    py.run_module("again", "again.py", again)
        .expect("a new run has its allowance back");
}

#[test]
fn memory_limit_raises_before_allocating() {
    let (_, err, code) = run("x = 'x' * 10**10\n");
    assert_eq!(code, 1);
    assert!(err.ends_with("MemoryError\n"), "{err}");
    let (_, err, _) = run("x = [0] * 10**9\n");
    assert!(err.ends_with("MemoryError\n"), "{err}");
}

#[test]
fn chained_exceptions_print_both_tracebacks() {
    let src = "try:\n    {}['k']\nexcept KeyError as e:\n    raise ValueError('bad') from e\n";
    let (_, err, _) = run(src);
    assert!(err.contains("KeyError: 'k'\n\nThe above exception was the direct cause of the following exception:\n\n"), "{err}");
    assert!(err.ends_with("ValueError: bad\n"));
}

/// A host object whose reads and writes are Rust callbacks that report to the observer.
struct Counter {
    value: std::cell::Cell<i64>,
}

impl NativeObject for Counter {
    fn type_name(&self) -> String {
        "Counter".into()
    }
    fn get_item(&self, interp: &mut Interpreter, _key: &Value) -> PyResult<Option<Value>> {
        interp.report_access("read counter");
        Ok(Some(Value::Int(self.value.get())))
    }
    fn set_item(&self, interp: &mut Interpreter, _key: Value, value: Value) -> PyResult<bool> {
        interp.report_access("write counter");
        self.value.set(value.as_i64().unwrap_or(0));
        Ok(true)
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

#[derive(Default)]
struct Log {
    events: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
}

impl Observer for Log {
    fn line(&mut self, _interp: &mut Interpreter, event: &crate::python::LineEvent<'_>) {
        let names: Vec<&str> = event.locals.iter().map(|(n, _)| n.as_str()).collect();
        self.events
            .borrow_mut()
            .push(format!("line {} {} {names:?}", event.func, event.line));
    }
    fn access(&mut self, _interp: &mut Interpreter, what: &str, range: (u32, u32)) {
        self.events
            .borrow_mut()
            .push(format!("{what} at {range:?}"));
    }
}

#[test]
fn native_modules_objects_and_observer_work_together() {
    let mut py = Interpreter::new(HostConfig::default());
    let counter = Value::Native(std::rc::Rc::new(Counter {
        value: std::cell::Cell::new(41),
    }));
    py.register_module(
        "host",
        std::rc::Rc::new(move |_it: &mut Interpreter| {
            Ok(make_module(
                "host",
                vec![
                    ("counter", counter.clone()),
                    (
                        "double",
                        builtin("double", |it, args| {
                            it.binary_op(
                                rustpython_ruff_python_ast::Operator::Mult,
                                args.pos.first().cloned().unwrap_or(Value::None),
                                Value::Int(2),
                            )
                        }),
                    ),
                ],
            ))
        }),
    );
    let events = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    py.set_observer(Some(Box::new(Log {
        events: events.clone(),
    })));
    let src = "from host import counter, double\ndef bump():\n    counter['n'] = counter['n'] + 1\n    return double(counter['n'])\n";
    let m = py.run_module("app", "app.py", src).unwrap();
    let f = py.get_attr(&m, "bump").unwrap();
    let r = py.call_host(&f, vec![], vec![]).unwrap();
    assert_eq!(py.repr(&r).unwrap(), "84");
    let ev = events.borrow();
    assert!(ev.contains(&"line bump 3 []".to_string()), "{ev:?}");
    // `counter['n']` on line 3 starts at byte 50 of the source.
    let read_at = src.find("counter['n'] +").unwrap() as u32;
    assert!(
        ev.contains(&format!("read counter at ({read_at}, {})", read_at + 12)),
        "{ev:?}"
    );
    assert!(
        ev.iter().any(|e| e.starts_with("write counter at")),
        "{ev:?}"
    );
    py.set_observer(None);
}

#[test]
fn missing_module_is_module_not_found() {
    let (_, err, code) = run("import flask_sqlalchemy\n");
    assert_eq!(code, 1);
    assert!(
        err.ends_with("ModuleNotFoundError: No module named 'flask_sqlalchemy'\n"),
        "{err}"
    );
}

#[test]
fn ints_do_not_overflow_and_floats_print_like_cpython() {
    let out = stdout_of(
        "print(2**100, -7 // 2, 7 % -3, 0.1 + 0.2, 1e16, 1/3, f'{1234567.891:,.2f}', round(2.5))\n",
    );
    assert_eq!(
        out,
        "1267650600228229401496703205376 -4 -2 0.30000000000000004 1e+16 0.3333333333333333 1,234,567.89 2\n"
    );
}

#[test]
fn generators_are_lazy() {
    let src = "def nat():\n    n = 0\n    while True:\n        yield n\n        n += 1\ng = nat()\nprint(next(g), next(g), [x * x for x, _ in zip(nat(), range(4))])\n";
    assert_eq!(stdout_of(src), "0 1 [0, 1, 4, 9]\n");
}

#[test]
fn unbound_local_and_name_suggestions_match_cpython() {
    let (_, err, _) = run("total = 1\ndef f():\n    total += 1\nf()\n");
    assert!(err.ends_with("UnboundLocalError: cannot access local variable 'total' where it is not associated with a value\n"), "{err}");
    let (_, err, _) = run("total = 1\nprint(totl)\n");
    assert!(
        err.ends_with("NameError: name 'totl' is not defined. Did you mean: 'total'?\n"),
        "{err}"
    );
}

#[test]
fn argument_errors_use_qualified_names() {
    let (_, err, _) =
        run("class Greeter:\n    def greet(self):\n        pass\nGreeter().greet(1)\n");
    assert!(
        err.ends_with("TypeError: Greeter.greet() takes 1 positional argument but 2 were given\n"),
        "{err}"
    );
}

/// An observer that runs Python at every line (the step-through takes reprs of the locals).
struct Repr {
    seen: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
}

impl Observer for Repr {
    fn line(&mut self, interp: &mut Interpreter, event: &crate::python::LineEvent<'_>) {
        let shown: Vec<String> = event
            .locals
            .iter()
            .map(|(_, v)| interp.repr(v).unwrap_or_default())
            .collect();
        self.seen
            .borrow_mut()
            .push(format!("{} {}", event.line, shown.join(",")));
    }
}

/// Records each line event as `func line name=value ...` (ints and strs only).
struct Locals {
    events: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
}

impl Observer for Locals {
    fn line(&mut self, _interp: &mut Interpreter, event: &crate::python::LineEvent<'_>) {
        let (func, line) = (event.func, event.line);
        let vars: Vec<String> = event
            .locals
            .iter()
            .map(|(n, v)| match v {
                Value::Int(i) => format!("{n}={i}"),
                Value::Str(s) => format!("{n}={s}"),
                _ => format!("{n}=?"),
            })
            .collect();
        self.events
            .borrow_mut()
            .push(format!("{func} {line} {}", vars.join(" ")));
    }
}

#[test]
fn an_observer_running_python_neither_spends_the_budget_nor_sees_its_own_lines() {
    // `Slow.__repr__` takes ~300 steps; with 9 line events, that would exceed the budget of
    // 1,000 steps if the observer's calls were counted.
    let src = "class Slow:\n    def __repr__(self):\n        n = 0\n        while n < 100:\n            n += 1\n        return 'slow'\ndef f():\n    s = Slow()\n    a = 1\n    b = 2\n    return a + b\n";
    let mut py = Interpreter::new(HostConfig {
        step_budget: 1000,
        ..HostConfig::default()
    });
    let m = py.run_module("app", "app.py", src).unwrap();
    let f = py.get_attr(&m, "f").unwrap();
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    py.set_observer(Some(Box::new(Repr { seen: seen.clone() })));
    for _ in 0..3 {
        py.reset_budget();
        let r = py.call_host(&f, vec![], vec![]).unwrap();
        assert_eq!(py.repr(&r).unwrap(), "3");
    }
    let seen = seen.borrow();
    // Only f's own lines: none from inside __repr__ (lines 3–6), which ran while observed.
    assert_eq!(
        seen[..4],
        [
            "8 ".to_string(),
            "9 slow".to_string(),
            "10 slow,1".to_string(),
            "11 slow,1,2".to_string()
        ]
    );
    assert!(
        seen.iter().all(|event| !["3 ", "4 ", "5 ", "6 "]
            .iter()
            .any(|line| event.starts_with(line))),
        "{seen:?}"
    );
}

#[test]
fn observer_sees_locals_of_functions_with_slots_and_with_namespaces() {
    let mut py = Interpreter::new(HostConfig::default());
    let events = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    py.set_observer(Some(Box::new(Locals {
        events: events.clone(),
    })));
    // `plain` keeps its locals in slots (no nested scope); `outer` in a namespace (a closure
    // captures it). Both report parameters first, then locals once bound, by name.
    let src = "def plain(a, b=2):\n    c = a + b\n    del a\n    return c\ndef outer(x):\n    y = x * 2\n    f = lambda: y\n    return f()\nplain(1)\nouter(5)\n";
    py.run_module("app", "app.py", src).unwrap();
    let ev = events.borrow().clone();
    for expected in [
        "plain 2 a=1 b=2",
        "plain 3 a=1 b=2 c=3",
        "plain 4 b=2 c=3",
        "outer 6 x=5",
        "outer 7 x=5 y=10",
        "outer 8 x=5 y=10 f=?",
    ] {
        assert!(
            ev.contains(&expected.to_string()),
            "{expected} not in {ev:?}"
        );
    }
    py.set_observer(None);
}
