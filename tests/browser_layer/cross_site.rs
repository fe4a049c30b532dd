//! A scenario with a second site (issue 20's cross-site extension), played by the one engine
//! through `session-playground run`: an app on `localhost` sets a cookie of each `SameSite`
//! kind; a page on `attacker.test` posts a form to it, links to it and embeds it as an image.
//! The `Cookie` header of each request must be the one real Chromium sent in the recorded case
//! of the same shape (`chromium/sites.json`, `generate_sites.py`), and the transcript must give
//! every cookie of the jar a reason, sent or withheld.

use std::path::PathBuf;

use session_playground::cli::run_text as run_cli;

fn recorded(name: &str) -> String {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser_layer/chromium/sites.json");
    let fixture: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    fixture["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|case| case["name"] == name)
        .unwrap_or_else(|| panic!("no recorded case {name}"))["cookie"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn an_attackers_form_link_and_image_carry_the_cookies_chromium_sent() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser_layer/cross_site/attacker.json");
    let out = run_cli("attacker.json", &std::fs::read_to_string(path).unwrap());
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    let transcript: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let steps = transcript["steps"].as_array().unwrap();
    // The attacker's page is served by its own site, not by the app.
    assert!(steps[1]["body"].as_str().unwrap().contains("Win a prize"));
    let cases = [
        (
            2,
            "attacker_form_post_to_localhost",
            "a form posted from http://attacker.test",
        ),
        (
            3,
            "attacker_link_to_localhost",
            "a link on http://attacker.test",
        ),
        (
            4,
            "attacker_image_of_localhost",
            "an image on http://attacker.test",
        ),
        (5, "localhost_form_post_to_itself", "a same-site request"),
    ];
    for (index, case, context) in cases {
        let step = &steps[index];
        let chromium = recorded(case);
        // The app echoes the Cookie header it received.
        assert_eq!(step["body"].as_str().unwrap(), chromium, "{case}");
        assert_eq!(step["context"], context, "{case}");
        let cookies = step["cookies"].as_array().unwrap();
        assert_eq!(
            cookies.len(),
            4,
            "{case}: a reason for each of the four cookies"
        );
        for cookie in cookies {
            let name = cookie["name"].as_str().unwrap();
            let sent = cookie["sent"] == "sent";
            let in_header = chromium.split("; ").any(|pair| pair == format!("{name}=1"));
            assert_eq!(sent, in_header, "{case}: {cookie}");
            let reason = cookie["reason"].as_str().unwrap();
            assert!(
                reason.starts_with(if sent { "sent" } else { "not sent: " }),
                "{reason}"
            );
        }
    }
    // A withheld cookie says why in the learner's terms.
    let lax_on_post = steps[2]["cookies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "lax")
        .unwrap();
    assert!(
        lax_on_post["reason"]
            .as_str()
            .unwrap()
            .contains("SameSite=Lax"),
        "{lax_on_post}"
    );
    // A rev-2 step without `host` or `from` keeps the transcript's shape.
    assert!(steps[0].get("cookies").is_none() && steps[0].get("context").is_none());
}

#[test]
fn the_extension_is_validated_with_the_place_of_the_mistake() {
    let base = r#"{"version": 1, "code": "", "steps": [{"request": {"method": "GET", "path": "/", "from": {"host": "attacker.test", "by": "telepathy"}}}]}"#;
    let out = run_cli("s.json", base);
    assert_eq!(out.exit_code, 2);
    assert!(
        out.stderr.contains("steps[0].request.from.by"),
        "{}",
        out.stderr
    );
    let bad_site =
        r#"{"version": 1, "code": "", "sites": [{"host": "localhost", "page": ""}], "steps": []}"#;
    let out = run_cli("s.json", bad_site);
    assert_eq!(out.exit_code, 2);
    assert!(out.stderr.contains("sites[0].host"), "{}", out.stderr);
    let both = r#"{"version": 1, "code": "", "sites": [{"host": "a.test", "page": "", "code": ""}], "steps": []}"#;
    let out = run_cli("s.json", both);
    assert_eq!(out.exit_code, 2);
    assert!(out.stderr.contains("exactly one of code"), "{}", out.stderr);
}
