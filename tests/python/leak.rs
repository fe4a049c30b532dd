//! Memory given back: dropping an interpreter (or a `FlaskServer`, or the page's `Workspace`)
//! frees everything it built.
//!
//! Python objects reference each other in cycles (a module's functions point at the module's
//! globals, which hold the functions; classes hold methods whose globals hold the class), and
//! `Rc` alone never frees a cycle. The interpreter breaks them when it is dropped (see
//! `python::teardown`). This binary proves it with a counting global allocator: it loads and
//! drops the same thing many times and checks that the bytes still allocated afterwards do not
//! grow with the number of rounds.
//!
//! It runs without libtest's harness (`harness = false`): one thread, so the counter sees only
//! the work under test. The bound: after a few warm-up rounds the live-byte count must grow by
//! less than [`ALLOWED_GROWTH`] over [`ROUNDS`] more rounds. Before the fix one round leaked
//! ~211 kB (a bare interpreter) and far more for a Flask app, so even one leaked round in 50
//! fails; the slack only absorbs allocator-independent noise such as a `Vec` in the test's own
//! bookkeeping doubling once.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

use session_playground::flask::FlaskServer;
use session_playground::python::{HostConfig, Interpreter};
use session_playground::ui::SEED_APP;
use session_playground::ui::state::{Action, Workspace};

#[path = "../../bench/count_requests.rs"]
mod count_requests;
use count_requests::{cookie_pair, count_request};

/// Counts the bytes currently allocated through the global allocator.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_add(
                new_size as isize - layout.size() as isize,
                Ordering::Relaxed,
            );
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Rounds measured after the warm-up.
const ROUNDS: usize = 50;
/// Rounds run before the first measurement (lazy one-time initialisation settles).
const WARM_UP: usize = 3;
/// Live bytes the measured rounds may add in total: 1 KiB, i.e. about 20 bytes a round,
/// against hundreds of kilobytes per round when an interpreter is leaked.
const ALLOWED_GROWTH: isize = 1024;

fn live() -> isize {
    LIVE.load(Ordering::Relaxed)
}

/// Runs `round` WARM_UP + ROUNDS times and returns the growth of live bytes over the last ROUNDS.
fn growth(round: &dyn Fn()) -> isize {
    for _ in 0..WARM_UP {
        round();
    }
    let before = live();
    for _ in 0..ROUNDS {
        round();
    }
    live() - before
}

/// A bare interpreter: built-in types, builtins, nothing run.
fn bare_interpreter() {
    drop(Interpreter::new(HostConfig::default()));
}

/// Learner code whose objects form cycles of their own, plus the ordinary ones (functions,
/// classes, closures, generators, imported modules, a caught exception), and cycles that became
/// unreachable while the program ran (`garbage()`).
const CYCLES: &str = r#"
import functools, json, datetime
items = [1, 2]
items.append(items)
d = {}
d["self"] = d
class Node:
    def __init__(self):
        self.me = self
        self.children = [self]
    @property
    def size(self):
        return len(self.children)
n = Node()
def outer():
    x = [outer]
    def inner():
        return x
    x.append(inner)
    return inner
keep = outer()
def gen():
    yield gen
g = gen()
next(g)
lazy = (v for v in items)
try:
    raise ValueError("caught")
except ValueError as e:
    err = e
err.me = err
cache = functools.lru_cache(maxsize=None)(lambda k: [k])
cache(1)
part = functools.partial(print, n)
n.part = part
def garbage():
    def again():
        return again
    class Local:
        pass
    o = Local()
    o.me = o
    try:
        {}["missing"]
    except KeyError as e:
        o.err = e
for _ in range(20):
    garbage()
class Tag(str):
    def __new__(cls, text):
        obj = super().__new__(cls, text)
        obj.me = obj
        return obj
t = Tag("x")
class Key:
    def __eq__(self, other):
        return self is other
    def __hash__(self):
        return 1
k = Key()
table = {k: None}
table[k] = table
k.table = table
import random
rng = random.Random(1)
rng_list = [rng]
buf = bytearray(b"ab")
buf_list = [buf, rng_list]
rng_list.append(buf_list)
def snapshot():
    d = locals()
    locals()
    return 1
snapshot()
print(json.dumps([1, 2]), datetime.timedelta(days=1), n.size)
"#;

fn learner_cycles() {
    let mut py = Interpreter::new(HostConfig::default());
    let run = py.run_module("__main__", "cycles.py", CYCLES);
    assert!(
        run.is_ok(),
        "the cycles program failed: {:?}",
        run.err().map(|e| e.to_string())
    );
    assert_eq!(py.take_output(), "[1, 2] 1 day, 0:00:00 1\n");
}

/// The seed `/count` app loaded and dropped without a request.
fn flask_load() {
    if let Err(e) = FlaskServer::load(SEED_APP, 1_767_225_600) {
        panic!("the seed app did not load: {}", e.traceback);
    }
}

/// The seed `/count` app loaded, asked three times (carrying its cookie), then dropped: what
/// every code edit in the page does.
fn flask_reload() {
    let mut server = match FlaskServer::load(SEED_APP, 1_767_225_600) {
        Ok(server) => server,
        Err(e) => panic!("the seed app did not load: {}", e.traceback),
    };
    let mut cookie: Option<String> = None;
    for i in 0..3 {
        let response = server.respond(&count_request(cookie.as_deref()), 1_767_225_600 + i);
        assert_eq!(response.status, 200);
        if let Some(pair) = cookie_pair(&response) {
            cookie = Some(pair);
        }
    }
    assert!(cookie.is_some(), "the seed app set no cookie");
}

/// The page's whole state: the seed app started, three requests, a rewind to the first one,
/// a step-through of it, a closed browser, then dropped — what a replay (a rewind to an old
/// entry, an opened link) leaves behind when the page moves on.
fn page_workspace() {
    let mut workspace = Workspace::started();
    for _ in 0..3 {
        workspace = workspace.apply(Action::Navigate("/count".into()));
    }
    assert_eq!(workspace.timeline().len(), 3, "{:?}", workspace.notice());
    workspace = workspace.apply(Action::ViewEntry(0));
    workspace = workspace.apply(Action::StepThrough(0));
    assert!(
        workspace
            .rewind()
            .is_some_and(|rewind| rewind.step_through().is_some()),
        "{:?}",
        workspace.notice()
    );
    drop(
        workspace
            .apply(Action::BackToNow)
            .apply(Action::CloseBrowser),
    );
}

fn main() {
    let mut failed = false;
    let cases: [(&str, &dyn Fn()); 5] = [
        ("bare interpreter", &bare_interpreter),
        ("learner cycles", &learner_cycles),
        ("flask load", &flask_load),
        ("flask load + 3 requests", &flask_reload),
        (
            "page workspace: requests, rewind, step-through",
            &page_workspace,
        ),
    ];
    for (name, round) in cases {
        let grew = growth(round);
        let verdict = if grew < ALLOWED_GROWTH { "ok" } else { "LEAK" };
        println!(
            "{name}: {grew} bytes retained over {ROUNDS} rounds (allowed < {ALLOWED_GROWTH}): {verdict}"
        );
        failed |= grew >= ALLOWED_GROWTH;
    }
    if failed {
        eprintln!("dropping an interpreter must give its memory back");
        std::process::exit(1);
    }
}
