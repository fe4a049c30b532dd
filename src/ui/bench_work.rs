//! The work the page's in-page benchmarks time (issue 21), kept apart from the timing so it is
//! tested natively: a full request of the seed app — the virtual browser, its jar, the server,
//! the session's signing — and a server restart, each on the same engine ([`World`]) every front
//! end steps. `bench_hook` times them with the page's clock; `bench/pyodide/run.mjs` compares
//! the request with Flask's test client in Pyodide on the same page load.

use crate::scenario::lesson::Settings;
use crate::scenario::world::{EffectKind, World};
use crate::scenario::{Action, Step};

/// A world on the seed app at the playground's default settings, its server started.
pub fn seed_world() -> Result<World, String> {
    let settings = Settings::default();
    let mut world = World::new(&settings.profiles, settings.clock, settings.session_mode);
    match world.start(super::SEED_APP).kind {
        EffectKind::Started(Ok(())) => Ok(world),
        other => Err(format!("the seed app did not start: {other:?}")),
    }
}

/// `GET /count` from the first browser, as the address bar sends it.
pub fn count_step() -> Step {
    Step::new(Action::Request(crate::scenario::action::RequestStep {
        method: "GET".into(),
        target: "/count".into(),
        form: None,
        headers: Vec::new(),
        json: None,
        host: None,
        from: None,
    }))
}

/// Sends `count_step` once and returns the page's body, or why there is none.
pub fn request_count(world: &mut World, step: &Step) -> Result<String, String> {
    match world.apply(step).kind {
        EffectKind::Request(exchange) => {
            Ok(String::from_utf8_lossy(&exchange.outcome.final_hop().response.body).into_owned())
        }
        other => Err(format!("the request did not go: {other:?}")),
    }
}

/// Restarts `world`'s server on the seed app (what the reloader does after an edit).
pub fn restart(world: &mut World) -> Result<(), String> {
    match world.start(super::SEED_APP).kind {
        EffectKind::Started(Ok(())) => Ok(()),
        other => Err(format!("the seed app did not restart: {other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_counts_visits_through_the_jar() {
        let mut world = seed_world().unwrap();
        let step = count_step();
        for visit in 1..=3 {
            assert_eq!(
                request_count(&mut world, &step).unwrap(),
                format!("Visit number: {visit}")
            );
        }
    }

    #[test]
    fn a_restart_keeps_the_jar_and_the_count_goes_on() {
        let mut world = seed_world().unwrap();
        let step = count_step();
        request_count(&mut world, &step).unwrap();
        restart(&mut world).unwrap();
        // The session lives in the browser's cookie: a new server reads it on.
        assert_eq!(request_count(&mut world, &step).unwrap(), "Visit number: 2");
    }
}
