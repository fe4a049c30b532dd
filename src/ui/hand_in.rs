//! Checking hand-ins: many hand-in links and completion codes in, one row per learner out —
//! who, which lesson, which goals were met, the quiz, whether the solution was shown — with the
//! hand-ins that do not add up flagged. Every row's progress is recomputed by replaying the link
//! through the same reducer the page uses ([`Workspace::replayed_progress`]); nothing a link or a
//! code claims is taken on trust. `session-playground verify` prints [`VerifyReport::table`];
//! the page's "Check hand-ins" view shows the same rows ([`HandInRow::cells`]), checked one
//! entry at a time through a [`Checker`] so the page can paint between two replays.
//!
//! Pasted hand-ins are hostile input: at most [`MAX_HAND_INS`] entries and
//! [`MAX_PASTE_BYTES`] of text are read (the report says how many were left out), each link is
//! bounded by the share decoder, and every entry that cannot be read is a row saying why.

use crate::scenario::handin::{CompletionCode, completion_code, quiz_verdict};
use crate::scenario::share::decode;

use super::state::Workspace;

/// The most hand-ins one check reads (a class, with room to spare).
pub const MAX_HAND_INS: usize = 1000;

/// The most text one check reads, in bytes (a thousand long links).
pub const MAX_PASTE_BYTES: usize = 16 * 1024 * 1024;

/// How a hand-in stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The link replays to what its code says (and the code handed with it, if any, agrees).
    Verified,
    /// A plain share link (no hand-in code): its progress is recomputed all the same.
    NoCode,
    /// A completion code with no link to check it against: its claims are unverified.
    CodeOnly,
    /// The link or the code was changed after it was made.
    Tampered(String),
    /// Not a hand-in that can be read.
    Damaged(String),
}

impl Verdict {
    /// Whether the teacher should look at this hand-in (tampered or unreadable).
    pub fn flagged(&self) -> bool {
        matches!(self, Verdict::Tampered(_) | Verdict::Damaged(_))
    }

    /// A short name for the kind of verdict (the page's styles and tests use it).
    pub fn kind(&self) -> &'static str {
        match self {
            Verdict::Verified => "verified",
            Verdict::NoCode => "no-code",
            Verdict::CodeOnly => "code-only",
            Verdict::Tampered(_) => "tampered",
            Verdict::Damaged(_) => "damaged",
        }
    }

    /// What the table's status column says.
    pub fn text(&self) -> String {
        match self {
            Verdict::Verified => "ok".into(),
            Verdict::NoCode => "ok (share link, not handed in)".into(),
            Verdict::CodeOnly => "UNVERIFIED: code only, no link".into(),
            Verdict::Tampered(why) => format!("TAMPERED: {why}"),
            Verdict::Damaged(why) => format!("DAMAGED: {why}"),
        }
    }
}

/// One hand-in, as the teacher's table shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandInRow {
    /// The line it came from (1-based, among the entries given).
    pub line: usize,
    /// The name the learner typed (empty if none).
    pub who: String,
    /// The lesson's id.
    pub lesson: String,
    /// Goals met, of the checkable total.
    pub met: usize,
    /// The checkable goals.
    pub total: usize,
    /// The ids of the goals not met.
    pub missing: Vec<String>,
    /// `None`: no quiz; `Some(None)`: not answered; `Some(Some(right))`.
    pub quiz: Option<Option<bool>>,
    /// Whether the solution was shown before every goal was met.
    pub solution_shown: bool,
    /// When it was handed in (seconds since 1970, UTC, by the learner's clock), if the link says.
    pub when: Option<i64>,
    /// How it stands.
    pub verdict: Verdict,
}

impl HandInRow {
    /// Every goal met, by the learner's own work, and not flagged.
    pub fn complete(&self) -> bool {
        self.total > 0
            && self.met == self.total
            && !self.solution_shown
            && matches!(self.verdict, Verdict::Verified | Verdict::NoCode)
    }

    /// The row as the table's cells, in [`COLUMNS`] order (the page and `verify` show these).
    pub fn cells(&self) -> [String; 8] {
        let read = !self.lesson.is_empty();
        let goals = if !read {
            String::new()
        } else if self.missing.is_empty() {
            format!("{}/{}", self.met, self.total)
        } else {
            format!(
                "{}/{} (missing: {})",
                self.met,
                self.total,
                self.missing.join(", ")
            )
        };
        let quiz = match self.quiz {
            _ if !read => String::new(),
            None => "-".into(),
            Some(None) => "unanswered".into(),
            Some(Some(true)) => "1/1 right".into(),
            Some(Some(false)) => "0/1 wrong".into(),
        };
        let solution = match (read, self.solution_shown) {
            (false, _) => "",
            (true, true) => "shown",
            (true, false) => "not shown",
        };
        [
            self.line.to_string(),
            self.who.clone(),
            self.lesson.clone(),
            goals,
            quiz,
            solution.into(),
            self.when.map(when_text).unwrap_or_default(),
            self.verdict.text(),
        ]
    }

    fn damaged(line: usize, why: String) -> HandInRow {
        HandInRow {
            line,
            who: String::new(),
            lesson: String::new(),
            met: 0,
            total: 0,
            missing: Vec::new(),
            quiz: None,
            solution_shown: false,
            when: None,
            verdict: Verdict::Damaged(why),
        }
    }
}

/// The table's columns.
pub const COLUMNS: [&str; 8] = [
    "#",
    "who",
    "lesson",
    "goals",
    "quiz",
    "solution",
    "handed in",
    "status",
];

/// A hand-in time as the table shows it: `2026-12-06 23:41 UTC`.
///
/// ```
/// use session_playground::ui::hand_in::when_text;
/// assert_eq!(when_text(0), "1970-01-01 00:00 UTC");
/// assert_eq!(when_text(1_796_600_519), "2026-12-06 23:41 UTC");
/// ```
pub fn when_text(seconds: i64) -> String {
    let t = crate::text::calendar::UtcTime::at(seconds);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC",
        t.year, t.month, t.day, t.hour, t.minute
    )
}

/// The rows of a check, in the order of the entries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerifyReport {
    /// One per hand-in.
    pub rows: Vec<HandInRow>,
    /// Entries past [`MAX_HAND_INS`] or [`MAX_PASTE_BYTES`] that were not read.
    pub left_out: usize,
}

/// How many of the rows stand how.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Every goal met by the learner's own work.
    pub complete: usize,
    /// Readable and honest, not complete.
    pub incomplete: usize,
    /// Tampered or unreadable.
    pub flagged: usize,
    /// Codes without a link.
    pub unverified: usize,
}

impl VerifyReport {
    /// Whether any hand-in is flagged.
    pub fn any_flagged(&self) -> bool {
        self.rows.iter().any(|row| row.verdict.flagged())
    }

    /// How the rows stand.
    pub fn tally(&self) -> Tally {
        let complete = self.rows.iter().filter(|row| row.complete()).count();
        let flagged = self.rows.iter().filter(|row| row.verdict.flagged()).count();
        let unverified = self
            .rows
            .iter()
            .filter(|row| row.verdict == Verdict::CodeOnly)
            .count();
        Tally {
            complete,
            incomplete: self.rows.len() - complete - flagged - unverified,
            flagged,
            unverified,
        }
    }

    /// The summary line under the table (and what was left out, if anything).
    pub fn summary(&self) -> String {
        let Tally {
            complete,
            incomplete,
            flagged,
            unverified,
        } = self.tally();
        let mut out = format!(
            "{} hand-in{}: {complete} complete, {incomplete} not complete, {flagged} flagged, {unverified} unverified",
            self.rows.len(),
            if self.rows.len() == 1 { "" } else { "s" },
        );
        if self.left_out > 0 {
            out.push_str(&format!(
                "; {} more line{} not read (one check reads at most {MAX_HAND_INS} hand-ins and {} MB of text)",
                self.left_out,
                if self.left_out == 1 { " was" } else { "s were" },
                MAX_PASTE_BYTES / (1024 * 1024)
            ));
        }
        out
    }

    /// The report as a plain-text table with a summary line.
    pub fn table(&self) -> String {
        let mut lines: Vec<[String; 8]> = vec![COLUMNS.map(String::from)];
        lines.extend(self.rows.iter().map(HandInRow::cells));
        let widths: Vec<usize> = (0..COLUMNS.len())
            .map(|c| {
                lines
                    .iter()
                    .map(|line| line[c].chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for line in &lines {
            let cells: Vec<String> = line
                .iter()
                .zip(&widths)
                .map(|(cell, width)| format!("{cell:<width$}"))
                .collect();
            out.push_str(cells.join("  ").trim_end());
            out.push('\n');
        }
        out.push('\n');
        out.push_str(&self.summary());
        out.push('\n');
        out
    }
}

/// What one entry (a line, or a command-line argument) holds: links and codes.
struct Entry {
    line: usize,
    link: Option<String>,
    code: Option<CompletionCode>,
    unknown: Option<String>,
}

/// The share payload in `text`: what follows `#` in a URL, or the text itself.
fn payload_of(text: &str) -> &str {
    let fragment = text.split_once('#').map_or(text, |(_, fragment)| fragment);
    // An embed address (`#embed&v2.…`) names the link after the options.
    fragment.rsplit('&').next().unwrap_or(fragment)
}

fn read_entry(line: usize, text: &str) -> Entry {
    let mut entry = Entry {
        line,
        link: None,
        code: None,
        unknown: None,
    };
    for token in text.split_whitespace() {
        if let Some(code) = CompletionCode::parse(token) {
            entry.code = Some(code);
        } else if entry.link.is_none() && (token.contains('#') || token.starts_with('v')) {
            entry.link = Some(payload_of(token).to_string());
        } else {
            entry
                .unknown
                .get_or_insert_with(|| token.chars().take(40).collect());
        }
    }
    entry
}

/// Checks hand-ins: each entry is one line holding a link, a code, or both (blank lines are
/// skipped). A code on a line of its own is matched to a link by its digest.
pub fn verify(entries: &[String]) -> VerifyReport {
    verify_against(entries, &[])
}

/// [`verify`], with the teacher's own lesson files (JSON): a hand-in of a lesson with one of
/// these ids must carry exactly that file — a learner who edited the lesson in their link (to
/// make its goals easier) is flagged.
pub fn verify_against(entries: &[String], lessons: &[serde_json::Value]) -> VerifyReport {
    let mut checker = Checker::new(entries, lessons);
    while checker.check_next() {}
    checker.finish()
}

/// A check in progress: the entries are read at once, the links replayed one per
/// [`Checker::check_next`] (a replay runs the learner's app, the slow part), and the lone codes
/// matched to the links at [`Checker::finish`].
pub struct Checker {
    waiting: std::collections::VecDeque<Entry>,
    entries: usize,
    lessons: Vec<serde_json::Value>,
    report: VerifyReport,
    /// The codes of every link, to match lone codes against.
    link_codes: Vec<CompletionCode>,
    lone_codes: Vec<(usize, CompletionCode)>,
}

impl Checker {
    /// A check of `entries` (one hand-in a line, blank lines skipped; see [`MAX_HAND_INS`] and
    /// [`MAX_PASTE_BYTES`]) against the teacher's lesson files.
    pub fn new(entries: &[String], lessons: &[serde_json::Value]) -> Checker {
        let mut bytes = 0usize;
        let mut waiting = std::collections::VecDeque::new();
        let mut left_out = 0;
        for (index, text) in entries.iter().enumerate() {
            if text.trim().is_empty() {
                continue;
            }
            bytes = bytes.saturating_add(text.len());
            if waiting.len() >= MAX_HAND_INS || bytes > MAX_PASTE_BYTES {
                left_out += 1;
                continue;
            }
            waiting.push_back(read_entry(index + 1, text));
        }
        Checker {
            entries: waiting.len(),
            waiting,
            lessons: lessons.to_vec(),
            report: VerifyReport {
                rows: Vec::new(),
                left_out,
            },
            link_codes: Vec::new(),
            lone_codes: Vec::new(),
        }
    }

    /// A check of pasted text, one hand-in a line.
    pub fn of_text(text: &str, lessons: &[serde_json::Value]) -> Checker {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        Checker::new(&lines, lessons)
    }

    /// The entries read (blank lines and left-out ones not counted).
    pub fn entries(&self) -> usize {
        self.entries
    }

    /// The entries checked so far.
    pub fn done(&self) -> usize {
        self.entries - self.waiting.len()
    }

    /// Checks the next entry; `false` once every entry has been checked.
    pub fn check_next(&mut self) -> bool {
        let Some(entry) = self.waiting.pop_front() else {
            return false;
        };
        let Some(link) = entry.link else {
            match (entry.code, entry.unknown) {
                (Some(code), _) => self.lone_codes.push((entry.line, code)),
                (None, Some(what)) => self.report.rows.push(HandInRow::damaged(
                    entry.line,
                    format!("neither a link nor a completion code ({what:?})"),
                )),
                (None, None) => {}
            }
            return true;
        };
        let row = check_link(
            entry.line,
            &link,
            entry.code.as_ref(),
            &self.lessons,
            &mut self.link_codes,
        );
        self.report.rows.push(row);
        true
    }

    /// The report: the entries not checked yet are checked first.
    pub fn finish(mut self) -> VerifyReport {
        while self.check_next() {}
        let mut report = self.report;
        for (line, code) in self.lone_codes {
            let matching = self
                .link_codes
                .iter()
                .find(|made| made.digest == code.digest);
            let verdict = match matching {
                Some(made) if *made == code => continue, // handed in with its link: already a row
                Some(_) => Verdict::Tampered(
                    "the completion code's claims were changed (it does not match its link)".into(),
                ),
                None => Verdict::CodeOnly,
            };
            report.rows.push(HandInRow {
                line,
                who: String::new(),
                lesson: code.lesson.clone(),
                met: code.met,
                total: code.total,
                missing: Vec::new(),
                quiz: code.quiz,
                solution_shown: code.solution_shown,
                when: None,
                verdict,
            });
        }
        crate::text::order::sort_by_key(&mut report.rows, |row| row.line);
        report
    }
}

/// One link's row: decoded (bounded), replayed, its code recomputed and compared.
fn check_link(
    line: usize,
    link: &str,
    code: Option<&CompletionCode>,
    lessons: &[serde_json::Value],
    link_codes: &mut Vec<CompletionCode>,
) -> HandInRow {
    let shared = match decode(link) {
        Ok(shared) => shared,
        Err(error) => {
            return HandInRow::damaged(
                line,
                error
                    .to_string()
                    .replace(" Your current work has not been changed.", ""),
            );
        }
    };
    let (lesson, progress) = match Workspace::replayed_progress(&shared) {
        Ok(found) => found,
        Err(why) => return HandInRow::damaged(line, format!("this link cannot be checked: {why}")),
    };
    let made = completion_code(&shared, &lesson, &progress);
    let teachers = lessons.iter().find(|file| {
        file.get("id").and_then(serde_json::Value::as_str) == Some(lesson.id.as_str())
    });
    let verdict = match (&shared.hand_in_code, code) {
        _ if teachers.is_some() && shared.lesson_file.as_ref() != teachers => {
            Verdict::Tampered("its lesson is not the lesson file you gave (edited, or another lesson with the same id)".into())
        }
        (Some(carried), _) if *carried != made.to_string() => {
            Verdict::Tampered("the link was changed after it was handed in".into())
        }
        (_, Some(code)) if *code != made => {
            Verdict::Tampered("the completion code handed with it does not match the link".into())
        }
        (None, _) => Verdict::NoCode,
        (Some(_), _) => Verdict::Verified,
    };
    let missing = lesson
        .goals
        .iter()
        .filter(|goal| !progress.goals_met.contains(&goal.id))
        .map(|goal| goal.id.clone())
        .collect();
    let row = HandInRow {
        line,
        who: shared.handed_in_by.clone().unwrap_or_default(),
        lesson: lesson.id.clone(),
        met: made.met,
        total: made.total,
        missing,
        quiz: quiz_verdict(&lesson, &progress),
        solution_shown: made.solution_shown,
        when: shared.handed_in_at,
        verdict,
    };
    link_codes.push(made);
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::builtin::builtin_lesson;
    use crate::scenario::share::encode;
    use crate::ui::state::Action;

    /// A learner who plays the first `steps` steps of `lesson`'s solution, answers the quiz with
    /// `answer`, maybe looks at the solution first, and hands in as `name`.
    fn hand_in(
        lesson: &str,
        name: &str,
        steps: usize,
        answer: Option<usize>,
        peek: bool,
    ) -> (String, CompletionCode) {
        let mut workspace = Workspace::started().apply(Action::OpenLesson(lesson.into()));
        if peek {
            workspace = workspace.apply(Action::ShowSolution);
        }
        let solution = workspace.lesson().unwrap().lesson().solution.clone();
        for step in solution.into_iter().take(steps) {
            workspace.lesson_step(step);
            workspace.check_goals();
        }
        if let Some(option) = answer {
            workspace = workspace.apply(Action::AnswerQuiz(option));
        }
        // A class hands in over an afternoon: one minute apart, from 2026-12-06 14:00 UTC.
        let at = 1_796_565_600 + 60 * name.len() as i64;
        workspace
            .hand_in_link(name, Some(at))
            .expect("a lesson is open")
    }

    #[test]
    fn a_class_of_hand_ins_is_checked_and_the_tampered_ones_are_flagged() {
        let count = builtin_lesson("count").unwrap().unwrap();
        let full = count.solution.len();
        let mut lines = Vec::new();
        let mut expected_complete = 0;
        for n in 0..32usize {
            let name = format!("Learner {n:02}");
            // Every third stops early; every fifth gets the quiz wrong; every seventh peeks.
            let steps = if n % 3 == 0 { n % full } else { full };
            let answer = if n % 5 == 0 { Some(0) } else { Some(1) };
            let peek = n % 7 == 6;
            let (payload, code) = hand_in("count", &name, steps, answer, peek);
            if steps == full && !peek {
                expected_complete += 1;
            }
            assert_eq!(code.met == code.total, steps == full, "{name}: {code}");
            match n % 4 {
                0 => lines.push(format!("https://teacher.example/play/#{payload}  {code}")),
                1 => lines.push(payload),
                2 => lines.push(format!("https://teacher.example/play/#{payload}")),
                _ => {
                    // The code on a line of its own, after its link.
                    lines.push(format!("http://127.0.0.1:8080/#{payload}"));
                    lines.push(code.to_string());
                }
            }
        }
        // A learner who did not finish hands in, then edits the link's name and quiz answer.
        let (payload, _) = hand_in("count", "Mallory", 2, Some(0), false);
        let mut edited = decode(&payload).unwrap();
        edited.handed_in_by = Some("Alice".into());
        edited.quiz_answer = Some(1);
        lines.push(encode(&edited));
        // Another edits the claims of the code handed with the link.
        let (payload, code) = hand_in("count", "Trudy", 3, Some(1), false);
        let boasted =
            code.to_string()
                .replacen(&format!("{}of", code.met), &format!("{}of", code.total), 1);
        lines.push(format!("{payload} {boasted}"));
        // A link cut short, and a lone code nobody handed a link for.
        lines.push(format!("v2.{}", &payload[3..payload.len() / 2]));
        lines.push("count.3of3.quiz-right.own-work.0123456789".into());
        lines.push(String::new());

        let report = verify(&lines);
        let table = report.table();
        println!("{table}");
        assert_eq!(report.rows.len(), 32 + 4, "{table}");
        assert_eq!(
            report.rows.iter().filter(|row| row.complete()).count(),
            expected_complete,
            "{table}"
        );
        let flagged: Vec<&HandInRow> = report
            .rows
            .iter()
            .filter(|row| row.verdict.flagged())
            .collect();
        assert_eq!(flagged.len(), 3, "{table}");
        assert_eq!(flagged[0].who, "Alice");
        assert!(
            matches!(&flagged[0].verdict, Verdict::Tampered(why) if why.contains("changed after"))
        );
        assert_eq!(flagged[1].who, "Trudy");
        assert!(
            matches!(&flagged[1].verdict, Verdict::Tampered(why) if why.contains("does not match"))
        );
        assert!(matches!(&flagged[2].verdict, Verdict::Damaged(_)));
        assert_eq!(report.rows.last().unwrap().verdict, Verdict::CodeOnly);
        // What the table says of one honest learner who did not finish and one who peeked.
        let learner = |n: usize| {
            report
                .rows
                .iter()
                .find(|row| row.who == format!("Learner {n:02}"))
                .unwrap()
        };
        assert_eq!(
            (learner(0).met, learner(0).missing.clone()),
            (
                0,
                vec!["third".to_string(), "closed".into(), "restart".into()]
            )
        );
        assert!(learner(6).solution_shown && !learner(6).complete());
        assert_eq!(learner(5).quiz, Some(Some(false)));
        assert!(
            table.contains("Learner 01") && table.contains("TAMPERED") && table.contains("3/3")
        );
        assert!(report.any_flagged());
        // When: as the learner's page stamped it, and a changed time is a changed link.
        assert_eq!(learner(1).when, Some(1_796_565_600 + 60 * 10));
        assert!(table.contains("2026-12-06 14:10 UTC"), "{table}");
        let (payload, _) = hand_in("count", "Late", full, Some(1), false);
        let mut backdated = decode(&payload).unwrap();
        backdated.handed_in_at = backdated.handed_in_at.map(|at| at - 86_400);
        let report = verify(&[encode(&backdated)]);
        assert!(
            matches!(&report.rows[0].verdict, Verdict::Tampered(why) if why.contains("changed after")),
            "{}",
            report.table()
        );
    }

    #[test]
    fn a_check_runs_one_entry_at_a_time_and_says_what_it_left_out() {
        let (payload, code) = hand_in("count", "Ada", 99, Some(1), false);
        let mut text = format!("{payload}\n\n{code}\nnot a hand-in\n");
        let mut checker = Checker::of_text(&text, &[]);
        assert_eq!((checker.entries(), checker.done()), (3, 0));
        assert!(checker.check_next());
        assert_eq!(checker.done(), 1);
        let report = checker.finish();
        // The lone code matches its link: one row for the two, and one for the junk.
        assert_eq!(report.rows.len(), 2, "{}", report.table());
        assert_eq!(report.rows[0].verdict, Verdict::Verified);
        assert!(report.rows[0].complete());
        assert!(
            matches!(&report.rows[1].verdict, Verdict::Damaged(why) if why.contains("neither"))
        );
        assert_eq!(report.left_out, 0);
        // Past the limit, entries are counted and not read.
        for n in 0..MAX_HAND_INS {
            text.push_str(&format!("junk{n}\n"));
        }
        let checker = Checker::of_text(&text, &[]);
        assert_eq!(checker.entries(), MAX_HAND_INS);
        let report = checker.finish();
        assert_eq!(report.left_out, 3);
        assert!(
            report.summary().contains("3 more lines were not read"),
            "{}",
            report.summary()
        );
        // So is text past the byte limit, even in few lines.
        let long = "x".repeat(MAX_PASTE_BYTES / 3 + 1);
        let report = verify(&[long.clone(), long.clone(), long]);
        assert_eq!((report.rows.len(), report.left_out), (2, 1));
    }

    #[test]
    fn hostile_entries_are_rows_not_panics() {
        let lines: Vec<String> = [
            "#",
            "v2.",
            "v1.%%%",
            "hello there",
            &format!("v2.{}", "A".repeat(70_000)),
            "v9.N4Ig",
            "count.1of3.quiz-right.own-work.ABC",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let report = verify(&lines);
        assert!(
            report.rows.iter().all(|row| row.verdict.flagged()),
            "{}",
            report.table()
        );
        // A link that is not a lesson's work.
        let plain = Workspace::started()
            .apply(Action::Navigate("/count".into()))
            .share_payload();
        let report = verify(&[plain]);
        assert!(
            matches!(&report.rows[0].verdict, Verdict::Damaged(why) if why.contains("no lesson"))
        );
    }
}
