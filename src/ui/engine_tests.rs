//! One engine for every front end: the same steps through the v1 transcript runner, the lesson
//! player and the page's reducer give equal effects — the host cookies are set on, the session
//! cookie's name, the jars.

use super::history::Step;
use super::state::Workspace;
use crate::scenario::action::get;
use crate::scenario::lesson::Settings;
use crate::scenario::parse::Scenario;
use crate::scenario::play::Player;
use crate::scenario::world::{Effect, EffectKind};
use crate::scenario::{self, SessionMode};

/// An app whose session cookie is not called `session`, so a front end that assumes the name
/// would forge the wrong cookie.
const APP: &str = "from flask import Flask, session\napp = Flask(__name__)\napp.secret_key = 'k'\napp.config['SESSION_COOKIE_NAME'] = 'sid'\n\n@app.route('/count')\ndef count():\n    session['n'] = session.get('n', 0) + 1\n    return str(session['n'])\n";

fn steps() -> Vec<Step> {
    let profile = |step: Step| step.in_browser("default");
    vec![
        profile(get("/count")),
        profile(Step::new(scenario::Action::SetCookie {
            name: "theme".into(),
            value: "dark".into(),
        })),
        profile(Step::new(scenario::Action::ForgeSession {
            secret: "k".into(),
            data: r#"{"n":41}"#.into(),
        })),
        profile(get("/count")),
        profile(Step::new(scenario::Action::AdvanceClock(60))),
        profile(Step::new(scenario::Action::DeleteCookie("theme".into()))),
        profile(Step::new(scenario::Action::Reload)),
        profile(Step::new(scenario::Action::SetSessionMode(
            SessionMode::Server,
        ))),
        profile(get("/count")),
        profile(get("/count")),
        profile(Step::new(scenario::Action::Back)),
        profile(Step::new(scenario::Action::ContinueWhereLeftOff(true))),
        profile(Step::new(scenario::Action::CloseBrowser)),
        profile(Step::new(scenario::Action::OpenBrowser)),
        profile(Step::new(scenario::Action::ContinueWhereLeftOff(false))),
        profile(Step::new(scenario::Action::CloseBrowser)),
    ]
}

/// What every front end must agree on: the kind of effect and where it happened.
fn comparable(effect: &Effect) -> (String, String, i64, EffectKind) {
    (
        effect.profile.clone(),
        effect.host.clone(),
        effect.at,
        effect.kind.clone(),
    )
}

#[test]
fn the_cli_the_player_and_the_page_step_the_same_world() {
    // The v1 runner takes the file's steps as they are parsed: the same `Step`s (a v1 file
    // cannot write a forged session, so the scenario is built here rather than parsed).
    let clock = Settings::default().clock;
    let scenario = Scenario {
        code: APP.to_string(),
        clock,
        steps: steps(),
        files: Default::default(),
        sites: Vec::new(),
    };
    let (transcript, v1) = crate::scenario::run::run_with_effects(&scenario);
    assert_eq!(transcript.startup_error, None);

    let settings = Settings {
        profiles: vec!["default".into()],
        session_mode: SessionMode::Signed,
        ..Settings::default()
    };
    let mut player = Player::start(APP, &settings);
    let mut player_jars = Vec::new();
    let played: Vec<Effect> = steps()
        .iter()
        .map(|step| {
            let effect = player.play(step);
            player_jars.push(
                player
                    .state()
                    .profile(Some("default"))
                    .expect("a profile")
                    .jar
                    .iter()
                    .map(|c| (c.name.clone(), c.value.clone()))
                    .collect::<Vec<_>>(),
            );
            effect
        })
        .collect();

    let start = super::history::Start {
        code: APP.to_string(),
        files: Default::default(),
        settings,
        lesson: None,
    };
    let mut workspace = Workspace::replay(&start, &[]);
    let mut page_jars = Vec::new();
    let paged: Vec<Effect> = steps()
        .into_iter()
        .map(|step| {
            let effect = workspace.step_effect(step).expect("stepped");
            let now = workspace.browser().clock.now();
            page_jars.push(
                workspace
                    .browser()
                    .profile("default")
                    .expect("a profile")
                    .jar
                    .list(now)
                    .iter()
                    .map(|c| (c.name.clone(), c.value.clone()))
                    .collect::<Vec<_>>(),
            );
            effect
        })
        .collect();

    assert_eq!(v1.len(), steps().len());
    for (index, ((v1, played), paged)) in v1.iter().zip(&played).zip(&paged).enumerate() {
        assert_eq!(
            comparable(v1),
            comparable(played),
            "step {index}: the CLI and the player"
        );
        assert_eq!(
            comparable(v1),
            comparable(paged),
            "step {index}: the CLI and the page"
        );
    }
    // The forged cookie has the app's own cookie name, on the site's host, in every front end.
    assert!(matches!(&v1[2].kind, EffectKind::SessionForged { name, .. } if name == "sid"));
    assert_eq!(v1[1].host, "localhost");
    let EffectKind::Request(exchange) = &paged[3].kind else {
        panic!("a request")
    };
    assert_eq!(
        String::from_utf8_lossy(&exchange.outcome.final_hop().response.body),
        "42"
    );
    // The jars agree too, after every step: the transcript's, the player's and the page's.
    let sid = |jar: &[(String, String)]| jar.iter().any(|(name, _)| name == "sid");
    let v1_jars: Vec<Vec<(String, String)>> = transcript
        .steps
        .iter()
        .map(|record| {
            record
                .jar
                .iter()
                .map(|c| (c.name.clone(), c.value.clone()))
                .collect()
        })
        .collect();
    assert_eq!(v1_jars.len(), steps().len());
    for (index, ((v1, played), paged)) in
        v1_jars.iter().zip(&player_jars).zip(&page_jars).enumerate()
    {
        assert_eq!(v1, played, "step {index}: the CLI's jar and the player's");
        assert_eq!(v1, paged, "step {index}: the CLI's jar and the page's");
    }
    assert!(sid(&v1_jars[3]), "{:?}", v1_jars[3]);
    let last = v1_jars.last().expect("a record").clone();
    // The server mode's session id is a persistent cookie: it outlives the last close.
    assert!(
        sid(&last) && !last.iter().any(|(name, _)| name == "theme"),
        "{last:?}"
    );
    // Every kind of step was carried out, none refused.
    assert!(v1.iter().all(Effect::took_effect), "{v1:?}");
}
