#!/usr/bin/env bash
# Restores Parley's embedded H2 database from one of its backups (org.parley.backup: data/backups/parley-*.zip by
# default, each verified when it was taken):
#
#   tools/restore-h2.sh BACKUP.zip [H2_DATABASE]
#
# H2_DATABASE is the database file without .mv.db (./data/parley with the default URL). Stop Parley first: H2 is
# embedded, and the file is replaced. The current file is not deleted but moved aside, as
# H2_DATABASE.mv.db.before-restore-<UTC time>, and the restored database is opened once and its records counted
# before the command answers. Needs java and an H2 jar: the one in $PARLEY_HOME/lib/main (target/quarkus-app by
# default), or $H2_JAR. H2_USER and H2_PASSWORD if the database was created with others than Parley's default
# (parley, empty).
set -euo pipefail

usage="usage: $0 BACKUP.zip [H2_DATABASE]"
[[ $# == 1 || $# == 2 ]] || { echo "$usage" >&2; exit 2; }
backup="$1"
h2_db="${2:-./data/parley}"
h2_db="${h2_db%.mv.db}"
[[ -f "$backup" ]] || { echo "no backup at $backup" >&2; exit 1; }
mkdir -p "$(dirname "$h2_db")"
h2_db="$(cd "$(dirname "$h2_db")" && pwd)/$(basename "$h2_db")"   # H2 takes no implicitly relative path
parley_home="${PARLEY_HOME:-target/quarkus-app}"
h2_jar="${H2_JAR:-$(ls "$parley_home"/lib/main/com.h2database.h2-*.jar 2>/dev/null | head -1)}"
[[ -f "$h2_jar" ]] || { echo "no H2 jar in $parley_home/lib/main (set H2_JAR or PARLEY_HOME)" >&2; exit 1; }
name="$(basename "$h2_db")"
python3 -m zipfile -l "$backup" | grep -q "^$name.mv.db " || { echo "$backup holds no database '$name'" >&2; exit 1; }
h2_shell() { java -cp "$h2_jar" org.h2.tools.Shell -url "jdbc:h2:file:$h2_db;ACCESS_MODE_DATA=r" \
    -user "${H2_USER:-parley}" -password "${H2_PASSWORD:-}" -sql "$1"; }
# a database Parley has open is locked: opening it here fails
if [[ -f "$h2_db.mv.db" ]] && ! h2_shell "select 1" >/dev/null 2>&1; then
    echo "$h2_db.mv.db cannot be opened (in use? stop Parley first)" >&2; exit 1
fi

if [[ -f "$h2_db.mv.db" ]]; then
    aside="$h2_db.mv.db.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
    mv "$h2_db.mv.db" "$aside"
    echo "the current database moved aside to $aside"
fi
started=$EPOCHREALTIME
java -cp "$h2_jar" org.h2.tools.Restore -file "$backup" -dir "$(dirname "$h2_db")" -db "$name" -quiet
# opened once, read-only, and counted: the restored file is a database Parley can start on
counts="(select count(*) from event) || ' events, ' || (select count(*) from statement) || ' statements, last revision '"
counts="$counts || (select coalesce(max(rev), 0) from revinfo) as restored"
summary="$(h2_shell "select $counts" | sed -n 2p)"
echo "restored $backup into $h2_db.mv.db in $(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s: $summary"
