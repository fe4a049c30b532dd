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

# What the oracle says about each malformed scenario (one line on stderr, the file name first):
# the simulated side must say the same (fidelity.rs, malformed_messages_match_the_oracle).
{
    printf '{\n'
    first=1
    for scenario in "$here"/../scenarios/malformed/*.json; do
        name=$(basename "$scenario")
        message=$(cd "$(dirname "$scenario")" && "$oracle/.venv/bin/python" "$oracle/oracle.py" "$name" 2>&1 >/dev/null || true)
        [ $first = 1 ] || printf ',\n'
        first=0
        printf '  %s: %s' "$("$oracle/.venv/bin/python" -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$name")" \
            "$("$oracle/.venv/bin/python" -c 'import json,sys; print(json.dumps(sys.argv[1], ensure_ascii=False))' "$message")"
    done
    printf '\n}\n'
} > "$here/malformed_messages.json"
echo "wrote the oracle's message for each malformed scenario"
