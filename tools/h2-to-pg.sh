#!/usr/bin/env bash
# Moves a Parley database from its embedded H2 file into a fresh PostgreSQL database: every record with its id, every
# revision of its history (revinfo and the *_aud tables), the import markers and the next id of every identity, so
# that the PostgreSQL build then answers exactly what the H2 build answered (tools/h2-to-pg-check.sh
# compares the two through the API, record by record).
#
#   QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://HOST:PORT/DATABASE QUARKUS_DATASOURCE_USERNAME=USER \
#   QUARKUS_DATASOURCE_PASSWORD=... PARLEY_HOME=target/quarkus-app tools/h2-to-pg.sh [--force] H2_DATABASE
#
# H2_DATABASE is the H2 file without .mv.db (./data/parley with the default URL). Stop Parley first: H2 is embedded,
# and the file is opened read-only here (nothing is written to it). The target is given by the variables Parley's
# PostgreSQL build starts with; PARLEY_HOME is that build (target/quarkus-app after docker/build.sh or
# `./mvnw package -Dquarkus.profile=pg`, the default), of the same Parley version as the H2 file's last start.
# Needs java, psql and an H2 jar (the one in $PARLEY_HOME/lib/main, or $H2_JAR); H2_USER and H2_PASSWORD if the H2
# database was created with others than Parley's default (parley, empty).
#
# 1. The schema: Parley's PostgreSQL build is started once on the target, so that its Flyway migrations create (or
#    bring up to date) the schema, and stopped; both databases must then list the same migrations (but those that only
#    PostgreSQL runs, from db/postgresql, or only H2, from db/h2), tables and columns.
# 2. Every table is written by H2's CSVWRITE in COPY's text format (NULL as \N, so an empty string stays one; below
#    why not CSV) and read by psql's \copy in foreign-key order, in one transaction that first empties the target's
#    tables (a first start imports the seed event) and ends by moving every identity sequence to the next value H2
#    would have given, past the ids of deleted records too: a new record never takes an id the history knows.
# 3. The row counts of both sides are compared, and the target analyzed.
# The stored documents (event_doc, event_full_doc, statement_doc, statement_csv) are not copied: they are renderings
# of the tables, which Parley renders again in the background at its first start on PostgreSQL (log line "document
# backfill done"; reads render a missing one meanwhile), so the check compares PostgreSQL's own renderings with H2's.
# Nor is the word index (nor the terms a statement's row lists for it on H2): PostgreSQL keeps it in another form
# (migrations V21, V24), and Parley indexes every record again at that first start, before it says it is ready (log
# line "search index backfill done").
# The target's flyway_schema_history is its own, written by step 1.
#
# Refuses a target that holds anything but what Parley's first start puts there (revisions by "system" only) unless
# --force, and a target with other sessions connected (stop Parley on it). The load is all or nothing.
set -euo pipefail

usage="usage: [QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://HOST:PORT/DATABASE ...] $0 [--force] H2_DATABASE"
force=
[[ "${1:-}" == --force ]] && { force=1; shift; }
[[ $# == 1 ]] || { echo "$usage" >&2; exit 2; }
h2_db="${1%.mv.db}"
[[ -f "$h2_db.mv.db" ]] || { echo "no H2 database at $h2_db.mv.db" >&2; exit 1; }
h2_db="$(cd "$(dirname "$h2_db")" && pwd)/$(basename "$h2_db")"   # H2 takes no implicitly relative path

url="${QUARKUS_DATASOURCE_JDBC_URL:?set QUARKUS_DATASOURCE_JDBC_URL to the target, jdbc:postgresql://HOST:PORT/DB}"
[[ "$url" =~ ^jdbc:postgresql://([^/:,?]+)(:([0-9]+))?/([^/?]+)(\?.*)?$ ]] \
    || { echo "$url: expected jdbc:postgresql://HOST[:PORT]/DATABASE (one host)" >&2; exit 1; }
export PGHOST="${BASH_REMATCH[1]}" PGPORT="${BASH_REMATCH[3]:-5432}" PGDATABASE="${BASH_REMATCH[4]}"
export PGUSER="${QUARKUS_DATASOURCE_USERNAME:-postgres}"
[[ -n "${QUARKUS_DATASOURCE_PASSWORD:-}" ]] && export PGPASSWORD="$QUARKUS_DATASOURCE_PASSWORD"

parley_home="${PARLEY_HOME:-target/quarkus-app}"
[[ -f "$parley_home/quarkus-run.jar" ]] || { echo "no Parley build at $parley_home (set PARLEY_HOME)" >&2; exit 1; }
h2_jar="${H2_JAR:-$(ls "$parley_home"/lib/main/com.h2database.h2-*.jar 2>/dev/null | head -1)}"
[[ -f "$h2_jar" ]] || { echo "no H2 jar in $parley_home/lib/main (set H2_JAR)" >&2; exit 1; }
h2_url="jdbc:h2:file:$h2_db;ACCESS_MODE_DATA=r;LAZY_QUERY_EXECUTION=TRUE"   # read-only; large tables streamed

# The rendered documents and the word index: derived from the other tables, made again by Parley (see above).
DERIVED=(event_doc event_full_doc statement_doc statement_csv event_term event_stems search_term word
         statement_posting)

started=$EPOCHREALTIME
work="$(mktemp -d)"   # the exported files hold the whole database: only for this user, removed at the end
parley_pid=
cleanup() {
    if [[ -n "$parley_pid" ]]; then kill "$parley_pid" 2>/dev/null; wait "$parley_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

psql_q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
h2_run() { java -cp "$h2_jar" org.h2.tools.RunScript -url "$h2_url" -user "${H2_USER:-parley}" \
    -password "${H2_PASSWORD:-}" -script "$1"; }
unquote() { tr -d '"\r'; }   # H2's metadata CSVs below: identifiers and numbers, every value quoted
seconds() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

echo "== H2 $h2_db.mv.db -> PostgreSQL $PGHOST:$PGPORT/$PGDATABASE"

# --- the source: readable (Parley stopped), its migrations, columns and next ids ------------------------------------
cat >"$work/h2-meta.sql" <<SQL
CALL CSVWRITE('$work/h2-columns.csv', 'SELECT LOWER(TABLE_NAME) || ''.'' || LOWER(COLUMN_NAME)
    FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ''PUBLIC'' AND TABLE_NAME <> ''flyway_schema_history''',
    'charset=UTF-8 writeColumnHeader=false');
CALL CSVWRITE('$work/h2-migrations.csv', 'SELECT "version" || '':'' || "checksum" FROM "flyway_schema_history"
    WHERE "success" AND "version" IS NOT NULL AND "script" NOT LIKE ''db/h2/%'' ORDER BY "installed_rank"',
    'charset=UTF-8 writeColumnHeader=false');
CALL CSVWRITE('$work/h2-identities.csv', 'SELECT LOWER(TABLE_NAME), LOWER(COLUMN_NAME), IDENTITY_BASE
    FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ''PUBLIC'' AND IS_IDENTITY = ''YES''',
    'charset=UTF-8 writeColumnHeader=false');
SQL
if ! h2_run "$work/h2-meta.sql" 2>"$work/h2.err"; then
    echo "cannot read $h2_db.mv.db (is Parley still running on it?):" >&2; cat "$work/h2.err" >&2; exit 1
fi

# --- the target: UTF-8, nobody connected, nothing but a first start's content --------------------------------------
[[ "$(psql_q -c "show server_encoding")" == UTF8 ]] \
    || { echo "the target's encoding is not UTF8 (create it with: create database ... encoding 'UTF8')" >&2; exit 1; }
others=$(psql_q -c "select count(*) from pg_stat_activity
                    where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'")
[[ "$others" == 0 ]] || { echo "$others other sessions are connected to $PGDATABASE: stop Parley on it" >&2; exit 1; }
tables=$(psql_q -c "select count(*) from pg_tables where schemaname = 'public'")
if [[ "$tables" != 0 && -z "$force" ]]; then
    edits=$(psql_q -c "select case when to_regclass('public.revinfo') is null then -1
                                   else (select count(*) from revinfo where editor <> 'system') end")
    if [[ "$edits" != 0 ]]; then
        echo "$PGDATABASE is not empty ($tables tables$([[ $edits -gt 0 ]] && echo ", $edits revisions by editors")):" \
             "it would be replaced. Use a new database, or --force to replace its Parley tables' content." >&2
        exit 1
    fi
fi

# --- 1. the schema: Parley's PostgreSQL build migrates the target ---------------------------------------------------
echo "creating the schema: starting $parley_home once on the target"
t0=$EPOCHREALTIME
# port 0: any free port, nothing else is asked of this start; a throw-away editor password keeps the log quiet
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=0 PARLEY_EDITOR_PASSWORD="move-$RANDOM$RANDOM" \
    java ${JAVA_OPTS:-} -jar "$parley_home/quarkus-run.jar" >"$work/parley.log" 2>&1 &
parley_pid=$!
# "Listening on" comes after every start-up task: the migrations and the seed import are committed
deadline=$(( SECONDS + ${START_TIMEOUT:-600} ))
until grep -q 'Listening on' "$work/parley.log"; do
    if ! kill -0 "$parley_pid" 2>/dev/null || (( SECONDS > deadline )); then
        echo "Parley did not start on the target:" >&2; tail -30 "$work/parley.log" >&2; exit 1
    fi
    sleep 0.2
done
kill "$parley_pid"; wait "$parley_pid" 2>/dev/null || true; parley_pid=
echo "   done in $(seconds "$t0") s"

# --- what PostgreSQL now has, against H2 -----------------------------------------------------------------------------
# Tables in foreign-key order: each after every table it references (the schema has no cycles).
mapfile -t order < <(psql_q -c "
    with recursive deps(tbl, depth) as (
        select c.oid, 0 from pg_class c
        where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relname <> 'flyway_schema_history'
        union all
        select f.conrelid, d.depth + 1 from pg_constraint f join deps d on f.confrelid = d.tbl
        where f.contype = 'f' and f.conrelid <> f.confrelid)
    select relname from deps join pg_class c on c.oid = deps.tbl group by relname order by max(depth), relname")
copied=()
for t in "${order[@]}"; do
    [[ " ${DERIVED[*]} " == *" $t "* ]] || copied+=("$t")
done
psql_q -c "select table_name || '.' || column_name from information_schema.columns
           where table_schema = 'public' and table_name <> 'flyway_schema_history'" | LC_ALL=C sort >"$work/pg-columns"
psql_q -c "select version || ':' || checksum from flyway_schema_history
           where success and version is not null and script not like 'db/postgresql/%'
           order by installed_rank" >"$work/pg-migrations"

if ! diff <(unquote <"$work/h2-migrations.csv") "$work/pg-migrations" >"$work/diff"; then
    echo "H2 and the PostgreSQL build differ in their migrations (< H2, > PostgreSQL): start the H2 build of the" \
         "same Parley version once on the file to migrate it, then move" >&2
    cat "$work/diff" >&2; exit 1
fi
if ! diff <(unquote <"$work/h2-columns.csv" | LC_ALL=C sort) "$work/pg-columns" >"$work/diff"; then
    echo "H2 and PostgreSQL differ in their tables or columns (< H2, > PostgreSQL):" >&2; cat "$work/diff" >&2; exit 1
fi

# --- 2. export from H2 ----------------------------------------------------------------------------------------------
# In COPY's text format, not CSV: psql before version 18 ends a \copy at any input line that is "\." alone, also
# inside a quoted CSV field, so that a text of several lines with such a line would be cut there and the load fail.
# In the text format every row is one line: H2 escapes the backslashes, newlines, carriage returns and tabs of text
# as that format wants them, writes the fields unquoted between tabs, and NULL as \N (an empty string stays empty).
# Other types have none of these characters; bytea goes as \x and hex digits (its backslash escaped too).
t0=$EPOCHREALTIME
read -r text_expr <<'SQL'   # (inside CSVWRITE's query, itself a string: its quotes doubled)
REPLACE(REPLACE(REPLACE(REPLACE(@, ''\'', ''\\''), CHAR(10), ''\n''), CHAR(13), ''\r''), CHAR(9), ''\t'')
SQL
declare -A h2_select pg_columns   # table -> its columns for CSVWRITE's query, and for \copy
while IFS='|' read -r t column type; do
    h2_column="\"${column^^}\""
    case "$t.$column:$type" in
        # a statement's terms (H2 lists them for its postings, V24) are PostgreSQL's word index: made again there
        statement.terms:*|statement.weights:*) expression="NULL" ;;
        *:text|*:character*) expression="${text_expr//@/$h2_column}" ;;
        *:bytea) expression="''\\\\x'' || RAWTOHEX($h2_column)" ;;
        *) expression="$h2_column" ;;
    esac
    h2_select[$t]+="${h2_select[$t]:+, }$expression"
    pg_columns[$t]+="${pg_columns[$t]:+, }\"$column\""
done < <(psql_q -c "select table_name, column_name, data_type from information_schema.columns
                    where table_schema = 'public' order by table_name, ordinal_position")
{
    counts=()
    for t in "${copied[@]}"; do
        echo "CALL CSVWRITE('$work/$t.tsv', 'SELECT ${h2_select[$t]} FROM \"${t^^}\"',"
        # (the options are split at spaces with \ as escape character: \\N is \N)
        echo "    'charset=UTF-8 writeColumnHeader=false fieldDelimiter= escape= null=\\\\N fieldSeparator='"
        echo "    || CHAR(9));"
        counts+=("SELECT ''$t'' || '' '' || COUNT(*) FROM \"${t^^}\"")
    done
    # the row counts, read in the same session after the tables
    echo "CALL CSVWRITE('$work/h2-counts.csv', '$(printf '%s UNION ALL ' "${counts[@]}" | sed 's/ UNION ALL $//')',"
    echo "    'charset=UTF-8 writeColumnHeader=false');"
} >"$work/export.sql"
h2_run "$work/export.sql"
echo "exported ${#copied[@]} tables from H2 in $(seconds "$t0") s ($(du -sh "$work" | cut -f1))"

# --- 3. load into PostgreSQL ----------------------------------------------------------------------------------------
t0=$EPOCHREALTIME
{
    # every table, the documents and what the first start imported included; the identities are set below
    echo "truncate table $(IFS=,; echo "${order[*]}");"
    for t in "${copied[@]}"; do
        echo "\\copy \"$t\"(${pg_columns[$t]}) from '$work/$t.tsv' with (format text, encoding 'UTF8')"
    done
    while IFS=, read -r t column base; do
        # H2's next value, so that the ids of records deleted on H2 stay unused; the largest id + 1 if that is more
        # (rows inserted with their ids, as bench/load.sh does, leave H2's behind until it is restarted)
        echo "select setval(pg_get_serial_sequence('\"$t\"', '$column'),"
        echo "              greatest($base, coalesce(max(\"$column\"), 0) + 1), false) from \"$t\";"
    done < <(unquote <"$work/h2-identities.csv")
} >"$work/load.sql"
if ! diff <(unquote <"$work/h2-identities.csv" | cut -d, -f1,2 | LC_ALL=C sort) <(psql_q -c "
        select table_name || ',' || column_name from information_schema.columns
        where table_schema = 'public' and is_identity = 'YES'" | LC_ALL=C sort) >"$work/diff"; then
    echo "H2 and PostgreSQL differ in their identity columns (< H2, > PostgreSQL):" >&2; cat "$work/diff" >&2; exit 1
fi
psql_q -1 -f "$work/load.sql" >/dev/null
echo "loaded into PostgreSQL in $(seconds "$t0") s"

for t in "${copied[@]}"; do
    echo "select '$t' || ' ' || count(*) from \"$t\";"
done | psql_q | LC_ALL=C sort >"$work/pg-counts"
if ! diff <(unquote <"$work/h2-counts.csv" | LC_ALL=C sort) "$work/pg-counts" >"$work/diff"; then
    echo "row counts differ after the load (< H2, > PostgreSQL):" >&2; cat "$work/diff" >&2; exit 1
fi
t0=$EPOCHREALTIME
psql_q -c "vacuum (analyze)"
echo "analyzed in $(seconds "$t0") s"
rows=$(awk '{ n += $2 } END { print n }' "$work/pg-counts")
echo "moved $rows rows of ${#copied[@]} tables in $(seconds "$started") s; row counts equal on both sides"
awk '{ printf "%s%s %s", (NR > 1 ? ", " : "   "), $1, $2 } END { print "" }' "$work/pg-counts"
echo "Start Parley's PostgreSQL build on $PGDATABASE: it renders the stored documents in the background" \
     "(log line \"document backfill done\")."
