//! The editor pane: a host `<div>` for CodeMirror. The editor owns its text while the learner
//! types; the component pushes text in only when the workspace's code differs (e.g. a lesson
//! opened), so typing never fights a re-render. One editor shows every file of the project:
//! switching the tab hands it the file's name and text (it keeps each file's undo history).

use yew::prelude::*;

/// Props of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The source to show (the open tab's text).
    pub code: String,
    /// The open tab's file name (`app.py`, `templates/index.html`): its language and label.
    #[prop_or_else(|| "app.py".to_string())]
    pub file: String,
    /// Called with the whole text after each edit.
    pub on_change: Callback<String>,
    /// Errors to mark on their lines (squiggle, gutter marker, message on hover).
    pub marks: Vec<crate::ui::state::EditorMark>,
    /// The line the step-through is on (highlighted and scrolled into view), if any.
    #[prop_or_default]
    pub current_line: Option<usize>,
}

/// The code editor.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let host = use_node_ref();
    // Natively (tests) there is no CodeMirror to drive; the host element is all that renders.
    #[cfg(not(target_arch = "wasm32"))]
    let _ = props;
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::prelude::Closure;

        use crate::ui::editor_bridge::{EditorHandle, mount_editor};

        let handle = use_mut_ref(|| None::<(EditorHandle, Closure<dyn FnMut(String)>)>);
        // What the editor must show when it mounts: the bundle may run long after the first
        // render (after a share link's result), when the code and the file have changed.
        let latest = use_mut_ref(|| (props.code.clone(), props.file.clone()));
        *latest.borrow_mut() = (props.code.clone(), props.file.clone());
        {
            let host = host.clone();
            let handle = handle.clone();
            let latest = latest.clone();
            let on_change = props.on_change.clone();
            use_effect_with((), move |_| {
                let mount = move || {
                    if let Some(element) = host.cast::<web_sys::Element>() {
                        let closure = Closure::<dyn FnMut(String)>::new(move |text: String| {
                            on_change.emit(text)
                        });
                        let (code, file) = latest.borrow().clone();
                        let editor = mount_editor(&element, &code, &closure);
                        editor.set_file(&file, &code);
                        *handle.borrow_mut() = Some((editor, closure));
                    }
                };
                // The page runs the bundle when it needs the editor (`editor_bridge::load_bundle`).
                match web_sys::window() {
                    Some(window) if !crate::ui::editor_bridge::bundle_loaded() => {
                        gloo_events::EventListener::once(&window, "playground-editor", move |_| {
                            mount()
                        })
                        .forget();
                    }
                    _ => mount(),
                }
            });
        }
        {
            let handle = handle.clone();
            let code = props.code.clone();
            use_effect_with(props.file.clone(), move |file| {
                if let Some((editor, _)) = handle.borrow().as_ref() {
                    editor.set_file(file, &code);
                }
            });
        }
        {
            let handle = handle.clone();
            use_effect_with(props.code.clone(), move |code| {
                if let Some((editor, _)) = handle.borrow().as_ref() {
                    editor.set_text(code);
                }
            });
        }
        {
            let handle = handle.clone();
            use_effect_with(
                (props.file.clone(), props.marks.clone()),
                move |(_, marks)| {
                    if let Some((editor, _)) = handle.borrow().as_ref() {
                        editor.set_marks(
                            &serde_json::to_string(marks).unwrap_or_else(|_| "[]".into()),
                        );
                    }
                },
            );
        }
        {
            let handle = handle.clone();
            use_effect_with(props.current_line, move |line| {
                if let Some((editor, _)) = handle.borrow().as_ref() {
                    editor.set_current_line(line.unwrap_or(0));
                }
            });
        }
    }
    html! { <div class="editor-host" data-testid="editor" ref={host}></div> }
}
