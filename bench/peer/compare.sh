#!/usr/bin/env bash
# Parley beside Directus, the instant API server a team would try first, on the same PostgreSQL data, in one run:
# Q1-Q4 of bench/run.sh against Parley, each also against Parley's floor (a constant JSON body of the same size from
# the same application, GET /bench/floor), then the equivalent queries against Directus, all with the same wrk
# settings; then one table.
#
#   bench/peer/compare.sh            # or: bench/run.sh --peer
#
# Starts Parley (PARLEY_JAR or /tmp/parley-pg/quarkus-run.jar, on $PG_DB, with PARLEY_BENCH_FLOOR=true) and Directus
# (bench/peer/directus.sh start; install and setup it first) unless they already answer on BENCH_PORT and
# DIRECTUS_PORT, and stops what it started. Environment: BENCH_DATA (generate.py's folder, for meta.json; default
# /tmp/bench-csv-1), JIT_WARMUP (s of all queries mixed on each server first, default 180 as in run.sh), WARMUP (s per
# step, 5), DURATION (s per step, 15), THREADS (2), CONNECTIONS (32), TIMEOUT (wrk's, 30s), SKIP (q1 q2 q3 q4 q4-1c
# floor directus), and lib.sh's settings.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../lib.sh"

DIRECTUS_PORT="${DIRECTUS_PORT:-18282}"
BENCH_DATA="${BENCH_DATA:-/tmp/bench-csv-1}"
JIT_WARMUP="${JIT_WARMUP:-180}"
WARMUP="${WARMUP:-5}"
DURATION="${DURATION:-15}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
TIMEOUT="${TIMEOUT:-30s}"
SKIP=" ${SKIP:-} "
skip() { [[ "$SKIP" == *" $1 "* ]]; }
parley="http://127.0.0.1:$BENCH_PORT"
directus="http://127.0.0.1:$DIRECTUS_PORT"
out="$(mktemp -d /tmp/bench-peer-XXXX)"

if ! command -v wrk >/dev/null; then echo "installing wrk" >&2; apt-get install -y wrk >/dev/null; fi

# ---- the servers -------------------------------------------------------------------------------------------------
started_directus=
cleanup() {
    stop_parley
    [[ -n "$started_directus" ]] && "$here/directus.sh" stop
    return 0
}
trap cleanup EXIT
if ! curl -s -o /dev/null "$parley/q/health/ready"; then
    PARLEY_BENCH_FLOOR=true start_parley pg "$out/parley.log"
    wait_ready || { tail -30 "$out/parley.log" >&2; exit 1; }
    echo "Parley started on $parley (pid $PARLEY_PID, $(jdbc_url pg))"
fi
floor_code="$(curl -s -o /dev/null -w '%{http_code}' "$parley/bench/floor?bytes=100")"
if [[ "$floor_code" != 200 ]] && ! skip floor; then
    echo "Parley on $parley has no floor (HTTP $floor_code): start it with PARLEY_BENCH_FLOOR=true, or SKIP=floor" >&2
    exit 1
fi
if ! skip directus && ! curl -s -o /dev/null "$directus/server/health"; then
    DIRECTUS_PORT="$DIRECTUS_PORT" "$here/directus.sh" start
    started_directus=1
fi

# ---- the queries -------------------------------------------------------------------------------------------------
meta() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$BENCH_DATA/meta.json" "$1"; }
[[ -f "$BENCH_DATA/meta.json" ]] || { echo "no $BENCH_DATA/meta.json: set BENCH_DATA to the folder loaded" >&2; exit 1; }
id_min=$(meta event_id_min); id_max=$(meta event_id_max); topic=$(meta common_topic); words=$(meta common_words)
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe="=&,/*?"))' "$1"; }

# What Parley's answers hold, asked of Directus field by field (its "*" would add every o2m's ids); brackets encoded
ev_fields="id,title,type,event_date,summary,location_country,location_city,cameo_code,status,end_date,date_precision"
ev_fields+=",plover_type,plover_mode,goldstein,external_id,created_at,updated_at,version"
ev_fields+=",participants.role,participants.position,participants.participant_id.id,participants.participant_id.name"
ev_fields+=",participants.participant_id.country,subject_countries.country,topics.topic_id.id,topics.topic_id.slug"
ev_fields+=",topics.topic_id.name,sources.url,sources.publisher,sources.title,sources.published_at"
ev_fields+=",sources.published_at_offset,sources.language,sources.text_sha256"
st_fields="id,event_id,speaker_id.id,speaker_id.name,text,language,translation,kind,position,source_url,span_start"
st_fields+=",span_end,created_at,updated_at,version,topics.topic_id.id,topics.topic_id.slug,topics.topic_id.name"
ev_deep="deep[participants][_sort]=position&deep[sources][_sort]=position"
st_sort="sort=-event_date,-event_id,position,id"

declare -A P D
P[q1]="/api/v1/events?country=RU&from=2020-01-01&to=2020-12-31"
D[q1]=$(enc "/items/event?fields=$ev_fields&filter[event_date][_between]=2020-01-01,2020-12-31&filter[_or][0][participants][participant_id][country][_eq]=RU&filter[_or][1][subject_countries][country][_eq]=RU&sort=-event_date,-id&limit=20&meta=filter_count&$ev_deep")
P[q2]="/api/v1/events/$id_min"
q2_suffix=$(enc "?fields=$ev_fields,statements.${st_fields//,/,statements.}&$ev_deep&deep[statements][_sort]=position&deep[statements][_limit]=-1")
D[q2]="/items/event/$id_min$q2_suffix"
P[q3]="/api/v1/statements?country=CN&topic=$topic"
D[q3]=$(enc "/items/statement?fields=$st_fields&filter[speaker_country][_eq]=CN&filter[topics][topic_id][slug][_eq]=$topic&$st_sort&limit=20&meta=filter_count")
q_words=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$words")
P[q4]="/api/v1/statements?q=$q_words"
D[q4]="$(enc "/items/statement?fields=$st_fields&$st_sort&limit=20&meta=filter_count")&search=$q_words"
P[q4-1c]="${P[q4]}"; D[q4-1c]="${D[q4]}"
ORDER=(q1 q2 q3 q4-1c q4)
declare -A LABEL=([q1]="Q1 events RU 2020" [q2]="Q2 event by random id" [q3]="Q3 statements CN+topic"
    [q4-1c]="Q4 word search, 1 connection" [q4]="Q4 word search")

# Q2: a random generated event per request (the same Lua for both, with each server's path around the id)
random_lua() { # FILE PREFIX SUFFIX
    cat >"$1" <<LUA
local counter = 0
function setup(thread) counter = counter + 1; thread:set("n", counter) end
function init(args) math.randomseed(os.time() * 100 + n) end
function request() return wrk.format("GET", "$2" .. math.random($id_min, $id_max) .. "$3") end
LUA
}
random_lua "$out/P-q2.lua" "/api/v1/events/" ""
random_lua "$out/D-q2.lua" "/items/event/" "$q2_suffix"

# the answer's size (bytes, no content coding) and its total: X-Total-Count (Parley) or meta.filter_count (Directus)
answer() { # BASE PATH -> "bytes total status"
    curl -s -D "$out/h" -o "$out/body" -w '%{http_code}' --max-time 120 "$1$2" >"$out/code" || true
    local total
    total=$(tr -d '\r' <"$out/h" | awk -F': ' 'tolower($1)=="x-total-count" {print $2}')
    [[ -z "$total" ]] && total=$(python3 -c 'import json,sys
try: print(json.load(open(sys.argv[1])).get("meta", {}).get("filter_count", "-"))
except Exception: print("-")' "$out/body")
    echo "$(stat -c %s "$out/body") $total $(cat "$out/code")"
}
# Q2's size: the mean over 50 generated events spread over the id range
q2_bytes() { # BASE PREFIX SUFFIX
    local sum=0 i id
    for i in $(seq 0 49); do
        id=$(( id_min + (id_max - id_min) * i / 49 ))
        sum=$(( sum + $(curl -s -o /dev/null -w '%{size_download}' "$1$2$id$3") ))
    done
    echo $(( sum / 50 ))
}

to_ms() { awk '{ v=$1; u=v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
    f = (u=="us") ? 0.001 : (u=="ms") ? 1 : (u=="s") ? 1000 : (u=="m") ? 60000 : 1; printf "%.2f", v*f }'; }
# bench NAME BASE PATH [CONNECTIONS [LUA]]: warm-up, then the measured run; sets R_RPS R_P50 R_P99 R_ERR
bench() {
    local name="$1" base="$2" path="$3" c="${4:-$CONNECTIONS}" lua="${5:-}" f="$out/$1.txt" t="$THREADS"
    (( c < t )) && t="$c"
    local args=(-t"$t" -c"$c" --latency --timeout "$TIMEOUT")
    [[ -n "$lua" ]] && args+=(-s "$lua")
    (( WARMUP > 0 )) && wrk "${args[@]}" -d"${WARMUP}s" "$base$path" >/dev/null
    wrk "${args[@]}" -d"${DURATION}s" "$base$path" >"$f"
    R_RPS=$(awk '/^Requests\/sec/ {printf "%.1f", $2}' "$f")
    R_P50=$(awk '$1=="50%" {print $2}' "$f" | to_ms)
    R_P99=$(awk '$1=="99%" {print $2}' "$f" | to_ms)
    R_ERR=$(awk '/Non-2xx/ {n+=$NF} /Socket errors/ {gsub(/,/, ""); n+=$4+$6+$8+$10} END {print n+0}' "$f")
    R_N=$(awk '/requests in/ {print $1}' "$f")
    # no answer within the run: fewer than one per DURATION, each slower than DURATION
    if [[ "${R_N:-0}" == 0 ]]; then R_RPS="<$(awk -v d="$DURATION" 'BEGIN {printf "%.2g", 1 / d}')"; R_P50=">${DURATION}000"; R_P99="$R_P50"; fi
    printf '  %-40s %9s req/s  p50 %9s ms  p99 %9s ms  (%s requests, errors/timeouts %s)\n' \
        "$name ($c c)" "$R_RPS" "$R_P50" "$R_P99" "${R_N:-0}" "$R_ERR"
}
declare -A RPS P50 P99 ERR BYTES TOTAL

echo "Parley $parley, Directus $directus; data $BENCH_DATA ($(meta scale) scale); wrk ${THREADS}t/${CONNECTIONS}c," \
     "timeout $TIMEOUT, ${JIT_WARMUP}s JIT warm-up per server, ${WARMUP}s warm-up + ${DURATION}s per step"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "load average before: $load_before"

# side KEY NAME BASE Q2PREFIX Q2SUFFIX PATHS... : one server's answers (sizes, totals), JIT warm-up with the PATHS
# mixed, then each query (and, for Parley, the floor at the answer's size); results in RPS[KEY-q] etc., floor's f-q
side() {
    local k="$1" name="$2" base="$3" prefix="$4" suffix="$5" q c code path; shift 5
    local -n paths="$k"
    for q in "${ORDER[@]}"; do
        read -r BYTES[$k-$q] TOTAL[$k-$q] code < <(answer "$base" "${paths[$q]}")
        [[ "$code" == 200 ]] || { echo "  WARNING: $name ${paths[$q]} answers HTTP $code:" >&2; head -c 400 "$out/body" >&2; echo >&2; }
    done
    BYTES[$k-q2]=$(q2_bytes "$base" "$prefix" "$suffix")
    if (( JIT_WARMUP > 0 )); then
        { printf 'local paths = {'; printf '"%s", ' "$@"; printf '}\n'
          echo 'local i = 0'
          echo 'function request() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end'; } >"$out/$k-mix.lua"
        echo "$name: ${JIT_WARMUP}s of $# paths mixed (JIT warm-up)"
        wrk -t"$THREADS" -c"$CONNECTIONS" --timeout "$TIMEOUT" -s "$out/$k-mix.lua" -d"${JIT_WARMUP}s" "$base" | awk '/^Requests\/sec/ {print "  " $0}'
    fi
    for q in "${ORDER[@]}"; do
        skip "$q" && continue
        c=$CONNECTIONS; [[ "$q" == q4-1c ]] && c=1
        echo "${LABEL[$q]}: $name ${paths[$q]} (${BYTES[$k-$q]} bytes, total ${TOTAL[$k-$q]})"
        if [[ "$q" == q2 ]]; then bench "$name-$q" "$base" "${paths[$q]}" "$c" "$out/$k-q2.lua"
        else bench "$name-$q" "$base" "${paths[$q]}" "$c"; fi
        RPS[$k-$q]=$R_RPS P50[$k-$q]=$R_P50 P99[$k-$q]=$R_P99 ERR[$k-$q]=$R_ERR
        if [[ "$k" == P ]] && ! skip floor; then
            bench "floor-$q" "$base" "/bench/floor?bytes=${BYTES[$k-$q]}" "$c"
            RPS[f-$q]=$R_RPS P50[f-$q]=$R_P50 P99[f-$q]=$R_P99 ERR[f-$q]=$R_ERR
        fi
    done
}

side P Parley "$parley" /api/v1/events/ "" "${P[q1]}" "/api/v1/events/$id_min" "${P[q3]}" "${P[q4]}" \
    "/api/v1/events/$id_max" "/bench/floor?bytes=30000"
# Directus' warm-up leaves Q4 out: one of its scans takes seconds, and it runs the code of Q3's list
skip directus || side D Directus "$directus" /items/event/ "$q2_suffix" "${D[q1]}" "/items/event/$id_min$q2_suffix" \
    "${D[q3]}" "/items/event/$id_max$q2_suffix"

# ---- the table ---------------------------------------------------------------------------------------------------
# ratio A B: A / B; a bound (<0.07 r/s, >15000 ms) gives a bound
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { p = ""; if (a ~ /^[<>]/) { p = substr(a, 1, 1); a = substr(a, 2) }
    if (b ~ /^[<>]/) { p = (substr(b, 1, 1) == "<") ? ">" : "<"; b = substr(b, 2) }
    if (a == "" || b == "" || b + 0 == 0) print "-";
    else { r = a / b; printf (r >= 100 ? "%s%.0fx" : r >= 10 ? "%s%.1fx" : "%s%.2fx"), p, r } }'; }
echo
echo "Parley vs Directus 11.3.5, same PostgreSQL data ($(meta scale) scale: $(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["rows"]; print("{:,} events, {:,} statements".format(r["event"], r["statement"]))' "$BENCH_DATA/meta.json")),"
echo "wrk ${THREADS} threads ${CONNECTIONS} connections (Q4 also 1), ${DURATION} s after ${WARMUP} s warm-up; latencies in ms"
fmt='| %-28s | %9s | %7s | %7s | %9s | %8s | %8s | %9s | %8s | %9s | %7s | %8s |\n'
printf "$fmt" "query" "Parley r/s" "p50" "p99" "Dir. r/s" "p50" "p99" "r/s ratio" "p50 ratio" "floor r/s" "p50" "of floor"
printf "$fmt" "---" "---:" "---:" "---:" "---:" "---:" "---:" "---:" "---:" "---:" "---:" "---:"
for q in "${ORDER[@]}"; do
    skip "$q" && continue
    printf "$fmt" "${LABEL[$q]}" "${RPS[P-$q]}" "${P50[P-$q]}" "${P99[P-$q]}" "${RPS[D-$q]:--}" "${P50[D-$q]:--}" \
        "${P99[D-$q]:--}" "$(ratio "${RPS[P-$q]}" "${RPS[D-$q]:-}")" "$(ratio "${P50[D-$q]:-}" "${P50[P-$q]}")" \
        "${RPS[f-$q]:--}" "${P50[f-$q]:--}" "$(awk -v a="${RPS[P-$q]}" -v b="${RPS[f-$q]:-0}" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.0f %%", 100 * a / b }')"
done
echo
echo "r/s ratio: Parley's requests/s over Directus'; p50 ratio: Directus' median over Parley's; floor: GET /bench/floor,"
echo "a constant JSON body of the size of Parley's answer (Q2: the mean of 50 events), from the same Parley; of floor:"
echo "Parley's requests/s as a share of the floor's."
echo "Answers (bytes of one answer; total matches):"
for q in "${ORDER[@]}"; do
    [[ "$q" == q4-1c ]] && continue
    printf '  %-28s Parley %7s bytes, total %-6s  Directus %7s bytes, total %s\n' "${LABEL[$q]}" "${BYTES[P-$q]}" \
        "${TOTAL[P-$q]:--}" "${BYTES[D-$q]:--}" "${TOTAL[D-$q]:--}"
done
cat <<'TXT'
Where the answers differ:
  Q4  Parley: statements with every word in the text or its translation, accent- and case-blind, from its word
      index. Directus' search: each string column of the statement (text, translation, language, kind, ...) scanned
      for the whole string "securite cooperation" as one substring, case-blind but not accent-blind ("securite" does
      not find "sécurité"), so it finds other statements (here none), by reading every row.
  Q1, Q3  the same rows in the same order; Directus reaches participants' countries, subject countries and topics
      through junction tables with subqueries in every request, Parley through its own index tables.
      Parley's country filter takes participants' and subject countries, as the Directus filter does.
  Q2  the same event, participants, topics, sources and statements; Directus names the columns as the tables do
      and nests speakers and topics; Parley adds derived fields (countries, speaker names) from stored documents.
  Directus sees the composite-key tables (event_topic, statement_topic, event_subject_country, event_source) only
  as the copies with a surrogate key that bench/peer/directus.sql makes in its schema.
TXT
echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "busiest other processes now:"; ps -eo pid,pcpu,etime,comm --sort=-pcpu | awk 'NR>1 && $2>5' | head -5 | sed 's/^/  /'
errs=0; for k in "${!ERR[@]}"; do errs=$(( errs + ${ERR[$k]:-0} )); done
(( errs == 0 )) || echo "WARNING: $errs non-2xx responses, socket errors or timeouts (see $out/*.txt)"
echo "raw wrk output: $out"
