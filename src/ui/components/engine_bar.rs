//! "Running… Stop": shown while an action has run in the engine worker for a while
//! (`ui::engine_worker`); Stop ends it.

use yew::prelude::*;

/// The bar's props.
#[derive(Properties, PartialEq)]
pub struct EngineBarProps {
    /// What is running, e.g. `GET /spin`.
    pub what: String,
    /// Stop was pressed.
    pub on_stop: Callback<MouseEvent>,
}

/// The bar (a status line, so a screen reader announces it).
#[function_component(EngineBar)]
pub fn engine_bar(props: &EngineBarProps) -> Html {
    html! {
        <div class="engine-running" role="status" data-testid="engine-running">
            <span>{ format!("Running {}\u{2026} ", props.what) }</span>
            <button type="button" data-testid="engine-stop" onclick={props.on_stop.clone()}>{ "Stop" }</button>
        </div>
    }
}
