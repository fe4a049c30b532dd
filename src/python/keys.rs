//! Dict and set keys whose class defines `__hash__` in Python.
//!
//! The table (`dict.rs`) never runs Python code, so for such a key the interpreter calls
//! `__hash__`, stores the key under that hash and finds it again by comparing it with `==`
//! against the keys stored under the same hash — CPython's lookup (identity first, then
//! `stored == key`). Every other key takes the table's own path, so these wrappers cost one
//! `match` for them.

use std::cell::RefCell;

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
        let deep = nested_key_prologue(v);
        let h = dict::hash_value(v).map_err(|u| self.unhashable(u))?;
        if deep {
            self.nested_key_epilogue()?;
        }
        Ok(h)
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
            let candidates = d.borrow().slots_with_hash(h);
            return Ok(match self.python_key_slot(candidates, k)? {
                Some(slot) => d.borrow().value_at(slot),
                None => None,
            });
        }
        let deep = nested_key_prologue(k);
        let r = d.borrow().get(k).map_err(|u| self.unhashable(u))?;
        if deep {
            self.nested_key_epilogue()?;
        }
        Ok(r)
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
        let deep = nested_key_prologue(&k);
        let before = d.borrow().len();
        d.borrow_mut()
            .insert(k, v)
            .map_err(|u| self.unhashable(u))?;
        if deep {
            self.undo_deep_insert(&mut d.borrow_mut(), before)?;
        }
        Ok(())
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
        let deep = nested_key_prologue(k);
        let r = d.borrow_mut().remove(k).map_err(|u| self.unhashable(u))?;
        if deep {
            self.nested_key_epilogue()?;
        }
        Ok(r)
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
        let deep = nested_key_prologue(&k);
        let before = d.len();
        d.insert(k, v).map_err(|u| self.unhashable(u))?;
        if deep {
            self.undo_deep_insert(d, before)?;
        }
        Ok(())
    }

    /// After an insert whose key comparison gave up on frozensets nested too deep: the table
    /// took the key for a new one and appended it; CPython raises before changing anything, so
    /// the entry goes again and the `RecursionError` is raised.
    fn undo_deep_insert(&self, d: &mut Dict, before: usize) -> PyResult<()> {
        self.charge_hash_work()?;
        if let Err(e) = self.check_set_depth() {
            if d.len() > before {
                d.pop_last();
            }
            return Err(e);
        }
        Ok(())
    }
}

/// Whether `k` is a key whose hashing and comparison walk nested values (a tuple, a frozenset),
/// with what an earlier table operation left behind forgotten; the operation on such a key ends
/// with [`Interp::nested_key_epilogue`].
fn nested_key_prologue(k: &Value) -> bool {
    let deep = matches!(k, Value::FrozenSet(_) | Value::Tuple(_));
    if deep {
        dict::set_eq_gave_up();
        dict::take_hash_work();
    }
    deep
}

impl Interp {
    /// After a table operation on a nested key: the tuples it hashed are charged as work, and
    /// a comparison that gave up on frozensets nested past the recursion limit (which
    /// `dict::frozensets_eq` answers "not equal", so the table said "absent") is CPython's
    /// `RecursionError`.
    fn nested_key_epilogue(&self) -> PyResult<()> {
        self.charge_hash_work()?;
        self.check_set_depth()
    }

    /// The tuples hashed since the prologue, charged as steps.
    fn charge_hash_work(&self) -> PyResult<()> {
        self.charge(dict::take_hash_work(), "hashing of nested tuples")
    }
}
