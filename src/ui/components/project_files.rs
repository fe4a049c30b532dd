//! The project's files in the Code pane: a small tree (`app.py`, then each folder's files)
//! whose entries open the editor's tab, and the tools to add, rename and delete a file. Paths
//! are checked by the workspace (the rules links and lessons follow); this only renders and
//! dispatches.

use yew::prelude::*;

use crate::ui::state::Action;

/// Props of [`ProjectFilesBar`].
#[derive(Properties, PartialEq)]
pub struct ProjectFilesProps {
    /// The project's files beside `app.py`, by path in sorted order.
    pub paths: Vec<String>,
    /// The tab on screen (`app.py` or a path).
    pub open: String,
    /// The file the last error happened in, if any (marked in the tree).
    #[prop_or_default]
    pub error_file: Option<String>,
    /// Dispatches workspace actions.
    pub on_action: Callback<Action>,
}

/// The files as the tree shows them: top-level entries first, then each folder with its
/// files (a path's folder is all before its last `/`).
fn grouped(paths: &[String]) -> Vec<(Option<&str>, Vec<&str>)> {
    let mut groups: Vec<(Option<&str>, Vec<&str>)> = vec![(None, vec!["app.py"])];
    for path in paths {
        let folder = path.rsplit_once('/').map(|(folder, _)| folder);
        match groups.iter_mut().find(|(f, _)| *f == folder) {
            Some((_, files)) => files.push(path),
            None => groups.push((folder, vec![path])),
        }
    }
    groups
}

/// The file tree and its tools.
#[function_component(ProjectFilesBar)]
pub fn project_files_bar(props: &ProjectFilesProps) -> Html {
    let input = use_node_ref();
    let confirming_delete = use_state(|| false);
    let path_typed = {
        let input = input.clone();
        move || {
            input
                .cast::<web_sys::HtmlInputElement>()
                .map(|input| {
                    let value = input.value();
                    input.set_value("");
                    value
                })
                .unwrap_or_default()
        }
    };
    let on_add = {
        let on_action = props.on_action.clone();
        let path_typed = path_typed.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::AddFile(path_typed())))
    };
    let on_key = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" {
                let input: web_sys::HtmlInputElement = event.target_unchecked_into();
                on_action.emit(Action::AddFile(input.value()));
                input.set_value("");
            }
        })
    };
    let project_file = (props.open != "app.py").then(|| props.open.clone());
    let on_rename = {
        let on_action = props.on_action.clone();
        let from = props.open.clone();
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::RenameFile {
                from: from.clone(),
                to: path_typed(),
            })
        })
    };
    let on_delete_ask = {
        let confirming = confirming_delete.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let on_delete_cancel = {
        let confirming = confirming_delete.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let on_delete = {
        let confirming = confirming_delete.clone();
        let on_action = props.on_action.clone();
        let path = props.open.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            on_action.emit(Action::DeleteFile(path.clone()));
        })
    };
    let entry = |path: &str, label: &str| {
        let current = path == props.open;
        let broken = props.error_file.as_deref() == Some(path);
        let name = path.to_string();
        let class = classes!(
            "file-entry",
            current.then_some("current"),
            broken.then_some("broken")
        );
        html! {
            <li>
                <button {class} data-testid="file-tab" data-path={path.to_string()}
                    aria-current={current.then_some("true")}
                    title={broken.then_some("The last error happened in this file")}
                    onclick={props.on_action.reform(move |_| Action::OpenFile(name.clone()))}>
                    { label }{ if broken { " ⚠" } else { "" } }
                </button>
            </li>
        }
    };
    html! {
        <div class="project-files" data-testid="project-files">
            <ul class="file-tree" aria-label="Project files">
                { for grouped(&props.paths).into_iter().map(|(folder, files)| match folder {
                    None => files.iter().map(|path| entry(path, path)).collect::<Html>(),
                    Some(folder) => html! {
                        <li class="file-folder">
                            <span class="file-folder-name">{ format!("{folder}/") }</span>
                            <ul>
                                { for files.iter().map(|path| entry(path, path.rsplit('/').next().unwrap_or(path))) }
                            </ul>
                        </li>
                    },
                }) }
            </ul>
            <div class="file-tools">
                <input ref={input} type="text" class="file-path-input" data-testid="file-path"
                    placeholder="new file, e.g. templates/index.html" spellcheck="false"
                    aria-label="A file's path, e.g. templates/index.html or static/style.css (Enter adds it)"
                    onkeydown={on_key} />
                <button class="small" data-testid="add-file" onclick={on_add}>{ "Add file" }</button>
                if let Some(path) = project_file {
                    <button class="small" data-testid="rename-file" onclick={on_rename}
                        title={format!("Move {path} to the path typed")}>{ "Rename to path" }</button>
                    if *confirming_delete {
                        <span class="file-confirm" role="group" aria-label={format!("Delete {path}?")}>
                            { format!("Delete {path}? ") }
                            <button class="small danger" data-testid="delete-file-confirm" onclick={on_delete}>{ "Delete" }</button>
                            <button class="small" onclick={on_delete_cancel}>{ "Keep" }</button>
                        </span>
                    } else {
                        <button class="small" data-testid="delete-file" onclick={on_delete_ask}>{ "Delete…" }</button>
                    }
                }
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn files_are_grouped_by_folder_after_app_py() {
        let paths: Vec<String> = [
            "data.txt",
            "static/a.css",
            "templates/b.html",
            "templates/c.html",
        ]
        .iter()
        .map(|p| p.to_string())
        .collect();
        assert_eq!(
            grouped(&paths),
            vec![
                (None, vec!["app.py", "data.txt"]),
                (Some("static"), vec!["static/a.css"]),
                (
                    Some("templates"),
                    vec!["templates/b.html", "templates/c.html"]
                ),
            ]
        );
    }
}
