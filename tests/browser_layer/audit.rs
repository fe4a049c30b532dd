//! What the issue-4 audit added: requirements the other modules did not prove directly. A 303
//! drops the form (Fetch), an unreadable `Max-Age` leaves `Expires` in charge (RFC 6265bis
//! §5.6.2), dev-tools list every attribute and add a cookie as is, every decision over a grid of
//! headers and request contexts reads as a sentence with a reason, the browser round-trips through
//! serde part-way back in its history (and a tampered history index does not panic), and the
//! layer's source never reads the wall clock.

use std::path::PathBuf;

use session_playground::browser::clock::DEFAULT_START;
use session_playground::browser::jar::{ExpiryCause, SendOutcome, StoreOutcome};
use session_playground::browser::navigation::navigate;
use session_playground::browser::profile::DEFAULT_PROFILE;
use session_playground::browser::url::Scheme;
use session_playground::browser::{
    Browser, Cookie, CookieJar, CookieRequest, NavigationRequest, SameSite, SiteContext, Url,
};
use session_playground::http::Request;

use crate::navigation::response;

#[test]
fn see_other_turns_a_post_into_a_get_without_the_form() {
    // Fetch, HTTP-redirect fetch step 12: the method becomes GET and the body and its
    // Content-* headers go.
    let mut seen: Vec<Request> = Vec::new();
    let mut server = |request: &Request, _now: i64| {
        seen.push(request.clone());
        match request.path.as_str() {
            "/a" => response(303, &[("Location", "/b")]),
            _ => response(200, &[]),
        }
    };
    let mut jar = CookieJar::default();
    let base = Url::localhost("/").unwrap();
    let request = NavigationRequest::post("/a", &[("k", "v")]);
    navigate(&mut jar, &base, &request, &mut server, DEFAULT_START).unwrap();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].body, b"k=v");
    assert_eq!(
        (seen[1].method.as_str(), seen[1].path.as_str()),
        ("GET", "/b")
    );
    assert!(seen[1].body.is_empty());
    assert!(seen[1].header("Content-Type").is_none());
    assert!(seen[1].header("Content-Length").is_none());
}

#[test]
fn unreadable_max_age_leaves_expires_in_charge() {
    let mut jar = CookieJar::default();
    let url = Url::localhost("/").unwrap();
    let site = SiteContext::SameSite;
    let request = CookieRequest {
        url: &url,
        method: "GET",
        site: &site,
    };
    jar.store("a=1; Path=/", &request, DEFAULT_START);
    let decision = jar.store(
        "a=1; Path=/; Max-Age=soon; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        &request,
        DEFAULT_START,
    );
    assert_eq!(
        decision.outcome,
        StoreOutcome::Deleted {
            cause: ExpiryCause::ExpiresInPast(0),
            removed: true
        }
    );
    assert_eq!(
        decision.notes[0].to_string(),
        "Max-Age=soon ignored: not a whole number of seconds"
    );
    assert!(jar.all().is_empty());
}

#[test]
fn devtools_list_every_attribute_and_add_puts_a_cookie_in_as_is() {
    let mut jar = CookieJar::default();
    let url = Url::parse("https://localhost/app/login").unwrap();
    let site = SiteContext::SameSite;
    let request = CookieRequest {
        url: &url,
        method: "POST",
        site: &site,
    };
    let header = "id=7; Domain=localhost; Path=/app; Max-Age=60; Secure; HttpOnly; SameSite=Strict; Partitioned";
    jar.store(header, &request, DEFAULT_START);
    let listed = jar.list(DEFAULT_START + 59);
    assert_eq!(listed.len(), 1);
    let cookie = listed[0];
    assert_eq!(
        (
            cookie.name.as_str(),
            cookie.value.as_str(),
            cookie.path.as_str()
        ),
        ("id", "7", "/app")
    );
    assert_eq!(cookie.domain, url.host);
    assert_eq!(cookie.expires, Some(DEFAULT_START + 60));
    assert_eq!(cookie.created, DEFAULT_START);
    assert!(cookie.secure && cookie.http_only);
    assert_eq!(cookie.same_site, SameSite::Strict);
    assert_eq!(cookie.partition.as_deref(), Some(url.origin().as_str()));
    assert!(
        jar.list(DEFAULT_START + 60).is_empty(),
        "gone from the list once expired"
    );

    // "Add": no Set-Cookie checks; the cookie is then sent like any other.
    let mut added = Cookie::session("localhost", "theme", "dark");
    added.path = "/app".into();
    added.http_only = true;
    jar.add(added, DEFAULT_START + 1);
    let page = Url::localhost("/app/page").unwrap();
    let header = jar.cookie_header(
        &CookieRequest {
            url: &page,
            method: "GET",
            site: &site,
        },
        DEFAULT_START + 2,
    );
    assert_eq!(header.as_deref(), Some("theme=dark"));
    assert_eq!(jar.list(DEFAULT_START + 2)[1].created, DEFAULT_START + 1);
}

#[test]
fn every_store_and_send_decision_reads_as_a_sentence_with_a_reason() {
    let headers = [
        "a=1",
        "a=1; Max-Age=0",
        "a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        "a=1; Domain=example.com",
        "a=1; Secure",
        "a=1; SameSite=None",
        "a=1; SameSite=None; Secure",
        "a=1; Partitioned",
        "a=1; Partitioned; Secure; SameSite=None",
        "__Secure-a=1",
        "__Host-a=1; Secure",
        "s=1; SameSite=Strict; Path=/",
        "l=1; SameSite=Lax; Path=/admin",
        "p=1; Path=/; Max-Age=5",
        "=",
        "a=1\u{7}",
        "x; Max-Age=nope; SameSite=Sometimes; Path=rel; Domain=; Foo=bar",
    ];
    let contexts = [
        SiteContext::SameSite,
        SiteContext::cross_site_link("https://evil.example"),
        SiteContext::cross_site_form("https://evil.example"),
        SiteContext::cross_site_image("https://evil.example"),
    ];
    let urls = [
        "http://localhost/",
        "http://localhost/admin/x",
        "http://example.com/",
    ];
    let mut decisions = 0;
    for set_url in urls {
        for context in &contexts {
            let mut jar = CookieJar::default();
            let url = Url::parse(set_url).unwrap();
            for method in ["GET", "POST"] {
                let request = CookieRequest {
                    url: &url,
                    method,
                    site: context,
                };
                for header in headers {
                    let decision = jar.store(header, &request, DEFAULT_START);
                    let text = decision.to_string();
                    let reason = match &decision.outcome {
                        StoreOutcome::Stored { .. } => text.split("stored").nth(1),
                        _ => text.split("not stored: ").nth(1),
                    };
                    assert!(
                        reason.is_some_and(|reason| reason.trim().len() > 3),
                        "{header:?} in {context}: {text:?}"
                    );
                    for note in &decision.notes {
                        let note = note.to_string();
                        assert!(
                            ["ignored", "instead", "treated"]
                                .iter()
                                .any(|word| note.contains(word)),
                            "{note}"
                        );
                    }
                    decisions += 1;
                }
                for read_url in urls {
                    let read = Url::parse(read_url).unwrap();
                    let retrieval = jar.retrieve(
                        &CookieRequest {
                            url: &read,
                            method,
                            site: context,
                        },
                        DEFAULT_START + 10,
                    );
                    for decision in &retrieval.decisions {
                        let text = decision.outcome.to_string();
                        match &decision.outcome {
                            SendOutcome::Sent => assert_eq!(text, "sent"),
                            _ => assert!(
                                text.split(": ").nth(1).is_some_and(|r| r.len() > 3),
                                "{text:?}"
                            ),
                        }
                        assert!(!text.contains("Some(") && !text.contains('{'), "{text}");
                        decisions += 1;
                    }
                }
            }
        }
    }
    assert!(decisions > 400, "{decisions}");
}

#[test]
fn browser_round_trips_through_serde_part_way_back_in_its_history() {
    let mut app = |request: &Request, _now: i64| {
        let headers: &[(&str, &str)] = match request.path.as_str() {
            "/a" => &[("Set-Cookie", "s=1; Path=/; SameSite=Strict")],
            "/b" => &[("Set-Cookie", "p=2; Path=/b; Max-Age=600; Secure; HttpOnly")],
            _ => &[],
        };
        response(200, headers)
    };
    let mut browser = Browser::with_profiles(&["Alice", "Bob"]);
    browser.scheme = Scheme::Https;
    browser.clock.set(DEFAULT_START + 42);
    browser.profile_mut("Bob").unwrap().continue_where_left_off = true;
    browser
        .profile_mut("Bob")
        .unwrap()
        .jar
        .block_third_party_cookies = false;
    for path in ["/a", "/b", "/c"] {
        browser
            .navigate("Alice", &NavigationRequest::get(path), &mut app)
            .unwrap();
    }
    browser.back("Alice", &mut app).unwrap();
    browser.back("Alice", &mut app).unwrap();
    let private = browser.open_private_window();
    browser
        .navigate(&private, &NavigationRequest::get("/a"), &mut app)
        .unwrap();
    browser.close("Bob");

    let json = serde_json::to_string(&browser).unwrap();
    let mut restored: Browser = serde_json::from_str(&json).unwrap();
    assert_eq!(restored, browser);
    assert_eq!(serde_json::to_string(&restored).unwrap(), json);
    // Same next step on both: forward from /a goes to /b with the same cookies.
    let original = browser.forward("Alice", &mut app).unwrap().unwrap();
    let replayed = restored.forward("Alice", &mut app).unwrap().unwrap();
    assert_eq!(original, replayed);
    assert_eq!(original.final_hop().request.path, "/b");
    assert_eq!(original.final_hop().cookie.as_deref(), Some("p=2; s=1"));
    assert_eq!(restored, browser);
    assert!(restored.profile(DEFAULT_PROFILE).is_none());
}

#[test]
fn a_history_index_out_of_range_in_saved_state_does_not_panic() {
    let mut app = |_: &Request, _now: i64| response(200, &[]);
    let mut browser = Browser::default();
    for path in ["/a", "/b"] {
        browser
            .navigate(DEFAULT_PROFILE, &NavigationRequest::get(path), &mut app)
            .unwrap();
    }
    let mut state = serde_json::to_value(&browser).unwrap();
    state["profiles"][0]["history"]["current"] = serde_json::json!(u64::MAX);
    let mut tampered: Browser = serde_json::from_value(state).unwrap();
    let history = &tampered.profile(DEFAULT_PROFILE).unwrap().history;
    assert_eq!(history.current(), None);
    assert!(!history.can_go_forward());
    assert!(
        tampered
            .forward(DEFAULT_PROFILE, &mut app)
            .unwrap()
            .is_none()
    );
    assert!(
        tampered
            .reload(DEFAULT_PROFILE, &mut app)
            .unwrap()
            .is_none()
    );
    let back = tampered.back(DEFAULT_PROFILE, &mut app).unwrap();
    assert!(back.is_none(), "no entry just before an index out of range");
    tampered
        .navigate(DEFAULT_PROFILE, &NavigationRequest::get("/c"), &mut app)
        .unwrap();
    let history = &tampered.profile(DEFAULT_PROFILE).unwrap().history;
    assert_eq!(history.current().map(|url| url.path.as_str()), Some("/c"));
}

#[test]
fn the_browser_layer_never_reads_the_wall_clock_or_os_randomness() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/browser");
    let mut files = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        for forbidden in [
            "SystemTime",
            "Instant::now",
            "std::time",
            "chrono",
            "js_sys::Date",
            "Date::now",
            "performance.now",
            "rand::",
            "getrandom",
        ] {
            assert!(
                !source.contains(forbidden),
                "{} mentions {forbidden}",
                path.display()
            );
        }
        files += 1;
    }
    assert!(files >= 9, "{files}");
}
