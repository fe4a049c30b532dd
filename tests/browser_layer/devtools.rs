//! Replays `chromium/devtools_values.json` — which hand-set cookie pairs real Chromium's dev
//! tools stored for an `http://` site (recorded by `chromium/devtools_values.mjs`) — through
//! `browser::devtools::check_pair`, and through the scenario world, where a refused pair leaves
//! the jar as it was.

use serde::Deserialize;
use session_playground::browser::devtools::check_pair;
use session_playground::scenario::world::StepNote;
use session_playground::scenario::{Action, EffectKind, SessionMode, Step, World};

#[derive(Deserialize)]
struct Fixture {
    chromium: String,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    value: String,
    accepted: bool,
    stored_value: Option<String>,
}

fn fixture() -> Fixture {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/browser_layer/chromium/devtools_values.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn hand_set_pairs_are_refused_exactly_as_chromium_refuses_them() {
    let fixture = fixture();
    assert!(fixture.chromium.starts_with("1"), "{}", fixture.chromium);
    assert!(fixture.cases.len() >= 50);
    let mut wrong = Vec::new();
    for case in &fixture.cases {
        let ours = check_pair(&case.name, &case.value);
        if ours.is_ok() != case.accepted {
            wrong.push(format!(
                "{:?}={:?}: Chromium {}, ours {:?}",
                case.name.chars().take(20).collect::<String>(),
                case.value.chars().take(20).collect::<String>(),
                case.accepted,
                ours
            ));
        }
        if case.accepted {
            // Chromium keeps an accepted value unchanged.
            assert_eq!(case.stored_value.as_deref(), Some(case.value.as_str()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_refused_dev_tools_step_leaves_the_jar_as_it_was() {
    let mut world = World::new(
        &["default".to_string()],
        1_767_225_600,
        SessionMode::default(),
    );
    let set = |value: &str| Step {
        action: Action::SetCookie {
            name: "session".into(),
            value: value.into(),
        },
        browser: None,
        explain: None,
    };
    world.apply(&set("good"));
    let effect = world.apply(&set("bad;value"));
    let EffectKind::Refused(note @ StepNote::CookieRefused(_)) = effect.kind else {
        panic!("not refused: {:?}", effect.kind);
    };
    assert_eq!(
        note.to_string(),
        "Chromium would not store that cookie: the value has a ';' (character 4)"
    );
    let jar = &world.browser().profile("default").unwrap().jar;
    assert_eq!(jar.list(world.now())[0].value, "good");
}
