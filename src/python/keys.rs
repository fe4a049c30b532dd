//! Dict and set keys whose class defines `__hash__` in Python.
//!
//! The table (`dict.rs`) never runs Python code, so for such a key the interpreter calls
//! `__hash__`, stores the key under that hash and finds it again by comparing it with `==`
//! against the keys stored under the same hash — CPython's lookup (identity first, then
//! `stored == key`). Every other key takes the table's own path, so these wrappers cost one
//! `match` for them.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use super::dict::{self, Dict, HashKind};
use super::interp::{Interp, PyResult};
use super::value::*;

impl Interp {
    /// `hash(k)` when it needs Python code (`__hash__` defined in Python); `None` otherwise.
    pub(crate) fn python_key_hash(&mut self, k: &Value) -> PyResult<Option<i64>> {
        let Value::Instance(i) = k else {
            return Ok(None);
        };
        let HashKind::Python(f) = dict::class_hash_kind(&i.class) else {
            return Ok(None);
        };
        let r = self.call(&self.bind(f, k.clone()), Args::default())?;
        // CPython keeps a result that fits in a machine word and hashes a bigger int.
        match r {
            Value::Int(-1) => Ok(Some(-2)),
            Value::Int(h) => Ok(Some(h)),
            Value::Bool(b) => Ok(Some(b as i64)),
            Value::Long(_) => Ok(Some(dict::hash_value(&r).unwrap_or(0))),
            _ => Err(self.type_error("__hash__ method should return an integer")),
        }
    }

    /// `hash(v)` for any value (the `hash()` builtin).
    pub(crate) fn hash_of(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(h) = self.python_key_hash(v)? {
            return Ok(h);
        }
        self.native_key_op(v, || dict::hash_value(v))
    }

    /// CPython's `unhashable type: 'list'`.
    pub(crate) fn unhashable(&self, u: dict::Unhashable) -> Box<super::interp::Exc> {
        self.type_error(format!("unhashable type: '{}'", u.0))
    }

    /// The slot holding `k` (whose Python hash is `hash`), compared with `==`.
    fn python_key_slot(
        &mut self,
        candidates: Vec<(usize, Value)>,
        k: &Value,
    ) -> PyResult<Option<usize>> {
        for (slot, stored) in candidates {
            if stored.is(k) || self.eq(&stored, k)? {
                return Ok(Some(slot));
            }
        }
        Ok(None)
    }

    /// `d[k]` on a table, `None` when absent.
    pub(crate) fn dict_lookup(&mut self, d: &RefCell<Dict>, k: &Value) -> PyResult<Option<Value>> {
        if let Some(h) = self.python_key_hash(k)? {
            // The candidates are copied out: `==` runs Python code, which may change the table.
            let candidates = d.borrow().slots_with_hash(h);
            return Ok(match self.python_key_slot(candidates, k)? {
                Some(slot) => d.borrow().value_at(slot),
                None => None,
            });
        }
        self.native_key_op(k, || d.borrow().get(k))
    }

    /// `k in s` for a set (its `__contains__`, `remove`, `discard`): a set given as the key is
    /// looked up as the frozenset with its members, as CPython does, where a dict raises
    /// "unhashable type: 'set'".
    pub(crate) fn set_contains(&mut self, s: &RefCell<Dict>, k: &Value) -> PyResult<bool> {
        Ok(self.dict_lookup(s, &set_member_key(k))?.is_some())
    }

    /// `s.discard(k)` (and `remove`), with [`Interp::set_contains`]'s key; whether it was there.
    pub(crate) fn set_discard(&mut self, s: &RefCell<Dict>, k: &Value) -> PyResult<bool> {
        Ok(self.dict_delete(s, &set_member_key(k))?.is_some())
    }

    /// `k in s` for a frozenset, which no code can change while `==` runs.
    pub(crate) fn frozenset_contains(&mut self, s: &Dict, k: &Value) -> PyResult<bool> {
        if let Some(h) = self.python_key_hash(k)? {
            return Ok(self.python_key_slot(s.slots_with_hash(h), k)?.is_some());
        }
        let k = set_member_key(k);
        self.native_key_op(&k, || s.get(&k)).map(|v| v.is_some())
    }

    /// `d[k] = v` on a table.
    pub(crate) fn dict_store(&mut self, d: &RefCell<Dict>, k: Value, v: Value) -> PyResult<()> {
        if let Some(h) = self.python_key_hash(&k)? {
            let candidates = d.borrow().slots_with_hash(h);
            match self.python_key_slot(candidates, &k)? {
                Some(slot) => d.borrow_mut().set_at(slot, v),
                None => d.borrow_mut().push_with_hash(h, k, v),
            }
            return Ok(());
        }
        self.native_key_insert(&mut d.borrow_mut(), k, v)
    }

    /// `del d[k]` on a table, returning the removed value (`None` when absent).
    pub(crate) fn dict_delete(&mut self, d: &RefCell<Dict>, k: &Value) -> PyResult<Option<Value>> {
        if let Some(h) = self.python_key_hash(k)? {
            let candidates = d.borrow().slots_with_hash(h);
            return Ok(match self.python_key_slot(candidates, k)? {
                Some(slot) => d.borrow_mut().remove_at(slot),
                None => None,
            });
        }
        self.native_key_op(k, || d.borrow_mut().remove(k))
    }

    /// Insert into a table under construction (a literal, a comprehension, `dict(...)`).
    pub(crate) fn dict_insert_new(&mut self, d: &mut Dict, k: Value, v: Value) -> PyResult<()> {
        if let Some(h) = self.python_key_hash(&k)? {
            let candidates = d.slots_with_hash(h);
            match self.python_key_slot(candidates, &k)? {
                Some(slot) => d.set_at(slot, v),
                None => d.push_with_hash(h, k, v),
            }
            return Ok(());
        }
        self.native_key_insert(d, k, v)
    }

    /// A table operation the table answers by itself (no Python code runs), the one place that
    /// accounts for nested keys (a tuple, a frozenset): what an earlier operation left behind is
    /// forgotten first; after it, the tuples it hashed are charged as steps, and a comparison
    /// that gave up on frozensets nested past the recursion limit (which `dict::frozensets_eq`
    /// answers "not equal", so the table said "absent") is CPython's `RecursionError`.
    fn native_key_op<R>(
        &self,
        k: &Value,
        op: impl FnOnce() -> Result<R, dict::Unhashable>,
    ) -> PyResult<R> {
        self.native_op(matches!(k, Value::FrozenSet(_) | Value::Tuple(_)), op)
    }

    /// [`Interp::native_key_op`] with whether the key is nested already known (a comparison of
    /// two sets passes `true`: it looks each member of one up in the other).
    pub(crate) fn native_op<R>(
        &self,
        nested: bool,
        op: impl FnOnce() -> Result<R, dict::Unhashable>,
    ) -> PyResult<R> {
        if nested {
            dict::set_eq_gave_up();
            dict::take_hash_work();
        }
        let r = op().map_err(|u| self.unhashable(u))?;
        if nested {
            self.charge(dict::take_hash_work(), "hashing of nested tuples")?;
            self.check_set_depth()?;
        }
        Ok(r)
    }

    /// An insert the table answers by itself. When its key comparison gave up on frozensets
    /// nested too deep, the table took the key for a new one and appended it; CPython raises
    /// before changing anything, so that entry goes again before the error is raised.
    fn native_key_insert(&self, d: &mut Dict, k: Value, v: Value) -> PyResult<()> {
        let before = d.len();
        let nested = matches!(k, Value::FrozenSet(_) | Value::Tuple(_));
        let r = self.native_op(nested, || d.insert(k, v));
        if r.is_err() && d.len() > before {
            d.pop_last();
        }
        r
    }
}

/// The key a set looks `k` up by: a set stands for the frozenset with its members.
fn set_member_key(k: &Value) -> Cow<'_, Value> {
    match k {
        Value::Set(members) => Cow::Owned(Value::FrozenSet(Rc::new(members.borrow().clone()))),
        _ => Cow::Borrowed(k),
    }
}
