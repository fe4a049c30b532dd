//! The lesson builder ("Make a lesson", in the Teach menu) as data: the form a teacher fills in
//! ([`Draft`]: title, question, hints, explanation, a quiz, the app's code, the starting steps
//! and goals) and what it becomes — a v2 lesson file, validated by the very reader that opens
//! lessons carried in links ([`lesson_from_value`]), and the share link that carries it whole.
//! Each goal is also checked against the state on screen ([`Draft::check_now`]), so the teacher
//! sees which goals the workspace already meets while writing them.
//!
//! The form is plain text on purpose: a step a line (`GET /count`, or a step as the file writes
//! it, `{"close_browser": true}`), a hint a line, a quiz option a line (`* ` marks the right
//! one, ` | ` starts its feedback). Whatever the form cannot say is one JSON object away.

use serde_json::{Map, Value, json};

use crate::scenario::action::{Action, Step};
use crate::scenario::goal::{Goal, GoalResult, check};
use crate::scenario::lesson::DEFAULT_PROFILES;
use crate::scenario::link_lesson::{LinkLesson, lesson_from_value};
use crate::scenario::share::{SHARE_VERSION, SharedState, encode};
use crate::scenario::state::LessonState;

/// What a goal kind's value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// Text (page text, a function name, ...).
    Text,
    /// A whole number.
    Number,
    /// No value (the check is a yes/no state).
    Nothing,
}

/// The goal kinds the builder offers: every check key of the lesson format but `all_of` (one
/// JSON object in the value says anything more), with what the form asks for.
pub const GOAL_KINDS: [(&str, &str, ValueKind); 18] = [
    ("page_shows", "the page shows…", ValueKind::Text),
    ("page_lacks", "the page does not show…", ValueKind::Text),
    ("status", "the page's status is…", ValueKind::Number),
    ("jar_has", "the jar holds the cookie…", ValueKind::Text),
    ("jar_lacks", "the jar has no cookie…", ValueKind::Text),
    ("sent_cookie", "the cookie is sent…", ValueKind::Text),
    (
        "never_received",
        "the server never set the cookie…",
        ValueKind::Text,
    ),
    (
        "response_set_cookie",
        "the response sets the cookie…",
        ValueKind::Text,
    ),
    ("session_has", "the session holds the key…", ValueKind::Text),
    (
        "session_rejected",
        "the session cookie is rejected",
        ValueKind::Nothing,
    ),
    ("code_calls", "the code calls…", ValueKind::Text),
    ("code_assigns", "the code assigns to…", ValueKind::Text),
    (
        "code_unchanged",
        "the code is unchanged",
        ValueKind::Nothing,
    ),
    (
        "server_log_contains",
        "the server log contains…",
        ValueKind::Text,
    ),
    (
        "startup_error",
        "the app fails to start with…",
        ValueKind::Text,
    ),
    (
        "browser_closed",
        "the browser is closed",
        ValueKind::Nothing,
    ),
    (
        "first_since_open",
        "the first page since opening",
        ValueKind::Nothing,
    ),
    (
        "clock_at_least",
        "seconds have passed, at least…",
        ValueKind::Number,
    ),
];

/// One goal as the form holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalDraft {
    /// A key of [`GOAL_KINDS`].
    pub kind: String,
    /// What the learner reads (Markdown).
    pub text: String,
    /// The check's value as typed (a JSON object gives the check in full).
    pub value: String,
    /// The browser it concerns (empty: the first).
    pub browser: String,
    /// Counts only once the goal before it was met (the file's `after`).
    pub after_previous: bool,
}

impl Default for GoalDraft {
    fn default() -> Self {
        GoalDraft {
            kind: GOAL_KINDS[0].0.into(),
            text: String::new(),
            value: String::new(),
            browser: String::new(),
            after_previous: false,
        }
    }
}

/// The lesson as the form holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// The lesson's id (letters, digits, `-`, `_`); empty: made from the title.
    pub id: String,
    /// Title (Markdown, like the other texts).
    pub title: String,
    /// The question the experiment answers.
    pub question: String,
    /// Hints, one a line, from a nudge to the answer.
    pub hints: String,
    /// The explanation, shown once the goals are met.
    pub explanation: String,
    /// The quiz question (empty: no quiz).
    pub quiz_prompt: String,
    /// Quiz options, one a line: `* ` before the right one, ` | ` before an option's feedback.
    pub quiz_options: String,
    /// The app's code at the start.
    pub code: String,
    /// The scripted steps, one a line.
    pub steps: String,
    /// The goals.
    pub goals: Vec<GoalDraft>,
}

impl Draft {
    /// A draft of the workspace on screen: its code, and the steps taken since its start
    /// (code edits left out: the lesson starts from the code as it is now).
    ///
    /// ```
    /// use session_playground::scenario::action::{get, Action, Step};
    /// use session_playground::ui::lesson_builder::Draft;
    /// let draft = Draft::of_workspace("app = 1\n", &[get("/count"), Step::new(Action::EditCode("x".into())), Step::new(Action::CloseBrowser)]);
    /// assert_eq!(draft.steps, "GET /count\n{\"close_browser\":true}");
    /// ```
    pub fn of_workspace(code: &str, log: &[Step]) -> Draft {
        let steps: Vec<String> = log
            .iter()
            .filter(|step| !matches!(step.action, Action::EditCode(_) | Action::EditFiles(_)))
            .map(|step| {
                // The lesson's first browser is where steps without one happen.
                let mut step = step.clone();
                if step.browser.as_deref() == Some(DEFAULT_PROFILES[0]) {
                    step.browser = None;
                }
                step_line(&step)
            })
            .collect();
        Draft {
            code: code.to_string(),
            steps: steps.join("\n"),
            goals: vec![GoalDraft::default()],
            ..Draft::default()
        }
    }

    /// The lesson's id: the one typed, or one made from the title.
    pub fn lesson_id(&self) -> String {
        let typed = self.id.trim();
        if !typed.is_empty() {
            return typed.to_string();
        }
        let mut id = String::new();
        for c in self.title.to_lowercase().chars() {
            if c.is_ascii_alphanumeric() {
                id.push(c);
            } else if !id.is_empty() && !id.ends_with('-') {
                id.push('-');
            }
        }
        let id = id.trim_end_matches('-');
        let id: String = id.chars().take(40).collect();
        if id.is_empty() {
            "my-lesson".into()
        } else {
            format!("teacher-{id}")
        }
    }

    /// The lesson file, before validation; errors name the form's field.
    pub fn to_file(&self) -> Result<Value, String> {
        let steps = self
            .steps
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(n, line)| {
                step_value(line).map_err(|why| format!("steps, line {}: {why}", n + 1))
            })
            .collect::<Result<Vec<Value>, String>>()?;
        let mut goals = Vec::new();
        let mut ids: Vec<String> = Vec::new();
        for (n, goal) in self.goals.iter().enumerate() {
            let previous = goals
                .last()
                .and_then(|goal: &Value| goal.get("id").cloned());
            let mut value = goal_value(goal).map_err(|why| format!("goal {}: {why}", n + 1))?;
            // Two goals of the same kind and value still need two ids.
            let mut id = value["id"].as_str().unwrap_or_default().to_string();
            let base = id.clone();
            let mut again = 1;
            while ids.contains(&id) {
                again += 1;
                id = format!("{base}-{again}");
            }
            value["id"] = json!(id);
            ids.push(id);
            if let (true, Some(previous)) = (goal.after_previous, previous) {
                value["after"] = previous;
            }
            goals.push(value);
        }
        let mut text = Map::new();
        text.insert("title".into(), json!(self.title.trim()));
        text.insert("question".into(), json!(self.question.trim()));
        let hints: Vec<&str> = non_empty_lines(&self.hints).collect();
        if !hints.is_empty() {
            text.insert("hints".into(), json!(hints));
        }
        text.insert("explanation".into(), json!(self.explanation.trim()));
        let mut file = json!({
            "version": 2,
            "id": self.lesson_id(),
            "code": self.code,
            "lesson": Value::Object(text),
            "steps": steps,
            "goals": goals,
        });
        if !self.quiz_prompt.trim().is_empty() {
            file["quiz"] = self.quiz()?;
        }
        Ok(file)
    }

    fn quiz(&self) -> Result<Value, String> {
        let options: Vec<Value> = non_empty_lines(&self.quiz_options)
            .map(|line| {
                let (correct, line) = match line.strip_prefix('*') {
                    Some(rest) => (true, rest.trim_start()),
                    None => (false, line),
                };
                let (text, feedback) = line.split_once(" | ").unwrap_or((line, ""));
                json!({"text": text.trim(), "correct": correct, "feedback": feedback.trim()})
            })
            .collect();
        if options.len() < 2 {
            return Err("quiz: give at least two options, one a line".into());
        }
        Ok(json!({"prompt": self.quiz_prompt.trim(), "options": options}))
    }

    /// The lesson, read by the reader of lessons in links (every rule a link's lesson obeys).
    pub fn build(&self) -> Result<LinkLesson, String> {
        if self.title.trim().is_empty() {
            return Err("give the lesson a title".into());
        }
        if self.goals.is_empty() {
            return Err("give the lesson at least one goal".into());
        }
        let file = self.to_file()?;
        lesson_from_value(file, None).map_err(|why| {
            why.replacen("its lesson file is not valid: ", "", 1)
                .replacen("its lesson", "the lesson", 1)
        })
    }

    /// The share link payload that carries the whole lesson (`v2.…`, no steps played yet).
    pub fn link_payload(&self) -> Result<String, String> {
        let built = self.build()?;
        Ok(encode(&SharedState {
            version: SHARE_VERSION,
            lesson: Some(built.lesson.id.clone()),
            lesson_file: Some(built.file),
            ..SharedState::default()
        }))
    }

    /// Each goal checked on `state` (the workspace on screen): met or not and why, or why the
    /// goal cannot be read yet.
    pub fn check_now(&self, state: &LessonState) -> Vec<Result<GoalResult, String>> {
        self.goals
            .iter()
            .map(|draft| {
                let value = goal_value(draft)?;
                let goal: Goal = serde_json::from_value(value).map_err(|e| e.to_string())?;
                Ok(check(&goal, state))
            })
            .collect()
    }
}

/// A step as the form writes it: a request line, or the step's JSON.
fn step_line(step: &Step) -> String {
    let value = serde_json::to_value(step).unwrap_or_default();
    match value
        .as_object()
        .map(|object| (object.len(), object.get("request")))
    {
        Some((1, Some(Value::String(line)))) => line.clone(),
        _ => value.to_string(),
    }
}

/// A line of the steps field as the file's step.
fn step_value(line: &str) -> Result<Value, String> {
    let line = line.trim();
    let value = if line.starts_with('{') {
        serde_json::from_str(line).map_err(|e| format!("not a step ({e})"))?
    } else {
        json!({ "request": line })
    };
    // Read it as a step now, so the error names the line rather than `steps[3]`.
    serde_json::from_value::<Step>(value.clone()).map_err(|e| e.to_string())?;
    Ok(value)
}

/// A goal of the form as the file's goal (id `goal-N` from its place, kept stable by order).
fn goal_value(goal: &GoalDraft) -> Result<Value, String> {
    let Some((key, _, kind)) = GOAL_KINDS.iter().find(|(key, _, _)| *key == goal.kind) else {
        return Err(format!("{:?} is not a kind of goal", goal.kind));
    };
    let typed = goal.value.trim();
    let check = match kind {
        ValueKind::Nothing => json!(true),
        _ if typed.starts_with('{') => {
            serde_json::from_str(typed).map_err(|e| format!("the value is not JSON ({e})"))?
        }
        ValueKind::Number => json!(
            typed
                .parse::<u64>()
                .map_err(|_| format!("the value must be a whole number, not {typed:?}"))?
        ),
        ValueKind::Text if typed.is_empty() => return Err("the goal needs a value".into()),
        ValueKind::Text => json!(typed),
    };
    let text = goal.text.trim();
    let mut value = json!({
        "id": goal_id(goal),
        "text": if text.is_empty() { key.replace('_', " ") } else { text.to_string() },
    });
    value[*key] = check;
    if !goal.browser.trim().is_empty() {
        value["browser"] = json!(goal.browser.trim());
    }
    Ok(value)
}

/// A goal's id, made from its kind and value so that it stays the same while other goals are
/// added or removed (progress is stored under it).
fn goal_id(goal: &GoalDraft) -> String {
    let mut id = goal.kind.replace('_', "-");
    for c in goal
        .value
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(24)
    {
        if id.len() == goal.kind.len() {
            id.push('-');
        }
        id.push(c);
    }
    id
}

fn non_empty_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|line| !line.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::goal::GoalStatus;
    use crate::ui::state::{Action as Do, Workspace};

    const CODE: &str = "from flask import Flask, session\n\napp = Flask(__name__)\napp.secret_key = 'k'\n\n\n@app.route('/login')\ndef login():\n    session['user'] = 'ada'\n    return 'Hello ada'\n\n\n@app.route('/logout')\ndef logout():\n    session.clear()\n    return 'Bye'\n";

    fn goal(kind: &str, value: &str, after_previous: bool) -> GoalDraft {
        GoalDraft {
            kind: kind.into(),
            value: value.into(),
            after_previous,
            ..GoalDraft::default()
        }
    }

    fn draft() -> Draft {
        Draft {
            title: "Log in, log out".into(),
            question: "What does `session.clear()` do to the cookie?".into(),
            hints: "Look at the jar.\n\nLog out and look again.".into(),
            explanation: "Clearing the session deletes the cookie.".into(),
            quiz_prompt: "After /logout the jar holds…".into(),
            quiz_options: "the session cookie | no: it was deleted\n* no session cookie | right"
                .into(),
            code: CODE.into(),
            steps: "GET /login\nGET /logout".into(),
            goals: vec![
                goal("page_shows", "Hello ada", false),
                goal("jar_has", "session", false),
                goal("code_calls", "session.clear", false),
                goal("jar_lacks", "session", true),
                goal("status", "200", false),
            ],
            ..Draft::default()
        }
    }

    #[test]
    fn a_draft_becomes_a_lesson_the_link_reader_accepts_and_a_learner_completes() {
        let built = draft().build().unwrap();
        assert_eq!(built.lesson.id, "teacher-log-in-log-out");
        assert_eq!(built.lesson.goals.len(), 5);
        assert_eq!(
            built.lesson.goals[3].after.as_deref(),
            Some("code-calls-sessionclear")
        );
        assert_eq!(
            built.lesson.text.hint_list(),
            ["Look at the jar.", "Log out and look again."]
        );
        let quiz = built.lesson.quiz.as_ref().unwrap();
        assert!(quiz.options[1].correct && !quiz.options[0].correct);
        assert_eq!(quiz.options[0].feedback, "no: it was deleted");
        // The link opens the lesson; playing its steps meets every goal.
        let payload = draft().link_payload().unwrap();
        let mut learner = Workspace::started().apply(Do::OpenShared(payload));
        let run = learner.lesson().cloned().expect("the lesson opened");
        assert_eq!(run.lesson().id, "teacher-log-in-log-out");
        for step in run.lesson().steps.clone() {
            learner.lesson_step(step);
            learner.check_goals();
        }
        let progress = learner.lesson_progress().unwrap();
        assert_eq!(progress.goals_met.len(), 5, "{progress:?}");
    }

    #[test]
    fn goals_are_checked_live_on_the_workspace() {
        let workspace = Workspace::started()
            .apply(Do::EditCode(CODE.into()))
            .apply(Do::ReloadServer)
            .apply(Do::Navigate("/login".into()));
        let mut draft = Draft::of_workspace(workspace.code(), &workspace.log().slice());
        assert_eq!(draft.steps, "GET /login");
        draft.goals = vec![
            goal("page_shows", "Hello ada", false),
            goal("jar_lacks", "session", false),
            goal("status", "two hundred", false),
        ];
        let now = draft.check_now(&workspace.lesson_state());
        assert_eq!(now[0].as_ref().unwrap().status, GoalStatus::Met);
        assert_eq!(now[1].as_ref().unwrap().status, GoalStatus::Unmet);
        assert!(now[2].as_ref().unwrap_err().contains("whole number"));
    }

    #[test]
    fn every_mistake_is_a_sentence_naming_the_field() {
        let with = |change: &dyn Fn(&mut Draft)| {
            let mut draft = draft();
            change(&mut draft);
            draft.build().map(|_| ()).unwrap_err()
        };
        assert_eq!(with(&|d| d.title.clear()), "give the lesson a title");
        assert!(with(&|d| d.steps = "GET /\n{\"fly\": 1}".into()).starts_with("steps, line 2:"));
        assert!(with(&|d| d.steps = "{oops".into()).contains("not a step"));
        assert!(with(&|d| d.goals[2].value.clear()).starts_with("goal 3: the goal needs a value"));
        assert!(with(&|d| d.goals[0].kind = "fly".into()).contains("not a kind of goal"));
        assert!(with(&|d| d.quiz_options = "* only one".into()).starts_with("quiz:"));
        let two_right = with(&|d| d.quiz_options = "* a\n* b".into());
        assert!(
            two_right.contains("exactly one option must be correct"),
            "{two_right}"
        );
        let too_many = with(&|d| d.goals = vec![goal("page_shows", "x", false); 51]);
        assert!(too_many.contains("more than 50 goals"), "{too_many}");
        // A value only the lesson parser refuses: its error names the place in the file.
        let after = with(&|d| d.goals[0].value = r#"{"fly": true}"#.into());
        assert!(after.contains("goals[0]"), "{after}");
    }

    #[test]
    fn every_goal_kind_makes_a_goal_the_format_reads() {
        for (kind, _, value_kind) in GOAL_KINDS {
            let value = match value_kind {
                ValueKind::Text => "session",
                ValueKind::Number => "5",
                ValueKind::Nothing => "",
            };
            let value = goal_value(&goal(kind, value, false)).unwrap();
            let read: Result<Goal, _> = serde_json::from_value(value.clone());
            assert!(read.is_ok(), "{kind}: {value} {read:?}");
        }
    }
}
