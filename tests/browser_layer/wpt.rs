//! Runs every vector of `wpt-cookies/*.json` beside this file (web-platform-tests `cookies/`
//! suite, copied into the repository with its source named in that folder's README) through
//! the jar, replayed as the README says.

use std::path::PathBuf;

use serde::Deserialize;
use session_playground::browser::clock::DEFAULT_START;
use session_playground::browser::{CookieJar, CookieRequest, SiteContext, Url};

/// Vectors that cannot apply to the playground, with the reason. Empty: every vector applies.
const NOT_APPLICABLE: &[(&str, &str, &str)] = &[];

#[derive(Deserialize)]
#[serde(untagged)]
enum Cookies {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Vector {
    cookie: Cookies,
    expected: String,
    name: String,
    default_path: Option<bool>,
}

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser_layer/wpt-cookies")
}

/// The `Cookie` header the browser sends after receiving `vector`'s Set-Cookie headers.
fn replay(vector: &Vector) -> String {
    let mut jar = CookieJar::default();
    let site = SiteContext::SameSite;
    let set_url = Url::localhost("/cookies/resources/cookie").unwrap();
    let headers = match &vector.cookie {
        Cookies::One(header) => vec![header.clone()],
        Cookies::Many(headers) => headers.clone(),
    };
    for header in headers {
        let header = replace_ignore_case(&header, "domain=web-platform.test", "domain=localhost");
        jar.store(
            &header,
            &CookieRequest {
                url: &set_url,
                method: "GET",
                site: &site,
            },
            DEFAULT_START,
        );
    }
    let read_path = if vector.default_path.unwrap_or(true) {
        "/cookies/resources/echo-cookie.html"
    } else {
        "/cookies/name/name.html"
    };
    let read_url = Url::localhost(read_path).unwrap();
    let retrieval = jar.retrieve(
        &CookieRequest {
            url: &read_url,
            method: "GET",
            site: &site,
        },
        DEFAULT_START,
    );
    retrieval.header.unwrap_or_default()
}

fn replace_ignore_case(text: &str, from: &str, to: &str) -> String {
    match text.to_ascii_lowercase().find(from) {
        Some(start) => format!("{}{to}{}", &text[..start], &text[start + from.len()..]),
        None => text.to_string(),
    }
}

#[test]
fn every_wpt_cookie_vector_passes_or_is_listed_as_not_applicable() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(vectors_dir())
        .expect("the WPT vectors are in tests/browser_layer/wpt-cookies")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 4,
        "expected the four WPT files, found {files:?}"
    );

    let mut failures = Vec::new();
    let mut ran = 0;
    for file in &files {
        let file_name = file.file_name().unwrap().to_string_lossy().to_string();
        let vectors: Vec<Vector> =
            serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        for vector in &vectors {
            if NOT_APPLICABLE
                .iter()
                .any(|(file, name, _)| *file == file_name && *name == vector.name)
            {
                continue;
            }
            ran += 1;
            let actual = replay(vector);
            if actual != vector.expected {
                failures.push(format!(
                    "{file_name}: {}: expected {:?}, got {actual:?}",
                    vector.name, vector.expected
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {ran} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(ran, 69, "every vector ran");
}
