//! What a response shown in the virtual browser may do in the real browser around it: nothing
//! that reaches the network. A response (or a share link, which rebuilds one) is the learner's
//! or a stranger's HTML; shown as it is, its images, stylesheets, fonts, frames and forms would
//! make the viewer's browser contact any host, with the playground as Referer. So every framed
//! document starts with a Content-Security-Policy that allows only inline styles and `data:`
//! images/fonts: no fetch of any kind, no nested frame, no form target, no `<base>`. Links and
//! forms the learner follows are carried out by the page itself (on the simulated server); the
//! frame's own navigations are cancelled (`components::page_view`). A page's own stylesheets
//! still apply: the world requested them from the simulated site (`browser::subresource`) and
//! the frame gets their text inlined as `<style>`, which `style-src 'unsafe-inline'` allows (a
//! sheet that did not apply, or was not loaded, is left out of the frame); what a sheet itself
//! loads (`@import`, `url()` images, fonts) stays blocked.

/// The policy every rendered response gets. `form-action 'none'` does not stop the page's own
/// form handling: the page cancels the submission before the browser would check it.
pub const RESPONSE_POLICY: &str = "default-src 'none'; img-src data:; font-src data:; media-src data:; style-src 'unsafe-inline'; \
form-action 'none'; frame-src 'none'; child-src 'none'; object-src 'none'; base-uri 'none'; connect-src 'none'; \
manifest-src 'none'; worker-src 'none'";

/// The document to put in the frame: `body` with the policy in front, after a leading doctype so
/// the document keeps the rendering mode it asked for.
///
/// ```
/// use session_playground::ui::frame_policy::framed;
/// let framed = framed("<!DOCTYPE html><img src='http://evil.test/x.png'>");
/// assert!(framed.starts_with("<!DOCTYPE html><meta http-equiv=\"Content-Security-Policy\""));
/// assert!(framed.ends_with("<img src='http://evil.test/x.png'>"));
/// assert!(session_playground::ui::frame_policy::framed("hi").starts_with("<meta"));
/// ```
pub fn framed(body: &str) -> String {
    let meta =
        format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{RESPONSE_POLICY}\">");
    let start = body.len()
        - body
            .trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r', '\u{c}'])
            .len();
    let rest = &body[start..];
    let doctype = rest
        .get(..9)
        .is_some_and(|head| head.eq_ignore_ascii_case("<!doctype"));
    match rest.find('>').filter(|_| doctype) {
        Some(end) => format!(
            "{}{meta}{}",
            &body[..start + end + 1],
            &body[start + end + 1..]
        ),
        None => format!("{meta}{body}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_goes_first_and_the_body_is_kept_whole() {
        for body in [
            "",
            "plain text",
            "<p>hi</p>",
            "  <!doctype html>\n<html><head><base href='http://x/'></head></html>",
            "<!doctype",
        ] {
            let out = framed(body);
            assert_eq!(out.replace(&format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{RESPONSE_POLICY}\">"), ""), body);
            let meta = out.find("<meta http-equiv").unwrap();
            assert!(
                !out[..meta].contains("<html") && !out[..meta].contains("<base"),
                "{out}"
            );
        }
    }

    #[test]
    fn the_policy_blocks_every_fetch_and_frame() {
        for directive in [
            "default-src 'none'",
            "form-action 'none'",
            "frame-src 'none'",
            "base-uri 'none'",
            "object-src 'none'",
        ] {
            assert!(RESPONSE_POLICY.contains(directive), "{directive}");
        }
        assert!(!RESPONSE_POLICY.contains("http"), "no host is allowed");
    }
}
