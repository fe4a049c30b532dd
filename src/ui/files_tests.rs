//! Project files in the page's workspace (issue 18): added, edited, renamed and deleted in the
//! editor; served after the reloader's pause; a template's error marked on its line in its own
//! tab; carried by share links, saved work and lessons; old links and saved work keep their
//! meaning; a hostile link's files are refused with a notice and nothing is lost.

use super::state::{Action, ServerStatus, Workspace};
use crate::scenario::saved::SavedWork;
use crate::scenario::share::{SHARE_VERSION, SharedState, decode, encode};

/// The seed app with a route that renders `templates/index.html`.
fn rendering_app() -> String {
    format!(
        "{}\nfrom flask import render_template\n\n@app.route('/hello')\ndef hello():\n    return render_template('index.html', name='Alice')\n",
        crate::ui::SEED_APP
    )
}

const TEMPLATE: &str =
    "<h1>Hello {{ name }}</h1>\n<ul>\n{% for i in [1, 2] %}<li>{{ i }}</li>{% endfor %}\n</ul>\n";

/// A workspace with `templates/index.html` made in the editor, rendered from `app.py`.
fn with_template() -> Workspace {
    let code = rendering_app();
    Workspace::started()
        .apply(Action::AddFile("templates/index.html".into()))
        .apply(Action::EditOpenFile(TEMPLATE.into()))
        .apply(Action::OpenFile("app.py".into()))
        .apply(Action::EditOpenFile(code))
        .apply(Action::Navigate("/hello".into()))
}

fn body(workspace: &Workspace) -> String {
    workspace
        .active_page()
        .map(|page| page.body.clone())
        .unwrap_or_default()
}

#[test]
fn a_template_made_in_the_editor_is_rendered_by_the_app() {
    let workspace = with_template();
    assert_eq!(
        body(&workspace),
        "<h1>Hello Alice</h1>\n<ul>\n<li>1</li><li>2</li>\n</ul>"
    );
    assert_eq!(workspace.server_status(), ServerStatus::Running);
    assert_eq!(
        workspace.editor().files().get("templates/index.html"),
        Some(TEMPLATE)
    );
}

#[test]
fn a_broken_template_opens_its_tab_with_the_line_marked() {
    let broken = TEMPLATE.replace("{% endfor %}", "{% endfo %}");
    let workspace = with_template()
        .apply(Action::OpenFile("templates/index.html".into()))
        .apply(Action::EditOpenFile(broken))
        .apply(Action::OpenFile("app.py".into()))
        .apply(Action::Navigate("/hello".into()));
    assert_eq!(workspace.active_page().map(|page| page.status), Some(500));
    assert_eq!(workspace.editor().open_file(), Some("templates/index.html"));
    let marks = workspace.editor_marks();
    assert_eq!(marks.len(), 1, "{marks:?}");
    assert_eq!(marks[0].line, 3);
    assert!(
        marks[0].message.starts_with("TemplateSyntaxError: "),
        "{}",
        marks[0].message
    );
    // The server log shows the template's frame, as `flask run` does.
    assert!(
        workspace
            .server_log()
            .contains("  File \"templates/index.html\", line 3, in template\n    {% for i in [1, 2] %}<li>{{ i }}</li>{% endfo %}\njinja2.exceptions.TemplateSyntaxError: "),
        "{}",
        workspace.server_log()
    );
    // app.py's tab marks nothing: the error is not there.
    let app = workspace.apply(Action::OpenFile("app.py".into()));
    assert!(app.editor_marks().is_empty());
}

#[test]
fn a_shared_workspace_opens_elsewhere_with_every_file_intact() {
    let workspace = with_template()
        .apply(Action::AddFile("static/style.css".into()))
        .apply(Action::EditOpenFile("h1 { color: teal }\n".into()));
    let payload = workspace.share_payload();
    let opened = Workspace::started().apply(Action::OpenShared(payload));
    assert_eq!(opened.editor().files(), workspace.editor().files());
    assert_eq!(opened.code(), workspace.code());
    assert_eq!(body(&opened), body(&workspace));
    // The unsaved stylesheet was carried as an edit the replay served.
    assert_eq!(opened.files(), workspace.editor().files());
}

#[test]
fn saved_work_and_its_export_keep_the_files() {
    let workspace = with_template();
    let saved = workspace.saved_work();
    let text = saved.export();
    let imported = SavedWork::import(&text).expect("it reads back");
    let restored = Workspace::started().apply(Action::Restore(Box::new(imported)));
    assert_eq!(restored.editor().files(), workspace.editor().files());
    assert_eq!(body(&restored), body(&workspace));
}

#[test]
fn a_link_without_files_is_byte_for_byte_what_it_was() {
    let workspace = Workspace::started()
        .apply(Action::Navigate("/count".into()))
        .apply(Action::Navigate("/count".into()));
    let shared = workspace.shared_state();
    assert_eq!(shared.files, None);
    let json = serde_json::to_string(&shared).unwrap();
    assert!(!json.contains("\"fs\""), "{json}");
    assert!(!json.contains("edit_files"), "{json}");
    // An old link (made before files existed) opens to the same state.
    let old = encode(&SharedState {
        version: SHARE_VERSION,
        actions: shared.actions.clone(),
        ..SharedState::default()
    });
    assert_eq!(old, workspace.share_payload());
    let opened = Workspace::started().apply(Action::OpenShared(old));
    assert!(opened.editor().files().is_empty());
    assert_eq!(body(&opened), body(&workspace));
}

#[test]
fn old_saved_work_without_files_still_opens() {
    // The shape saved work had before files: no "fs" key anywhere.
    let text = r#"{"version":1,"current":{"v":2,"a":[{"request":"GET /count","browser":"Alice"}]},"saved":[{"name":"mine","workspace":{"v":1,"c":"print(1)\n","a":[]}}],"progress":{}}"#;
    let work = SavedWork::import(text).expect("old saved work reads");
    let restored = Workspace::started().apply(Action::Restore(Box::new(work)));
    assert!(restored.editor().files().is_empty());
    assert_eq!(body(&restored), "Visit number: 1");
}

#[test]
fn a_hostile_link_with_bad_files_is_refused_and_nothing_is_lost() {
    let mine = with_template();
    let bad_path = SharedState {
        version: SHARE_VERSION,
        files: Some([("../../etc/passwd".to_string(), "x".to_string())].into()),
        ..SharedState::default()
    };
    let too_many = SharedState {
        version: SHARE_VERSION,
        files: Some(
            (0..200)
                .map(|i| (format!("f{i}.txt"), String::new()))
                .collect(),
        ),
        ..SharedState::default()
    };
    let too_big = SharedState {
        version: SHARE_VERSION,
        files: Some([("big.txt".to_string(), "x".repeat(300 * 1024))].into()),
        ..SharedState::default()
    };
    for (state, says) in [
        (bad_path, "'../../etc/passwd'"),
        (too_many, "200 files"),
        (too_big, "'big.txt' is 307200 bytes"),
    ] {
        let payload = encode(&state);
        assert!(decode(&payload).is_err());
        let after = mine.apply(Action::OpenShared(payload));
        let notice = after.notice().map(str::to_string).unwrap_or_default();
        assert!(notice.contains(says), "{notice}");
        assert!(notice.contains("has not been changed"), "{notice}");
        assert_eq!(after.editor().files(), mine.editor().files());
        assert_eq!(after.code(), mine.code());
    }
}

#[test]
fn add_rename_and_delete_follow_the_project_rules() {
    let workspace = Workspace::started();
    for bad in ["../up.txt", "/abs.txt", "app.py", "a//b.txt", ""] {
        let after = workspace.apply(Action::AddFile(bad.into()));
        assert!(after.editor().files().is_empty(), "{bad}");
        assert!(after.notice().is_some(), "{bad}");
    }
    let added = workspace
        .apply(Action::AddFile("templates/a.html".into()))
        .apply(Action::EditOpenFile("A".into()));
    assert_eq!(added.editor().open_file(), Some("templates/a.html"));
    assert_eq!(added.server_status(), ServerStatus::Reloading);
    // A file and a folder of the same name cannot both be held.
    let clash = added.apply(Action::AddFile("templates/a.html/b.txt".into()));
    assert_eq!(clash.editor().files(), added.editor().files());
    assert!(clash.notice().unwrap().contains("both a file and a folder"));
    let renamed = added.apply(Action::RenameFile {
        from: "templates/a.html".into(),
        to: "templates/b.html".into(),
    });
    assert_eq!(renamed.editor().files().get("templates/b.html"), Some("A"));
    assert_eq!(renamed.editor().files().get("templates/a.html"), None);
    assert_eq!(renamed.editor().open_file(), Some("templates/b.html"));
    let deleted = renamed.apply(Action::DeleteFile("templates/b.html".into()));
    assert!(deleted.editor().files().is_empty());
    assert_eq!(deleted.editor().open_file(), None, "app.py shows again");
}

#[test]
fn the_reloader_serves_a_changed_file_after_the_pause_and_logs_one_step() {
    let workspace = with_template();
    let steps = workspace.log().len();
    let edited = workspace
        .apply(Action::OpenFile("templates/index.html".into()))
        .apply(Action::EditOpenFile("<p>{{ name }}</p>".into()));
    assert_eq!(edited.server_status(), ServerStatus::Reloading);
    // A pause that began before the last keystroke does nothing.
    let early = edited.apply(Action::ReloadIfProjectUnchanged(
        edited.code().to_string(),
        workspace.editor().files().clone(),
    ));
    assert_eq!(early.server_status(), ServerStatus::Reloading);
    let reloaded = edited.apply(Action::ReloadIfProjectUnchanged(
        edited.code().to_string(),
        edited.editor().files().clone(),
    ));
    assert_eq!(reloaded.server_status(), ServerStatus::Running);
    // One edit_files step and the restart's edit_code step.
    assert_eq!(reloaded.log().len(), steps + 2);
    let after = reloaded.apply(Action::Navigate("/hello".into()));
    assert_eq!(body(&after), "<p>Alice</p>");
    // Rewinding to the first request shows the template as it was then.
    let first = after
        .timeline()
        .iter()
        .position(|entry| entry.summary.contains("/hello"))
        .unwrap();
    let past = after.state_after(first);
    assert_eq!(
        past.editor().files().get("templates/index.html"),
        Some(TEMPLATE)
    );
    let replayed = Workspace::replay(after.start_point(), &after.log().slice());
    assert_eq!(replayed.editor().files(), after.editor().files());
    assert_eq!(replayed.log(), after.log());
    assert_eq!(body(&replayed), "<p>Alice</p>");
}

#[test]
fn a_lesson_file_brings_its_files() {
    let lesson = serde_json::json!({
        "version": 2, "id": "tpl", "code": rendering_app(),
        "files": {"templates/index.html": "<b>{{ name }}</b>"},
        "lesson": {"title": "Templates", "question": "What renders?"},
        "steps": [{"request": "GET /hello"},
                  {"edit_files": {"templates/index.html": "<i>{{ name }}</i>"}},
                  {"request": "GET /hello"}]
    });
    let parsed = crate::scenario::lesson::parse_lesson(&lesson.to_string()).expect("valid");
    assert_eq!(
        parsed.files.get("templates/index.html").map(String::as_str),
        Some("<b>{{ name }}</b>")
    );
    let payload = encode(&SharedState {
        version: SHARE_VERSION,
        lesson: Some("tpl".into()),
        lesson_file: Some(lesson),
        ..SharedState::default()
    });
    let mut workspace = Workspace::started().apply(Action::OpenShared(payload));
    assert_eq!(
        workspace.editor().files().get("templates/index.html"),
        Some("<b>{{ name }}</b>")
    );
    workspace = workspace.apply(Action::LessonNextStep);
    assert_eq!(body(&workspace), "<b>Alice</b>");
    workspace = workspace
        .apply(Action::LessonNextStep)
        .apply(Action::LessonNextStep);
    assert_eq!(body(&workspace), "<i>Alice</i>");
    // A lesson's file with a bad path is refused with the place named.
    let bad = r#"{"version": 2, "id": "b", "code": "", "files": {"../x": ""}, "lesson": {"title": "t", "question": "q"}}"#;
    let err = crate::scenario::lesson::parse_lesson(bad).unwrap_err();
    assert!(err.to_string().starts_with("files: "), "{err}");
}

#[test]
fn a_workspace_with_a_template_fits_a_short_link() {
    let payload = with_template().share_payload();
    // Code, one template and two requests: the files cost about what their text compresses to.
    eprintln!("template workspace link: {} characters", payload.len());
    assert!(payload.len() <= 1_000, "{} characters", payload.len());
}
