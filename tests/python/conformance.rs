//! Differential conformance suite for the playground's Python interpreter.
//!
//! Every program `tests/python/cases/<topic>/<name>.py` has expected outputs next to it
//! (`<name>.stdout`, `<name>.stderr`, `<name>.status`), produced by running CPython 3.11 with
//! `tests/python/generate.py` — never typed by hand. This test runs each program through
//! `session_playground::python::run_program`, the library entry behind
//! `session-playground py FILE.py`, and compares stdout, stderr and the exit status exactly.
//!
//! A mismatch prints a line diff for that case. The test fails if any case fails that is not
//! listed in `tests/python/known_failures.txt` (one line per case: `<topic>/<name>.py — reason`);
//! listed cases that now pass are reported so the entry can be removed. The last line printed is
//! `conformance: N passed, M failed`.
//!
//! Set `PYTHON_CONFORMANCE_FILTER=<substring>` to run only the cases whose path contains it.
//!
//! The report is written straight to the process's stderr rather than through `println!`, because
//! libtest captures `println!` output of passing tests and the summary should always be visible.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// How long one case may run before it is reported as hung. The interpreter has its own step
/// budget, so hitting this means that budget did not work.
const CASE_TIMEOUT: Duration = Duration::from_secs(30);

/// Each case runs on its own thread so that a panic or a hang is reported for that case and the
/// rest of the suite still runs. The stack is the one `session-playground py FILE.py` gives its
/// interpreter thread.
const CASE_STACK_BYTES: usize = session_playground::python::CLI_STACK_SIZE;

/// Beyond this many lines, an output is not diffed line by line (the diff is quadratic).
const MAX_DIFF_LINES: usize = 2_000;

/// The three observable results of running a program, as the CLI would produce them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Outcome {
    stdout: String,
    stderr: String,
    status: i32,
}

/// One program of the suite and where its files live.
struct Case {
    /// `<topic>/<name>.py`, with forward slashes: the key used in `known_failures.txt`.
    id: String,
    /// The `.py` file itself.
    path: PathBuf,
}

/// What happened when one case was run.
enum Verdict {
    Pass,
    /// The outputs differ; the text is the readable diff.
    Mismatch(String),
    /// The case could not be compared (missing expected files, panic, hang).
    Broken(String),
}

#[test]
fn python_programs_match_cpython() {
    let suite_dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("python");
    let cases_dir = suite_dir.join("cases");
    let filter = std::env::var("PYTHON_CONFORMANCE_FILTER").unwrap_or_default();
    let cases: Vec<Case> = discover_cases(&cases_dir)
        .into_iter()
        .filter(|case| case.id.contains(&filter))
        .collect();
    assert!(
        !cases.is_empty(),
        "no conformance cases found under {}",
        cases_dir.display()
    );

    let known_text =
        std::fs::read_to_string(suite_dir.join("known_failures.txt")).unwrap_or_default();
    let known = match parse_known_failures(&known_text) {
        Ok(known) => known,
        Err(message) => panic!("tests/python/known_failures.txt: {message}"),
    };

    let mut report = String::new();
    let mut passed = 0usize;
    let mut unexpected_failures: Vec<&str> = Vec::new();
    let mut known_still_failing = 0usize;
    let mut known_now_passing: Vec<&str> = Vec::new();
    for case in &cases {
        let verdict = run_case(case);
        let is_known = known.contains_key(case.id.as_str());
        match verdict {
            Verdict::Pass => {
                passed += 1;
                if is_known {
                    known_now_passing.push(&case.id);
                }
            }
            Verdict::Mismatch(detail) | Verdict::Broken(detail) => {
                if is_known {
                    known_still_failing += 1;
                } else {
                    unexpected_failures.push(&case.id);
                    let _ = writeln!(report, "FAIL {}\n{detail}", case.id);
                }
            }
        }
    }

    let case_ids: Vec<&str> = cases.iter().map(|case| case.id.as_str()).collect();
    let unknown_entries: Vec<&str> = if filter.is_empty() {
        known
            .keys()
            .copied()
            .filter(|id| !case_ids.contains(id))
            .collect()
    } else {
        Vec::new()
    };

    let failed = cases.len() - passed;
    for id in &known_now_passing {
        let _ = writeln!(
            report,
            "known failure now passes (remove it from known_failures.txt): {id}"
        );
    }
    for id in &unknown_entries {
        let _ = writeln!(
            report,
            "known_failures.txt names a case that does not exist: {id}"
        );
    }
    let _ = writeln!(
        report,
        "{known_still_failing} failing case(s) listed in known_failures.txt, {} unexpected",
        unexpected_failures.len()
    );
    let _ = writeln!(report, "conformance: {passed} passed, {failed} failed");
    let _ = std::io::stderr().lock().write_all(report.as_bytes());

    const NAMED: usize = 20;
    let more = unexpected_failures.len().saturating_sub(NAMED);
    assert!(
        unexpected_failures.is_empty(),
        "{} case(s) differ from CPython and are not in tests/python/known_failures.txt: {}{}",
        unexpected_failures.len(),
        unexpected_failures[..unexpected_failures.len().min(NAMED)].join(", "),
        if more > 0 {
            format!(" and {more} more (see the report above)")
        } else {
            String::new()
        }
    );
    assert!(
        unknown_entries.is_empty(),
        "tests/python/known_failures.txt lists case(s) that do not exist: {}",
        unknown_entries.join(", ")
    );
}

/// All `cases/<topic>/<name>.py` files, sorted by id.
fn discover_cases(cases_dir: &Path) -> Vec<Case> {
    let mut cases = Vec::new();
    for topic in sorted_entries(cases_dir) {
        if !topic.is_dir() {
            continue;
        }
        let topic_name = file_name(&topic);
        for path in sorted_entries(&topic) {
            if path.extension().and_then(|ext| ext.to_str()) != Some("py") {
                continue;
            }
            let id = format!("{topic_name}/{}", file_name(&path));
            cases.push(Case { id, path });
        }
    }
    cases
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(read) => read
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .collect(),
        Err(error) => panic!("cannot list {}: {error}", dir.display()),
    };
    entries.sort();
    entries
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Parses `known_failures.txt`: one `<topic>/<name>.py — reason` per line; blank lines and lines
/// starting with `#` are ignored. Returns the case ids with their reasons.
fn parse_known_failures(text: &str) -> Result<BTreeMap<&str, &str>, String> {
    let mut known = BTreeMap::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((id, reason)) = line.split_once(" — ") else {
            return Err(format!(
                "line {}: expected `<topic>/<name>.py — reason`, got {line:?}",
                index + 1
            ));
        };
        let (id, reason) = (id.trim(), reason.trim());
        if reason.is_empty() {
            return Err(format!("line {}: {id} has no reason", index + 1));
        }
        if known.insert(id, reason).is_some() {
            return Err(format!("line {}: {id} is listed twice", index + 1));
        }
    }
    Ok(known)
}

/// Runs one case through the interpreter (on its own thread) and compares the outcome.
fn run_case(case: &Case) -> Verdict {
    let expected = match read_expected(&case.path) {
        Ok(expected) => expected,
        Err(message) => return Verdict::Broken(format!("  {message}\n")),
    };
    let source = match std::fs::read_to_string(&case.path) {
        Ok(source) => source,
        Err(error) => return Verdict::Broken(format!("  cannot read the program: {error}\n")),
    };
    // The CLI is invoked as `session-playground py name.py` from the case's folder, so the
    // interpreter sees the bare file name (CPython's tracebacks were generated the same way).
    let path_as_given = file_name(&case.path);

    let (sender, receiver) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name(case.id.clone())
        .stack_size(CASE_STACK_BYTES)
        .spawn(move || {
            let result = std::panic::catch_unwind(|| {
                session_playground::python::run_program(&path_as_given, &source)
            });
            let _ = sender.send(result);
        });
    if let Err(error) = spawned {
        return Verdict::Broken(format!("  cannot start a thread: {error}\n"));
    }
    let actual = match receiver.recv_timeout(CASE_TIMEOUT) {
        Ok(Ok(run)) => Outcome {
            stdout: run.stdout,
            stderr: run.stderr,
            status: run.status,
        },
        Ok(Err(panic)) => {
            return Verdict::Broken(format!(
                "  the interpreter panicked: {}\n",
                panic_message(&panic)
            ));
        }
        Err(_) => {
            return Verdict::Broken(format!(
                "  no result after {} s (the thread is left running)\n",
                CASE_TIMEOUT.as_secs()
            ));
        }
    };
    compare(&expected, &actual)
}

fn panic_message(payload: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "(non-text panic payload)".to_owned()
    }
}

/// Reads `<name>.stdout`, `<name>.stderr` and `<name>.status` next to the program.
fn read_expected(program: &Path) -> Result<Outcome, String> {
    let read = |suffix: &str| {
        let path = program.with_extension(suffix);
        std::fs::read_to_string(&path).map_err(|error| {
            format!(
                "cannot read {} ({error}); run `python3 tests/python/generate.py`",
                file_name(&path)
            )
        })
    };
    let stdout = read("stdout")?;
    let stderr = read("stderr")?;
    let status_text = read("status")?;
    let status = status_text
        .trim()
        .parse()
        .map_err(|_| format!("the .status file holds {status_text:?}, not an exit status"))?;
    Ok(Outcome {
        stdout,
        stderr,
        status,
    })
}

/// Compares the three outputs; on mismatch, describes every difference.
fn compare(expected: &Outcome, actual: &Outcome) -> Verdict {
    if expected == actual {
        return Verdict::Pass;
    }
    let mut detail = String::new();
    if expected.status != actual.status {
        let _ = writeln!(
            detail,
            "  exit status: expected {}, got {}",
            expected.status, actual.status
        );
    }
    if expected.stdout != actual.stdout {
        detail.push_str(&line_diff("stdout", &expected.stdout, &actual.stdout));
    }
    if expected.stderr != actual.stderr {
        detail.push_str(&line_diff("stderr", &expected.stderr, &actual.stderr));
    }
    Verdict::Mismatch(detail)
}

/// A unified-style line diff (`-` expected only, `+` actual only, ` ` both), computed with a
/// longest-common-subsequence table. Lines keep their terminator, so a missing final newline
/// shows as a difference and is marked.
fn line_diff(label: &str, expected: &str, actual: &str) -> String {
    let old: Vec<&str> = expected.split_inclusive('\n').collect();
    let new: Vec<&str> = actual.split_inclusive('\n').collect();
    let mut out = format!("  --- expected {label}\n  +++ actual {label}\n");
    if old.len() > MAX_DIFF_LINES || new.len() > MAX_DIFF_LINES {
        let _ = writeln!(
            out,
            "  (too long to diff: {} expected lines, {} actual lines; first actual lines follow)",
            old.len(),
            new.len()
        );
        for line in new.iter().take(20) {
            let _ = writeln!(out, "  +{}", show_line(line));
        }
        return out;
    }
    // lcs[i][j] = length of the longest common subsequence of old[i..] and new[j..].
    let mut lcs = vec![vec![0usize; new.len() + 1]; old.len() + 1];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            lcs[i][j] = if old[i] == new[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            let _ = writeln!(out, "   {}", show_line(old[i]));
            i += 1;
            j += 1;
        } else if j < new.len() && (i == old.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            let _ = writeln!(out, "  +{}", show_line(new[j]));
            j += 1;
        } else {
            let _ = writeln!(out, "  -{}", show_line(old[i]));
            i += 1;
        }
    }
    out
}

/// One line for display: without its newline, control characters escaped, and a marker when
/// the line has no newline at its end.
fn show_line(line: &str) -> String {
    let (body, terminated) = match line.strip_suffix('\n') {
        Some(body) => (body, true),
        None => (line, false),
    };
    let mut shown = String::new();
    for ch in body.chars() {
        if ch.is_control() && ch != '\t' {
            shown.extend(ch.escape_default());
        } else {
            shown.push(ch);
        }
    }
    if !terminated {
        shown.push_str("⟨no newline at end⟩");
    }
    shown
}

// Checks of this runner's own helpers, so a bug here cannot hide interpreter failures.

#[test]
fn known_failures_parse_ids_reasons_and_comments() {
    let text = "# comment\n\ntracebacks/recursion_error.py — needs deep recursion\n";
    let known = parse_known_failures(text).expect("valid file");
    assert_eq!(
        known.get("tracebacks/recursion_error.py"),
        Some(&"needs deep recursion")
    );
    assert_eq!(known.len(), 1);
}

#[test]
fn known_failures_reject_missing_reason_and_duplicates() {
    assert!(parse_known_failures("lists/a.py\n").is_err());
    assert!(parse_known_failures("lists/a.py — \n").is_err());
    assert!(parse_known_failures("lists/a.py — x\nlists/a.py — y\n").is_err());
}

#[test]
fn diff_marks_changed_lines_and_missing_final_newline() {
    let diff = line_diff("stdout", "a\nb\nc\n", "a\nB\nc");
    assert!(diff.contains("   a\n"), "{diff}");
    assert!(diff.contains("  -b\n"), "{diff}");
    assert!(diff.contains("  +B\n"), "{diff}");
    assert!(diff.contains("  -c\n"), "{diff}");
    assert!(diff.contains("  +c⟨no newline at end⟩\n"), "{diff}");
}

#[test]
fn compare_reports_status_and_both_streams() {
    let expected = Outcome {
        stdout: "1\n".into(),
        stderr: String::new(),
        status: 0,
    };
    assert!(matches!(
        compare(&expected, &expected.clone()),
        Verdict::Pass
    ));
    let actual = Outcome {
        stdout: "2\n".into(),
        stderr: "boom\n".into(),
        status: 1,
    };
    let Verdict::Mismatch(detail) = compare(&expected, &actual) else {
        panic!("expected a mismatch")
    };
    assert!(
        detail.contains("exit status: expected 0, got 1"),
        "{detail}"
    );
    assert!(
        detail.contains("  -1\n") && detail.contains("  +2\n"),
        "{detail}"
    );
    assert!(detail.contains("  +boom\n"), "{detail}");
}
