#!/usr/bin/env bash
# Issues 3 and 5: native figures against CPython, measured in one run and reported as ratios.
#
#     bench/run.sh            # from the repository root
#
# Needs the [[test]] entries `bench_handler` (bench/handler.rs), `bench_flask_requests`
# (bench/flask_requests.rs) and `history` (bench/history.rs: the page's state, no CPython
# side), python3 (3.11) and, for issue 5, a venv with Flask 3.1.3 at
# tests/oracle/.venv (created here from tests/oracle/requirements.txt when missing; set
# ORACLE_VENV to use another). The release profile is the shipped one (opt-level "z", LTO);
# CARGO_PROFILE_RELEASE_OPT_LEVEL=3 bench/run.sh measures a speed-optimised build instead.
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${ORACLE_VENV:-tests/oracle/.venv}"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet -r tests/oracle/requirements.txt
fi

echo "== building (release)"
cargo test --release --test bench_handler --test bench_flask_requests --test history --no-run 2>&1 | tail -n 1

out="$(mktemp)"
trap 'rm -f "$out"' EXIT
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== issue 3: handler body x 100,000 (ns per execution, fastest of 5 rounds)"
PLAYGROUND_BENCH=1 cargo test --release --quiet --test bench_handler -- --nocapture 2>/dev/null \
    | grep '^BENCH' | sed 's/^BENCH /rust /' | tee -a "$out"
python3 bench/handler.py | sed 's/^BENCH /cpython /' | tee -a "$out"
echo "== issue 5: seed /count app x 10,000 requests (us per request, fastest of 3 rounds)"
PLAYGROUND_BENCH=1 cargo test --release --quiet --test bench_flask_requests -- --nocapture 2>/dev/null \
    | grep '^BENCH' | sed 's/^BENCH /rust /' | tee -a "$out"
"$venv/bin/python" bench/flask_requests.py | sed 's/^BENCH /cpython /' | tee -a "$out"
echo "== issues 14 and 21: the page's reduce, Enter and rewind to entry 1, on 1,000 entries (us, median)"
PLAYGROUND_BENCH=1 cargo test --release --quiet --test history -- --nocapture 2>/dev/null | grep '^BENCH'
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$out" <<'PY'
import sys
figures = {}
for line in open(sys.argv[1]):
    side, name, value = line.split()
    figures[(side, name)] = value
def ratio(name, target, faster_is_ours):
    ours, theirs = float(figures[("rust", name)]), float(figures[("cpython", name)])
    if faster_is_ours:
        print(f"{name}: ours {ours} vs CPython {theirs} -> {theirs / ours:.2f}x faster ({target})")
    else:
        print(f"{name}: ours {ours} vs CPython {theirs} -> {ours / theirs:.2f}x CPython's time ({target})")
print("== ratios")
ratio("handler_host_call_ns", "target <= 3x", False)
ratio("handler_python_loop_ns", "target <= 3x", False)
ratio("flask_request_us", "target >= 10x faster", True)
PY
