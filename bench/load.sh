#!/usr/bin/env bash
# Bulk-loads the CSVs of bench/generate.py into Parley's database, PostgreSQL or H2 (Parley must be stopped for H2).
#
#   bench/load.sh pg DATA_DIR [--fresh]     # psql \copy into $PG_DB (default parley_bench on 127.0.0.1:5432)
#   bench/load.sh h2 DATA_DIR [--fresh]     # H2 RunScript with CSVREAD into $H2_DB (default /tmp/bench-data/parley)
#
# --fresh drops the database first (PostgreSQL: drop/create database; H2: removes its files). If the schema is
# missing, Parley is started once on the database (Flyway creates the schema, the seed event is imported) and
# stopped again; the jar is $PARLEY_JAR or /tmp/parley-<target>/quarkus-run.jar. After the load, Parley is started
# once more until it has rendered the stored documents of every loaded event and statement.
# Foreign keys are not checked during the load (the generator writes consistent data): PostgreSQL uses
# session_replication_role=replica, H2 SET REFERENTIAL_INTEGRITY FALSE. Set LOAD_CHECK_FK=1 to keep them checked.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"

target="${1:?usage: load.sh pg|h2 DATA_DIR [--fresh]}"
data="$(cd "${2:?usage: load.sh pg|h2 DATA_DIR [--fresh]}" && pwd)"
fresh="${3:-}"
[[ -f "$data/meta.json" ]] || { echo "$data has no meta.json: run generate.py first" >&2; exit 1; }

# Dependency order; the identity tables get their sequence moved past the loaded ids.
TABLES=(topic participant participant_alias event event_participant event_subject_country event_topic event_source
        statement statement_topic statement_term event_term)
IDENTITY_TABLES=(participant topic event event_participant statement)

schema_exists() {
    case "$target" in
        pg) [[ "$(psql_bench -Atc "select to_regclass('public.event_term') is not null")" == t ]] ;;
        h2) [[ -f "$H2_DB.mv.db" ]] && java -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$H2_DB" \
                -user "$H2_USER" -password '' -sql "select count(*) from event_term where 1=0" >/dev/null 2>&1 ;;
    esac
}

init_schema() {
    echo "creating the schema: starting Parley once on $(jdbc_url "$target")"
    local log="/tmp/bench-load-$target-$BENCH_PORT-init.log" t0
    t0=$(now)
    start_parley "$target" "$log"
    trap stop_parley EXIT
    if ! wait_ready; then tail -30 "$log" >&2; exit 1; fi
    stop_parley
    trap - EXIT
    echo "schema ready (Parley started and stopped in $(elapsed "$t0") s; log $log)"
}

EVENT_COUNTRY_SQL="$(dirname "$0")/../src/main/resources/db/migration/V5__event_country.sql"
if [[ "$target" == pg ]]; then
    if [[ "$fresh" == --fresh ]]; then
        psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -q -v ON_ERROR_STOP=1 \
            -c "drop database if exists $PG_DB" -c "create database $PG_DB"
    elif ! psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -Atc "select 1 from pg_database where datname='$PG_DB'" | grep -q 1; then
        psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -q -c "create database $PG_DB"
    fi
elif [[ "$target" == h2 ]]; then
    if curl -s -o /dev/null "http://127.0.0.1:$BENCH_PORT/q/health/ready"; then
        echo "Parley answers on port $BENCH_PORT: stop it before loading H2 (embedded, one process at a time)" >&2
        exit 1
    fi
    [[ "$fresh" == --fresh ]] && rm -f "$H2_DB".mv.db "$H2_DB".trace.db "$H2_DB".lock.db
    [[ -f "$H2_JAR" ]] || { echo "no H2 jar at $H2_JAR" >&2; exit 1; }
else
    echo "target must be pg or h2" >&2; exit 1
fi

schema_exists || init_schema

t0=$(now)
script="$(mktemp /tmp/bench-load-XXXX.sql)"
if [[ "$target" == pg ]]; then
    n=$(psql_bench -Atc "select count(*) from event where id > 1000000")
    [[ "$n" == 0 ]] || { echo "$PG_DB already holds $n generated events: use --fresh" >&2; exit 1; }
    {
        echo "set synchronous_commit = off;"
        [[ "${LOAD_CHECK_FK:-0}" == 1 ]] || echo "set session_replication_role = replica;"
        for t in "${TABLES[@]}"; do
            for f in "$data/$t".*.csv; do
                [[ -e "$f" ]] || continue
                echo "\\echo $(basename "$f")"
                echo "\\copy $t($(head -1 "$f")) from '$f' with (format csv, header true, encoding 'UTF8')"
            done
        done
        echo "set session_replication_role = origin;"
        # the country index that Parley keeps on writes (migration V5 fills it the same way)
        echo "delete from event_country;"
        sed -n '/^insert into event_country/,/;$/p' "$EVENT_COUNTRY_SQL"
        for t in "${IDENTITY_TABLES[@]}"; do
            echo "select setval(pg_get_serial_sequence('$t', 'id'), (select max(id) from $t));"
        done
        # a running Parley's cached list totals belong to the generation before the load
        echo "update data_generation set generation = generation + 1 where id = 1;"
    } >"$script"
    psql_bench -f "$script" >/dev/null
    echo "copied in $(elapsed "$t0") s; vacuum analyze"
    psql_bench -c "vacuum (analyze)"   # analyze, and the visibility map for index-only scans
else
    n=$(java -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$H2_DB" -user "$H2_USER" -password '' \
        -sql "select count(*) from event where id > 1000000" | sed -n 2p | tr -d ' ')
    [[ "$n" == 0 ]] || { echo "$H2_DB already holds $n generated events: use --fresh" >&2; exit 1; }
    {
        [[ "${LOAD_CHECK_FK:-0}" == 1 ]] || echo "SET REFERENTIAL_INTEGRITY FALSE;"
        for t in "${TABLES[@]}"; do
            for f in "$data/$t".*.csv; do
                [[ -e "$f" ]] || continue
                echo "INSERT INTO $t($(head -1 "$f")) SELECT * FROM CSVREAD('$f', NULL, 'charset=UTF-8');"
                echo "COMMIT;"
            done
        done
        echo "SET REFERENTIAL_INTEGRITY TRUE;"
        # the country index that Parley keeps on writes (migration V5 fills it the same way)
        echo "delete from event_country;"
        sed -n '/^insert into event_country/,/;$/p' "$EVENT_COUNTRY_SQL"
    } >"$script"
    # autocommit off inside RunScript is not needed: each INSERT ... SELECT is one statement, committed after it.
    java -Xmx4g -cp "$H2_JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$H2_DB;CACHE_SIZE=1048576" \
        -user "$H2_USER" -password '' -script "$script" -showResults | grep -v '^COMMIT' | sed 's/^/  /' | cut -c1-160
    echo "inserted in $(elapsed "$t0") s; moving identities and analyzing"
    restart="$(mktemp /tmp/bench-load-XXXX.sql)"
    for t in "${IDENTITY_TABLES[@]}"; do
        echo "ALTER TABLE $t ALTER COLUMN id RESTART WITH (SELECT COALESCE(MAX(id), 0) + 1 FROM $t);" >>"$restart"
    done
    echo "UPDATE data_generation SET generation = generation + 1 WHERE id = 1;" >>"$restart"
    echo "ANALYZE;" >>"$restart"
    java -cp "$H2_JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$H2_DB" -user "$H2_USER" -password '' -script "$restart"
    rm -f "$restart"
fi
rm -f "$script"

# Parley renders the stored documents (event_doc, statement_doc) that a bulk load leaves missing in the background
# after it starts; run it once until that is done, so that benchmarks measure reads of stored documents.
echo "rendering stored documents: starting Parley until its document backfill is done"
log="/tmp/bench-load-$target-$BENCH_PORT-documents.log"  # per target and port: two loads at once must not share it
start_parley "$target" "$log"
trap stop_parley EXIT
if ! wait_ready; then tail -30 "$log" >&2; exit 1; fi
until grep -q 'document backfill done' "$log"; do
    kill -0 "$PARLEY_PID" 2>/dev/null || { tail -30 "$log" >&2; exit 1; }
    sleep 1
done
grep -o 'document backfill done.*' "$log"
stop_parley
trap - EXIT
echo "loaded $(python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print(f\"{m['rows']['event']:,} events, {m['rows']['statement']:,} statements\")" "$data/meta.json") into $target in $(elapsed "$t0") s"
