# Shared settings and helpers for bench/*.sh (sourced, not run).
# Target database: "pg" or "h2". Everything is overridable by environment.

BENCH_PORT="${BENCH_PORT:-18080}"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
PG_DB="${PG_DB:-parley_bench}"
H2_DB="${H2_DB:-/tmp/bench-data/parley}"            # file database without the .mv.db suffix
H2_USER="${H2_USER:-parley}"                        # the user Parley's H2 URL creates the database with
H2_JAR="${H2_JAR:-$HOME/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar}"
READY_TIMEOUT="${READY_TIMEOUT:-600}"               # seconds to wait for /q/health/ready
# JVM options of a started Parley: a heap that fits a 600 MB container with the JVM's own memory beside it
PARLEY_JAVA_OPTS="${PARLEY_JAVA_OPTS:--Xmx300m}"

# The packaged Parley for a target: $PARLEY_JAR, else /tmp/parley-<target>/quarkus-run.jar (see README).
parley_jar() {
    local target="$1"
    if [[ -n "${PARLEY_JAR:-}" ]]; then echo "$PARLEY_JAR"; else echo "/tmp/parley-$target/quarkus-run.jar"; fi
}

jdbc_url() {
    case "$1" in
        pg) echo "jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" ;;
        h2) echo "jdbc:h2:file:$H2_DB;WRITE_DELAY=0;CACHE_SIZE=${H2_CACHE_KB:-4096}" ;; # the settings of the default URL
        *) echo "unknown target $1 (pg or h2)" >&2; return 1 ;;
    esac
}

psql_bench() {
    psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -v ON_ERROR_STOP=1 -q "$@"
}

# import_document STATEMENTS: the path of the generated import document of that many statements, written once
import_document() {
    local doc="/tmp/bench-import-$1.json"
    [[ -f "$doc" ]] || python3 "$(dirname "${BASH_SOURCE[0]}")/import_doc.py" --statements "$1" --seed 7 --out "$doc" >&2
    echo "$doc"
}

# start_fresh TARGET LOGFILE: an empty database of the target ($H2_DB's folder removed, $PG_DB dropped and created
# again), Parley started on it and ready; stopped when the script exits.
start_fresh() {
    local target="$1" log="$2"
    case "$target" in
        h2) rm -rf "$(dirname "$H2_DB")" ;;
        pg) psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -q -c "drop database if exists $PG_DB" \
                -c "create database $PG_DB" ;;
    esac
    start_parley "$target" "$log"
    trap stop_parley EXIT
    wait_ready || { tail -30 "$log" >&2; exit 1; }
}

# start_parley TARGET LOGFILE: starts the jar in the background on 127.0.0.1:$BENCH_PORT; sets PARLEY_PID.
start_parley() {
    local target="$1" log="$2" jar
    jar="$(parley_jar "$target")"
    [[ -f "$jar" ]] || { echo "no Parley jar at $jar (set PARLEY_JAR)" >&2; return 1; }
    if curl -s -o /dev/null "http://127.0.0.1:$BENCH_PORT/q/health/ready"; then
        echo "something already answers on port $BENCH_PORT; stop it first" >&2; return 1
    fi
    [[ "$target" == h2 ]] && mkdir -p "$(dirname "$H2_DB")"
    # no per-client limits: the load generator is one client making thousands of requests a second
    PARLEY_LIMITS_READS_PER_MINUTE=0 PARLEY_LIMITS_WRITES_PER_MINUTE=0 \
    QUARKUS_HTTP_PORT="$BENCH_PORT" QUARKUS_HTTP_HOST=127.0.0.1 PARLEY_EDITOR_PASSWORD="${PARLEY_EDITOR_PASSWORD:-bench}" \
        QUARKUS_DATASOURCE_JDBC_URL="$(jdbc_url "$target")" QUARKUS_DATASOURCE_USERNAME="$( [[ $target == pg ]] && echo "$PG_USER" || echo "$H2_USER")" \
        QUARKUS_DATASOURCE_PASSWORD= \
        java $PARLEY_JAVA_OPTS -jar "$jar" >"$log" 2>&1 &
    PARLEY_PID=$!
}

# wait_ready: polls /q/health/ready every 0.1 s until 200, or fails after READY_TIMEOUT s or if the process died.
wait_ready() {
    local deadline=$(( $(date +%s) + READY_TIMEOUT ))
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$BENCH_PORT/q/health/ready")" == 200 ]]; do
        if [[ -n "${PARLEY_PID:-}" ]] && ! kill -0 "$PARLEY_PID" 2>/dev/null; then
            echo "Parley exited before it was ready" >&2; return 1
        fi
        (( $(date +%s) < deadline )) || { echo "Parley not ready after $READY_TIMEOUT s" >&2; return 1; }
        sleep 0.1
    done
}

stop_parley() {
    if [[ -n "${PARLEY_PID:-}" ]] && kill -0 "$PARLEY_PID" 2>/dev/null; then
        kill "$PARLEY_PID"
        wait "$PARLEY_PID" 2>/dev/null || true
    fi
    PARLEY_PID=
}

# cpu_sample PID: CPU seconds used so far by the JVM PID's JIT compiler threads, by its collector's threads, by the
# rest of it, and by the processes of PostgreSQL's user (the server's backends), as "jit collector other server".
# Subtract two samples for what happened between them (threads and processes that ended between them are not in it).
cpu_sample() {
    python3 - "$1" "$PG_USER" <<'PY'
import os, pwd, sys
pid, server_user = sys.argv[1], sys.argv[2]
tick = os.sysconf("SC_CLK_TCK")

def cpu(stat_path):  # (name, utime + stime in seconds) from a /proc stat file
    stat = open(stat_path).read()
    fields = stat[stat.rindex(")") + 2:].split()
    return stat[stat.index("(") + 1:stat.rindex(")")], (int(fields[11]) + int(fields[12])) / tick

_, whole = cpu(f"/proc/{pid}/stat")  # counts threads that have ended too
jit = collector = 0.0
for tid in os.listdir(f"/proc/{pid}/task"):
    try:
        name, seconds = cpu(f"/proc/{pid}/task/{tid}/stat")
    except OSError:
        continue
    if name.startswith(("C1 Compiler", "C2 Compiler")):
        jit += seconds
    elif name.startswith(("GC Thread", "G1 ")):
        collector += seconds
try:
    uid = pwd.getpwnam(server_user).pw_uid
except KeyError:
    uid = None
server = 0.0
for proc in filter(str.isdigit, os.listdir("/proc")):
    try:
        if uid is not None and os.stat(f"/proc/{proc}").st_uid == uid:
            server += cpu(f"/proc/{proc}/stat")[1]
    except OSError:
        continue
print(f"{jit:.2f} {collector:.2f} {whole - jit - collector:.2f} {server:.2f}")
PY
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
