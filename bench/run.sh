#!/usr/bin/env bash
# Benchmarks Parley on 127.0.0.1 with wrk and curl, then prints a summary table with the targets.
#
#   bench/run.sh [PORT]              # against a Parley already running on 127.0.0.1:PORT (default 18080)
#   bench/run.sh --start pg|h2       # start the jar itself (timing start-up to ready), benchmark, stop it
#   bench/run.sh --startup pg|h2     # only time start-up to ready, then stop
#   bench/run.sh --peer              # Q1-Q4 beside Directus and beside Parley's floor: bench/peer/compare.sh
#
# Environment: JIT_WARMUP (s, default 180: every query mixed, before any measurement, so that the JIT compiler is
# done; on 2 cores it competes with Parley for minutes), WARMUP (s per step, default 10), DURATION (s, default 30),
# THREADS (2), CONNECTIONS (32),
# BENCH_DATA (folder with generate.py's meta.json: id range, common topic and words; default /tmp/bench-csv-1),
# SKIP (space-separated steps to skip: q1 q2 q3 q4 q5 export), PARLEY_JAR (for --start), see lib.sh for the rest.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"

WARMUP="${WARMUP:-10}"
JIT_WARMUP="${JIT_WARMUP:-180}"
DURATION="${DURATION:-30}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
BENCH_DATA="${BENCH_DATA:-/tmp/bench-csv-1}"
SKIP=" ${SKIP:-} "
out="$(mktemp -d /tmp/bench-run-XXXX)"

mode=attach target=
case "${1:-}" in
    --peer) exec "$here/peer/compare.sh" ;;
    --start) mode=start; target="${2:?--start pg|h2}" ;;
    --startup) mode=startup; target="${2:?--startup pg|h2}" ;;
    "") ;;
    *) BENCH_PORT="$1" ;;
esac
base="http://127.0.0.1:$BENCH_PORT"

if ! command -v wrk >/dev/null && [[ "$mode" != startup ]]; then
    echo "installing wrk" >&2
    apt-get install -y wrk >/dev/null
fi

startup_s=
if [[ "$mode" != attach ]]; then
    t0=$(now)
    start_parley "$target" "$out/parley.log"
    trap stop_parley EXIT
    if ! wait_ready; then tail -30 "$out/parley.log" >&2; exit 1; fi
    startup_s=$(elapsed "$t0")
    echo "start-up to ready: $startup_s s ($(grep -o 'started in [0-9.]*s' "$out/parley.log" || true) by Quarkus)"
    if [[ "$mode" == startup ]]; then exit 0; fi
fi

# The server's pid, for its memory: the one we started, else whoever listens on the port.
pid="${PARLEY_PID:-}"
if [[ -z "$pid" ]]; then
    pid="$(ss -ltnpH "sport = :$BENCH_PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)"
fi

code="$(curl -s -o /dev/null -w '%{http_code}' "$base/q/health/ready" || true)"
[[ "$code" == 200 ]] || { echo "Parley is not ready on $base (HTTP $code)" >&2; exit 1; }

meta() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$BENCH_DATA/meta.json" "$1"; }
total() { curl -s -D - -o /dev/null "$base$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-total-count" {print $2}'; }
if [[ -f "$BENCH_DATA/meta.json" ]]; then
    id_min=$(meta event_id_min); id_max=$(meta event_id_max)
    topic=$(meta common_topic); words=$(meta common_words)
else
    echo "no $BENCH_DATA/meta.json: assuming generated ids from 1000001 and the default topic and words" >&2
    id_min=1000001; id_max=$(( 1000000 + $(total '/api/v1/events?size=1') - 1 ))
    topic=regional-security; words="securite cooperation"
fi
q4="/api/v1/statements?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$words")"
events_total=$(total '/api/v1/events?size=1')
statements_total=$(total '/api/v1/statements?size=1')
echo "Parley on $base (pid ${pid:-?}): $events_total events, $statements_total statements; wrk ${THREADS}t/${CONNECTIONS}c, JIT warm-up ${JIT_WARMUP}s, warm-up ${WARMUP}s, ${DURATION}s"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "load average before: $load_before (on $(nproc) cores; other busy processes skew every figure)"

if (( JIT_WARMUP > 0 )); then
    # Q1-Q4 and two event reads in turn: the code paths the steps below measure, compiled before they are measured
    mix="$out/mix.lua"
    cat >"$mix" <<LUA
local paths = {"/api/v1/events?country=RU&from=2020-01-01&to=2020-12-31", "/api/v1/events/$id_min",
  "/api/v1/statements?country=CN&topic=$topic", "$q4", "/api/v1/events/$id_max", "/api/v1/events?cursor=*&size=20"}
local i = 0
function request() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end
LUA
    echo "JIT warm-up: ${JIT_WARMUP}s of all queries mixed"
    wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 10s -s "$mix" -d"${JIT_WARMUP}s" "$base" | awk '/^Requests\/sec/ {print "  " $0}'
fi

# wrk's latencies (850.00us, 12.34ms, 1.02s, 2.00m) in ms
to_ms() { awk '{ v=$1; u=v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
    f = (u=="us") ? 0.001 : (u=="ms") ? 1 : (u=="s") ? 1000 : (u=="m") ? 60000 : 1; printf "%.2f", v*f }'; }

# bench NAME PATH [THREADS CONNECTIONS [LUA]]: warm-up, then the measured run; sets R_RPS R_P50 R_P99 R_ERR
bench() {
    local name="$1" path="$2" t="${3:-$THREADS}" c="${4:-$CONNECTIONS}" lua="${5:-}" f="$out/$1.txt"
    local args=(-t"$t" -c"$c" --latency --timeout 10s)
    [[ -n "$lua" ]] && args+=(-s "$lua")
    local code tries=0
    # settle: queries of the previous step may still hold database connections after wrk gave up on them
    until code="$(curl -s -o /dev/null --max-time 60 -w '%{http_code}' "$base$path")"; [[ "$code" == 200 ]] || (( ++tries > 20 )); do
        sleep 3
    done
    [[ "$code" == 200 ]] || echo "  WARNING: $name $path answers HTTP $code" >&2
    R_ONE=$(curl -s -o /dev/null --max-time 60 -w '%{time_total}' "$base$path" | awk '{printf "%.1f", $1 * 1000}')
    echo "  one request alone: $R_ONE ms" >&2
    (( WARMUP > 0 )) && wrk "${args[@]}" -d"${WARMUP}s" "$base$path" >/dev/null
    wrk "${args[@]}" -d"${DURATION}s" "$base$path" >"$f"
    R_RPS=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$f")
    R_P50=$(awk '$1=="50%" {print $2}' "$f" | to_ms)
    R_P99=$(awk '$1=="99%" {print $2}' "$f" | to_ms)
    if [[ "${R_RPS:-0}" == 0 ]]; then R_P50="none"; R_P99="none"; fi   # no request finished in time
    R_ERR=$(awk '/Non-2xx/ {n+=$NF} /Socket errors/ {gsub(/,/, ""); n+=$4+$6+$8+$10} END {print n+0}' "$f")
    printf '  %-34s %8s req/s  p50 %8s ms  p99 %8s ms  errors %s\n' "$name ($t t, $c c)" "$R_RPS" "$R_P50" "$R_P99" "$R_ERR"
}

declare -A RES
row() { RES[$1]="$2"; }
skip() { [[ "$SKIP" == *" $1 "* ]]; }

q1="/api/v1/events?country=RU&from=2020-01-01&to=2020-12-31"
if ! skip q1; then
    echo "Q1 $q1 (total $(total "$q1"))"
    bench q1 "$q1"; Q1_RPS=$R_RPS Q1_P50=$R_P50 Q1_P99=$R_P99 Q1_ERR=$R_ERR
fi
if ! skip q2; then
    lua="$out/random-event.lua"
    cat >"$lua" <<EOF
local counter = 0
function setup(thread) counter = counter + 1; thread:set("n", counter) end
function init(args) math.randomseed(os.time() * 100 + n) end
function request() return wrk.format("GET", "/api/v1/events/" .. math.random($id_min, $id_max)) end
EOF
    echo "Q2 /api/v1/events/{random id in $id_min..$id_max}"
    bench q2 "/api/v1/events/$id_min" "$THREADS" "$CONNECTIONS" "$lua"; Q2_RPS=$R_RPS Q2_P50=$R_P50 Q2_P99=$R_P99 Q2_ERR=$R_ERR
fi
q3="/api/v1/statements?country=CN&topic=$topic"
if ! skip q3; then
    echo "Q3 $q3 (total $(total "$q3"))"
    bench q3 "$q3"; Q3_RPS=$R_RPS Q3_P50=$R_P50 Q3_P99=$R_P99 Q3_ERR=$R_ERR
fi
if ! skip q4; then
    echo "Q4 $q4 (total $(total "$q4"))"
    bench q4-1c "$q4" 1 1; Q4A_RPS=$R_RPS Q4A_P50=$R_P50 Q4A_P99=$R_P99 Q4A_ERR=$R_ERR
    bench q4 "$q4"; Q4_RPS=$R_RPS Q4_P50=$R_P50 Q4_P99=$R_P99 Q4_ERR=$R_ERR
fi
if ! skip q5; then
    depth=50000
    echo "Q5 walking /api/v1/events by cursor to $depth rows deep (size=500, fields=id)"
    t0=$(now)
    cursor='*' rows=0
    while (( rows < depth )); do
        enc=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$cursor")
        read -r n next < <(curl -sf "$base/api/v1/events?cursor=$enc&size=500&fields=id" |
            python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["items"]), d.get("nextCursor") or "")')
        rows=$((rows + n))
        # fewer rows than the depth (small scale): keep the last cursor that still has a page
        [[ -n "$next" && "$n" -gt 0 ]] || { echo "  walk ended at $rows rows: benchmarking the last page" >&2; break; }
        cursor="$next"
    done
    walk_s=$(elapsed "$t0")
    echo "  walked $rows rows in $walk_s s ($(( rows / 500 )) requests)"
    enc=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$cursor")
    q5="/api/v1/events?cursor=$enc&size=20"
    echo "Q5 $q5"
    bench q5 "$q5"; Q5_RPS=$R_RPS Q5_P50=$R_P50 Q5_P99=$R_P99 Q5_ERR=$R_ERR
    echo "Q5b (for comparison, no target) the same depth by offset: /api/v1/events?page=2500&size=20"
    bench q5b "/api/v1/events?page=2500&size=20"; Q5B_RPS=$R_RPS Q5B_P50=$R_P50 Q5B_P99=$R_P99
fi
if ! skip export; then
    echo "Export: curl -H 'Accept: text/csv' $base/api/v1/statements"
    rss_file="$out/rss.txt"; : >"$rss_file"
    rss_before=$( [[ -n "$pid" ]] && awk '/VmRSS/ {print $2}' "/proc/$pid/status" || echo 0)
    if [[ -n "$pid" ]]; then
        ( while kill -0 "$pid" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$pid/status" >>"$rss_file"; sleep 0.2; done ) &
        poller=$!
    fi
    # The first export also compiles its code path (the JIT warm-up runs no export): printed, not measured
    t0=$(now)
    cold_lines=$(curl -sS --max-time 1800 -H 'Accept: text/csv' "$base/api/v1/statements" | wc -l)
    cold_s=$(elapsed "$t0")
    echo "  warm-up export: $((cold_lines - 1)) rows in $cold_s s = $(awk -v r="$((cold_lines - 1))" -v s="$cold_s" 'BEGIN {printf "%.0f", r / s}') rows/s"
    t0=$(now)
    lines=$(curl -sS --max-time 1800 -D "$out/export.headers" -H 'Accept: text/csv' "$base/api/v1/statements" | wc -l)
    export_s=$(elapsed "$t0")
    [[ -n "${poller:-}" ]] && kill "$poller" 2>/dev/null; wait "${poller:-}" 2>/dev/null || true
    status=$(head -1 "$out/export.headers" | tr -d '\r')
    export_rows=$((lines - 1))
    export_rps=$(awk -v r="$export_rows" -v s="$export_s" 'BEGIN {printf "%.0f", r / s}')
    peak_kb=$(sort -n "$rss_file" | tail -1); peak_kb=${peak_kb:-0}
    hwm_kb=$( [[ -n "$pid" ]] && awk '/VmHWM/ {print $2}' "/proc/$pid/status" || echo 0)
    peak_mb=$(( peak_kb / 1024 )); hwm_mb=$(( hwm_kb / 1024 )); before_mb=$(( rss_before / 1024 ))
    echo "  $status: $export_rows rows (of $statements_total) in $export_s s = $export_rps rows/s;" \
         "RSS before $before_mb MB, peak during both exports $peak_mb MB, VmHWM (process lifetime) $hwm_mb MB"
fi

# ---- summary ----------------------------------------------------------------------------------------------------
ok() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { if (v == "") print "-"; else if ((op == ">=" && v + 0 >= t) || (op == "<=" && v + 0 <= t)) print "ok"; else print "MISS" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print ""; else printf "%.2f", a / b }'; }
echo
echo "Summary  ($(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo); $events_total events," \
     "$statements_total statements; wrk ${THREADS} threads ${CONNECTIONS} connections, ${DURATION} s after ${WARMUP} s warm-up, ${JIT_WARMUP} s JIT warm-up first)"
printf '%-52s %14s %16s %5s\n' "measure" "value" "target" ""
line() { printf '%-52s %14s %16s %5s\n' "$1" "$2" "$3" "$4"; }
if ! skip q1; then
    line "Q1 events RU 2020: req/s" "$Q1_RPS" ">= 3000" "$(ok "$Q1_RPS" '>=' 3000)"
    line "Q1 p99 ms (p50 $Q1_P50)" "$Q1_P99" "<= 50" "$(ok "$Q1_P99" '<=' 50)"
fi
skip q2 || line "Q2 event by random id: req/s (p50 $Q2_P50, p99 $Q2_P99 ms)" "$Q2_RPS" ">= 4000" "$(ok "$Q2_RPS" '>=' 4000)"
skip q3 || line "Q3 statements CN+topic: req/s (p50 $Q3_P50, p99 $Q3_P99)" "$Q3_RPS" ">= 2000" "$(ok "$Q3_RPS" '>=' 2000)"
if ! skip q4; then
    line "Q4 statements q='$words' p50 ms at 1 conn" "$Q4A_P50" "<= 30" "$(ok "$Q4A_P50" '<=' 30)"
    line "Q4 req/s at $CONNECTIONS conn (p50 $Q4_P50, p99 $Q4_P99)" "$Q4_RPS" ">= 500" "$(ok "$Q4_RPS" '>=' 500)"
fi
if ! skip q5 && ! skip q1; then
    r50=$(ratio "$Q5_P50" "$Q1_P50"); r99=$(ratio "$Q5_P99" "$Q1_P99")
    line "Q5 cursor 50k deep: p50 $Q5_P50 ms / Q1 p50 $Q1_P50 ms" "${r50}x" "<= 1.3x" "$(ok "$r50" '<=' 1.3)"
    line "Q5 p99 $Q5_P99 ms / Q1 p99 $Q1_P99 ms ($Q5_RPS req/s)" "${r99}x" "(info)" ""
    line "Q5b offset page 2500: p50 / p99 ms ($Q5B_RPS req/s)" "$Q5B_P50/$Q5B_P99" "(info)" ""
fi
if ! skip export; then
    line "export CSV statements: rows/s ($export_rows rows, $export_s s)" "$export_rps" ">= 100000" "$(ok "$export_rps" '>=' 100000)"
    line "export peak RSS MB (sampled; VmHWM $hwm_mb)" "$peak_mb" "<= 600" "$(ok "$peak_mb" '<=' 600)"
fi
[[ -n "$startup_s" ]] && line "start-up to /q/health/ready, s" "$startup_s" "(info)" ""
errs=$(( ${Q1_ERR:-0} + ${Q2_ERR:-0} + ${Q3_ERR:-0} + ${Q4A_ERR:-0} + ${Q4_ERR:-0} + ${Q5_ERR:-0} ))
(( errs == 0 )) || echo "WARNING: $errs non-2xx responses or socket errors during the runs (see $out/*.txt)"
echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "busiest other processes now:"; ps -eo pid,pcpu,etime,comm --sort=-pcpu | awk -v p="${pid:-0}" 'NR>1 && $1!=p && $2>5' | head -5 | sed 's/^/  /'
echo "raw wrk output: $out"
