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
        Some(command @ ("run" | "check" | "py")) => Outcome {
            stderr: format!(
                "session-playground: `{command}` is not available in this build yet (see the open issues)\n"
            ),
            exit_code: 2,
            ..Outcome::default()
        },
        Some(other) => Outcome {
            stderr: format!("session-playground: unknown command `{other}`; try --help\n"),
            exit_code: 2,
            ..Outcome::default()
        },
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
    fn unknown_command_exits_2_with_one_line() {
        let outcome = run(&args(&["frobnicate"]));
        assert_eq!(outcome.exit_code, 2);
        assert_eq!(outcome.stderr.lines().count(), 1);
        assert!(outcome.stderr.contains("frobnicate"));
    }
}
