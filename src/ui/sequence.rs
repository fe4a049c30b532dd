//! The timeline as a sequence diagram, laid out: the picture textbooks use to explain sessions
//! (a lane per browser, a lane for the server, an arrow pair per exchange), computed from the
//! [`TimelineEntry`] list as a plain value of lanes, rows, arrows, boxes and text. The
//! `sequence_diagram` component only draws this value, so everything that decides what the picture
//! says is here and tested natively.
//!
//! Geometry is in SVG user units: the drawing is [`Diagram::width`] wide (600 for up to four
//! browser lanes, wider beyond) and the SVG's `viewBox` scales it to the pane, so text stays
//! about the size of the dev tools' own text at 1280×800. Labels are monospace and clipped by
//! character count to the room their arrow gives ([`CHAR_WIDTH`] is the usual 0.6 em advance of
//! monospace fonts); the full text goes into the label's tooltip.
//!
//! What comes from where:
//! - lanes: the profiles that exist now, in their order, then any profile the timeline names that
//!   no longer exists (a private window, which is discarded when closed), then the server;
//! - a request: above it, the site that started it when that was another site's link, form or
//!   image (issue 20); per hop (a followed redirect is a hop) a request arrow labelled with the
//!   method, path (with the origin off `localhost`) and the `Cookie` header exactly as sent, and a dashed response arrow labelled with the
//!   status (and `Location`) and every `Set-Cookie`, styled by what the jar did with it;
//! - close, open and dev-tools cookie edits: a tagged box on that profile's lane; while a browser
//!   is closed its lifeline is dashed, and a discarded private window's lane ends at its close;
//! - a clock jump (or any entry that concerns no profile): a band across all lanes.

use crate::browser::clock::format_instant;
use crate::browser::jar::StoreOutcome;
use crate::browser::navigation::{Hop, NavigationOutcome};
use crate::http;
use crate::ui::state::{TimelineEntry, TimelineKind};

/// The name written on the server lane.
pub const SERVER_LANE: &str = "Flask app";

/// What the diagram says before there is anything to draw.
pub const EMPTY_HINT: &str = "Send a request to see it drawn here";

/// The font size of every label, in user units.
pub const FONT_SIZE: f32 = 11.0;

/// The advance of one character of a monospace font at [`FONT_SIZE`] (0.6 em).
pub const CHAR_WIDTH: f32 = FONT_SIZE * 0.6;

/// The height of the lane heads' strip (drawn apart, so it can stay in view while scrolling).
pub const HEAD_HEIGHT: f32 = 30.0;

/// The width of a lane head's box.
pub const LANE_HEAD_WIDTH: f32 = 100.0;

/// The height of a lane head's box.
pub const LANE_HEAD_BOX_HEIGHT: f32 = 22.0;

/// The narrowest drawing: two browsers and the server fit at the dev tools' text size.
const MIN_WIDTH: f32 = 600.0;
/// A lane's centre is this far from the edge (half a head and some air).
const MARGIN: f32 = 60.0;
/// Between two browser lanes (a head's width and some air).
const LANE_GAP: f32 = 110.0;
/// At least this much between the last browser lane and the server lane, so labels have room.
const MIN_SPAN: f32 = 250.0;
/// Between a lane and the start of a label on its arrow.
const LABEL_INSET: f32 = 8.0;
/// From one label's baseline to the next.
const LINE: f32 = 14.0;
/// Air above and below each row.
const ROW_PAD: f32 = 8.0;
/// Fewer characters than this would say nothing: labels may then run over other lanes.
const MIN_LABEL_CHARS: usize = 12;
/// The height of the drawing when there are no entries.
const EMPTY_HEIGHT: f32 = 60.0;

/// The whole picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagram {
    /// The drawing's width (the `viewBox` width of both the heads and the body).
    pub width: f32,
    /// The body's height (below the heads).
    pub height: f32,
    /// The browser lanes, left to right, then the server lane.
    pub lanes: Vec<Lane>,
    /// One row per timeline entry, top to bottom in timeline order.
    pub rows: Vec<Row>,
    /// The hint written across the body when there are no entries.
    pub empty_hint: Option<Label>,
}

/// One vertical lane: a browser profile or the server.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// The profile's name, or [`SERVER_LANE`].
    pub name: String,
    /// The name as written in the lane head (clipped to the head's box).
    pub head: String,
    /// The lane's centre.
    pub x: f32,
    /// Whether this is the server lane.
    pub is_server: bool,
    /// The lifeline's pieces, top to bottom (a discarded private window's ends early).
    pub lifeline: Vec<Segment>,
}

/// A piece of a lifeline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    /// Where it starts.
    pub top: f32,
    /// Where it ends.
    pub bottom: f32,
    /// The browser is closed along this piece (drawn dashed).
    pub closed: bool,
}

/// The drawing of one timeline entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The entry's index in the timeline (what selecting the row reports).
    pub entry: usize,
    /// The entry's kind.
    pub kind: TimelineKind,
    /// Where the row starts.
    pub top: f32,
    /// How tall it is.
    pub height: f32,
    /// What a screen reader says for the row: profile, time and the entry's summary.
    pub accessible_name: String,
    /// For a clock jump: the band across all lanes.
    pub band: Option<Rect>,
    /// The exchanges' arrows, in order (request, response, request, ...).
    pub arrows: Vec<Arrow>,
    /// Marker boxes on a lane (close, open, cookie edit); their tags are in `labels`.
    pub boxes: Vec<Rect>,
    /// Every piece of text of the row.
    pub labels: Vec<Label>,
}

/// A rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

/// A horizontal arrow between two lanes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Arrow {
    /// The sending lane's x.
    pub from_x: f32,
    /// The receiving lane's x (the arrowhead's tip).
    pub to_x: f32,
    /// Its height.
    pub y: f32,
    /// A response (drawn dashed, the usual convention for a reply).
    pub response: bool,
}

impl Arrow {
    /// The arrowhead: a triangle whose tip touches the receiving lane.
    ///
    /// ```
    /// use session_playground::ui::sequence::Arrow;
    /// let arrow = Arrow { from_x: 60.0, to_x: 540.0, y: 20.0, response: false };
    /// assert_eq!(arrow.head(), [(540.0, 20.0), (532.0, 16.0), (532.0, 24.0)]);
    /// ```
    pub fn head(&self) -> [(f32, f32); 3] {
        let back = if self.to_x >= self.from_x { -8.0 } else { 8.0 };
        [
            (self.to_x, self.y),
            (self.to_x + back, self.y - 4.0),
            (self.to_x + back, self.y + 4.0),
        ]
    }
}

/// One line of text.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// Where it is anchored.
    pub x: f32,
    /// Its baseline.
    pub y: f32,
    /// Whether `x` is its start or its middle.
    pub anchor: Anchor,
    /// What is written, clipped with `…` to the room it has.
    pub text: String,
    /// The whole text, with the jar's reasons where there are some (the tooltip).
    pub full: String,
    /// What the text is, for its colour.
    pub style: LabelStyle,
}

/// Where a label's `x` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The text starts at `x`.
    Start,
    /// The text is centred on `x`.
    Middle,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
        }
    }
}

/// What a label says, which decides how it looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelStyle {
    /// Method and path of a request.
    Request,
    /// The `Cookie` header sent.
    Cookie,
    /// No `Cookie` header was sent.
    NoCookie,
    /// A status below 400 (and the `Location` of a redirect).
    Status,
    /// A status of 400 or more.
    ErrorStatus,
    /// A `Set-Cookie` the jar stored.
    SetCookieStored,
    /// A `Set-Cookie` that was already expired: it deletes the cookie.
    SetCookieDeletes,
    /// A `Set-Cookie` the jar ignored.
    SetCookieRejected,
    /// Why the browser stopped at a redirect.
    Note,
    /// The tag inside a marker box.
    MarkerTag,
    /// What a close, open, edit or clock jump did.
    Summary,
    /// The hint of an empty diagram.
    Hint,
}

impl LabelStyle {
    /// The CSS class the label is drawn with.
    pub fn class(self) -> &'static str {
        match self {
            LabelStyle::Request => "seq-request",
            LabelStyle::Cookie => "seq-cookie",
            LabelStyle::NoCookie => "seq-no-cookie",
            LabelStyle::Status => "seq-status",
            LabelStyle::ErrorStatus => "seq-status seq-error",
            LabelStyle::SetCookieStored => "seq-set-cookie",
            LabelStyle::SetCookieDeletes => "seq-set-cookie seq-deletes",
            LabelStyle::SetCookieRejected => "seq-set-cookie seq-rejected",
            LabelStyle::Note => "seq-note",
            LabelStyle::MarkerTag => "seq-marker-tag",
            LabelStyle::Summary => "seq-summary",
            LabelStyle::Hint => "seq-hint",
        }
    }
}

/// Lays out `entries` with a lane for each of `profiles` (the profiles that exist now, in
/// order) plus each profile the entries name that is not among them.
///
/// ```
/// use session_playground::ui::sequence::{layout, EMPTY_HINT};
/// use session_playground::ui::state::TimelineEntry;
/// let diagram = layout::<TimelineEntry>(&[], &["Alice".to_string(), "Bob".to_string()]);
/// let names: Vec<&str> = diagram.lanes.iter().map(|lane| lane.name.as_str()).collect();
/// assert_eq!(names, ["Alice", "Bob", "Flask app"]);
/// assert_eq!(diagram.empty_hint.unwrap().text, EMPTY_HINT);
/// ```
pub fn layout<E: std::borrow::Borrow<TimelineEntry>>(
    entries: &[E],
    profiles: &[String],
) -> Diagram {
    let entries: Vec<&TimelineEntry> = entries.iter().map(std::borrow::Borrow::borrow).collect();
    let entries = entries.as_slice();
    let mut names: Vec<String> = Vec::new();
    for name in profiles
        .iter()
        .chain(entries.iter().filter_map(|entry| entry.profile.as_ref()))
    {
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    let last_browser_x = MARGIN + LANE_GAP * names.len().saturating_sub(1) as f32;
    let server_x = (MIN_WIDTH - MARGIN).max(last_browser_x + MIN_SPAN);
    let width = server_x + MARGIN;
    let head_chars = chars_for(LANE_HEAD_WIDTH - 2.0 * LABEL_INSET);
    let mut lanes: Vec<Lane> = names
        .iter()
        .enumerate()
        .map(|(index, name)| Lane {
            name: name.clone(),
            head: clip(name, head_chars),
            x: MARGIN + LANE_GAP * index as f32,
            is_server: false,
            lifeline: Vec::new(),
        })
        .collect();
    lanes.push(Lane {
        name: SERVER_LANE.to_string(),
        head: clip(SERVER_LANE, head_chars),
        x: server_x,
        is_server: true,
        lifeline: Vec::new(),
    });

    let mut rows = Vec::with_capacity(entries.len());
    let mut top = 0.0;
    for (index, entry) in entries.iter().enumerate() {
        let browser_x = entry
            .profile
            .as_ref()
            .and_then(|name| {
                lanes
                    .iter()
                    .find(|lane| !lane.is_server && &lane.name == name)
            })
            .map(|lane| lane.x);
        let row = lay_out_row(index, entry, browser_x, server_x, width, top);
        top += row.height;
        rows.push(row);
    }

    let empty_hint = entries.is_empty().then(|| Label {
        x: width / 2.0,
        y: EMPTY_HEIGHT / 2.0 + FONT_SIZE / 3.0,
        anchor: Anchor::Middle,
        text: EMPTY_HINT.to_string(),
        full: EMPTY_HINT.to_string(),
        style: LabelStyle::Hint,
    });
    let height = if entries.is_empty() {
        EMPTY_HEIGHT
    } else {
        top
    };
    for lane in &mut lanes {
        let gone = !lane.is_server && !profiles.contains(&lane.name);
        lane.lifeline = lifeline(&lane.name, lane.is_server, gone, entries, &rows, height);
    }
    Diagram {
        width,
        height,
        lanes,
        rows,
        empty_hint,
    }
}

/// `text` cut to `max_chars` characters, the last of them `…` when it was longer.
///
/// ```
/// use session_playground::ui::sequence::clip;
/// assert_eq!(clip("session=eyJ2aXNpdHMiOjF9", 10), "session=e…");
/// assert_eq!(clip("visits=1", 10), "visits=1");
/// ```
pub fn clip(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let mut clipped: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    clipped.push('…');
    clipped
}

/// How many label characters fit in `room` user units.
fn chars_for(room: f32) -> usize {
    ((room / CHAR_WIDTH).floor().max(0.0) as usize).max(MIN_LABEL_CHARS)
}

fn lay_out_row(
    index: usize,
    entry: &TimelineEntry,
    browser_x: Option<f32>,
    server_x: f32,
    width: f32,
    top: f32,
) -> Row {
    let at = format_instant(entry.at);
    let accessible_name = match &entry.profile {
        Some(profile) => format!("{profile}, {at}: {}", entry.summary),
        None => format!("{at}: {}", entry.summary),
    };
    let mut row = Row {
        entry: index,
        kind: entry.kind,
        top,
        height: 0.0,
        accessible_name,
        band: None,
        arrows: Vec::new(),
        boxes: Vec::new(),
        labels: Vec::new(),
    };
    let exchange = entry
        .exchange
        .as_deref()
        .filter(|_| entry.kind == TimelineKind::Request);
    let bottom = match (browser_x, exchange) {
        (Some(browser_x), Some(outcome)) => {
            let site = entry.request.as_ref().map(|request| &request.site);
            lay_out_exchange(&mut row, outcome, site, browser_x, server_x)
        }
        (Some(browser_x), None) if entry.kind != TimelineKind::ClockJump => {
            lay_out_marker(&mut row, entry, browser_x, width)
        }
        _ => lay_out_band(&mut row, entry, width),
    };
    row.height = bottom + ROW_PAD - top;
    row
}

/// Arrow pairs, one per hop; returns the y below the last thing drawn. A request another site
/// started (issue 20) says so above its first arrow: which site, and by a link, form or image.
fn lay_out_exchange(
    row: &mut Row,
    outcome: &NavigationOutcome,
    site: Option<&crate::browser::SiteContext>,
    browser_x: f32,
    server_x: f32,
) -> f32 {
    let label_x = browser_x.min(server_x) + LABEL_INSET;
    let max_chars = chars_for((server_x - browser_x).abs() - 2.0 * LABEL_INSET);
    let mut y = row.top + ROW_PAD;
    if let Some(site) = site.filter(|site| site.is_cross_site()) {
        y += LINE;
        row.labels.push(start_label(
            label_x,
            y,
            format!("started by {site}"),
            LabelStyle::Note,
            max_chars,
        ));
    }
    for hop in &outcome.hops {
        for (full, style) in request_lines(hop) {
            y += LINE;
            row.labels
                .push(start_label(label_x, y, full, style, max_chars));
        }
        y += 5.0;
        row.arrows.push(Arrow {
            from_x: browser_x,
            to_x: server_x,
            y,
            response: false,
        });
        y += 4.0;
        for (full, style) in response_lines(hop) {
            y += LINE;
            row.labels
                .push(start_label(label_x, y, full, style, max_chars));
        }
        y += 5.0;
        row.arrows.push(Arrow {
            from_x: server_x,
            to_x: browser_x,
            y,
            response: true,
        });
        y += 4.0;
    }
    if let Some(stop) = &outcome.stop {
        y += LINE;
        row.labels.push(start_label(
            label_x,
            y,
            stop.to_string(),
            LabelStyle::Note,
            max_chars,
        ));
    }
    y
}

/// What the request arrow of `hop` says: method and path, then the `Cookie` header (with the
/// jar's decision for each cookie in the tooltip).
fn request_lines(hop: &Hop) -> Vec<(String, LabelStyle)> {
    // Off the app's usual host (another site, a sibling host), the origin says where it went.
    let target = if hop.url.host == "localhost" {
        hop.url.path_and_query()
    } else {
        format!("{}{}", hop.url.origin(), hop.url.path_and_query())
    };
    let start = format!("{} {target}", hop.request.method);
    let (mut cookie, style) = match &hop.cookie {
        Some(header) => (format!("Cookie: {header}"), LabelStyle::Cookie),
        None => ("no Cookie header".to_string(), LabelStyle::NoCookie),
    };
    for decision in &hop.sent {
        cookie.push('\n');
        cookie.push_str(&decision.to_string());
    }
    vec![(start, LabelStyle::Request), (cookie, style)]
}

/// What the response arrow of `hop` says: the status (and where a redirect points), then each
/// `Set-Cookie` with what the jar did with it.
fn response_lines(hop: &Hop) -> Vec<(String, LabelStyle)> {
    let response = &hop.response;
    let mut status = response.status.to_string();
    if let Some(location) = response.header("Location") {
        status.push_str(&format!(" Location: {location}"));
    }
    let status_style = if response.status >= 400 {
        LabelStyle::ErrorStatus
    } else {
        LabelStyle::Status
    };
    let mut lines = vec![(status, status_style)];
    // The jar decided on the `Set-Cookie` headers one by one, in order (see `navigation`).
    for (index, header) in http::header_all(&response.headers, "Set-Cookie").enumerate() {
        let decision = hop.stored.get(index);
        let style = match decision.map(|decision| &decision.outcome) {
            Some(StoreOutcome::Deleted { .. }) => LabelStyle::SetCookieDeletes,
            Some(StoreOutcome::Rejected(_)) => LabelStyle::SetCookieRejected,
            Some(StoreOutcome::Stored { .. }) | None => LabelStyle::SetCookieStored,
        };
        let mut full = format!("Set-Cookie: {header}");
        if let Some(decision) = decision {
            full.push('\n');
            full.push_str(&decision.to_string());
        }
        lines.push((full, style));
    }
    lines
}

fn start_label(x: f32, y: f32, full: String, style: LabelStyle, max_chars: usize) -> Label {
    // The tooltip carries the reasons on later lines; the drawing shows the first line only.
    let first_line = full.lines().next().unwrap_or("");
    Label {
        x,
        y,
        anchor: Anchor::Start,
        text: clip(first_line, max_chars),
        full,
        style,
    }
}

/// A tagged box on the profile's lane with the summary beside it; returns the y below it.
fn lay_out_marker(row: &mut Row, entry: &TimelineEntry, lane_x: f32, width: f32) -> f32 {
    let tag = match entry.kind {
        TimelineKind::Close => "closed",
        TimelineKind::Open => "opened",
        TimelineKind::CookieEdit => "cookie",
        TimelineKind::Request => "request",
        TimelineKind::ClockJump => "clock",
    };
    let box_width = tag.len() as f32 * CHAR_WIDTH + 12.0;
    let box_height = LINE + 4.0;
    let box_top = row.top + ROW_PAD;
    row.boxes.push(Rect {
        x: lane_x - box_width / 2.0,
        y: box_top,
        width: box_width,
        height: box_height,
    });
    let baseline = box_top + box_height / 2.0 + FONT_SIZE / 3.0;
    row.labels.push(Label {
        x: lane_x,
        y: baseline,
        anchor: Anchor::Middle,
        text: tag.to_string(),
        full: tag.to_string(),
        style: LabelStyle::MarkerTag,
    });
    // The summary goes beside the box when it fits there, else on the line below, moved left
    // as far as it needs (lanes near the server have little room on their right).
    let needed = entry.summary.chars().count() as f32 * CHAR_WIDTH;
    let beside_x = lane_x + box_width / 2.0 + LABEL_INSET;
    if beside_x + needed + LABEL_INSET <= width {
        row.labels.push(start_label(
            beside_x,
            baseline,
            entry.summary.clone(),
            LabelStyle::Summary,
            usize::MAX,
        ));
        return box_top + box_height;
    }
    let below_x = (width - LABEL_INSET - needed)
        .min(lane_x - box_width / 2.0)
        .max(LABEL_INSET);
    let max_chars = chars_for(width - below_x - LABEL_INSET);
    let below = box_top + box_height + LINE;
    row.labels.push(start_label(
        below_x,
        below,
        entry.summary.clone(),
        LabelStyle::Summary,
        max_chars,
    ));
    below + FONT_SIZE / 3.0
}

/// A band across every lane with the summary in it, one line per `; `-separated part (a clock
/// jump's summary lists each cookie that expired); returns the y below it.
fn lay_out_band(row: &mut Row, entry: &TimelineEntry, width: f32) -> f32 {
    let band_top = row.top + ROW_PAD / 2.0;
    let max_chars = chars_for(width - 2.0 * LABEL_INSET);
    let mut y = band_top + 3.0;
    for part in entry.summary.split("; ") {
        y += LINE;
        row.labels.push(Label {
            x: width / 2.0,
            y,
            anchor: Anchor::Middle,
            text: clip(part, max_chars),
            full: entry.summary.clone(),
            style: LabelStyle::Summary,
        });
    }
    let band_bottom = y + 6.0;
    row.band = Some(Rect {
        x: 0.0,
        y: band_top,
        width,
        height: band_bottom - band_top,
    });
    // The row adds a full pad below; a band wants the same half pad as above it.
    band_bottom - ROW_PAD / 2.0
}

/// The lifeline of the lane `name`: solid while the browser is open, dashed while closed. A
/// lane whose profile is `gone` (a discarded private window) starts at its first entry and ends
/// at its last close.
fn lifeline(
    name: &str,
    is_server: bool,
    gone: bool,
    entries: &[&TimelineEntry],
    rows: &[Row],
    height: f32,
) -> Vec<Segment> {
    if is_server {
        return vec![Segment {
            top: 0.0,
            bottom: height,
            closed: false,
        }];
    }
    let own: Vec<(&TimelineEntry, &Row)> = entries
        .iter()
        .copied()
        .zip(rows)
        .filter(|(entry, _)| entry.profile.as_deref() == Some(name))
        .collect();
    let mut segments = Vec::new();
    let mut start = if gone {
        own.first().map_or(height, |(_, row)| row.top)
    } else {
        0.0
    };
    let mut closed = false;
    for (position, (entry, row)) in own.iter().enumerate() {
        // Markers sit in the row's upper part: the lifeline changes at the box's middle.
        let at = row
            .boxes
            .first()
            .map_or(row.top, |marker| marker.y + marker.height / 2.0);
        let closes = entry.kind == TimelineKind::Close;
        let opens = matches!(entry.kind, TimelineKind::Open | TimelineKind::Request);
        if closes && !closed {
            segments.push(Segment {
                top: start,
                bottom: at,
                closed: false,
            });
            start = at;
            closed = true;
            let last = !own[position + 1..]
                .iter()
                .any(|(later, _)| later.kind != TimelineKind::Close);
            if gone && last {
                return segments;
            }
        } else if opens && closed {
            segments.push(Segment {
                top: start,
                bottom: at,
                closed: true,
            });
            start = at;
            closed = false;
        }
    }
    if start < height {
        segments.push(Segment {
            top: start,
            bottom: height,
            closed,
        });
    }
    segments
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::browser::{Browser, NavigationRequest};
    use crate::http::{Request, Response};

    /// `/login` sets a session cookie and redirects home; `/` greets whoever the cookie names;
    /// `/bad` sets a cookie the jar must refuse (`Secure` from http is fine on localhost, so a
    /// `__Host-` name without `Secure`); `/logout` deletes the session.
    fn server(request: &Request, _now: i64) -> Response {
        let set = |value: &str| ("Set-Cookie".to_string(), value.to_string());
        match request.path.as_str() {
            "/login" => Response {
                status: 302,
                headers: vec![
                    ("Location".into(), "/".into()),
                    set("session=alice; HttpOnly; Path=/"),
                ],
                body: Vec::new(),
            },
            "/bad" => Response {
                status: 200,
                headers: vec![set("__Host-x=1; Path=/")],
                body: Vec::new(),
            },
            "/logout" => Response {
                status: 200,
                headers: vec![set(
                    "session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/",
                )],
                body: Vec::new(),
            },
            "/" => Response {
                status: 200,
                headers: vec![],
                body: b"hello".to_vec(),
            },
            _ => Response {
                status: 404,
                headers: vec![],
                body: b"not found".to_vec(),
            },
        }
    }

    /// Drives a real `Browser` and records entries the way the workspace does.
    struct Recorder {
        browser: Browser,
        entries: Vec<TimelineEntry>,
    }

    impl Recorder {
        fn new() -> Self {
            Recorder {
                browser: Browser::with_profiles(&["Alice", "Bob"]),
                entries: Vec::new(),
            }
        }

        fn get(&mut self, profile: &str, path: &str) -> &mut Self {
            let request = NavigationRequest::get(path);
            let outcome = self
                .browser
                .navigate(profile, &request, &mut server)
                .expect("a valid request");
            let summary = outcome
                .hops
                .iter()
                .map(|hop| {
                    format!(
                        "{} {} {}",
                        hop.request.method,
                        hop.url.path_and_query(),
                        hop.response.status
                    )
                })
                .collect::<Vec<_>>()
                .join(" → ");
            self.push(
                Some(profile),
                TimelineKind::Request,
                summary,
                Some(Rc::new(outcome)),
            );
            self
        }

        fn close(&mut self, profile: &str) -> &mut Self {
            let report = self.browser.close(profile).expect("the profile exists");
            self.push(Some(profile), TimelineKind::Close, report.to_string(), None);
            self
        }

        fn open(&mut self, profile: &str) -> &mut Self {
            self.browser.reopen(profile);
            self.push(
                Some(profile),
                TimelineKind::Open,
                "browser opened".into(),
                None,
            );
            self
        }

        fn jump(&mut self, seconds: u64, summary: &str) -> &mut Self {
            self.browser.clock.advance(seconds);
            self.push(None, TimelineKind::ClockJump, summary.into(), None);
            self
        }

        fn push(
            &mut self,
            profile: Option<&str>,
            kind: TimelineKind,
            summary: String,
            exchange: Option<Rc<NavigationOutcome>>,
        ) {
            let at = self.browser.clock.now();
            let profile = profile.map(str::to_string);
            // One learner action per entry, as in the workspace's log.
            let steps = self.entries.len() + 1;
            self.entries.push(TimelineEntry {
                at,
                profile,
                kind,
                summary,
                exchange,
                request: None,
                error: None,
                traces: Rc::default(),
                seen: None,
                subresources: Rc::default(),
                steps,
            });
        }

        fn profiles(&self) -> Vec<String> {
            self.browser
                .profiles()
                .iter()
                .map(|profile| profile.name.clone())
                .collect()
        }

        fn diagram(&self) -> Diagram {
            layout(&self.entries, &self.profiles())
        }
    }

    fn texts(row: &Row) -> Vec<&str> {
        row.labels.iter().map(|label| label.text.as_str()).collect()
    }

    #[test]
    fn a_request_another_site_started_names_that_site_and_its_origin() {
        let mut recorder = Recorder::new();
        let request = NavigationRequest {
            site: crate::browser::SiteContext::cross_site_form("http://attacker.test"),
            ..NavigationRequest::get("http://app.example.test/")
        };
        let outcome = recorder
            .browser
            .navigate("Alice", &request, &mut server)
            .expect("a valid request");
        recorder.push(
            Some("Alice"),
            TimelineKind::Request,
            "GET /".into(),
            Some(Rc::new(outcome)),
        );
        recorder.entries[0].request = Some(request);
        recorder.get("Bob", "/");
        let diagram = recorder.diagram();
        let full = |row: &Row| -> Vec<String> {
            row.labels.iter().map(|label| label.full.clone()).collect()
        };
        let cross = full(&diagram.rows[0]);
        assert_eq!(
            cross[0],
            "started by a form posted from http://attacker.test"
        );
        assert_eq!(cross[1], "GET http://app.example.test/");
        // The address bar's own request says nothing of a site.
        assert_eq!(full(&diagram.rows[1])[0], "GET /");
    }

    /// Every label lies inside the drawing, measured at [`CHAR_WIDTH`] per character.
    fn assert_labels_fit(diagram: &Diagram) {
        for label in diagram.rows.iter().flat_map(|row| &row.labels) {
            let length = label.text.chars().count() as f32 * CHAR_WIDTH;
            let (left, right) = match label.anchor {
                Anchor::Start => (label.x, label.x + length),
                Anchor::Middle => (label.x - length / 2.0, label.x + length / 2.0),
            };
            assert!(
                left >= 0.0 && right <= diagram.width,
                "{label:?} does not fit in {}",
                diagram.width
            );
        }
    }

    fn lane<'a>(diagram: &'a Diagram, name: &str) -> &'a Lane {
        diagram
            .lanes
            .iter()
            .find(|lane| lane.name == name)
            .expect("the lane exists")
    }

    #[test]
    fn no_entries_draws_the_lanes_and_the_hint() {
        let diagram = Recorder::new().diagram();
        assert!(diagram.rows.is_empty());
        assert_eq!(
            diagram.empty_hint.as_ref().map(|hint| hint.text.as_str()),
            Some(EMPTY_HINT)
        );
        let server = diagram.lanes.last().unwrap();
        assert!(server.is_server);
        assert_eq!(
            server.lifeline,
            [Segment {
                top: 0.0,
                bottom: diagram.height,
                closed: false
            }]
        );
        assert!(
            diagram
                .lanes
                .iter()
                .all(|lane| lane.x > 0.0 && lane.x < diagram.width)
        );
    }

    #[test]
    fn a_redirect_is_two_arrow_pairs_with_the_cookie_set_then_sent() {
        let mut recorder = Recorder::new();
        recorder.get("Alice", "/login");
        let diagram = recorder.diagram();
        assert!(diagram.empty_hint.is_none());
        let row = &diagram.rows[0];
        let (alice, server) = (lane(&diagram, "Alice").x, lane(&diagram, SERVER_LANE).x);
        let ends: Vec<(f32, f32, bool)> = row
            .arrows
            .iter()
            .map(|arrow| (arrow.from_x, arrow.to_x, arrow.response))
            .collect();
        assert_eq!(
            ends,
            [
                (alice, server, false),
                (server, alice, true),
                (alice, server, false),
                (server, alice, true)
            ]
        );
        assert_eq!(
            texts(row),
            [
                "GET /login",
                "no Cookie header",
                "302 Location: /",
                "Set-Cookie: session=alice; HttpOnly; Path=/",
                "GET /",
                "Cookie: session=alice",
                "200",
            ]
        );
        let set_cookie = &row.labels[3];
        assert_eq!(set_cookie.style, LabelStyle::SetCookieStored);
        assert_eq!(
            set_cookie.full,
            "Set-Cookie: session=alice; HttpOnly; Path=/\nsession: stored for Path=/, session cookie (until the browser closes)"
        );
        assert_eq!(
            row.labels[5].full,
            "Cookie: session=alice\nsession (Path=/): sent"
        );
        // Every label sits between the row's top and bottom, and the arrows go down the page.
        assert!(
            row.labels
                .iter()
                .all(|label| label.y > row.top && label.y < row.top + row.height)
        );
        assert!(row.arrows.windows(2).all(|pair| pair[0].y < pair[1].y));
        assert_eq!(
            row.accessible_name,
            "Alice, 2026-01-01T00:00:00Z: GET /login 302 → GET / 200"
        );
    }

    #[test]
    fn set_cookies_are_styled_by_what_the_jar_did_with_them() {
        let mut recorder = Recorder::new();
        recorder
            .get("Alice", "/login")
            .get("Alice", "/bad")
            .get("Alice", "/logout")
            .get("Alice", "/missing");
        let diagram = recorder.diagram();
        let bad = &diagram.rows[1].labels[3];
        assert_eq!(
            (bad.text.as_str(), bad.style),
            (
                "Set-Cookie: __Host-x=1; Path=/",
                LabelStyle::SetCookieRejected
            )
        );
        assert!(
            bad.full
                .contains("not stored: a __Host- cookie must have Secure"),
            "{}",
            bad.full
        );
        let logout = &diagram.rows[2].labels[3];
        assert_eq!(logout.style, LabelStyle::SetCookieDeletes);
        assert!(
            logout.full.ends_with("(the stored one was removed)"),
            "{}",
            logout.full
        );
        let missing = &diagram.rows[3];
        assert_eq!(texts(missing), ["GET /missing", "no Cookie header", "404"]);
        assert_eq!(missing.labels[2].style, LabelStyle::ErrorStatus);
        // The cookie was deleted, so nothing is sent, and the tooltip has no decision to list.
        assert_eq!(missing.labels[1].full, "no Cookie header");
    }

    #[test]
    fn long_values_are_clipped_to_the_arrow_with_the_whole_text_in_the_tooltip() {
        let long = "x".repeat(400);
        let header = format!("big={long}; Path=/");
        let mut browser = Browser::with_profiles(&["Alice", "Bob"]);
        let mut answer = |_: &Request, _: i64| Response {
            status: 200,
            headers: vec![("Set-Cookie".to_string(), header.clone())],
            body: Vec::new(),
        };
        let outcome = browser
            .navigate("Bob", &NavigationRequest::get("/"), &mut answer)
            .unwrap();
        let entry = TimelineEntry {
            at: 0,
            profile: Some("Bob".into()),
            kind: TimelineKind::Request,
            summary: "GET / 200".into(),
            exchange: Some(Rc::new(outcome)),
            request: None,
            error: None,
            traces: Rc::default(),
            seen: None,
            subresources: Rc::default(),
            steps: 1,
        };
        let diagram = layout(&[entry], &["Alice".to_string(), "Bob".to_string()]);
        let label = &diagram.rows[0].labels[3];
        assert!(label.text.ends_with('…'));
        let room = lane(&diagram, SERVER_LANE).x - lane(&diagram, "Bob").x;
        assert!(
            label.text.chars().count() as f32 * CHAR_WIDTH <= room,
            "{} chars",
            label.text.chars().count()
        );
        assert!(
            label
                .full
                .starts_with(&format!("Set-Cookie: big={long}; Path=/\n"))
        );
        assert_labels_fit(&diagram);
    }

    #[test]
    fn close_and_open_are_markers_and_the_lifeline_is_dashed_between() {
        let mut recorder = Recorder::new();
        recorder
            .get("Alice", "/login")
            .close("Alice")
            .open("Alice")
            .get("Alice", "/");
        let diagram = recorder.diagram();
        let close = &diagram.rows[1];
        assert_eq!(close.boxes.len(), 1);
        assert_eq!(
            texts(close),
            ["closed", "browser closed: 1 session cookie dropped"]
        );
        let alice = lane(&diagram, "Alice");
        let box_centre = close.boxes[0].x + close.boxes[0].width / 2.0;
        assert_eq!(box_centre, alice.x);
        let pattern: Vec<bool> = alice
            .lifeline
            .iter()
            .map(|segment| segment.closed)
            .collect();
        assert_eq!(pattern, [false, true, false]);
        assert_eq!(alice.lifeline[0].top, 0.0);
        assert_eq!(alice.lifeline[2].bottom, diagram.height);
        assert!(
            alice
                .lifeline
                .windows(2)
                .all(|pair| pair[0].bottom == pair[1].top)
        );
        // Closing the browser dropped the session: the request after reopening sends nothing.
        assert_eq!(texts(&diagram.rows[3])[1], "no Cookie header");
        // Bob's lane is untouched.
        assert_eq!(
            lane(&diagram, "Bob").lifeline,
            [Segment {
                top: 0.0,
                bottom: diagram.height,
                closed: false
            }]
        );
    }

    #[test]
    fn a_cookie_edit_is_a_marker_and_the_next_request_sends_the_edited_value() {
        let mut recorder = Recorder::new();
        recorder.get("Alice", "/login");
        let jar = &mut recorder.browser.profile_mut("Alice").expect("Alice").jar;
        let key = jar.all()[0].key();
        assert!(jar.edit_value(&key, "bob"));
        let summary = format!("cookie {key} edited in the dev tools");
        recorder.push(Some("Alice"), TimelineKind::CookieEdit, summary, None);
        recorder.get("Alice", "/");
        let diagram = recorder.diagram();
        assert_eq!(
            texts(&diagram.rows[1]),
            ["cookie", "cookie session (Path=/) edited in the dev tools"]
        );
        assert_eq!(diagram.rows[1].boxes.len(), 1);
        assert_eq!(texts(&diagram.rows[2])[1], "Cookie: session=bob");
        assert_labels_fit(&diagram);
    }

    #[test]
    fn a_clock_jump_is_a_band_across_every_lane() {
        let mut recorder = Recorder::new();
        recorder.get("Alice", "/").jump(
            31 * 86_400 + 1,
            "clock +31d 1s → 2026-02-01T00:00:01Z; Alice's cookie session (Path=/) expired at 2026-02-01T00:00:00Z",
        );
        let diagram = recorder.diagram();
        let row = &diagram.rows[1];
        let band = row.band.expect("a band");
        assert_eq!((band.x, band.width), (0.0, diagram.width));
        assert!(band.y >= row.top && band.y + band.height <= row.top + row.height);
        assert_eq!(
            texts(row),
            [
                "clock +31d 1s → 2026-02-01T00:00:01Z",
                "Alice's cookie session (Path=/) expired at 2026-02-01T00:00:00Z"
            ]
        );
        assert!(row.arrows.is_empty() && row.boxes.is_empty());
        assert_labels_fit(&diagram);
        assert_eq!(
            row.accessible_name,
            "2026-02-01T00:00:01Z: clock +31d 1s → 2026-02-01T00:00:01Z; Alice's cookie session (Path=/) expired at 2026-02-01T00:00:00Z"
        );
    }

    #[test]
    fn a_closed_private_window_keeps_its_lane_until_its_close() {
        let mut recorder = Recorder::new();
        recorder.get("Alice", "/");
        let private = recorder.browser.open_private_window();
        recorder
            .get(&private, "/login")
            .close(&private)
            .get("Bob", "/");
        let diagram = recorder.diagram();
        assert!(recorder.browser.profile(&private).is_none());
        let names: Vec<&str> = diagram
            .lanes
            .iter()
            .map(|lane| lane.name.as_str())
            .collect();
        assert_eq!(names, ["Alice", "Bob", private.as_str(), SERVER_LANE]);
        let lane = lane(&diagram, &private);
        assert_eq!(lane.lifeline.len(), 1);
        assert_eq!(lane.lifeline[0].top, diagram.rows[1].top);
        let close = &diagram.rows[2].boxes[0];
        assert_eq!(lane.lifeline[0].bottom, close.y + close.height / 2.0);
        assert_eq!(
            texts(&diagram.rows[2])[1],
            "private window closed: its cookies are gone"
        );
        assert_labels_fit(&diagram);
    }

    #[test]
    fn rows_stack_without_gaps_and_lanes_never_overlap() {
        let mut recorder = Recorder::new();
        for _ in 0..4 {
            let private = recorder.browser.open_private_window();
            recorder.get(&private, "/login");
        }
        recorder
            .jump(60, "clock +1m → 2026-01-01T00:01:00Z")
            .close("Bob");
        let diagram = recorder.diagram();
        assert_eq!(diagram.lanes.len(), 7);
        assert!(diagram.width > MIN_WIDTH);
        assert!(
            diagram
                .lanes
                .windows(2)
                .all(|pair| pair[1].x - pair[0].x >= LANE_HEAD_WIDTH)
        );
        assert_eq!(diagram.lanes.last().unwrap().x + MARGIN, diagram.width);
        let mut top = 0.0;
        for (index, row) in diagram.rows.iter().enumerate() {
            assert_eq!((row.entry, row.top), (index, top));
            assert!(row.height > 0.0);
            top += row.height;
        }
        assert_eq!(top, diagram.height);
        assert_labels_fit(&diagram);
    }

    #[test]
    fn the_seed_app_draws_the_session_cookie_growing() {
        use crate::ui::state::{Action, Workspace};
        let workspace = Workspace::started()
            .apply(Action::Navigate("/count".into()))
            .apply(Action::Navigate("/count".into()))
            .apply(Action::AdvanceClock("1h".into()))
            .apply(Action::CloseBrowser);
        let profiles: Vec<String> = workspace
            .browser
            .profiles()
            .iter()
            .map(|profile| profile.name.clone())
            .collect();
        let diagram = layout(&workspace.timeline().slice(), &profiles);
        assert_eq!(diagram.rows.len(), 4);
        let first = texts(&diagram.rows[0]);
        assert_eq!(&first[..3], ["GET /count", "no Cookie header", "200"]);
        assert!(
            first[3].starts_with("Set-Cookie: session=eyJ2aXNpdHMiOjF9."),
            "{}",
            first[3]
        );
        // The second visit sends exactly the cookie the first response set.
        let set = &diagram.rows[0].labels[3].full;
        let value = set
            .split(';')
            .next()
            .unwrap()
            .trim_start_matches("Set-Cookie: ");
        assert_eq!(
            diagram.rows[1].labels[1].full.lines().next().unwrap(),
            format!("Cookie: {value}")
        );
        assert!(diagram.rows[2].band.is_some());
        assert_eq!(texts(&diagram.rows[3])[0], "closed");
        assert_labels_fit(&diagram);
    }
}
