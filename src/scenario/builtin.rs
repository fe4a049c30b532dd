//! The built-in lessons: JSON files under `lessons/` at the repository root, embedded at build
//! time. The first five are the five quiz questions the project started from, each
//! turned into an experiment; the rest cover the traps people meet next.

use crate::scenario::lesson::{Lesson, parse_lesson};
use crate::scenario::parse::Malformed;

/// A built-in lesson's file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuiltinLesson {
    /// The lesson id (also the file's `id`).
    pub id: &'static str,
    /// The file name under `lessons/`.
    pub file: &'static str,
    /// The file's text.
    pub source: &'static str,
}

// Natively (tests, `check`) a lesson is its file as written; the page embeds the copy build.rs
// makes without the evidence only tests read (claims, shortcuts, alternatives).
#[cfg(not(target_arch = "wasm32"))]
macro_rules! lesson {
    ($id:literal, $file:literal) => {
        BuiltinLesson {
            id: $id,
            file: $file,
            source: include_str!(concat!("../../lessons/", $file)),
        }
    };
}
#[cfg(target_arch = "wasm32")]
macro_rules! lesson {
    ($id:literal, $file:literal) => {
        BuiltinLesson {
            id: $id,
            file: $file,
            source: include_str!(concat!(env!("OUT_DIR"), "/lessons/", $file)),
        }
    };
}

/// Every built-in lesson, in the order the page lists them.
pub const BUILTIN_LESSONS: &[BuiltinLesson] = &[
    lesson!("server-authority", "01-server-authority.json"),
    lesson!("close-browser", "02-close-browser.json"),
    lesson!("set-username", "03-set-username.json"),
    lesson!("count", "04-count.json"),
    lesson!("outside-request", "05-outside-request.json"),
    lesson!("permanent-lifetime", "06-permanent-lifetime.json"),
    lesson!("nested-mutation", "07-nested-mutation.json"),
    lesson!("logout", "08-logout.json"),
    lesson!("hijack", "09-hijack.json"),
    lesson!("weak-secret", "10-weak-secret.json"),
    lesson!("cookie-limit", "11-cookie-limit.json"),
    lesson!("flash", "12-flash.json"),
    lesson!("revoke", "13-revoke.json"),
    lesson!("key-rotation", "14-key-rotation.json"),
    lesson!("readable-session", "15-readable-session.json"),
    lesson!("idle-timeout", "16-idle-timeout.json"),
    lesson!("csrf-samesite", "17-csrf-samesite.json"),
    lesson!("session-fixation", "18-session-fixation.json"),
    lesson!("subdomains", "19-subdomains.json"),
    lesson!("httponly-script", "20-httponly-script.json"),
];

/// The built-in lesson `id`, parsed.
///
/// ```
/// use session_playground::scenario::builtin::builtin_lesson;
/// let lesson = builtin_lesson("count").unwrap().unwrap();
/// assert_eq!(lesson.id, "count");
/// assert!(builtin_lesson("no-such-lesson").is_none());
/// ```
pub fn builtin_lesson(id: &str) -> Option<Result<Lesson, Malformed>> {
    BUILTIN_LESSONS
        .iter()
        .find(|lesson| lesson.id == id)
        .map(|lesson| parse_lesson(lesson.source))
}

/// What the lesson list shows of a built-in lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CatalogueEntry {
    /// The lesson id.
    pub id: &'static str,
    /// The lesson's title.
    pub title: &'static str,
    /// Its goals' ids, in order (for "solved" marks).
    pub goals: &'static [&'static str],
}

/// `(file, id, title, goal ids)` of each lesson file, read by build.rs: the page's first render
/// lists the lessons without parsing any (parsing all of them took about 45 ms in the browser).
mod generated {
    include!(concat!(env!("OUT_DIR"), "/lesson_catalogue.rs"));
}

/// The built-in lessons as the lesson list shows them, in [`BUILTIN_LESSONS`] order.
pub fn catalogue() -> impl Iterator<Item = CatalogueEntry> {
    BUILTIN_LESSONS.iter().filter_map(|lesson| {
        generated::CATALOGUE
            .iter()
            .find(|(file, ..)| *file == lesson.file)
            .map(|&(_, id, title, goals)| CatalogueEntry { id, title, goals })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The build-time list says what parsing each lesson says, for every built-in lesson.
    #[test]
    fn the_catalogue_matches_the_parsed_lessons() {
        let listed: Vec<CatalogueEntry> = catalogue().collect();
        assert_eq!(listed.len(), BUILTIN_LESSONS.len());
        for (entry, file) in listed.iter().zip(BUILTIN_LESSONS) {
            let lesson = parse_lesson(file.source).expect("a built-in lesson parses");
            assert_eq!(entry.id, lesson.id);
            assert_eq!(entry.title, lesson.text.title);
            let goals: Vec<&str> = lesson.goals.iter().map(|goal| goal.id.as_str()).collect();
            assert_eq!(entry.goals, goals.as_slice());
        }
    }
}
