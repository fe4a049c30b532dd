//! The lesson panel: the question, the quiz (asked first: the goals give its answer away, so
//! they stay folded until it is answered), "▶ next step" with what is about to happen (or "Reset
//! and replay", or nothing once every goal is met: `guide::lesson_offer`), the goals as they are
//! met, the hints (revealed one at a time, from a nudge to the answer), the solution (shown on
//! request, recorded as shown) and the explanation. Lesson Markdown arrives as inert HTML from
//! `scenario::markdown`.

use yew::prelude::*;

use crate::scenario::lesson::Lesson;
use crate::scenario::markdown::to_html;
use crate::scenario::predict::{Prediction, PredictionRecord, Verdict, verdict};
use crate::scenario::saved::LessonProgress;
use crate::ui::guide::{StepOffer, goals_shown, lesson_done, lesson_offer, quiz_verdict};
use crate::ui::lesson_run::{LessonRun, describe_step};
use crate::ui::state::Action;

/// Props of [`LessonPanel`].
#[derive(Properties, PartialEq)]
pub struct LessonPanelProps {
    /// The lesson in progress.
    pub run: LessonRun,
    /// Its progress (goals met, solution shown, quiz answer).
    pub progress: LessonProgress,
    /// The lesson after this one, offered once every goal is met.
    #[prop_or_default]
    pub next_lesson: Option<NextLesson>,
    /// Dispatches workspace actions.
    pub on_action: Callback<Action>,
}

/// The lesson offered after this one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextLesson {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
}

/// Lesson Markdown (already made inert by `scenario::markdown`) as HTML.
fn markdown(text: &str) -> Html {
    Html::from_html_unchecked(AttrValue::from(to_html(text)))
}

/// The prediction asked before scripted step `step`, if the lesson asks one there.
fn asked_before(lesson: &Lesson, step: usize) -> Option<&Prediction> {
    lesson
        .predictions
        .iter()
        .find(|prediction| prediction.step == step)
}

/// Whether step `step` waits for the learner's prediction (the step button appears once made).
fn awaits_prediction(lesson: &Lesson, step: usize, records: &[PredictionRecord]) -> bool {
    asked_before(lesson, step).is_some_and(|p| verdict(records, &p.id) == Verdict::Open)
}

/// The question before a step: its options to pick, or the pick made (changeable until the
/// step runs). The step's own explanation is held back until then: it would tell.
fn predict_box(
    prediction: &Prediction,
    records: &[PredictionRecord],
    on_action: &Callback<Action>,
) -> Html {
    let picked = match verdict(records, &prediction.id) {
        Verdict::Waiting(choice) => Some(choice),
        _ => None,
    };
    html! {
        <div class="lesson-predict" data-testid="lesson-predict" data-prediction-id={prediction.id.clone()}
            role="group" aria-label="Predict, then see">
            <p class="lesson-predict-label"><strong>{ "Predict first." }</strong>{ " " }
                { if picked.is_some() { "Run the step to see if you were right." } else { "The step runs once you have chosen." } }
            </p>
            <div class="markdown">{ markdown(&prediction.prompt) }</div>
            <ul class="quiz-options">
                { for prediction.options.iter().enumerate().map(|(index, option)| {
                    let id = prediction.id.clone();
                    let on_pick = on_action.reform(move |_: MouseEvent| Action::Predict { id: id.clone(), choice: index });
                    html! {
                        <li class="quiz-option">
                            <button class="quiz-pick" data-testid="predict-option" aria-pressed={(picked == Some(index)).to_string()} onclick={on_pick}>
                                <span class="markdown">{ markdown(&option.text) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

/// Each prediction whose step has run: the learner's pick beside what happened, and why.
fn predictions_seen(lesson: &Lesson, records: &[PredictionRecord]) -> Html {
    let seen: Vec<(&Prediction, usize, Vec<usize>)> = lesson
        .predictions
        .iter()
        .filter_map(|prediction| match verdict(records, &prediction.id) {
            Verdict::Right(choice) => Some((prediction, choice, vec![choice])),
            Verdict::Wrong { choice, seen } => Some((prediction, choice, seen)),
            Verdict::Open | Verdict::Waiting(_) => None,
        })
        .collect();
    if seen.is_empty() {
        return Html::default();
    }
    let text = |prediction: &Prediction, index: usize| {
        prediction
            .options
            .get(index)
            .map(|option| markdown(&option.text))
            .unwrap_or_default()
    };
    html! {
        <section class="lesson-predictions" aria-label="Your predictions" data-testid="lesson-predictions">
            <h3>{ "Your predictions" }</h3>
            { for seen.into_iter().map(|(prediction, choice, happened)| {
                let right = happened.contains(&choice);
                let state = if right { "right" } else { "wrong" };
                let explain = lesson.steps.get(prediction.step).and_then(|step| step.explain.clone());
                html! {
                    <div class={classes!("lesson-prediction", state)} data-testid="lesson-prediction"
                        data-prediction-id={prediction.id.clone()} data-state={state}>
                        <div class="markdown">{ markdown(&prediction.prompt) }</div>
                        <dl class="prediction-compare">
                            <dt>{ "You predicted" }</dt>
                            <dd data-testid="prediction-mine">{ text(prediction, choice) }</dd>
                            <dt>{ "What happened" }</dt>
                            <dd data-testid="prediction-seen">
                                if happened.is_empty() {
                                    { "None of these. Did the app or the steps change? Reset the lesson to run the experiment as written." }
                                }
                                { for happened.iter().map(|index| text(prediction, *index)) }
                            </dd>
                        </dl>
                        <p role="status"><strong>{ if right { "\u{2713} As you predicted." } else { "\u{2717} Not what you predicted." } }</strong></p>
                        if let Some(explain) = explain {
                            <div class="markdown">{ markdown(&explain) }</div>
                        }
                        { for happened.iter().filter_map(|index| prediction.options.get(*index))
                            .filter(|option| !option.feedback.is_empty())
                            .map(|option| html! { <div class="markdown prediction-why">{ markdown(&option.feedback) }</div> }) }
                    </div>
                }
            }) }
        </section>
    }
}

/// The lesson panel.
#[function_component(LessonPanel)]
pub fn lesson_panel(props: &LessonPanelProps) -> Html {
    let confirming_reset = use_state(|| false);
    // Hints revealed so far, for the lesson they were revealed in (another lesson starts at 0).
    let hints_revealed = use_state(|| (String::new(), 0usize));
    let lesson = &props.run.lesson();
    let hints = lesson.text.hint_list();
    let shown_hints = if hints_revealed.0 == lesson.id {
        hints_revealed.1.min(hints.len())
    } else {
        0
    };
    let on_hint = {
        let revealed = hints_revealed.clone();
        let id = lesson.id.clone();
        Callback::from(move |_: MouseEvent| revealed.set((id.clone(), shown_hints + 1)))
    };
    let progress = &props.progress;
    let total = lesson.steps.len();
    let met = |id: &str| progress.goals_met.iter().any(|done| done == id);
    let all_met = lesson_done(&props.run, progress);
    let on_next = props
        .on_action
        .reform(|_: MouseEvent| Action::LessonNextStep);
    let on_show = props.on_action.reform(|_: MouseEvent| Action::ShowSolution);
    let on_play = props.on_action.reform(|_: MouseEvent| Action::PlaySolution);
    let on_leave = props.on_action.reform(|_: MouseEvent| Action::CloseLesson);
    let on_replay = props.on_action.reform(|_: MouseEvent| Action::ResetLesson);
    let offer = lesson_offer(&props.run, progress);
    let goals_done = lesson.goals.iter().filter(|goal| met(&goal.id)).count();
    let goals_open = goals_shown(lesson.quiz.is_some(), progress.quiz_answer.is_some());
    let ask_reset = {
        let confirming = confirming_reset.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel_reset = {
        let confirming = confirming_reset.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let do_reset = {
        let confirming = confirming_reset.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            on_action.emit(Action::ResetLesson);
        })
    };

    html! {
        <div class="lesson" data-lesson-id={lesson.id.clone()}>
            <div class="lesson-head">
                <h2 class="lesson-title" tabindex="-1">{ &lesson.text.title }</h2>
                if let Some(source) = props.run.source() {
                    <span class="lesson-from muted" data-testid="lesson-from">{ format!("from {source}") }</span>
                }
                <button class="small" onclick={on_leave} title="Keep the work, hide the lesson">{ "Leave lesson" }</button>
            </div>
            <div class="lesson-question markdown">{ markdown(&lesson.text.question) }</div>

            // The quiz asks first: the goals below (and the steps' results) give its answer away.
            if let Some(quiz) = &lesson.quiz {
                <section class="lesson-quiz" aria-label="Quiz">
                    <h3>{ "Quiz" }</h3>
                    <div class="markdown">{ markdown(&quiz.prompt) }</div>
                    <ul class="quiz-options">
                        { for quiz.options.iter().enumerate().map(|(index, option)| {
                            let chosen = progress.quiz_answer == Some(index);
                            let on_pick = props.on_action.reform(move |_: MouseEvent| Action::AnswerQuiz(index));
                            let on_try = props.on_action.reform(move |_: MouseEvent| Action::TryQuizOption(index));
                            let verdict = chosen.then_some(if option.correct { "right" } else { "wrong" });
                            html! {
                                <li class={classes!("quiz-option", verdict)}>
                                    <button class="quiz-pick" aria-pressed={chosen.to_string()} onclick={on_pick}>
                                        <span class="markdown">{ markdown(&option.text) }</span>
                                        if let Some(code) = &option.code {
                                            <pre class="quiz-code">{ code }</pre>
                                        }
                                    </button>
                                    if option.code.is_some() && quiz.template.is_some() {
                                        <button class="small" onclick={on_try} title="Put this option into app.py, then send a request to see it run">
                                            { "Try it in the editor" }
                                        </button>
                                    }
                                    if chosen {
                                        <div class="quiz-feedback markdown" role="status">
                                            if let Some(verdict) = quiz_verdict(option.correct, &option.feedback) {
                                                <strong>{ verdict }{ " " }</strong>
                                            }
                                            { markdown(&option.feedback) }
                                        </div>
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }

            if total > 0 {
                <section class="lesson-steps" aria-label="Scripted steps">
                    if let (StepOffer::Next(next), Some(step)) = (offer, lesson.steps.get(props.run.next_step())) {
                        <div class="lesson-next">
                            if let Some(prediction) = asked_before(lesson, next) {
                                { predict_box(prediction, &progress.predictions, &props.on_action) }
                            } else if let Some(explain) = &step.explain {
                                <div class="markdown">{ markdown(explain) }</div>
                            }
                            <p class="muted lesson-step-what">{ describe_step(step) }</p>
                            if !awaits_prediction(lesson, next, &progress.predictions) {
                                <button class="primary" data-testid="lesson-next" onclick={on_next}>
                                    // The script's position is not progress (the goals are):
                                    // the button names the action only.
                                    { if asked_before(lesson, next).is_some() { "▶ Run it and see" } else { "▶ Next step" } }
                                </button>
                            }
                        </div>
                    } else if offer == StepOffer::ResetAndReplay {
                        <div class="lesson-next">
                            <p>{ format!("All {total} steps played, and a goal is still open. Try your own requests, or start again and watch each step.") }</p>
                            <button class="primary" data-testid="lesson-replay" onclick={on_replay}>{ "\u{21ba} Reset and replay" }</button>
                        </div>
                    } else {
                        <p class="muted lesson-done-steps">{ "Every goal is met: no more steps needed." }</p>
                    }
                </section>
            }

            { predictions_seen(lesson, &progress.predictions) }

            <details class="lesson-goals" open={goals_open} data-testid="lesson-goals">
                <summary>
                    <span class="lesson-goals-title">{ format!("Goals: {goals_done} of {} met", lesson.goals.len()) }</span>
                    if !goals_open {
                        <span class="muted goal-note">{ " (answer the quiz first: they give its answer away)" }</span>
                    }
                </summary>
                <ul>
                    { for lesson.goals.iter().zip(props.run.results().iter()).map(|(goal, result)| {
                        let done = met(&goal.id);
                        let state = if done { "met" } else { "unmet" };
                        html! {
                            <li data-testid="lesson-goal" data-goal-id={goal.id.clone()} data-state={state}
                                class={classes!("lesson-goal", state)}
                                title={result.detail.clone()}>
                                <span class="goal-mark" aria-hidden="true">{ if done { "✓" } else { "○" } }</span>
                                <span class="markdown goal-text">{ markdown(&goal.text) }</span>
                            </li>
                        }
                    }) }
                </ul>
            </details>

            if !hints.is_empty() {
                <section class="lesson-hints" aria-label="Hints">
                    { for hints.iter().take(shown_hints).enumerate().map(|(index, hint)| html! {
                        <div class="lesson-hint markdown" data-testid="lesson-hint" data-hint={(index + 1).to_string()}>
                            { markdown(hint) }
                        </div>
                    }) }
                    if shown_hints < hints.len() {
                        <button class="small" data-testid="lesson-show-hint" onclick={on_hint}>
                            { if shown_hints == 0 {
                                format!("Show a hint (1 of {})", hints.len())
                            } else {
                                format!("Show the next hint ({} of {})", shown_hints + 1, hints.len())
                            } }
                        </button>
                    }
                </section>
            }

            <section class="lesson-solution" aria-label="Solution">
                if progress.solution_shown {
                    <h3>{ "Solution" }</h3>
                    <ol class="solution-steps">
                        { for lesson.solution.iter().map(|step| html! { <li>{ describe_step(step) }</li> }) }
                    </ol>
                    <button class="small" onclick={on_play} title="Start the lesson again and play these steps (your work is kept as a saved workspace)">
                        { "Play the solution" }
                    </button>
                } else {
                    <button class="small" onclick={on_show}>{ "Show solution" }</button>
                }
            </section>

            if (all_met || progress.solution_shown) && !lesson.text.explanation.is_empty() {
                <section class="lesson-explanation" aria-label="Explanation">
                    <h3>{ if all_met { "Why it happens" } else { "Explanation" } }</h3>
                    <div class="markdown">{ markdown(&lesson.text.explanation) }</div>
                </section>
            }

            if all_met {
                <section class="lesson-finished" aria-label="Lesson finished" data-testid="lesson-finished">
                    <p><strong>{ "\u{2713} Lesson done." }</strong></p>
                    if let Some(next_lesson) = &props.next_lesson {
                        <button class="primary" data-testid="next-lesson" onclick={{
                            let id = next_lesson.id.clone();
                            props.on_action.reform(move |_: MouseEvent| Action::OpenLesson(id.clone()))
                        }}>{ format!("Next lesson \u{2192} {}", next_lesson.title) }</button>
                    } else {
                        <p class="muted">{ "That was the last lesson. The playground is yours: write your own app." }</p>
                    }
                </section>
            }

            <div class="lesson-reset">
                if *confirming_reset {
                    <span role="alert">{ "Start this lesson over? Your requests and edits in it are dropped; goals already met stay met." }</span>
                    <button class="small danger" onclick={do_reset}>{ "Yes, reset" }</button>
                    <button class="small" onclick={cancel_reset}>{ "Cancel" }</button>
                } else {
                    <button class="small" onclick={ask_reset}>{ "Reset lesson" }</button>
                }
            </div>
        </div>
    }
}
