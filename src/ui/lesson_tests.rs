//! Lessons, share links and saved work through the page's reducer, on the real simulated Flask
//! app: every built-in lesson's solution meets its goals when played in the workspace the way
//! the page plays it, a link rebuilds the same state, and no path loses work.

use super::history::Step;
use super::lesson_run::KEPT_WORK_NAME;
use super::state::{Action, Workspace};
use crate::scenario;
use crate::scenario::builtin::{BUILTIN_LESSONS, builtin_lesson};
use crate::scenario::share::MAX_LINK_CHARS;

fn page(workspace: &Workspace) -> &str {
    workspace
        .active_page()
        .map_or("", |page| page.body.as_str())
}

/// What the learner sees of a state (jars, pages, timeline, code), for comparing two states.
fn seen(workspace: &Workspace) -> String {
    let now = workspace.browser.clock.now();
    let mut out = format!(
        "now={now} active={} code={:?}\n",
        workspace.active_profile(),
        workspace.code()
    );
    for profile in workspace.browser.profiles() {
        let jar: Vec<String> = profile
            .jar
            .list(now)
            .iter()
            .map(|c| format!("{}={} {:?}", c.name, c.value, c.expires))
            .collect();
        out.push_str(&format!("{} open={} {jar:?}\n", profile.name, profile.open));
    }
    for page in workspace.pages() {
        out.push_str(&format!(
            "page {} {} {:?}\n",
            page.profile, page.status, page.body
        ));
    }
    for entry in workspace.timeline().iter() {
        out.push_str(&format!(
            "{} {:?} {}\n",
            entry.at, entry.profile, entry.summary
        ));
    }
    out
}

#[test]
fn every_built_in_lesson_is_listed_and_its_solution_meets_its_goals_in_the_page() {
    let list = Workspace::lesson_list();
    assert_eq!(list.len(), BUILTIN_LESSONS.len());
    assert!(list.len() >= 12);
    for (id, title) in list {
        assert!(!title.is_empty(), "{id} has a title");
        let workspace = Workspace::started().apply(Action::OpenLesson(id.clone()));
        assert!(
            workspace.notice().is_none(),
            "{id}: {:?}",
            workspace.notice()
        );
        let run = workspace.lesson().expect("the lesson is open");
        assert_eq!(run.results().len(), run.lesson().goals.len());
        let workspace = workspace.apply(Action::PlaySolution);
        let progress = workspace.lesson_progress().expect("progress is kept");
        assert!(
            progress.solution_shown,
            "{id}: playing the solution is recorded as shown"
        );
        let run = workspace.lesson().expect("still open");
        for (goal, result) in run.lesson().goals.iter().zip(run.results()) {
            let met_once = progress.goals_met.contains(&goal.id);
            assert!(
                met_once,
                "{id}: goal {} not met by the solution in the page: {}",
                goal.id, result.detail
            );
        }
    }
}

#[test]
fn scripted_steps_play_one_by_one_and_goals_follow_the_state() {
    let mut workspace = Workspace::started().apply(Action::OpenLesson("count".into()));
    let lesson = workspace.lesson().unwrap().lesson().clone();
    for _ in 0..3 {
        workspace = workspace.apply(Action::LessonNextStep);
    }
    assert_eq!(page(&workspace), "Visit number: 3");
    assert_eq!(workspace.lesson().unwrap().next_step(), 3);
    // A learner's own extra request does not undo a goal met before.
    let met: Vec<String> = workspace.lesson_progress().unwrap().goals_met.clone();
    workspace = workspace.apply(Action::Navigate("/count".into()));
    let still: &Vec<String> = &workspace.lesson_progress().unwrap().goals_met;
    assert!(met.iter().all(|id| still.contains(id)));
    while workspace.lesson().unwrap().next_step() < lesson.steps.len() {
        workspace = workspace.apply(Action::LessonNextStep);
    }
    assert!(
        !workspace.lesson_progress().unwrap().solution_shown,
        "reached without the solution"
    );
}

#[test]
fn the_count_lesson_after_three_requests_fits_a_short_link_and_reopens_identically() {
    let mut workspace = Workspace::started().apply(Action::OpenLesson("count".into()));
    for _ in 0..3 {
        workspace = workspace.apply(Action::Navigate("/count".into()));
    }
    let workspace = workspace.apply(Action::Share);
    let payload = workspace.share_link().map(str::to_string).expect("a link");
    assert!(
        payload.len() <= 400,
        "{} characters: {payload}",
        payload.len()
    );
    let opened = Workspace::started().apply(Action::OpenShared(payload));
    assert_eq!(seen(&opened), seen(&workspace));
    assert_eq!(
        opened.lesson().map(|run| run.lesson().id.as_str()),
        Some("count")
    );
}

#[test]
fn a_link_with_edited_code_and_every_kind_of_step_round_trips() {
    let code = format!(
        "{}\n@app.route('/who')\ndef who():\n    return session.get('user', 'nobody')\n",
        crate::ui::SEED_APP
    );
    let mut workspace = Workspace::started();
    for action in [
        Action::Navigate("/count".into()),
        Action::EditCode(code.clone()),
        Action::ReloadIfUnchanged(code.clone()),
        Action::Navigate("/who".into()),
        Action::AddCookie {
            name: "theme".into(),
            value: "dark".into(),
        },
        Action::SelectProfile("Bob".into()),
        Action::Navigate("/who".into()),
        Action::Navigate("count?x=1".into()),
        Action::Back,
        Action::Reload,
        Action::SetContinueWhereLeftOff(true),
        Action::CloseBrowser,
        Action::OpenBrowser,
        Action::AdvanceClockSeconds(90),
        Action::OpenPrivateWindow,
        Action::Navigate("/count".into()),
        Action::ForgeSession {
            secret: "secret".into(),
            data: r#"{"visits":41}"#.into(),
        },
        Action::Navigate("/count".into()),
        // Typed but not yet served: the link still carries it.
        Action::EditCode(format!("{code}# unsaved\n")),
    ] {
        workspace = workspace.apply(action.clone());
        assert!(
            workspace.notice().is_none(),
            "{action:?}: {:?}",
            workspace.notice()
        );
    }
    assert_eq!(page(&workspace), "Visit number: 42");
    let payload = workspace.share_payload();
    let opened = Workspace::started().apply(Action::OpenShared(payload));
    assert_eq!(opened.code(), workspace.code());
    // The unsaved edit is served on the other side; everything else is as it was.
    let mut expected = seen(&workspace);
    expected = expected.replace(
        &format!("code={:?}", workspace.code()),
        &format!("code={:?}", opened.code()),
    );
    assert_eq!(seen(&opened), expected);
}

#[test]
fn bad_links_explain_themselves_and_leave_the_work_alone() {
    let workspace = Workspace::started().apply(Action::Navigate("/count".into()));
    let good = workspace.share_payload();
    let cases = [
        ("".to_string(), "empty"),
        ("hello".to_string(), "damaged"),
        (format!("v1.{}", &good[3..good.len() / 2]), "incomplete"),
        (format!("v1.{}", "A".repeat(MAX_LINK_CHARS)), "too large"),
        ("v9.N4Ig".to_string(), "newer version"),
    ];
    for (payload, words) in cases {
        let after = workspace.apply(Action::OpenShared(payload.clone()));
        let notice = after.notice().map(str::to_string).unwrap_or_default();
        assert!(notice.contains(words), "{payload:.40}: {notice}");
        assert!(notice.contains("not been changed"), "{notice}");
        assert_eq!(seen(&after), seen(&workspace));
    }
}

#[test]
fn opening_a_link_or_a_lesson_keeps_the_work_on_screen_as_a_saved_workspace() {
    let work = Workspace::started()
        .apply(Action::Navigate("/count".into()))
        .apply(Action::Navigate("/count".into()));
    let link = Workspace::started()
        .apply(Action::OpenLesson("logout".into()))
        .share_payload();
    let opened = work.apply(Action::OpenShared(link));
    assert_eq!(opened.saved().saved.len(), 1);
    assert_eq!(opened.saved().saved[0].name, KEPT_WORK_NAME);
    assert!(opened.notice().unwrap_or_default().contains(KEPT_WORK_NAME));
    // Opening the kept work brings it back exactly, and keeps the lesson work in turn.
    let back = opened.apply(Action::OpenSaved(KEPT_WORK_NAME.into()));
    assert_eq!(seen(&back), seen(&work));
    // Pristine work is not worth keeping.
    let pristine = Workspace::started().apply(Action::OpenLesson("count".into()));
    assert!(pristine.saved().saved.is_empty());
}

#[test]
fn saved_work_restores_the_workspace_and_the_lesson_with_its_progress() {
    let mut workspace = Workspace::started().apply(Action::OpenLesson("count".into()));
    for _ in 0..2 {
        workspace = workspace.apply(Action::LessonNextStep);
    }
    workspace = workspace
        .apply(Action::ShowSolution)
        .apply(Action::AnswerQuiz(1));
    let stored = workspace.saved_work().export();
    let imported =
        crate::scenario::saved::SavedWork::import(&stored).expect("our own export reads back");
    let restored = Workspace::restored(imported);
    assert_eq!(seen(&restored), seen(&workspace));
    let run = restored.lesson().expect("the lesson is open again");
    assert_eq!(run.next_step(), 2);
    let progress = restored.lesson_progress().unwrap();
    assert!(progress.solution_shown);
    assert_eq!(progress.quiz_answer, Some(1));
}

#[test]
fn reset_goes_back_to_the_lesson_start_and_keeps_progress() {
    let workspace = Workspace::started()
        .apply(Action::OpenLesson("count".into()))
        .apply(Action::LessonNextStep)
        .apply(Action::ShowSolution)
        .apply(Action::ResetLesson);
    assert!(workspace.timeline().is_empty());
    assert_eq!(workspace.lesson().unwrap().next_step(), 0);
    assert!(workspace.lesson_progress().unwrap().solution_shown);
    let lesson = builtin_lesson("count").unwrap().unwrap();
    assert_eq!(workspace.code(), lesson.code);
}

#[test]
fn a_quiz_option_can_be_put_into_the_editor_when_it_is_code() {
    let lesson = BUILTIN_LESSONS
        .iter()
        .filter_map(|entry| builtin_lesson(entry.id)?.ok())
        .find(|lesson| {
            lesson
                .quiz
                .as_ref()
                .is_some_and(|quiz| quiz.template.is_some())
        })
        .expect("a lesson whose quiz options are code");
    let quiz = lesson.quiz.clone().unwrap();
    let workspace = Workspace::started()
        .apply(Action::OpenLesson(lesson.id.clone()))
        .apply(Action::TryQuizOption(0));
    assert_eq!(Some(workspace.code().to_string()), quiz.option_code(0));
    let step = Step::new(scenario::Action::EditCode(workspace.code().to_string()));
    assert!(matches!(step.action, scenario::Action::EditCode(_)));
}

#[test]
fn an_exported_file_imports_into_another_page_and_a_bad_file_changes_nothing() {
    let mut work = Workspace::started().apply(Action::OpenLesson("count".into()));
    for _ in 0..3 {
        work = work.apply(Action::LessonNextStep);
    }
    let work = work.apply(Action::OpenLesson("logout".into()));
    let exported = work.saved_work().export();
    let other = Workspace::started().apply(Action::Navigate("/count".into()));
    let imported = other.apply(Action::ImportSaved(exported.clone()));
    assert_eq!(seen(&imported), seen(&other), "nothing on screen changes");
    assert_eq!(
        imported.saved().saved.len(),
        2,
        "the kept count work and the current logout work"
    );
    assert_eq!(
        imported.saved().progress.get("count"),
        work.saved().progress.get("count")
    );
    // Importing the same file again adds nothing new.
    assert_eq!(
        imported
            .apply(Action::ImportSaved(exported))
            .saved()
            .saved
            .len(),
        2
    );
    for bad in [
        "",
        "{",
        r#"{"version": 99}"#,
        r#"{"version": 1, "saved": 3}"#,
    ] {
        let after = other.apply(Action::ImportSaved(bad.into()));
        assert!(
            after
                .notice()
                .unwrap_or_default()
                .contains("Nothing was changed"),
            "{bad}: {:?}",
            after.notice()
        );
        assert_eq!(after.saved(), other.saved());
    }
}

#[test]
fn shortcuts_and_alternatives_get_the_same_verdict_in_the_page() {
    use super::lesson_run::lesson_start;
    for builtin in BUILTIN_LESSONS {
        let lesson = builtin_lesson(builtin.id).unwrap().unwrap();
        for (probes, must_meet) in [(&lesson.shortcuts, false), (&lesson.alternatives, true)] {
            for probe in probes {
                let opened = Workspace::started().apply(Action::OpenLesson(lesson.id.clone()));
                let run = opened.lesson().cloned().expect("the lesson is open");
                let mut workspace = Workspace::replay(&lesson_start(&lesson), &[]);
                workspace.set_lesson(Some(run.played_through()));
                workspace.check_goals();
                for step in probe.steps.clone() {
                    workspace.lesson_step(step);
                    workspace.check_goals();
                }
                let met = workspace
                    .lesson_progress()
                    .map(|p| p.goals_met.clone())
                    .unwrap_or_default();
                for goal in &probe.goals {
                    assert_eq!(
                        met.contains(goal),
                        must_meet,
                        "{}: {} {}: goal {goal}",
                        lesson.id,
                        if must_meet { "alternative" } else { "shortcut" },
                        probe.id
                    );
                }
            }
        }
    }
}

/// Plays every step of `lesson`'s solution as the learner would (goals checked after each),
/// then answers the quiz with `answer`.
fn solved_by_hand(id: &str, answer: Option<usize>) -> Workspace {
    let mut workspace = Workspace::started().apply(Action::OpenLesson(id.into()));
    let lesson = workspace.lesson().unwrap().lesson().clone();
    for step in lesson.solution.clone() {
        workspace.lesson_step(step);
        workspace.check_goals();
    }
    match answer {
        Some(option) => workspace.apply(Action::AnswerQuiz(option)),
        None => workspace,
    }
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

#[test]
fn a_link_carries_exactly_the_progress_its_sender_had_in_every_lesson() {
    for builtin in BUILTIN_LESSONS {
        let lesson = builtin_lesson(builtin.id).unwrap().unwrap();
        let correct = lesson
            .quiz
            .as_ref()
            .and_then(|quiz| quiz.options.iter().position(|option| option.correct));
        let sender = solved_by_hand(builtin.id, correct);
        let sent = sender.lesson_progress().cloned().unwrap();
        assert!(
            !sent.goals_met.is_empty(),
            "{}: the solution meets goals",
            lesson.id
        );
        let opened = Workspace::started().apply(Action::OpenShared(sender.share_payload()));
        let got = opened
            .lesson_progress()
            .cloned()
            .expect("the lesson is open with its progress");
        assert_eq!(
            sorted(got.goals_met.clone()),
            sorted(sent.goals_met.clone()),
            "{}",
            lesson.id
        );
        assert_eq!(got.quiz_answer, correct, "{}", lesson.id);
        assert!(!got.solution_shown, "{}", lesson.id);
        // The receiver's own record holds it too, and sharing again gives the same state.
        assert_eq!(
            sorted(opened.saved().progress[&lesson.id].goals_met.clone()),
            sorted(sent.goals_met)
        );
        assert_eq!(
            opened.shared_state(),
            sender.shared_state(),
            "{}",
            lesson.id
        );
    }
}

#[test]
fn the_count_lesson_reached_by_hand_reopens_with_every_goal_met_even_those_that_need_an_earlier_one()
 {
    let mut workspace = Workspace::started().apply(Action::OpenLesson("count".into()));
    for _ in 0..3 {
        workspace = workspace.apply(Action::Navigate("/count".into()));
    }
    workspace = workspace
        .apply(Action::CloseBrowser)
        .apply(Action::OpenBrowser)
        .apply(Action::Navigate("/count".into()))
        .apply(Action::AnswerQuiz(1));
    assert_eq!(
        workspace.lesson_progress().unwrap().goals_met,
        ["third", "closed", "restart"]
    );
    let opened = Workspace::started().apply(Action::OpenShared(workspace.share_payload()));
    assert_eq!(
        opened.lesson_progress().unwrap().goals_met,
        ["third", "closed", "restart"]
    );
    assert_eq!(opened.lesson_progress().unwrap().quiz_answer, Some(1));
}

#[test]
fn a_link_opened_over_a_teachers_own_progress_shows_the_links_progress_only() {
    let teacher = solved_by_hand("count", Some(1));
    let learner = Workspace::started()
        .apply(Action::OpenLesson("count".into()))
        .apply(Action::Navigate("/count".into()));
    let opened = teacher.apply(Action::OpenShared(learner.share_payload()));
    assert!(opened.lesson_progress().unwrap().goals_met.is_empty());
    assert_eq!(opened.lesson_progress().unwrap().quiz_answer, None);
    // The teacher's own record is untouched.
    assert_eq!(opened.saved().progress["count"].goals_met.len(), 3);
}

#[test]
fn solution_shown_travels_and_says_whether_it_came_before_the_goals() {
    let before = Workspace::started()
        .apply(Action::OpenLesson("count".into()))
        .apply(Action::PlaySolution);
    let opened = Workspace::started().apply(Action::OpenShared(before.share_payload()));
    let progress = opened.lesson_progress().unwrap();
    assert!(progress.solution_shown && !progress.solved_before_solution);
    let after = solved_by_hand("count", None).apply(Action::ShowSolution);
    assert!(after.lesson_progress().unwrap().solved_before_solution);
    let opened = Workspace::started().apply(Action::OpenShared(after.share_payload()));
    let progress = opened.lesson_progress().unwrap();
    assert!(progress.solution_shown && progress.solved_before_solution);
}

/// A teacher's own lesson: the count lesson's file under another id and title.
fn teachers_lesson() -> serde_json::Value {
    let source = crate::scenario::builtin::BUILTIN_LESSONS
        .iter()
        .find(|entry| entry.id == "count")
        .unwrap()
        .source;
    let mut file: serde_json::Value = serde_json::from_str(source).unwrap();
    file["id"] = "my-count".into();
    file["lesson"]["title"] = "Counting, my way".into();
    file
}

#[test]
fn a_whole_lesson_travels_in_a_link_and_its_progress_with_it() {
    use crate::scenario::share::{SHARE_VERSION, SharedState, encode};
    let link = SharedState {
        version: SHARE_VERSION,
        lesson: Some("my-count".into()),
        lesson_file: Some(teachers_lesson()),
        ..SharedState::default()
    };
    let payload = encode(&link);
    println!(
        "the count lesson carried whole: {} characters",
        payload.len()
    );
    let opened = Workspace::started().apply(Action::OpenShared(payload));
    let run = opened.lesson().expect("the teacher's lesson is open");
    assert_eq!(run.lesson().text.title, "Counting, my way");
    assert_eq!(run.source().as_deref(), Some("a link"));
    // The learner plays it; their progress is kept apart from the built-in lesson's.
    let mut learner = opened;
    for _ in 0..5 {
        learner = learner.apply(Action::LessonNextStep);
    }
    let learner = learner.apply(Action::AnswerQuiz(1));
    assert_eq!(learner.lesson_progress().unwrap().goals_met.len(), 3);
    assert!(
        learner.saved().progress.contains_key("link:my-count")
            && !learner.saved().progress.contains_key("count")
    );
    let shared = learner.share_payload();
    println!(
        "… after the learner finished it: {} characters",
        shared.len()
    );
    let reopened = Workspace::started().apply(Action::OpenShared(shared));
    assert_eq!(
        reopened.lesson().unwrap().lesson().text.title,
        "Counting, my way"
    );
    assert_eq!(reopened.lesson_progress().unwrap().goals_met.len(), 3);
    // It is handed in and checked like a built-in lesson.
    let (payload, code) = learner.hand_in_link("Ada", None).unwrap();
    assert!(
        code.to_string()
            .starts_with("my-count.3of3.quiz-right.own-work."),
        "{code}"
    );
    let report = super::hand_in::verify(std::slice::from_ref(&payload));
    assert_eq!(
        report.rows[0].verdict,
        super::hand_in::Verdict::Verified,
        "{}",
        report.table()
    );
    // Checked against the teacher's own file: the same file passes, an eased one is flagged.
    assert_eq!(
        super::hand_in::verify_against(std::slice::from_ref(&payload), &[teachers_lesson()]).rows
            [0]
        .verdict,
        super::hand_in::Verdict::Verified
    );
    let mut eased = crate::scenario::share::decode(&payload).unwrap();
    eased.lesson_file.as_mut().unwrap()["goals"][2]["text"] = "Anything will do".into();
    let eased = crate::scenario::share::encode(&eased);
    let report = super::hand_in::verify_against(&[eased], &[teachers_lesson()]);
    assert!(
        matches!(&report.rows[0].verdict, super::hand_in::Verdict::Tampered(why) if why.contains("not the lesson file you gave")),
        "{}",
        report.table()
    );
    // A restored page (saved work) reopens it too.
    let restored = Workspace::restored(learner.saved_work());
    assert_eq!(
        restored.lesson().unwrap().lesson().text.title,
        "Counting, my way"
    );
}

#[test]
fn a_fetched_lesson_opens_and_a_bad_one_explains_itself_and_changes_nothing() {
    use crate::scenario::share::{SHARE_VERSION, SharedState};
    let at = |url: &str| SharedState {
        version: SHARE_VERSION,
        lesson_url: Some(url.into()),
        ..SharedState::default()
    };
    let work = Workspace::started().apply(Action::Navigate("/count".into()));
    let opened = work.apply(Action::OpenFetchedLesson(
        Box::new(at("https://school.example/l/mine.json")),
        Ok(teachers_lesson().to_string()),
    ));
    let run = opened.lesson().expect("open");
    assert_eq!(run.source().as_deref(), Some("school.example"));
    // Shared again, the link carries the file, so it opens without fetching.
    assert!(opened.shared_state().lesson_file.is_some());
    assert!(
        Workspace::started()
            .apply(Action::OpenShared(opened.share_payload()))
            .lesson()
            .is_some()
    );
    let mut bad_goal = teachers_lesson();
    bad_goal["goals"][0]["page_shows"] = 3.into();
    let too_many: serde_json::Value = {
        let mut file = teachers_lesson();
        file["steps"] =
            serde_json::Value::Array(vec![serde_json::json!({"request": "GET /"}); 300]);
        file
    };
    for (text, words) in [
        (
            Err("the server answered 404".to_string()),
            "could not be loaded: the server answered 404",
        ),
        (Ok("{".to_string()), "not JSON"),
        (Ok(bad_goal.to_string()), "not valid"),
        (Ok(too_many.to_string()), "more than 200 steps"),
        (Ok("x".repeat(200_000)), "too large"),
    ] {
        let after = work.apply(Action::OpenFetchedLesson(
            Box::new(at("/l/mine.json")),
            text,
        ));
        let notice = after.notice().map(str::to_string).unwrap_or_default();
        assert!(
            notice.contains(words) && notice.contains("not been changed"),
            "{words}: {notice}"
        );
        assert_eq!(seen(&after), seen(&work));
    }
}

// Issue 21: a link opened at load, before any server started, is the page's one start; a link
// that cannot be opened leaves the editor's code to start, so the page never stays without one.
#[test]
fn a_link_opened_first_starts_one_server_and_a_bad_one_starts_the_editors_code() {
    use super::state::ServerStatus;
    let sender = Workspace::started().apply(Action::Navigate("/count".into()));
    let payload = sender.share_payload();
    let before = crate::flask::server::starts();
    let opened = Workspace::default().apply(Action::OpenShared(payload));
    assert_eq!(crate::flask::server::starts() - before, 1);
    assert_eq!(opened.server_status(), ServerStatus::Running);
    assert_eq!(page(&opened), "Visit number: 1");

    let before = crate::flask::server::starts();
    let bad = Workspace::default().apply(Action::OpenShared("v2.not-a-link".into()));
    assert_eq!(crate::flask::server::starts() - before, 1);
    assert!(bad.notice().is_some(), "the learner is told why");
    assert_eq!(bad.server_status(), ServerStatus::Running);
    assert!(bad.server.is_running());
    // On a running page a bad link changes nothing and starts nothing.
    let before = crate::flask::server::starts();
    let kept = opened.apply(Action::OpenShared("v2.not-a-link".into()));
    assert_eq!(crate::flask::server::starts(), before);
    assert_eq!(page(&kept), "Visit number: 1");
}

/// What the step box offers now.
fn offer(workspace: &Workspace) -> crate::ui::guide::StepOffer {
    crate::ui::guide::lesson_offer(
        workspace.lesson().unwrap(),
        workspace.lesson_progress().unwrap(),
    )
}

#[test]
fn next_step_follows_the_goals_not_the_script() {
    use crate::scenario::action::SessionMode;
    use crate::ui::guide::StepOffer;
    // Lesson 1 with the mode switched early: the script plays to its end with goals still open
    // (its mode steps find the server already switched), and the step box offers to start again.
    let mut workspace = Workspace::started()
        .apply(Action::OpenLesson("server-authority".into()))
        .apply(Action::SetSessionMode(SessionMode::Server));
    assert_eq!(offer(&workspace), StepOffer::Next(0));
    let total = workspace.lesson().unwrap().lesson().steps.len();
    for _ in 0..total {
        workspace = workspace.apply(Action::LessonNextStep);
    }
    let progress = workspace.lesson_progress().unwrap();
    assert!(
        progress.goals_met.len() < workspace.lesson().unwrap().lesson().goals.len(),
        "{progress:?}"
    );
    assert_eq!(offer(&workspace), StepOffer::ResetAndReplay);
    // Reset and replay: the script from its start meets every goal, then nothing is offered.
    workspace = workspace.apply(Action::ResetLesson);
    assert_eq!(offer(&workspace), StepOffer::Next(0));
    for _ in 0..total {
        if offer(&workspace) == StepOffer::Done {
            break;
        }
        workspace = workspace.apply(Action::LessonNextStep);
    }
    assert_eq!(offer(&workspace), StepOffer::Done);

    // The count lesson done by hand, without a single "Next step": nothing is offered either.
    let mut workspace = Workspace::started().apply(Action::OpenLesson("count".into()));
    for _ in 0..3 {
        workspace = workspace.apply(Action::Navigate("/count".into()));
    }
    assert_eq!(offer(&workspace), StepOffer::Next(0));
    workspace = workspace
        .apply(Action::CloseBrowser)
        .apply(Action::OpenBrowser)
        .apply(Action::Navigate("/count".into()));
    assert_eq!(workspace.lesson().unwrap().next_step(), 0);
    assert_eq!(offer(&workspace), StepOffer::Done);
}

#[test]
fn a_mode_goal_waits_for_a_request_in_that_mode_in_the_page() {
    use crate::scenario::action::SessionMode;
    // Logged in with the signed cookie, then switched to the server-side store: the goal about
    // the store is not met until Alice logs in again in that mode.
    // The form at /login, as the page submits it.
    let login = || {
        Action::Send(crate::ui::state::form_submission(
            "post",
            "",
            vec![("username".to_string(), "alice".to_string())],
            "http://localhost/login",
        ))
    };
    let workspace = Workspace::started()
        .apply(Action::OpenLesson("server-authority".into()))
        .apply(login())
        .apply(Action::SetSessionMode(SessionMode::Server));
    let met = |workspace: &Workspace| {
        workspace
            .lesson_progress()
            .unwrap()
            .goals_met
            .contains(&"server-store".to_string())
    };
    assert!(!met(&workspace), "ticked on the mode switch alone");
    let workspace = workspace.apply(login());
    assert!(met(&workspace));
}

#[test]
fn a_lesson_run_advances_through_its_script_and_starts_again_with_its_link() {
    use super::state::{HandIn, LessonRun};
    use crate::scenario::saved::LessonProgress;
    use std::rc::Rc;
    let lesson = Rc::new(builtin_lesson("count").unwrap().unwrap());
    let mut run = LessonRun::new(lesson.clone(), 0);
    assert_eq!(run.advance(), lesson.steps.first().cloned());
    assert_eq!(run.next_step(), 1);
    while run.advance().is_some() {}
    assert_eq!(run.next_step(), lesson.steps.len());
    assert_eq!(run.advance(), None, "a finished script stays finished");
    run.set_link_progress(LessonProgress::default());
    run.set_hand_in(HandIn {
        payload: "p".into(),
        code: "c".into(),
        met: 1,
        total: 2,
    });
    assert!(run.link_progress_mut().is_some() && run.hand_in().is_some());
    let played = LessonRun::new(lesson.clone(), 0).played_through();
    assert_eq!(played.next_step(), lesson.steps.len());
    let solved = run.played_through();
    assert!(solved.link_progress().is_none() && solved.hand_in().is_none());
    let again = run.again();
    assert_eq!(
        (again.next_step(), again.results().len(), again.hand_in()),
        (0, 0, None)
    );
    assert!(again.from_link().is_none() && Rc::ptr_eq(again.lesson(), &lesson));
}
