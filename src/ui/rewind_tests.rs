//! Rewind, "continue from here" and the browser's history buttons, on the real simulated Flask
//! app: a state rebuilt by replaying the log must be the state the learner saw at that moment.

use super::state::{Action, Workspace};
use crate::browser::Cookie;

/// What the learner sees of a state: every jar, every page, the timeline, the log, the clock.
fn seen(workspace: &Workspace) -> String {
    let now = workspace.browser.clock.now();
    let mut out = format!(
        "now={now} active={} served={:?}\n",
        workspace.active_profile(),
        workspace.served_code
    );
    for profile in workspace.browser.profiles() {
        let cookies: Vec<String> = profile
            .jar
            .list(now)
            .iter()
            .map(|cookie| format!("{}={} ({:?})", cookie.name, cookie.value, cookie.expires))
            .collect();
        out.push_str(&format!(
            "{} open={} jar={cookies:?}\n",
            profile.name, profile.open
        ));
    }
    for page in workspace.pages() {
        out.push_str(&format!(
            "page {} {} {} {:?}\n",
            page.profile, page.url, page.status, page.body
        ));
    }
    for entry in workspace.timeline().iter() {
        out.push_str(&format!(
            "entry {} {:?} {}\n",
            entry.at, entry.profile, entry.summary
        ));
    }
    out.push_str(&workspace.server_log);
    out
}

/// An app whose module keeps state between requests, as a running process does: the replay
/// must rebuild it too, not only the cookies.
const GLOBAL_COUNTER_APP: &str = "from flask import Flask, session
app = Flask(__name__)
app.secret_key = 'dev'
hits = []

@app.route('/count')
def count():
    hits.append(1)
    session['visits'] = session.get('visits', 0) + 1
    return f\"visits={session['visits']} hits={len(hits)}\"

@app.route('/other')
def other():
    return 'other page'
";

fn actions() -> Vec<Action> {
    vec![
        Action::EditCode(GLOBAL_COUNTER_APP.into()),
        Action::ReloadIfUnchanged(GLOBAL_COUNTER_APP.into()),
        Action::Navigate("/count".into()),
        Action::Navigate("/count".into()),
        Action::SelectProfile("Bob".into()),
        Action::Navigate("/count".into()),
        Action::Navigate("/other".into()),
        Action::Back,
        Action::Forward,
        Action::Reload,
        Action::SelectProfile("Alice".into()),
        Action::AdvanceClock("1h".into()),
        Action::CloseBrowser,
        Action::OpenBrowser,
        Action::AddCookie {
            name: "theme".into(),
            value: "dark".into(),
        },
        Action::Navigate("/count".into()),
        Action::CopyCookie {
            key: Cookie::session("localhost", "theme", "dark").key(),
            to: "Bob".into(),
        },
        Action::OpenPrivateWindow,
        Action::Navigate("/count".into()),
        Action::Resend,
    ]
}

#[test]
fn every_timeline_entry_replays_to_the_state_seen_at_that_moment() {
    let mut workspace = Workspace::started();
    let mut seen_after_entry = Vec::new();
    for action in actions() {
        let entries = workspace.timeline().len();
        workspace = workspace.apply(action.clone());
        assert!(
            workspace.notice().is_none(),
            "{action:?} was refused: {:?}",
            workspace.notice()
        );
        if workspace.timeline().len() > entries {
            assert_eq!(
                workspace.timeline().len(),
                entries + 1,
                "{action:?} makes one entry"
            );
            seen_after_entry.push(seen(&workspace));
        }
    }
    assert_eq!(workspace.timeline().len(), seen_after_entry.len());
    // Seven requests reached /count (Alice 2, Bob 1 + "back" to it, Alice 1, the private window
    // 1 + send again): the module's list kept growing across profiles, as in one process.
    assert!(
        seen_after_entry
            .last()
            .is_some_and(|last| last.contains("hits=7")),
        "{:?}",
        seen_after_entry.last()
    );
    for (index, expected) in seen_after_entry.iter().enumerate() {
        let viewed = workspace.apply(Action::ViewEntry(index));
        let rewind = viewed.rewind().expect("a past state is on screen");
        assert_eq!(rewind.entry(), index);
        assert_eq!(&seen(viewed.shown()), expected, "entry {index}");
        // The present is untouched while the past is on screen.
        assert_eq!(seen(&viewed), seen(&workspace));
        // The view kept when the entry was made and a replay of the log agree.
        let replayed = Workspace::replay(
            workspace.start_point(),
            &workspace.log().slice()[..workspace.timeline().get(index).unwrap().steps],
        );
        assert_eq!(&seen(&replayed), expected, "entry {index}, replayed");
        assert_eq!(viewed.shown().timeline(), replayed.timeline());
        assert_eq!(viewed.shown().log(), replayed.log());
    }
}

#[test]
fn the_latest_entries_and_old_powers_of_two_keep_their_view_and_others_are_replayed() {
    use super::state::KEPT_VIEWS;
    let mut workspace = Workspace::started();
    for _ in 0..KEPT_VIEWS + 5 {
        workspace = workspace.apply(Action::Navigate("/count".into()));
    }
    let kept = workspace.kept_views();
    assert_eq!(kept.len(), KEPT_VIEWS + 5);
    // Entries 1, 2 and 4 (indices 0, 1, 3) stay; 3 and 5 left the window and were let go.
    assert_eq!(kept[..5], [true, true, false, true, false], "{kept:?}");
    assert!(kept[5..].iter().all(|kept| *kept), "{kept:?}");
    for index in [0, 2, 3, 4, 5, KEPT_VIEWS + 4] {
        let shown = workspace.apply(Action::ViewEntry(index));
        let page = shown.shown().active_page().map(|page| page.body.clone());
        assert_eq!(
            page.as_deref(),
            Some(format!("Visit number: {}", index + 1).as_str()),
            "entry {index}"
        );
        assert_eq!(shown.shown().timeline().len(), index + 1);
    }
}

#[test]
fn continuing_from_an_entry_drops_the_later_ones_and_keeps_the_editor_text() {
    let mut workspace = Workspace::started();
    for _ in 0..3 {
        workspace = workspace.apply(Action::Navigate("/count".into()));
    }
    let edited = format!("{}# my edit\n", crate::ui::SEED_APP);
    let workspace = workspace
        .apply(Action::EditCode(edited.clone()))
        .apply(Action::ViewEntry(0));
    assert_eq!(
        workspace
            .shown()
            .active_page()
            .map(|page| page.body.as_str()),
        Some("Visit number: 1")
    );
    let continued = workspace.apply(Action::ContinueFromHere);
    assert!(continued.rewind().is_none());
    assert_eq!(continued.timeline().len(), 1);
    assert_eq!(
        continued.notice(),
        Some("Continuing from here: the 2 later entries were dropped.")
    );
    assert_eq!(continued.code(), edited);
    // The next request is served by the edited code, and counts on from the first visit.
    let next = continued.apply(Action::Navigate("/count".into()));
    assert_eq!(
        next.active_page().map(|page| page.body.as_str()),
        Some("Visit number: 2")
    );
    assert_eq!(next.served_code, edited);
}

#[test]
fn acting_while_a_past_state_is_shown_acts_on_the_present() {
    let mut workspace = Workspace::started();
    for _ in 0..2 {
        workspace = workspace.apply(Action::Navigate("/count".into()));
    }
    let workspace = workspace
        .apply(Action::ViewEntry(0))
        .apply(Action::Navigate("/count".into()));
    assert!(workspace.rewind().is_none());
    assert_eq!(
        workspace.active_page().map(|page| page.body.as_str()),
        Some("Visit number: 3")
    );
    assert_eq!(workspace.apply(Action::ViewEntry(99)).rewind(), None);
}

#[test]
fn back_and_forward_request_the_pages_again_and_explain_when_there_is_none() {
    let workspace = Workspace::started().apply(Action::Back);
    assert_eq!(
        workspace.notice(),
        Some("Alice's browser has no earlier page to go back to.")
    );
    assert!(workspace.timeline().is_empty() && workspace.log().is_empty());
    let workspace = workspace
        .apply(Action::Navigate("/count".into()))
        .apply(Action::Navigate("/nowhere".into()))
        .apply(Action::Back);
    let page = workspace.active_page().expect("a page");
    assert_eq!(
        (page.url.as_str(), page.body.as_str()),
        ("http://localhost/count", "Visit number: 2")
    );
    assert_eq!(
        workspace
            .timeline()
            .last()
            .map(|entry| entry.summary.clone())
            .as_deref(),
        Some("back: GET /count 200")
    );
    let workspace = workspace.apply(Action::Forward);
    assert_eq!(workspace.active_page().map(|page| page.status), Some(404));
    let workspace = workspace.apply(Action::Forward);
    assert_eq!(
        workspace.notice(),
        Some("Alice's browser has no later page to go forward to.")
    );
}

#[test]
fn an_added_cookie_is_sent_and_a_bad_name_is_refused_with_a_reason() {
    let workspace = Workspace::started().apply(Action::AddCookie {
        name: "a=b".into(),
        value: "1".into(),
    });
    assert_eq!(
        workspace.notice(),
        Some("The cookie was not added: the name has an '='.")
    );
    // A value Chromium's dev tools refuse is refused by the step itself, with the reason.
    let workspace = workspace.apply(Action::AddCookie {
        name: "theme".into(),
        value: "dark;x".into(),
    });
    assert_eq!(
        workspace.notice(),
        Some("Chromium would not store that cookie: the value has a ';' (character 5).")
    );
    let workspace = workspace.apply(Action::AddCookie {
        name: "theme".into(),
        value: "dark".into(),
    });
    let now = workspace.browser.clock.now();
    let names: Vec<&str> = workspace
        .active()
        .jar
        .list(now)
        .iter()
        .map(|cookie| cookie.name.as_str())
        .collect();
    assert_eq!(names, ["theme"]);
    let workspace = workspace.apply(Action::Navigate("/count".into()));
    let exchange = workspace
        .timeline()
        .last()
        .and_then(|entry| entry.exchange.clone())
        .expect("a request");
    assert_eq!(
        crate::http::header(&exchange.final_hop().request.headers, "Cookie"),
        Some("theme=dark")
    );
}
