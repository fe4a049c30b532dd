//! The crate's one stable sort. Each `slice::sort`/`sort_by`/`sort_by_key` call on a new
//! element type or comparison made the standard library instantiate its whole stable sort again
//! (about 3.5 kB of the page's wasm each, 17 copies in session 9); here the sorting itself is
//! done once, on positions (`usize`) through a `dyn` comparison, and only the small step that
//! moves the elements into that order is made per element type. The result is the standard
//! library's stable order exactly (equal elements keep their order); the lists sorted this way
//! are short (names, rules, cookies), so the extra pass costs nothing a learner could see.

use std::cmp::Ordering;

/// Sort `v` stably by `cmp` (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(&order, &mut |a, b| v.swap(a, b));
}

/// Sort `v` stably in its natural order (as `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sort `v` stably by a key (as `slice::sort_by_key`: the key is computed per comparison).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..len` in the stable order `cmp` gives them.
fn stable_order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Move the elements so that position `k` holds what was at `order[k]`, by swaps: each cycle of
/// the permutation is followed once from its smallest position.
fn permute(order: &[usize], swap: &mut dyn FnMut(usize, usize)) {
    let mut done = vec![false; order.len()];
    for start in 0..order.len() {
        let mut k = start;
        while !done[k] {
            done[k] = true;
            let from = order[k];
            if from == start {
                break;
            }
            // Position `from` still holds its original element: only `start` (now holding
            // what `k` had) and the positions already filled were moved.
            swap(k, from);
            k = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the comparison with the standard sort covers many
    /// lists with ties without a crate.
    fn lists() -> Vec<Vec<(u8, usize)>> {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut out = vec![vec![]];
        for len in 1..60 {
            for _ in 0..20 {
                let list = (0..len)
                    .map(|i| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        ((x % 5) as u8, i)
                    })
                    .collect();
                out.push(list);
            }
        }
        out
    }

    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        for list in lists() {
            let mut ours = list.clone();
            let mut std_sorted = list.clone();
            sort_by_key(&mut ours, |e| e.0);
            std_sorted.sort_by_key(|e| e.0);
            assert_eq!(ours, std_sorted, "by key, from {list:?}");

            let mut ours = list.clone();
            let mut std_sorted = list.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            std_sorted.sort_by_key(|e| std::cmp::Reverse(e.0));
            assert_eq!(ours, std_sorted, "reversed, from {list:?}");

            let mut ours = list.clone();
            let mut std_sorted = list;
            sort(&mut ours);
            std_sorted.sort();
            assert_eq!(ours, std_sorted);
        }
    }

    #[test]
    fn moves_owned_elements_without_losing_any() {
        let mut names: Vec<String> = ["b", "a", "c", "a", "b"].map(String::from).to_vec();
        sort(&mut names);
        assert_eq!(names, ["a", "a", "b", "b", "c"]);
    }
}
