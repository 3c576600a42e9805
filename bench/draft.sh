#!/usr/bin/env bash
# Drafting benchmark (issue 19): starts Parley on an empty database, imports 300 made-up ministers and presidents of
# 30 countries (beside the seed's participants, which Parley imports at first start), then times
# POST /api/v1/drafts on a 5 KB wire report in French and its English twin, one client, requests in sequence.
#
#   bench/draft.sh h2      # fresh H2 file database in a temporary folder, removed at the end
#   bench/draft.sh pg      # fresh PostgreSQL database parley_bench_draft, dropped at the end
#
# Settings (environment): DRAFT_REQUESTS timed requests per report (500), DRAFT_WARMUP warm-up requests (at least
# 200) and DRAFT_WARMUP_SECONDS (at least 20 s: the warm-up goes on until both are reached), DRAFT_PARTICIPANTS (300),
# and those of lib.sh (BENCH_PORT, PARLEY_JAR, PARLEY_JAVA_OPTS, PG_*).
# Prints median, p90, p99, max and req/s per language and whether the median is within the issue's target of 20 ms
# (printed, not gated); exits non-zero if any request did not answer 200.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${1:?usage: draft.sh h2|pg}"
[[ "$target" == h2 || "$target" == pg ]] || { echo "usage: draft.sh h2|pg" >&2; exit 2; }
requests="${DRAFT_REQUESTS:-500}"
warmup="${DRAFT_WARMUP:-200}"
warmup_seconds="${DRAFT_WARMUP_SECONDS:-20}"
count="${DRAFT_PARTICIPANTS:-300}"
workdir="$(mktemp -d /tmp/bench-draft.XXXXXX)"
H2_DB="$workdir/h2/parley"
PG_DB="${PG_DB:-parley_bench_draft}"
. "$here/lib.sh"

cleanup() {
    stop_parley
    if [[ "$target" == pg ]]; then
        psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -q -c "set client_min_messages = warning" \
            -c "drop database if exists $PG_DB" || true
    fi
    rm -rf "$workdir"
}
trap cleanup EXIT

if [[ "$target" == pg ]]; then
    psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -q -c "set client_min_messages = warning" \
        -c "drop database if exists $PG_DB" -c "create database $PG_DB"
fi
log="/tmp/bench-draft-$target-$BENCH_PORT.log"
t0=$(now)
start_parley "$target" "$log"
wait_ready || { tail -30 "$log" >&2; exit 1; }
echo "Parley ($(parley_jar "$target")) ready on $target in $(elapsed "$t0") s; log $log"

doc="$workdir/participants.json"
python3 "$here/draft_bench.py" participants --count "$count" --seed 19 --out "$doc" >/dev/null
code=$(curl -s -o "$workdir/import.json" -w '%{http_code}' -u "editor:${PARLEY_EDITOR_PASSWORD:-bench}" \
    -H 'Content-Type: application/json' --data-binary "@$doc" "http://127.0.0.1:$BENCH_PORT/api/v1/import")
[[ "$code" == 200 ]] || { echo "import: HTTP $code" >&2; head -c 2000 "$workdir/import.json" >&2; exit 1; }
stored=$(curl -s -o /dev/null -D - "http://127.0.0.1:$BENCH_PORT/api/v1/participants?size=1" \
    | awk 'tolower($1) == "x-total-count:" { print $2 + 0 }')
echo "imported $count generated participants: $(python3 -c "import json, sys; d = json.load(open(sys.argv[1])); \
print(', '.join(f'{k} {v}' for k, v in d.items()))" "$workdir/import.json"); participants stored: ${stored:-?}"

echo "machine: $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)," \
    "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
    "$(java -version 2>&1 | sed -n 1p); Parley heap $PARLEY_JAVA_OPTS"
echo "load average before: $(uptime | sed 's/.*load average: //')"
status=0
python3 "$here/draft_bench.py" run --port "$BENCH_PORT" --password "${PARLEY_EDITOR_PASSWORD:-bench}" \
    --warmup "$warmup" --warmup-seconds "$warmup_seconds" --requests "$requests" \
    --published-at 2023-03-14T17:40:00+05:00 --publisher ASP \
    "fr:$here/draft-report-fr.txt" "en:$here/draft-report-en.txt" || status=$?
echo "load average after: $(uptime | sed 's/.*load average: //')"
echo "busiest processes besides Parley (on a 2-core machine a concurrent build distorts every figure):"
ps -eo pid=,pcpu=,etime=,comm= --sort=-pcpu | awk -v p="${PARLEY_PID:-0}" '$1 != p && n++ < 3 { print "    " $0 }'
exit "$status"
