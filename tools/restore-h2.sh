#!/usr/bin/env bash
# Restores Parley's embedded H2 database from one of its backups (org.parley.backup: data/backups/parley-*.zip by
# default, each verified when it was taken), to just before a mistake, or both:
#
#   tools/restore-h2.sh BACKUP.zip [H2_DATABASE]                 # as the backup was taken
#   tools/restore-h2.sh --to WHEN [H2_DATABASE]                  # the database as it stood at WHEN
#   tools/restore-h2.sh --to WHEN BACKUP.zip [H2_DATABASE]       # the backup, then as it stood at WHEN (a lost disk)
#
# WHEN is a time with its offset (2026-12-06T10:15:00Z: the state after the last revision written at or before it)
# or a revision number (the change feed's "revision"). H2 has no log to replay: the rewind undoes every later
# revision from the history Parley keeps of every record (org.parley.backup.Rewind), in one transaction, and forgets
# them. H2_DATABASE is the database file without .mv.db (./data/parley with the default URL). Stop Parley first:
# H2 is embedded, and the file is replaced. The current file is not deleted but kept aside, as
# H2_DATABASE.mv.db.before-restore-<UTC time>, and the restored database is opened once and its records counted
# before the command answers. Needs java and Parley's build ($PARLEY_HOME, target/quarkus-app by default: the rewind
# is Parley started with parley.rewind.to, which exits when done) with its H2 jar (or $H2_JAR). H2_USER and
# H2_PASSWORD if the database was created with others than Parley's default (parley, empty).
set -euo pipefail

usage="usage: $0 [--to WHEN] [BACKUP.zip] [H2_DATABASE] (a backup, --to, or both)"
to=""
if [[ "${1:-}" == "--to" ]]; then
    [[ $# -ge 2 ]] || { echo "$usage" >&2; exit 2; }
    to="$2"
    shift 2
fi
backup=""
if [[ "${1:-}" == *.zip ]]; then
    backup="$1"
    shift
fi
[[ $# -le 1 && ( -n "$backup" || -n "$to" ) ]] || { echo "$usage" >&2; exit 2; }
h2_db="${1:-./data/parley}"
h2_db="${h2_db%.mv.db}"
[[ -z "$backup" || -f "$backup" ]] || { echo "no backup at $backup" >&2; exit 1; }
mkdir -p "$(dirname "$h2_db")"
h2_db="$(cd "$(dirname "$h2_db")" && pwd)/$(basename "$h2_db")"   # H2 takes no implicitly relative path
parley_home="${PARLEY_HOME:-target/quarkus-app}"
h2_jar="${H2_JAR:-$(ls "$parley_home"/lib/main/com.h2database.h2-*.jar 2>/dev/null | head -1)}"
[[ -f "$h2_jar" ]] || { echo "no H2 jar in $parley_home/lib/main (set H2_JAR or PARLEY_HOME)" >&2; exit 1; }
name="$(basename "$h2_db")"
if [[ -n "$backup" ]]; then
    python3 -m zipfile -l "$backup" | grep -q "^$name.mv.db " || { echo "$backup holds no database '$name'" >&2; exit 1; }
else
    [[ -f "$h2_db.mv.db" ]] || { echo "no database at $h2_db.mv.db" >&2; exit 1; }
fi
h2_shell() { java -cp "$h2_jar" org.h2.tools.Shell -url "jdbc:h2:file:$h2_db;ACCESS_MODE_DATA=r" \
    -user "${H2_USER:-parley}" -password "${H2_PASSWORD:-}" -sql "$1"; }
# a database Parley has open is locked: opening it here fails
if [[ -f "$h2_db.mv.db" ]] && ! h2_shell "select 1" >/dev/null 2>&1; then
    echo "$h2_db.mv.db cannot be opened (in use? stop Parley first)" >&2; exit 1
fi

started=$EPOCHREALTIME
if [[ -f "$h2_db.mv.db" ]]; then
    aside="$h2_db.mv.db.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
    if [[ -n "$backup" ]]; then
        mv "$h2_db.mv.db" "$aside"
        echo "the current database moved aside to $aside"
    else
        cp "$h2_db.mv.db" "$aside"
        echo "the current database copied aside to $aside"
    fi
fi
if [[ -n "$backup" ]]; then
    java -cp "$h2_jar" org.h2.tools.Restore -file "$backup" -dir "$(dirname "$h2_db")" -db "$name" -quiet
fi
if [[ -n "$to" ]]; then
    # Parley itself, on a port of its own, started to rewind and exit; its log says what it undid
    log="$(mktemp)"
    if ! java -Dparley.rewind.to="$to" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=0 \
            -Dparley.backup.every=off -Dparley.snapshot.every=off \
            -Dquarkus.datasource.jdbc.url="jdbc:h2:file:$h2_db;WRITE_DELAY=0" \
            -Dquarkus.datasource.username="${H2_USER:-parley}" -Dquarkus.datasource.password="${H2_PASSWORD:-}" \
            -jar "$parley_home/quarkus-run.jar" >"$log" 2>&1; then
        grep -E "rewind|ERROR" "$log" >&2 || tail -20 "$log" >&2
        rm -f "$log"
        echo "the rewind failed: the database is unchanged by it" >&2
        exit 1
    fi
    grep -o "rewind: .*" "$log" || true
    rm -f "$log"
fi
# opened once, read-only, and counted: the restored file is a database Parley can start on
counts="(select count(*) from event) || ' events, ' || (select count(*) from statement) || ' statements, last revision '"
counts="$counts || (select coalesce(max(rev), 0) from revinfo) as restored"
summary="$(h2_shell "select $counts" | sed -n 2p)"
echo "restored ${backup:-the database}${to:+ to $to} into $h2_db.mv.db in $(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s: $summary"
