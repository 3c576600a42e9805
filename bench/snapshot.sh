#!/usr/bin/env bash
# Snapshot benchmark: imports the generated document of bench/import.sh into a fresh database, then times
# POST /api/v1/snapshots (every collection as NDJSON and CSV in one zip, in one consistent view) and the download of
# the archive. Prints seconds, statements/s, the archive's bytes against the data's, and Parley's peak RSS (VmHWM).
#
#   bench/snapshot.sh h2 [STATEMENTS]      # default 100000; fresh H2 file database under /tmp/bench-snapshot
#   bench/snapshot.sh pg [STATEMENTS]      # fresh PostgreSQL database parley_snapshot
#
# Parley is the packaged jar of the target ($PARLEY_JAR or /tmp/parley-<target>/quarkus-run.jar, see README).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${1:?usage: snapshot.sh h2|pg [STATEMENTS]}"
statements="${2:-100000}"
H2_DB="${H2_DB:-/tmp/bench-snapshot/parley}"
PG_DB="${PG_DB:-parley_snapshot}"
PARLEY_JAVA_OPTS="${PARLEY_JAVA_OPTS:- }"
export PARLEY_SNAPSHOT_DIRECTORY="${PARLEY_SNAPSHOT_DIRECTORY:-/tmp/bench-snapshot-files}"
. "$here/lib.sh"

doc="$(import_document "$statements")"
rm -rf "$PARLEY_SNAPSHOT_DIRECTORY"
start_fresh "$target" "/tmp/bench-snapshot-$target-$BENCH_PORT.log"
base="http://127.0.0.1:$BENCH_PORT/api/v1"
auth="editor:${PARLEY_EDITOR_PASSWORD:-bench}"
code=$(curl -s -o /dev/null -w '%{http_code}' -u "$auth" -H 'Content-Type: application/json' --data-binary "@$doc" \
    "$base/import")
[[ "$code" == 200 ]] || { echo "import: HTTP $code" >&2; exit 1; }
rss() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$PARLEY_PID/status"; }
echo "document: $doc ($statements statements) imported; peak RSS so far $(rss) MB"
for run in 1 2; do
    t0=$(now)
    made=$(curl -s -u "$auth" -H 'Content-Type: application/json' -d '{"reason": "benchmark"}' "$base/snapshots")
    took=$(elapsed "$t0")
    name=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['name'])" "$made")
    bytes=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['bytes'])" "$made")
    raw=$(python3 -c "import json,sys; print(sum(f['bytes'] for f in json.loads(sys.argv[1])['manifest']['files']))" "$made")
    awk -v r="$run" -v t="$took" -v s="$statements" -v b="$bytes" -v u="$raw" -v rss="$(rss)" 'BEGIN {
        printf "snapshot %d: %6.1f s  %8.0f statements/s  archive %.1f MB (files %.1f MB uncompressed)  peak RSS %d MB\n",
            r, t, s / t, b / 1048576, u / 1048576, rss }'
done
t0=$(now)
curl -s -o /tmp/bench-snapshot.zip "$base/snapshots/$name"
took=$(elapsed "$t0")
awk -v t="$took" -v b="$(stat -c %s /tmp/bench-snapshot.zip)" 'BEGIN {
    printf "download:   %6.1f s  %.1f MB/s\n", t, b / 1048576 / t }'
case "$target" in
    h2) echo "database file: $(du -m "$H2_DB.mv.db" | cut -f1) MB" ;;
    pg) echo "database: $(psql_bench -Atc "select pg_database_size('$PG_DB') / 1048576") MB" ;;
esac
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load: $(uptime | sed 's/.*load average: //')"
