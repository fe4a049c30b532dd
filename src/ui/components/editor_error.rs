//! The error line under the editor: which file and line the last error happened on, and what it
//! says, in every layout. The editor marks the line too, but only on the file's own tab and, on a
//! phone, far to the right; this line is readable at any width without leaving the Code pane (as
//! the TypeScript playground lists its errors under the code).

use yew::prelude::*;

use crate::ui::state::Action;

/// Props of [`EditorError`].
#[derive(Properties, PartialEq)]
pub struct EditorErrorProps {
    /// The file the error happened in (`app.py` or a project file).
    pub file: String,
    /// Its line, counted from 1.
    pub line: usize,
    /// `Type: message`, as the traceback's last line says it.
    pub message: String,
    /// `error` for a startup error (the app does not run), `warning` for a request's error.
    pub severity: String,
    /// Whether `file` is the one the editor shows.
    pub open: bool,
    /// Opens the file.
    pub on_action: Callback<Action>,
}

/// One line: "⚠ file, line N: message", and a button that opens the file when another is shown.
#[function_component(EditorError)]
pub fn editor_error(props: &EditorErrorProps) -> Html {
    let open_file = {
        let file = props.file.clone();
        props
            .on_action
            .reform(move |_: MouseEvent| Action::OpenFile(file.clone()))
    };
    let when = if props.severity == "error" {
        "The app did not start"
    } else {
        "The last request failed"
    };
    html! {
        <p class={classes!("editor-error", props.severity.clone())} data-testid="editor-error" role="status">
            <span aria-hidden="true">{ "⚠ " }</span>
            { format!("{when}: {}, line {}: {}", props.file, props.line, props.message) }
            if !props.open {
                { " " }
                <button class="small" data-testid="editor-error-open" onclick={open_file}>{ format!("Open {}", props.file) }</button>
            }
        </p>
    }
}
