//! "Check hand-ins" (the Teach menu): a teacher pastes the class's hand-in links and completion
//! codes, one a line, and sees one table — who, which lesson, the goals met, the quiz, whether
//! the solution was shown, when, and what is wrong with a hand-in that does not add up. The
//! check is [`crate::ui::hand_in::Checker`], the one `session-playground verify` runs (every
//! link replayed, nothing it claims trusted); this component only runs it one entry per timer
//! tick, so the page paints and stays usable between two replays, and renders its rows.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::hand_in::{COLUMNS, Checker, MAX_HAND_INS, VerifyReport};

/// Where a check is.
#[derive(Clone, PartialEq)]
enum Progress {
    /// Nothing checked yet.
    Idle,
    /// Checking: entries done, of how many.
    Running(usize, usize),
    /// The report.
    Done(Rc<VerifyReport>),
}

/// Opens the `<dialog>` with this id as a modal, if it is not open.
pub(crate) fn open_dialog(id: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(dialog) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        && !dialog.has_attribute("open")
    {
        crate::ui::dom::call_method(&dialog, "showModal");
        // Dialogs whose content is made only while open listen for it (`<dialog>` has no
        // event of its own for opening in every browser we support).
        if let Ok(event) = web_sys::Event::new(OPENED) {
            let _ = dialog.dispatch_event(&event);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

/// The event [`open_dialog`] fires on the dialog it opened.
#[cfg(target_arch = "wasm32")]
pub(crate) const OPENED: &str = "playground-dialog-open";

/// Closes the `<dialog>` a click came from.
pub(crate) fn close_dialog(event: MouseEvent) {
    #[cfg(target_arch = "wasm32")]
    if let Some(dialog) = event
        .target_dyn_into::<web_sys::Element>()
        .and_then(|element| element.closest("dialog").ok().flatten())
    {
        crate::ui::dom::call_method(&dialog, "close");
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = event;
}

/// The dialog.
#[function_component(CheckHandIns)]
pub fn check_hand_ins() -> Html {
    let input = use_node_ref();
    let progress = use_state(|| Progress::Idle);
    // Each check has a number; a check still running when another starts stops at its next tick.
    let current = use_mut_ref(|| 0u64);
    let on_check = {
        let input = input.clone();
        let progress = progress.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(text) = input
                .cast::<web_sys::HtmlTextAreaElement>()
                .map(|area| area.value())
            else {
                return;
            };
            *current.borrow_mut() += 1;
            let this = *current.borrow();
            let mut checker = Checker::of_text(&text, &[]);
            let of = checker.entries();
            progress.set(Progress::Running(0, of));
            let progress = progress.clone();
            let current = current.clone();
            yew::platform::spawn_local(async move {
                loop {
                    yew::platform::time::sleep(std::time::Duration::ZERO).await;
                    if *current.borrow() != this {
                        return;
                    }
                    if !checker.check_next() {
                        break;
                    }
                    progress.set(Progress::Running(checker.done(), of));
                }
                progress.set(Progress::Done(Rc::new(checker.finish())));
            });
        })
    };
    let body = match &*progress {
        Progress::Idle => html! {},
        Progress::Running(done, of) => html! {
            <p class="hand-ins-status" data-testid="hand-ins-status" role="status">
                { format!("Checking: {done} of {of} replayed\u{2026}") }
            </p>
        },
        Progress::Done(report) => html! {
            <>
                <p class="hand-ins-status" data-testid="hand-ins-status" role="status">{ report.summary() }</p>
                <div class="hand-ins-scroll">
                    <table class="hand-ins-table" data-testid="hand-ins-table">
                        <thead><tr>{ for COLUMNS.iter().map(|name| html! { <th scope="col">{ *name }</th> }) }</tr></thead>
                        <tbody>
                            { for report.rows.iter().map(|row| html! {
                                <tr data-testid="hand-ins-row" data-verdict={row.verdict.kind()}
                                    data-complete={row.complete().to_string()}
                                    class={classes!(row.verdict.flagged().then_some("flagged"), row.complete().then_some("complete"))}>
                                    { for row.cells().into_iter().map(|cell| html! { <td>{ cell }</td> }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </>
        },
    };
    html! {
        <dialog id="check-hand-ins" class="teach-dialog" aria-labelledby="check-hand-ins-title">
            <h2 id="check-hand-ins-title">{ "Check hand-ins" }</h2>
            <p class="muted">
                { format!("Paste your class's hand-in links and completion codes, one a line (at most {MAX_HAND_INS}). Each link is replayed here: the goals shown are the ones its steps meet, whatever it claims.") }
            </p>
            <textarea ref={input} data-testid="hand-ins-input" class="hand-ins-input" rows="8" spellcheck="false"
                aria-label="Hand-in links and codes, one a line" placeholder="https://\u{2026}#v2.\u{2026}  lesson.3of3.quiz-right.own-work.XXXXXXXXXX" />
            <div class="dialog-actions">
                <button class="primary" data-testid="hand-ins-check" onclick={on_check}>{ "Check" }</button>
                <button onclick={Callback::from(close_dialog)}>{ "Close" }</button>
            </div>
            { body }
        </dialog>
    }
}
