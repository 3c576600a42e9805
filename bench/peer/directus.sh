#!/usr/bin/env bash
# Directus 11.3.5, the instant API server a team would try first, on the benchmark's PostgreSQL database.
#
#   bench/peer/directus.sh install   # npm install into $DIRECTUS_HOME (default /tmp/peer-directus); a few minutes
#   bench/peer/directus.sh setup     # its tables in schema $DIRECTUS_SCHEMA of $PG_DB, then directus.sql (see there)
#   bench/peer/directus.sh start     # in the background on 127.0.0.1:$DIRECTUS_PORT, until /server/health answers
#   bench/peer/directus.sh stop
#
# 11.3.5 is the newest Directus that runs on Node 20. Its own tables (directus_*) go to schema "directus" of the
# database Parley's benchmark loaded (PG_DB, default parley_bench), beside Parley's tables in "public", which it reads
# through its search path; Parley's tables are not changed. Public read access to Parley's collections, the data cache
# off (CACHE_ENABLED=false; its schema is still kept in memory, as by default). Settings: DIRECTUS_HOME,
# DIRECTUS_PORT (18282), DIRECTUS_SCHEMA (directus), and lib.sh's PG_HOST, PG_PORT, PG_USER, PG_DB.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../lib.sh"

DIRECTUS_VERSION=11.3.5
DIRECTUS_HOME="${DIRECTUS_HOME:-/tmp/peer-directus}"
DIRECTUS_PORT="${DIRECTUS_PORT:-18282}"
DIRECTUS_SCHEMA="${DIRECTUS_SCHEMA:-directus}"
pidfile="$DIRECTUS_HOME/directus-$DIRECTUS_PORT.pid"
log="$DIRECTUS_HOME/directus-$DIRECTUS_PORT.log"

directus_env() {
    export DB_CLIENT=pg DB_HOST="$PG_HOST" DB_PORT="$PG_PORT" DB_DATABASE="$PG_DB" DB_USER="$PG_USER" DB_PASSWORD=
    export DB_SEARCH_PATH="$DIRECTUS_SCHEMA,public"
    export HOST=127.0.0.1 PORT="$DIRECTUS_PORT" PUBLIC_URL="http://127.0.0.1:$DIRECTUS_PORT"
    # a local benchmark instance: fixed key and secret, an administrator nobody needs (bootstrap asks for one)
    export KEY=parley-peer-bench SECRET=parley-peer-bench-secret-not-for-production
    export ADMIN_EMAIL=admin@example.org ADMIN_PASSWORD=peer-bench
    export CACHE_ENABLED=false TELEMETRY=false LOG_LEVEL=warn WEBSOCKETS_ENABLED=false RATE_LIMITER_ENABLED=false
    export STORAGE_LOCATIONS=local STORAGE_LOCAL_ROOT="$DIRECTUS_HOME/uploads" EXTENSIONS_PATH="$DIRECTUS_HOME/extensions"
}

case "${1:-}" in
    install)
        command -v npm >/dev/null || { echo "npm is missing (apt-get install -y nodejs npm)" >&2; exit 1; }
        mkdir -p "$DIRECTUS_HOME/uploads" "$DIRECTUS_HOME/extensions"
        cd "$DIRECTUS_HOME"
        [[ -f package.json ]] || echo '{"name": "parley-peer-directus", "private": true}' >package.json
        # the native modules build against the headers of Debian's Node (no download of Node's)
        npm_config_nodedir="${npm_config_nodedir:-/usr}" npm install --no-audit --no-fund "directus@$DIRECTUS_VERSION"
        npx directus --version
        ;;
    setup)
        [[ -x "$DIRECTUS_HOME/node_modules/.bin/directus" ]] || { echo "run: $0 install" >&2; exit 1; }
        [[ "$(psql_bench -Atc "select to_regclass('public.event') is not null")" == t ]] ||
            { echo "no Parley schema in $PG_DB: load it first (bench/load.sh pg ...)" >&2; exit 1; }
        psql_bench -c "create schema if not exists $DIRECTUS_SCHEMA"
        directus_env
        mkdir -p "$DIRECTUS_HOME/uploads" "$DIRECTUS_HOME/extensions"
        (cd "$DIRECTUS_HOME" && npx directus bootstrap 2>&1 | grep -v "doesn't have a primary key column" || true)
        psql_bench -v schema="$DIRECTUS_SCHEMA" -f "$here/directus.sql" 2>&1 | grep -v NOTICE || true
        echo "Directus set up in schema $DIRECTUS_SCHEMA of $PG_DB (restart it if it runs)"
        ;;
    start)
        directus_env
        if curl -s -o /dev/null "http://127.0.0.1:$DIRECTUS_PORT/server/health"; then
            echo "something already answers on port $DIRECTUS_PORT" >&2; exit 1
        fi
        cd "$DIRECTUS_HOME"
        nohup node node_modules/directus/cli.js start >"$log" 2>&1 &
        echo $! >"$pidfile"
        deadline=$(( $(date +%s) + 120 ))
        until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$DIRECTUS_PORT/server/health")" == 200 ]]; do
            kill -0 "$(cat "$pidfile")" 2>/dev/null || { tail -20 "$log" >&2; exit 1; }
            (( $(date +%s) < deadline )) || { echo "Directus not ready after 120 s ($log)" >&2; exit 1; }
            sleep 0.5
        done
        echo "Directus $DIRECTUS_VERSION on http://127.0.0.1:$DIRECTUS_PORT (pid $(cat "$pidfile"), log $log)"
        ;;
    stop)
        if [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            kill "$(cat "$pidfile")"
            while kill -0 "$(cat "$pidfile")" 2>/dev/null; do sleep 0.2; done
        fi
        rm -f "$pidfile"
        ;;
    *) echo "usage: $0 install|setup|start|stop" >&2; exit 2 ;;
esac
