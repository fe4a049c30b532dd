//! "Hand in", under the lesson: the learner types their name and gets a link to send their
//! teacher (the replayable work) and a short completion code. The link and code are made by the
//! reducer ([`crate::ui::lesson_run::HandIn`]); this only renders and dispatches.

use yew::prelude::*;

use crate::ui::lesson_run::HandIn;
use crate::ui::state::Action;

/// Props of [`HandInBox`].
#[derive(Properties, PartialEq)]
pub struct HandInProps {
    /// The last hand-in made in this run, if any.
    pub hand_in: Option<HandIn>,
    /// The page's own address (what a link starts with).
    pub page_address: AttrValue,
    /// Dispatches workspace actions.
    pub on_action: Callback<Action>,
}

/// The hand-in box.
#[function_component(HandInBox)]
pub fn hand_in_box(props: &HandInProps) -> Html {
    let name = use_state(String::new);
    let on_name = {
        let name = name.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            name.set(input.value());
        })
    };
    let on_submit = {
        let name = name.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_action.emit(Action::HandIn(
                (*name).clone(),
                crate::ui::dom::now_seconds(),
            ));
        })
    };
    let select_all = Callback::from(|event: FocusEvent| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        input.select();
    });
    html! {
        <section class="lesson-hand-in" aria-label="Hand in">
            <h3>{ "Hand in" }</h3>
            <form class="hand-in-form" onsubmit={on_submit}>
                <label>
                    { "Your name " }
                    <input data-testid="hand-in-name" type="text" maxlength="80" value={(*name).clone()} oninput={on_name}
                        autocomplete="name" />
                </label>
                <button data-testid="hand-in" type="submit"
                    title="A link your teacher opens to replay your work, and a code for the mark sheet">{ "Hand in" }</button>
            </form>
            if let Some(hand_in) = &props.hand_in {
                <div class="hand-in-result" role="status">
                    <label>
                        { "Link for your teacher " }
                        <input data-testid="hand-in-url" class="share-url" readonly=true
                            value={format!("{}#{}", props.page_address, hand_in.payload)} onfocus={select_all.clone()} />
                    </label>
                    <label>
                        { "Completion code " }
                        <input data-testid="hand-in-code" class="hand-in-code" readonly=true value={hand_in.code.clone()}
                            onfocus={select_all} />
                    </label>
                    <p class="muted">{ format!("{} of {} goals met. Send both; the link is what your teacher checks.", hand_in.met, hand_in.total) }</p>
                </div>
            }
        </section>
    }
}
