//! Fidelity: every scenario in `tests/scenarios/` is replayed through the simulated Flask and
//! the virtual browser, and the transcript is compared with the one REAL Flask produced
//! (`<name>.expected.json`, written by `tests/oracle/oracle.py`) under the contract's comparison
//! rules. Cases listed in `known_failures.txt` (`name — reason`) may fail; any other failure
//! fails the test. Every file in `tests/scenarios/malformed/` must be rejected.

use std::path::PathBuf;

use session_playground::scenario::{compare::compare, parse_scenario, run_cli, run_scenario};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn known_failures() -> Vec<String> {
    let text =
        std::fs::read_to_string(dir().join("flask_layer/known_failures.txt")).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.split(" — ").next().unwrap_or(line).trim().to_string())
        .collect()
}

#[test]
fn transcripts_match_real_flask() {
    let scenarios = dir().join("scenarios");
    let mut names: Vec<String> = std::fs::read_dir(&scenarios)
        .expect("tests/scenarios is part of the repository")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().to_string())
        .filter_map(|file| file.strip_suffix(".expected.json").map(str::to_string))
        .collect();
    names.sort();
    assert!(names.len() >= 60, "only {} scenarios found", names.len());
    let known = known_failures();
    let only = std::env::var("FIDELITY_ONLY").ok();
    let (mut passed, mut failed, mut identical) = (0, 0, 0);
    let mut unexpected = Vec::new();
    let mut now_passing = Vec::new();
    for name in &names {
        if only.as_deref().is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let source = std::fs::read_to_string(scenarios.join(format!("{name}.json"))).unwrap();
        let expected: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(scenarios.join(format!("{name}.expected.json"))).unwrap(),
        )
        .unwrap();
        let differences = match parse_scenario(&source) {
            Ok(scenario) => {
                let transcript = run_scenario(&scenario);
                let text = session_playground::scenario::pretty::transcript_text(&transcript);
                if std::fs::read_to_string(scenarios.join(format!("{name}.expected.json")))
                    .ok()
                    .as_deref()
                    == Some(text.as_str())
                {
                    identical += 1;
                }
                let actual = serde_json::to_value(&transcript).unwrap();
                compare(&expected, &actual)
            }
            Err(error) => vec![format!("scenario rejected: {error}")],
        };
        if differences.is_empty() {
            passed += 1;
            if known.contains(name) {
                now_passing.push(name.clone());
            }
        } else {
            failed += 1;
            if !known.contains(name) {
                unexpected.push(format!("{name}:\n  {}", differences.join("\n  ")));
            }
        }
    }
    println!("fidelity: {passed} passed, {failed} failed");
    println!(
        "byte-identical to the oracle's files: {identical} of {}",
        passed + failed
    );
    if !now_passing.is_empty() {
        println!(
            "listed in known_failures.txt but passing now: {}",
            now_passing.join(", ")
        );
    }
    assert!(
        unexpected.is_empty(),
        "{} unexpected failures:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
}

#[test]
fn malformed_scenarios_exit_2_with_one_line() {
    let malformed = dir().join("scenarios/malformed");
    let mut count = 0;
    for entry in std::fs::read_dir(&malformed).expect("tests/scenarios/malformed exists") {
        let path = entry.unwrap().path();
        let source = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let outcome = run_cli("scenario.json", &source);
        assert_eq!(outcome.exit_code, 2, "{} was accepted", path.display());
        assert_eq!(
            outcome.stderr.lines().count(),
            1,
            "{}: {}",
            path.display(),
            outcome.stderr
        );
        count += 1;
    }
    assert!(count >= 20, "only {count} malformed files");
}
