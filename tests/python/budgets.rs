//! The playground's own limits, through the real binary (the only build that counts its heap,
//! see `python::heap`): a runaway program ends with a Python error in a bounded time and the
//! process keeps running — for `py` and, inside a handler, for `run` (exit 0, the error in the
//! transcript, as the scenario contract says). These are our limits, not CPython's (CPython
//! would compute `7 ** 10 ** 7` given time and grow the list until the machine runs out), so the
//! expectations here are written from the limits' definitions in `python::interp`.

use std::process::Command;
use std::time::{Duration, Instant};

fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_session-playground"))
}

/// Runs `session-playground py` on `source`; gives (exit status, stdout, stderr, wall time).
fn py(source: &str) -> (i32, String, String, Duration) {
    let dir = std::env::temp_dir().join(format!("budgets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("p{}.py", source.len()));
    std::fs::write(&file, source).unwrap();
    let start = Instant::now();
    let out = binary().arg("py").arg(&file).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        start.elapsed(),
    )
}

const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn growing_the_heap_without_end_raises_memory_error() {
    // Each element is a fresh 1,000-element list: little copying, a lot of live memory.
    let (status, out, err, took) = py(
        "keep = []\ntry:\n    while True:\n        keep.append([0] * 1000)\nexcept MemoryError:\n    n = len(keep)\n    keep = None\n    print('MemoryError after', 'many' if n > 1000 else n, 'lists')\nprint('still running')\n",
    );
    assert_eq!((status, err.as_str()), (0, ""), "{out}");
    assert_eq!(out, "MemoryError after many lists\nstill running\n");
    assert!(took < LIMIT, "took {took:?}");
}

#[test]
fn big_copies_kept_in_a_loop_end_in_memory_error() {
    let (status, _, err, took) =
        py("chunks = []\nfor i in range(1000):\n    chunks.append('x' * (15 * 1024 * 1024))\n");
    assert_eq!(status, 1);
    assert!(err.ends_with("MemoryError\n"), "{err}");
    assert!(took < LIMIT, "took {took:?}");
}

#[test]
fn huge_arithmetic_stops_at_once_and_ordinary_big_numbers_still_work() {
    for source in [
        "x = 7 ** (10 ** 7)\n",
        "x = 3 ** (2 ** 26)\n",
        "x = pow(7, 10 ** 7)\n",
        "import math\nx = math.factorial(200000)\n",
    ] {
        let (status, _, err, took) = py(source);
        assert_eq!(status, 1, "{source}");
        assert!(
            err.ends_with(&format!(
                "StepLimitExceeded: stopped after 1,000,000 steps: the big-number arithmetic at line {} is too much work for the playground\n",
                source.lines().count()
            )),
            "{source}: {err}"
        );
        assert!(took < Duration::from_secs(2), "{source} took {took:?}");
    }
    // Factorials and thousand-digit powers are what programs really do: no charge worth noting.
    let (status, out, err, _) = py(
        "n = 1\nfor i in range(1, 3000):\n    n *= i\nprint(n % 1000003)\nprint(len(str(7 ** 4000)))\n",
    );
    assert_eq!((status, err.as_str()), (0, ""));
    assert_eq!(out.lines().count(), 2);
}

#[test]
fn a_runaway_handler_is_a_500_in_the_transcript() {
    let dir = std::env::temp_dir().join(format!("budgets-run-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let code = "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/grow')\ndef grow():\n    keep = []\n    while True:\n        keep.append([0] * 1000)\n\n@app.route('/pow')\ndef power():\n    return str(7 ** (10 ** 7))\n\n@app.route('/body')\ndef body():\n    def chunks():\n        for i in range(52000):\n            yield 'y' * 1000\n    return app.response_class(chunks())\n\n@app.route('/ok')\ndef ok():\n    return 'fine'\n";
    let scenario = serde_json::json!({
        "version": 1,
        "code": code,
        "steps": [{"request": "GET /grow"}, {"request": "GET /pow"}, {"request": "GET /body"}, {"request": "GET /ok"}],
    });
    let file = dir.join("scenario.json");
    std::fs::write(&file, scenario.to_string()).unwrap();
    let start = Instant::now();
    let out = binary().arg("run").arg(&file).output().unwrap();
    assert!(start.elapsed() < LIMIT);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let transcript: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let statuses: Vec<_> = transcript["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["status"].as_u64(), s["error"]["type"].as_str()))
        .collect();
    assert_eq!(
        statuses,
        [
            (Some(500), Some("MemoryError")),
            (Some(500), Some("StepLimitExceeded")),
            (Some(500), Some("MemoryError")),
            (Some(200), None)
        ],
        "{transcript}"
    );
}

/// The CLI's wall-clock limit (`--time-limit`, `python::interrupt`): a scenario of many
/// full-budget requests would run for tens of seconds; with a 2 s limit the request running
/// then ends with the limit's error in the transcript, the later ones are not run, and the
/// exit status is 0 as for any handler error.
#[test]
fn the_time_limit_ends_a_long_run_with_the_error_in_the_transcript() {
    let dir = std::env::temp_dir().join(format!("budgets-time-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let code = "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/')\ndef spin():\n    n = 0\n    while True: n += 1\n";
    let steps: Vec<_> = (0..200)
        .map(|_| serde_json::json!({"request": "GET /"}))
        .collect();
    let scenario = serde_json::json!({"version": 1, "code": code, "steps": steps});
    let file = dir.join("scenario.json");
    std::fs::write(&file, scenario.to_string()).unwrap();
    let start = Instant::now();
    let out = binary()
        .args(["--time-limit", "2", "run"])
        .arg(&file)
        .output()
        .unwrap();
    let took = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(took < Duration::from_secs(10), "took {took:?}");
    let transcript: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let records = transcript["steps"].as_array().unwrap();
    assert!(records.len() < 200, "{} steps ran", records.len());
    let last = &records[records.len() - 1]["error"];
    assert_eq!(last["type"], "StepLimitExceeded", "{last}");
    assert_eq!(
        last["message"],
        "stopped after 2 s: the time limit of the command line (--time-limit) passed at line 7"
    );
    assert_eq!(
        stderr,
        format!(
            "session-playground: {}: stopped at the time limit (2 s) after {} of 200 steps; the last one's error is in the transcript\n",
            file.display(),
            records.len()
        )
    );
    // `py`: the traceback, exit 1, as for any uncaught error. Each count scans 10 MB natively
    // (milliseconds, a few steps), so the program stays far inside the step budget on any
    // machine. (Loops on one line: the line named is the
    // same wherever the limit falls.)
    let (status, _, err, took) = py_with(
        &["--time-limit", "1"],
        "text = 'ab' * 5000000\nfor i in range(10000000): text.count('ba')\n",
    );
    assert_eq!(status, 1, "{err}");
    assert!(
        err.ends_with(
            "StepLimitExceeded: stopped after 1 s: the time limit of the command line (--time-limit) passed at line 2\n"
        ),
        "{err}"
    );
    assert!(took < Duration::from_secs(8), "took {took:?}");
    // 0 turns the limit off; a bad value is a usage error.
    let (status, out, _, _) = py_with(&["--time-limit=0"], "print('no limit')\n");
    assert_eq!((status, out.as_str()), (0, "no limit\n"));
    let (status, _, err, _) = py_with(&["--time-limit", "soon"], "print(1)\n");
    assert_eq!(status, 2);
    assert!(err.contains("--time-limit"), "{err}");
}

/// [`py`] with options before the command.
fn py_with(options: &[&str], source: &str) -> (i32, String, String, Duration) {
    let dir = std::env::temp_dir().join(format!("budgets-opt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("p{}.py", source.len()));
    std::fs::write(&file, source).unwrap();
    let start = Instant::now();
    let out = binary()
        .args(options)
        .arg("py")
        .arg(&file)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        start.elapsed(),
    )
}
