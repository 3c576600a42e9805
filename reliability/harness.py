"""What the reliability harnesses share: the packaged jar as a process, and requests to it. Standard library only."""
import base64
import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request

PASSWORD = "reliability-harness-secret"
AUTH = "Basic " + base64.b64encode(f"editor:{PASSWORD}".encode()).decode()
PG = {"host": "127.0.0.1", "port": "5432", "user": "postgres"}


class Parley:
    """The packaged jar as a process on a loopback port."""

    def __init__(self, jar, port, jdbc_url, user, log, java_opts=("-Xmx512m",), env=None):
        self.jar, self.port, self.jdbc_url, self.user, self.log = jar, port, jdbc_url, user, log
        self.java_opts = list(java_opts)
        self.env = dict(env or {})
        self.process = None

    def start(self):
        env = dict(os.environ, QUARKUS_HTTP_PORT=str(self.port), QUARKUS_HTTP_HOST="127.0.0.1",
                   QUARKUS_DATASOURCE_JDBC_URL=self.jdbc_url, QUARKUS_DATASOURCE_USERNAME=self.user,
                   QUARKUS_DATASOURCE_PASSWORD="", PARLEY_EDITOR_PASSWORD=PASSWORD,
                   # the writers are one client making hundreds of writes a minute
                   PARLEY_LIMITS_READS_PER_MINUTE="0", PARLEY_LIMITS_WRITES_PER_MINUTE="0", **self.env)
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(["java", *self.java_opts, "-jar", self.jar], env=env, stdout=log,
                                            stderr=subprocess.STDOUT)
        started = time.monotonic()
        while time.monotonic() - started < 120:
            if self.process.poll() is not None:
                raise SystemExit(f"Parley exited during start; see {self.log}")
            if self.ready():
                return time.monotonic() - started
            time.sleep(0.2)
        raise SystemExit(f"Parley not ready after 120 s; see {self.log}")

    def ready(self):
        try:
            return call(self.port, "GET", "/q/health/ready", timeout=5)[0] == 200
        except OSError:
            return False

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(30)


def call(port, method, path, body=None, accept="application/json", timeout=30, headers=None):
    """One request; (status, body bytes). Raises OSError when the connection fails."""
    status, _, content = exchange(port, method, path, body, accept, timeout, headers)
    return status, content


def exchange(port, method, path, body=None, accept="application/json", timeout=30, headers=None):
    """One request; (status, response headers, body bytes). Raises OSError when the connection fails."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method,
                                     headers={"Accept": accept})
    if data is not None:
        request.add_header("Content-Type", "application/merge-patch+json" if method == "PATCH"
                           else "application/json")
    if method != "GET":
        request.add_header("Authorization", AUTH)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()
    except urllib.error.URLError as e:
        raise OSError(str(e.reason)) from e


def ndjson(port, collection):
    """Every record of a collection as its list shows it: the NDJSON export, or cursor pages where there is none."""
    if collection in ("events", "statements"):
        status, body = call(port, "GET", f"/api/v1/{collection}", accept="application/x-ndjson", timeout=300)
        if status != 200:
            raise SystemExit(f"export of {collection} answered {status}")
        return [json.loads(line) for line in body.decode().splitlines() if line.strip()]
    records, cursor = [], "*"
    while cursor:
        status, body = call(port, "GET", f"/api/v1/{collection}?size=100&cursor={cursor}", timeout=60)
        if status != 200:
            raise SystemExit(f"listing {collection} answered {status}")
        page = json.loads(body)
        records += page["items"]
        cursor = page.get("nextCursor") if page["items"] else None
    return records


def pg(*args):
    subprocess.run(["psql", "-q", "-h", PG["host"], "-p", PG["port"], "-U", PG["user"], "-d", "postgres",
                    "-c", *args], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, PGOPTIONS="-c client_min_messages=warning"))


def fresh_database(db, pg_database, folder):
    """A new, empty database: (JDBC URL, user). H2 in the folder; PostgreSQL dropped and created again."""
    if db == "h2":
        return f"jdbc:h2:file:{folder}/parley;WRITE_DELAY=0", "parley"
    drop_database(pg_database)
    pg(f"create database {pg_database}")
    return f"jdbc:postgresql://{PG['host']}:{PG['port']}/{pg_database}", PG["user"]


def drop_database(pg_database):
    pg(f"drop database if exists {pg_database} with (force)")


def replay_feed(port, until=None):
    """The four collections as the change feed from the start builds them, up to and including revision `until`
    (all of it when None): ({(collection, id): record}, last revision applied)."""
    state, cursor, last = {}, None, 0
    while True:
        path = "/api/v1/changes?size=1000" + (f"&cursor={cursor}" if cursor else "")
        status, body = call(port, "GET", path, timeout=120)
        if status != 200:
            raise SystemExit(f"change feed answered {status}")
        page = json.loads(body)
        for change in page["items"]:
            if until is not None and change["revision"] > until:
                return state, last
            key = (change["collection"], change["id"])
            if change["operation"] == "DELETED":
                state.pop(key, None)
            else:
                state[key] = change["record"]
            last = change["revision"]
        cursor = page["nextCursor"]
        if not page["more"]:
            return state, last


def differences(port, state, problems, limit=5):
    """How many records of the four collections' exports differ from `state` (missing, extra or changed)."""
    mismatches = 0
    for collection in ("participants", "topics", "events", "statements"):
        exported = {r["id"]: r for r in ndjson(port, collection)}
        replayed = {i: r for (c, i), r in state.items() if c == collection}
        for record_id in sorted(exported.keys() | replayed.keys()):
            if exported.get(record_id) != replayed.get(record_id):
                mismatches += 1
                if mismatches <= limit:
                    what = "missing" if record_id not in exported else "extra" if record_id not in replayed \
                        else "changed"
                    problems.append(f"{collection} {record_id}: {what}")
    return mismatches
