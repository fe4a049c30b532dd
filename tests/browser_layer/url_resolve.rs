//! Relative links and form actions resolved as browsers resolve them: `Url::resolve` against
//! the vectors Node's WHATWG `URL` wrote (`url/generate.mjs` → `url/resolve.json`). A case the
//! standard refuses, or one that leaves http(s), is `null` there and must not resolve to a
//! playground URL here either.

use session_playground::browser::Url;

#[test]
fn links_resolve_as_the_url_standard_resolves_them() {
    let text = include_str!("url/resolve.json");
    let cases: Vec<serde_json::Value> = serde_json::from_str(text).unwrap();
    assert!(cases.len() >= 100, "only {} cases", cases.len());
    let mut wrong = Vec::new();
    for case in &cases {
        let base = Url::parse(case["base"].as_str().unwrap()).unwrap();
        let reference = case["reference"].as_str().unwrap();
        let actual = base.resolve(reference).ok().map(|url| url.to_string());
        let mut expected = case["resolved"].as_str().map(str::to_string);
        // The one known difference: an empty query (`page?`) is kept by the standard as `?`
        // and dropped here (`Url` holds "no query" and "empty query" alike); the server sees
        // the same request either way (an empty query string).
        if let Some(url) = expected.as_mut().filter(|u| u.ends_with('?')) {
            url.pop();
        }
        if actual != expected {
            wrong.push(format!(
                "{} + {reference:?}: expected {expected:?}, got {actual:?}",
                base
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {}:\n{}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
}
