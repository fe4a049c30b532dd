//! The interpreter state: built-in types, modules, limits, output, and the error type.
//!
//! One `Interp` runs one program. It owns no AST: parsed modules live in `Rc`s referenced by the
//! functions they define (see `ast_ref`). Evaluation lives in `eval`; this file holds the shared
//! machinery the evaluator, the built-ins and the host all use.

use std::collections::HashMap;
use std::rc::Rc;

use super::dict::Dict;
use super::value::*;

/// An exception on its way up the Rust stack.
pub struct Exc {
    /// The exception instance.
    pub value: Value,
    /// Where in the current frame it was raised, not yet written to the traceback.
    pub loc: Option<((u32, u32), Anchor)>,
    /// Set by a bare `raise`: the traceback already has this frame's entry.
    pub reraised: bool,
}

impl std::fmt::Debug for Exc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Exc({})", self.value.type_name())
    }
}

/// Result of anything that can raise. The error is boxed to keep `Result`s small: the
/// evaluator recurses and stack space is scarce in wasm.
pub type PyResult<T> = Result<T, Box<Exc>>;

/// What the host decides about the world the program sees.
#[derive(Clone, Debug)]
pub struct HostConfig {
    /// The virtual clock, in seconds since the Unix epoch (`time.time()`, `datetime.now()`).
    pub clock: f64,
    /// Seed for `random`, `secrets` and `uuid`.
    pub seed: u64,
    /// Steps allowed per top-level call.
    pub step_budget: u64,
    /// Largest str/bytes/list a program may create, in bytes (elements count 8 bytes).
    pub memory_limit: usize,
    /// Most bytes the whole process may hold while the program runs (see `python::heap`); past
    /// it the program gets `MemoryError`. Counted only where the binary counts its heap.
    pub heap_budget: usize,
    /// Maximum Python call depth.
    pub recursion_limit: usize,
    /// The process environment the program sees (`os.environ`, `os.getenv`): empty unless
    /// the host gives one (a lesson keeps its app's secret key there, out of the code).
    pub environ: Vec<(String, String)>,
}

impl Default for HostConfig {
    fn default() -> Self {
        HostConfig {
            clock: 1767225600.0,
            seed: 0,
            step_budget: 1_000_000,
            memory_limit: 16 << 20,
            heap_budget: 512 << 20,
            recursion_limit: 1000,
            environ: Vec::new(),
        }
    }
}

/// A statement about to run, as an [`Observer`] sees it.
pub struct LineEvent<'a> {
    /// The file the statement is in (`app.py`, or a module the host loaded).
    pub file: &'a str,
    /// The function running it (`<module>` at top level).
    pub func: &'a str,
    /// Its first line (1-based).
    pub line: usize,
    /// The frame's variables (module globals at top level), in the order they were bound.
    pub locals: &'a [(String, Value)],
}

/// Receives line events and native-object accesses; attach with `Interp::set_observer`.
///
/// While a callback runs, the observer is detached: Python it runs through the interpreter it is
/// given (e.g. `repr` of a local) raises no events of its own, and the steps it takes are not
/// counted against the program's budget, so a program behaves the same watched or not.
pub trait Observer {
    /// Whether line events in `file` are wanted; locals are gathered only for those.
    fn wants(&mut self, _file: &str) -> bool {
        true
    }
    /// A statement is about to run.
    fn line(&mut self, interp: &mut Interp, event: &LineEvent<'_>);
    /// A native object reported an access (e.g. `read session['user']`); `range` is the byte
    /// span of the expression being evaluated.
    fn access(&mut self, _interp: &mut Interp, _what: &str, _range: (u32, u32)) {}
}

/// Built-in types used by the evaluator directly.
pub struct Types {
    /// `object`.
    pub object: Rc<Class>,
    /// `type`.
    pub type_: Rc<Class>,
    /// The classes of built-in values in `FAST_TYPES` order (no hashing on hot paths).
    pub fast: Vec<Rc<Class>>,
    /// Every built-in type and exception class by name.
    pub by_name: HashMap<&'static str, Rc<Class>, rustc_hash::FxBuildHasher>,
}

/// A module registered by the host, built on first import.
pub type ModuleFactory = Rc<dyn Fn(&mut Interp) -> PyResult<Value>>;

/// The interpreter.
pub struct Interp {
    /// The host's settings.
    pub config: HostConfig,
    /// Built-in types.
    pub types: Types,
    /// The `builtins` namespace.
    pub builtins: Rc<Env>,
    /// Imported modules by name.
    pub modules: HashMap<String, Value>,
    pub(crate) module_factories: HashMap<String, ModuleFactory>,
    /// Captured `print` output.
    pub out: String,
    /// Captured output written to `sys.stderr`.
    pub err_out: String,
    /// Whether `sys.stderr` writes go to `out` too: a server's terminal shows both streams,
    /// in the order they were written (`FlaskServer` sets it).
    pub stderr_to_out: bool,
    /// Steps taken in this top-level call; a `Cell` so that arithmetic (which takes `&self`)
    /// can charge the work a big multiplication costs.
    pub(crate) steps: std::cell::Cell<u64>,
    /// Steps of the top-level calls finished before this one (see [`Interp::work_done`]).
    work_before: u64,
    /// Rounds of key derivation in this top-level call (see [`Interp::charge_key_derivation`]).
    kdf_rounds: std::cell::Cell<u64>,
    /// How far the heap may grow past its budget while a `MemoryError` is being handled (see
    /// `over_heap_budget`); 0 when none is.
    pub(crate) heap_grace: usize,
    pub(crate) depth: usize,
    /// Exceptions being handled (innermost last), for implicit chaining and bare `raise`.
    pub(crate) handling: Vec<Value>,
    pub(crate) rng: super::modules::Rng,
    pub(crate) observer: Option<Box<dyn Observer>>,
    pub(crate) scope_cache: HashMap<usize, Rc<super::scope::ScopeInfo>>,
    /// Source and byte offset of the statement running now (for the step-limit message; the
    /// line number is worked out only when that message is made).
    pub(crate) current_src: Option<Rc<SourceFile>>,
    pub(crate) current_offset: u32,
    /// Span of the expression being evaluated when native objects report accesses.
    pub(crate) current_span: (u32, u32),
    /// Containers whose repr is in progress (to print `[...]` for cycles).
    pub(crate) repr_stack: Vec<usize>,
    /// Range of the comprehension being started (its location in the enclosing frame).
    pub(crate) comp_range: (u32, u32),
    /// Lines of the loops running now, innermost last (the step-limit message names one).
    pub(crate) loop_lines: Vec<usize>,
    /// The `str` value of each string literal evaluated so far, by node address, so a literal
    /// evaluated again (a dict key in a handler) costs no allocation. Node addresses stay unique
    /// because the trees they live in are kept in `pinned_trees` for the interpreter's life.
    pub(crate) str_consts: HashMap<usize, Value, rustc_hash::FxBuildHasher>,
    /// Parsed modules holding cached literals (see `str_consts`) or functions defined from them
    /// (their names carry slot annotations; the scope facts live in the tree), by address.
    pub(crate) pinned_trees:
        HashMap<usize, Rc<super::ast_ref::ParsedModule>, rustc_hash::FxBuildHasher>,
    /// Classes of host objects by their type name (`type(session)`), made on first use.
    pub(crate) native_classes: std::cell::RefCell<HashMap<String, Rc<Class>>>,
    /// Objects unreachable cycles pass through, for the teardown on drop (see `teardown`).
    pub(crate) tracked: std::cell::RefCell<super::teardown::Tracked>,
    /// Namespaces and argument vectors of finished calls, kept for the next ones.
    pub(crate) recycler: super::recycle::Recycler,
    /// Scratch buffer f-strings are built in (see `eval_fstring`).
    pub(crate) fstring_buf: String,
    /// The host's state its table natives read (the Flask server's request context): natives
    /// are plain functions (see `native`), so state they share lives here, not in closures.
    host: Option<Rc<dyn std::any::Any>>,
}

impl Interp {
    /// A fresh interpreter with the built-ins installed.
    pub fn new(config: HostConfig) -> Interp {
        let types = super::builtins::make_types();
        let builtins = Rc::new(Env::default());
        let seed = config.seed;
        let mut interp = Interp {
            config,
            types,
            builtins,
            modules: HashMap::new(),
            module_factories: HashMap::new(),
            out: String::new(),
            err_out: String::new(),
            stderr_to_out: false,
            steps: std::cell::Cell::new(0),
            work_before: 0,
            kdf_rounds: std::cell::Cell::new(0),
            heap_grace: 0,
            depth: 0,
            handling: Vec::new(),
            rng: super::modules::Rng::new(seed),
            observer: None,
            scope_cache: HashMap::new(),
            current_src: None,
            current_offset: 0,
            current_span: (0, 0),
            repr_stack: Vec::new(),
            comp_range: (0, 0),
            loop_lines: Vec::new(),
            tracked: Default::default(),
            native_classes: Default::default(),
            str_consts: HashMap::default(),
            pinned_trees: HashMap::default(),
            recycler: Default::default(),
            fstring_buf: String::new(),
            host: None,
        };
        super::builtins::install(&mut interp);
        interp
    }

    /// Count `work` as done by earlier top-level calls (a copy carries its template's work).
    pub(crate) fn set_work_before(&mut self, work: u64) {
        self.work_before = work;
    }

    /// Give the host's natives their shared state (one per interpreter).
    pub fn set_host(&mut self, state: Rc<dyn std::any::Any>) {
        self.host = Some(state);
    }

    /// The host's shared state, if it is a `T`.
    pub fn host<T: 'static>(&self) -> Option<Rc<T>> {
        self.host.clone()?.downcast::<T>().ok()
    }

    /// A built-in type or exception class by name (panics only on a typo in this crate).
    pub fn ty(&self, name: &str) -> Rc<Class> {
        match self.types.by_name.get(name) {
            Some(c) => c.clone(),
            None => self.types.object.clone(),
        }
    }

    /// The class of host objects whose type name is `type_name` (`functools.partial` is class
    /// `partial` of module `functools`), deriving from `object`.
    pub fn native_class(&self, type_name: &str) -> Rc<Class> {
        // Built-in types implemented as host objects (`bytearray`) are the builtins' class.
        if let Some(c) = self.types.by_name.get(type_name) {
            return c.clone();
        }
        if let Some(c) = self.native_classes.borrow().get(type_name) {
            return c.clone();
        }
        let (module, name) = type_name
            .rsplit_once('.')
            .unwrap_or(("builtins", type_name));
        let c = super::builtins::new_class_in(
            module,
            name,
            vec![self.types.object.clone()],
            BuiltinType::Other,
        );
        if let Ok(mut m) = self.native_classes.try_borrow_mut() {
            m.insert(type_name.to_string(), c.clone());
        }
        c
    }

    /// Make an exception instance of a class with arguments.
    pub fn new_exception(&self, class: Rc<Class>, args: Vec<Value>) -> Value {
        self.new_instance(Instance {
            class,
            attrs: Rc::new(std::cell::RefCell::new(Dict::new())),
            exc: Some(std::cell::RefCell::new(ExcState {
                args,
                ..Default::default()
            })),
            base: None,
        })
    }

    /// Allocate an instance (registered for the teardown: an instance can hold itself).
    pub fn new_instance(&self, instance: Instance) -> Value {
        let rc = Rc::new(instance);
        if let Ok(mut t) = self.tracked.try_borrow_mut() {
            t.instance(&rc);
        }
        Value::Instance(rc)
    }

    /// An error of a built-in exception type with a message, ready to return.
    pub fn err(&self, kind: &str, msg: impl Into<String>) -> Box<Exc> {
        let v = self.new_exception(self.ty(kind), vec![Value::str(&msg.into())]);
        self.raise_value(v)
    }

    /// An error from an exception instance (adds the implicit `__context__`).
    pub fn raise_value(&self, value: Value) -> Box<Exc> {
        if let (Some(ctx), Some(st)) = (self.handling.last(), value.exc_state())
            && !ctx.is(&value)
        {
            let mut st = st.borrow_mut();
            if st.context.is_none() {
                st.context = Some(ctx.clone());
            }
        }
        Box::new(Exc {
            value,
            loc: None,
            reraised: false,
        })
    }

    /// `TypeError`.
    pub fn type_error(&self, msg: impl Into<String>) -> Box<Exc> {
        self.err("TypeError", msg)
    }
    /// `ValueError`.
    pub fn value_error(&self, msg: impl Into<String>) -> Box<Exc> {
        self.err("ValueError", msg)
    }

    /// Whether an exception instance is an instance of the named built-in class.
    pub fn exc_matches(&self, value: &Value, name: &str) -> bool {
        match value {
            Value::Instance(i) => i.class.is_subclass(&self.ty(name)),
            _ => false,
        }
    }

    /// Check a size before allocating it: the object must fit the per-object limit and the
    /// heap its budget (so a loop of big copies ends in `MemoryError` long before the tab's
    /// memory does). Sites that grow a buffer call this again as it grows, so it charges no
    /// work (that would count the early bytes over and over).
    pub fn check_size(&self, bytes: u128) -> PyResult<()> {
        if bytes > self.config.memory_limit as u128 {
            return Err(self.err_empty("MemoryError"));
        }
        self.check_working_memory(bytes)
    }

    /// Check working memory a native routine needs for a moment, not an object it makes (scrypt
    /// needs 32 MiB for Werkzeug's default hash, more than one object may hold): only the heap's
    /// budget bounds it.
    pub fn check_working_memory(&self, bytes: u128) -> PyResult<()> {
        if bytes + super::heap::live_bytes() as u128 > self.config.heap_budget as u128 {
            return Err(self.err_empty("MemoryError"));
        }
        Ok(())
    }

    /// Charge the work of multiplying an `a_bits` by a `b_bits` integer (see [`multiply_work`]).
    pub(crate) fn charge_multiply(&self, a_bits: u64, b_bits: u64) -> PyResult<()> {
        self.charge(multiply_work(a_bits, b_bits), "big-number arithmetic")
    }

    /// Charge `units` steps of work done inside one operation (a big-number multiplication); fails like the step budget, naming what was too much.
    pub(crate) fn charge(&self, units: u64, what: &str) -> PyResult<()> {
        let steps = self.steps.get().saturating_add(units);
        self.steps.set(steps);
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(seconds) = super::interrupt::requested() {
            return Err(self.interrupted_error(seconds));
        }
        if steps > self.config.step_budget {
            let n = crate::text::number::thousands(self.config.step_budget);
            let msg = format!(
                "stopped after {n} steps: the {what} at line {} is too much work for the playground",
                self.current_line()
            );
            return Err(self.stopped(&msg));
        }
        Ok(())
    }

    /// Charge `rounds` of key derivation (`hashlib.scrypt`: n·r·p; `hashlib.pbkdf2_hmac`: its
    /// iterations times the digest blocks), before doing it. Key derivation is slow on purpose
    /// and a real login does it once, so it has an allowance of its own,
    /// [`KEY_DERIVATION_ROUNDS`] a top-level call, instead of the step budget: Werkzeug's
    /// default password hash alone (scrypt, 262,144 rounds, about 0.17 s in the page) takes
    /// more time than the whole step budget allows a request. The allowance bounds the time
    /// the same way, and the rounds count in [`Interp::work_done`] (each as
    /// [`STEPS_PER_KDF_ROUND`] steps), so a replay's budget sees them.
    pub(crate) fn charge_key_derivation(&self, rounds: u64) -> PyResult<()> {
        let total = self.kdf_rounds.get().saturating_add(rounds);
        if total > KEY_DERIVATION_ROUNDS {
            let allowed = crate::text::number::thousands(KEY_DERIVATION_ROUNDS);
            // No line number: the running line is inside `werkzeug/security.py` more often
            // than not, and the traceback above the message names the app's own line.
            let msg = format!(
                "stopped: this key derivation is too much work for the playground \
                 (more than {allowed} rounds in one run)"
            );
            return Err(self.stopped(&msg));
        }
        self.kdf_rounds.set(total);
        Ok(())
    }

    /// An exception with no arguments.
    pub fn err_empty(&self, kind: &str) -> Box<Exc> {
        self.raise_value(self.new_exception(self.ty(kind), vec![]))
    }

    /// Enter one level of a native walk over learner data (comparison, repr, JSON): it counts
    /// against the recursion limit together with the Python calls, as CPython 3.11's
    /// `Py_EnterRecursiveCall` does, so the native stack used is bounded whatever mix of
    /// Python frames and nested data got there. `what` ends the message (`" in comparison"`).
    /// Pair with [`Interp::leave_native`].
    pub(crate) fn enter_native(&mut self, what: &str) -> PyResult<()> {
        if self.depth >= self.config.recursion_limit {
            return Err(self.err(
                "RecursionError",
                format!("maximum recursion depth exceeded{what}"),
            ));
        }
        self.depth += 1;
        Ok(())
    }

    /// Leave a level entered with [`Interp::enter_native`].
    pub(crate) fn leave_native(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Count one step; fails when the budget is spent. (Forced inline: the shipped build
    /// optimises for size and would otherwise call this for every statement.)
    #[inline(always)]
    pub(crate) fn step(&mut self) -> PyResult<()> {
        let steps = self.steps.get() + 1;
        self.steps.set(steps);
        if steps > self.config.step_budget {
            return Err(self.step_limit_error());
        }
        // Only a native host has another thread to ask for a stop (the page ends its worker).
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(seconds) = super::interrupt::requested() {
            return Err(self.interrupted_error(seconds));
        }
        let live = super::heap::live_bytes();
        if live > self.config.heap_budget {
            return self.over_heap_budget(live);
        }
        Ok(())
    }

    /// The heap is over its budget: `MemoryError`, as CPython raises when an allocation fails.
    /// The data is still alive while the exception travels (a module-level list), so after
    /// raising, the program gets a grace of 64 MiB more to run its `except` and `finally`
    /// blocks in; past that (or twice the budget) it gets `MemoryError` again. The grace ends
    /// with the top-level call (`reset_budget`).
    #[cold]
    fn over_heap_budget(&mut self, live: usize) -> PyResult<()> {
        if live <= self.heap_grace {
            return Ok(());
        }
        let ceiling = self.config.heap_budget.saturating_mul(2);
        self.heap_grace = live.saturating_add(64 << 20).min(ceiling);
        Err(self.err_empty("MemoryError"))
    }

    /// The host asked the program to stop (see `python::interrupt`).
    #[cfg(not(target_arch = "wasm32"))]
    #[cold]
    fn interrupted_error(&self, seconds: u64) -> Box<Exc> {
        let msg = super::interrupt::message(seconds, self.current_line());
        self.stopped(&msg)
    }

    /// `StepLimitExceeded(message)`: every budget's stop, so a host tells them all apart from
    /// the program's own errors the same way.
    #[cold]
    fn stopped(&self, message: &str) -> Box<Exc> {
        self.raise_value(
            self.new_exception(self.ty("StepLimitExceeded"), vec![Value::str(message)]),
        )
    }

    #[cold]
    fn step_limit_error(&self) -> Box<Exc> {
        let n = crate::text::number::thousands(self.config.step_budget);
        let msg = format!(
            "stopped after {n} steps: is there an endless loop at line {}?",
            self.loop_lines
                .last()
                .copied()
                .unwrap_or_else(|| self.current_line())
        );
        self.stopped(&msg)
    }

    /// Record where the running statement is (cheap: no line number is computed here).
    #[inline(always)]
    pub(crate) fn at_offset(&mut self, src: &Rc<SourceFile>, offset: u32) {
        if !self
            .current_src
            .as_ref()
            .is_some_and(|s| Rc::ptr_eq(s, src))
        {
            self.current_src = Some(src.clone());
        }
        self.current_offset = offset;
    }

    /// Line of the statement running now.
    pub(crate) fn current_line(&self) -> usize {
        self.current_src
            .as_ref()
            .map(|s| s.line_of(self.current_offset as usize))
            .unwrap_or(0)
    }

    /// Every step this interpreter has taken or been charged, over all its top-level calls: the
    /// work a host sums to bound a whole replay (the page's link budget), as the step budget
    /// bounds one call.
    pub fn work_done(&self) -> u64 {
        // A charge refused up front (`7 ** 10 ** 7`) counts as the budget, not as the work it
        // would have been: it was never done.
        let this_call = self.steps.get().min(self.config.step_budget);
        let derivation = self.kdf_rounds.get() * STEPS_PER_KDF_ROUND;
        self.work_before
            .saturating_add(this_call)
            .saturating_add(derivation)
    }

    /// Start a new top-level call: reset the step counter.
    pub fn reset_budget(&mut self) {
        self.work_before = self.work_done();
        self.steps.set(0);
        self.kdf_rounds.set(0);
        self.heap_grace = 0;
        self.loop_lines.clear();
    }

    /// Attach (or detach with `None`) an observer for line events and accesses.
    pub fn set_observer(&mut self, observer: Option<Box<dyn Observer>>) {
        self.observer = observer;
    }

    /// Whether an observer is attached (a native object can skip preparing what it would report).
    pub fn observing(&self) -> bool {
        self.observer.is_some()
    }

    /// For native objects: report an access (`"read session['user']"`) with the span of the
    /// expression being evaluated. Does nothing without an observer.
    pub fn report_access(&mut self, what: &str) {
        let span = self.current_span;
        self.with_observer(|observer, interp| observer.access(interp, what, span));
    }

    /// Runs `call` with the observer detached, and puts back what the observer's own Python
    /// would otherwise change: the step count and the position used for messages.
    pub(crate) fn with_observer(&mut self, call: impl FnOnce(&mut dyn Observer, &mut Interp)) {
        let Some(mut observer) = self.observer.take() else {
            return;
        };
        let saved = (
            self.steps.get(),
            self.current_span,
            self.current_src.clone(),
            self.current_offset,
        );
        call(observer.as_mut(), self);
        let steps;
        (
            steps,
            self.current_span,
            self.current_src,
            self.current_offset,
        ) = saved;
        self.steps.set(steps);
        self.observer = Some(observer);
    }

    /// Register a module the program can import; `factory` builds it on first import.
    pub fn register_module(&mut self, name: &str, factory: ModuleFactory) {
        self.module_factories.insert(name.to_string(), factory);
    }

    /// Text written to `sys.stderr`.
    pub fn write_stderr(&mut self, text: &str) {
        if self.stderr_to_out {
            self.out.push_str(text)
        } else {
            self.err_out.push_str(text)
        }
    }

    /// Take everything printed so far.
    pub fn take_output(&mut self) -> String {
        std::mem::take(&mut self.out)
    }
}

impl Drop for Interp {
    /// Break the reference cycles among the program's objects so their memory is freed.
    fn drop(&mut self) {
        super::teardown::teardown(self);
    }
}

/// Rounds of key derivation one top-level call may do (see
/// [`Interp::charge_key_derivation`]; a round is a PBKDF2 iteration or a scrypt row): about a
/// second of the page's time, as much as the step budget's worst case. That is five of
/// Werkzeug's default scrypt hashes (its default method, about 0.17 s each in the page) but
/// one of its default PBKDF2 ones (a million SHA-256 iterations, 0.7 s in the page).
pub const KEY_DERIVATION_ROUNDS: u64 = 1_500_000;

/// What a round of key derivation costs in interpreter steps, for the work a replay sums: in
/// the page a round takes about 0.67 µs, a step about 0.07 µs.
pub(crate) const STEPS_PER_KDF_ROUND: u64 = 10;

/// The work, in interpreter steps, of multiplying an `a_bits` by a `b_bits` integer: word
/// products for the schoolbook method while one side is short, Karatsuba's n^1.585 beyond
/// (`long * short^0.585` for unequal sides)
/// (what the big-integer crate uses), at about 32 word products per step. Small numbers cost
/// nothing extra; `7 ** (10 ** 7)` costs millions of steps, so it stops like an endless loop
/// instead of freezing the tab for seconds.
pub(crate) fn multiply_work(a_bits: u64, b_bits: u64) -> u64 {
    let (n, m) = (a_bits / 64 + 1, b_bits / 64 + 1);
    let (short, long) = (n.min(m), n.max(m));
    let words = if short < 64 {
        short.saturating_mul(long)
    } else {
        (long as f64 * (short as f64).powf(0.585)) as u64
    };
    words / 32
}
