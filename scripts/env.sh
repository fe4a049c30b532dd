# Sourced by the scripts: keeps trunk offline by putting the machine's tools first on PATH
# (npm's binaryen wasm-opt; Debian's binaryen 108 breaks this toolchain's wasm).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
