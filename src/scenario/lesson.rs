//! The lesson file (scenario version 2): a superset of the scenario-v1 contract. A v1 file is
//! read by the v1 parser unchanged and becomes a lesson without text or goals; a v2 file adds
//! an id, settings, the lesson text (Markdown), an optional quiz, scripted steps with
//! explanations, a solution and goals. `schema/lesson-v2.schema.json` documents the same shape.
//!
//! ```json
//! {
//!   "version": 2, "id": "count", "code": "...", "clock": "2026-01-01T00:00:00Z",
//!   "settings": {"secret_key": "shown", "session_mode": "signed", "profiles": ["Alice", "Bob"]},
//!   "lesson": {"title": "...", "question": "...", "hint": "...", "explanation": "..."},
//!   "quiz": {...}, "steps": [...], "solution": [...], "goals": [...]
//! }
//! ```
//!
//! Errors are [`Malformed`] values naming the place (`goals[2]`, `steps[0].request`) and the
//! problem, like the v1 parser's.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::scenario::action::{SessionMode, Step};
use crate::scenario::goal::Goal;
use crate::scenario::parse::{self, DEFAULT_CLOCK, Malformed, SiteSpec, bad, check_sites};
pub use crate::scenario::predict::{PredictOption, Prediction};

/// The newest lesson file version this build reads.
pub const LESSON_VERSION: u32 = 2;

/// The profiles a v2 lesson starts with unless it names its own (the page's two browsers).
pub const DEFAULT_PROFILES: [&str; 2] = ["Alice", "Bob"];

/// A lesson (or a plain v1 scenario read as one).
#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    /// The file's version (1 or 2).
    pub version: u32,
    /// A stable id, e.g. `count` (empty for a v1 scenario).
    pub id: String,
    /// The app's source at the start.
    pub code: String,
    /// The project's other files at the start (templates, static, data), by path. Plain data
    /// (a lesson crosses threads in the checks); a workspace or player shares it as
    /// [`crate::flask::project::ProjectFiles`].
    pub files: BTreeMap<String, String>,
    /// The starting settings.
    pub settings: Settings,
    /// Title, question, hint and explanation (Markdown).
    pub text: LessonText,
    /// A quiz, if the lesson asks one.
    pub quiz: Option<Quiz>,
    /// The scripted steps, played one by one with "▶ next step".
    pub steps: Vec<Step>,
    /// Steps that reach every goal (by default the scripted steps).
    pub solution: Vec<Step>,
    /// What the learner should reach.
    pub goals: Vec<Goal>,
    /// The lesson's factual statements, each with an experiment that shows it.
    pub claims: Vec<Claim>,
    /// Known ways to tick goals without doing the experiment: each must not meet its goals.
    pub shortcuts: Vec<Probe>,
    /// Other correct solutions: each must meet its goals.
    pub alternatives: Vec<Probe>,
    /// Questions asked before chosen scripted steps: predict, then see.
    pub predictions: Vec<Prediction>,
    /// Statements about what the browser does, each backed by cases recorded from Chromium.
    pub browser_claims: Vec<BrowserClaim>,
}

/// A statement about the browser (not the server), backed by cases recorded from real Chromium
/// in `tests/browser_layer/chromium/` (`cases.json`, `sites.json`, `script_view.json`): in each,
/// the cookies named `sent` were in the `Cookie` header Chromium sent and those named `not_sent`
/// were not; in a `script_view.json` case the header is the one the page's script sent, and
/// `read`/`not_read` name cookies its `document.cookie` held or did not. The lesson tests check
/// the recorded headers; the browser-layer tests check that our jar sends the same.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BrowserClaim {
    /// A stable id.
    pub id: String,
    /// The sentence it supports, or a short quote of it, exactly as the lesson's text has it.
    pub quote: String,
    /// The recorded cases and what each shows.
    pub chromium: Vec<ChromiumCheck>,
}

/// What one recorded Chromium case must show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChromiumCheck {
    /// The case's name in the recording.
    pub case: String,
    /// Cookies Chromium sent.
    #[serde(default)]
    pub sent: Vec<String>,
    /// Cookies Chromium did not send.
    #[serde(default)]
    pub not_sent: Vec<String>,
    /// Cookies the page's script found in `document.cookie` (a `script_view.json` case).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub read: Vec<String>,
    /// Cookies `document.cookie` did not hold (a `script_view.json` case).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_read: Vec<String>,
}

/// A statement the lesson makes, and the experiment that backs it: `steps` played from the
/// lesson's start (on `code`, default the lesson's own) end in a state where every goal of
/// `expect` holds. The tests run it through the simulated Flask and through real Flask 3.1.3.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// A stable id (the real-Flask record is stored under it).
    pub id: String,
    /// The sentence it supports, or a short quote of it, exactly as the lesson's text has it.
    pub quote: String,
    /// The app to start with, if not the lesson's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The steps (the same form as the lesson's steps).
    pub steps: Vec<Step>,
    /// What holds at the end (goal checks; `after` is not used).
    pub expect: Vec<Goal>,
}

/// A way through the lesson, played from its start, and the goals it must (an alternative) or
/// must not (a shortcut) meet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Probe {
    /// A stable id.
    pub id: String,
    /// What the learner does, in words.
    pub text: String,
    /// The steps.
    pub steps: Vec<Step>,
    /// The ids of the goals concerned.
    pub goals: Vec<String>,
}

/// Settings a lesson starts with (and a share link carries).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The virtual time at the start, Unix seconds.
    pub clock: i64,
    /// Whether the page shows the app's secret key (hidden when the lesson is about guessing it).
    #[serde(default)]
    pub secret_key: SecretKeyDisplay,
    /// How the app keeps its session.
    #[serde(default)]
    pub session_mode: SessionMode,
    /// The browser profiles, in order; the first is where steps without `browser` happen.
    pub profiles: Vec<String>,
    /// The environment the app's process sees (`os.environ`): where a lesson keeps a secret
    /// key the learner must not read in the code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub environment: BTreeMap<String, String>,
    /// Further sites beside the app (issue 20), each at its own host.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<SiteSpec>,
    /// The app's own host when it is not `localhost` (issue 20: `app.example.test`, so that a
    /// sibling host of the same site can be one of `sites`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            clock: parse::parse_clock(DEFAULT_CLOCK).unwrap_or(1_767_225_600),
            secret_key: SecretKeyDisplay::Shown,
            session_mode: SessionMode::Signed,
            profiles: DEFAULT_PROFILES
                .iter()
                .map(|name| name.to_string())
                .collect(),
            environment: BTreeMap::new(),
            sites: Vec::new(),
            host: None,
        }
    }
}

/// Whether the page shows the secret key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SecretKeyDisplay {
    /// Shown in the dev tools' decoder.
    #[default]
    Shown,
    /// Hidden (the learner has to guess it).
    Hidden,
}

/// The lesson's words, all Markdown (render with [`crate::scenario::markdown::to_html`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonText {
    /// The title.
    pub title: String,
    /// The question the experiment answers.
    pub question: String,
    /// A single hint (older files; prefer `hints`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hint: String,
    /// Hints from a nudge to the answer, revealed one at a time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<String>,
    /// The explanation, shown once the learner has seen it happen (or asked for the solution).
    #[serde(default)]
    pub explanation: String,
}

impl LessonText {
    /// The hints in the order they are revealed: `hints`, or the single `hint`.
    pub fn hint_list(&self) -> Vec<&str> {
        if self.hints.is_empty() {
            Some(self.hint.as_str())
                .filter(|hint| !hint.is_empty())
                .into_iter()
                .collect()
        } else {
            self.hints.iter().map(String::as_str).collect()
        }
    }
}

/// A multiple-choice question whose answer can be checked by running it.
///
/// Each option is checkable: an option with `code` is pasted into `template` (at the line
/// holding `{option}`, with that line's indentation) and played with `steps`: it produces the
/// claimed effect — every goal of `expect` met — exactly when it is the correct option. An
/// option with a `claim` states a goal about the lesson's own code after `steps`: the claim
/// holds exactly when it is the correct option.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    /// The question (Markdown).
    pub prompt: String,
    /// The options, in the order shown.
    pub options: Vec<QuizOption>,
    /// App code with an `{option}` line, for options that are code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// The steps played to try an option.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// What the correct code option produces.
    #[serde(default)]
    pub expect: Vec<Goal>,
}

/// One quiz option.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizOption {
    /// What the option says (Markdown).
    pub text: String,
    /// Python to paste into the quiz template, if the option is code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The claim the option makes, as a goal checked after the quiz steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<Goal>,
    /// Whether it is the right answer (exactly one is).
    #[serde(default)]
    pub correct: bool,
    /// What the learner reads after picking it (Markdown).
    pub feedback: String,
}

impl Quiz {
    /// The app code for option `index`: the template with the option pasted in, or `None` if
    /// the option is not code (or there is no template).
    ///
    /// ```
    /// use session_playground::scenario::lesson::{Quiz, QuizOption};
    /// let quiz = Quiz { prompt: String::new(), template: Some("def f():\n    {option}\n".into()),
    ///     options: vec![QuizOption { text: String::new(), code: Some("a = 1\nb = 2".into()), claim: None,
    ///         correct: true, feedback: String::new() }], steps: vec![], expect: vec![] };
    /// assert_eq!(quiz.option_code(0).unwrap(), "def f():\n    a = 1\n    b = 2\n");
    /// ```
    pub fn option_code(&self, index: usize) -> Option<String> {
        let snippet = self.options.get(index)?.code.as_ref()?;
        let template = self.template.as_ref()?;
        let mut out = String::new();
        for line in template.split_inclusive('\n') {
            let body = line.trim_end_matches('\n');
            if body.trim() == "{option}" {
                let indent = &body[..body.len() - body.trim_start().len()];
                for snippet_line in snippet.lines() {
                    out.push_str(indent);
                    out.push_str(snippet_line);
                    out.push('\n');
                }
            } else {
                out.push_str(line);
            }
        }
        Some(out)
    }
}

/// The v2 file, as serde reads it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLesson {
    version: u32,
    id: String,
    code: String,
    #[serde(default)]
    files: BTreeMap<String, String>,
    #[serde(default)]
    clock: Option<String>,
    #[serde(default)]
    settings: RawSettings,
    lesson: LessonText,
    #[serde(default)]
    quiz: Option<Quiz>,
    #[serde(default)]
    steps: Vec<Step>,
    #[serde(default)]
    solution: Option<Vec<Step>>,
    #[serde(default)]
    goals: Vec<Goal>,
    #[serde(default)]
    claims: Vec<Claim>,
    #[serde(default)]
    shortcuts: Vec<Probe>,
    #[serde(default)]
    alternatives: Vec<Probe>,
    #[serde(default)]
    predictions: Vec<Prediction>,
    #[serde(default)]
    browser_claims: Vec<BrowserClaim>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSettings {
    #[serde(default)]
    secret_key: SecretKeyDisplay,
    #[serde(default)]
    session_mode: SessionMode,
    #[serde(default)]
    profiles: Option<Vec<String>>,
    #[serde(default)]
    environment: BTreeMap<String, String>,
    #[serde(default)]
    sites: Vec<SiteSpec>,
    #[serde(default)]
    host: Option<String>,
}

/// Reads a lesson or scenario file of any version this build knows.
///
/// ```
/// use session_playground::scenario::lesson::parse_lesson;
/// let v1 = parse_lesson(r#"{"version": 1, "code": "", "steps": [{"request": "GET /"}]}"#).unwrap();
/// assert_eq!((v1.version, v1.settings.profiles.clone()), (1, vec!["default".to_string()]));
/// let err = parse_lesson(r#"{"version": 3, "code": ""}"#).unwrap_err();
/// assert_eq!(err.to_string(), "version: this file is version 3; this playground reads versions 1 and 2");
/// ```
pub fn parse_lesson(source: &str) -> Result<Lesson, Malformed> {
    let value: serde_json::Value =
        serde_json::from_str(source).map_err(|e| bad("", format!("invalid JSON: {e}")))?;
    let version = value.get("version").and_then(serde_json::Value::as_u64);
    match version {
        Some(1) => {
            let scenario = parse::parse_scenario(source)?;
            Ok(Lesson {
                version: 1,
                id: String::new(),
                code: scenario.code,
                files: scenario.files.to_map(),
                settings: Settings {
                    clock: scenario.clock,
                    profiles: vec!["default".to_string()],
                    ..Settings::default()
                },
                text: LessonText::default(),
                quiz: None,
                steps: scenario.steps.clone(),
                solution: Vec::new(),
                goals: Vec::new(),
                claims: Vec::new(),
                shortcuts: Vec::new(),
                alternatives: Vec::new(),
                predictions: Vec::new(),
                browser_claims: Vec::new(),
            })
        }
        Some(2) => parse_v2(source),
        Some(other) => Err(bad(
            "version",
            format!(
                "this file is version {other}; this playground reads versions 1 and {LESSON_VERSION}"
            ),
        )),
        None => Err(bad("version", "missing or not a whole number")),
    }
}

/// The file as serde reads it. Natively the error names the place (`goals[2].page_shows`) for
/// authors running `check`; the page only reads the built-in lessons, which are checked by the
/// tests, so it leaves the path tracking (63 kB of wasm) out and names no place.
#[cfg(not(target_arch = "wasm32"))]
fn deserialize_raw(source: &str) -> Result<RawLesson, Malformed> {
    let mut deserializer = serde_json::Deserializer::from_str(source);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let place = e.path().to_string();
        let place = if place == "." { String::new() } else { place };
        bad(&place, e.inner().to_string())
    })
}

#[cfg(target_arch = "wasm32")]
fn deserialize_raw(source: &str) -> Result<RawLesson, Malformed> {
    serde_json::from_str(source).map_err(|e| bad("", e.to_string()))
}

fn parse_v2(source: &str) -> Result<Lesson, Malformed> {
    if let Some(key) = parse::duplicate_key(source) {
        return Err(bad("", format!("invalid JSON: duplicate key {key:?}")));
    }
    let raw = deserialize_raw(source)?;
    if raw.id.is_empty()
        || !raw
            .id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(bad("id", "expected letters, digits, '-' or '_'"));
    }
    let clock = parse::parse_clock(raw.clock.as_deref().unwrap_or(DEFAULT_CLOCK))?;
    check_sites(&raw.settings.sites, "settings.sites")?;
    if let Some(host) = &raw.settings.host {
        if !crate::scenario::action::host_ok(host) {
            return Err(bad(
                "settings.host",
                format!("{host:?} is not a host name the app can have (e.g. app.example.test)"),
            ));
        }
        if raw.settings.sites.iter().any(|site| site.host == *host) {
            return Err(bad(
                "settings.host",
                format!("{host:?} is the app's host and a site's too"),
            ));
        }
    }
    let profiles = raw
        .settings
        .profiles
        .unwrap_or_else(|| Settings::default().profiles);
    if profiles.is_empty() || profiles.iter().any(String::is_empty) {
        return Err(bad(
            "settings.profiles",
            "expected a non-empty list of names",
        ));
    }
    for (i, name) in profiles.iter().enumerate() {
        if profiles[..i].contains(name) {
            return Err(bad("settings.profiles", format!("{name:?} appears twice")));
        }
    }
    let mut ids: Vec<&str> = Vec::new();
    for (i, goal) in raw.goals.iter().enumerate() {
        if ids.contains(&goal.id.as_str()) {
            return Err(bad(
                &format!("goals[{i}]"),
                format!("the id {:?} is used twice", goal.id),
            ));
        }
        ids.push(&goal.id);
    }
    if let Some(quiz) = &raw.quiz {
        let correct = quiz.options.iter().filter(|option| option.correct).count();
        if correct != 1 {
            return Err(bad(
                "quiz.options",
                format!("exactly one option must be correct, found {correct}"),
            ));
        }
        for (i, option) in quiz.options.iter().enumerate() {
            if option.code.is_some()
                && quiz
                    .template
                    .as_ref()
                    .is_none_or(|t| !t.lines().any(|l| l.trim() == "{option}"))
            {
                return Err(bad(
                    &format!("quiz.options[{i}].code"),
                    "a code option needs a quiz template with an {option} line",
                ));
            }
        }
    }
    let mut claim_ids: Vec<&str> = Vec::new();
    for (i, claim) in raw.claims.iter().enumerate() {
        if claim.id.is_empty() || claim_ids.contains(&claim.id.as_str()) {
            return Err(bad(
                &format!("claims[{i}].id"),
                "expected a non-empty id used once",
            ));
        }
        claim_ids.push(&claim.id);
        if claim.expect.is_empty() {
            return Err(bad(
                &format!("claims[{i}].expect"),
                "a claim needs at least one check",
            ));
        }
        if claim.quote.trim().is_empty()
            || !lesson_texts(&raw.lesson, raw.quiz.as_ref(), &raw.predictions)
                .iter()
                .any(|text| text.contains(claim.quote.as_str()))
        {
            return Err(bad(
                &format!("claims[{i}].quote"),
                "not found in the lesson's text (question, hints, explanation, quiz)",
            ));
        }
    }
    for (i, claim) in raw.browser_claims.iter().enumerate() {
        if claim.id.is_empty()
            || claim_ids.contains(&claim.id.as_str())
            || claim.chromium.is_empty()
            || claim.chromium.iter().any(|check| {
                check.sent.is_empty()
                    && check.not_sent.is_empty()
                    && check.read.is_empty()
                    && check.not_read.is_empty()
            })
        {
            return Err(bad(
                &format!("browser_claims[{i}]"),
                "expected an id used once and recorded cases that each name a cookie sent or not sent, read or not read",
            ));
        }
        claim_ids.push(&claim.id);
        if claim.quote.trim().is_empty()
            || !lesson_texts(&raw.lesson, raw.quiz.as_ref(), &raw.predictions)
                .iter()
                .any(|text| text.contains(claim.quote.as_str()))
        {
            return Err(bad(
                &format!("browser_claims[{i}].quote"),
                "not found in the lesson's text (question, hints, explanation, quiz)",
            ));
        }
    }
    for (list, probes) in [
        ("shortcuts", &raw.shortcuts),
        ("alternatives", &raw.alternatives),
    ] {
        for (i, probe) in probes.iter().enumerate() {
            if probe.goals.is_empty() {
                return Err(bad(&format!("{list}[{i}].goals"), "name at least one goal"));
            }
            if let Some(unknown) = probe.goals.iter().find(|id| !ids.contains(&id.as_str())) {
                return Err(bad(
                    &format!("{list}[{i}].goals"),
                    format!("no goal has the id {unknown:?}"),
                ));
            }
        }
    }
    if let Some((place, problem)) = crate::scenario::predict::problems(&raw.predictions, &raw.steps)
        .into_iter()
        .next()
    {
        return Err(bad(&place, problem));
    }
    crate::flask::project::check_files(raw.files.iter().map(|(p, t)| (p.as_str(), t.as_str())))
        .map_err(|why| bad("files", why))?;
    let solution = raw.solution.unwrap_or_else(|| raw.steps.clone());
    Ok(Lesson {
        version: raw.version,
        id: raw.id,
        code: raw.code,
        files: raw.files,
        settings: Settings {
            clock,
            secret_key: raw.settings.secret_key,
            session_mode: raw.settings.session_mode,
            profiles,
            environment: raw.settings.environment,
            sites: raw.settings.sites,
            host: raw.settings.host,
        },
        text: raw.lesson,
        quiz: raw.quiz,
        steps: raw.steps,
        solution,
        goals: raw.goals,
        claims: raw.claims,
        shortcuts: raw.shortcuts,
        alternatives: raw.alternatives,
        predictions: raw.predictions,
        browser_claims: raw.browser_claims,
    })
}

/// Every text a claim may quote: the question, the hints, the explanation, the quiz and the
/// predictions.
fn lesson_texts<'a>(
    text: &'a LessonText,
    quiz: Option<&'a Quiz>,
    predictions: &'a [Prediction],
) -> Vec<&'a str> {
    let mut texts = vec![
        text.question.as_str(),
        text.hint.as_str(),
        text.explanation.as_str(),
    ];
    texts.extend(text.hints.iter().map(String::as_str));
    if let Some(quiz) = quiz {
        texts.push(&quiz.prompt);
        for option in &quiz.options {
            texts.push(&option.text);
            texts.push(&option.feedback);
        }
    }
    for prediction in predictions {
        texts.push(&prediction.prompt);
        for option in &prediction.options {
            texts.push(&option.text);
            texts.push(&option.feedback);
        }
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str =
        r#"{"version": 2, "id": "x", "code": "", "lesson": {"title": "T", "question": "Q"}}"#;

    #[test]
    fn a_minimal_v2_lesson_takes_the_defaults() {
        let lesson = parse_lesson(MINIMAL).unwrap();
        assert_eq!(lesson.settings, Settings::default());
        assert!(lesson.steps.is_empty() && lesson.goals.is_empty() && lesson.quiz.is_none());
    }

    #[test]
    fn errors_name_the_place() {
        let unknown = MINIMAL.replace(r#""id": "x""#, r#""id": "x", "colour": 1"#);
        assert!(
            parse_lesson(&unknown)
                .unwrap_err()
                .to_string()
                .contains("colour")
        );
        let bad_step = MINIMAL.replace(
            r#""id": "x""#,
            r#""id": "x", "steps": [{"request": "GET /"}, {"request": "get /"}]"#,
        );
        let error = parse_lesson(&bad_step).unwrap_err();
        assert_eq!(error.place, "steps[1]");
        let duplicate = MINIMAL.replace(r#""id": "x""#, r#""id": "x", "id": "y""#);
        assert!(
            parse_lesson(&duplicate)
                .unwrap_err()
                .to_string()
                .contains("duplicate key")
        );
        assert_eq!(parse_lesson("[").unwrap_err().place, "");
    }
}
