//! The native command line. Parsing is done by hand: three subcommands with one argument each do
//! not justify a dependency, and the same function is unit-tested without spawning a process.

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
    session-playground --help              print this help

The page itself is served with `scripts/serve` (see README.md).
";

/// Runs the command line with `args` (without the program name).
///
/// ```
/// use session_playground::cli::run;
/// let outcome = run(&["--help".to_string()]);
/// assert_eq!(outcome.exit_code, 0);
/// assert!(outcome.stdout.contains("USAGE"));
/// ```
pub fn run(args: &[String]) -> Outcome {
    match args.first().map(String::as_str) {
        None | Some("--help" | "-h" | "help") => Outcome {
            stdout: HELP.to_string(),
            ..Outcome::default()
        },
        Some("run") => with_one_file(args, |path, _source| {
            // Runs on the interpreter's own large stack (deep recursion in app code must be a
            // RecursionError, never a native stack overflow).
            let outcome = crate::scenario::run_path(path);
            Outcome { stdout: outcome.stdout, stderr: outcome.stderr, exit_code: outcome.exit_code }
        }),
        Some("py") => with_one_file(args, |path, source| {
            let (stdout, stderr, exit_code) = crate::python::run_file_cli(path, source);
            Outcome { stdout, stderr, exit_code }
        }),
        Some("check") => {
            let outcome = crate::scenario::check::check_paths(&args[1..]);
            Outcome { stdout: outcome.stdout, stderr: outcome.stderr, exit_code: outcome.exit_code }
        }
        Some(other) => Outcome {
            stderr: format!("session-playground: unknown command `{other}`; try --help\n"),
            exit_code: 2,
            ..Outcome::default()
        },
    }
}

/// Reads the one file argument of `run` and `py`; a missing or unreadable file exits 2 with one
/// line naming it.
fn with_one_file(args: &[String], command: impl FnOnce(&str, &str) -> Outcome) -> Outcome {
    let usage = |message: String| Outcome { stderr: format!("session-playground: {message}\n"), exit_code: 2, ..Outcome::default() };
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
            assert!(outcome.stderr.contains("no/such/file"), "{}", outcome.stderr);
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
        assert!(outcome.stderr.ends_with("ZeroDivisionError: division by zero\n"), "{}", outcome.stderr);
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
        let deep_list = "def mk(n):\n    x = []\n    for i in range(n):\n        x = [x]\n    return x\n";
        let cases: Vec<(String, &str, &str)> = vec![
            (format!("x = {}1\n", "-".repeat(500_000)), "", "RecursionError: maximum recursion depth exceeded during compilation\n"),
            (format!("print(1)\nf{}\n", "()".repeat(100_000)), "", "RecursionError: maximum recursion depth exceeded during compilation\n"),
            (format!("{deep_list}nested = mk(100000)\nnested = None\nprint('freed')\n"), "freed\n", ""),
            (format!("{deep_list}print(mk(100000))\n"), "", "RecursionError: maximum recursion depth exceeded while getting the repr of an object\n"),
            (format!("{deep_list}mk(100000) == mk(100000)\n"), "", "RecursionError: maximum recursion depth exceeded in comparison\n"),
        ];
        for (i, (source, want_out, want_err_end)) in cases.iter().enumerate() {
            let path = dir.join(format!("p{i}.py"));
            std::fs::write(&path, source).unwrap();
            let outcome = run(&args(&["py", path.to_str().unwrap()]));
            assert_eq!(outcome.stdout, *want_out, "case {i}");
            assert!(outcome.stderr.ends_with(want_err_end), "case {i}: {}", outcome.stderr);
            assert_eq!(outcome.exit_code, if want_err_end.is_empty() { 0 } else { 1 }, "case {i}");
        }
        // `run`: an app that fails to load or a view that fails is in the transcript; exit 0.
        let app = format!(
            "from flask import Flask, session\napp = Flask(__name__)\napp.secret_key = 'k'\n{deep_list}@app.route('/')\ndef index():\n    session['x'] = mk(100000)\n    return 'ok'\n"
        );
        for code in [app, format!("y = {}x\n", "not ".repeat(50_000))] {
            let scenario = serde_json::json!({"version": 1, "code": code, "steps": [{"request": "GET /"}]});
            let path = dir.join("scenario.json");
            std::fs::write(&path, scenario.to_string()).unwrap();
            let outcome = run(&args(&["run", path.to_str().unwrap()]));
            assert_eq!(outcome.exit_code, 0, "{}", outcome.stderr);
            assert!(outcome.stdout.contains("RecursionError"), "{}", outcome.stdout);
        }
        std::fs::remove_dir_all(&dir).ok();
    }
}
