//! [`SharedLog`]: an append-only sequence that successive states of the page share, so a state
//! that adds one item copies nothing of the items before it.
//!
//! The reducer makes each state from the previous one (yew's `Rc<Workspace>` in, a new one out),
//! and the old state stays alive beside the new one (the components still hold it, a rewind keeps
//! it). The timeline and the step log only grow, so both states can read one vector: each knows
//! how many items are its own, and an item is only ever appended after the last one. A state
//! that appends to a vector another state has already appended to (a "continue from here", or
//! the same state reduced twice) copies its own prefix first, so no state ever sees another's
//! items. Taking a prefix (the state right after a past entry) is free.
//!
//! Written here rather than taken from a persistent-collections crate (`im`, `rpds`): the page
//! needs only append and prefix, and those crates would add their weight to the page.

use std::cell::{Ref, RefCell};
use std::fmt;
use std::rc::Rc;

/// An append-only sequence shared between the states that hold a prefix of it (see the module
/// doc). Cloning it and [`SharedLog::prefix`] are O(1); [`SharedLog::push`] is O(1) unless
/// another holder has already appended past this one's end.
pub struct SharedLog<T> {
    items: Rc<RefCell<Vec<T>>>,
    len: usize,
}

impl<T> SharedLog<T> {
    /// An empty log.
    pub fn new() -> SharedLog<T> {
        SharedLog {
            items: Rc::default(),
            len: 0,
        }
    }

    /// How many items this holder has.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether it has none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// This holder's items, borrowed. The borrow is short by design: while it is held, a push
    /// on a log sharing the storage copies instead of appending in place (never a panic).
    pub fn slice(&self) -> Ref<'_, [T]> {
        Ref::map(self.items.borrow(), |items| &items[..self.len])
    }

    /// The first `len` items (all of them if there are fewer), sharing the storage.
    pub fn prefix(&self, len: usize) -> SharedLog<T> {
        SharedLog {
            items: self.items.clone(),
            len: len.min(self.len),
        }
    }

    /// Whether `other` reads the same storage (a test that nothing was copied).
    pub fn shares_storage_with(&self, other: &SharedLog<T>) -> bool {
        Rc::ptr_eq(&self.items, &other.items)
    }
}

impl<T: Clone> SharedLog<T> {
    /// Appends `item`: in place when this holder's end is the storage's end (the usual case,
    /// every earlier state keeps its shorter length), else onto a copy of this holder's items.
    pub fn push(&mut self, item: T) {
        if let Ok(mut items) = self.items.try_borrow_mut()
            && items.len() == self.len
        {
            items.push(item);
            self.len += 1;
            return;
        }
        let mut own = self.slice().to_vec();
        own.push(item);
        self.len = own.len();
        self.items = Rc::new(RefCell::new(own));
    }

    /// Item `index`, if this holder has it.
    pub fn get(&self, index: usize) -> Option<T> {
        self.slice().get(index).cloned()
    }

    /// The last item, if any.
    pub fn last(&self) -> Option<T> {
        self.slice().last().cloned()
    }

    /// The items as a vector of their own.
    pub fn to_vec(&self) -> Vec<T> {
        self.slice().to_vec()
    }

    /// Each item (cloned as it is reached), oldest first.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = T> + DoubleEndedIterator + '_ {
        (0..self.len).map(move |index| self.items.borrow()[index].clone())
    }
}

impl<T> Clone for SharedLog<T> {
    fn clone(&self) -> Self {
        SharedLog {
            items: self.items.clone(),
            len: self.len,
        }
    }
}

impl<T> Default for SharedLog<T> {
    fn default() -> Self {
        SharedLog::new()
    }
}

impl<T> From<Vec<T>> for SharedLog<T> {
    fn from(items: Vec<T>) -> Self {
        SharedLog {
            len: items.len(),
            items: Rc::new(RefCell::new(items)),
        }
    }
}

impl<T: PartialEq> PartialEq for SharedLog<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len
            && (Rc::ptr_eq(&self.items, &other.items) || *self.slice() == *other.slice())
    }
}

impl<T: Eq> Eq for SharedLog<T> {}

impl<T: fmt::Debug> fmt::Debug for SharedLog<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.slice().iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_append_shares_the_storage_and_the_earlier_holder_keeps_its_items() {
        let mut first = SharedLog::new();
        first.push(1);
        let mut second = first.clone();
        second.push(2);
        assert!(second.shares_storage_with(&first));
        assert_eq!((first.to_vec(), second.to_vec()), (vec![1], vec![1, 2]));
    }

    #[test]
    fn a_holder_that_appends_behind_another_copies_its_own_prefix() {
        let base: SharedLog<i32> = vec![1, 2, 3].into();
        let mut ahead = base.clone();
        ahead.push(4);
        let mut branch = base.prefix(2);
        branch.push(9);
        assert!(!branch.shares_storage_with(&base));
        assert_eq!(branch.to_vec(), [1, 2, 9]);
        assert_eq!(ahead.to_vec(), [1, 2, 3, 4]);
        assert_eq!(base.to_vec(), [1, 2, 3]);
        // The same state reduced twice: the second append must not see the first's item.
        let mut again = base.clone();
        again.push(5);
        assert_eq!(again.to_vec(), [1, 2, 3, 5]);
        assert_eq!(ahead.to_vec(), [1, 2, 3, 4]);
    }

    #[test]
    fn a_push_while_another_holder_reads_copies_instead_of_failing() {
        let mut log: SharedLog<i32> = vec![1].into();
        let reader = log.clone();
        let held = reader.slice();
        log.push(2);
        assert_eq!((&*held, log.to_vec()), (&[1][..], vec![1, 2]));
    }

    #[test]
    fn equality_is_on_the_items_each_holder_has() {
        let long: SharedLog<i32> = vec![1, 2, 3].into();
        let short = long.prefix(2);
        assert_ne!(long, short);
        assert_eq!(short, SharedLog::from(vec![1, 2]));
        assert_eq!(long.prefix(10).len(), 3);
        assert_eq!(long.iter().rev().collect::<Vec<_>>(), [3, 2, 1]);
        assert_eq!(
            (long.get(1), long.get(3), short.last()),
            (Some(2), None, Some(2))
        );
    }
}
