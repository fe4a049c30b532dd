#!/bin/sh
# Sets up the anchor of issue 21's benchmark: real Flask 3.1.3 in Pyodide.
#
#     bench/pyodide/setup.sh
#
# Downloads, once, into bench/pyodide/.cache/ (git ignores it; nothing here is committed):
#   - npm's `pyodide` package (the interpreter, its standard library and loader), unpacked;
#   - the pure-Python wheels Flask 3.1.3 needs, at the versions the oracle venv pins
#     (tests/oracle/requirements.txt), from PyPI;
#   - MarkupSafe's source distribution, made into a pure-Python wheel without its C speedups
#     (MarkupSafe publishes no pure wheel; `make_pure_wheel.py` packs its Python files only, and
#     markupsafe then uses its Python implementation, as it does wherever the speedups are missing).
# Nothing else is downloaded. Re-running it skips what is already there.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cache="$here/.cache"
pyodide_version=314.0.8
mkdir -p "$cache/wheels"

pin() {
    # The version tests/oracle/requirements.txt pins for package $1.
    sed -n "s/^$1==//p" "$root/tests/oracle/requirements.txt"
}

if [ ! -f "$cache/pyodide/pyodide.mjs" ]; then
    (cd "$cache" && npm pack --silent "pyodide@$pyodide_version" >/dev/null)
    mkdir -p "$cache/pyodide"
    tar xzf "$cache/pyodide-$pyodide_version.tgz" -C "$cache/pyodide" --strip-components=1
    rm "$cache/pyodide-$pyodide_version.tgz"
fi

for package in Flask Werkzeug Jinja2 itsdangerous click blinker; do
    version=$(pin "$package")
    if ! ls "$cache/wheels/" | grep -qi "^${package}-${version}-py3-none-any.whl$"; then
        python3 -m pip download --quiet --no-deps --only-binary :all: \
            --dest "$cache/wheels" "$package==$version"
    fi
done

markupsafe=$(pin MarkupSafe)
if ! ls "$cache/wheels/" | grep -qi "^markupsafe-${markupsafe}-py3-none-any.whl$"; then
    mkdir -p "$cache/sdist"
    python3 -m pip download --quiet --no-deps --no-binary :all: \
        --dest "$cache/sdist" "MarkupSafe==$markupsafe"
    python3 "$here/make_pure_wheel.py" "$cache/sdist/markupsafe-$markupsafe.tar.gz" "$cache/wheels"
fi
ls "$cache/wheels"
