//! The seed app's `/count` request as a browser sends it, and the cookie it sends back: shared by
//! the Flask benchmark (`bench/flask_requests.rs`) and the leak test (`tests/python/leak.rs`),
//! which both drive `FlaskServer` the way the page does.

use session_playground::http::{Request, Response};

/// `GET /count`, with the cookie from the previous response when there is one.
pub fn count_request(cookie: Option<&str>) -> Request {
    let mut headers = vec![("Host".to_string(), "localhost".to_string())];
    if let Some(cookie) = cookie {
        headers.push(("Cookie".to_string(), cookie.to_string()));
    }
    Request {
        method: "GET".to_string(),
        scheme: "http".to_string(),
        host: "localhost".to_string(),
        path: "/count".to_string(),
        query: String::new(),
        headers,
        body: Vec::new(),
    }
}

/// The `name=value` pair of the response's (first) Set-Cookie, which a browser sends back.
pub fn cookie_pair(response: &Response) -> Option<String> {
    Some(
        response
            .header("Set-Cookie")?
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_string(),
    )
}
