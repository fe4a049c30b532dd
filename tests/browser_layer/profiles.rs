//! Profiles, private windows, close/reopen, history, and the serde round trip of the whole state.

use session_playground::browser::profile::DEFAULT_PROFILE;
use session_playground::browser::url::Scheme;
use session_playground::browser::{Browser, NavigationRequest, SiteContext};
use session_playground::http::{Request, Response};

/// A tiny app: `/login` sets a session cookie and a persistent "remember" cookie, `/` echoes the
/// Cookie header in the body.
fn app(request: &Request, _now: i64) -> Response {
    let headers = match request.path.as_str() {
        "/login" => vec![
            (
                "Set-Cookie".to_string(),
                "session=s; Path=/; HttpOnly".to_string(),
            ),
            (
                "Set-Cookie".to_string(),
                "remember=r; Path=/; Max-Age=3600".to_string(),
            ),
        ],
        _ => Vec::new(),
    };
    Response {
        status: 200,
        headers,
        body: request.header("Cookie").unwrap_or("").as_bytes().to_vec(),
    }
}

fn cookie_seen(browser: &mut Browser, profile: &str) -> Option<String> {
    let outcome = browser
        .navigate(profile, &NavigationRequest::get("/"), &mut app)
        .unwrap();
    outcome.final_hop().cookie.clone()
}

#[test]
fn profiles_have_separate_jars() {
    let mut browser = Browser::default();
    browser.profile_or_create("alice");
    browser.profile_or_create("bob");
    browser
        .navigate("alice", &NavigationRequest::get("/login"), &mut app)
        .unwrap();
    assert_eq!(
        cookie_seen(&mut browser, "alice").as_deref(),
        Some("session=s; remember=r")
    );
    assert_eq!(cookie_seen(&mut browser, "bob"), None);
    assert_eq!(
        browser
            .profiles()
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        [DEFAULT_PROFILE, "alice", "bob"]
    );
}

#[test]
fn closing_the_browser_drops_session_cookies_only() {
    let mut browser = Browser::default();
    browser
        .navigate(DEFAULT_PROFILE, &NavigationRequest::get("/login"), &mut app)
        .unwrap();
    let report = browser.close(DEFAULT_PROFILE).unwrap();
    assert_eq!(
        report.to_string(),
        "browser closed: 1 session cookie dropped"
    );
    assert!(!browser.profile(DEFAULT_PROFILE).unwrap().open);
    assert!(browser.reopen(DEFAULT_PROFILE));
    assert_eq!(
        cookie_seen(&mut browser, DEFAULT_PROFILE).as_deref(),
        Some("remember=r")
    );
    browser.clock.advance_by("1h").unwrap();
    assert_eq!(
        cookie_seen(&mut browser, DEFAULT_PROFILE),
        None,
        "the persistent one expired on the clock"
    );
}

#[test]
fn continue_where_you_left_off_keeps_session_cookies_across_close() {
    let mut browser = Browser::default();
    browser
        .profile_mut(DEFAULT_PROFILE)
        .unwrap()
        .continue_where_left_off = true;
    browser
        .navigate(DEFAULT_PROFILE, &NavigationRequest::get("/login"), &mut app)
        .unwrap();
    let report = browser.close(DEFAULT_PROFILE).unwrap();
    assert!(report.kept_session);
    assert_eq!(
        cookie_seen(&mut browser, DEFAULT_PROFILE).as_deref(),
        Some("session=s; remember=r")
    );
    assert!(
        browser.profile(DEFAULT_PROFILE).unwrap().open,
        "navigating reopens the browser"
    );
}

#[test]
fn private_window_starts_empty_and_vanishes_on_close() {
    let mut browser = Browser::default();
    browser
        .navigate(DEFAULT_PROFILE, &NavigationRequest::get("/login"), &mut app)
        .unwrap();
    let private = browser.open_private_window();
    assert_eq!(private, "Private 1");
    assert_eq!(cookie_seen(&mut browser, &private), None);
    browser
        .navigate(&private, &NavigationRequest::get("/login"), &mut app)
        .unwrap();
    let report = browser.close(&private).unwrap();
    assert_eq!(
        report.to_string(),
        "private window closed: its cookies are gone"
    );
    assert!(browser.profile(&private).is_none());
    let error = browser
        .navigate(&private, &NavigationRequest::get("/"), &mut app)
        .unwrap_err();
    assert_eq!(error.to_string(), "there is no browser named \"Private 1\"");
    assert_eq!(browser.open_private_window(), "Private 2");
}

#[test]
fn history_keeps_chromiums_fifty_entries_and_drops_the_oldest() {
    // Chromium's navigation controller keeps kMaxSessionHistoryEntries (50) per tab, pruning
    // from the front.
    let mut browser = Browser::default();
    for n in 0..60 {
        browser
            .navigate(
                DEFAULT_PROFILE,
                &NavigationRequest::get(&format!("/{n}")),
                &mut app,
            )
            .unwrap();
    }
    let history = &browser.profile(DEFAULT_PROFILE).unwrap().history;
    assert_eq!(history.entries().len(), 50);
    assert_eq!(history.entries()[0].path, "/10");
    assert_eq!(history.current().map(|url| url.path.as_str()), Some("/59"));
    let mut steps_back = 0;
    while browser.back(DEFAULT_PROFILE, &mut app).unwrap().is_some() {
        steps_back += 1;
    }
    assert_eq!(steps_back, 49);
}

#[test]
fn back_and_forward_revisit_history_with_get() {
    let mut browser = Browser::default();
    for path in ["/a", "/b", "/c"] {
        browser
            .navigate(DEFAULT_PROFILE, &NavigationRequest::get(path), &mut app)
            .unwrap();
    }
    let back = browser.back(DEFAULT_PROFILE, &mut app).unwrap().unwrap();
    assert_eq!(back.final_hop().request.path, "/b");
    browser.back(DEFAULT_PROFILE, &mut app).unwrap().unwrap();
    assert!(browser.back(DEFAULT_PROFILE, &mut app).unwrap().is_none());
    let forward = browser.forward(DEFAULT_PROFILE, &mut app).unwrap().unwrap();
    assert_eq!(forward.final_hop().request.path, "/b");
    // A new navigation drops the forward entries.
    browser
        .navigate(DEFAULT_PROFILE, &NavigationRequest::get("d"), &mut app)
        .unwrap();
    let history = &browser.profile(DEFAULT_PROFILE).unwrap().history;
    let paths: Vec<&str> = history
        .entries()
        .iter()
        .map(|url| url.path.as_str())
        .collect();
    assert_eq!(paths, ["/a", "/b", "/d"]);
    assert!(!history.can_go_forward());
}

#[test]
fn a_cross_site_image_does_not_enter_history() {
    let mut browser = Browser::default();
    browser
        .navigate(DEFAULT_PROFILE, &NavigationRequest::get("/a"), &mut app)
        .unwrap();
    let image = NavigationRequest::get("/pixel")
        .from_site(SiteContext::cross_site_image("https://evil.example"));
    browser.navigate(DEFAULT_PROFILE, &image, &mut app).unwrap();
    assert_eq!(
        browser
            .profile(DEFAULT_PROFILE)
            .unwrap()
            .history
            .entries()
            .len(),
        1
    );
}

#[test]
fn copied_cookie_makes_bob_look_like_alice() {
    let mut browser = Browser::default();
    browser.profile_or_create("alice");
    browser.profile_or_create("bob");
    browser
        .navigate("alice", &NavigationRequest::get("/login"), &mut app)
        .unwrap();
    let key = browser.profile("alice").unwrap().jar.all()[0].key();
    assert!(browser.copy_cookie("alice", &key, "bob"));
    assert_eq!(
        cookie_seen(&mut browser, "bob").as_deref(),
        Some("session=s")
    );
    assert!(!browser.copy_cookie("alice", &key, "nobody"));
}

#[test]
fn https_setting_changes_the_scheme_of_requests() {
    let mut browser = Browser::default();
    browser.scheme = Scheme::Https;
    let outcome = browser
        .navigate(DEFAULT_PROFILE, &NavigationRequest::get("/"), &mut app)
        .unwrap();
    assert_eq!(outcome.final_hop().request.scheme, "https");
}

#[test]
fn whole_browser_state_round_trips_through_serde_exactly() {
    let mut browser = Browser::default();
    browser.profile_or_create("alice").continue_where_left_off = true;
    browser
        .navigate("alice", &NavigationRequest::get("/login"), &mut app)
        .unwrap();
    browser
        .navigate("alice", &NavigationRequest::get("/x/y"), &mut app)
        .unwrap();
    browser
        .navigate(DEFAULT_PROFILE, &NavigationRequest::get("/login"), &mut app)
        .unwrap();
    browser.open_private_window();
    browser.clock.advance_by("31d 1s").unwrap();
    browser.close(DEFAULT_PROFILE);

    let json = serde_json::to_string(&browser).unwrap();
    let back: Browser = serde_json::from_str(&json).unwrap();
    assert_eq!(back, browser);
    assert_eq!(serde_json::to_string(&back).unwrap(), json);

    // The restored browser behaves the same: same Cookie header on the next request.
    let mut restored = back;
    assert_eq!(
        cookie_seen(&mut restored, "alice"),
        cookie_seen(&mut browser, "alice")
    );
}

#[test]
fn navigation_outcomes_round_trip_through_serde() {
    let mut browser = Browser::default();
    let outcome = browser
        .navigate(
            DEFAULT_PROFILE,
            &NavigationRequest::post("/login", &[("u", "a")]),
            &mut app,
        )
        .unwrap();
    let json = serde_json::to_string(&outcome).unwrap();
    assert_eq!(
        serde_json::from_str::<session_playground::browser::NavigationOutcome>(&json).unwrap(),
        outcome
    );
}
