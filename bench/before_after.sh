#!/usr/bin/env bash
# Issue 14: bench/run.sh's native figures (issue 3's handler body, issue 5's /count requests) for
# an earlier commit and for HEAD, measured in one run, alternating, so both see the same machine.
#
#     bench/before_after.sh BEFORE_COMMIT [ROUNDS]     # from the repository root; ROUNDS=3
#
# BEFORE_COMMIT and HEAD are built in temporary git worktrees (removed at the end). Set CARGO_TARGET_DIR
# to share one target directory between the two builds (the dependencies are then built once);
# the test binaries are copied out after each build, since both builds write the same names.
# Each figure is the bench's own (fastest of 5 or 3 rounds inside the binary); the summary gives
# the fastest of ROUNDS for each side and the ratio HEAD / BEFORE (below 1: HEAD is faster).
set -euo pipefail
cd "$(dirname "$0")/.."

before="${1:?usage: bench/before_after.sh BEFORE_COMMIT [ROUNDS]}"
rounds="${2:-3}"
before_id="$(git rev-parse --short "$before")"
head_id="$(git rev-parse --short HEAD)"

work="$(mktemp -d)"
# Both sides are built from commits in worktrees whose paths have the same length: a binary
# carries its source paths (panic locations), and a build in the checkout against one in a
# worktree measured up to 7 % apart for the same source (BENCHMARKS, "Issue 14 measured whole,
# session 11"). HEAD is the last commit: commit what you want measured.
tree="$work/b"
head_tree="$work/h"
git worktree add --quiet --detach "$tree" "$before"
git worktree add --quiet --detach "$head_tree" HEAD
trap 'git worktree remove --force "$tree"; git worktree remove --force "$head_tree"; rm -rf "$work"' EXIT

# Builds the two bench binaries in directory $1 (release, the shipped profile) and copies them to
# $work/$2-<name>.
build() {
    echo "== building $2 (release) in $1"
    # With a shared target directory, cargo would take the other tree's build as fresh (its
    # fingerprint and its build script's output follow file times, not the tree): new times force
    # this tree's build.
    touch "$1/src/lib.rs" "$1/build.rs"
    (cd "$1" && cargo test --release --locked --test bench_handler --test bench_flask_requests \
        --no-run --message-format=json) 2>/dev/null \
        | python3 -c '
import json, sys
for line in sys.stdin:
    item = json.loads(line)
    if item.get("reason") == "compiler-artifact" and item.get("executable"):
        print(item["target"]["name"], item["executable"])
' | while read -r name executable; do cp "$executable" "$work/$2-$name"; done
    for name in bench_handler bench_flask_requests; do
        [ -x "$work/$2-$name" ] || { echo "no $name binary for $2" >&2; exit 1; }
    done
}
build "$tree" before
build "$head_tree" head

out="$work/figures"
echo "== before: $before_id, head: $head_id, $rounds rounds alternating"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
    for side in before head; do
        for name in bench_handler bench_flask_requests; do
            PLAYGROUND_BENCH=1 "$work/$side-$name" --nocapture 2>/dev/null | grep '^BENCH' \
                | sed "s/^BENCH /$round $side /" | tee -a "$out"
        done
    done
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$out" "$before_id" "$head_id" <<'PY'
import sys
path, before_id, head_id = sys.argv[1:]
best = {}
for line in open(path):
    _, side, name, value = line.split()
    key = (side, name)
    best[key] = min(best.get(key, float("inf")), float(value))
print(f"== fastest of the rounds (before {before_id}, head {head_id})")
for name in sorted({name for _, name in best}):
    old, new = best[("before", name)], best[("head", name)]
    print(f"{name}: before {old} head {new} -> head/before {new / old:.2f}")
PY
