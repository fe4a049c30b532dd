//! What the page's address asks for after `#`: a share link (`v2.…`), a lesson published at a
//! URL (`lesson=URL`, or a share link whose lesson is at a URL), and `embed` (the compact
//! layout for an iframe, which never touches the learner's saved work). Options come first,
//! separated by `&`; `lesson=` takes the rest of the fragment, so its URL may hold `&`.

use crate::scenario::link_lesson::check_url;
use crate::scenario::share::{SHARE_VERSION, SharedState, decode};

/// What to open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opening {
    /// A share link payload (opened by the reducer, which explains a damaged one).
    Link(String),
    /// A shared state whose lesson must be fetched from its `lesson_url` first.
    Fetch(Box<SharedState>),
    /// Nothing to open (only options).
    Nothing,
    /// A `lesson=` address that cannot be used: why.
    BadAddress(String),
}

/// The address's request: what to open, and whether the page is embedded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fragment {
    /// `embed` was given.
    pub embed: bool,
    /// What to open.
    pub opening: Opening,
}

/// Reads the fragment (without or with its `#`).
///
/// ```
/// use session_playground::ui::fragment::{read_fragment, Opening};
/// let read = read_fragment("#embed&lesson=/lessons/mine.json?a=1&b=2");
/// assert!(read.embed);
/// let Opening::Fetch(shared) = read.opening else { panic!() };
/// assert_eq!(shared.lesson_url.as_deref(), Some("/lessons/mine.json?a=1&b=2"));
/// assert_eq!(read_fragment("v2.N4Ig").opening, Opening::Link("v2.N4Ig".into()));
/// assert!(matches!(read_fragment("lesson=javascript:alert(1)").opening, Opening::BadAddress(_)));
/// ```
pub fn read_fragment(fragment: &str) -> Fragment {
    let mut rest = fragment.trim().trim_start_matches('#');
    let mut embed = false;
    loop {
        if let Some(url) = rest.strip_prefix("lesson=") {
            let url = percent_decode(url);
            let opening = match check_url(&url) {
                Ok(()) => Opening::Fetch(Box::new(SharedState {
                    version: SHARE_VERSION,
                    lesson_url: Some(url),
                    ..SharedState::default()
                })),
                Err(why) => Opening::BadAddress(format!(
                    "This lesson link cannot be opened: {why}. Your current work has not been changed."
                )),
            };
            return Fragment { embed, opening };
        }
        let (part, after) = rest.split_once('&').unwrap_or((rest, ""));
        if part == "embed" {
            embed = true;
            rest = after;
            continue;
        }
        let opening = if rest.is_empty() {
            Opening::Nothing
        } else {
            match decode(rest) {
                Ok(shared) if shared.lesson_url.is_some() && shared.lesson_file.is_none() => {
                    Opening::Fetch(Box::new(shared))
                }
                _ => Opening::Link(rest.to_string()),
            }
        };
        return Fragment { embed, opening };
    }
}

/// Whether the page's address asks for the embedded layout (read without consuming it).
pub fn address_is_embed() -> bool {
    let hash = web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default();
    read_fragment(&hash).embed
}

/// `%XX` escapes decoded (a URL pasted into an address may have them); bad escapes stay as
/// they are.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((high * 16 + low) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_are_read_without_panics() {
        assert_eq!(read_fragment("").opening, Opening::Nothing);
        assert_eq!(
            read_fragment("#embed"),
            Fragment {
                embed: true,
                opening: Opening::Nothing
            }
        );
        assert_eq!(
            read_fragment("embed&v2.abc").opening,
            Opening::Link("v2.abc".into())
        );
        let Opening::Fetch(shared) = read_fragment("lesson=%2Flessons%2Fx.json").opening else {
            panic!()
        };
        assert_eq!(shared.lesson_url.as_deref(), Some("/lessons/x.json"));
        for odd in [
            "%",
            "lesson=%",
            "lesson=%zz",
            "lesson=",
            "&&&",
            "embed&embed&",
            "lesson=a b",
        ] {
            let _ = read_fragment(odd);
        }
        assert!(matches!(
            read_fragment("lesson=").opening,
            Opening::BadAddress(_)
        ));
    }
}
