//! The step-through panel (in the server pane): a recorded request line by line, as a debugger
//! shows it — the line about to run in its code, the variables and the session just before it,
//! what the line reads or writes in the session and what the session is after it, what it
//! printed. Previous/next buttons, a slider and the arrow keys move through the lines; the lines
//! that touch the session are listed to jump to. The editor marks the same line.

use yew::prelude::*;

use crate::flask::step_record::{AccessKind, LineStep};
use crate::flask::trace::SessionEntry;
use crate::ui::state::Action;
use crate::ui::step_through::StepThrough;

/// Props of [`StepThroughView`].
#[derive(Properties, PartialEq)]
pub struct StepThroughProps {
    /// The recording and the line on screen.
    pub step_through: StepThrough,
    /// The timeline entry being stepped through (closing returns to its plain rewind).
    pub entry: usize,
    /// Whether the editor holds the code the request ran (else its lines may have moved).
    pub editor_matches: bool,
    /// Dispatches workspace actions.
    pub on_action: Callback<Action>,
}

/// How an access reads in the panel.
fn access_word(kind: AccessKind) -> &'static str {
    match kind {
        AccessKind::Read => "reads",
        AccessKind::Test => "tests",
        AccessKind::Write => "writes",
        AccessKind::Delete => "deletes",
    }
}

fn session_text(entries: &[SessionEntry]) -> String {
    let parts: Vec<String> = entries
        .iter()
        .map(|entry| format!("{}: {}", entry.key, entry.value))
        .collect();
    format!("{{{}}}", parts.join(", "))
}

/// The step-through panel.
#[function_component(StepThroughView)]
pub fn step_through_view(props: &StepThroughProps) -> Html {
    let step = &props.step_through;
    let total = step.recording.lines.len();
    let go = |to: usize| {
        props
            .on_action
            .reform(move |_: MouseEvent| Action::StepTo(to))
    };
    let close = {
        let entry = props.entry;
        props
            .on_action
            .reform(move |_: MouseEvent| Action::ViewEntry(entry))
    };
    let on_key = {
        let (on_action, at, last) = (props.on_action.clone(), step.at, total.saturating_sub(1));
        Callback::from(move |event: KeyboardEvent| {
            // The slider moves itself with the arrow keys; its `input` event dispatches.
            let from_slider = event
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|input| input.type_() == "range");
            let to = match event.key().as_str() {
                _ if from_slider => None,
                "ArrowRight" | "ArrowDown" | "j" => Some((at + 1).min(last)),
                "ArrowLeft" | "ArrowUp" | "k" => Some(at.saturating_sub(1)),
                "Home" => Some(0),
                "End" => Some(last),
                _ => None,
            };
            if let Some(to) = to {
                event.prevent_default();
                on_action.emit(Action::StepTo(to));
            }
        })
    };
    let on_slider = props.on_action.reform(|event: InputEvent| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        Action::StepTo(input.value().parse().unwrap_or(0))
    });
    let head = html! {
        <div class="step-head">
            <span class="step-title">{ format!("Step-through — {}", step.title) }</span>
            <button class="small" onclick={close} title="Stop stepping (the entry's state stays on screen)">{ "Close" }</button>
        </div>
    };
    let Some(line) = step.current() else {
        return html! {
            <div class="step-through" data-testid="step-through">
                { head }
                <p class="muted">{ "No line of app.py ran for this request: Flask answered it without calling the app's code (for example a 404 for a path no route matches), or the app was not running." }</p>
            </div>
        };
    };
    let controls = html! {
        <div class="step-controls">
            // `aria-disabled`, not `disabled`: a disabled button drops the keyboard focus out
            // of the panel at the first or last line, and the arrow keys would stop working.
            <button class="small" onclick={go(0)} aria-disabled={(step.at == 0).to_string()}>{ "First" }</button>
            <button class="small" data-testid="step-prev" onclick={go(step.at.saturating_sub(1))} aria-disabled={(step.at == 0).to_string()}>{ "Previous" }</button>
            <button class="small" data-testid="step-next" onclick={go(step.at + 1)} aria-disabled={(step.at + 1 >= total).to_string()}>{ "Next" }</button>
            <button class="small" onclick={go(total - 1)} aria-disabled={(step.at + 1 >= total).to_string()}>{ "Last" }</button>
            <input type="range" min="0" max={(total - 1).to_string()} value={step.at.to_string()}
                aria-label="Line of the run" oninput={on_slider} />
            <span data-testid="step-position" class="step-position">
                { format!("step {} of {} · line {} in {}()", step.at + 1, total, line.line, line.func) }
            </span>
        </div>
    };
    html! {
        <div class="step-through" data-testid="step-through" onkeydown={on_key}>
            { head }
            { controls }
            if !props.editor_matches {
                <p class="muted">{ "The code in the editor has changed since this request; the lines below are the code it ran." }</p>
            }
            if step.recording.exchanges.len() > 1 {
                <p class="step-exchange">{ format!("in {}", step.recording.exchanges.get(line.exchange).cloned().unwrap_or_default()) }</p>
            }
            { code_excerpt(step, line) }
            <div class="step-columns">
                { locals_table(step, line) }
                { session_view(step, line) }
            </div>
            if !line.printed.is_empty() {
                <div class="step-printed"><span class="trace-label">{ "prints: " }</span><code>{ &line.printed }</code></div>
            }
            if step.recording.truncated {
                <p class="muted">{ format!("Only the first {} lines were recorded.", crate::flask::step_record::MAX_LINES) }</p>
            }
            { session_lines(step, &props.on_action) }
        </div>
    }
}

/// The line about to run, with two lines of context each side.
fn code_excerpt(step: &StepThrough, line: &LineStep) -> Html {
    let first = line.line.saturating_sub(2).max(1);
    let last = (line.line + 2).min(step.source.lines().count());
    html! {
        <pre class="step-code" aria-label="The code around the line">
            { for (first..=last).map(|number| {
                let current = number == line.line;
                html! {
                    <div class={classes!("step-code-line", current.then_some("current"))} data-testid={current.then_some("step-line")}>
                        <span class="step-gutter">{ format!("{}{number:>4} ", if current { "→" } else { " " }) }</span>
                        { step.line_text(number) }
                    </div>
                }
            }) }
        </pre>
    }
}

fn locals_table(step: &StepThrough, line: &LineStep) -> Html {
    let changed = step.changed_locals();
    html! {
        <div class="step-locals" data-testid="step-locals">
            <div class="trace-label">{ format!("Variables in {}()", line.func) }</div>
            if line.locals.is_empty() {
                <div class="muted">{ "none yet" }</div>
            } else {
                <table class="kv">
                    { for line.locals.iter().map(|(name, value)| html! {
                        <tr class={classes!(changed.contains(name).then_some("changed"))}>
                            <th scope="row">{ name }</th><td><code>{ value }</code></td>
                        </tr>
                    }) }
                </table>
            }
        </div>
    }
}

fn session_view(step: &StepThrough, line: &LineStep) -> Html {
    let after = step
        .changes_session(step.at)
        .then(|| step.session_after(step.at))
        .flatten();
    html! {
        <div class="step-session" data-testid="step-session">
            <div class="trace-label">{ "session before this line" }</div>
            { match &line.session {
                Some(entries) => html! { <code>{ session_text(entries) }</code> },
                None => html! { <div class="muted">{ "no request context" }</div> },
            } }
            if !line.accesses.is_empty() {
                <ul class="step-accesses">
                    { for line.accesses.iter().map(|access| html! {
                        <li class={classes!("access", access.kind.word())}>
                            { format!("this line {} ", access_word(access.kind)) }<code>{ &access.what }</code>
                        </li>
                    }) }
                </ul>
            }
            if let Some(after) = after {
                <div class="step-after"><span class="trace-label">{ "after it: " }</span><code>{ session_text(&after) }</code></div>
            }
        </div>
    }
}

/// Every recorded line that touched the session, as buttons to jump to it.
fn session_lines(step: &StepThrough, on_action: &Callback<Action>) -> Html {
    let touching: Vec<(usize, &LineStep)> = step
        .recording
        .lines
        .iter()
        .enumerate()
        .filter(|(index, line)| !line.accesses.is_empty() || step.changes_session(*index))
        .collect();
    if touching.is_empty() {
        return html! { <p class="muted">{ "No line of this run touched the session." }</p> };
    }
    html! {
        <div class="step-session-lines">
            <span class="trace-label">{ "Lines that touch the session: " }</span>
            { for touching.into_iter().map(|(index, line)| {
                let words: Vec<&str> = line.accesses.iter().map(|access| access.kind.word()).collect();
                let label = if words.is_empty() { "changes".to_string() } else { words.join("+") };
                let onclick = on_action.reform(move |_: MouseEvent| Action::StepTo(index));
                html! {
                    <button class={classes!("small", "chip", (index == step.at).then_some("selected"))} {onclick}>
                        { format!("line {} {label}", line.line) }
                    </button>
                }
            }) }
        </div>
    }
}
