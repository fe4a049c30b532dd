//! Predict, then see, through the page's reducer: a prediction is asked before its step, the
//! step answers it, the record travels in share links and hand-ins and is recomputed by their
//! replay, and a prediction cannot be made (or changed) after the fact.

use super::state::{Action, Workspace};
use crate::scenario::builtin::builtin_lesson;
use crate::scenario::check::check_predictions;
use crate::scenario::predict::{PredictionRecord, Verdict, verdict};

fn records(workspace: &Workspace) -> Vec<PredictionRecord> {
    workspace
        .lesson_progress()
        .map(|progress| progress.predictions.clone())
        .unwrap_or_default()
}

fn count_lesson_at_the_question() -> Workspace {
    let mut workspace = Workspace::started().apply(Action::OpenLesson("count".into()));
    for _ in 0..4 {
        workspace = workspace.apply(Action::LessonNextStep);
    }
    workspace
}

fn predict(workspace: Workspace, id: &str, choice: usize) -> Workspace {
    workspace.apply(Action::Predict {
        id: id.into(),
        choice,
    })
}

#[test]
fn the_step_answers_the_prediction_made_before_it() {
    let workspace = count_lesson_at_the_question();
    assert_eq!(workspace.lesson().unwrap().next_step(), 4);
    assert_eq!(verdict(&records(&workspace), "after-close"), Verdict::Open);
    // "Visit number: 4", the seed's wrong answer.
    let workspace = predict(workspace, "after-close", 0);
    assert_eq!(
        verdict(&records(&workspace), "after-close"),
        Verdict::Waiting(0)
    );
    // Changing one's mind before the step runs is allowed.
    let workspace = predict(workspace, "after-close", 2);
    let workspace = predict(workspace, "after-close", 0);
    let workspace = workspace.apply(Action::LessonNextStep);
    assert!(
        workspace
            .active_page()
            .is_some_and(|page| page.body.contains("Visit number: 1"))
    );
    assert_eq!(
        verdict(&records(&workspace), "after-close"),
        Verdict::Wrong {
            choice: 0,
            seen: vec![1]
        }
    );
    // Once seen, the prediction stays as it was made.
    let workspace = predict(workspace, "after-close", 1);
    assert_eq!(records(&workspace)[0].choice, 0);
}

#[test]
fn the_learners_own_click_answers_it_too_but_not_a_step_taken_before_it() {
    // The script closed the browser: the learner opens it and visits /count themselves.
    let workspace = predict(count_lesson_at_the_question(), "after-close", 1)
        .apply(Action::OpenBrowser)
        .apply(Action::Navigate("/count".into()));
    assert_eq!(
        verdict(&records(&workspace), "after-close"),
        Verdict::Right(1)
    );
    // Steps taken before the prediction do not answer it: only a later one does.
    let mut late = count_lesson_at_the_question()
        .apply(Action::OpenBrowser)
        .apply(Action::Navigate("/count".into()));
    late = predict(late, "after-close", 1);
    assert_eq!(verdict(&records(&late), "after-close"), Verdict::Waiting(1));
    // The next visit answers it, with what it shows (the second visit: no option says that).
    late = late.apply(Action::Navigate("/count".into()));
    assert_eq!(
        verdict(&records(&late), "after-close"),
        Verdict::Wrong {
            choice: 1,
            seen: vec![]
        }
    );
}

#[test]
fn unknown_predictions_and_options_are_ignored() {
    let workspace = count_lesson_at_the_question();
    let workspace = predict(workspace, "no-such-prediction", 0);
    let workspace = predict(workspace, "after-close", 9);
    assert!(records(&workspace).is_empty());
}

#[test]
fn a_share_link_and_a_hand_in_carry_the_prediction_and_their_replay_sees_the_same() {
    let workspace =
        predict(count_lesson_at_the_question(), "after-close", 0).apply(Action::LessonNextStep);
    let sent = records(&workspace);
    assert_eq!(sent[0].seen, Some(vec![1]));
    let opened = Workspace::started().apply(Action::OpenShared(workspace.share_payload()));
    assert_eq!(records(&opened), sent);
    // A prediction still waiting travels as waiting, and the receiver's next step answers it.
    let waiting = predict(count_lesson_at_the_question(), "after-close", 1);
    let opened = Workspace::started().apply(Action::OpenShared(waiting.share_payload()));
    assert_eq!(
        verdict(&records(&opened), "after-close"),
        Verdict::Waiting(1)
    );
    let opened = opened.apply(Action::LessonNextStep);
    assert_eq!(verdict(&records(&opened), "after-close"), Verdict::Right(1));
    // A hand-in's replay recomputes it the same way.
    let (link, _) = workspace.hand_in_link("Ada", None).unwrap();
    let handed = Workspace::started().apply(Action::OpenShared(link));
    assert_eq!(records(&handed), sent);
}

#[test]
fn a_prediction_waiting_when_the_lesson_is_reset_is_answered_by_the_replayed_step() {
    let workspace =
        predict(count_lesson_at_the_question(), "after-close", 1).apply(Action::ResetLesson);
    assert_eq!(records(&workspace)[0].made_at, 0);
    let mut workspace = workspace;
    for _ in 0..5 {
        workspace = workspace.apply(Action::LessonNextStep);
    }
    assert_eq!(
        verdict(&records(&workspace), "after-close"),
        Verdict::Right(1)
    );
}

#[test]
fn every_built_in_prediction_played_in_the_page_shows_what_check_says() {
    for id in [
        "server-authority",
        "close-browser",
        "count",
        "permanent-lifetime",
        "nested-mutation",
        "cookie-limit",
    ] {
        let lesson = builtin_lesson(id).unwrap().unwrap();
        assert!(!lesson.predictions.is_empty(), "{id} asks a prediction");
        let answers = check_predictions(&lesson);
        let mut workspace = Workspace::started().apply(Action::OpenLesson(id.into()));
        for step in 0..lesson.steps.len() {
            if let Some((prediction, (_, answer))) = lesson
                .predictions
                .iter()
                .zip(&answers)
                .find(|(prediction, _)| prediction.step == step)
            {
                let answer = answer.clone().unwrap_or_else(|why| panic!("{id}: {why}"));
                workspace = predict(workspace, &prediction.id, answer);
            }
            workspace = workspace.apply(Action::LessonNextStep);
        }
        for prediction in &lesson.predictions {
            assert!(
                matches!(
                    verdict(&records(&workspace), &prediction.id),
                    Verdict::Right(_)
                ),
                "{id}: {}: {:?}",
                prediction.id,
                records(&workspace)
            );
        }
    }
}
