//! Werkzeug's URL map as the playground needs it: rules with converters (`<name>`, `<int:>`,
//! `<float:>`, `<path:>`, `<string:>`, `<any(a,b):>`), matching with 404 / 405 (`Allow`) /
//! strict-slash 308 outcomes, and building URLs for `url_for` with `BuildError`'s message.
//!
//! Written by hand rather than with a regex crate: the converters are four fixed shapes, and a
//! small backtracking matcher keeps the wasm build free of a regex engine.

use std::fmt;

/// The kind of a `<...>` placeholder.
#[derive(Clone, Debug, PartialEq)]
pub enum Converter {
    /// `<name>` / `<string:name>`: one or more characters other than `/`.
    Default,
    /// `<int:name>`: ASCII digits.
    Int,
    /// `<float:name>`: `digits.digits`.
    Float,
    /// `<path:name>`: anything, slashes included (not starting with `/`).
    Path,
    /// `<any(a, b):name>`: one of the listed words.
    Any(Vec<String>),
}

/// One piece of a rule.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    /// Literal text.
    Static(String),
    /// A placeholder.
    Var {
        /// Its converter.
        conv: Converter,
        /// The view argument's name.
        name: String,
    },
}

/// A converted view argument.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// From the default, path and any converters.
    Str(String),
    /// From `int`.
    Int(i64),
    /// From `float`.
    Float(f64),
}

/// One URL rule (`app.add_url_rule`).
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// The rule text, e.g. `/user/<int:id>`.
    pub rule: String,
    /// The endpoint name.
    pub endpoint: String,
    /// Allowed methods, upper case, in registration order (HEAD added after GET).
    pub methods: Vec<String>,
    /// Whether `/dir` redirects to `/dir/`.
    pub strict_slashes: bool,
    /// Whether Flask answers OPTIONS itself.
    pub automatic_options: bool,
    /// The parsed rule.
    pub parts: Vec<Part>,
    /// Werkzeug's rule `defaults` (`defaults=` of `add_url_rule`, a blueprint's
    /// `url_defaults`): values the view gets beside the bound ones, which also make the rule
    /// the one built (and redirected to) for exactly those values.
    pub defaults: Vec<(String, Arg)>,
}

/// Why a rule text was refused (Werkzeug raises these at `add_url_rule`).
#[derive(Clone, Debug, PartialEq)]
pub enum RuleError {
    /// The rule does not start with `/`.
    NoLeadingSlash(String),
    /// A `<...>` placeholder could not be parsed.
    Malformed(String),
    /// A converter name Werkzeug does not know.
    UnknownConverter(String),
}

/// The arguments a rule bound from a path, by variable name.
type BoundArgs = Vec<(String, Arg)>;

impl RuleError {
    /// The Python exception class Werkzeug raises.
    pub fn python_type(&self) -> &'static str {
        match self {
            RuleError::NoLeadingSlash(_) | RuleError::Malformed(_) => "ValueError",
            RuleError::UnknownConverter(_) => "LookupError",
        }
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RuleError::NoLeadingSlash(_) => write!(f, "urls must start with a leading slash"),
            RuleError::Malformed(rule) => write!(f, "malformed url rule: {rule:?}"),
            RuleError::UnknownConverter(name) => write!(f, "the converter {name:?} does not exist"),
        }
    }
}

impl Rule {
    /// Parses `rule` for `endpoint`.
    ///
    /// ```
    /// use session_playground::flask::routing::{Rule, Part};
    /// let rule = Rule::new("/post/<int:id>", "post", &["GET"], true, true).unwrap();
    /// assert_eq!(rule.methods, ["GET", "HEAD"]);
    /// assert_eq!(rule.parts.len(), 2);
    /// ```
    pub fn new(
        rule: &str,
        endpoint: &str,
        methods: &[&str],
        strict_slashes: bool,
        automatic_options: bool,
    ) -> Result<Rule, RuleError> {
        if !rule.starts_with('/') {
            return Err(RuleError::NoLeadingSlash(rule.to_string()));
        }
        let mut parts = Vec::new();
        let mut rest = rule;
        while let Some(open) = rest.find('<') {
            if open > 0 {
                parts.push(Part::Static(rest[..open].to_string()));
            }
            let Some(close) = rest[open..].find('>') else {
                return Err(RuleError::Malformed(rule.to_string()));
            };
            let inner = &rest[open + 1..open + close];
            rest = &rest[open + close + 1..];
            let (conv, name) = match inner.rfind(':') {
                Some(colon) => (inner[..colon].trim(), inner[colon + 1..].trim()),
                None => ("default", inner.trim()),
            };
            if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                return Err(RuleError::Malformed(rule.to_string()));
            }
            let conv = parse_converter(conv)?;
            parts.push(Part::Var {
                conv,
                name: name.to_string(),
            });
        }
        if !rest.is_empty() {
            parts.push(Part::Static(rest.to_string()));
        }
        let mut list: Vec<String> = Vec::new();
        for method in methods {
            let upper = method.to_ascii_uppercase();
            if !list.contains(&upper) {
                list.push(upper);
            }
        }
        if list.iter().any(|m| m == "GET") && !list.iter().any(|m| m == "HEAD") {
            let at = list
                .iter()
                .position(|m| m == "GET")
                .map_or(list.len(), |i| i + 1);
            list.insert(at, "HEAD".to_string());
        }
        Ok(Rule {
            rule: rule.to_string(),
            endpoint: endpoint.to_string(),
            methods: list,
            strict_slashes,
            automatic_options,
            parts,
            defaults: Vec::new(),
        })
    }

    /// The same rule with `defaults`.
    pub fn with_defaults(mut self, defaults: Vec<(String, Arg)>) -> Rule {
        self.defaults = defaults;
        self
    }

    /// Werkzeug's `Rule.arguments`: the placeholders' names and the defaults' keys.
    fn all_arguments(&self) -> Vec<&str> {
        let mut names = self.arguments();
        for (key, _) in &self.defaults {
            if !names.contains(&key.as_str()) {
                names.push(key);
            }
        }
        names
    }

    /// Werkzeug's `Rule.suitable_for`: every argument has a value or a default, and no value
    /// given differs from the default of its key.
    fn suitable_for(&self, values: &[(String, String)]) -> bool {
        let given = |key: &str| values.iter().find(|(k, _)| k == key).map(|(_, v)| v);
        self.all_arguments()
            .iter()
            .all(|key| given(key).is_some() || self.defaults.iter().any(|(k, _)| k == key))
            && self
                .defaults
                .iter()
                .all(|(key, value)| given(key).is_none_or(|text| *text == arg_text(value)))
    }

    /// Werkzeug's `Rule.build_compare_key`: the rules of an endpoint are tried for building
    /// with the most arguments first, then the most defaults.
    fn build_rank(&self) -> (std::cmp::Reverse<usize>, std::cmp::Reverse<usize>) {
        (
            std::cmp::Reverse(self.all_arguments().len()),
            std::cmp::Reverse(self.defaults.len()),
        )
    }

    /// The names of the rule's placeholders.
    pub fn arguments(&self) -> Vec<&str> {
        self.parts
            .iter()
            .filter_map(|p| match p {
                Part::Var { name, .. } => Some(name.as_str()),
                Part::Static(_) => None,
            })
            .collect()
    }

    /// Matches a decoded path; returns the converted arguments.
    pub fn matches(&self, path: &str) -> Option<Vec<(String, Arg)>> {
        let mut out = Vec::new();
        if !match_parts(&self.parts, path, &mut out) {
            return None;
        }
        // The defaults join the bound values (and win over one of the same name).
        for (key, value) in &self.defaults {
            match out.iter_mut().find(|(k, _)| k == key) {
                Some(slot) => slot.1 = value.clone(),
                None => out.push((key.clone(), value.clone())),
            }
        }
        Some(out)
    }

    /// How specific the rule is: static parts beat converters, `path` comes last
    /// (Werkzeug's matcher tries static transitions first, then converters by weight).
    fn weight(&self) -> Vec<u8> {
        self.parts
            .iter()
            .map(|p| match p {
                Part::Static(_) => 0,
                Part::Var {
                    conv: Converter::Any(_),
                    ..
                } => 1,
                Part::Var {
                    conv: Converter::Int | Converter::Float,
                    ..
                } => 2,
                Part::Var {
                    conv: Converter::Default,
                    ..
                } => 3,
                Part::Var {
                    conv: Converter::Path,
                    ..
                } => 4,
            })
            .collect()
    }
}

fn parse_converter(text: &str) -> Result<Converter, RuleError> {
    let (name, args) = match text.find('(') {
        Some(open) => (&text[..open], text[open + 1..].trim_end_matches(')')),
        None => (text, ""),
    };
    Ok(match name.trim() {
        "default" | "string" => Converter::Default,
        "int" => Converter::Int,
        "float" => Converter::Float,
        "path" => Converter::Path,
        "any" => Converter::Any(
            args.split(',')
                .map(|s| s.trim().trim_matches(|c| c == '\'' || c == '"').to_string())
                .filter(|s| !s.is_empty())
                .collect(),
        ),
        other => return Err(RuleError::UnknownConverter(other.to_string())),
    })
}

fn match_parts(parts: &[Part], path: &str, out: &mut Vec<(String, Arg)>) -> bool {
    let Some((first, rest)) = parts.split_first() else {
        return path.is_empty();
    };
    match first {
        Part::Static(text) => path
            .strip_prefix(text.as_str())
            .is_some_and(|tail| match_parts(rest, tail, out)),
        Part::Var { conv, name } => {
            // Candidate end positions: every char boundary the converter could stop at.
            let limit = match conv {
                Converter::Path => path.len(),
                _ => path.find('/').unwrap_or(path.len()),
            };
            let mut ends: Vec<usize> = (1..=limit).filter(|&i| path.is_char_boundary(i)).collect();
            // `path` is non-greedy in Werkzeug's regex but anchored, so shortest first; the
            // segment converters are greedy.
            if !matches!(conv, Converter::Path) {
                ends.reverse();
            }
            for end in ends {
                let piece = &path[..end];
                let Some(arg) = convert(conv, piece) else {
                    continue;
                };
                let mark = out.len();
                out.push((name.clone(), arg));
                if match_parts(rest, &path[end..], out) {
                    return true;
                }
                out.truncate(mark);
            }
            false
        }
    }
}

fn convert(conv: &Converter, piece: &str) -> Option<Arg> {
    match conv {
        Converter::Default => (!piece.contains('/')).then(|| Arg::Str(piece.to_string())),
        Converter::Path => (!piece.starts_with('/')).then(|| Arg::Str(piece.to_string())),
        Converter::Int => {
            if piece.bytes().all(|b| b.is_ascii_digit()) {
                piece.parse::<i64>().ok().map(Arg::Int)
            } else {
                None
            }
        }
        Converter::Float => {
            let (a, b) = piece.split_once('.')?;
            let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            if digits(a) && digits(b) {
                piece.parse::<f64>().ok().map(Arg::Float)
            } else {
                None
            }
        }
        Converter::Any(words) => words
            .iter()
            .any(|w| w == piece)
            .then(|| Arg::Str(piece.to_string())),
    }
}

/// What routing decided for one request.
#[derive(Clone, Debug, PartialEq)]
pub enum Match {
    /// A rule matched.
    Found {
        /// Index of the rule.
        rule: usize,
        /// The converted arguments.
        args: Vec<(String, Arg)>,
    },
    /// No rule matches the path: 404.
    NotFound,
    /// Rules match the path but not the method: 405 with these methods.
    MethodNotAllowed(Vec<String>),
    /// The path lacks the rule's trailing slash: 308 to this absolute URL.
    Redirect(String),
}

/// The URL map of one application.
#[derive(Clone, Debug, Default)]
pub struct Router {
    /// Rules in registration order.
    pub rules: Vec<Rule>,
}

impl Router {
    /// Matches `method` + decoded `path` (`query` is the raw query string, kept on redirects).
    ///
    /// ```
    /// use session_playground::flask::routing::{Router, Rule, Match};
    /// let mut router = Router::default();
    /// router.rules.push(Rule::new("/files/", "files", &["GET", "OPTIONS"], true, true).unwrap());
    /// assert_eq!(router.match_request("GET", "/files", "", "http://localhost"),
    ///     Match::Redirect("http://localhost/files/".into()));
    /// assert_eq!(router.match_request("GET", "/nope", "", "http://localhost"), Match::NotFound);
    /// ```
    pub fn match_request(&self, method: &str, path: &str, query: &str, origin: &str) -> Match {
        // The best match so far: its rank, the rule's index and the arguments it bound.
        let mut best: Option<(Vec<u8>, usize, BoundArgs)> = None;
        let mut allowed: Vec<String> = Vec::new();
        let mut path_matched = false;
        for (index, rule) in self.rules.iter().enumerate() {
            let Some(args) = rule.matches(path) else {
                continue;
            };
            path_matched = true;
            if rule.methods.iter().any(|m| m == method) {
                let weight = rule.weight();
                if best.as_ref().is_none_or(|(w, _, _)| weight < *w) {
                    best = Some((weight, index, args));
                }
            } else {
                for m in &rule.methods {
                    if !allowed.contains(m) {
                        allowed.push(m.clone());
                    }
                }
            }
        }
        if let Some((_, rule, args)) = best {
            if let Some(url) = self.default_redirect(rule, &args, query, origin) {
                return Match::Redirect(url);
            }
            return Match::Found { rule, args };
        }
        if !path.ends_with('/') {
            let slashed = format!("{path}/");
            for rule in &self.rules {
                if rule.strict_slashes
                    && rule.rule.ends_with('/')
                    && rule.methods.iter().any(|m| m == method)
                    && rule.matches(&slashed).is_some()
                {
                    let mut url = format!("{origin}{}", quote(&slashed, PATH_SAFE));
                    if !query.is_empty() {
                        url.push('?');
                        url.push_str(query);
                    }
                    return Match::Redirect(url);
                }
            }
        }
        if path_matched {
            return Match::MethodNotAllowed(allowed);
        }
        Match::NotFound
    }

    /// Werkzeug's `redirect_defaults`: when a rule of the same endpoint placed before the
    /// matched one in build order has defaults that give these very values, the request is
    /// redirected (308) to that rule's URL (`/page/1` to `/page/` when `/page/` has `page=1`).
    fn default_redirect(
        &self,
        matched: usize,
        args: &[(String, Arg)],
        query: &str,
        origin: &str,
    ) -> Option<String> {
        let rule = &self.rules[matched];
        let values: Vec<(String, String)> = args
            .iter()
            .map(|(key, value)| (key.clone(), arg_text(value)))
            .collect();
        let mut arguments = rule.all_arguments();
        crate::text::order::sort(&mut arguments);
        for other in self.build_order(&rule.endpoint) {
            if std::ptr::eq(other, rule) {
                break;
            }
            let mut theirs = other.all_arguments();
            crate::text::order::sort(&mut theirs);
            if !other.defaults.is_empty() && theirs == arguments && other.suitable_for(&values) {
                let mut url = format!("{origin}{}", build_with(other, &values));
                if !query.is_empty() {
                    url.push(if url.contains('?') { '&' } else { '?' });
                    url.push_str(query);
                }
                return Some(url);
            }
        }
        None
    }

    /// The rules of `endpoint` in the order Werkzeug tries them when building.
    fn build_order(&self, endpoint: &str) -> Vec<&Rule> {
        let mut candidates: Vec<&Rule> = self
            .rules
            .iter()
            .filter(|r| r.endpoint == endpoint)
            .collect();
        crate::text::order::sort_by_key(&mut candidates, |rule| rule.build_rank());
        candidates
    }

    /// Every method the rules matching `path` allow (Flask's automatic OPTIONS answer).
    pub fn allowed_methods(&self, path: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for rule in &self.rules {
            if rule.matches(path).is_some() {
                for m in &rule.methods {
                    if !out.contains(m) {
                        out.push(m.clone());
                    }
                }
            }
        }
        out
    }

    /// Builds the URL path for `endpoint`; `values` are already converted to text, in call
    /// order. Unused values go to the query string. On failure returns `BuildError`'s message.
    ///
    /// ```
    /// use session_playground::flask::routing::{Router, Rule};
    /// let mut router = Router::default();
    /// router.rules.push(Rule::new("/", "index", &["GET"], true, true).unwrap());
    /// assert_eq!(router.build("index", &[("page".into(), "2".into())]).unwrap(), "/?page=2");
    /// assert_eq!(router.build("home", &[]).unwrap_err(),
    ///     "Could not build url for endpoint 'home'. Did you mean 'index' instead?");
    /// ```
    pub fn build(&self, endpoint: &str, values: &[(String, String)]) -> Result<String, String> {
        // Werkzeug tries an endpoint's rules with the most arguments first (stable otherwise),
        // so `/user/<name>` builds before `/user/` when a name is given; the first suitable
        // one is built.
        match self
            .build_order(endpoint)
            .into_iter()
            .find(|rule| rule.suitable_for(values))
        {
            Some(rule) => Ok(build_with(rule, values)),
            None => Err(self.build_error(endpoint, values)),
        }
    }

    fn build_error(&self, endpoint: &str, values: &[(String, String)]) -> String {
        let mut message = format!("Could not build url for endpoint {}", py_str_repr(endpoint));
        if !values.is_empty() {
            let mut keys: Vec<&str> = values.iter().map(|(k, _)| k.as_str()).collect();
            crate::text::order::sort(&mut keys);
            let list: Vec<String> = keys.iter().map(|k| py_str_repr(k)).collect();
            message.push_str(&format!(" with values [{}]", list.join(", ")));
        }
        message.push('.');
        // BuildError.closest_rule: the best-scoring rule, first one on ties.
        let mut best: Option<(f64, &Rule)> = None;
        for rule in &self.rules {
            let args = rule.arguments();
            let subset = values.iter().all(|(k, _)| args.contains(&k.as_str()));
            let score = 0.98 * sequence_ratio(&rule.endpoint, endpoint)
                + 0.01 * f64::from(u8::from(subset));
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, rule));
            }
        }
        if let Some((_, rule)) = best {
            if rule.endpoint == endpoint {
                let mut missing: Vec<&str> = rule
                    .arguments()
                    .into_iter()
                    .filter(|a| !values.iter().any(|(k, _)| k == a))
                    .collect();
                crate::text::order::sort(&mut missing);
                if !missing.is_empty() {
                    let list: Vec<String> = missing.iter().map(|k| py_str_repr(k)).collect();
                    message.push_str(&format!(
                        " Did you forget to specify values [{}]?",
                        list.join(", ")
                    ));
                }
            } else {
                message.push_str(&format!(
                    " Did you mean {} instead?",
                    py_str_repr(&rule.endpoint)
                ));
            }
        }
        message
    }
}

/// `rule`'s URL for `values` (it is suitable for them): each placeholder from its value or its
/// default, the values that are not arguments as the query string.
fn build_with(rule: &Rule, values: &[(String, String)]) -> String {
    let mut url = String::new();
    for part in &rule.parts {
        match part {
            Part::Static(text) => url.push_str(text),
            Part::Var { conv, name } => {
                let value = values
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.clone())
                    .or_else(|| {
                        rule.defaults
                            .iter()
                            .find(|(k, _)| k == name)
                            .map(|(_, v)| arg_text(v))
                    })
                    .unwrap_or_default();
                let safe = match conv {
                    Converter::Path => PATH_SAFE,
                    _ => CONVERTER_SAFE,
                };
                url.push_str(&quote(&value, safe));
            }
        }
    }
    let arguments = rule.all_arguments();
    let query: Vec<&(String, String)> = values
        .iter()
        .filter(|(k, _)| !arguments.contains(&k.as_str()))
        .collect();
    if !query.is_empty() {
        url.push('?');
        for (i, (k, v)) in query.iter().enumerate() {
            if i > 0 {
                url.push('&');
            }
            url.push_str(&quote_plus(k));
            url.push('=');
            url.push_str(&quote_plus(v));
        }
    }
    url
}

/// A default as `str()` writes it (how `url_for`'s values reach the builder).
fn arg_text(value: &Arg) -> String {
    match value {
        Arg::Str(text) => text.clone(),
        Arg::Int(number) => number.to_string(),
        Arg::Float(number) => crate::python::text::float_repr::float_repr(*number),
    }
}

/// `repr()` of a simple str (quotes chosen as CPython does; rare escapes are not needed for
/// endpoint names).
fn py_str_repr(s: &str) -> String {
    if s.contains('\'') && !s.contains('"') {
        format!("\"{s}\"")
    } else {
        format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}

/// `difflib.SequenceMatcher(None, a, b).ratio()` (no autojunk effect below 200 characters).
pub fn sequence_ratio(a: &str, b: &str) -> f64 {
    // Endpoint names are short; the cap keeps this cubic search bounded on any input.
    let a: Vec<char> = a.chars().take(200).collect();
    let b: Vec<char> = b.chars().take(200).collect();
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    let matches = matching_chars(&a, &b);
    2.0 * matches as f64 / total as f64
}

fn matching_chars(a: &[char], b: &[char]) -> usize {
    // find_longest_match: longest block, earliest in a, then earliest in b.
    let mut best = (0usize, 0usize, 0usize);
    for i in 0..a.len() {
        for j in 0..b.len() {
            let mut k = 0;
            while i + k < a.len() && j + k < b.len() && a[i + k] == b[j + k] {
                k += 1;
            }
            if k > best.2 {
                best = (i, j, k);
            }
        }
    }
    let (i, j, k) = best;
    if k == 0 {
        return 0;
    }
    k + matching_chars(&a[..i], &b[..j]) + matching_chars(&a[i + k..], &b[j + k..])
}

/// Characters `urllib.parse.quote` leaves alone besides `[A-Za-z0-9_.-~]`, for converters.
const CONVERTER_SAFE: &str = "!$&'()*+,/:;=@";
/// The same for paths (Werkzeug's `_fast_url_quote` keeps `/`).
const PATH_SAFE: &str = "!$&'()*+,/:;=@";

/// `urllib.parse.quote(text, safe)` over the UTF-8 bytes.
pub fn quote(text: &str, safe: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric()
            || b"_.-~".contains(&byte)
            || safe.as_bytes().contains(&byte)
        {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Werkzeug's query encoding (`urlencode` with `safe="!$'()*,/:;?@"`): space becomes `+`.
pub fn quote_plus(text: &str) -> String {
    quote(text, "!$'()*,/:;?@ ").replace(' ', "+")
}

/// Percent-decoding to bytes (`%zz` stays as it is); `plus` turns `+` into a space.
pub fn percent_decode(text: &str, plus: bool) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' && i + 2 < bytes.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(if plus && b == b'+' { b' ' } else { b });
        i += 1;
    }
    out
}

/// `application/x-www-form-urlencoded` parsing as Werkzeug does it (empty pairs skipped,
/// values decoded as UTF-8 with replacement).
///
/// ```
/// use session_playground::flask::routing::parse_urlencoded;
/// assert_eq!(parse_urlencoded("a=1&b=x+y&&c"), vec![("a".into(), "1".into()), ("b".into(), "x y".into()), ("c".into(), "".into())]);
/// ```
pub fn parse_urlencoded(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (
                String::from_utf8_lossy(&percent_decode(k, true)).into_owned(),
                String::from_utf8_lossy(&percent_decode(v, true)).into_owned(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn router() -> Router {
        let mut r = Router::default();
        for (rule, ep, methods) in [
            ("/user/<name>", "user", &["GET", "OPTIONS"][..]),
            ("/post/<int:id>", "post", &["GET", "OPTIONS"][..]),
            ("/price/<float:amount>", "price", &["GET", "OPTIONS"][..]),
            ("/files/<path:sub>", "files", &["GET", "OPTIONS"][..]),
            ("/only-post", "only_post", &["POST", "OPTIONS"][..]),
        ] {
            r.rules
                .push(Rule::new(rule, ep, methods, true, true).unwrap());
        }
        r
    }

    #[test]
    fn defaults_join_the_values_pick_the_rule_built_and_redirect() {
        let mut router = Router::default();
        let page = |text: &str| Rule::new(text, "page", &["GET"], true, true).unwrap();
        router
            .rules
            .push(page("/page/").with_defaults(vec![("page".into(), Arg::Int(1))]));
        router.rules.push(page("/page/<int:page>"));
        let found = router.match_request("GET", "/page/", "", "http://localhost");
        assert_eq!(
            found,
            Match::Found {
                rule: 0,
                args: vec![("page".into(), Arg::Int(1))]
            }
        );
        let value = |v: &str| vec![("page".to_string(), v.to_string())];
        assert_eq!(router.build("page", &value("1")).unwrap(), "/page/");
        assert_eq!(router.build("page", &value("2")).unwrap(), "/page/2");
        assert_eq!(router.build("page", &[]).unwrap(), "/page/");
        // The rule whose defaults give the values asked for is where the request goes.
        assert_eq!(
            router.match_request("GET", "/page/1", "q=x", "http://localhost"),
            Match::Redirect("http://localhost/page/?q=x".into())
        );
        assert!(matches!(
            router.match_request("GET", "/page/2", "", "http://localhost"),
            Match::Found { rule: 1, .. }
        ));
        // A value other than a default's makes that rule unsuitable.
        let mut fixed = Router::default();
        fixed.rules.push(
            page("/in/<currency>/")
                .with_defaults(vec![("currency".into(), Arg::Str("eur".into()))]),
        );
        assert!(
            fixed
                .build("page", &[("currency".into(), "usd".into())])
                .is_err()
        );
        assert_eq!(fixed.build("page", &[]).unwrap(), "/in/eur/");
    }

    #[test]
    fn converters() {
        let r = router();
        let o = "http://localhost";
        assert!(matches!(
            r.match_request("GET", "/post/41", "", o),
            Match::Found { rule: 1, .. }
        ));
        assert_eq!(r.match_request("GET", "/post/abc", "", o), Match::NotFound);
        assert_eq!(r.match_request("GET", "/price/2", "", o), Match::NotFound);
        match r.match_request("GET", "/files/a/b/c.txt", "", o) {
            Match::Found { args, .. } => assert_eq!(args[0].1, Arg::Str("a/b/c.txt".into())),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            r.match_request("GET", "/only-post", "", o),
            Match::MethodNotAllowed(vec!["POST".into(), "OPTIONS".into()])
        );
    }

    #[test]
    fn an_endpoint_with_two_rules_builds_the_one_its_values_fill() {
        // MethodView's usual registration: one view at `/accounts/` and `/accounts/<name>`,
        // the shorter one added first (the project scenario checks it against Werkzeug).
        let mut r = Router::default();
        for rule in ["/accounts/", "/accounts/<name>"] {
            r.rules
                .push(Rule::new(rule, "account", &["GET"], true, true).unwrap());
        }
        let name = [("name".to_string(), "ada".to_string())];
        assert_eq!(r.build("account", &name).unwrap(), "/accounts/ada");
        assert_eq!(r.build("account", &[]).unwrap(), "/accounts/");
    }

    #[test]
    fn ratio_matches_difflib() {
        // difflib.SequenceMatcher(None, "index", "home").ratio() == 2*1/9 (one common char 'e').
        assert!((sequence_ratio("index", "home") - 2.0 / 9.0).abs() < 1e-12);
    }
}
