#!/usr/bin/env bash
# Issue 3: the gzipped wasm the Python layer adds to the page. Builds two small wasm modules the
# way trunk builds the page (release profile, wasm-bindgen, wasm-opt -Oz from npm's binaryen):
# the Python layer alone (bench/wasm_size/python_layer.rs) and a baseline with the same export
# and nothing else (bench/wasm_size/baseline.rs); the layer's weight is the difference.
#
#     bench/wasm-size.sh            # from the repository root, after scripts/setup
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
target="${CARGO_TARGET_DIR:-target}"
out="$target/wasm-size"
rm -rf "$out" && mkdir -p "$out"
for example in wasm_size_baseline wasm_size_python_layer; do
    cargo build --quiet --release --target wasm32-unknown-unknown --example "$example"
    wasm-bindgen --target web --out-dir "$out/$example" "$target/wasm32-unknown-unknown/release/examples/$example.wasm"
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
        "$out/$example/${example}_bg.wasm" -o "$out/$example/opt.wasm"
    size=$(gzip -9 -c "$out/$example/opt.wasm" | wc -c)
    echo "$example $size"
done | tee "$out/sizes.txt"
awk '{ size[$1] = $2 } END {
    printf "wasm-size: baseline %.1f kB, Python layer alone %.1f kB, the layer adds %.1f kB gzipped\n",
        size["wasm_size_baseline"] / 1000, size["wasm_size_python_layer"] / 1000,
        (size["wasm_size_python_layer"] - size["wasm_size_baseline"]) / 1000 }' "$out/sizes.txt"
