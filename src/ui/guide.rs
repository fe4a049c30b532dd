//! What the page says and where it leads, as plain data the components render (issue 17): the
//! narrow layout's panes and which one shows an action's result, the lessons by difficulty and
//! the one after each, the address a lesson starts at, what "▶ Next step" offers in the state
//! the lesson is in, the kind of a notice (information or a problem) and the quiz's verdict line.
//! Nothing here touches the DOM, so every rule is tested natively.

use crate::scenario::action::Action as StepAction;
use crate::scenario::lesson::Lesson;
use crate::scenario::saved::LessonProgress;
use crate::ui::state::{Action, LessonRun};

/// The panes of the page, in the narrow layout's tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The lesson (or the welcome, when no lesson is open).
    Lesson,
    /// The editor (`app.py`).
    Code,
    /// The virtual browser.
    Browser,
    /// The dev tools (cookies, network, session, timeline, diagram).
    DevTools,
    /// The server: its session view, step-through and log.
    Server,
}

impl Pane {
    /// Every pane, in tab order.
    pub const ALL: [Pane; 5] = [
        Pane::Lesson,
        Pane::Code,
        Pane::Browser,
        Pane::DevTools,
        Pane::Server,
    ];

    /// The tab's label.
    pub fn label(self) -> &'static str {
        match self {
            Pane::Lesson => "Lesson",
            Pane::Code => "Code",
            Pane::Browser => "Browser",
            Pane::DevTools => "Dev tools",
            Pane::Server => "Server",
        }
    }

    /// A selector for the pane's section.
    pub fn selector(self) -> &'static str {
        match self {
            Pane::Lesson => "#pane-lesson",
            Pane::Code => "#pane-editor",
            Pane::Browser => "#pane-browser",
            Pane::DevTools => "#pane-devtools",
            Pane::Server => "#pane-server",
        }
    }

    /// The id the pane's section carries (skip links and tabs point at it).
    pub fn id(self) -> &'static str {
        match self {
            Pane::Lesson => "pane-lesson",
            Pane::Code => "pane-editor",
            Pane::Browser => "pane-browser",
            Pane::DevTools => "pane-devtools",
            Pane::Server => "pane-server",
        }
    }
}

/// The pane that shows what `action` did, when it is not the pane the learner acted in: in the
/// narrow layout (one pane at a time) the page switches to it, so the result is in view.
///
/// ```
/// use session_playground::ui::guide::{pane_for, Pane};
/// use session_playground::ui::state::Action;
/// assert_eq!(pane_for(&Action::LessonNextStep), Some(Pane::Browser));
/// assert_eq!(pane_for(&Action::StepThrough(0)), Some(Pane::Server));
/// assert_eq!(pane_for(&Action::DismissNotice), None);
/// ```
pub fn pane_for(action: &Action) -> Option<Pane> {
    match action {
        Action::LessonNextStep | Action::PlaySolution | Action::Resend | Action::Navigate(_) => {
            Some(Pane::Browser)
        }
        Action::StepThrough(_) => Some(Pane::Server),
        Action::TryQuizOption(_) => Some(Pane::Code),
        Action::OpenLesson(_) | Action::ResetLesson => Some(Pane::Lesson),
        Action::OpenShared(payload) => Some(link_pane(payload)),
        _ => None,
    }
}

/// The pane a share link opens on in the narrow layout: what the person who shared it wanted
/// seen. A lesson's link opens on the lesson; a link of requests on the browser, where the last
/// one's page is (a student clicking a teacher's `/count` link sees "Visit number: 1", not the
/// welcome); a link of code alone on the editor. A link that cannot be read opens on the lesson
/// pane, whose welcome sits under the notice that says why.
///
/// ```
/// use session_playground::scenario::share::{encode, SharedState, SHARE_VERSION};
/// use session_playground::ui::guide::{link_pane, Pane};
/// let code_only = SharedState {
///     version: SHARE_VERSION,
///     code: Some("print(1)".into()),
///     ..SharedState::default()
/// };
/// assert_eq!(link_pane(&encode(&code_only)), Pane::Code);
/// assert_eq!(link_pane("not a link"), Pane::Lesson);
/// ```
pub fn link_pane(payload: &str) -> Pane {
    match crate::scenario::share::decode(payload) {
        Ok(shared) if shared.lesson.is_none() && !shared.actions.is_empty() => Pane::Browser,
        Ok(shared) if shared.lesson.is_none() => Pane::Code,
        _ => Pane::Lesson,
    }
}

/// The narrow layout's move after `action`, done while `current` was on show: the pane that
/// shows the result, and the pane a "← Back" button returns to (the one the learner acted in).
/// `None` when the result is in view already.
///
/// ```
/// use session_playground::ui::guide::{pane_switch, Pane};
/// use session_playground::ui::state::Action;
/// assert_eq!(pane_switch(Pane::Lesson, &Action::LessonNextStep), Some((Pane::Browser, Pane::Lesson)));
/// assert_eq!(pane_switch(Pane::Browser, &Action::Resend), None);
/// ```
pub fn pane_switch(current: Pane, action: &Action) -> Option<(Pane, Pane)> {
    pane_for(action)
        .filter(|next| *next != current)
        .map(|next| (next, current))
}

/// Where the keyboard focus goes after `action` if the control that did it is gone or disabled
/// (a closed menu, "Close browser" once the browser is closed): the natural next control, as
/// selectors tried in order. Empty when the focus can stay where it is.
///
/// ```
/// use session_playground::ui::guide::focus_after;
/// use session_playground::ui::state::Action;
/// assert_eq!(focus_after(&Action::CloseBrowser), &["[data-testid=open-browser]"]);
/// assert!(focus_after(&Action::EditCode(String::new())).is_empty());
/// ```
pub fn focus_after(action: &Action) -> &'static [&'static str] {
    match action {
        Action::CloseBrowser => &["[data-testid=open-browser]"],
        Action::OpenBrowser
        | Action::OpenPrivateWindow
        | Action::SelectProfile(_)
        | Action::StartAfresh => &["[data-testid=address-bar]"],
        Action::OpenLesson(_)
        | Action::ResetLesson
        | Action::PlaySolution
        | Action::OpenShared(_)
        | Action::OpenSaved(_) => &[".lesson-title", "[data-testid=address-bar]"],
        Action::LessonNextStep => &[
            "[data-testid=lesson-next]",
            "[data-testid=lesson-replay]",
            "[data-testid=next-lesson]",
            ".lesson-title",
        ],
        Action::CloseLesson => &[".lessons-menu > summary"],
        Action::ShowSolution => &[".lesson-solution button"],
        Action::DeleteCookie(_)
        | Action::AddCookie { .. }
        | Action::EditCookie { .. }
        | Action::CopyCookie { .. } => &[".cookie-add-name"],
        Action::DismissNotice => &["[data-testid=address-bar]"],
        Action::BackToNow | Action::ContinueFromHere => &[
            "[data-testid=timeline-entry] button",
            "[data-testid=address-bar]",
        ],
        _ => &[],
    }
}

/// How hard a lesson is: the lesson menu groups by it, easiest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The first lessons: one idea each, no code to write.
    Beginner,
    /// Lifetimes, mutation, limits, who decides.
    Intermediate,
    /// Attacks on the session.
    Advanced,
    /// A lesson this table does not place yet (listed last).
    Other,
}

impl Level {
    /// The group's heading.
    pub fn label(self) -> &'static str {
        match self {
            Level::Beginner => "Beginner",
            Level::Intermediate => "Intermediate",
            Level::Advanced => "Advanced",
            Level::Other => "More lessons",
        }
    }
}

/// The built-in lessons from easiest to hardest, with their level. `count` is where a newcomer
/// starts.
const ORDER: [(&str, Level); 20] = [
    ("count", Level::Beginner),
    ("set-username", Level::Beginner),
    ("close-browser", Level::Beginner),
    ("logout", Level::Beginner),
    ("flash", Level::Beginner),
    ("server-authority", Level::Intermediate),
    ("permanent-lifetime", Level::Intermediate),
    ("nested-mutation", Level::Intermediate),
    ("outside-request", Level::Intermediate),
    ("cookie-limit", Level::Intermediate),
    ("idle-timeout", Level::Intermediate),
    ("revoke", Level::Intermediate),
    ("readable-session", Level::Intermediate),
    ("hijack", Level::Advanced),
    ("weak-secret", Level::Advanced),
    ("key-rotation", Level::Advanced),
    ("httponly-script", Level::Advanced),
    ("subdomains", Level::Advanced),
    ("csrf-samesite", Level::Advanced),
    ("session-fixation", Level::Advanced),
];

/// The lesson a newcomer is sent to first.
pub const FIRST_LESSON: &str = "count";

/// A lesson's level and its rank in [`ORDER`] (unknown lessons after every known one).
fn rank(id: &str) -> (Level, usize) {
    ORDER
        .iter()
        .position(|(known, _)| *known == id)
        .map_or((Level::Other, ORDER.len()), |index| (ORDER[index].1, index))
}

/// The lessons `ids` (any order) sorted easiest first, grouped by level; a lesson the table
/// does not know keeps its place among the others at the end.
///
/// ```
/// use session_playground::ui::guide::{by_level, Level};
/// let groups = by_level(&["hijack", "count", "new-one", "server-authority"]);
/// assert_eq!(groups[0], (Level::Beginner, vec!["count"]));
/// assert_eq!(groups.last().unwrap(), &(Level::Other, vec!["new-one"]));
/// ```
pub fn by_level<'a>(ids: &[&'a str]) -> Vec<(Level, Vec<&'a str>)> {
    let mut sorted: Vec<(usize, &str)> = ids.iter().copied().enumerate().collect();
    crate::text::order::sort_by_key(&mut sorted, |(index, id)| (rank(id), *index));
    let mut groups: Vec<(Level, Vec<&str>)> = Vec::new();
    for (_, id) in sorted {
        let level = rank(id).0;
        match groups.last_mut() {
            Some((last, members)) if *last == level => members.push(id),
            _ => groups.push((level, vec![id])),
        }
    }
    groups
}

/// The lesson after `id` in difficulty order among `ids`, if any.
///
/// ```
/// use session_playground::ui::guide::next_lesson;
/// let ids = ["weak-secret", "count", "set-username"];
/// assert_eq!(next_lesson(&ids, "count"), Some("set-username"));
/// assert_eq!(next_lesson(&ids, "weak-secret"), None);
/// ```
pub fn next_lesson<'a>(ids: &[&'a str], id: &str) -> Option<&'a str> {
    let order: Vec<&str> = by_level(ids)
        .into_iter()
        .flat_map(|(_, members)| members)
        .collect();
    let at = order.iter().position(|other| *other == id)?;
    order.get(at + 1).copied()
}

/// The host every page of the virtual browser is on.
pub const ORIGIN: &str = "http://localhost";

/// What the address bar shows before the first request: the path of the lesson's first request
/// — for one that starts with a form post, the page holding the form when the app serves one at
/// that path (`/login`), else `/` — or `/count`, the seed app's page, without a lesson.
pub fn start_address(lesson: Option<&Lesson>) -> String {
    let Some(lesson) = lesson else {
        return format!("{ORIGIN}/count");
    };
    let first = lesson
        .steps
        .iter()
        .chain(lesson.solution.iter())
        .find_map(|step| match &step.action {
            StepAction::Request(request) => Some(request),
            _ => None,
        });
    let path = match first {
        Some(request) if request.method == "GET" => request.target.clone(),
        Some(request) if serves_a_form(&lesson.code, &request.target) => request.target.clone(),
        _ => "/".to_string(),
    };
    format!("{}{path}", app_origin(lesson))
}

/// Where a lesson's app is: [`ORIGIN`], or `http://` and the host its settings name.
pub fn app_origin(lesson: &Lesson) -> String {
    match &lesson.settings.host {
        Some(host) => format!("http://{host}"),
        None => ORIGIN.to_string(),
    }
}

/// Whether `code` declares a `GET` view at `path` (`@app.get('/login')`, or `@app.route` without
/// a `methods` list): where a lesson's form lives. Read from the decorators' text: the address
/// bar is filled before the app runs.
fn serves_a_form(code: &str, path: &str) -> bool {
    code.lines().map(str::trim_start).any(|line| {
        [
            format!("@app.get('{path}')"),
            format!("@app.get(\"{path}\")"),
        ]
        .contains(&line.trim_end().to_string())
            || ((line.starts_with(&format!("@app.route('{path}'"))
                || line.starts_with(&format!("@app.route(\"{path}\"")))
                && (!line.contains("methods")
                    || line.contains("'GET'")
                    || line.contains("\"GET\"")))
    })
}

/// What the lesson's step box offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepOffer {
    /// "▶ Next step": the scripted step at this index.
    Next(usize),
    /// The script is played but a goal is still unmet: start again and replay it.
    ResetAndReplay,
    /// Every goal is met: nothing to offer (the lesson says what comes next).
    Done,
}

/// What the step box offers, from the number of scripted steps, the next one's index and whether
/// every goal is met (goals lead: steps are a way there, not the point).
///
/// ```
/// use session_playground::ui::guide::{step_offer, StepOffer};
/// assert_eq!(step_offer(3, 1, false), StepOffer::Next(1));
/// assert_eq!(step_offer(3, 1, true), StepOffer::Done);
/// assert_eq!(step_offer(3, 3, false), StepOffer::ResetAndReplay);
/// ```
pub fn step_offer(total: usize, next: usize, all_met: bool) -> StepOffer {
    if all_met {
        StepOffer::Done
    } else if next < total {
        StepOffer::Next(next)
    } else {
        StepOffer::ResetAndReplay
    }
}

/// Whether the lesson is done: every goal met once (progress).
pub fn lesson_done(run: &LessonRun, progress: &LessonProgress) -> bool {
    run.lesson()
        .goals
        .iter()
        .all(|goal| progress.goals_met.contains(&goal.id))
}

/// What the step box offers for `run`: it follows the goals met, not the script's position.
pub fn lesson_offer(run: &LessonRun, progress: &LessonProgress) -> StepOffer {
    step_offer(
        run.lesson().steps.len(),
        run.next_step(),
        lesson_done(run, progress),
    )
}

/// Whether the goals list is unfolded: once the quiz is answered, or when there is none. The
/// goals name what the experiment shows, so before that they would give the quiz's answer away
/// (they stay one click away, and every goal is checked all the same).
///
/// ```
/// use session_playground::ui::guide::goals_shown;
/// assert!(!goals_shown(true, false));
/// assert!(goals_shown(true, true) && goals_shown(false, false));
/// ```
pub fn goals_shown(has_quiz: bool, quiz_answered: bool) -> bool {
    !has_quiz || quiz_answered
}

/// Whether a notice tells the learner something (shown calmly) or reports a problem (in red).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something happened as asked (a link opened, work kept aside, an import).
    Info,
    /// Something could not be done, and why.
    Error,
}

/// The beginnings of the notices that report what was done rather than what went wrong.
const INFO_NOTICES: [&str; 8] = [
    "Opened the shared state",
    "Your previous work was kept",
    "A fresh start",
    "Another tab of the playground saved",
    "Imported ",
    "Continuing from",
    "The playground did not finish loading last time",
    "Copied",
];

/// The kind of the notice `text`.
///
/// ```
/// use session_playground::ui::guide::{notice_kind, NoticeKind};
/// assert_eq!(notice_kind("Opened the shared state."), NoticeKind::Info);
/// assert_eq!(notice_kind("The clock did not move: \"soon\"."), NoticeKind::Error);
/// ```
pub fn notice_kind(text: &str) -> NoticeKind {
    if INFO_NOTICES.iter().any(|start| text.starts_with(start)) {
        NoticeKind::Info
    } else {
        NoticeKind::Error
    }
}

/// The quiz's verdict word to print before the feedback — none when the feedback already says
/// it ("Right: …", "Right. …"), so a correct answer never reads "Right. Right: …".
///
/// ```
/// use session_playground::ui::guide::quiz_verdict;
/// assert_eq!(quiz_verdict(true, "Right: no cookie was sent."), None);
/// assert_eq!(quiz_verdict(true, "The view runs first."), Some("Right."));
/// assert_eq!(quiz_verdict(false, "It is signed."), Some("Not quite."));
/// ```
pub fn quiz_verdict(correct: bool, feedback: &str) -> Option<&'static str> {
    let (word, verdict) = if correct {
        ("Right", "Right.")
    } else {
        ("Not quite", "Not quite.")
    };
    let says_it = feedback
        .strip_prefix(word)
        .is_some_and(|rest| rest.starts_with([':', '.', ',', '!', ' ']));
    (!says_it).then_some(verdict)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::builtin::{BUILTIN_LESSONS, builtin_lesson};
    use crate::ui::state::Workspace;

    #[test]
    fn every_built_in_lesson_has_a_level_and_count_comes_first() {
        let list = Workspace::lesson_list();
        let ids: Vec<&str> = list.iter().map(|(id, _)| id.as_str()).collect();
        let groups = by_level(&ids);
        assert_eq!(groups[0].1[0], FIRST_LESSON);
        assert!(
            groups.iter().all(|(level, _)| *level != Level::Other),
            "{groups:?}"
        );
        assert_eq!(
            groups
                .iter()
                .map(|(_, members)| members.len())
                .sum::<usize>(),
            ids.len()
        );
    }

    #[test]
    fn each_lesson_starts_at_a_path_its_app_answers() {
        // The first Enter in the address bar must not be a 404: the start path is a route of the
        // lesson's own code.
        for entry in BUILTIN_LESSONS {
            let lesson = builtin_lesson(entry.id).unwrap().unwrap();
            let address = start_address(Some(&lesson));
            let path = address.strip_prefix(&app_origin(&lesson)).unwrap();
            let route = path.split(['?']).next().unwrap();
            let first_segment = route.trim_start_matches('/').split('/').next().unwrap();
            let declared = lesson.code.lines().any(|line| {
                line.trim_start().starts_with("@app.")
                    && (line.contains(&format!("'{route}'"))
                        || (!first_segment.is_empty()
                            && line.contains(&format!("'/{first_segment}/"))))
            });
            assert!(
                declared,
                "{}: starts at {path}, which its code does not route",
                lesson.id
            );
        }
        assert_eq!(start_address(None), "http://localhost/count");
        let count = builtin_lesson("count").unwrap().unwrap();
        assert_eq!(start_address(Some(&count)), "http://localhost/count");
        let login = builtin_lesson("server-authority").unwrap().unwrap();
        assert_eq!(start_address(Some(&login)), "http://localhost/login");
        let posted_only = Lesson {
            code: login
                .code
                .replace("@app.get('/login')", "@app.get('/sign-in')"),
            ..login
        };
        assert_eq!(start_address(Some(&posted_only)), "http://localhost/");
    }

    #[test]
    fn each_lesson_that_logs_in_starts_at_its_form() {
        // The app answers the start address, and a lesson whose script logs in by a form post
        // starts at a page with that form: a learner logs in by hand, as the script does.
        use crate::scenario::action::{Action as Do, get};
        use crate::scenario::play::Player;
        for entry in BUILTIN_LESSONS {
            let lesson = builtin_lesson(entry.id).unwrap().unwrap();
            let address = start_address(Some(&lesson));
            let path = address
                .strip_prefix(&app_origin(&lesson))
                .unwrap()
                .to_string();
            let mut player = Player::start(&lesson.code, &lesson.settings);
            assert_eq!(player.apply(&get(&path)), None, "{}", lesson.id);
            let page = player.state().profiles[0].last_page.clone().unwrap();
            assert_eq!(
                page.status, 200,
                "{}: {path} answers {}",
                lesson.id, page.status
            );
            let posts = lesson.steps.iter().find_map(|step| match &step.action {
                Do::Request(request) if request.method == "POST" => Some(request.clone()),
                _ => None,
            });
            if let Some(post) = posts.filter(|post| post.target == path) {
                // A form that posts (the attribute quoted or not, with or without an action).
                assert!(
                    page.body.contains("<form method=\"post\"")
                        || page.body.contains("<form method=post"),
                    "{}: {path} holds no form: {}",
                    lesson.id,
                    page.body
                );
                for (field, _) in post.form.iter().flatten() {
                    // The name attribute quoted or not: `name="username"` or `name=username>`.
                    let named = page.body.contains(&format!("name=\"{field}\""))
                        || page.body.contains(&format!("name='{field}'"))
                        || [" ", ">", "/"]
                            .iter()
                            .any(|end| page.body.contains(&format!("name={field}{end}")));
                    assert!(
                        named,
                        "{}: the form at {path} has no {field} field",
                        lesson.id
                    );
                }
            }
        }
    }

    #[test]
    fn notices_of_things_done_are_information() {
        let mut workspace = Workspace::default();
        workspace = workspace.apply(Action::ReloadServer);
        let payload = workspace.share_payload();
        let opened = Workspace::default().apply(Action::OpenShared(payload));
        assert_eq!(notice_kind(opened.notice().unwrap()), NoticeKind::Info);
        let bad_clock = workspace.apply(Action::AdvanceClock("soon".into()));
        assert_eq!(notice_kind(bad_clock.notice().unwrap()), NoticeKind::Error);
        let afresh = bad_clock.apply(Action::StartAfresh);
        assert_eq!(notice_kind(afresh.notice().unwrap()), NoticeKind::Info);
    }

    #[test]
    fn a_link_opens_on_the_pane_that_shows_what_was_shared() {
        let started = Workspace::default().apply(Action::ReloadServer);
        let code_only = started.share_payload();
        assert_eq!(link_pane(&code_only), Pane::Code);
        let visited = started.apply(Action::Navigate("/count".into()));
        assert_eq!(link_pane(&visited.share_payload()), Pane::Browser);
        let in_lesson = visited.apply(Action::OpenLesson("count".into()));
        assert!(in_lesson.lesson().is_some());
        assert_eq!(link_pane(&in_lesson.share_payload()), Pane::Lesson);
        // Opened in a page already showing, the same rule moves the narrow layout.
        let payload = visited.share_payload();
        assert_eq!(pane_for(&Action::OpenShared(payload)), Some(Pane::Browser));
    }

    #[test]
    fn no_built_in_quiz_says_right_twice() {
        for entry in BUILTIN_LESSONS {
            let lesson = builtin_lesson(entry.id).unwrap().unwrap();
            for option in lesson.quiz.iter().flat_map(|quiz| quiz.options.iter()) {
                let shown = format!(
                    "{} {}",
                    quiz_verdict(option.correct, &option.feedback).unwrap_or_default(),
                    option.feedback
                );
                assert!(
                    !shown.contains("Right. Right") && !shown.contains("Not quite. Not quite"),
                    "{}: {shown}",
                    lesson.id
                );
            }
        }
    }
}
