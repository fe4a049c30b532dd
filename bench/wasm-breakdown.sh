#!/usr/bin/env bash
# Where the page's wasm weight goes, by crate and by module of ours: the release build's wasm
# (after a `trunk build --release`) is run through wasm-bindgen and wasm-opt as trunk does (the
# level and parameters of index.html's rust link), but keeping the function names, then
# bench/wasm_breakdown.py sums each group's function bodies and deflates them together. The
# groups' figures add up to about the code section's gzipped size; they are shares, not exact
# marginal costs (deflate shares history across groups).
#
#     bench/wasm-breakdown.sh [GROUP]   # from the repository root; GROUP lists its largest items
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
target="${CARGO_TARGET_DIR:-target}"
out="$target/wasm-breakdown"
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --keep-debug --out-dir "$out" \
    "$target/wasm32-unknown-unknown/release/session-playground.wasm"
wasm-opt -Oz --low-memory-unused -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals "$out/session-playground_bg.wasm" -o "$out/named.wasm"
python3 bench/wasm_breakdown.py "$out/named.wasm" "$@"
