//! Share links: the input state (code, settings, lesson id, the learner's actions — never the
//! derived jars and pages) as compact JSON, compressed in lz-string's URI-safe alphabet and
//! prefixed with the link format's version: `v1.N4Ig...`. Opening a link replays the actions,
//! which rebuilds every byte of the state (the playground is deterministic).
//!
//! Compression uses the `lz-str` crate (the JavaScript lz-string's format, so a link can be
//! inspected with the usual tools). Decompression is written here instead: lz-string's
//! dictionary lets a 64 KB link expand quadratically (to gigabytes), so this decoder keeps its
//! dictionary as (prefix, last unit) pairs and stops at [`MAX_DECODED_UNITS`].
//!
//! Every failure is a [`ShareError`] whose `Display` is the message the learner reads.

use serde::{Deserialize, Serialize};

use crate::scenario::action::Step;
use crate::scenario::lesson::Settings;

/// The share format this build writes, and the newest it reads. Version 2 added the learner's
/// quiz answer and "solution shown" (progress itself is never carried: it is recomputed by
/// replaying the actions) and the hand-in fields; version 1 links still open.
pub const SHARE_VERSION: u32 = 2;

/// The longest link payload accepted, in characters (64 KB).
pub const MAX_LINK_CHARS: usize = 64 * 1024;

/// The most UTF-16 units a link may expand to (about 1 MB of JSON).
pub const MAX_DECODED_UNITS: usize = 1 << 20;

const URI_ALPHABET: &[u8; 65] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";

/// What a share link carries.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedState {
    /// The format version ([`SHARE_VERSION`]).
    #[serde(rename = "v")]
    pub version: u32,
    /// The lesson the work belongs to, if any.
    #[serde(rename = "l", default, skip_serializing_if = "Option::is_none")]
    pub lesson: Option<String>,
    /// The code at the start; `None` means the lesson's own code (keeps lesson links short).
    #[serde(rename = "c", default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The project's files beside `app.py` at the start (templates, static, data); `None`
    /// means the lesson's own (none for the playground), so a link without files is as short
    /// as before. Checked by [`decode`] like any file from outside.
    #[serde(rename = "fs", default, skip_serializing_if = "Option::is_none")]
    pub files: Option<std::collections::BTreeMap<String, String>>,
    /// The settings at the start; `None` means the lesson's own (or the defaults).
    #[serde(rename = "s", default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Settings>,
    /// Every action since the start, oldest first (code edits included).
    #[serde(rename = "a", default)]
    pub actions: Vec<Step>,
    /// The quiz option the learner picked last, if any (v2). Whether it is right is decided by
    /// the lesson, not by the link.
    #[serde(rename = "q", default, skip_serializing_if = "Option::is_none")]
    pub quiz_answer: Option<usize>,
    /// "Show solution" was pressed when this many actions had been played (v2); replaying the
    /// link presses it at the same point, so "solved before the solution" is recomputed too.
    #[serde(rename = "ss", default, skip_serializing_if = "Option::is_none")]
    pub solution_shown_at: Option<usize>,
    /// The learner's predictions (predict, then see), each as (prediction id, option picked,
    /// actions played when it was picked); replaying the link makes each at the same point, so
    /// what the learner saw after it is recomputed, never read from the link.
    #[serde(rename = "p", default, skip_serializing_if = "Vec::is_empty")]
    pub predictions: Vec<(String, usize, usize)>,
    /// The name the learner typed when handing the work in (v2).
    #[serde(rename = "n", default, skip_serializing_if = "Option::is_none")]
    pub handed_in_by: Option<String>,
    /// When the work was handed in, in whole seconds since 1970 (UTC), as the learner's page
    /// read its clock (v2): shown to the teacher, covered by the completion code's digest.
    #[serde(rename = "t", default, skip_serializing_if = "Option::is_none")]
    pub handed_in_at: Option<i64>,
    /// The completion code the page computed when the work was handed in (v2): `verify`
    /// recomputes it from the rest of the link and flags a link whose code disagrees.
    #[serde(rename = "h", default, skip_serializing_if = "Option::is_none")]
    pub hand_in_code: Option<String>,
    /// A whole lesson file (v2 JSON: text, hints, quiz, goals, steps), for a lesson that is not
    /// built in — a teacher's own. Validated like any lesson file when the link is opened.
    #[serde(rename = "f", default, skip_serializing_if = "Option::is_none")]
    pub lesson_file: Option<serde_json::Value>,
    /// Where the lesson file is published (a URL on the page's own site): a link may carry only
    /// this, and the page fetches the file; once fetched, `lesson_file` holds it too.
    #[serde(rename = "u", default, skip_serializing_if = "Option::is_none")]
    pub lesson_url: Option<String>,
}

impl SharedState {
    /// Whether every project the state passes through is one the playground may hold: its
    /// files at the start, then after each `edit_files` step (see
    /// [`crate::flask::project::check_files`]); `Err` says which file and why. Links and saved
    /// work come from outside, so both are checked before anything is replayed.
    pub fn check_files(&self) -> Result<(), String> {
        use crate::flask::project::{ProjectFiles, check_files};
        use crate::scenario::action::Action;
        let mut files = ProjectFiles::new(self.files.clone().unwrap_or_default());
        check_files(files.iter())?;
        for step in &self.actions {
            if let Action::EditFiles(changes) = &step.action {
                files = files.with_changes(changes);
                check_files(files.iter())?;
            }
        }
        Ok(())
    }
}

/// Why a link could not be opened; `Display` is the learner's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The link carries nothing.
    Empty,
    /// Characters or content that no share link contains (the text says what, for the console;
    /// the learner's message does not show it).
    Malformed(String),
    /// The link ends too early (cut off when copied).
    Truncated,
    /// Longer than [`MAX_LINK_CHARS`], or expands beyond [`MAX_DECODED_UNITS`].
    Oversized {
        /// Its length in characters (or the expanded length).
        size: usize,
    },
    /// Carries project files the playground cannot hold (a bad path, too many, too big).
    BadFiles(String),
    /// Made by a newer playground.
    FutureVersion {
        /// The link's version.
        version: u32,
    },
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kept = "Your current work has not been changed.";
        match self {
            ShareError::Empty => write!(f, "This share link is empty. {kept}"),
            ShareError::Malformed(_) => {
                write!(f, "This share link is damaged and cannot be opened. {kept}")
            }
            ShareError::Truncated => write!(
                f,
                "This share link is incomplete: it was probably cut off when it was copied. {kept}"
            ),
            ShareError::Oversized { size } => {
                write!(
                    f,
                    "This share link is too large to open ({size} characters; the limit is {MAX_LINK_CHARS}). {kept}"
                )
            }
            ShareError::BadFiles(why) => {
                write!(f, "This share link cannot be opened: {why}. {kept}")
            }
            ShareError::FutureVersion { version } => write!(
                f,
                "This share link was made by a newer version of the playground (link format {version}; this one reads up to {SHARE_VERSION}). {kept}"
            ),
        }
    }
}

impl std::error::Error for ShareError {}

/// The link payload for `state` (what goes after `#` in the URL).
///
/// ```
/// use session_playground::scenario::share::{decode, encode, SharedState, SHARE_VERSION};
/// use session_playground::scenario::action::get;
/// let state = SharedState { version: SHARE_VERSION, lesson: Some("count".into()),
///     actions: vec![get("/count"), get("/count")], quiz_answer: Some(1), ..SharedState::default() };
/// let link = encode(&state);
/// assert!(link.starts_with("v2."));
/// assert_eq!(decode(&link), Ok(state));
/// ```
pub fn encode(state: &SharedState) -> String {
    // Serializing plain data with string keys cannot fail.
    let json = serde_json::to_string(state).unwrap_or_default();
    format!(
        "v{SHARE_VERSION}.{}",
        lz_str::compress_to_encoded_uri_component(json.as_str())
    )
}

/// Reads a link payload (a leading `#` is ignored).
///
/// ```
/// use session_playground::scenario::share::{decode, ShareError};
/// assert_eq!(decode("v9.N4Ig"), Err(ShareError::FutureVersion { version: 9 }));
/// assert!(matches!(decode("hello"), Err(ShareError::Malformed(_))));
/// ```
pub fn decode(link: &str) -> Result<SharedState, ShareError> {
    let link = link.trim().trim_start_matches('#');
    if link.is_empty() {
        return Err(ShareError::Empty);
    }
    if link.len() > MAX_LINK_CHARS {
        return Err(ShareError::Oversized {
            size: link.chars().count(),
        });
    }
    let Some((version, payload)) = link.split_once('.') else {
        return Err(ShareError::Malformed("no version mark".into()));
    };
    let version: u32 = version
        .strip_prefix('v')
        .and_then(|digits| digits.parse().ok())
        .ok_or_else(|| ShareError::Malformed("no version mark".into()))?;
    if version > SHARE_VERSION {
        return Err(ShareError::FutureVersion { version });
    }
    if version == 0 {
        return Err(ShareError::Malformed("version 0".into()));
    }
    if payload.is_empty() {
        return Err(ShareError::Truncated);
    }
    let units = decompress_uri(payload)?;
    let json = String::from_utf16(&units).map_err(|_| ShareError::Malformed("not text".into()))?;
    let state: SharedState = serde_json::from_str(&json).map_err(|e| {
        if e.is_eof() {
            ShareError::Truncated
        } else {
            ShareError::Malformed(e.to_string())
        }
    })?;
    if state.version != version {
        return Err(ShareError::Malformed("the version marks disagree".into()));
    }
    state.check_files().map_err(ShareError::BadFiles)?;
    Ok(state)
}

/// Bits read from lz-string's URI-safe characters (6 bits each, most significant first).
struct Bits<'a> {
    chars: std::slice::Iter<'a, u8>,
    value: u8,
    mask: u8,
}

impl Bits<'_> {
    fn read(&mut self, count: u32) -> Result<u32, ShareError> {
        let mut result = 0u32;
        for power in 0..count {
            if self.mask == 0 {
                let c = *self.chars.next().ok_or(ShareError::Truncated)?;
                // Some mail clients turn `+` into a space.
                let c = if c == b' ' { b'+' } else { c };
                let index = URI_ALPHABET.iter().position(|k| *k == c).ok_or_else(|| {
                    ShareError::Malformed("a character no share link contains".into())
                })?;
                self.value = index as u8;
                self.mask = 1 << 5;
            }
            if self.value & self.mask != 0 {
                result |= 1 << power;
            }
            self.mask >>= 1;
        }
        Ok(result)
    }
}

/// lz-string's `decompressFromEncodedURIComponent`, bounded in memory and output.
fn decompress_uri(payload: &str) -> Result<Vec<u16>, ShareError> {
    let mut bits = Bits {
        chars: payload.as_bytes().iter(),
        value: 0,
        mask: 0,
    };
    // Entry i is (prefix entry, last unit); codes 0..=2 are the control codes.
    let mut dictionary: Vec<(Option<u32>, u16)> = vec![(None, 0), (None, 0), (None, 0)];
    let literal = |bits: &mut Bits, kind: u32| -> Result<u16, ShareError> {
        Ok(bits.read(if kind == 0 { 8 } else { 16 })? as u16)
    };
    let first = match bits.read(2)? {
        kind @ (0 | 1) => literal(&mut bits, kind)?,
        2 => return Ok(Vec::new()),
        _ => return Err(ShareError::Malformed("bad start".into())),
    };
    dictionary.push((None, first));
    let mut output = vec![first];
    let mut previous: u32 = 3;
    let mut enlarge_in: u64 = 4;
    let mut num_bits: u32 = 3;
    let mut entry: Vec<u16> = Vec::new();
    loop {
        let mut code = bits.read(num_bits)?;
        match code {
            0 | 1 => {
                let unit = literal(&mut bits, code)?;
                dictionary.push((None, unit));
                code = (dictionary.len() - 1) as u32;
                enlarge_in -= 1;
            }
            2 => return Ok(output),
            _ => {}
        }
        if enlarge_in == 0 {
            enlarge_in = 1 << num_bits;
            num_bits += 1;
        }
        let code_index = code as usize;
        let previous_entry = spell(&dictionary, previous);
        entry.clear();
        if code_index < dictionary.len() && code_index > 2 {
            entry.extend(spell(&dictionary, code));
        } else if code_index == dictionary.len() {
            // The cScSc case: the entry being defined is the previous one plus its first unit.
            entry.extend(&previous_entry);
            entry.push(previous_entry[0]);
        } else {
            return Err(ShareError::Malformed("bad code".into()));
        }
        if output.len() + entry.len() > MAX_DECODED_UNITS {
            return Err(ShareError::Oversized {
                size: output.len() + entry.len(),
            });
        }
        output.extend(&entry);
        dictionary.push((Some(previous), entry[0]));
        enlarge_in -= 1;
        previous = code;
        if enlarge_in == 0 {
            enlarge_in = 1 << num_bits;
            num_bits += 1;
        }
        if num_bits > 24 {
            return Err(ShareError::Malformed("dictionary too large".into()));
        }
    }
}

/// The units of dictionary entry `code`, following prefixes back to a literal.
fn spell(dictionary: &[(Option<u32>, u16)], code: u32) -> Vec<u16> {
    let mut units = Vec::new();
    let mut at = Some(code);
    while let Some(index) = at {
        let Some(&(prefix, unit)) = dictionary.get(index as usize) else {
            break;
        };
        units.push(unit);
        at = prefix;
    }
    units.reverse();
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        *seed >> 33
    }

    #[test]
    fn the_bounded_decoder_reads_what_lz_str_writes() {
        let mut seed = 7u64;
        for round in 0..300 {
            let len = (lcg(&mut seed) % 400) as usize;
            let text: String = (0..len)
                .map(|_| match lcg(&mut seed) % 10 {
                    0 => char::from_u32(0x80 + (lcg(&mut seed) % 0x2000) as u32).unwrap_or('é'),
                    1 => '🍪',
                    _ => (b'a' + (lcg(&mut seed) % (3 + round % 20) as u64) as u8) as char,
                })
                .collect();
            let packed = lz_str::compress_to_encoded_uri_component(text.as_str());
            let units = decompress_uri(&packed).unwrap();
            assert_eq!(String::from_utf16(&units).unwrap(), text, "round {round}");
        }
    }

    #[test]
    fn a_runaway_link_stops_at_the_output_cap() {
        let text = "a".repeat(MAX_DECODED_UNITS + 10);
        let packed = lz_str::compress_to_encoded_uri_component(text.as_str());
        assert!(packed.len() < MAX_LINK_CHARS);
        assert!(matches!(
            decompress_uri(&packed),
            Err(ShareError::Oversized { .. })
        ));
    }
}
