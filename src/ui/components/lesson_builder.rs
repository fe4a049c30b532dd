//! "Make a lesson" (the Teach menu): the form of [`crate::ui::lesson_builder::Draft`], with each
//! goal checked live against the workspace on screen, the lesson's validation as the teacher
//! types, and three ways out: try it as a learner (the page opens the lesson's link), a link
//! that carries the whole lesson, and the lesson file to download. Renders and dispatches only.

use std::rc::Rc;

use crate::ui::shared_log::SharedLog;

use yew::prelude::*;

use super::check_hand_ins::close_dialog;
use crate::scenario::action::Step;
use crate::scenario::goal::GoalStatus;
use crate::scenario::state::LessonState;
use crate::ui::lesson_builder::{Draft, GOAL_KINDS, GoalDraft, ValueKind};
use crate::ui::state::Action;

/// A change to the draft's goal list, made by a button.
type GoalsEdit = Rc<dyn Fn(&mut Vec<GoalDraft>)>;

/// Props of [`LessonBuilder`].
#[derive(Properties, PartialEq)]
pub struct LessonBuilderProps {
    /// The editor's code now.
    pub code: AttrValue,
    /// The steps taken since the workspace's start.
    pub log: SharedLog<Step>,
    /// The state on screen, as goals see it (asked for when the goals are shown).
    pub state_now: Callback<(), Rc<LessonState>>,
    /// The page's own address (what a link starts with).
    pub page_address: AttrValue,
    /// Dispatches workspace actions ("Try it" opens the lesson's link).
    pub on_action: Callback<Action>,
}

/// The dialog.
#[function_component(LessonBuilder)]
pub fn lesson_builder(props: &LessonBuilderProps) -> Html {
    // Whether the dialog is open: building the lesson and checking its goals against the state
    // on screen cost milliseconds on a long history, and the closed dialog is rendered on every
    // action; they are made only while it is open (it is modal: nothing else changes meanwhile).
    let dialog = use_node_ref();
    let open = use_state(|| false);
    {
        let dialog = dialog.clone();
        let opened = open.setter();
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            let listener = dialog.cast::<web_sys::Element>().map(|element| {
                gloo_events::EventListener::new(
                    &element,
                    super::check_hand_ins::OPENED,
                    move |_| opened.set(true),
                )
            });
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (dialog, opened);
            move || {
                #[cfg(target_arch = "wasm32")]
                drop(listener);
            }
        });
    }
    let on_close = {
        let closed = open.setter();
        Callback::from(move |_: Event| closed.set(false))
    };
    let draft = {
        let (code, log) = (props.code.clone(), props.log.clone());
        use_state(move || Draft::of_workspace(&code, &log.slice()))
    };
    let link = use_state(|| None::<String>);
    // One edit of the draft: `change` applies the typed value.
    let edit = |change: fn(&mut Draft, String)| {
        let draft = draft.clone();
        let link = link.clone();
        Callback::from(move |event: InputEvent| {
            let value = input_value(&event);
            let mut next = (*draft).clone();
            change(&mut next, value);
            draft.set(next);
            link.set(None);
        })
    };
    let edit_goal = |index: usize, change: fn(&mut GoalDraft, String)| {
        let draft = draft.clone();
        let link = link.clone();
        Callback::from(move |event: Event| {
            let value = event_value(&event);
            let mut next = (*draft).clone();
            if let Some(goal) = next.goals.get_mut(index) {
                change(goal, value);
            }
            draft.set(next);
            link.set(None);
        })
    };
    let set_goals = |change: GoalsEdit| {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*draft).clone();
            change(&mut next.goals);
            draft.set(next);
        })
    };
    let from_workspace = {
        let draft = draft.clone();
        let (code, log) = (props.code.clone(), props.log.clone());
        Callback::from(move |_: MouseEvent| {
            let fresh = Draft::of_workspace(&code, &log.slice());
            draft.set(Draft {
                code: fresh.code,
                steps: fresh.steps,
                ..(*draft).clone()
            });
        })
    };
    let built = if *open {
        draft.build()
    } else {
        Err("the dialog is closed".into())
    };
    let on_try = {
        let draft = draft.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |event: MouseEvent| {
            if let Ok(payload) = draft.link_payload() {
                on_action.emit(Action::OpenShared(payload));
                close_dialog(event);
            }
        })
    };
    let on_link = {
        let draft = draft.clone();
        let link = link.clone();
        let address = props.page_address.clone();
        Callback::from(move |_: MouseEvent| {
            link.set(
                draft
                    .link_payload()
                    .ok()
                    .map(|payload| format!("{address}#{payload}")),
            );
        })
    };
    let export = built
        .as_ref()
        .ok()
        .map(|lesson| serde_json::to_string_pretty(&lesson.file).unwrap_or_default());
    let now = if *open {
        draft.check_now(&props.state_now.emit(()))
    } else {
        vec![Err(String::new()); draft.goals.len()]
    };
    let select_all = Callback::from(|event: FocusEvent| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        input.select();
    });

    let goal_row = |(index, goal): (usize, &GoalDraft)| {
        let value_kind = GOAL_KINDS
            .iter()
            .find(|(key, _, _)| *key == goal.kind)
            .map_or(ValueKind::Text, |(_, _, kind)| *kind);
        let (state, says) = match &now[index] {
            Ok(result) if result.status == GoalStatus::Met => ("met", "met now".to_string()),
            Ok(result) => ("unmet", format!("not met now: {}", result.detail)),
            Err(why) => ("error", why.clone()),
        };
        let remove: GoalsEdit = Rc::new(move |goals| {
            goals.remove(index);
        });
        html! {
            <li class="builder-goal" data-testid="builder-goal">
                <select data-testid="builder-goal-kind" aria-label={format!("Goal {} checks that", index + 1)}
                    onchange={edit_goal(index, |goal, value| goal.kind = value)}>
                    { for GOAL_KINDS.iter().map(|(key, label, _)| html! {
                        <option value={*key} selected={goal.kind == *key}>{ *label }</option>
                    }) }
                </select>
                if value_kind != ValueKind::Nothing {
                    <input data-testid="builder-goal-value" type="text" value={goal.value.clone()}
                        aria-label={format!("Goal {}: value", index + 1)}
                        placeholder={if value_kind == ValueKind::Number { "a number" } else { "text, or a JSON object" }}
                        onchange={edit_goal(index, |goal, value| goal.value = value)} />
                }
                <input data-testid="builder-goal-text" type="text" value={goal.text.clone()}
                    aria-label={format!("Goal {}: what the learner reads", index + 1)} placeholder="what the learner reads"
                    onchange={edit_goal(index, |goal, value| goal.text = value)} />
                <label class="builder-after">
                    <input data-testid="builder-goal-after" type="checkbox" checked={goal.after_previous} disabled={index == 0}
                        onchange={edit_goal(index, |goal, _| goal.after_previous = !goal.after_previous)} />
                    { " after the one above" }
                </label>
                <button class="small" aria-label={format!("Remove goal {}", index + 1)} onclick={set_goals(remove)}>{ "×" }</button>
                <span class="builder-now" data-testid="builder-goal-now" data-state={state}>{ says }</span>
            </li>
        }
    };
    let add_goal: GoalsEdit = Rc::new(|goals| goals.push(GoalDraft::default()));

    html! {
        <dialog id="lesson-builder" ref={dialog} class="teach-dialog lesson-builder" aria-labelledby="lesson-builder-title" onclose={on_close}>
            <h2 id="lesson-builder-title">{ "Make a lesson" }</h2>
            <p class="muted">{ "Play the experiment in the page, then describe it here. Goals are checked against what is on screen now. Texts are Markdown." }</p>
            <div class="builder-grid">
                <label>{ "Title" }<input data-testid="builder-title" type="text" value={draft.title.clone()} oninput={edit(|d, v| d.title = v)} /></label>
                <label>{ "Id (optional)" }<input data-testid="builder-id" type="text" value={draft.id.clone()} placeholder={draft.lesson_id()} oninput={edit(|d, v| d.id = v)} /></label>
                <label class="wide">{ "Question" }<textarea data-testid="builder-question" rows="2" value={draft.question.clone()} oninput={edit(|d, v| d.question = v)} /></label>
                <label class="wide">{ "Hints, one a line, from a nudge to the answer" }<textarea data-testid="builder-hints" rows="3" value={draft.hints.clone()} oninput={edit(|d, v| d.hints = v)} /></label>
                <label class="wide">{ "Explanation (shown once the goals are met)" }<textarea data-testid="builder-explanation" rows="2" value={draft.explanation.clone()} oninput={edit(|d, v| d.explanation = v)} /></label>
                <label class="wide">{ "Quiz question (optional)" }<input data-testid="builder-quiz-prompt" type="text" value={draft.quiz_prompt.clone()} oninput={edit(|d, v| d.quiz_prompt = v)} /></label>
                <label class="wide">{ "Quiz options, one a line: * before the right one, | before its feedback" }<textarea data-testid="builder-quiz-options" rows="3" value={draft.quiz_options.clone()} oninput={edit(|d, v| d.quiz_options = v)} /></label>
                <label class="wide">{ "The app's code" }<textarea data-testid="builder-code" rows="8" spellcheck="false" value={draft.code.clone()} oninput={edit(|d, v| d.code = v)} /></label>
                <label class="wide">{ "Steps, one a line (GET /path, or a step as JSON)" }<textarea data-testid="builder-steps" rows="4" spellcheck="false" value={draft.steps.clone()} oninput={edit(|d, v| d.steps = v)} /></label>
            </div>
            <button class="small" data-testid="builder-from-workspace" onclick={from_workspace}
                title="Replace the code and steps above with the editor's code and the steps taken since the start">{ "Use the workspace's code and steps" }</button>
            <h3>{ "Goals" }</h3>
            <ol class="builder-goals">{ for draft.goals.iter().enumerate().map(goal_row) }</ol>
            <button class="small" data-testid="builder-add-goal" onclick={set_goals(add_goal)}>{ "Add a goal" }</button>
            <p data-testid="builder-status" class={classes!("builder-status", built.is_err().then_some("error"))} role="status">
                { match &built { Ok(lesson) => format!("Ready: {} goals, {} steps.", lesson.lesson.goals.len(), lesson.lesson.steps.len()), Err(why) => format!("Not ready: {why}.") } }
            </p>
            <div class="dialog-actions">
                <button class="primary" data-testid="builder-try" disabled={built.is_err()} onclick={on_try}
                    title="Open the lesson here as a learner sees it (your work is kept under Saved)">{ "Try it" }</button>
                <button data-testid="builder-make-link" disabled={built.is_err()} onclick={on_link}>{ "Make a link" }</button>
                if let Some(file) = export {
                    <a class="button" data-testid="builder-export" download={format!("{}.json", draft.lesson_id())}
                        href={super::header::json_data_url(&file)}>{ "Download the lesson file" }</a>
                }
                <button onclick={Callback::from(close_dialog)}>{ "Close" }</button>
            </div>
            if let Some(url) = &*link {
                <label class="wide">{ "Link to the lesson " }
                    <input data-testid="builder-link" class="share-url" readonly=true value={url.clone()} onfocus={select_all} />
                </label>
            }
        </dialog>
    }
}

/// The value of the input or textarea an input event came from.
fn input_value(event: &InputEvent) -> String {
    let target: web_sys::HtmlElement = event.target_unchecked_into();
    element_value(&target)
}

/// The value of the element a change event came from.
fn event_value(event: &Event) -> String {
    let target: web_sys::HtmlElement = event.target_unchecked_into();
    element_value(&target)
}

fn element_value(element: &web_sys::HtmlElement) -> String {
    use wasm_bindgen::JsCast;
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}
