#!/bin/sh
# Re-generate every expected transcript (and the primitive fixtures) from REAL Flask.
#
#     tests/oracle/regenerate.sh
#
# Creates tests/oracle/.venv from requirements.txt when it is missing, then writes
# tests/scenarios/<name>.expected.json for every tests/scenarios/<name>.json and
# tests/oracle/primitives/*.json.  PYTHONHASHSEED is fixed so that re-running gives
# byte-identical files (Werkzeug builds the Allow header from a set).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
scenarios="$here/../scenarios"
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet -r "$here/requirements.txt"
fi
export PYTHONHASHSEED=0
count=0
for scenario in "$scenarios"/*.json; do
    case "$scenario" in *.expected.json) continue ;; esac
    out="${scenario%.json}.expected.json"
    "$venv/bin/python" "$here/oracle.py" "$scenario" -o "$out"
    count=$((count + 1))
done
echo "regenerated $count transcripts"
# Every file in scenarios/malformed must be rejected: exit 2, exactly one line on stderr.
for scenario in "$scenarios"/malformed/*.json; do
    status=0
    lines=$("$venv/bin/python" "$here/oracle.py" "$scenario" 2>&1 >/dev/null | wc -l) || true
    "$venv/bin/python" "$here/oracle.py" "$scenario" >/dev/null 2>&1 || status=$?
    if [ "$status" -ne 2 ] || [ "$lines" -ne 1 ]; then
        echo "malformed scenario not rejected properly: $scenario (exit $status, $lines lines)" >&2
        exit 1
    fi
done
if [ -f "$here/gen_primitives.py" ]; then
    "$venv/bin/python" "$here/gen_primitives.py" "$here/primitives"
fi
"$venv/bin/python" "$here/gen_server_log.py" "$here/primitives"
