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
        statement statement_topic)
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
HISTORY_SQL="$(dirname "$0")/../src/main/resources/db/migration/V9__history.sql"
# The loaded records (ids from 1,000,000, see generate.py) become revision 1 of their history, as V9 makes of what
# exists when it runs, so that the change feed and asOf know them; the seed records have their own revision already.
history_baseline() {
    sed -n '/^insert into [a-z_]*_aud/,/;$/p' "$HISTORY_SQL" | sed -E \
        -e 's/^from (participant|topic|event|statement);$/from \1 where id >= 1000000;/' \
        -e 's/^from event_source;$/from event_source where event_id >= 1000000;/' \
        -e 's/^(select 1, 0, id, .*) from (topic|event_participant);$/\1 from \2 where id >= 1000000;/' \
        -e 's/^select 1, 0, (participant_id|event_id|statement_id)(.*) from ([a-z_]+);$/select 1, 0, \1\2 from \3 where \1 >= 1000000;/'
}
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
        history_baseline
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
    h2_sql() {   # h2_sql QUERY: prints the result as H2's Shell does (a header line, rows, a "(n rows)" line)
        java -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$H2_DB" -user "$H2_USER" -password '' -sql "$1"
    }
    statement_times() {   # RunScript -showResults output -> one line per statement with the seconds it took
        # (RunScript prints a statement as it starts it, and the line ends when the next one starts)
        local start=${EPOCHREALTIME/./} now line text=""
        while IFS= read -r line || [[ -n "$line" ]]; do   # (the last line has no newline)
            line="${line#"${line%%[! ]*}"}"
            [[ -n "$line" ]] || continue
            text+="${text:+ }$line"
            if [[ "$text" == *';' ]]; then
                now=${EPOCHREALTIME/./}
                printf '  %6.1f s  %s\n' "$(( (now - start) / 100000 ))e-1" "${text:0:140}"
                start=$now text=""
            fi
        done
    }
    n=$(h2_sql "select count(*) from event where id > 1000000" | sed -n 2p | tr -d ' ')
    [[ "$n" == 0 ]] || { echo "$H2_DB already holds $n generated events: use --fresh" >&2; exit 1; }

    # H2 adds each inserted row to every index of its table, one B-tree insert at a time: rows that come in the order
    # of an index only touch its last page, rows in random order touch any page and, once the index outgrows the cache,
    # make H2 read and rewrite much of the file (the word index, loaded so until the stemmed index of V18, took more
    # than an hour at scale 1; Parley now builds it after the load). So the indexes of statement that the CSV order
    # does not fill in order, its speaker and date indexes, are dropped before the insert and created again after it,
    # when H2 builds each one from sorted runs of the rows. The rows keep the order of the CSVs, so the tables and the
    # ANALYZE statistics are the same as with all indexes in place. The definitions are those of the migrations (V1,
    # V6); the names of the foreign keys are H2's own (CONSTRAINT_6FF, ...), read from the schema so that each comes
    # back under its old name. Every index and constraint is compared with the schema before the load, and the load
    # fails if anything differs.
    declare -A con idx   # "TABLE.PK" or "TABLE.COLUMN" (foreign key) -> constraint name, index name
    while read -r key c i; do con[$key]=$c; idx[$key]=$i; done < <(h2_sql "
        select tc.table_name || '.' || case tc.constraint_type when 'PRIMARY KEY' then 'PK' else k.column_name end,
               tc.constraint_name, tc.index_name
        from information_schema.table_constraints tc join information_schema.key_column_usage k
          on k.constraint_schema = tc.constraint_schema and k.constraint_name = tc.constraint_name
        where tc.table_schema = 'PUBLIC' and tc.constraint_type in ('PRIMARY KEY', 'FOREIGN KEY')
          and k.ordinal_position = 1" | sed '1d;$d' | tr -d '|')
    fk_check=NOCHECK; [[ "${LOAD_CHECK_FK:-0}" == 1 ]] && fk_check=CHECK   # CHECK: the re-created keys check every row
    # A foreign key that created its own index (CONSTRAINT_INDEX_6F, ...) drops it with itself; the speaker key of
    # statement uses statement_speaker_idx and owns no index.
    drop_indexes="
        ALTER TABLE statement DROP CONSTRAINT ${con[STATEMENT.SPEAKER_ID]};
        DROP INDEX statement_speaker_idx;
        DROP INDEX statement_date_idx;
        DROP INDEX statement_country_date_idx;
"
    # In the order of the migrations. A foreign key given "INDEX name" owns that index, as one that created its own;
    # the speaker key finds statement_speaker_idx and uses it, as when the migrations ran.
    create_indexes="
        CREATE INDEX statement_speaker_idx ON statement (speaker_id);
        ALTER TABLE statement ADD CONSTRAINT ${con[STATEMENT.SPEAKER_ID]} FOREIGN KEY (speaker_id)
            REFERENCES participant (id) $fk_check;
        CREATE INDEX statement_date_idx ON statement (event_date, event_id, position, id);
        CREATE INDEX statement_country_date_idx ON statement (speaker_country, event_date, event_id, position, id);"
    schema_shape() {   # every index with its columns, every constraint with its index and rules (not timings)
        h2_sql "select i.table_name, i.index_name, i.index_type_name, c.ordinal_position, c.column_name,
                       c.ordering_specification, c.null_ordering, c.is_unique
                from information_schema.indexes i join information_schema.index_columns c
                  on c.index_schema = i.index_schema and c.index_name = i.index_name
                where i.table_schema = 'PUBLIC' order by 1, 2, 4" | sed '$d'
        h2_sql "select tc.table_name, tc.constraint_name, tc.constraint_type, tc.index_name, rc.unique_constraint_name,
                       rc.update_rule, rc.delete_rule
                from information_schema.table_constraints tc left join information_schema.referential_constraints rc
                  on rc.constraint_schema = tc.constraint_schema and rc.constraint_name = tc.constraint_name
                where tc.table_schema = 'PUBLIC' order by 1, 2" | sed '$d'
    }
    shape_before="$(schema_shape)"
    {
        echo "$drop_indexes"
        [[ "${LOAD_CHECK_FK:-0}" == 1 ]] || echo "SET REFERENTIAL_INTEGRITY FALSE;"
        for t in "${TABLES[@]}"; do
            for f in "$data/$t".*.csv; do
                [[ -e "$f" ]] || continue
                echo "INSERT INTO $t($(head -1 "$f")) SELECT * FROM CSVREAD('$f', NULL, 'charset=UTF-8');"
            done
        done
        echo "SET REFERENTIAL_INTEGRITY TRUE;"
        echo "$create_indexes"
        # the country index that Parley keeps on writes (migration V5 fills it the same way)
        echo "delete from event_country;"
        sed -n '/^insert into event_country/,/;$/p' "$EVENT_COUNTRY_SQL"
        history_baseline
    } >"$script"
    # Each statement commits on its own (autocommit). CSVREAD reads its whole file into a result that H2 keeps in
    # memory up to h2.maxMemoryRows rows, then spills to the database file: 3 M keeps a CSV part (2 M rows) in memory
    # and gives index builds 1.5 M-row sorted runs. The property is not stored in the database; CACHE_SIZE (1 GB of
    # pages) is, but Parley's URL sets its own (4 MB, see application.properties) at each start.
    java -Xmx8g -Dh2.maxMemoryRows=3000000 -cp "$H2_JAR" org.h2.tools.RunScript \
        -url "jdbc:h2:file:$H2_DB;CACHE_SIZE=1048576" -user "$H2_USER" -password '' -script "$script" -showResults \
        | statement_times
    if [[ "$(schema_shape)" != "$shape_before" ]]; then
        echo "the schema after the load differs from the one Flyway created:" >&2
        diff <(echo "$shape_before") <(schema_shape) >&2
        exit 1
    fi
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

# Parley indexes for search the statements and events that a bulk load leaves without an index entry, and renders
# their stored documents (event_doc, statement_doc), in the background after it starts; it is ready once the index is
# complete. Run it once until both are done, so that benchmarks measure searches of a whole index and reads of stored
# documents.
echo "indexing and rendering stored documents: starting Parley until its search index and document backfills are done"
READY_TIMEOUT="${INDEX_TIMEOUT:-7200}"
log="/tmp/bench-load-$target-$BENCH_PORT-documents.log"
start_parley "$target" "$log"
trap stop_parley EXIT
if ! wait_ready; then tail -30 "$log" >&2; exit 1; fi
until grep -q 'document backfill done' "$log"; do
    kill -0 "$PARLEY_PID" 2>/dev/null || { tail -30 "$log" >&2; exit 1; }
    sleep 1
done
grep -o 'search index backfill done.*' "$log" || true
grep -o 'document backfill done.*' "$log"
stop_parley
trap - EXIT
echo "loaded $(python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print(f\"{m['rows']['event']:,} events, {m['rows']['statement']:,} statements\")" "$data/meta.json") into $target in $(elapsed "$t0") s"
