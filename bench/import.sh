#!/usr/bin/env bash
# Bulk-import benchmark: writes a generated import document, starts Parley on a fresh database, and times
# POST /api/v1/import three times: the first import (everything created), the same document again (nothing
# changes), and a dry run of it. Prints records/s, Parley's peak RSS so far (VmHWM) and the CPU each import took
# (Parley's JIT compilers, its collector, the rest of it, and PostgreSQL's processes); then the change feed read
# from the start (changes/s).
#
#   bench/import.sh h2 [STATEMENTS]      # default 100000; fresh H2 file database under /tmp/bench-import
#   bench/import.sh pg [STATEMENTS]      # fresh PostgreSQL database parley_import
#
# Parley is the packaged jar of the target ($PARLEY_JAR or /tmp/parley-<target>/quarkus-run.jar, see README),
# started with PARLEY_JAVA_OPTS (default here: the JVM's own default heap, as `java -jar` runs it). WARMUP=N imports
# another document of N statements first, untimed in the comparison (a warmed-up JVM).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${1:?usage: import.sh h2|pg [STATEMENTS]}"
statements="${2:-100000}"
H2_DB="${H2_DB:-/tmp/bench-import/parley}"
PG_DB="${PG_DB:-parley_import}"
PARLEY_JAVA_OPTS="${PARLEY_JAVA_OPTS:- }"
. "$here/lib.sh"

doc="$(import_document "$statements")"
start_fresh "$target" "/tmp/bench-import-$target-$BENCH_PORT.log"
records=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(len(v) for v in d.values()))" "$doc")
url="http://127.0.0.1:$BENCH_PORT/api/v1/import"
result="/tmp/bench-import-result-$BENCH_PORT.json"

post() { # post LABEL [QUERY]: one import, timed; prints the result's counts
    local label="$1" query="${2:-}" t0 code cpu0
    cpu0=$(cpu_sample "$PARLEY_PID")
    t0=$(now)
    code=$(curl -s -o "$result" -w '%{http_code}' -u "editor:${PARLEY_EDITOR_PASSWORD:-bench}" \
        -H 'Content-Type: application/json' --data-binary "@$doc" "$url$query")
    local took; took=$(elapsed "$t0")
    [[ "$code" == 200 ]] || { echo "$label: HTTP $code" >&2; head -c 2000 "$result" >&2; exit 1; }
    awk -v l="$label" -v t="$took" -v s="$statements" -v r="$records" \
        -v rss="$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$PARLEY_PID/status")" \
        'BEGIN { printf "%-22s %7.1f s  %8.0f statements/s  %8.0f records/s  peak RSS %5d MB\n", l, t, s / t, r / t, rss }'
    python3 -c "import json; d=json.load(open('$result')); \
print('    ' + ', '.join(f'{k} {v}' for k, v in d.items()))"
    # where the cores went: on 2 cores the sum can't pass twice the wall time
    echo "$cpu0 $(cpu_sample "$PARLEY_PID")" | awk -v t="$took" -v n="$(nproc)" -v target="$target" '{
        printf "    CPU s: JIT compilers %.1f, collector %.1f, the rest of Parley %.1f", $5 - $1, $6 - $2, $7 - $3
        if (target == "pg") printf ", PostgreSQL %.1f", $8 - $4
        printf " (%d cores x %.1f s = %.1f)\n", n, t, n * t }'
}

echo "document: $doc ($statements statements, $records records, $(du -h "$doc" | cut -f1)), target $target"
if [[ -n "${WARMUP:-}" ]]; then
    # a warmed-up server: first another document of WARMUP statements (other keys, seed 8), so that the JIT has
    # compiled the import's code before the timed imports, as in a server that has been running
    main_doc="$doc" main_statements="$statements" main_records="$records" statements="$WARMUP"
    doc="/tmp/bench-import-$WARMUP-seed8.json"
    [[ -f "$doc" ]] || python3 "$here/import_doc.py" --statements "$WARMUP" --seed 8 --out "$doc" >&2
    records=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(len(v) for v in d.values()))" "$doc")
    post "warm-up (other keys)"
    doc="$main_doc" statements="$main_statements" records="$main_records"
fi
post "import (all created)"
post "same document again"
post "dry run" "?dryRun=true"

t0=$(now)
changes=$(python3 - "$BENCH_PORT" <<'PY'
import json, sys, urllib.request
port, cursor, total = sys.argv[1], None, 0
while True:
    url = f"http://127.0.0.1:{port}/api/v1/changes?size=1000" + (f"&cursor={cursor}" if cursor else "")
    page = json.load(urllib.request.urlopen(url))
    total += len(page["items"])
    cursor = page["nextCursor"]
    if not page["more"]:
        break
print(total)
PY
)
took=$(elapsed "$t0")
awk -v c="$changes" -v t="$took" 'BEGIN { printf "%-22s %7.1f s  %8d changes  %8.0f changes/s\n", "change feed from start", t, c, c / t }'
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load before/after in uptime: $(uptime | sed 's/.*load average: //')"
