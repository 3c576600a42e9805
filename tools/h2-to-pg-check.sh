#!/usr/bin/env bash
# The test of tools/h2-to-pg.sh: writes a varied history through the API of the H2 build on a new H2 file, moves the
# file into an empty PostgreSQL database, starts both builds and compares them record by record through the API
# (tools/h2-to-pg-compare.py), then writes on both: a new record must get the same, unused id on each side, and on
# PostgreSQL it must follow the moved history in the change feed.
#
#   tools/h2-to-pg-check.sh H2_BUILD PG_BUILD PG_DATABASE
#
# H2_BUILD and PG_BUILD are the two packaged builds (quarkus-app directories: `./mvnw package` without and with
# -Dquarkus.profile=pg); PG_DATABASE must exist and be empty, on $PG_HOST:$PG_PORT as $PG_USER (default
# 127.0.0.1:5432, postgres, no password). The two builds listen on 127.0.0.1:$H2_HTTP_PORT and $PG_HTTP_PORT (default
# 18091, 18092), with $JAVA_OPTS. Needs java, psql, curl, jq and python3.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

[[ $# == 3 ]] || { echo "usage: $0 H2_BUILD PG_BUILD PG_DATABASE" >&2; exit 2; }
h2_build="$(cd "$1" && pwd)" pg_build="$(cd "$2" && pwd)" pg_db="$3"
PG_HOST="${PG_HOST:-127.0.0.1}" PG_PORT="${PG_PORT:-5432}" PG_USER="${PG_USER:-postgres}"
H2_HTTP_PORT="${H2_HTTP_PORT:-18091}" PG_HTTP_PORT="${PG_HTTP_PORT:-18092}"
# Every start is short-lived and starting takes most of its time: the client compiler alone starts Parley faster
JAVA_OPTS="${JAVA_OPTS:--Xmx300m -XX:TieredStopAtLevel=1}"
PASSWORD=move-check-secret
started=$EPOCHREALTIME
work="$(mktemp -d)"
h2_pid= pg_pid=
stop() { # stop NAME: stops the build started as NAME (h2 or pg), if it runs
    local var="${1}_pid"
    if [[ -n "${!var}" ]]; then kill "${!var}" 2>/dev/null || true; wait "${!var}" 2>/dev/null || true; fi
    printf -v "$var" ''
}
trap 'stop h2; stop pg; rm -rf "$work"' EXIT
seconds() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
fail() { echo "FAILED: $*" >&2; exit 1; }

start() { # start NAME BUILD PORT JDBC_URL USER: starts a build in the background, its log in $work/NAME.log
    local name="$1" build="$2" port="$3" url="$4" user="$5"
    curl -s -o /dev/null "http://127.0.0.1:$port/" && fail "something already listens on port $port"
    # no per-client limits: the comparison reads every record, revision and asOf read of both sides as one client
    PARLEY_LIMITS_READS_PER_MINUTE=0 PARLEY_LIMITS_WRITES_PER_MINUTE=0 \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" PARLEY_EDITOR_PASSWORD="$PASSWORD" \
        QUARKUS_DATASOURCE_JDBC_URL="$url" QUARKUS_DATASOURCE_USERNAME="$user" QUARKUS_DATASOURCE_PASSWORD= \
        java $JAVA_OPTS -jar "$build/quarkus-run.jar" >"$work/$name.log" 2>&1 &
    printf -v "${name}_pid" '%s' $!
}
ready() { # ready NAME PORT: waits until the build answers ready and has rendered every missing stored document
    local name="$1" port="$2" pid_var="${1}_pid"
    for _ in $(seq 1 1200); do
        kill -0 "${!pid_var}" 2>/dev/null || { tail -30 "$work/$name.log" >&2; fail "$name did not start"; }
        # the backfill runs after the start; until it is done, reads render missing documents themselves
        if grep -q 'document backfill done' "$work/$name.log" \
            && [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready")" == 200 ]]; then
            return 0
        fi
        sleep 0.2
    done
    fail "$name not ready after 240 s"
}

h2_file="$work/h2/parley"
h2_url="jdbc:h2:file:$h2_file;WRITE_DELAY=0;CACHE_SIZE=4096"
pg_url="jdbc:postgresql://$PG_HOST:$PG_PORT/$pg_db"
api="http://127.0.0.1:$H2_HTTP_PORT/api/v1"

# write METHOD PATH BODY [CONTENT_TYPE]: an editor's write on the H2 build; prints the answer, fails unless 2xx
write() {
    local code
    code=$(curl -s -o "$work/answer" -w '%{http_code}' -u "editor:$PASSWORD" -X "$1" \
        -H "Content-Type: ${4:-application/json}" --data-binary "$3" "$api$2")
    [[ "$code" == 2* ]] || { cat "$work/answer" >&2; echo >&2; fail "$1 $2 answered $code"; }
    cat "$work/answer"
}
id() { jq -r .id; }

echo "== A history on H2 (the H2 build on a new file, through the API)"
t0=$EPOCHREALTIME
start h2 "$h2_build" "$H2_HTTP_PORT" "$h2_url" parley
ready h2 "$H2_HTTP_PORT"
# Values an export and load could spoil (a JSON string): quotes, commas, semicolons, tabs, newlines (LF and CRLF), a
# line "\." (the end of data for psql), "\N" and "NULL" (NULL markers), backslashes, accents, CJK, an emoji; an empty
# string beside a null; timestamps with microseconds and offsets of quarter hours.
tricky='Line 1, with \"quotes\";\tand \u00e9\u00e0\u00fc \u4e2d\u6587 \ud83d\ude00\n\\.\n\\N\nNULL\r\nC:\\\\path\\\\ ,'
write POST /topics '{"slug":"move-quotes","name":"Quotes \"double\", '"'single'"'","description":""}' >/dev/null
t2=$(write POST /topics '{"slug":"move-null","name":"No description"}' | id)
write POST /topics "{\"slug\":\"move-lines\",\"name\":\"Zeilen – Ünïcödé\",\"description\":\"$tricky\"}" >/dev/null
write PATCH "/topics/$t2" '{"description":"set, then"}' application/merge-patch+json >/dev/null
write PATCH "/topics/$t2" '{"description":null}' application/merge-patch+json >/dev/null
p1=$(write POST /participants "{\"name\":\"Jean-Yves Le Drian\",\"kind\":\"PERSON\",\"country\":\"FR\",
    \"title\":\"Ministre de l'Europe et des Affaires étrangères\",\"organization\":\"\",
    \"aliases\":[\"Le Drian\",\"JYLD, \\\"le ministre\\\"\"],\"externalId\":\"move-le-drian\"}" | id)
p2=$(write POST /participants '{"name":"Organisation \"X\"","kind":"ORGANIZATION","wikidataId":"Q42"}' | id)
e1=$(write POST /events "{\"title\":\"Le Drian and Wang Yi, «à Paris»\",\"type\":\"MEETING\",\"date\":\"2022-03-30\",
    \"summary\":\"$tricky\",\"location\":{\"country\":\"FR\",\"city\":\"Paris\"},
    \"participants\":[{\"participantId\":1,\"role\":\"Minister, \\\"China\\\"\"},{\"participantId\":$p1}],
    \"subjectCountries\":[\"AF\",\"UA\"],\"topics\":[\"move-quotes\",\"move-lines\",\"china-russia-relations\"],
    \"sources\":[{\"publisher\":\"Le Monde\",\"url\":\"https://example.org/a?b=1&c=%22\",\"title\":\"\",
                  \"publishedAt\":\"2022-03-30T10:15:30.123456+05:45\",\"language\":\"fr\"},
                 {\"publisher\":\"TASS\",\"publishedAt\":\"2022-03-30T23:59:59.999999-03:30\"}],
    \"goldstein\":0.1,\"externalId\":\"move-e1\"}" | id)
s1=$(write POST /statements "{\"eventId\":$e1,\"speakerId\":$p1,\"language\":\"fr\",\"kind\":\"REPORTED\",
    \"text\":\"$tricky\",\"translation\":\"\",\"topics\":[\"move-lines\"]}" | id)
write POST /statements "{\"eventId\":$e1,\"speakerId\":1,\"language\":\"zh\",\"kind\":\"DIRECT_QUOTE\",
    \"text\":\"中俄关系\"}" >/dev/null
s3=$(write POST /statements "{\"eventId\":$e1,\"speakerId\":1,\"language\":\"en\",\"kind\":\"REPORTED\",
    \"text\":\"To be deleted.\"}" | id)
write PATCH "/events/$e1" '{"summary":"Changed once.\nTwice?","goldstein":-7.25,"status":"CANCELLED"}' \
    application/merge-patch+json >/dev/null
write PATCH "/statements/$s1" '{"text":"Edited: \"yes\", still, here\n\\."}' application/merge-patch+json >/dev/null
write DELETE "/statements/$s3" '' >/dev/null
# renames: revisions of the events and statements that show the name
write PATCH /participants/2 '{"name":"Sergei Lavrov"}' application/merge-patch+json >/dev/null
write PATCH /topics/1 '{"name":"China–Russia relations, renamed"}' application/merge-patch+json >/dev/null
# a PUT of the body as read, its title changed
curl -s "$api/events/$e1" | jq -c '.title = "Le Drian and Wang Yi (replaced)"' >"$work/e1.json"
write PUT "/events/$e1" "$(cat "$work/e1.json")" >/dev/null
# bulk imports, one revision each: a JSON document, then NDJSON that changes records of it and adds others
python3 "$here/../bench/import_doc.py" --statements 60 --seed 51 --out "$work/import.json" >/dev/null
write POST /import "@$work/import.json" >/dev/null
python3 "$here/../bench/import_doc.py" --statements 30 --seed 51 --ndjson --out "$work/import.ndjson" >/dev/null
sed -i 's/"text": "/"text": "Changed, \\"again\\": /' "$work/import.ndjson"
write POST /import "@$work/import.ndjson" application/x-ndjson | jq -e '.statements.updated > 0' >/dev/null \
    || fail "the second import changed no statement"
# The last event, statement, participant and topic are deleted ones: a move that restarted the identities after the
# largest id left would give their ids out again.
e2=$(write POST /events "{\"title\":\"Deleted with its statements\",\"type\":\"PHONE_CALL\",\"date\":\"2021-12-31\",
    \"endDate\":\"2022-01-02\",\"datePrecision\":\"MONTH\",\"participants\":[{\"participantId\":$p2}]}" | id)
write POST /statements "{\"eventId\":$e2,\"speakerId\":$p2,\"language\":\"en\",\"kind\":\"REPORTED\",
    \"text\":\"Gone.\"}" >/dev/null
write DELETE "/events/$e2" '' >/dev/null
p3=$(write POST /participants '{"name":"Deleted participant","kind":"PERSON","country":"KZ"}' | id)
write DELETE "/participants/$p3" '' >/dev/null
t4=$(write POST /topics '{"slug":"move-deleted","name":"Deleted topic"}' | id)
write DELETE "/topics/$t4" '' >/dev/null
stop h2
echo "   written in $(seconds "$t0") s"

echo "== The move (tools/h2-to-pg.sh)"
QUARKUS_DATASOURCE_JDBC_URL="$pg_url" QUARKUS_DATASOURCE_USERNAME="$PG_USER" QUARKUS_DATASOURCE_PASSWORD= \
    PARLEY_HOME="$pg_build" JAVA_OPTS="$JAVA_OPTS" "$here/h2-to-pg.sh" "$h2_file" | sed 's/^/   /'

echo "== Both builds, compared through the API"
t0=$EPOCHREALTIME
start h2 "$h2_build" "$H2_HTTP_PORT" "$h2_url" parley
start pg "$pg_build" "$PG_HTTP_PORT" "$pg_url" "$PG_USER"
ready h2 "$H2_HTTP_PORT"
ready pg "$PG_HTTP_PORT"
grep -q "Profile pg activated" "$work/pg.log" || fail "$pg_build is not the PostgreSQL build"
echo "   both ready in $(seconds "$t0") s; PostgreSQL's $(grep -o 'document backfill done.*' "$work/pg.log")"
if ! python3 "$here/h2-to-pg-compare.py" "http://127.0.0.1:$H2_HTTP_PORT" "http://127.0.0.1:$PG_HTTP_PORT" \
    --state "$work/state.json" | sed 's/^/   /'; then
    fail "H2 and PostgreSQL answer differently"
fi

echo "== New writes after the move"
# The same writes on both sides: each new record gets the same id on both, past the largest id of the history (a
# deleted record's, see above); on PostgreSQL the change feed shows them after the moved history, and nothing else.
create() { # create PORT COLLECTION BODY: the id of the created record
    curl -sf -u "editor:$PASSWORD" -H 'Content-Type: application/json' -d "$3" "http://127.0.0.1:$1/api/v1/$2" \
        | jq -r .id
}
declare -A body=(
    [topics]='{"slug":"after-the-move","name":"After the move"}'
    [participants]='{"name":"After the move","kind":"ORGANIZATION"}'
    [events]="{\"title\":\"After the move\",\"type\":\"MEETING\",\"date\":\"2023-01-01\",
               \"participants\":[{\"participantId\":$p1}]}"
    [statements]="{\"eventId\":$e1,\"speakerId\":$p1,\"language\":\"en\",\"kind\":\"REPORTED\",
                   \"text\":\"After the move.\"}")
expected=()
for collection in topics participants events statements; do
    known=$(jq -r ".maxId.$collection" "$work/state.json")
    gone=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PG_HTTP_PORT/api/v1/$collection/$known")
    [[ "$gone" == 404 ]] || fail "the largest $collection id of the history, $known, is not a deleted record's"
    on_pg=$(create "$PG_HTTP_PORT" "$collection" "${body[$collection]}")
    on_h2=$(create "$H2_HTTP_PORT" "$collection" "${body[$collection]}")
    [[ "$on_pg" =~ ^[0-9]+$ && "$on_pg" == "$on_h2" && "$on_pg" -gt "$known" ]] \
        || fail "a new record of $collection got id $on_pg on PostgreSQL, $on_h2 on H2; the history's largest: $known"
    expected+=("{\"collection\":\"$collection\",\"id\":$on_pg,\"operation\":\"CREATED\",\"later\":true}")
    echo "   a new record of $collection: id $on_pg on both sides (the largest before: $known, deleted)"
done
after=$(curl -sf "http://127.0.0.1:$PG_HTTP_PORT/api/v1/changes?cursor=$(jq -r .cursor "$work/state.json")")
last=$(jq -r .lastRevision "$work/state.json")
echo "$after" | jq -e --argjson last "$last" --argjson expected "[$(IFS=,; echo "${expected[*]}")]" '
    [.items[] | {collection, id, operation, later: (.revision > $last)}] == $expected' >/dev/null \
    || { echo "$after" >&2; fail "the change feed after the moved history does not show exactly the new records"; }
echo "   PostgreSQL's change feed continues after revision $last with exactly those four"
stop h2; stop pg
echo "== H2 -> PostgreSQL: moved and compared, mismatches = 0, in $(seconds "$started") s"
