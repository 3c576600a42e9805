"""Scale-out rig: a PostgreSQL primary and its streaming replica, three Parley instances and HAProxy, on loopback.

Builds on this machine, from Debian's packages only:
- two PostgreSQL clusters beside the default one (pg_createcluster): parley_primary on 127.0.0.1:25432 and
  parley_replica on 127.0.0.1:25433, a pg_basebackup of the primary streaming from it through a replication slot;
  the primary commits with synchronous_commit = remote_apply and the replica as its synchronous standby, so a write
  is acknowledged only once the replica shows it: nothing acknowledged is lost when the primary dies, and a read on
  the replica after an acknowledged write sees it;
- Parley instances writer1 (18101) and writer2 (18102) on the primary, through a multi-host JDBC URL with
  targetServerType=primary (after a failover the driver finds the promoted replica by itself), and reader1 (18103)
  on the replica (targetServerType=preferSecondary: the replica, or whatever server is left);
- HAProxy (scale/haproxy.cfg) on 18100: writes to the writers, reads to the reader (the writers as backups), each
  instance in or out by its /q/health/ready; statistics on 18109/stats;
- pgBackRest (Debian's pgbackrest): the primary's WAL archived continuously into a repository under the rig's folder,
  and a full backup of it taken at the start; the replica archives into the same repository once promoted. The
  checks see a WAL segment archived and the backup listed; the drill sees the promoted replica archive.

  python3 scale/rig.py up --jar target/quarkus-app/quarkus-run.jar   # build and start; leaves it running
  python3 scale/rig.py check                                          # behaviour across instances
  python3 scale/rig.py drill --seconds 60                             # failover and instance kill under load
  python3 scale/rig.py down                                           # stop and remove everything
  python3 scale/rig.py all --jar target/quarkus-app/quarkus-run.jar --short   # all four (.ci/run)

The drill runs a steady mixed load through HAProxy, stops the primary (immediate mode, as a crash), promotes the
replica, waits until writes succeed again, then kills writer2 with SIGKILL. It prints requests and outcomes per
phase, the seconds to recover, writes acknowledged against found afterwards and the share of reads the replica's
instance served, and fails on any 500, any request slower than 10 s, any answer of the switch other than a 503
problem, any read that missed its own write, any acknowledged write missing, or more failed requests at the kill
than were in flight. The jar is the PostgreSQL build (-Dquarkus.profile=pg). Needs root (pg_createcluster) and
haproxy. Standard library only.
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reliability"))
from harness import Parley, call, exchange  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
VERSION = sorted(os.listdir("/etc/postgresql"))[-1] if os.path.isdir("/etc/postgresql") else "15"
# below the kernel's ephemeral ports (32768-60999 here): a client connection may hold any port in that range
PRIMARY, REPLICA = ("parley_primary", 25432), ("parley_replica", 25433)
WRITERS, READER, LB, STATS = (18101, 18102), 18103, 18100, 18109
STATE = os.environ.get("PARLEY_RIG_DIR", "/tmp/parley-rig")
DATABASE = "parley"
STANZA = "parley"
HANG = 10.0  # seconds after which a request counts as hung


def sh(*command, check=True):
    done = subprocess.run(command, capture_output=True, text=True)
    if check and done.returncode != 0:
        raise SystemExit(f"rig: {' '.join(command)} exited with {done.returncode}: {done.stderr.strip()}")
    return done


def psql(port, sql, database="postgres"):
    out = subprocess.run(["psql", "-qAtX", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", database,
                          "-c", sql], check=True, capture_output=True, text=True)
    return out.stdout.strip()


def cluster_exists(name):
    return os.path.isdir(f"/etc/postgresql/{VERSION}/{name}")


def drop_clusters():
    for name, _ in (REPLICA, PRIMARY):
        if cluster_exists(name):
            sh("pg_dropcluster", "--stop", VERSION, name, check=False)


def configure(name, settings):
    conf = f"/etc/postgresql/{VERSION}/{name}"
    with open(f"{conf}/conf.d/parley-rig.conf", "w") as out:
        out.writelines(f"{key} = {value}\n" for key, value in settings.items())
    # trust on loopback, as the machine's own server: the rig never listens elsewhere
    with open(f"{conf}/pg_hba.conf", "w") as out:
        out.write("local all all trust\nhost all all 127.0.0.1/32 trust\n"
                  "local replication all trust\nhost replication all 127.0.0.1/32 trust\n")


def wait_for(what, test, seconds=60.0, every=0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if test():
                return
        except (OSError, subprocess.CalledProcessError):
            pass
        time.sleep(every)
    raise SystemExit(f"rig: {what} not reached in {seconds:.0f} s")


def backrest_config():
    """pgBackRest's configuration for the rig: its repository in the rig's folder, owned by postgres."""
    repository = os.path.join(STATE, "pgbackrest")
    shutil.rmtree(repository, ignore_errors=True)
    os.makedirs(repository)
    config = os.path.join(repository, "pgbackrest.conf")
    with open(config, "w") as out:
        out.write(f"[global]\nrepo1-path={repository}/repo\nrepo1-retention-full=2\nlog-path={repository}\n"
                  f"lock-path={repository}/lock\nstart-fast=y\nlog-level-console=warn\n\n[{STANZA}]\n"
                  f"pg1-path=/var/lib/postgresql/{VERSION}/{PRIMARY[0]}\npg1-port={PRIMARY[1]}\n"
                  f"pg1-socket-path=/var/run/postgresql\n")
    sh("chown", "-R", "postgres:postgres", repository)
    return config


def archiving(config, name):
    """The settings that archive a cluster's WAL into the rig's repository (from a standby: once promoted)."""
    return {"archive_mode": "on", "archive_timeout": "60",
            "archive_command": f"'pgbackrest --config={config} --stanza={STANZA} "
                               f"--pg1-path=/var/lib/postgresql/{VERSION}/{name} archive-push %p'"}


def backrest(*args):
    return sh("runuser", "-u", "postgres", "--", "pgbackrest", f"--config={STATE}/pgbackrest/pgbackrest.conf",
              f"--stanza={STANZA}", *args)


def archived(port):
    """WAL segments a cluster archived, and its failed attempts, since it started."""
    archived_count, failed = psql(port, "select archived_count, failed_count from pg_stat_archiver").split("|")
    return int(archived_count), int(failed)


def build_database():
    drop_clusters()
    config = backrest_config()
    name, port = PRIMARY
    sh("pg_createcluster", VERSION, name, "-p", str(port))
    configure(name, {"listen_addresses": "'127.0.0.1'", "wal_level": "replica", "max_wal_senders": "5",
                     "max_replication_slots": "5", "wal_keep_size": "'256MB'", **archiving(config, name)})
    sh("pg_ctlcluster", "--skip-systemctl-redirect", VERSION, name, "start")
    wait_for("the primary", lambda: psql(port, "select 1") == "1")
    psql(port, f"create database {DATABASE}")
    backrest("stanza-create")
    backrest("--type=full", "backup")

    name, port = REPLICA
    sh("pg_createcluster", VERSION, name, "-p", str(port))
    data = f"/var/lib/postgresql/{VERSION}/{name}"
    for entry in os.listdir(data):  # the folder stays, the postgres user's: pg_basebackup fills an empty one
        path = os.path.join(data, entry)
        shutil.rmtree(path) if os.path.isdir(path) and not os.path.islink(path) else os.remove(path)
    sh("runuser", "-u", "postgres", "--", "pg_basebackup", "-h", "127.0.0.1", "-p", str(PRIMARY[1]), "-U",
       "postgres", "-D", data, "-X", "stream", "-c", "fast", "-C", "-S", name)
    configure(name, {"listen_addresses": "'127.0.0.1'", "hot_standby": "on", "hot_standby_feedback": "on",
                     "primary_conninfo": f"'host=127.0.0.1 port={PRIMARY[1]} user=postgres application_name={name}'",
                     "primary_slot_name": f"'{name}'", **archiving(config, name)})
    sh("runuser", "-u", "postgres", "--", "touch", f"{data}/standby.signal")
    sh("pg_ctlcluster", "--skip-systemctl-redirect", VERSION, name, "start")
    wait_for("streaming replication", lambda: psql(
        PRIMARY[1], f"select state from pg_stat_replication where application_name = '{name}'") == "streaming")
    # only now: with a synchronous standby named but absent, every commit would wait
    psql(PRIMARY[1], f"alter system set synchronous_standby_names = '{name}'")
    psql(PRIMARY[1], "alter system set synchronous_commit = 'remote_apply'")
    psql(PRIMARY[1], "select pg_reload_conf()")
    wait_for("a synchronous standby", lambda: psql(
        PRIMARY[1], f"select sync_state from pg_stat_replication where application_name = '{name}'") == "sync")


def jdbc_url(first, second, target):
    return (f"jdbc:postgresql://127.0.0.1:{first},127.0.0.1:{second}/{DATABASE}"
            f"?targetServerType={target}&connectTimeout=2")


def instances(jar):
    writer_url = jdbc_url(PRIMARY[1], REPLICA[1], "primary")
    reader_url = jdbc_url(REPLICA[1], PRIMARY[1], "preferSecondary")
    java = ("-Xmx256m",)
    return {
        "writer1": Parley(jar, WRITERS[0], writer_url, "postgres", f"{STATE}/writer1.log", java),
        "writer2": Parley(jar, WRITERS[1], writer_url, "postgres", f"{STATE}/writer2.log", java),
        # a replica cannot be migrated: its schema arrives from the primary
        "reader1": Parley(jar, READER, reader_url, "postgres", f"{STATE}/reader1.log", java,
                          env={"QUARKUS_FLYWAY_MIGRATE_AT_START": "false"}),
    }


def haproxy_env():
    return dict(os.environ, PARLEY_LB_BIND=f"127.0.0.1:{LB}", PARLEY_LB_STATS=f"127.0.0.1:{STATS}",
                PARLEY_LB_ERRORS=os.path.join(HERE, "errors"), PARLEY_WRITER_1=f"127.0.0.1:{WRITERS[0]}",
                PARLEY_WRITER_2=f"127.0.0.1:{WRITERS[1]}", PARLEY_READER_1=f"127.0.0.1:{READER}")


def save(state):
    with open(f"{STATE}/state.json", "w") as out:
        json.dump(state, out)


def load():
    try:
        with open(f"{STATE}/state.json") as state:
            return json.load(state)
    except FileNotFoundError:
        raise SystemExit("rig: not up (python3 scale/rig.py up --jar ...)")


def up(jar):
    if shutil.which("haproxy") is None:
        raise SystemExit("rig: haproxy is not installed (apt-get install haproxy)")
    if shutil.which("pgbackrest") is None:
        raise SystemExit("rig: pgbackrest is not installed (apt-get install pgbackrest)")
    down(quiet=True)
    os.makedirs(STATE, exist_ok=True)
    started = time.monotonic()
    build_database()
    pids = {}
    parleys = instances(jar)
    # the writers first: the first one migrates and seeds, and the reader's schema comes from them
    for name in ("writer1", "writer2", "reader1"):
        parleys[name].start()
        pids[name] = parleys[name].process.pid
    with open(f"{STATE}/haproxy.log", "ab") as log:
        haproxy = subprocess.Popen(["haproxy", "-f", os.path.join(HERE, "haproxy.cfg"), "-db"], env=haproxy_env(),
                                   stdout=log, stderr=subprocess.STDOUT)
    pids["haproxy"] = haproxy.pid
    save({"pids": pids})
    wait_for("HAProxy with every instance up", lambda: all(
        row["status"] == "UP" for row in stats() if row["svname"] in ("writer1", "writer2", "reader1")), 30)
    print(f"rig: up in {time.monotonic() - started:.0f} s: primary 127.0.0.1:{PRIMARY[1]}, replica "
          f"127.0.0.1:{REPLICA[1]}, writers {WRITERS[0]} and {WRITERS[1]}, reader {READER}, HAProxy {LB} "
          f"(statistics http://127.0.0.1:{STATS}/stats)")


def down(quiet=False):
    try:
        with open(f"{STATE}/state.json") as state:
            pids = json.load(state)["pids"]
    except FileNotFoundError:
        pids = {}
    for pid in pids.values():
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    for pid in pids.values():
        for _ in range(100):
            try:
                os.kill(pid, 0)
                time.sleep(0.1)
            except ProcessLookupError:
                break
        else:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    drop_clusters()
    if os.path.exists(f"{STATE}/state.json"):
        os.remove(f"{STATE}/state.json")
    if not quiet:
        print("rig: down; the machine's own PostgreSQL server untouched")


def stats():
    """HAProxy's per-server rows: {pxname, svname, status, req_tot, ...}."""
    with urllib.request.urlopen(f"http://127.0.0.1:{STATS}/stats;csv", timeout=5) as response:
        lines = response.read().decode().splitlines()
    header = lines[0].lstrip("# ").split(",")
    return [dict(zip(header, line.split(","))) for line in lines[1:] if line]


def reads_per_server():
    """Requests each server of the readers' backend has answered so far."""
    return {row["svname"]: int(row["req_tot"] or 0) for row in stats()
            if row["pxname"] == "readers" and row["svname"] not in ("BACKEND", "FRONTEND")}


def seed_people():
    status, body = call(LB, "POST", "/api/v1/import", {"participants": [
        {"externalId": "rig-a", "name": "Rig A", "kind": "PERSON", "country": "CN"},
        {"externalId": "rig-b", "name": "Rig B", "kind": "PERSON", "country": "RU"}]})
    if status != 200:
        raise SystemExit(f"rig: importing the participants answered {status}: {body[:300]!r}")
    status, body = call(LB, "GET", "/api/v1/participants?q=rig")
    return [p["id"] for p in json.loads(body)["items"]]


def new_event(port, people, title):
    return exchange(port, "POST", "/api/v1/events", {
        "title": title, "type": "MEETING", "date": "2021-06-01",
        "participants": [{"participantId": people[0]}, {"participantId": people[1]}]}, timeout=HANG)


def check():
    """Behaviour across instances: entity tags, cursors, the shared password, reads after writes, replica refusal."""
    load()
    people = seed_people()
    failures = []

    def expect(what, ok):
        print(f"  {'ok  ' if ok else 'FAIL'} {what}")
        if not ok:
            failures.append(what)

    status, _, body = new_event(LB, people, "Tag across instances")
    event = json.loads(body)["id"]
    _, headers, _ = exchange(READER, "GET", f"/api/v1/events/{event}")
    tag = headers["ETag"]
    status, _, _ = exchange(WRITERS[0], "GET", f"/api/v1/events/{event}", headers={"If-None-Match": tag})
    expect(f"an entity tag from reader1 is current on writer1 (304): {status}", status == 304)
    status, headers, _ = exchange(WRITERS[1], "PATCH", f"/api/v1/events/{event}", {"title": "Renamed"},
                                  headers={"If-Match": tag})
    expect(f"writer2 takes reader1's entity tag in If-Match (200): {status}", status == 200)
    status, _, _ = exchange(WRITERS[0], "PATCH", f"/api/v1/events/{event}", {"title": "Lost update"},
                            headers={"If-Match": tag})
    expect(f"writer1 refuses the same tag once stale (412): {status}", status == 412)

    _, _, body = exchange(READER, "GET", "/api/v1/events?size=1&cursor=*")
    cursor = json.loads(body)["nextCursor"]
    pages = [json.loads(exchange(port, "GET", f"/api/v1/events?size=1&cursor={cursor}")[2])["items"]
             for port in (READER, WRITERS[1])]
    expect("a cursor from reader1 gives the same next page on writer2", pages[0] == pages[1] and pages[0])

    missed = 0
    served = set()
    for i in range(30):
        status, _, body = new_event(LB, people, f"Read your write {i}")
        event = json.loads(body)["id"]
        status, headers, body = exchange(LB, "GET", f"/api/v1/events/{event}")
        served.add(headers.get("X-Served-By"))
        if status != 200 or json.loads(body)["title"] != f"Read your write {i}":
            missed += 1
    expect(f"30 writes through HAProxy, each read back at once through it: {missed} missed, reads served by "
           f"{sorted(s for s in served if s)}", missed == 0 and served == {"reader1"})

    status, headers, body = exchange(READER, "POST", "/api/v1/topics", {"slug": "rig-refused", "name": "Refused"})
    expect(f"a write sent to reader1 itself is a 503 problem: {status} {headers.get('Content-Type')}",
           status == 503 and headers.get("Content-Type", "").startswith("application/problem+json"))
    status, _, body = exchange(LB, "GET", "/api/v1/topics?q=rig-refused")
    expect("and left nothing behind", status == 200 and json.loads(body)["total"] == 0)

    before, _ = archived(PRIMARY[1])
    psql(PRIMARY[1], "select pg_switch_wal()")
    try:
        wait_for("the WAL segment archived", lambda: archived(PRIMARY[1])[0] > before, 30)
    except SystemExit:
        pass
    count, failed = archived(PRIMARY[1])
    expect(f"the primary archives its WAL with pgBackRest: {count} segments, {failed} failed attempts",
           count > before and failed == 0)
    listed = backrest("info").stdout
    expect("pgBackRest lists the full backup taken at the start", "full backup" in listed)
    if failures:
        raise SystemExit(f"rig: {len(failures)} checks failed")
    print("rig: checks passed")


def get(path):
    return exchange(LB, "GET", path, timeout=HANG)


class Load:
    """Clients through HAProxy: writers create events and read each back at once; readers read."""

    def __init__(self, people, writers, readers):
        self.people, self.stop, self.lock = people, threading.Event(), threading.Lock()
        self.samples = []  # (started, seconds, kind, status, content type)
        self.acknowledged = {}  # event id -> title
        self.own_reads = [0, 0]  # [read back, missed]
        self.threads = [threading.Thread(target=self.write, args=(n,)) for n in range(writers)]
        self.threads += [threading.Thread(target=self.read, args=(n,)) for n in range(readers)]

    def request(self, kind, send):
        """Sends one request (send() answers as exchange does) and records it; (status, body)."""
        started = time.monotonic()
        try:
            status, headers, content = send()
            kind_type = headers.get("Content-Type", "")
        except TimeoutError:
            status, content, kind_type = "hung", b"", ""
        except OSError:
            status, content, kind_type = "refused", b"", ""
        with self.lock:
            self.samples.append((started, time.monotonic() - started, kind, status, kind_type))
        return status, content

    def write(self, n):
        i = 0
        while not self.stop.is_set():
            i += 1
            title = f"Drill {n}.{i}"
            status, content = self.request("write", lambda: new_event(LB, self.people, title))
            if status == 201:
                event = json.loads(content)["id"]
                with self.lock:
                    self.acknowledged[event] = title
                status, content = self.request("read own write", lambda: get(f"/api/v1/events/{event}"))
                if status == 200:
                    with self.lock:
                        self.own_reads[0] += 1
                        self.own_reads[1] += json.loads(content)["title"] != title
            time.sleep(0.05)

    def read(self, n):
        i = 0
        while not self.stop.is_set():
            i += 1
            with self.lock:
                known = list(self.acknowledged)[-50:]
            if i % 3 == 0 or not known:
                self.request("read", lambda: get("/api/v1/events?size=20&sort=-date"))
            else:
                self.request("read", lambda: get(f"/api/v1/events/{known[(n + i) % len(known)]}"))

    def start(self):
        for thread in self.threads:
            thread.start()

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join()


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def drill(seconds, writers=3, readers=5):
    state = load()
    people = seed_people()
    steady = max(5.0, seconds / 4)
    before = reads_per_server()
    load_ = Load(people, writers, readers)
    began = time.monotonic()
    load_.start()
    marks = {"start": began}
    try:
        time.sleep(steady)
        marks["primary stopping"] = time.monotonic()
        sh("pg_ctlcluster", "--skip-systemctl-redirect", VERSION, PRIMARY[0], "stop", "-m", "immediate")
        marks["primary stopped"] = time.monotonic()
        time.sleep(2)
        marks["replica promoted"] = time.monotonic()
        sh("pg_ctlcluster", "--skip-systemctl-redirect", VERSION, REPLICA[0], "promote")

        def written_since(mark):
            with load_.lock:
                return any(s > mark and kind == "write" and status == 201
                           for s, _, kind, status, _ in load_.samples)
        wait_for("a write after the failover", lambda: written_since(marks["primary stopped"]), 60, 0.1)
        with load_.lock:
            # the first write sent after the stop that was acknowledged, when it was
            first = min(s + taken for s, taken, kind, status, _ in load_.samples
                        if s > marks["primary stopped"] and kind == "write" and status == 201)
        marks["writes again"] = first
        time.sleep(steady)
        # the switch ends with the last request it failed (an instance's pool may fail once more after the first
        # write through the other)
        with load_.lock:
            marks["recovered"] = max([first] + [s + taken for s, taken, _, status, _ in load_.samples
                                                if s + taken > marks["primary stopping"] and status in (502, 503)])
        marks["writer2 killed"] = time.monotonic()
        os.kill(state["pids"]["writer2"], signal.SIGKILL)
        wait_for("writer2 marked down", lambda: any(
            row["svname"] == "writer2" and row["status"].startswith("DOWN") for row in stats()), 15, 0.1)
        marks["writer2 drained"] = time.monotonic()
        time.sleep(steady)
    finally:
        load_.finish()
    marks["end"] = time.monotonic()
    after = reads_per_server()

    # every acknowledged write is there, as acknowledged, read through HAProxy
    missing = [event for event, title in load_.acknowledged.items()
               if (lambda answer: answer[0] != 200 or json.loads(answer[1])["title"] != title)(
                   call(LB, "GET", f"/api/v1/events/{event}"))]

    phases = [("steady", "start", "primary stopping"), ("failover", "primary stopping", "recovered"),
              ("after failover", "recovered", "writer2 killed"), ("instance kill", "writer2 killed",
                                                                      "writer2 drained"),
              ("after kill", "writer2 drained", "end")]
    print(f"drill: {writers} writing and {readers} reading clients through HAProxy, {seconds:g} s")
    print(f"{'phase':>15} {'seconds':>7} {'requests':>8} {'2xx':>6} {'404':>4} {'502':>4} {'503':>5} {'other':>5} "
          f"{'p50 ms':>7} {'p99 ms':>7} {'max ms':>7}")
    failures = []
    for label, start, end in phases:
        # by the time it ended: a request in flight when the primary stopped belongs to the switch
        rows = [s for s in load_.samples if marks[start] < s[0] + s[1] <= marks[end]
                or label == "steady" and s[0] + s[1] == marks[start]]
        count = lambda test: sum(1 for s in rows if test(s[3]))  # noqa: E731
        other = [s for s in rows if not (isinstance(s[3], int) and (200 <= s[3] < 300 or s[3] in (404, 502, 503)))]
        taken = [s[1] for s in rows]
        print(f"{label:>15} {marks[end] - marks[start]:>7.1f} {len(rows):>8} "
              f"{count(lambda c: isinstance(c, int) and 200 <= c < 300):>6} {count(lambda c: c == 404):>4} "
              f"{count(lambda c: c == 502):>4} {count(lambda c: c == 503):>5} {len(other):>5} "
              f"{percentile(taken, 0.5) * 1000:>7.1f} {percentile(taken, 0.99) * 1000:>7.1f} "
              f"{max(taken, default=0) * 1000:>7.1f}")
        if other:
            failures.append(f"{label}: {len(other)} answers neither 2xx, 404, 502 nor 503, such as "
                            f"{sorted({str(s[3]) for s in other})}")
        not_problem = [s for s in rows if s[3] in (502, 503) and not s[4].startswith("application/problem+json")]
        if not_problem:
            failures.append(f"{label}: {len(not_problem)} 502/503 answers without a problem body")
        if label in ("steady", "after failover", "after kill") and count(lambda c: c in (502, 503)):
            failures.append(f"{label}: {count(lambda c: c in (502, 503))} failed requests outside the switch")
        if label == "instance kill" and count(lambda c: c == 502) > writers + readers:
            failures.append(f"instance kill: more failed requests than clients in flight")
    # nothing is deleted during the drill: a 404 is a read that missed an acknowledged write
    misses = [s for s in load_.samples if s[3] == 404]
    reads = {name: after.get(name, 0) - before.get(name, 0) for name in after}
    served = sum(reads.values())
    share = reads.get("reader1", 0) / served if served else 0.0
    recovered = marks["recovered"] - marks["primary stopping"]
    print(f"seconds to recover from the primary's stop: {marks['writes again'] - marks['primary stopping']:.1f} to the "
          f"first write sent after it acknowledged, {recovered:.1f} to the end of the last request it failed; "
          f"writer2 drained by HAProxy "
          f"{marks['writer2 drained'] - marks['writer2 killed']:.1f} s after its kill")
    print(f"writes acknowledged {len(load_.acknowledged)}, found afterwards {len(load_.acknowledged) - len(missing)}; "
          f"own writes read back at once {load_.own_reads[0]}, stale {load_.own_reads[1] + len(misses)}; "
          f"reads served by the replica's instance {reads.get('reader1', 0)} of {served} ({share:.0%})")
    if recovered > 30:
        failures.append(f"the switch took {recovered:.0f} s")
    if missing:
        failures.append(f"{len(missing)} acknowledged writes missing, such as {missing[:5]}")
    if load_.own_reads[1] or misses:
        failures.append(f"{load_.own_reads[1] + len(misses)} reads did not see their own write")
    if share < 0.5:
        failures.append(f"the replica's instance served only {share:.0%} of the reads")
    psql(REPLICA[1], "select pg_switch_wal()")
    try:
        wait_for("the promoted replica's WAL archived", lambda: archived(REPLICA[1])[0] > 0, 30)
    except SystemExit:
        pass
    count, failed = archived(REPLICA[1])
    print(f"the promoted replica archived {count} WAL segments into the same repository, {failed} attempts failed")
    if count == 0 or failed:
        failures.append("the promoted replica does not archive its WAL")
    for failure in failures:
        print(f"FAILED: {failure}")
    if failures:
        raise SystemExit(1)
    print("drill: passed")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("up", "check", "drill", "down", "all"))
    parser.add_argument("--jar", help="the PostgreSQL build's quarkus-run.jar (up, all)")
    parser.add_argument("--seconds", type=float, default=60, help="the drill's length, about (drill, all)")
    parser.add_argument("--short", action="store_true", help="a 20-second drill (all, as .ci/run runs it)")
    args = parser.parse_args()
    seconds = 20 if args.short else args.seconds
    if args.command in ("up", "all") and not args.jar:
        parser.error("--jar is required")
    if args.command == "up":
        up(os.path.abspath(args.jar))
    elif args.command == "check":
        check()
    elif args.command == "drill":
        drill(seconds)
    elif args.command == "down":
        down()
    else:
        try:
            up(os.path.abspath(args.jar))
            check()
            drill(seconds)
        finally:
            down()


if __name__ == "__main__":
    main()
