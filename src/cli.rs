//! The native command line. Parsing is done by hand: a few subcommands with a file or two each
//! do not justify a dependency, and the same function is unit-tested without spawning a process.
//!
//! This is where the I/O is: files are read here, once; the library returns values (a
//! [`crate::scenario::Transcript`] or a [`crate::scenario::parse::Malformed`], a
//! [`crate::scenario::check::CheckReport`], a [`crate::python::ProgramRun`], a hand-in report)
//! and this module maps them to one [`Outcome`] (output and exit code). Every command runs on
//! one thread with the interpreter's stack ([`on_interpreter_stack`]), spawned here only.

/// What a CLI invocation printed and how it exits; returned instead of printed so it is testable.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Text for standard output.
    pub stdout: String,
    /// Text for standard error.
    pub stderr: String,
    /// The process exit status.
    pub exit_code: i32,
}

/// The `--help` text.
pub const HELP: &str = "\
session-playground — the Flask Session Playground's command line

USAGE:
    session-playground run SCENARIO.json   replay a scenario, print its transcript (JSON)
    session-playground check FILE...       validate lessons and play their solutions
    session-playground py FILE.py          run a Python file like `python3 FILE.py`
    session-playground link LESSON.json [PAGE_URL]
                                           validate a lesson file and print a link that
                                           carries it whole (to PAGE_URL, default
                                           http://127.0.0.1:8080/)
    session-playground verify [--lesson LESSON.json]... [-f FILE]... [LINK|CODE]...
                                           check hand-ins (links and completion codes, one
                                           per line in FILE): who met which goals, the quiz,
                                           whether the solution was shown; exits 1 if any
                                           hand-in is tampered or unreadable; --lesson:
                                           your own lesson file, which hand-ins of its id
                                           must carry unchanged
    session-playground --help              print this help

OPTIONS (before or after the command):
    --time-limit SECONDS                   end a run that is still going after SECONDS of
                                           wall-clock time (default 60; 0: no limit). The
                                           program running then stops with StepLimitExceeded:
                                           `run` writes it in the transcript as the request's
                                           error, stops there and exits 0; `py` prints the
                                           traceback and exits 1.

The page itself is served with `scripts/serve` (see README.md).
";

/// How long a command may run, in seconds, unless `--time-limit` says otherwise: far above any
/// scenario or lesson we have (the slowest takes a few seconds), low enough that a runaway one
/// in a script or CI ends with a readable error instead of hanging.
pub const DEFAULT_TIME_LIMIT: u64 = 60;

/// The process entry point: arms the wall-clock limit (`--time-limit`, see
/// [`crate::python::interrupt`]) on a timer thread, then [`run`]s the command. Kept apart from
/// [`run`] because the limit is process-wide: tests call [`run`] in-process and must not arm it.
pub fn main(args: &[String]) -> Outcome {
    if let Ok((Some(seconds), _)) = split_time_limit(args) {
        // The thread sleeps through the run; a process that finishes first simply exits.
        let _ = std::thread::Builder::new().spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(seconds));
            crate::python::interrupt::request(seconds);
        });
    }
    run(args)
}

/// The `--time-limit` option taken out of `args`: the limit in seconds (`None`: no limit) and
/// the other arguments, or why the option cannot be read.
///
/// ```
/// use session_playground::cli::split_time_limit;
/// let args = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
/// assert_eq!(split_time_limit(&args(&["py", "a.py"])), Ok((Some(60), args(&["py", "a.py"]))));
/// assert_eq!(split_time_limit(&args(&["--time-limit", "5", "py", "a.py"])), Ok((Some(5), args(&["py", "a.py"]))));
/// assert_eq!(split_time_limit(&args(&["run", "s.json", "--time-limit=0"])), Ok((None, args(&["run", "s.json"]))));
/// assert!(split_time_limit(&args(&["py", "--time-limit", "soon"])).is_err());
/// ```
pub fn split_time_limit(args: &[String]) -> Result<(Option<u64>, Vec<String>), String> {
    let mut seconds = DEFAULT_TIME_LIMIT;
    let mut rest = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let value = if arg == "--time-limit" {
            iter.next()
                .ok_or("`--time-limit` needs a number of seconds")?
        } else if let Some(value) = arg.strip_prefix("--time-limit=") {
            value
        } else {
            rest.push(arg.clone());
            continue;
        };
        seconds = value.parse().map_err(|_| {
            format!("`--time-limit` takes a whole number of seconds, not {value:?}")
        })?;
    }
    Ok(((seconds > 0).then_some(seconds), rest))
}

/// Runs the command line with `args` (without the program name). `--time-limit` is read and
/// checked here but only [`main`] arms it.
///
/// ```
/// use session_playground::cli::run;
/// let outcome = run(&["--help".to_string()]);
/// assert_eq!(outcome.exit_code, 0);
/// assert!(outcome.stdout.contains("USAGE"));
/// ```
pub fn run(args: &[String]) -> Outcome {
    let args = match split_time_limit(args) {
        Ok((_, rest)) => rest,
        Err(why) => {
            return Outcome {
                stderr: format!("session-playground: {why}; try --help\n"),
                exit_code: 2,
                ..Outcome::default()
            };
        }
    };
    on_interpreter_stack(move || command(&args))
}

/// Runs `body` on a thread with the interpreter's stack ([`crate::python::CLI_STACK_SIZE`]):
/// app code and programs recurse on the native stack, and deep recursion in them must end in
/// `RecursionError`, never a native stack overflow. The one place the CLI spawns it.
fn on_interpreter_stack(body: impl FnOnce() -> Outcome + Send + 'static) -> Outcome {
    let worker = std::thread::Builder::new()
        .stack_size(crate::python::CLI_STACK_SIZE)
        .spawn(body);
    match worker.map(|handle| handle.join()) {
        Ok(Ok(outcome)) => outcome,
        _ => Outcome {
            stderr: "session-playground: the command stopped unexpectedly\n".into(),
            exit_code: 1,
            ..Outcome::default()
        },
    }
}

/// One command, on the interpreter's thread.
fn command(args: &[String]) -> Outcome {
    match args.first().map(String::as_str) {
        None | Some("--help" | "-h" | "help") => Outcome {
            stdout: HELP.to_string(),
            ..Outcome::default()
        },
        Some("run") => with_one_file(args, run_text),
        Some("py") => with_one_file(args, |path, source| {
            let run = crate::python::run_program(path, source);
            Outcome {
                stdout: run.stdout,
                stderr: run.stderr,
                exit_code: run.status,
            }
        }),
        Some("check") => check(&args[1..]),
        Some("verify") => verify(&args[1..]),
        Some("link") => lesson_link(args),
        Some(other) => Outcome {
            stderr: format!("session-playground: unknown command `{other}`; try --help\n"),
            exit_code: 2,
            ..Outcome::default()
        },
    }
}

/// `run` on a scenario's text (`name` is used in error messages): the transcript on stdout and
/// exit 0 (an app's error is part of the transcript), or one line on stderr and exit 2 for a
/// malformed file.
///
/// ```
/// use session_playground::cli::run_text;
/// let out = run_text("s.json", r#"{"version": 1, "code": "from flask import Flask\napp = Flask(__name__)\n@app.route('/')\ndef i():\n    return 'hi'\n", "steps": [{"request": "GET /"}]}"#);
/// assert_eq!(out.exit_code, 0);
/// assert!(out.stdout.contains(r#""body": "hi""#));
/// let bad = run_text("s.json", "{");
/// assert_eq!((bad.exit_code, bad.stderr.lines().count()), (2, 1));
/// ```
pub fn run_text(name: &str, source: &str) -> Outcome {
    match crate::scenario::parse_scenario(source) {
        Ok(scenario) => {
            let transcript = crate::scenario::run_scenario(&scenario);
            let stdout = crate::scenario::pretty::transcript_text(&transcript);
            // Exit 0 as for any handler error; stderr says why the transcript is short.
            let stderr = match crate::python::interrupt::requested() {
                Some(seconds) => format!(
                    "session-playground: {name}: stopped at the time limit ({seconds} s) after {} of {} steps; the last one's error is in the transcript\n",
                    transcript.steps.len(),
                    scenario.steps.len()
                ),
                None => String::new(),
            };
            Outcome {
                stdout,
                stderr,
                exit_code: 0,
            }
        }
        Err(error) => Outcome {
            stdout: String::new(),
            stderr: format!(
                "session-playground: {name}: {}\n",
                error.to_string().replace('\n', " ")
            ),
            exit_code: 2,
        },
    }
}

/// `check` on already-read files, (name, text) pairs: the report on stdout, its status as the
/// exit code.
pub fn check_texts(files: &[(String, String)]) -> Outcome {
    let report = crate::scenario::check::check_sources(files);
    Outcome {
        stdout: report.text,
        stderr: String::new(),
        exit_code: report.status,
    }
}

/// `check PATH...`: reads the files, then [`check_texts`]; an unreadable file is one line on
/// stderr and exit 2 (the others are still checked).
fn check(paths: &[String]) -> Outcome {
    if paths.is_empty() {
        return Outcome {
            stderr: "session-playground: `check` needs at least one file; try --help\n".into(),
            exit_code: 2,
            ..Outcome::default()
        };
    }
    let mut files = Vec::new();
    let mut stderr = String::new();
    for path in paths {
        match std::fs::read(path).map(String::from_utf8) {
            Ok(Ok(text)) => files.push((path.clone(), text)),
            Ok(Err(_)) => stderr.push_str(&format!("session-playground: {path}: not UTF-8 text\n")),
            Err(error) => stderr.push_str(&format!("session-playground: {path}: {error}\n")),
        }
    }
    let mut outcome = check_texts(&files);
    if !stderr.is_empty() {
        outcome.stderr.insert_str(0, &stderr);
        outcome.exit_code = 2;
    }
    outcome
}

/// `link`: a teacher's lesson file carried whole in a share link (validated first, exactly as
/// the page will when it is opened).
fn lesson_link(args: &[String]) -> Outcome {
    let usage = |message: String| Outcome {
        stderr: format!("session-playground: {message}\n"),
        exit_code: 2,
        ..Outcome::default()
    };
    let (path, base) = match args {
        [_, path] => (path, "http://127.0.0.1:8080/"),
        [_, path, base] => (path, base.as_str()),
        _ => {
            return usage(
                "`link` takes a lesson file and, optionally, the page's address; try --help".into(),
            );
        }
    };
    let text = match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(text)) => text,
        Ok(Err(_)) => return usage(format!("{path}: not UTF-8 text")),
        Err(error) => return usage(format!("{path}: {error}")),
    };
    match crate::scenario::link_lesson::read_lesson_file(&text, None) {
        Ok(link) => {
            let shared = crate::scenario::share::SharedState {
                version: crate::scenario::share::SHARE_VERSION,
                lesson: Some(link.lesson.id.clone()),
                lesson_file: Some(link.file),
                ..Default::default()
            };
            let payload = crate::scenario::share::encode(&shared);
            let base = base.split('#').next().unwrap_or(base);
            Outcome {
                stdout: format!("{base}#{payload}\n"),
                stderr: format!(
                    "{path}: lesson {:?}, {} characters after #\n",
                    link.lesson.id,
                    payload.len()
                ),
                exit_code: 0,
            }
        }
        Err(why) => Outcome {
            stderr: format!(
                "session-playground: {path}: {}\n",
                why.replacen("its lesson file", "the lesson file", 1)
            ),
            exit_code: 1,
            ..Outcome::default()
        },
    }
}

/// `verify`: hand-ins from `-f FILE` (one per line) and from the arguments themselves; the
/// report comes back as a value ([`crate::ui::hand_in::verify`]) and is mapped to an exit code
/// here: 0 all readable and untampered, 1 some flagged, 2 a usage or file error.
fn verify(args: &[String]) -> Outcome {
    let usage = |message: String| Outcome {
        stderr: format!("session-playground: {message}\n"),
        exit_code: 2,
        ..Outcome::default()
    };
    let mut entries: Vec<String> = Vec::new();
    let mut lessons: Vec<serde_json::Value> = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--lesson" {
            let Some(path) = rest.next() else {
                return usage("`verify --lesson` needs a lesson file".into());
            };
            let text = match std::fs::read(path).map(String::from_utf8) {
                Ok(Ok(text)) => text,
                Ok(Err(_)) => return usage(format!("{path}: not UTF-8 text")),
                Err(error) => return usage(format!("{path}: {error}")),
            };
            match crate::scenario::link_lesson::read_lesson_file(&text, None) {
                Ok(link) => lessons.push(link.file),
                Err(why) => {
                    return usage(format!(
                        "{path}: {}",
                        why.replacen("its lesson file", "the lesson file", 1)
                    ));
                }
            }
        } else if arg == "-f" || arg == "--file" {
            let Some(path) = rest.next() else {
                return usage("`verify -f` needs a file".into());
            };
            match std::fs::read(path).map(String::from_utf8) {
                Ok(Ok(text)) => entries.extend(text.lines().map(str::to_string)),
                Ok(Err(_)) => return usage(format!("{path}: not UTF-8 text")),
                Err(error) => return usage(format!("{path}: {error}")),
            }
        } else {
            entries.push(arg.clone());
        }
    }
    if entries.iter().all(|entry| entry.trim().is_empty()) {
        return usage("`verify` needs hand-ins (links or codes, or -f FILE); try --help".into());
    }
    let report = crate::ui::hand_in::verify_against(&entries, &lessons);
    Outcome {
        stdout: report.table(),
        stderr: String::new(),
        exit_code: i32::from(report.any_flagged()),
    }
}

/// Reads the one file argument of `run` and `py`; a missing or unreadable file exits 2 with one
/// line naming it.
fn with_one_file(args: &[String], command: impl FnOnce(&str, &str) -> Outcome) -> Outcome {
    let usage = |message: String| Outcome {
        stderr: format!("session-playground: {message}\n"),
        exit_code: 2,
        ..Outcome::default()
    };
    let [_, path] = args else {
        return usage(format!("`{}` takes exactly one file; try --help", args[0]));
    };
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(source) => command(path, &source),
            Err(_) => usage(format!("{path}: not UTF-8 text")),
        },
        Err(error) => usage(format!("{path}: {error}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn no_arguments_prints_help() {
        let outcome = run(&[]);
        assert_eq!(outcome.exit_code, 0);
        assert_eq!(outcome.stdout, HELP);
    }

    #[test]
    fn a_missing_file_exits_2_naming_it() {
        for command in ["run", "py"] {
            let outcome = run(&args(&[command, "no/such/file"]));
            assert_eq!(outcome.exit_code, 2);
            assert_eq!(outcome.stderr.lines().count(), 1);
            assert!(
                outcome.stderr.contains("no/such/file"),
                "{}",
                outcome.stderr
            );
        }
        let outcome = run(&args(&["run"]));
        assert_eq!((outcome.exit_code, outcome.stderr.lines().count()), (2, 1));
    }

    #[test]
    fn py_runs_a_file_like_python3() {
        let path = std::env::temp_dir().join(format!("cli-py-{}.py", std::process::id()));
        std::fs::write(&path, "print(6 * 7)\n1 / 0\n").unwrap();
        let outcome = run(&args(&["py", path.to_str().unwrap()]));
        std::fs::remove_file(&path).ok();
        assert_eq!(outcome.stdout, "42\n");
        assert_eq!(outcome.exit_code, 1);
        assert!(
            outcome
                .stderr
                .ends_with("ZeroDivisionError: division by zero\n"),
            "{}",
            outcome.stderr
        );
    }

    #[test]
    fn a_runaway_recursion_ends_in_recursion_error() {
        // Python's recursion limit, not a native stack overflow, ends it: the command runs on
        // the interpreter's stack (`on_interpreter_stack`).
        let path = std::env::temp_dir().join(format!("cli-deep-{}.py", std::process::id()));
        std::fs::write(&path, "def f(n):\n    return f(n + 1)\nf(0)\n").unwrap();
        let outcome = run(&args(&["py", path.to_str().unwrap()]));
        std::fs::remove_file(&path).ok();
        assert_eq!(outcome.exit_code, 1);
        assert!(
            outcome
                .stderr
                .ends_with("RecursionError: maximum recursion depth exceeded\n"),
            "{}",
            outcome.stderr
        );
    }

    #[test]
    fn run_reads_a_scenario_file_and_prints_its_transcript() {
        let path = std::env::temp_dir().join(format!("cli-run-{}.json", std::process::id()));
        let scenario = r#"{"version": 1, "code": "from flask import Flask\napp = Flask(__name__)\n@app.route('/')\ndef i():\n    return 'hi'\n", "steps": [{"request": "GET /"}]}"#;
        std::fs::write(&path, scenario).unwrap();
        let outcome = run(&args(&["run", path.to_str().unwrap()]));
        std::fs::remove_file(&path).ok();
        assert_eq!(outcome, run_text("any.json", scenario));
        assert_eq!(outcome.exit_code, 0, "{}", outcome.stderr);
        let transcript: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap();
        assert_eq!(transcript["steps"][0]["status"], 200);
    }

    #[test]
    fn verify_maps_its_report_to_an_exit_code() {
        assert_eq!(run(&args(&["verify"])).exit_code, 2);
        assert_eq!(run(&args(&["verify", "-f", "no/such/file"])).exit_code, 2);
        let path = std::env::temp_dir().join(format!("cli-verify-{}.txt", std::process::id()));
        std::fs::write(
            &path,
            "v2.N4Ig\n\ncount.3of3.quiz-right.own-work.0123456789\n",
        )
        .unwrap();
        let outcome = run(&args(&["verify", "-f", path.to_str().unwrap()]));
        std::fs::remove_file(&path).ok();
        assert_eq!(outcome.exit_code, 1, "{outcome:?}");
        assert!(
            outcome.stdout.contains("DAMAGED") && outcome.stdout.contains("UNVERIFIED"),
            "{}",
            outcome.stdout
        );
        let outcome = run(&args(&[
            "verify",
            "count.3of3.quiz-right.own-work.0123456789",
        ]));
        assert_eq!(
            outcome.exit_code, 0,
            "a lone code is unverified, not flagged"
        );
    }

    #[test]
    fn link_carries_a_valid_lesson_file_and_refuses_a_bad_one() {
        let root = env!("CARGO_MANIFEST_DIR");
        let outcome = run(&args(&[
            "link",
            &format!("{root}/lessons/04-count.json"),
            "https://school.example/play/",
        ]));
        assert_eq!(outcome.exit_code, 0, "{outcome:?}");
        assert!(
            outcome
                .stdout
                .starts_with("https://school.example/play/#v2."),
            "{}",
            outcome.stdout
        );
        let path = std::env::temp_dir().join(format!("cli-link-{}.json", std::process::id()));
        std::fs::write(&path, r#"{"version": 2, "id": "x"}"#).unwrap();
        let outcome = run(&args(&["link", path.to_str().unwrap()]));
        std::fs::remove_file(&path).ok();
        assert_eq!(outcome.exit_code, 1);
        assert!(
            outcome.stderr.contains("the lesson file is not valid"),
            "{}",
            outcome.stderr
        );
    }

    #[test]
    fn unknown_command_exits_2_with_one_line() {
        let outcome = run(&args(&["frobnicate"]));
        assert_eq!(outcome.exit_code, 2);
        assert_eq!(outcome.stderr.lines().count(), 1);
        assert!(outcome.stderr.contains("frobnicate"));
    }

    /// Issue 13: hostile programs end with the Python error CPython prints, never an abort.
    #[test]
    fn hostile_programs_end_with_python_errors() {
        let dir = std::env::temp_dir().join(format!("cli-hostile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let deep_list =
            "def mk(n):\n    x = []\n    for i in range(n):\n        x = [x]\n    return x\n";
        let cases: Vec<(String, &str, &str)> = vec![
            (
                format!("x = {}1\n", "-".repeat(500_000)),
                "",
                "RecursionError: maximum recursion depth exceeded during compilation\n",
            ),
            (
                format!("print(1)\nf{}\n", "()".repeat(100_000)),
                "",
                "RecursionError: maximum recursion depth exceeded during compilation\n",
            ),
            (
                format!("{deep_list}nested = mk(100000)\nnested = None\nprint('freed')\n"),
                "freed\n",
                "",
            ),
            (
                format!("{deep_list}print(mk(100000))\n"),
                "",
                "RecursionError: maximum recursion depth exceeded while getting the repr of an object\n",
            ),
            (
                format!("{deep_list}mk(100000) == mk(100000)\n"),
                "",
                "RecursionError: maximum recursion depth exceeded in comparison\n",
            ),
        ];
        for (i, (source, want_out, want_err_end)) in cases.iter().enumerate() {
            let path = dir.join(format!("p{i}.py"));
            std::fs::write(&path, source).unwrap();
            let outcome = run(&args(&["py", path.to_str().unwrap()]));
            assert_eq!(outcome.stdout, *want_out, "case {i}");
            assert!(
                outcome.stderr.ends_with(want_err_end),
                "case {i}: {}",
                outcome.stderr
            );
            assert_eq!(
                outcome.exit_code,
                if want_err_end.is_empty() { 0 } else { 1 },
                "case {i}"
            );
        }
        // `run`: an app that fails to load or a view that fails is in the transcript; exit 0.
        let app = format!(
            "from flask import Flask, session\napp = Flask(__name__)\napp.secret_key = 'k'\n{deep_list}@app.route('/')\ndef index():\n    session['x'] = mk(100000)\n    return 'ok'\n"
        );
        for code in [app, format!("y = {}x\n", "not ".repeat(50_000))] {
            let scenario =
                serde_json::json!({"version": 1, "code": code, "steps": [{"request": "GET /"}]});
            let path = dir.join("scenario.json");
            std::fs::write(&path, scenario.to_string()).unwrap();
            let outcome = run(&args(&["run", path.to_str().unwrap()]));
            assert_eq!(outcome.exit_code, 0, "{}", outcome.stderr);
            assert!(
                outcome.stdout.contains("RecursionError"),
                "{}",
                outcome.stdout
            );
        }
        std::fs::remove_dir_all(&dir).ok();
    }
}
