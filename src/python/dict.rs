//! The insertion-ordered hash table behind `dict`, `set`, `frozenset`, namespaces and `__dict__`.
//!
//! Written by hand (rather than pulling `indexmap`) because Python keys need Python equality
//! (`1 == 1.0 == True` are one key) and Python's int/float hash, and because deletion must keep
//! the remaining order. Entries live in a vector with tombstones; an index maps hashes to
//! positions. The table never runs Python code: keys whose class defines `__hash__` in Python are
//! hashed by the interpreter, which stores them with that hash and compares them with `==`
//! itself (`keys.rs`); here they are compared by identity. Instances of `str`/`int`/... subclasses
//! without their own `__hash__`/`__eq__` hash and compare as their built-in value.

use std::cell::Cell;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::value::{Class, Value};

/// How instances of a class hash (CPython's `type.__hash__` slot, including the rule that a
/// class defining `__eq__` without `__hash__` gets `__hash__ = None`).
pub enum HashKind {
    /// `object.__hash__`: by identity.
    Identity,
    /// The built-in base's hash (a `str`/`int`/... subclass).
    Base,
    /// A `__hash__` written in Python (the interpreter calls it).
    Python(Value),
    /// `__hash__ = None`, or `__eq__` defined without `__hash__`.
    Unhashable,
}

/// How instances of `cls` hash: the first class of the MRO that defines `__hash__` or `__eq__`.
pub fn class_hash_kind(cls: &Class) -> HashKind {
    for c in cls.mro.borrow().iter() {
        let d = c.dict.borrow();
        match d.get_str("__hash__") {
            Some(Value::None) => return HashKind::Unhashable,
            Some(Value::Builtin(_)) => return HashKind::Base,
            Some(f) => return HashKind::Python(f),
            None => {}
        }
        if c.module == "builtins" {
            if matches!(
                c.name.as_str(),
                "int" | "bool" | "float" | "str" | "bytes" | "tuple" | "frozenset"
            ) {
                return HashKind::Base;
            }
            if matches!(c.name.as_str(), "dict" | "list" | "set") {
                return HashKind::Unhashable;
            }
        } else if d.get_str("__eq__").is_some() {
            return HashKind::Unhashable;
        }
    }
    HashKind::Identity
}

/// The built-in value a `str`/`int`/... subclass instance hashes and compares as, if any.
fn hashable_base(v: &Value) -> Option<&Value> {
    match v {
        Value::Instance(i) => match &i.base {
            Some(
                b @ (Value::Str(_)
                | Value::Int(_)
                | Value::Long(_)
                | Value::Float(_)
                | Value::Bytes(_)
                | Value::Tuple(_)
                | Value::FrozenSet(_)),
            ) => Some(b),
            _ => None,
        },
        _ => None,
    }
}

/// Why a value cannot be a key.
#[derive(Debug)]
pub struct Unhashable(pub String);

const MODULUS: u64 = (1 << 61) - 1;

fn hash_bigint(b: &BigInt) -> i64 {
    let m = BigInt::from(MODULUS);
    let r = (b.abs() % &m).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -r } else { r };
    if h == -1 { -2 } else { h }
}

/// CPython's `hash()` for ints.
pub fn hash_int(i: i64) -> i64 {
    let r = (i.unsigned_abs() % MODULUS) as i64;
    let h = if i < 0 { -r } else { r };
    if h == -1 { -2 } else { h }
}

/// CPython's `hash()` for floats (equal to the int hash for integral values).
pub fn hash_float(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f.fract() == 0.0 && f.abs() < 9.2e18 {
        return hash_int(f as i64);
    }
    // CPython's algorithm: fold the mantissa 28 bits at a time modulo 2**61-1.
    let (mut m, mut e) = frexp(f.abs());
    let sign = if f < 0.0 { -1i64 } else { 1 };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    x = ((x << e) & MODULUS) | x >> (61 - e);
    let h = (x as i64) * sign;
    if h == -1 { -2 } else { h }
}

fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 {
        return (0.0, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(f * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// CPython's SipHash-1-3 with the all-zero key that `PYTHONHASHSEED=0` selects. Using it makes
/// set iteration order (which follows hashes) match CPython run with that seed, as the
/// conformance suite does; any fixed key would be equally "random" to a learner.
fn siphash13(data: &[u8]) -> u64 {
    let (k0, k1) = (0u64, 0u64);
    let mut v0 = k0 ^ 0x736f6d6570736575;
    let mut v1 = k1 ^ 0x646f72616e646f6d;
    let mut v2 = k0 ^ 0x6c7967656e657261;
    let mut v3 = k1 ^ 0x7465646279746573;
    macro_rules! half_round {
        ($a:ident, $b:ident, $c:ident, $d:ident, $s:expr, $t:expr) => {
            $a = $a.wrapping_add($b);
            $c = $c.wrapping_add($d);
            $b = $b.rotate_left($s) ^ $a;
            $d = $d.rotate_left($t) ^ $c;
            $a = $a.rotate_left(32);
        };
    }
    macro_rules! single_round {
        () => {
            half_round!(v0, v1, v2, v3, 13, 16);
            half_round!(v2, v1, v0, v3, 17, 21);
        };
    }
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let mi = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        v3 ^= mi;
        single_round!();
        v0 ^= mi;
    }
    let mut t = [0u8; 8];
    let rest = chunks.remainder();
    t[..rest.len()].copy_from_slice(rest);
    let b = ((data.len() as u64) << 56) | u64::from_le_bytes(t);
    v3 ^= b;
    single_round!();
    v0 ^= b;
    v2 ^= 0xff;
    single_round!();
    single_round!();
    single_round!();
    (v0 ^ v1) ^ (v2 ^ v3)
}

fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    let h = siphash13(b) as i64;
    if h == -1 { -2 } else { h }
}

/// CPython hashes a str over its compact representation: 1, 2 or 4 bytes per character.
fn hash_str(s: &str) -> i64 {
    if s.is_ascii() {
        return hash_bytes(s.as_bytes());
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut buf = Vec::with_capacity(s.len() * 2);
    for c in s.chars() {
        let n = c as u32;
        if max < 256 {
            buf.push(n as u8);
        } else if max < 65536 {
            buf.extend_from_slice(&(n as u16).to_le_bytes());
        } else {
            buf.extend_from_slice(&n.to_le_bytes());
        }
    }
    hash_bytes(&buf)
}

/// A fast string hash for the table index (Python-visible hashes use SipHash; only str keys
/// can equal str keys, so the index may hash them differently).
fn fast_str_hash(s: &str) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in s.as_bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100000001b3);
    }
    h as i64
}

/// The hash the table index uses.
fn index_hash(v: &Value) -> Result<i64, Unhashable> {
    match v {
        Value::Str(s) => Ok(fast_str_hash(s)),
        Value::Instance(i) if matches!(i.base, Some(Value::Str(_))) => {
            match (class_hash_kind(&i.class), &i.base) {
                (HashKind::Base, Some(Value::Str(s))) => Ok(fast_str_hash(s)),
                _ => hash_value(v),
            }
        }
        other => hash_value(other),
    }
}

/// The order CPython's set table would iterate these keys in (inserted in this order into a
/// fresh set: open addressing with linear probes, perturbation and resizing as in
/// `Objects/setobject.c`).
pub fn cpython_set_order(keys: &[Value]) -> Vec<usize> {
    const LINEAR_PROBES: usize = 9;
    let hashes: Vec<u64> = keys
        .iter()
        .map(|k| hash_value(k).unwrap_or(0) as u64)
        .collect();
    let mut table: Vec<Option<usize>> = vec![None; 8];
    let mut used = 0usize;
    fn insert(table: &mut [Option<usize>], hash: u64, idx: usize) {
        let mask = table.len() - 1;
        let mut i = (hash as usize) & mask;
        let mut perturb = hash;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in 0..=probes {
                if table[i + j].is_none() {
                    table[i + j] = Some(idx);
                    return;
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }
    for (idx, &h) in hashes.iter().enumerate() {
        insert(&mut table, h, idx);
        used += 1;
        let mask = table.len() - 1;
        if used * 5 >= mask * 3 {
            let minused = if used > 50000 { used * 2 } else { used * 4 };
            let mut size = 8;
            while size <= minused {
                size <<= 1;
            }
            let old: Vec<usize> = table.iter().flatten().copied().collect();
            table = vec![None; size];
            for o in old {
                insert(&mut table, hashes[o], o);
            }
        }
    }
    table.into_iter().flatten().collect()
}

/// CPython's xxHash-based tuple hash: the start, one item, the end.
const TUPLE_SEED: u64 = 2870177450012600261;
fn tuple_lane(acc: u64, item_hash: i64) -> u64 {
    let acc = acc.wrapping_add((item_hash as u64).wrapping_mul(14029467366897019727));
    acc.rotate_left(31).wrapping_mul(11400714785074694791)
}
fn tuple_finish(acc: u64, len: usize) -> i64 {
    let h = acc.wrapping_add((len as u64) ^ (TUPLE_SEED ^ 3527539)) as i64;
    if h == -1 { 1546275796 } else { h }
}

/// Values whose hash or `==` as a key descends into other such values. (A frozenset's hash
/// does not descend: it is made from the hashes its table already holds, see
/// [`Dict::set_hash`].)
fn nests(v: &Value) -> bool {
    matches!(v, Value::Tuple(_) | Value::FrozenSet(_))
}

/// The hash of nested tuples, with a work list instead of native recursion (a
/// tuple nested 100,000 deep hashes in CPython too, and must not overflow the page's stack).
fn hash_nested(v: &Value) -> Result<i64, Unhashable> {
    struct Open {
        tuple: Rc<[Value]>,
        next: usize,
        acc: u64,
    }
    fn open(v: &Value) -> Option<Open> {
        match v {
            Value::Tuple(t) => Some(Open {
                tuple: t.clone(),
                next: 0,
                acc: TUPLE_SEED,
            }),
            _ => None,
        }
    }
    let Some(first) = open(v) else {
        return hash_value(v);
    };
    // A tuple met again in the same walk (`x = (x, x)` shares its halves) hashes as before:
    // without this a nest of n such levels costs 2^n, where the distinct tuples are only n.
    let mut known: HashMap<*const Value, i64> = HashMap::new();
    let mut stack = vec![first];
    let mut opened = 1u64;
    loop {
        let Some(top) = stack.last_mut() else {
            return Ok(0);
        };
        if top.next < top.tuple.len() {
            let item = top.tuple[top.next].clone();
            top.next += 1;
            match open(&item) {
                Some(inner) => match known.get(&inner.tuple.as_ptr()) {
                    Some(&h) => top.acc = tuple_lane(top.acc, h),
                    None => {
                        opened += 1;
                        stack.push(inner);
                    }
                },
                None => {
                    let h = hash_value(&item)?;
                    top.acc = tuple_lane(top.acc, h);
                }
            }
            continue;
        }
        let Some(done) = stack.pop() else {
            return Ok(0);
        };
        let h = tuple_finish(done.acc, done.tuple.len());
        known.insert(done.tuple.as_ptr(), h);
        match stack.last_mut() {
            Some(parent) => parent.acc = tuple_lane(parent.acc, h),
            None => {
                HASH_WORK.set(HASH_WORK.get().saturating_add(opened));
                return Ok(h);
            }
        }
    }
}

thread_local! {
    /// Tuples hashed by [`hash_nested`] since [`take_hash_work`] last read it.
    static HASH_WORK: Cell<u64> = const { Cell::new(0) };
}

/// The tuples hashed since the last call: the interpreter charges them as steps of work, so
/// that a loop which hashes a growing nest again each time (`x = {(x, x): 1}`, quadratic) ends
/// like an endless loop instead of freezing the tab.
pub fn take_hash_work() -> u64 {
    HASH_WORK.replace(0)
}

/// How deep frozensets holding frozensets are compared before giving up (see
/// [`frozensets_eq`]): as deep as Python's default recursion limit.
const SET_EQ_DEPTH: usize = 1000;

thread_local! {
    /// Frozenset comparisons under way on this thread, and whether one gave up for depth.
    static SET_EQ: std::cell::Cell<(usize, bool)> = const { std::cell::Cell::new((0, false)) };
}

/// Every key of `x` is in `y`. Membership compares keys, and a frozenset key compares its own
/// keys, so frozensets nested n deep compare n deep on the native stack: past
/// [`SET_EQ_DEPTH`] levels the comparison answers "not equal" and says so to
/// [`set_eq_gave_up`], whose caller raises CPython's `RecursionError: maximum recursion
/// depth exceeded in comparison`.
fn frozensets_eq(x: &Dict, y: &Dict) -> bool {
    let (depth, _) = SET_EQ.get();
    if depth >= SET_EQ_DEPTH {
        SET_EQ.set((depth, true));
        return false;
    }
    SET_EQ.set((depth + 1, SET_EQ.get().1));
    let equal = x.iter().all(|(k, _)| y.contains(&k));
    let (depth, gave_up) = SET_EQ.get();
    SET_EQ.set((depth - 1, gave_up));
    equal && !gave_up
}

/// Whether a key comparison since the last call gave up on frozensets nested too deep (and
/// forgets it).
pub fn set_eq_gave_up() -> bool {
    let (depth, gave_up) = SET_EQ.get();
    SET_EQ.set((depth, false));
    gave_up
}

/// `==` of two tuples as keys, with a work list when they nest (see `hash_nested`).
///
/// **Written-down difference:** CPython compares keys with `==`, which raises
/// `RecursionError: maximum recursion depth exceeded in comparison` for two distinct equal
/// tuples nested about 1,000 deep (`d[b]` where `d = {a: 1}`); key comparison here cannot
/// raise, so it completes and finds the key.
fn tuples_eq(x: &Rc<[Value]>, y: &Rc<[Value]>) -> bool {
    if Rc::ptr_eq(x, y) {
        return true;
    }
    if x.len() != y.len() {
        return false;
    }
    if !x.iter().any(nests) {
        return x.iter().zip(y.iter()).all(|(p, q)| key_eq(p, q));
    }
    let mut pending: Vec<(Value, Value)> = x.iter().cloned().zip(y.iter().cloned()).rev().collect();
    while let Some((p, q)) = pending.pop() {
        match (&p, &q) {
            (Value::Tuple(a), Value::Tuple(b)) => {
                if Rc::ptr_eq(a, b) {
                    continue;
                }
                if a.len() != b.len() {
                    return false;
                }
                pending.extend(a.iter().cloned().zip(b.iter().cloned()).rev());
            }
            _ => {
                if !key_eq(&p, &q) {
                    return false;
                }
            }
        }
    }
    true
}

/// Python `hash(value)` for built-in values; identity hash for other objects.
pub fn hash_value(v: &Value) -> Result<i64, Unhashable> {
    Ok(match v {
        Value::None => 0x5f3759df,
        Value::Bool(b) => *b as i64,
        Value::Int(i) => hash_int(*i),
        Value::Long(b) => hash_bigint(b),
        Value::Float(f) => hash_float(*f),
        Value::Str(s) => hash_str(s),
        Value::Bytes(b) => hash_bytes(b),
        Value::Tuple(items) => {
            if items.iter().any(nests) {
                return hash_nested(v);
            }
            let mut acc = TUPLE_SEED;
            for item in items.iter() {
                acc = tuple_lane(acc, hash_value(item)?);
            }
            tuple_finish(acc, items.len())
        }
        Value::FrozenSet(d) => d.set_hash(),
        Value::Range(r) => hash_int(r.start ^ r.stop.rotate_left(7) ^ r.step.rotate_left(13)),
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
            return Err(Unhashable(v.type_name()));
        }
        Value::NotImplemented => 7,
        Value::Ellipsis => 11,
        Value::Instance(i) => match class_hash_kind(&i.class) {
            HashKind::Unhashable => return Err(Unhashable(i.class.name.clone())),
            HashKind::Base => match hashable_base(v) {
                Some(b) => return hash_value(b),
                None => (v.ptr().unwrap_or(0) >> 4) as i64,
            },
            HashKind::Identity | HashKind::Python(_) => (v.ptr().unwrap_or(0) >> 4) as i64,
        },
        Value::Native(n) if n.type_name() == "bytearray" => return Err(Unhashable(n.type_name())),
        Value::Native(_) if super::complex::as_complex(v).is_some() => {
            super::complex::hash(v).unwrap_or(0)
        }
        other => (other.ptr().unwrap_or(0) >> 4) as i64,
    })
}

/// Python `==` for hashable built-in values (identity for everything else).
pub fn key_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Rc::ptr_eq(x, y) || x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Bool(y)) | (Value::Bool(y), Value::Int(x)) => *x == *y as i64,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Float(x), Value::Int(y)) | (Value::Int(y), Value::Float(x)) => {
            *x == *y as f64 && (*y as f64) as i64 == *y
        }
        (Value::Float(x), Value::Bool(y)) | (Value::Bool(y), Value::Float(x)) => {
            *x == *y as i64 as f64
        }
        (Value::Long(x), Value::Long(y)) => x == y,
        (Value::Long(x), Value::Float(y)) | (Value::Float(y), Value::Long(x)) => {
            y.fract() == 0.0 && x.to_f64() == Some(*y) && BigInt::from(*y as i128) == **x
        }
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        (Value::Tuple(x), Value::Tuple(y)) => tuples_eq(x, y),
        (Value::FrozenSet(x), Value::FrozenSet(y)) => {
            Rc::ptr_eq(x, y) || (x.len() == y.len() && frozensets_eq(x, y))
        }
        (Value::Range(x), Value::Range(y)) => x == y,
        (Value::None, Value::None) => true,
        (Value::Ellipsis, Value::Ellipsis) | (Value::NotImplemented, Value::NotImplemented) => true,
        (Value::Instance(_), _) | (_, Value::Instance(_)) if !a.is(b) => {
            match (hashable_base(a), hashable_base(b)) {
                (Some(x), Some(y)) => key_eq(x, y),
                (Some(x), None) if !matches!(b, Value::Instance(_)) => key_eq(x, b),
                (None, Some(y)) if !matches!(a, Value::Instance(_)) => key_eq(a, y),
                _ => false,
            }
        }
        (Value::Native(_), _) | (_, Value::Native(_)) if !a.is(b) => {
            super::complex::equals(a, b).unwrap_or(false)
        }
        _ => a.is(b),
    }
}

#[derive(Clone)]
struct Key {
    hash: i64,
    value: Value,
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash);
    }
}
impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.hash == other.hash && key_eq(&self.value, &other.value)
    }
}
impl Eq for Key {}

/// A key as the index sees it, so a `&str` can be looked up without building a `Value`
/// (variable lookups are the hottest path of the interpreter).
trait KeyLike {
    fn hash_code(&self) -> i64;
    fn as_str(&self) -> Option<&str>;
    fn as_value(&self) -> Option<&Value>;
}

impl KeyLike for Key {
    fn hash_code(&self) -> i64 {
        self.hash
    }
    fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            other => match hashable_base(other) {
                Some(Value::Str(s)) => Some(s),
                _ => None,
            },
        }
    }
    fn as_value(&self) -> Option<&Value> {
        Some(&self.value)
    }
}

struct StrKey<'a>(i64, &'a str);

/// A str key to look up in several tables (a class and its bases): its index hash is computed
/// on the first indexed table and reused by the others.
pub struct StrProbe<'a> {
    name: &'a str,
    hash: Cell<Option<i64>>,
}

impl<'a> StrProbe<'a> {
    /// A probe for `name`; nothing is hashed yet.
    pub fn new(name: &'a str) -> Self {
        StrProbe {
            name,
            hash: Cell::new(None),
        }
    }
    fn hash(&self) -> i64 {
        match self.hash.get() {
            Some(hash) => hash,
            None => {
                let hash = fast_str_hash(self.name);
                self.hash.set(Some(hash));
                hash
            }
        }
    }
}

impl KeyLike for StrKey<'_> {
    fn hash_code(&self) -> i64 {
        self.0
    }
    fn as_str(&self) -> Option<&str> {
        Some(self.1)
    }
    fn as_value(&self) -> Option<&Value> {
        None
    }
}

impl<'a> std::borrow::Borrow<dyn KeyLike + 'a> for Key {
    fn borrow(&self) -> &(dyn KeyLike + 'a) {
        self
    }
}

impl Hash for dyn KeyLike + '_ {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash_code());
    }
}

impl PartialEq for dyn KeyLike + '_ {
    fn eq(&self, other: &Self) -> bool {
        if self.hash_code() != other.hash_code() {
            return false;
        }
        match (self.as_value(), other.as_value()) {
            (Some(a), Some(b)) => key_eq(a, b),
            _ => self.as_str().is_some() && self.as_str() == other.as_str(),
        }
    }
}

impl Eq for dyn KeyLike + '_ {}

/// Tables with at most this many slots (live or deleted) have no index: a linear scan of the
/// stored hashes is faster than hashing again, and most namespaces (function locals, instance
/// `__dict__`s, a session) are this small.
const SMALL: usize = 8;

/// An insertion-ordered table from hashable values to values.
#[derive(Clone, Default)]
pub struct Dict {
    /// Entries in insertion order; `None` marks a deleted one (order of the rest is kept).
    entries: Vec<Option<(Value, Value)>>,
    /// The index hash of each slot of `entries` (a separate vector keeps the linear scan of
    /// small tables dense).
    hashes: Vec<i64>,
    /// Hash index over the live entries, built once the table outgrows [`SMALL`] slots.
    index: HashMap<Key, usize, rustc_hash::FxBuildHasher>,
    /// Whether `index` is in use.
    indexed: bool,
    /// Number of live entries.
    live: usize,
}

impl Dict {
    /// An empty table.
    pub fn new() -> Dict {
        Dict::default()
    }
    /// Number of live entries.
    pub fn len(&self) -> usize {
        self.live
    }
    /// Whether empty.
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }
    fn key(k: &Value) -> Result<Key, Unhashable> {
        Ok(Key {
            hash: index_hash(k)?,
            value: k.clone(),
        })
    }
    /// The slot holding `k` (already hashed).
    fn find(&self, key: &Key) -> Option<usize> {
        if self.indexed {
            return self.index.get(key).copied();
        }
        self.hashes.iter().enumerate().find_map(|(i, &h)| {
            if h != key.hash {
                return None;
            }
            match &self.entries[i] {
                Some((ek, _)) if key_eq(ek, &key.value) => Some(i),
                _ => None,
            }
        })
    }
    /// The slot holding the str key `name`. A small table compares the strings directly:
    /// hashing the name would cost more than the few comparisons.
    fn find_str(&self, name: &str) -> Option<usize> {
        self.find_probe(&StrProbe::new(name))
    }
    /// [`Dict::find_str`] with the name's hash computed at most once however many tables the
    /// probe visits (an attribute looked up along a class's MRO).
    fn find_probe(&self, probe: &StrProbe<'_>) -> Option<usize> {
        let name = probe.name;
        if self.indexed {
            let probe = StrKey(probe.hash(), name);
            return self.index.get(&probe as &dyn KeyLike).copied();
        }
        self.entries.iter().position(|e| match e {
            Some((Value::Str(ek), _)) => &**ek == name,
            Some((k @ Value::Instance(_), _)) => {
                matches!(hashable_base(k), Some(Value::Str(ek)) if &**ek == name)
            }
            _ => false,
        })
    }
    /// A copy whose keys and values are `f` of this table's (same order, same hashes: `f` must
    /// give a key an equal copy, as `fork`'s copy does); the first error stops it.
    pub fn try_map<E>(&self, mut f: impl FnMut(&Value) -> Result<Value, E>) -> Result<Dict, E> {
        let mut entries = Vec::with_capacity(self.entries.len());
        for entry in &self.entries {
            entries.push(match entry {
                Some((k, v)) => Some((f(k)?, f(v)?)),
                None => None,
            });
        }
        let mut copy = Dict {
            entries,
            hashes: self.hashes.clone(),
            index: HashMap::default(),
            indexed: false,
            live: self.live,
        };
        if self.indexed {
            copy.build_index();
        }
        Ok(copy)
    }
    /// Look a key up.
    pub fn get(&self, k: &Value) -> Result<Option<Value>, Unhashable> {
        if let (false, Value::Str(name)) = (self.indexed, k) {
            return Ok(self
                .find_str(name)
                .and_then(|i| self.entries[i].as_ref().map(|e| e.1.clone())));
        }
        let key = Dict::key(k)?;
        Ok(self
            .find(&key)
            .and_then(|i| self.entries[i].as_ref().map(|e| e.1.clone())))
    }
    /// Look a key up, returning the stored key too.
    pub fn get_entry(&self, k: &Value) -> Result<Option<(Value, Value)>, Unhashable> {
        let key = Dict::key(k)?;
        Ok(self.find(&key).and_then(|i| self.entries[i].clone()))
    }
    /// Whether a (hashable) key is present; unhashable keys are simply absent.
    pub fn contains(&self, k: &Value) -> bool {
        matches!(self.get(k), Ok(Some(_)))
    }
    /// Insert or replace (an existing key keeps its position and its original key object).
    pub fn insert(&mut self, k: Value, v: Value) -> Result<(), Unhashable> {
        if let (false, Value::Str(name)) = (self.indexed, &k)
            && let Some(e) = self.find_str(name).and_then(|i| self.entries[i].as_mut())
        {
            e.1 = v;
            return Ok(());
        }
        let key = Dict::key(&k)?;
        if let Some(i) = self.find(&key) {
            if let Some(e) = self.entries[i].as_mut() {
                e.1 = v;
            }
            return Ok(());
        }
        self.push(key, k, v);
        Ok(())
    }
    /// Append a new entry (the key is known to be absent).
    fn push(&mut self, key: Key, k: Value, v: Value) {
        self.hashes.push(key.hash);
        self.entries.push(Some((k, v)));
        self.live += 1;
        if self.indexed {
            self.index.insert(key, self.entries.len() - 1);
        } else if self.entries.len() > SMALL {
            self.build_index();
        }
    }
    fn build_index(&mut self) {
        self.index.clear();
        for (i, e) in self.entries.iter().enumerate() {
            if let Some((k, _)) = e {
                self.index.insert(
                    Key {
                        hash: self.hashes[i],
                        value: k.clone(),
                    },
                    i,
                );
            }
        }
        self.indexed = true;
    }
    /// Remove a key, returning its value.
    pub fn remove(&mut self, k: &Value) -> Result<Option<Value>, Unhashable> {
        let key = Dict::key(k)?;
        let found = if self.indexed {
            self.index.remove(&key)
        } else {
            self.find(&key)
        };
        let Some(i) = found else { return Ok(None) };
        let old = self.entries[i].take().map(|e| e.1);
        self.live -= 1;
        self.maybe_compact();
        Ok(old)
    }
    fn maybe_compact(&mut self) {
        if self.live == 0 {
            self.clear();
        } else if self.entries.len() > 16 && self.live * 2 < self.entries.len() {
            // Keep the stored hashes: a key hashed by Python code cannot be hashed again here.
            let hashes = std::mem::take(&mut self.hashes);
            let live: Vec<(i64, (Value, Value))> = hashes
                .into_iter()
                .zip(self.entries.drain(..))
                .filter_map(|(h, e)| e.map(|e| (h, e)))
                .collect();
            self.clear();
            for (hash, (k, v)) in live {
                self.push(
                    Key {
                        hash,
                        value: k.clone(),
                    },
                    k,
                    v,
                );
            }
        }
    }
    /// Remove and return the last entry.
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        while let Some(e) = self.entries.pop() {
            let hash = self.hashes.pop().unwrap_or(0);
            if let Some((k, v)) = e {
                if self.indexed {
                    self.index.remove(&Key {
                        hash,
                        value: k.clone(),
                    });
                }
                self.live -= 1;
                if self.live == 0 {
                    self.clear();
                }
                return Some((k, v));
            }
        }
        None
    }
    /// Remove and return the first entry.
    pub fn pop_first(&mut self) -> Option<(Value, Value)> {
        let slot = self.entries.iter().position(|e| e.is_some())?;
        let k = self.entries[slot].as_ref()?.0.clone();
        let v = self.remove_at(slot)?;
        Some((k, v))
    }
    /// Remove everything.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.hashes.clear();
        self.index.clear();
        self.indexed = false;
        self.live = 0;
    }
    /// Entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (Value, Value)> + '_ {
        self.entries
            .iter()
            .flatten()
            .map(|(k, v)| (k.clone(), v.clone()))
    }
    /// Keys in insertion order.
    pub fn keys(&self) -> Vec<Value> {
        self.entries
            .iter()
            .flatten()
            .map(|(k, _)| k.clone())
            .collect()
    }
    /// The hash of a frozenset holding this table's keys: made from the hashes the table
    /// already keeps for its keys, so it is the same for equal sets (equal keys have equal
    /// table hashes) and never descends into the keys. Hashing each key again would make a
    /// frozenset nested n deep cost n² to build, where CPython keeps each frozenset's hash.
    pub fn set_hash(&self) -> i64 {
        let mut h: u64 = 0;
        for (entry, &hash) in self.entries.iter().zip(&self.hashes) {
            if entry.is_some() {
                // Spread each hash before combining, so a few small ints do not cancel out.
                h ^= ((hash as u64) ^ 0x5555_5555_5555_5555).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            }
        }
        let h = h as i64;
        if h == -1 { -2 } else { h }
    }
    /// Keys in the order CPython's set would iterate them (for `set`/`frozenset`).
    pub fn set_keys(&self) -> Vec<Value> {
        let keys = self.keys();
        cpython_set_order(&keys)
            .into_iter()
            .map(|i| keys[i].clone())
            .collect()
    }
    /// Values in insertion order.
    pub fn values(&self) -> Vec<Value> {
        self.entries
            .iter()
            .flatten()
            .map(|(_, v)| v.clone())
            .collect()
    }
    /// Live slots whose index hash is `hash`, with their keys (for keys the interpreter compares
    /// with Python `==`: see `keys.rs`).
    pub fn slots_with_hash(&self, hash: i64) -> Vec<(usize, Value)> {
        self.hashes
            .iter()
            .enumerate()
            .filter(|(_, h)| **h == hash)
            .filter_map(|(i, _)| self.entries[i].as_ref().map(|e| (i, e.0.clone())))
            .collect()
    }
    /// The value in a live slot.
    pub fn value_at(&self, slot: usize) -> Option<Value> {
        self.entries.get(slot)?.as_ref().map(|e| e.1.clone())
    }
    /// Replace the value in a live slot.
    pub fn set_at(&mut self, slot: usize, v: Value) {
        if let Some(Some(e)) = self.entries.get_mut(slot) {
            e.1 = v;
        }
    }
    /// Remove the entry in a live slot, returning its value.
    pub fn remove_at(&mut self, slot: usize) -> Option<Value> {
        let (k, v) = self.entries.get_mut(slot)?.take()?;
        if self.indexed {
            self.index.remove(&Key {
                hash: self.hashes[slot],
                value: k,
            });
        }
        self.live -= 1;
        self.maybe_compact();
        Some(v)
    }
    /// Append a key known to be absent, stored under a hash the interpreter computed.
    pub fn push_with_hash(&mut self, hash: i64, k: Value, v: Value) {
        self.push(
            Key {
                hash,
                value: k.clone(),
            },
            k,
            v,
        );
    }
    /// Look a string key up.
    pub fn get_str(&self, name: &str) -> Option<Value> {
        let i = self.find_str(name)?;
        self.entries[i].as_ref().map(|e| e.1.clone())
    }
    /// Look a string key up with a probe shared between tables.
    pub fn get_probe(&self, probe: &StrProbe<'_>) -> Option<Value> {
        let i = self.find_probe(probe)?;
        self.entries[i].as_ref().map(|e| e.1.clone())
    }

    /// Set a string key given as a shared string (no allocation when the key is new).
    pub fn set_str_rc(&mut self, name: &Rc<str>, v: Value) {
        if let Some(e) = self.find_str(name).and_then(|i| self.entries[i].as_mut()) {
            e.1 = v;
            return;
        }
        let k = Value::Str(name.clone());
        self.push(
            Key {
                hash: fast_str_hash(name),
                value: k.clone(),
            },
            k,
            v,
        );
    }

    /// Set a string key.
    pub fn set_str(&mut self, name: &str, v: Value) {
        if let Some(e) = self.find_str(name).and_then(|i| self.entries[i].as_mut()) {
            e.1 = v;
            return;
        }
        let k = Value::Str(Rc::from(name));
        self.push(
            Key {
                hash: fast_str_hash(name),
                value: k.clone(),
            },
            k,
            v,
        );
    }
    /// Remove a string key.
    pub fn remove_str(&mut self, name: &str) -> Option<Value> {
        self.remove(&Value::Str(Rc::from(name))).ok().flatten()
    }
}
