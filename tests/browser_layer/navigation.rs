//! Navigation through a test-double server: request building, redirects, cookies per hop.

use session_playground::browser::navigation::{MAX_REDIRECTS, RedirectStop, navigate};
use session_playground::browser::{CookieJar, NavigationRequest, SiteContext, Url};
use session_playground::http::{Request, Response};

/// A server that answers from a routing function and records every request it saw.
struct Recorder<F: FnMut(&Request) -> Response> {
    route: F,
    seen: Vec<Request>,
}

impl<F: FnMut(&Request) -> Response> session_playground::browser::Server for Recorder<F> {
    fn handle(&mut self, request: &Request, _now: i64) -> Response {
        self.seen.push(request.clone());
        (self.route)(request)
    }
}

fn recorder<F: FnMut(&Request) -> Response>(route: F) -> Recorder<F> {
    Recorder {
        route,
        seen: Vec::new(),
    }
}

/// A response with no body (shared with `audit`).
pub(crate) fn response(status: u16, headers: &[(&str, &str)]) -> Response {
    Response {
        status,
        headers: headers
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect(),
        body: Vec::new(),
    }
}

fn redirect(status: u16, location: &str) -> Response {
    response(status, &[("Location", location)])
}

fn root() -> Url {
    Url::localhost("/").unwrap()
}

#[test]
fn request_has_host_cookie_form_and_extra_headers_but_no_user_agent() {
    let mut jar = CookieJar::default();
    let mut server = recorder(|request| match request.path.as_str() {
        "/set" => response(200, &[("Set-Cookie", "a=1; Path=/")]),
        _ => response(200, &[]),
    });
    navigate(
        &mut jar,
        &root(),
        &NavigationRequest::get("/set"),
        &mut server,
        0,
    )
    .unwrap();
    let post = NavigationRequest::post("/login", &[("user name", "alice&bob")])
        .with_header("X-Test", "yes");
    navigate(&mut jar, &root(), &post, &mut server, 0).unwrap();

    let first = &server.seen[0];
    assert_eq!(
        first.headers,
        [("Host".to_string(), "localhost".to_string())]
    );
    let second = &server.seen[1];
    assert_eq!(
        (
            second.method.as_str(),
            second.scheme.as_str(),
            second.host.as_str()
        ),
        ("POST", "http", "localhost")
    );
    assert_eq!(second.body, b"user+name=alice%26bob");
    let names: Vec<&str> = second
        .headers
        .iter()
        .map(|(name, _)| name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Host", "Content-Type", "Content-Length", "Cookie", "X-Test"]
    );
    assert_eq!(
        second.header("Content-Type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(second.header("Content-Length"), Some("21"));
    assert_eq!(second.header("Cookie"), Some("a=1"));
    assert!(second.header("User-Agent").is_none());
}

#[test]
fn extra_header_replaces_a_generated_one_of_the_same_name() {
    let mut jar = CookieJar::default();
    let mut server = recorder(|request| match request.path.as_str() {
        "/set" => response(200, &[("Set-Cookie", "real=1")]),
        _ => response(200, &[]),
    });
    navigate(
        &mut jar,
        &root(),
        &NavigationRequest::get("/set"),
        &mut server,
        0,
    )
    .unwrap();
    let request = NavigationRequest::get("/").with_header("cookie", "forged=1");
    let outcome = navigate(&mut jar, &root(), &request, &mut server, 0).unwrap();
    let expected = [("Host", "localhost"), ("Cookie", "forged=1")]
        .map(|(n, v)| (n.to_string(), v.to_string()));
    assert_eq!(server.seen[1].headers, expected);
    assert_eq!(outcome.final_hop().cookie.as_deref(), Some("forged=1"));
}

#[test]
fn get_form_fields_go_in_the_query() {
    let mut jar = CookieJar::default();
    let mut server = recorder(|_| response(200, &[]));
    let mut request = NavigationRequest::get("/search?old=1");
    request.form = vec![("q".into(), "a b".into())];
    navigate(&mut jar, &root(), &request, &mut server, 0).unwrap();
    assert_eq!(server.seen[0].query, "q=a+b");
    assert!(server.seen[0].body.is_empty());
}

#[test]
fn post_redirected_by_302_becomes_get_without_body() {
    for status in [301, 302] {
        let mut jar = CookieJar::default();
        let mut server = recorder(|request| match request.path.as_str() {
            "/login" => redirect(status, "/home"),
            _ => response(200, &[]),
        });
        let outcome = navigate(
            &mut jar,
            &root(),
            &NavigationRequest::post("/login", &[("u", "a")]),
            &mut server,
            0,
        )
        .unwrap();
        assert_eq!(outcome.hops.len(), 2);
        let followed = &server.seen[1];
        assert_eq!(
            (followed.method.as_str(), followed.path.as_str()),
            ("GET", "/home"),
            "{status}"
        );
        assert!(followed.body.is_empty());
        assert!(followed.header("Content-Type").is_none());
        assert!(followed.header("Content-Length").is_none());
    }
}

#[test]
fn put_redirected_by_302_keeps_its_method() {
    let mut jar = CookieJar::default();
    let mut server = recorder(|request| match request.path.as_str() {
        "/item" => redirect(302, "/item2"),
        _ => response(200, &[]),
    });
    let mut request = NavigationRequest::post("/item", &[("x", "1")]);
    request.method = "PUT".into();
    navigate(&mut jar, &root(), &request, &mut server, 0).unwrap();
    assert_eq!(server.seen[1].method, "PUT");
    assert_eq!(server.seen[1].body, b"x=1");
}

#[test]
fn see_other_turns_anything_but_get_and_head_into_get() {
    for (method, expected) in [
        ("POST", "GET"),
        ("PUT", "GET"),
        ("DELETE", "GET"),
        ("HEAD", "HEAD"),
        ("GET", "GET"),
    ] {
        let mut jar = CookieJar::default();
        let mut server = recorder(|request| match request.path.as_str() {
            "/a" => redirect(303, "/b"),
            _ => response(200, &[]),
        });
        let mut request = NavigationRequest::get("/a");
        request.method = method.into();
        navigate(&mut jar, &root(), &request, &mut server, 0).unwrap();
        assert_eq!(server.seen[1].method, expected, "{method}");
    }
}

#[test]
fn temporary_and_permanent_redirects_keep_method_and_body() {
    for status in [307, 308] {
        let mut jar = CookieJar::default();
        let mut server = recorder(|request| match request.path.as_str() {
            "/a" => redirect(status, "/b"),
            _ => response(200, &[]),
        });
        navigate(
            &mut jar,
            &root(),
            &NavigationRequest::post("/a", &[("k", "v")]),
            &mut server,
            0,
        )
        .unwrap();
        assert_eq!(server.seen[1].method, "POST");
        assert_eq!(server.seen[1].body, b"k=v");
        assert_eq!(
            server.seen[1].header("Content-Type"),
            Some("application/x-www-form-urlencoded")
        );
    }
}

#[test]
fn extra_headers_are_sent_on_every_hop() {
    let mut jar = CookieJar::default();
    let mut server = recorder(|request| match request.path.as_str() {
        "/a" => redirect(302, "/b"),
        "/b" => redirect(307, "c"),
        _ => response(200, &[]),
    });
    navigate(
        &mut jar,
        &root(),
        &NavigationRequest::get("/a").with_header("X-A", "b"),
        &mut server,
        0,
    )
    .unwrap();
    assert_eq!(server.seen.len(), 3);
    assert!(
        server
            .seen
            .iter()
            .all(|request| request.header("X-A") == Some("b"))
    );
    assert_eq!(server.seen[2].path, "/c");
}

#[test]
fn cookies_set_on_a_redirect_are_sent_on_the_next_hop() {
    let mut jar = CookieJar::default();
    let mut server = recorder(|request| match request.path.as_str() {
        "/login" => response(
            302,
            &[
                ("Location", "/"),
                ("Set-Cookie", "session=s1; Path=/"),
                ("Set-Cookie", "bad=1; Domain=example.com"),
            ],
        ),
        _ => response(200, &[]),
    });
    let outcome = navigate(
        &mut jar,
        &root(),
        &NavigationRequest::post("/login", &[]),
        &mut server,
        0,
    )
    .unwrap();
    let first = &outcome.redirects()[0];
    assert_eq!(first.cookie, None);
    assert_eq!(first.stored.len(), 2);
    assert_eq!(
        first.stored[1].to_string(),
        "bad: not stored: Domain=example.com does not match the host localhost"
    );
    assert_eq!(outcome.final_hop().cookie.as_deref(), Some("session=s1"));
    assert_eq!(
        outcome.final_hop().sent[0].to_string(),
        "session (Path=/): sent"
    );
}

#[test]
fn location_resolves_against_the_current_url() {
    let mut jar = CookieJar::default();
    let mut server = recorder(|request| match request.path.as_str() {
        "/a/b/c" => redirect(302, "../d?x=1#frag"),
        _ => response(200, &[]),
    });
    navigate(
        &mut jar,
        &root(),
        &NavigationRequest::get("/a/b/c"),
        &mut server,
        0,
    )
    .unwrap();
    assert_eq!(
        (server.seen[1].path.as_str(), server.seen[1].query.as_str()),
        ("/a/d", "x=1")
    );
}

#[test]
fn twenty_redirects_are_followed_and_the_twenty_first_is_final() {
    let mut jar = CookieJar::default();
    let mut server = recorder(|request| {
        let n: usize = request.path[1..].parse().unwrap();
        if n < 20 {
            redirect(302, &format!("/{}", n + 1))
        } else {
            response(200, &[])
        }
    });
    let outcome = navigate(
        &mut jar,
        &root(),
        &NavigationRequest::get("/0"),
        &mut server,
        0,
    )
    .unwrap();
    assert_eq!(outcome.redirects().len(), MAX_REDIRECTS);
    assert_eq!(outcome.final_hop().response.status, 200);
    assert_eq!(outcome.stop, None);
}

#[test]
fn a_redirect_loop_stops_after_twenty_with_an_error_the_ui_can_show() {
    let mut jar = CookieJar::default();
    let mut server = recorder(|_| redirect(302, "/loop"));
    let outcome = navigate(
        &mut jar,
        &root(),
        &NavigationRequest::get("/loop"),
        &mut server,
        0,
    )
    .unwrap();
    assert_eq!(server.seen.len(), 21);
    assert_eq!(outcome.redirects().len(), 20);
    assert_eq!(outcome.final_hop().response.status, 302);
    assert_eq!(outcome.stop, Some(RedirectStop::TooManyRedirects));
    assert_eq!(
        outcome.stop.unwrap().to_string(),
        "too many redirects: the browser gave up after 20 (ERR_TOO_MANY_REDIRECTS)"
    );
}

#[test]
fn a_redirect_leaving_the_site_is_not_followed() {
    for location in [
        "https://localhost/",
        "http://example.com/",
        "//evil.example/x",
        "http://localhost:5000/",
    ] {
        let mut jar = CookieJar::default();
        let mut server = recorder(|_| redirect(302, location));
        let outcome = navigate(
            &mut jar,
            &root(),
            &NavigationRequest::get("/"),
            &mut server,
            0,
        )
        .unwrap();
        assert_eq!(server.seen.len(), 1, "{location}");
        assert!(
            matches!(outcome.stop, Some(RedirectStop::LeavesOrigin { .. })),
            "{location}"
        );
    }
    let mut jar = CookieJar::default();
    let mut server = recorder(|_| redirect(302, "javascript:alert(1)"));
    let outcome = navigate(
        &mut jar,
        &root(),
        &NavigationRequest::get("/"),
        &mut server,
        0,
    )
    .unwrap();
    assert_eq!(
        outcome.stop.unwrap().to_string(),
        "redirect to \"javascript:alert(1)\" not followed: the virtual browser only follows http and https URLs, not javascript:"
    );
}

#[test]
fn redirect_status_without_location_is_final() {
    let mut jar = CookieJar::default();
    let mut server = recorder(|_| response(302, &[]));
    let outcome = navigate(
        &mut jar,
        &root(),
        &NavigationRequest::get("/"),
        &mut server,
        0,
    )
    .unwrap();
    assert_eq!(outcome.hops.len(), 1);
    assert_eq!(outcome.stop, None);
}

#[test]
fn bad_method_and_bad_url_are_errors_not_panics() {
    let mut jar = CookieJar::default();
    let mut server = recorder(|_| response(200, &[]));
    let mut request = NavigationRequest::get("/");
    request.method = "GE T".into();
    assert_eq!(
        navigate(&mut jar, &root(), &request, &mut server, 0)
            .unwrap_err()
            .to_string(),
        "\"GE T\" is not an HTTP method"
    );
    let request = NavigationRequest::get("ftp://localhost/");
    assert!(navigate(&mut jar, &root(), &request, &mut server, 0).is_err());
    assert!(server.seen.is_empty());
}

#[test]
fn cross_site_form_post_does_not_carry_lax_cookies_but_the_redirected_get_does() {
    let mut jar = CookieJar::default();
    let mut server = recorder(|request| match request.path.as_str() {
        "/set" => response(
            200,
            &[
                ("Set-Cookie", "lax=1; SameSite=Lax; Path=/"),
                ("Set-Cookie", "strict=1; SameSite=Strict; Path=/"),
            ],
        ),
        "/transfer" => redirect(302, "/done"),
        _ => response(200, &[]),
    });
    navigate(
        &mut jar,
        &root(),
        &NavigationRequest::get("/set"),
        &mut server,
        0,
    )
    .unwrap();
    let attack = NavigationRequest::post("/transfer", &[("to", "mallory")])
        .from_site(SiteContext::cross_site_form("https://evil.example"));
    let outcome = navigate(&mut jar, &root(), &attack, &mut server, 1_000).unwrap();
    assert_eq!(outcome.hops[0].cookie, None);
    assert_eq!(
        outcome.hops[0].sent[0].to_string(),
        "lax (Path=/): not sent: SameSite=Lax, and a form posted from https://evil.example (POST) is not a top-level GET navigation"
    );
    assert_eq!(outcome.final_hop().cookie.as_deref(), Some("lax=1"));
    assert_eq!(
        outcome.final_hop().sent[1].to_string(),
        "strict (Path=/): not sent: SameSite=Strict and the request comes from a form posted from https://evil.example"
    );
}

#[test]
fn a_saved_outcome_without_any_hop_is_refused_instead_of_panicking_later() {
    use session_playground::browser::NavigationOutcome;
    // Saved or shared data can be anything: an outcome must keep its promise of a final hop.
    let error = serde_json::from_str::<NavigationOutcome>(r#"{"hops":[],"stop":null}"#)
        .expect_err("an outcome without a hop must not deserialise");
    assert!(error.to_string().contains("hops is empty"), "{error}");

    // A real outcome still round-trips, and its final hop and redirects are what they were.
    let mut server = recorder(|request: &Request| match request.path.as_str() {
        "/go" => response(302, &[("Location", "/here")]),
        _ => response(200, &[]),
    });
    let outcome = navigate(
        &mut CookieJar::default(),
        &Url::localhost("/").unwrap(),
        &NavigationRequest::get("/go"),
        &mut server,
        0,
    )
    .unwrap();
    let json = serde_json::to_string(&outcome).unwrap();
    let back: NavigationOutcome = serde_json::from_str(&json).unwrap();
    assert_eq!(back, outcome);
    assert_eq!(back.final_hop().url.path, "/here");
    assert_eq!(back.redirects().len(), 1);
}
