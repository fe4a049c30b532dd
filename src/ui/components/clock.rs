//! The virtual clock: the current virtual time, a duration input ("31d 1s", Enter advances) and
//! quick buttons.

use yew::prelude::*;

use crate::ui::state::Action;

/// Props of [`Clock`].
#[derive(Properties, PartialEq)]
pub struct ClockProps {
    /// The virtual time, `YYYY-MM-DDTHH:MM:SSZ`.
    pub now: String,
    /// Dispatches workspace actions.
    pub on_action: Callback<Action>,
}

const QUICK: [(&str, u64); 4] = [
    ("+1 min", 60),
    ("+1 h", 3_600),
    ("+1 day", 86_400),
    ("+31 days", 31 * 86_400),
];

/// The clock bar.
#[function_component(Clock)]
pub fn clock(props: &ClockProps) -> Html {
    let on_key = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" {
                let input: web_sys::HtmlInputElement = event.target_unchecked_into();
                on_action.emit(Action::AdvanceClock(input.value()));
                input.set_value("");
            }
        })
    };
    let input = use_node_ref();
    let on_go = {
        let input = input.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
                on_action.emit(Action::AdvanceClock(input.value()));
                input.set_value("");
            }
        })
    };
    html! {
        <div class="clock" role="group" aria-label="Virtual clock">
            <span class="clock-label">{ "Virtual time" }</span>
            <time data-testid="clock-now" class="clock-now">{ &props.now }</time>
            <label class="clock-advance">
                <span>{ "Advance by" }</span>
                <input
                    ref={input}
                    data-testid="clock-input"
                    class="clock-input"
                    type="text"
                    placeholder="e.g. 31d 1s"
                    aria-label="Advance the clock by (e.g. 90s, 15m, 2h, 31d 1s), then Enter"
                    onkeydown={on_key}
                />
            </label>
            <button class="small" data-testid="clock-go" onclick={on_go}>{ "Go" }</button>
            { for QUICK.iter().map(|(label, seconds)| {
                let seconds = *seconds;
                html! {
                    <button class="small" onclick={props.on_action.reform(move |_| Action::AdvanceClockSeconds(seconds))}>
                        { *label }
                    </button>
                }
            }) }
        </div>
    }
}
