//! A stand-in for the `unicode-normalization` crate, which ruff's parser uses for one thing: to
//! NFKC-normalize identifiers that are not ASCII, as CPython does (`ｐｒｉｎｔ` is `print`, `ﬁle`
//! is `file`). The real crate carries every Unicode normalization table — 63 kB of the page,
//! gzipped, measured — for names Flask apps almost never contain.
//!
//! This one maps each character the way NFKC maps it *on its own*, from a table of the
//! characters that can appear in an identifier (`src/table.rs`, generated from CPython 3.11's
//! `unicodedata` by `generate.py`). The deliberate difference: a base letter followed by a
//! combining mark (`e` + U+0301) is not composed into one character (`é`), so such a name and
//! its precomposed spelling are two names here and one in CPython. Keyboards type the
//! precomposed form. ASCII text passes through unchanged, at no cost. The conformance case
//! `literals_and_numbers/unicode_identifiers_nfkc.py` checks the mapping against CPython.

mod table;

/// The one method of the real crate's trait the parser calls.
pub trait UnicodeNormalization<I: Iterator<Item = char>> {
    /// The characters of `self` in (per-character) NFKC.
    fn nfkc(self) -> Nfkc<I>;
}

impl<'a> UnicodeNormalization<std::str::Chars<'a>> for &'a str {
    fn nfkc(self) -> Nfkc<std::str::Chars<'a>> {
        Nfkc { chars: self.chars(), pending: "".chars() }
    }
}

/// The iterator [`UnicodeNormalization::nfkc`] returns.
pub struct Nfkc<I> {
    chars: I,
    pending: std::str::Chars<'static>,
}

impl<I: Iterator<Item = char>> Iterator for Nfkc<I> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        if let Some(c) = self.pending.next() {
            return Some(c);
        }
        let c = self.chars.next()?;
        if c.is_ascii() {
            return Some(c);
        }
        let code = u32::from(c);
        if let Ok(index) = table::MULTI.binary_search_by_key(&code, |(from, _)| *from) {
            self.pending = table::MULTI[index].1.chars();
            return self.pending.next();
        }
        let run = table::RUNS.partition_point(|(first, _, _)| *first <= code);
        if let Some(&(first, len, to)) = run.checked_sub(1).and_then(|index| table::RUNS.get(index)) {
            if code < first + u32::from(len) {
                return char::from_u32(to + (code - first));
            }
        }
        Some(c)
    }
}
