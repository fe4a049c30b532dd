//! Lessons that travel in links: a teacher's own lesson file carried whole in a share link, or
//! named by the URL where it is published. Every link is hostile input: the file is bounded in
//! size and in what it asks the page to do, then validated by the lesson parser like any other;
//! every failure is a sentence for the learner, nothing panics.

use crate::scenario::builtin::builtin_lesson;
use crate::scenario::lesson::{Lesson, parse_lesson};
use crate::scenario::share::SharedState;

/// The largest lesson file a link may carry or point to, in bytes of JSON.
pub const MAX_LESSON_FILE_BYTES: usize = 128 * 1024;

/// The most steps (scripted, solution, quiz, each) a lesson from a link may have.
pub const MAX_LESSON_STEPS: usize = 200;

/// The most goals a lesson from a link may have.
pub const MAX_LESSON_GOALS: usize = 50;

/// The longest lesson URL accepted.
pub const MAX_URL_CHARS: usize = 2048;

/// A lesson a link brought, and where it says it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkLesson {
    /// The lesson, validated.
    pub lesson: Lesson,
    /// The file as the link carried it (carried on when the work is shared again).
    pub file: serde_json::Value,
    /// The URL it was fetched from, if any.
    pub url: Option<String>,
}

impl LinkLesson {
    /// Where the learner is told the lesson comes from: the URL's host, or "a link".
    ///
    /// ```
    /// use session_playground::scenario::link_lesson::source_label;
    /// assert_eq!(source_label(Some("https://school.example/l/x.json")), "school.example");
    /// assert_eq!(source_label(Some("/lessons/x.json")), "this site");
    /// assert_eq!(source_label(None), "a link");
    /// ```
    pub fn source(&self) -> String {
        source_label(self.url.as_deref())
    }
}

/// See [`LinkLesson::source`].
pub fn source_label(url: Option<&str>) -> String {
    match url {
        None => "a link".into(),
        Some(url) => match url.split_once("://") {
            Some((_, rest)) => rest
                .split(['/', '?', '#'])
                .next()
                .unwrap_or(rest)
                .rsplit('@')
                .next()
                .unwrap_or(rest)
                .to_string(),
            None => "this site".into(),
        },
    }
}

/// Reads a lesson file that came with a link (carried, or fetched from `url`).
///
/// ```
/// use session_playground::scenario::link_lesson::read_lesson_file;
/// let file = r#"{"version": 2, "id": "mine", "code": "", "lesson": {"title": "T", "question": "Q"}}"#;
/// assert_eq!(read_lesson_file(file, None).unwrap().lesson.id, "mine");
/// let error = read_lesson_file(r#"{"version": 2, "id": "mine"}"#, None).unwrap_err();
/// assert!(error.starts_with("its lesson file is not valid"), "{error}");
/// ```
pub fn read_lesson_file(text: &str, url: Option<&str>) -> Result<LinkLesson, String> {
    if text.len() > MAX_LESSON_FILE_BYTES {
        return Err(format!(
            "its lesson file is too large ({} bytes; the limit is {MAX_LESSON_FILE_BYTES})",
            text.len()
        ));
    }
    let file: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("its lesson file is not JSON ({e})"))?;
    lesson_from_value(file, url)
}

/// Reads the lesson a link carries as JSON.
pub fn lesson_from_value(file: serde_json::Value, url: Option<&str>) -> Result<LinkLesson, String> {
    let text = file.to_string();
    if text.len() > MAX_LESSON_FILE_BYTES {
        return Err(format!(
            "its lesson file is too large ({} bytes; the limit is {MAX_LESSON_FILE_BYTES})",
            text.len()
        ));
    }
    let lesson = parse_lesson(&text).map_err(|e| format!("its lesson file is not valid: {e}"))?;
    if lesson.version != 2 {
        return Err("its lesson file is a version 1 scenario, not a lesson".into());
    }
    let longest = [
        lesson.steps.len(),
        lesson.solution.len(),
        lesson.quiz.as_ref().map_or(0, |quiz| quiz.steps.len()),
    ];
    if longest.iter().any(|count| *count > MAX_LESSON_STEPS) {
        return Err(format!("its lesson has more than {MAX_LESSON_STEPS} steps"));
    }
    if lesson.goals.len() > MAX_LESSON_GOALS {
        return Err(format!("its lesson has more than {MAX_LESSON_GOALS} goals"));
    }
    if lesson.settings.profiles.len() > 8 {
        return Err("its lesson has more than 8 browsers".into());
    }
    if let Some(url) = url {
        check_url(url)?;
    }
    Ok(LinkLesson {
        lesson,
        file,
        url: url.map(str::to_string),
    })
}

/// Whether `url` may be fetched for a lesson: an `http(s)` URL or a path, no spaces or control
/// characters, not too long. (The page's Content-Security-Policy then allows only its own site.)
///
/// ```
/// use session_playground::scenario::link_lesson::check_url;
/// assert!(check_url("https://school.example/lessons/mine.json").is_ok());
/// assert!(check_url("lessons/mine.json").is_ok());
/// assert!(check_url("javascript:alert(1)").is_err());
/// assert!(check_url("data:application/json,{}").is_err());
/// ```
pub fn check_url(url: &str) -> Result<(), String> {
    if url.is_empty()
        || url.len() > MAX_URL_CHARS
        || url.chars().any(|c| c.is_control() || c.is_whitespace())
    {
        return Err("its lesson address is not a usable URL".into());
    }
    let lower = url.to_ascii_lowercase();
    let scheme = lower
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .filter(|scheme| !scheme.contains('/'));
    match scheme {
        None | Some("http" | "https") => Ok(()),
        Some(other) => Err(format!(
            "its lesson address uses {other}:, not http or https"
        )),
    }
}

/// The lesson `shared` belongs to: the file it carries, else a built-in lesson by id; `None`
/// for work outside any lesson. A link that names a URL it has not fetched has no lesson yet.
pub fn lesson_of(shared: &SharedState) -> Result<Option<(Lesson, Option<LinkLesson>)>, String> {
    if let Some(file) = &shared.lesson_file {
        let link = lesson_from_value(file.clone(), shared.lesson_url.as_deref())?;
        if shared
            .lesson
            .as_deref()
            .is_some_and(|id| id != link.lesson.id)
        {
            return Err(format!(
                "it names the lesson {:?} but carries {:?}",
                shared.lesson.as_deref().unwrap_or_default(),
                link.lesson.id
            ));
        }
        return Ok(Some((link.lesson.clone(), Some(link))));
    }
    if let Some(url) = &shared.lesson_url {
        return Err(format!("its lesson at {url} was not fetched"));
    }
    match shared.lesson.as_deref() {
        None => Ok(None),
        Some(id) => match builtin_lesson(id) {
            Some(Ok(lesson)) => Ok(Some((lesson, None))),
            Some(Err(error)) => Err(format!("its lesson {id:?} cannot be read ({error})")),
            None => Err(format!(
                "it names a lesson this playground does not have ({id:?})"
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_lesson_files_are_refused_with_a_reason() {
        let big = format!(
            r#"{{"version": 2, "id": "x", "code": "{}", "lesson": {{"title": "T", "question": "Q"}}}}"#,
            "a".repeat(MAX_LESSON_FILE_BYTES)
        );
        assert!(
            read_lesson_file(&big, None)
                .unwrap_err()
                .contains("too large")
        );
        let steps = vec![r#"{"request": "GET /"}"#; MAX_LESSON_STEPS + 1].join(",");
        let long = format!(
            r#"{{"version": 2, "id": "x", "code": "", "lesson": {{"title": "T", "question": "Q"}}, "steps": [{steps}]}}"#
        );
        assert!(read_lesson_file(&long, None).unwrap_err().contains("steps"));
        for bad in [
            "",
            "[]",
            "{",
            r#"{"version": 1, "code": "", "steps": []}"#,
            r#"{"version": 2, "id": "../x", "code": "", "lesson": {"title": "T", "question": "Q"}}"#,
        ] {
            assert!(read_lesson_file(bad, None).is_err(), "{bad}");
        }
        let shared = SharedState {
            version: 2,
            lesson: Some("other".into()),
            lesson_file: Some(
                serde_json::json!({"version": 2, "id": "x", "code": "", "lesson": {"title": "T", "question": "Q"}}),
            ),
            ..SharedState::default()
        };
        assert!(lesson_of(&shared).unwrap_err().contains("carries"));
        let unfetched = SharedState {
            version: 2,
            lesson_url: Some("/l.json".into()),
            ..SharedState::default()
        };
        assert!(lesson_of(&unfetched).unwrap_err().contains("not fetched"));
    }
}
