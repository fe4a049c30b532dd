//! Replaying a scenario: the app is loaded once at the start clock, every step is applied to a
//! [`World`] (one jar per profile, redirects followed like Chromium), and each step's effect is
//! recorded in the transcript format of the contract.

use crate::browser::jar::SendOutcome;
use crate::scenario::action::SessionMode;
use crate::scenario::action::{Action, Step};
use crate::scenario::parse::Scenario;
pub use crate::scenario::transcript::{
    CookieReason, ErrorInfo, JarCookie, RedirectInfo, StepRecord, Transcript,
};
use crate::scenario::world::{Effect, EffectKind, StepNote, World};

/// Runs a parsed scenario.
pub fn run_scenario(scenario: &Scenario) -> Transcript {
    let (transcript, _) = run_with_effects(scenario);
    transcript
}

/// Runs a parsed scenario, returning the transcript and the effect of every step (the
/// transcript's records are views of those effects).
pub(crate) fn run_with_effects(scenario: &Scenario) -> (Transcript, Vec<Effect>) {
    let mut world = World::new(
        &["default".to_string()],
        scenario.clock,
        SessionMode::Signed,
    )
    .without_subresources()
    .with_files(scenario.files.clone());
    world = scenario.sites.iter().fold(world, |world, site| {
        world.with_site(&site.host, site.content())
    });
    if let EffectKind::Started(Err(error)) = world.start(&scenario.code).kind {
        let startup_error = Some(ErrorInfo {
            type_name: error.type_name,
            message: error.message,
        });
        return (
            Transcript {
                startup_error,
                steps: Vec::new(),
            },
            Vec::new(),
        );
    }
    let mut effects = Vec::new();
    let mut steps = Vec::new();
    for step in &scenario.steps {
        let effect = world.apply(step);
        steps.push(StepRecord::of(&effect, &world, step));
        effects.push(effect);
        // The CLI's time limit passed (`python::interrupt`): the step it cut short carries the
        // error; the later ones are not run.
        if crate::python::interrupt::requested().is_some() {
            break;
        }
    }
    (
        Transcript {
            startup_error: None,
            steps,
        },
        effects,
    )
}

impl StepRecord {
    /// The transcript's view of a step's effect, with the profile's jar after it.
    fn of(effect: &Effect, world: &World, step: &Step) -> StepRecord {
        let mut record = StepRecord {
            status: None,
            body: None,
            headers: Vec::new(),
            request_cookie: None,
            redirects: Vec::new(),
            error: None,
            jar: Vec::new(),
            context: None,
            cookies: None,
        };
        // The cross-site extension's records, only where a step uses it (a rev-2 transcript
        // keeps its shape).
        let context = match &step.action {
            Action::Request(r) if r.host.is_some() || r.from.is_some() => Some(
                crate::scenario::action::navigation_request(r)
                    .site
                    .to_string(),
            ),
            _ => None,
        };
        match &effect.kind {
            EffectKind::Request(exchange) => {
                let outcome = &exchange.outcome;
                let last = outcome.final_hop();
                record.status = Some(last.response.status);
                record.body = Some(String::from_utf8_lossy(&last.response.body).into_owned());
                record.headers = last.response.headers.clone();
                record.request_cookie = last.cookie.clone();
                record.redirects = outcome
                    .redirects()
                    .iter()
                    .map(|hop| RedirectInfo {
                        status: hop.response.status,
                        location: hop.response.header("Location").unwrap_or("").to_string(),
                        headers: hop.response.headers.clone(),
                    })
                    .collect();
                record.error = exchange.error.as_ref().map(|e| ErrorInfo {
                    type_name: e.type_name.clone(),
                    message: e.message.clone(),
                });
                if context.is_some() {
                    record.context = context.clone();
                    record.cookies = Some(
                        last.sent
                            .iter()
                            .map(|decision| CookieReason {
                                name: decision.key.name.to_string(),
                                domain: decision.key.domain.to_string(),
                                sent: !matches!(decision.outcome, SendOutcome::NotSent(_)),
                                reason: decision.outcome.to_string(),
                            })
                            .collect(),
                    );
                }
            }
            EffectKind::Refused(StepNote::Navigation(why)) => {
                record.error = Some(ErrorInfo {
                    type_name: "NavigationError".into(),
                    message: why.clone(),
                });
            }
            _ => {}
        }
        let now = world.now();
        if let Some(profile) = world.browser().profile(&effect.profile) {
            record.jar = profile
                .jar
                .list(now)
                .iter()
                .map(|c| JarCookie {
                    name: c.name.clone(),
                    value: c.value.clone(),
                    expires: c.expires,
                })
                .collect();
        }
        record
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::parse::parse_scenario;

    #[test]
    fn app_errors_still_exit_0_with_the_error_in_the_transcript() {
        let scenario = r#"{"version": 1, "code": "from flask import Flask, session\napp = Flask(__name__)\napp.secret_key = 's'\n@app.route('/')\ndef index():\n    return session['user']\n", "steps": [{"request": "GET /"}, {"advance_clock": 5}]}"#;
        let transcript = run_scenario(&parse_scenario(scenario).expect("a valid scenario"));
        let text = crate::scenario::pretty::transcript_text(&transcript);
        let transcript: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(transcript["steps"][0]["status"], 500);
        assert_eq!(transcript["steps"][0]["error"]["type"], "KeyError");
        assert_eq!(transcript["steps"][0]["error"]["message"], "'user'");
        // Non-request steps: nulls and empty lists, as the contract says.
        assert_eq!(transcript["steps"][1]["status"], serde_json::Value::Null);
        assert_eq!(transcript["steps"][1]["redirects"], serde_json::json!([]));
    }
}
