//! `random`: CPython 3.11's Mersenne Twister (MT19937) and the `Random` methods built on it.
//!
//! Written by hand because the values are visible: a learner's `random.seed(1)` followed by
//! `random.choice(...)` must print what CPython prints. The generator is written from the
//! MT19937 description (Matsumoto and Nishimura, 1998: the seeding recurrences of
//! `init_genrand`/`init_by_array`, the twist recurrence, the tempering), with CPython's use of
//! it (`random()` from two 32-bit outputs, `getrandbits`); the Python-level methods of
//! `Lib/random.py` (`_randbelow_with_getrandbits`, `randrange`, `choice`, `choices`, `shuffle`,
//! `sample`, `uniform`, `gauss`, `normalvariate`, `expovariate`, `triangular`, seeding of
//! `str`/`bytes` with version 2 — the value followed by its SHA-512) draw the same random
//! numbers in the same order, so they give the same values. The distributions use the platform's `log`, `sqrt`,
//! `sin` and `cos`, as CPython's `math` does (natively the same C library; WebAssembly's may
//! differ in the last bit).
//!
//! **Deliberate difference:** CPython seeds from OS randomness when `seed()` is called without
//! an argument, when the module is first imported and for `Random()`; the playground never reads
//! OS randomness (runs must replay), so those states come from the host's seed
//! (`HostConfig::seed`): the module starts as if `random.seed(host_seed)` had been called, and
//! every argument-less `Random()` or `seed()` takes the next value of a counter added to it.
//! `secrets`, `uuid4` and `os.urandom` keep their own host-seeded stream (`modules::Rng`), as in
//! CPython, where they do not share `random`'s state.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};
use sha2::{Digest, Sha512};

use super::make_module;
use crate::python::builtins::builtin;
use crate::python::interp::{Interp, PyResult};
use crate::python::value::*;

const N: usize = 624;
const M: usize = 397;

/// The MT19937 state, as in CPython's `RandomObject`, plus `gauss`'s saved second value.
#[derive(Clone)]
pub struct Mt {
    state: [u32; N],
    index: usize,
    gauss_next: Option<f64>,
}

/// The twist's matrix A, applied when the combined word is odd.
const TWIST_XOR: u32 = 0x9908_b0df;
/// Word `k`'s top bit joins word `k + 1`'s low 31 bits in the recurrence.
const TOP_BIT: u32 = 0x8000_0000;

/// MT19937's output tempering: shifts and masks that spread one state word's bits.
fn temper(word: u32) -> u32 {
    let word = word ^ (word >> 11);
    let word = word ^ ((word << 7) & 0x9d2c_5680);
    let word = word ^ ((word << 15) & 0xefc6_0000);
    word ^ (word >> 18)
}

/// The seeding walk's next position: 1..N-1 and round again; each wrap copies the last
/// word into word 0.
fn move_on(state: &mut [u32; N], at: &mut usize) {
    *at += 1;
    if *at == N {
        state[0] = state[N - 1];
        *at = 1;
    }
}

/// One step of the seeding recurrences: the previous word, spread by `x ^ (x >> 30)`.
fn spread(previous: u32) -> u32 {
    previous ^ (previous >> 30)
}

impl Mt {
    /// `init_genrand(seed)`: word 0 is the seed; each next word is
    /// `1812433253 * spread(previous) + index` (mod 2^32).
    fn init_genrand(&mut self, seed: u32) {
        let mut previous = seed;
        self.state[0] = seed;
        for (index, word) in self.state.iter_mut().enumerate().skip(1) {
            previous = 1_812_433_253u32
                .wrapping_mul(spread(previous))
                .wrapping_add(index as u32);
            *word = previous;
        }
        self.index = N;
    }

    /// A generator seeded from 32-bit key words (least significant word first), the way
    /// `random.seed(int)` seeds it.
    pub fn from_key(key: &[u32]) -> Mt {
        let mut mt = Mt {
            state: [0; N],
            index: N,
            gauss_next: None,
        };
        mt.init_by_array(key);
        mt
    }

    /// `init_by_array(key)`: start from `init_genrand(19650218)`, then two mixing passes that
    /// walk the words 1, 2, ..., N-1 and around again (each time round, word 0 takes the last
    /// word's value). Pass one, max(N, key length) steps: word ^= spread(before) * 1664525,
    /// plus the key word (key cycled) and its index. Pass two, N-1 steps:
    /// word ^= spread(before) * 1566083941, minus the position. Finally word 0 is 2^31, so
    /// the state is never all zeros.
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let key: &[u32] = if key.is_empty() { &[0] } else { key };
        let state = &mut self.state;
        let mut at = 1usize;
        for step in 0..N.max(key.len()) {
            let which = step % key.len();
            let mixed = state[at] ^ spread(state[at - 1]).wrapping_mul(1_664_525);
            state[at] = mixed.wrapping_add(key[which]).wrapping_add(which as u32);
            move_on(state, &mut at);
        }
        for _ in 1..N {
            let mixed = state[at] ^ spread(state[at - 1]).wrapping_mul(1_566_083_941);
            state[at] = mixed.wrapping_sub(at as u32);
            move_on(state, &mut at);
        }
        state[0] = TOP_BIT;
    }

    /// Regenerates all N words with the MT19937 recurrence
    /// x[k] = x[k + M] ^ twist(top bit of x[k] | low bits of x[k + 1]), indices mod N, in
    /// increasing k (so the last M words read words already regenerated).
    fn regenerate(&mut self) {
        let state = &mut self.state;
        for k in 0..N {
            let joined = (state[k] & TOP_BIT) | (state[(k + 1) % N] & !TOP_BIT);
            let twisted = (joined >> 1) ^ if joined & 1 == 1 { TWIST_XOR } else { 0 };
            state[k] = state[(k + M) % N] ^ twisted;
        }
        self.index = 0;
    }

    /// The next 32 random bits (`genrand_uint32`).
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.regenerate();
        }
        let word = self.state[self.index];
        self.index += 1;
        temper(word)
    }

    /// `random()`: 53 bits from two outputs.
    pub fn next_f64(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `getrandbits(k)` for `k <= 64`.
    fn bits_u64(&mut self, k: u32) -> u64 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return (self.next_u32() >> (32 - k)) as u64;
        }
        let low = self.next_u32() as u64;
        let high = (self.next_u32() >> (64 - k)) as u64;
        low | (high << 32)
    }

    /// `getrandbits(k)` for any `k`: 32-bit words, least significant first, the last one
    /// shifted down to the bits that remain.
    pub fn bits(&mut self, k: u64) -> BigInt {
        if k <= 64 {
            return BigInt::from(self.bits_u64(k as u32));
        }
        let mut words = Vec::with_capacity(k.div_ceil(32) as usize);
        let mut left = k;
        while left > 0 {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            words.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_slice(Sign::Plus, &words)
    }

    /// `_randbelow_with_getrandbits(n)` for `n` in 64 bits (`n > 0`).
    pub fn below_u64(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.bits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    /// `_randbelow_with_getrandbits(n)` for any positive `n`.
    fn below(&mut self, n: &BigInt) -> BigInt {
        if let Some(small) = n.to_u64() {
            return BigInt::from(self.below_u64(small));
        }
        let k = n.bits();
        loop {
            let r = self.bits(k);
            if &r < n {
                return r;
            }
        }
    }
}

/// The key words `random.seed(n)` uses: |n| in 32-bit words, least significant first.
fn int_key(n: &BigInt) -> Vec<u32> {
    let (_, words) = n.abs().to_u32_digits();
    if words.is_empty() { vec![0] } else { words }
}

/// A generator seeded as `Random(n)` with an int seed.
fn seeded_u64(seed: u64) -> Mt {
    Mt::from_key(&int_key(&BigInt::from(seed)))
}

/// Shared by the module's functions and by its argument-less seeds.
struct RandomModule {
    /// How many states have been taken from the host seed (see the module doc).
    host_draws: Cell<u64>,
}

/// A `random.Random` instance: its own generator state.
pub struct RandomObj {
    state: Rc<RefCell<Mt>>,
    module: Rc<RandomModule>,
}

impl NativeObject for RandomObj {
    fn type_name(&self) -> String {
        "random.Random".into()
    }
    fn get_attr(&self, _interp: &mut Interp, name: &str) -> PyResult<Option<Value>> {
        Ok(method(name, &self.state, &self.module))
    }
    fn repr(&self, _interp: &mut Interp) -> PyResult<String> {
        Ok(format!(
            "<random.Random object at {:#x}>",
            Rc::as_ptr(&self.state) as *const u8 as usize
        ))
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

const METHODS: &[&str] = &[
    "seed",
    "random",
    "getrandbits",
    "randbelow",
    "randrange",
    "randint",
    "choice",
    "choices",
    "shuffle",
    "sample",
    "uniform",
    "randbytes",
    "getstate",
    "setstate",
    "gauss",
    "normalvariate",
    "expovariate",
    "triangular",
];

/// Build the `random` module.
pub fn make(it: &mut Interp) -> Value {
    let module = Rc::new(RandomModule {
        host_draws: Cell::new(0),
    });
    let state = Rc::new(RefCell::new(host_state(it, &module)));
    let mut items: Vec<(&str, Value)> = Vec::new();
    for name in METHODS.iter().filter(|n| **n != "randbelow") {
        if let Some(m) = method(name, &state, &module) {
            items.push((name, m));
        }
    }
    let class = it.native_class("random.Random");
    let module_for_new = module.clone();
    class.dict.borrow_mut().set_str(
        "__new__",
        builtin("__new__", move |it, args| {
            if args.pos.len() > 2 {
                return Err(it.type_error(format!(
                    "Random() expected at most 1 argument, got {}",
                    args.pos.len() - 1
                )));
            }
            let mut mt = Mt::from_key(&[0]);
            seed(it, &mut mt, args.pos.get(1), &module_for_new)?;
            Ok(Value::Native(Rc::new(RandomObj {
                state: Rc::new(RefCell::new(mt)),
                module: module_for_new.clone(),
            })))
        }),
    );
    items.push(("Random", Value::Class(class)));
    make_module("random", items)
}

/// The next state drawn from the host seed.
fn host_state(it: &Interp, module: &RandomModule) -> Mt {
    let n = module.host_draws.get();
    module.host_draws.set(n + 1);
    seeded_u64(it.config.seed.wrapping_add(n))
}

fn seed(it: &mut Interp, mt: &mut Mt, a: Option<&Value>, module: &RandomModule) -> PyResult<()> {
    let key = match a {
        None | Some(Value::None) => {
            *mt = host_state(it, module);
            return Ok(());
        }
        Some(Value::Str(s)) => text_key(s.as_bytes()),
        Some(Value::Bytes(b)) => text_key(b),
        Some(v @ (Value::Int(_) | Value::Long(_) | Value::Bool(_))) => {
            int_key(&v.as_bigint().unwrap_or_default())
        }
        Some(Value::Float(f)) => hash_key(crate::python::dict::hash_float(*f)),
        Some(v) => match crate::python::bytearray::bytes_like(v) {
            Some(b) => text_key(&b),
            None => {
                return Err(it.type_error("The only supported seed types are: None,\nint, float, str, bytes, and bytearray."));
            }
        },
    };
    *mt = Mt::from_key(&key);
    Ok(())
}

/// Version 2 seeding of text: the int of the bytes followed by their SHA-512, big-endian.
fn text_key(data: &[u8]) -> Vec<u32> {
    let mut all = data.to_vec();
    all.extend_from_slice(&Sha512::digest(data));
    int_key(&BigInt::from_bytes_be(Sign::Plus, &all))
}

/// Non-int seeds use their hash, read as an unsigned machine word.
fn hash_key(h: i64) -> Vec<u32> {
    int_key(&BigInt::from(h as u64))
}

fn int_arg(it: &mut Interp, v: &Value) -> PyResult<BigInt> {
    match v.as_bigint() {
        Some(b) => Ok(b),
        None => Ok(it
            .to_int(v)
            .ok()
            .and_then(|i| i.as_bigint())
            .ok_or_else(|| {
                it.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    v.type_name()
                ))
            })?),
    }
}

fn missing(it: &Interp, method: &str, names: &[&str]) -> Box<crate::python::interp::Exc> {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => format!(
            "{}, and {}",
            quoted[..quoted.len() - 1].join(", "),
            quoted[quoted.len() - 1]
        ),
    };
    let s = if names.len() == 1 { "" } else { "s" };
    it.type_error(format!(
        "Random.{method}() missing {} required positional argument{s}: {list}",
        names.len()
    ))
}

/// Positional-or-keyword parameters of a `Random` method, in order; `None` where absent.
fn params(
    it: &Interp,
    method: &str,
    mut args: Args,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    if args.pos.len() > names.len() {
        let given = args.pos.len() + 1;
        let most = names.len() + 1;
        return Err(it.type_error(if required == names.len() {
            format!("Random.{method}() takes {most} positional arguments but {given} were given")
        } else {
            format!("Random.{method}() takes from {} to {most} positional arguments but {given} were given", required + 1)
        }));
    }
    let mut out: Vec<Option<Value>> = names.iter().map(|_| None).collect();
    for (i, v) in args.pos.drain(..).enumerate() {
        out[i] = Some(v);
    }
    for (k, v) in args.kw {
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_none() => out[i] = Some(v),
            Some(_) => {
                return Err(it.type_error(format!(
                    "Random.{method}() got multiple values for argument '{k}'"
                )));
            }
            None => {
                return Err(it.type_error(format!(
                    "Random.{method}() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    let absent: Vec<&str> = names[..required]
        .iter()
        .zip(&out)
        .filter(|(_, v)| v.is_none())
        .map(|(n, _)| *n)
        .collect();
    if !absent.is_empty() {
        return Err(missing(it, method, &absent));
    }
    Ok(out)
}

fn method(name: &str, state: &Rc<RefCell<Mt>>, module: &Rc<RandomModule>) -> Option<Value> {
    let st = state.clone();
    if name == "seed" {
        let module = module.clone();
        return Some(builtin("seed", move |it, args| {
            let p = params(it, "seed", args, &["a", "version"], 0)?;
            let mut mt = st.borrow().clone();
            seed(it, &mut mt, p[0].as_ref(), &module)?;
            *st.borrow_mut() = mt;
            Ok(Value::None)
        }));
    }
    // Each method is a plain `fn` of the generator's state; one closure binds the state to it
    // (a closure per method cost the page its own copy of the calling glue each).
    let body: StateMethod = match name {
        "random" => |it, st, args| {
            params(it, "random", args, &[], 0)?;
            Ok(Value::Float(st.borrow_mut().next_f64()))
        },
        "getrandbits" => |it, st, args| {
            let p = params(it, "getrandbits", args, &["k"], 1)?;
            let k = int_arg(it, p[0].as_ref().unwrap_or(&Value::None))?;
            if k.is_negative() {
                return Err(it.value_error("number of bits must be non-negative"));
            }
            let k = k.to_u64().unwrap_or(u64::MAX);
            it.check_size(k as u128 / 8)?;
            Ok(Value::from_bigint(st.borrow_mut().bits(k)))
        },
        "randbytes" => |it, st, args| {
            let p = params(it, "randbytes", args, &["n"], 1)?;
            let n = it.to_index(p[0].as_ref().unwrap_or(&Value::None))?;
            if n < 0 {
                return Err(it.value_error("negative argument not allowed"));
            }
            it.check_size(n as u128)?;
            let v = st.borrow_mut().bits(n as u64 * 8);
            let mut bytes = v.to_bytes_le().1;
            bytes.resize(n as usize, 0);
            Ok(Value::Bytes(Rc::from(bytes)))
        },
        "randrange" => |it, st, args| {
            let p = params(it, "randrange", args, &["start", "stop", "step"], 1)?;
            randrange(it, st, p[0].as_ref(), p[1].as_ref(), p[2].as_ref())
        },
        "randint" => |it, st, args| {
            let p = params(it, "randint", args, &["a", "b"], 2)?;
            let b = int_arg(it, p[1].as_ref().unwrap_or(&Value::None))? + 1;
            randrange(it, st, p[0].as_ref(), Some(&Value::from_bigint(b)), None)
        },
        "choice" => |it, st, args| {
            let p = params(it, "choice", args, &["seq"], 1)?;
            let seq = p[0].clone().unwrap_or(Value::None);
            let n = it.len(&seq)?;
            if n == 0 {
                return Err(it.err("IndexError", "Cannot choose from an empty sequence"));
            }
            let i = st.borrow_mut().below_u64(n as u64);
            it.get_item(&seq, &Value::Int(i as i64))
        },
        "shuffle" => |it, st, args| {
            let p = params(it, "shuffle", args, &["x"], 1)?;
            let x = p[0].clone().unwrap_or(Value::None);
            let n = it.len(&x)?;
            for i in (1..n).rev() {
                let j = st.borrow_mut().below_u64(i as u64 + 1);
                let (vi, vj) = (
                    it.get_item(&x, &Value::Int(i as i64))?,
                    it.get_item(&x, &Value::Int(j as i64))?,
                );
                it.set_item(&x, Value::Int(i as i64), vj)?;
                it.set_item(&x, Value::Int(j as i64), vi)?;
            }
            Ok(Value::None)
        },
        "uniform" => |it, st, args| {
            let p = params(it, "uniform", args, &["a", "b"], 2)?;
            let a = it.to_float(p[0].as_ref().unwrap_or(&Value::None))?;
            let b = it.to_float(p[1].as_ref().unwrap_or(&Value::None))?;
            let r = st.borrow_mut().next_f64();
            Ok(Value::Float(a + (b - a) * r))
        },
        "choices" => |it, st, mut args| {
            let k = args.take_kw("k");
            let cum = args.take_kw("cum_weights");
            let p = params(it, "choices", args, &["population", "weights"], 1)?;
            choices(
                it,
                st,
                p[0].clone().unwrap_or(Value::None),
                p[1].clone(),
                cum,
                k,
            )
        },
        "sample" => |it, st, mut args| {
            let counts = args.take_kw("counts");
            let p = params(it, "sample", args, &["population", "k"], 2)?;
            sample(
                it,
                st,
                p[0].clone().unwrap_or(Value::None),
                p[1].as_ref().unwrap_or(&Value::None),
                counts,
            )
        },
        "getstate" => |it, st, args| {
            params(it, "getstate", args, &[], 0)?;
            let mt = st.borrow();
            let mut words: Vec<Value> = mt.state.iter().map(|w| Value::Int(*w as i64)).collect();
            words.push(Value::Int(mt.index as i64));
            let gauss_next = mt.gauss_next.map(Value::Float).unwrap_or(Value::None);
            Ok(Value::tuple(vec![
                Value::Int(3),
                Value::tuple(words),
                gauss_next,
            ]))
        },
        "setstate" => |it, st, args| {
            let p = params(it, "setstate", args, &["state"], 1)?;
            let parts = it.collect(p[0].as_ref().unwrap_or(&Value::None))?;
            if parts.len() != 3 || parts[0].as_i64() != Some(3) {
                return Err(
                    it.value_error("state with version 3 passed to Random.setstate() of version 3")
                );
            }
            let words = it.collect(&parts[1])?;
            if words.len() != N + 1 {
                return Err(it.value_error("state vector is the wrong size"));
            }
            let gauss_next = match &parts[2] {
                Value::None => None,
                v => Some(it.to_float(v)?),
            };
            let mut mt = Mt {
                state: [0; N],
                index: N,
                gauss_next,
            };
            for (i, w) in words.iter().enumerate() {
                let v = w
                    .as_i64()
                    .filter(|v| (0..=u32::MAX as i64).contains(v))
                    .ok_or_else(|| {
                        it.err(
                            "OverflowError",
                            "Python int too large to convert to C unsigned long",
                        )
                    })?;
                if i < N {
                    mt.state[i] = v as u32;
                } else if v as usize > N {
                    return Err(it.value_error("invalid state"));
                } else {
                    mt.index = v as usize;
                }
            }
            *st.borrow_mut() = mt;
            Ok(Value::None)
        },
        "gauss" => |it, st, args| {
            let p = params(it, "gauss", args, &["mu", "sigma"], 0)?;
            let (mu, sigma) = mu_sigma(it, &p)?;
            let mut mt = st.borrow_mut();
            let z = match mt.gauss_next.take() {
                Some(z) => z,
                None => {
                    let x2pi = mt.next_f64() * std::f64::consts::TAU;
                    let g2rad = (-2.0 * (1.0 - mt.next_f64()).ln()).sqrt();
                    mt.gauss_next = Some(x2pi.sin() * g2rad);
                    x2pi.cos() * g2rad
                }
            };
            Ok(Value::Float(mu + z * sigma))
        },
        "normalvariate" => |it, st, args| {
            let p = params(it, "normalvariate", args, &["mu", "sigma"], 0)?;
            let (mu, sigma) = mu_sigma(it, &p)?;
            let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
            let mut mt = st.borrow_mut();
            let z = loop {
                let u1 = mt.next_f64();
                let u2 = 1.0 - mt.next_f64();
                let z = magic * (u1 - 0.5) / u2;
                if z * z / 4.0 <= -u2.ln() {
                    break z;
                }
            };
            Ok(Value::Float(mu + z * sigma))
        },
        "expovariate" => |it, st, args| {
            let p = params(it, "expovariate", args, &["lambd"], 1)?;
            let lambd = it.to_float(p[0].as_ref().unwrap_or(&Value::None))?;
            let u = st.borrow_mut().next_f64();
            if lambd == 0.0 {
                return Err(it.err("ZeroDivisionError", "float division by zero"));
            }
            Ok(Value::Float(-(1.0 - u).ln() / lambd))
        },
        "triangular" => |it, st, args| {
            let p = params(it, "triangular", args, &["low", "high", "mode"], 0)?;
            let low_value = p[0].clone().unwrap_or(Value::Float(0.0));
            let mut low = it.to_float(&low_value)?;
            let mut high = match &p[1] {
                Some(v) => it.to_float(v)?,
                None => 1.0,
            };
            let u = st.borrow_mut().next_f64();
            let mut c = match &p[2] {
                None | Some(Value::None) => 0.5,
                Some(m) => {
                    if high - low == 0.0 {
                        return Ok(low_value);
                    }
                    (it.to_float(m)? - low) / (high - low)
                }
            };
            let mut u = u;
            if u > c {
                u = 1.0 - u;
                c = 1.0 - c;
                std::mem::swap(&mut low, &mut high);
            }
            Ok(Value::Float(low + (high - low) * (u * c).sqrt()))
        },
        _ => return None,
    };
    Some(builtin(name, move |it, args| body(it, &st, args)))
}

/// A method of a `Random` instance: the body, given the instance's generator state.
type StateMethod = fn(&mut Interp, &Rc<RefCell<Mt>>, Args) -> PyResult<Value>;

/// `mu` and `sigma` of the normal distributions (defaults 0.0 and 1.0).
fn mu_sigma(it: &mut Interp, p: &[Option<Value>]) -> PyResult<(f64, f64)> {
    let mu = match &p[0] {
        Some(v) => it.to_float(v)?,
        None => 0.0,
    };
    let sigma = match &p[1] {
        Some(v) => it.to_float(v)?,
        None => 1.0,
    };
    Ok((mu, sigma))
}

/// `randrange(start[, stop[, step]])`: one draw of `_randbelow(count)`, where `count` is how
/// many numbers `range(start, stop, step)` holds, picks the number at that position. The
/// arguments are converted in order (start, stop, step); the error messages are CPython's
/// (an empty range with step 1 shows the numbers).
fn randrange(
    it: &mut Interp,
    st: &RefCell<Mt>,
    start: Option<&Value>,
    stop: Option<&Value>,
    step: Option<&Value>,
) -> PyResult<Value> {
    let first = int_arg(it, start.unwrap_or(&Value::None))?;
    let Some(stop) = stop.filter(|v| !matches!(v, Value::None)) else {
        // randrange(stop): the numbers 0..stop.
        if step.is_some() {
            return Err(it.type_error("Missing a non-None stop argument"));
        }
        if !first.is_positive() {
            return Err(it.value_error("empty range for randrange()"));
        }
        return Ok(Value::from_bigint(st.borrow_mut().below(&first)));
    };
    let end = int_arg(it, stop)?;
    let stride = match step {
        Some(s) => int_arg(it, s)?,
        None => BigInt::from(1),
    };
    if stride.is_zero() {
        return Err(it.value_error("zero step for randrange()"));
    }
    let span = &end - &first;
    // ceil(span / stride): positive only when the stride goes from start towards stop.
    let count = num_integer::Integer::div_ceil(&span, &stride);
    if !count.is_positive() {
        let message = if stride == BigInt::from(1) {
            format!("empty range for randrange() ({first}, {end}, {span})")
        } else {
            "empty range for randrange()".to_string()
        };
        return Err(it.value_error(message));
    }
    let position = st.borrow_mut().below(&count);
    Ok(Value::from_bigint(first + stride * position))
}

/// `bisect.bisect_right(a, x, 0, hi)` over float keys.
fn bisect_right(a: &[f64], x: f64, hi: usize) -> usize {
    let (mut lo, mut hi) = (0usize, hi);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if x < a[mid] { hi = mid } else { lo = mid + 1 }
    }
    lo
}

fn choices(
    it: &mut Interp,
    st: &RefCell<Mt>,
    population: Value,
    weights: Option<Value>,
    cum: Option<Value>,
    k: Option<Value>,
) -> PyResult<Value> {
    let n = it.len(&population)?;
    let k = match k {
        None => 1,
        Some(v) => it.to_index(&v)?.max(0),
    };
    it.check_size(k as u128 * 8)?;
    let weights = weights.filter(|w| !matches!(w, Value::None));
    let cum = cum.filter(|w| !matches!(w, Value::None));
    let cum_values: Vec<Value> = match (weights, cum) {
        (None, None) => {
            let nf = n as f64;
            let mut out = Vec::with_capacity(k as usize);
            for _ in 0..k {
                let r = st.borrow_mut().next_f64();
                out.push(it.get_item(&population, &Value::Int((r * nf).floor() as i64))?);
            }
            return Ok(Value::list(out));
        }
        (Some(w), None) => {
            let items = it.collect(&w)?;
            let mut acc: Option<Value> = None;
            let mut out = Vec::with_capacity(items.len());
            for x in items {
                let next = match acc {
                    None => x,
                    Some(a) => it.binary_op(rustpython_ruff_python_ast::Operator::Add, a, x)?,
                };
                out.push(next.clone());
                acc = Some(next);
            }
            out
        }
        (None, Some(c)) => it.collect(&c)?,
        (Some(_), Some(_)) => {
            return Err(it.type_error("Cannot specify both weights and cumulative weights"));
        }
    };
    if cum_values.len() != n {
        return Err(it.value_error("The number of weights does not match the population"));
    }
    let mut cum = Vec::with_capacity(n);
    for v in &cum_values {
        cum.push(it.to_float(v)?);
    }
    let total = cum.last().copied().unwrap_or(0.0);
    if total <= 0.0 {
        return Err(it.value_error("Total of weights must be greater than zero"));
    }
    if !total.is_finite() {
        return Err(it.value_error("Total of weights must be finite"));
    }
    let hi = n - 1;
    let mut out = Vec::with_capacity(k as usize);
    for _ in 0..k {
        let r = st.borrow_mut().next_f64();
        let i = bisect_right(&cum, r * total, hi);
        out.push(it.get_item(&population, &Value::Int(i as i64))?);
    }
    Ok(Value::list(out))
}

fn is_sequence(v: &Value) -> bool {
    match v {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(_) => {
            true
        }
        Value::Instance(i) => {
            i.base.as_ref().is_some_and(is_sequence) || i.class.lookup("__getitem__").is_some()
        }
        other => crate::python::bytearray::bytes_like(other).is_some(),
    }
}

fn sample(
    it: &mut Interp,
    st: &RefCell<Mt>,
    population: Value,
    k: &Value,
    counts: Option<Value>,
) -> PyResult<Value> {
    if !is_sequence(&population) {
        return Err(
            it.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
        );
    }
    let n = it.len(&population)?;
    if let Some(counts) = counts.filter(|c| !matches!(c, Value::None)) {
        let items = it.collect(&counts)?;
        let mut cum: Vec<BigInt> = Vec::with_capacity(items.len());
        let mut total = BigInt::zero();
        for c in &items {
            let Some(c) = c.as_bigint() else {
                return Err(it.type_error("Counts must be integers"));
            };
            total += c;
            cum.push(total.clone());
        }
        if cum.len() != n {
            return Err(it.value_error("The number of counts does not match the population"));
        }
        cum.pop();
        if !total.is_positive() {
            return Err(it.value_error("Total of counts must be greater than zero"));
        }
        let range = match total.to_i64() {
            Some(t) => Value::Range(Rc::new(RangeObj {
                start: 0,
                stop: t,
                step: 1,
            })),
            None => {
                return Err(it.err(
                    "OverflowError",
                    "Python int too large to convert to C ssize_t",
                ));
            }
        };
        let picks = sample(it, st, range, k, None)?;
        let mut out = Vec::new();
        for s in it.collect(&picks)? {
            let s = s.as_bigint().unwrap_or_default();
            let i = cum.partition_point(|c| c <= &s);
            out.push(it.get_item(&population, &Value::Int(i as i64))?);
        }
        return Ok(Value::list(out));
    }
    let k = int_arg(it, k)?;
    let Some(k) = k.to_usize().filter(|k| *k <= n) else {
        return Err(it.value_error("Sample larger than population or is negative"));
    };
    let mut setsize = 21usize;
    if k > 5 {
        let exp = ((k * 3) as f64).ln() / 4f64.ln();
        setsize += 4usize.saturating_pow(exp.ceil() as u32);
    }
    let mut result = Vec::with_capacity(k);
    if n <= setsize {
        let mut pool = it.collect(&population)?;
        for i in 0..k {
            let j = st.borrow_mut().below_u64((n - i) as u64) as usize;
            result.push(pool[j].clone());
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for _ in 0..k {
            let mut j = st.borrow_mut().below_u64(n as u64);
            while selected.contains(&j) {
                j = st.borrow_mut().below_u64(n as u64);
            }
            selected.insert(j);
            result.push(it.get_item(&population, &Value::Int(j as i64))?);
        }
    }
    Ok(Value::list(result))
}
