#!/bin/sh
# Re-generate the expected transcripts of the flask layer's own scenarios from REAL Flask,
# with the project's oracle (tests/oracle/oracle.py and its pinned venv).
#
#     tests/flask_layer/regenerate.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
oracle="$here/../oracle"
if [ ! -x "$oracle/.venv/bin/python" ]; then
    python3 -m venv "$oracle/.venv"
    "$oracle/.venv/bin/pip" install --quiet -r "$oracle/requirements.txt"
fi
export PYTHONHASHSEED=0
count=0
for scenario in "$here"/scenarios/*.json; do
    case "$scenario" in *.expected.json) continue ;; esac
    "$oracle/.venv/bin/python" "$oracle/oracle.py" "$scenario" -o "${scenario%.json}.expected.json"
    count=$((count + 1))
done
echo "regenerated $count transcripts"
