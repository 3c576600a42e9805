#!/usr/bin/env python3
"""The restore drill: a mistake made under write load is undone by a restore, and nothing written before it is lost.

Writers (the crash harness's: events, imports, statements, renames, deletions) write while a backup is taken and go
on writing; then, at a moment T, the change feed is read to its end (revision R), and a mistake is made: --mistakes
events are deleted with their statements, and a bad import of a hundred events is acknowledged; the writers go on.
Parley is stopped and the database restored to just before the mistake; Parley starts on it again. The check: the
change feed of the damaged database, replayed up to the restore point, is an exact oracle of what the restored
database must hold, record for record, in all four collections; the restored database's own feed ends there.

PostgreSQL (--db pg, root): a cluster of the drill's own in a temporary folder (port --pg-port), its WAL archived
continuously and its base backups taken by pgBackRest (Debian's package) into a repository beside it, while Parley
serves. The restore is point-in-time: pgBackRest restores the base backup and PostgreSQL replays the archived WAL
up to T (`--type=time`), then opens the database. The drill first writes for --seconds with archiving off, then with
it on, and prints the two write rates: the cost of archiving.

H2 (--db h2): Parley's own online backup (POST /api/v1/backups) while the writers write; the restore is
tools/restore-h2.sh. The damaged database is rewound to T (`--to T`: every later revision undone from the history
Parley keeps, as H2 has no log to replay) and checked against the oracle; then the backup is restored as it was
taken (the lost disk) and checked against the feed up to the backup's revision.

Prints the figures (records checked, lost, restore time, backup size against the data's) and exits non-zero if a
check failed.

  python3 reliability/restore_drill.py --db pg --jar <the PostgreSQL build>/quarkus-run.jar
  python3 reliability/restore_drill.py --db h2 --jar target/quarkus-app/quarkus-run.jar
  python3 reliability/restore_drill.py --db pg --jar ... --seconds 120 --writers 8      # the long form

Standard library only; PostgreSQL's server binaries (/usr/lib/postgresql/<version>/bin) and pgbackrest for pg.
"""
import argparse
import datetime
import glob
import json
import os
import pwd
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time

from crash import Ledger, speakers, writer
from harness import Parley, call, differences, ndjson, replay_feed

STANZA = "parley"


class Cluster:
    """A PostgreSQL cluster of the drill's own, run as the user postgres, its WAL archived by pgBackRest."""

    def __init__(self, folder, port):
        self.folder, self.port = folder, port
        self.data = os.path.join(folder, "pgdata")
        self.config = os.path.join(folder, "pgbackrest.conf")
        self.bin = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
        self.log = os.path.join(folder, "postgresql.log")

    def run(self, *command, check=True, capture=False):
        result = subprocess.run(["runuser", "-u", "postgres", "--", *command], check=check, text=True,
                                stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                                stderr=subprocess.STDOUT if capture else None)
        return result.stdout if capture else result.returncode

    def init(self):
        postgres = pwd.getpwnam("postgres")
        os.chown(self.folder, postgres.pw_uid, postgres.pw_gid)
        self.run(os.path.join(self.bin, "initdb"), "-D", self.data, "-A", "trust", "-U", "postgres", "--no-sync")
        with open(os.path.join(self.data, "postgresql.conf"), "a") as conf:
            conf.write(f"port = {self.port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = "
                       f"'{self.folder}'\nwal_level = replica\nmax_wal_senders = 3\narchive_mode = off\n"
                       f"archive_command = 'pgbackrest --config={self.config} --stanza={STANZA} archive-push %p'\n")
        with open(self.config, "w") as conf:
            conf.write(f"[global]\nrepo1-path={self.folder}/repo\nrepo1-retention-full=2\nlog-path={self.folder}\n"
                       f"lock-path={self.folder}/lock\nspool-path={self.folder}/spool\nstart-fast=y\n"
                       f"log-level-console=warn\nlog-level-file=info\n\n[{STANZA}]\npg1-path={self.data}\n"
                       f"pg1-port={self.port}\npg1-socket-path={self.folder}\n")
        os.chown(self.config, postgres.pw_uid, postgres.pw_gid)

    def pg_ctl(self, *args):
        self.run(os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-l", self.log, "-w", "-t", "300", *args)

    def sql(self, statement, database="postgres"):
        return self.run("psql", "-h", self.folder, "-p", str(self.port), "-d", database, "-Atqc", statement,
                        capture=True).strip()

    def archiving(self, on):
        subprocess.run(["sed", "-i", f"s/^archive_mode = .*/archive_mode = {'on' if on else 'off'}/",
                        os.path.join(self.data, "postgresql.conf")], check=True)

    def backrest(self, *args):
        return self.run("pgbackrest", f"--config={self.config}", f"--stanza={STANZA}", *args, capture=True)

    def repository_bytes(self, part):
        return folder_bytes(os.path.join(self.folder, "repo", part))


def folder_bytes(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(path) for f in files)


class Writers:
    """The crash harness's writers, in the background until stopped."""

    def __init__(self, port, ledger, participants, writers, round_no, rnd):
        self.ledger = ledger
        self.acks = sum(ledger.acks.values())
        self.stop_event = threading.Event()
        self.threads = [threading.Thread(target=writer, args=(port, w, round_no, participants, ledger,
                                                              self.stop_event, rnd.random())) for w in range(writers)]
        for t in self.threads:
            t.start()

    def stop(self):
        """Stops them; returns the writes acknowledged since they started."""
        self.stop_event.set()
        for t in self.threads:
            t.join()
        return sum(self.ledger.acks.values()) - self.acks


def write_for(port, seconds, ledger, participants, writers, round_no, rnd):
    """Runs the writers for that long; returns the writes acknowledged meanwhile."""
    load = Writers(port, ledger, participants, writers, round_no, rnd)
    time.sleep(seconds)
    return load.stop()


def mistake(port, count, problems, among=None):
    """Deletes `count` events that have statements (of those `among` when given), and imports a hundred events nobody
    wanted."""
    with_statements = sorted({s["eventId"] for s in ndjson(port, "statements")
                              if among is None or ("events", s["eventId"]) in among})
    deleted = with_statements[-count:]
    for event_id in deleted:
        status, _ = call(port, "DELETE", f"/api/v1/events/{event_id}")
        if status != 204:
            problems.append(f"the mistaken deletion of event {event_id} answered {status}")
    status, _ = call(port, "POST", "/api/v1/import", {"events": [
        {"externalId": f"mistake-{k}", "title": f"Imported by mistake {k}", "type": "MEETING", "date": "2024-06-01",
         "participants": [{"participant": "crash-a"}]} for k in range(100)]}, timeout=120)
    if status != 200:
        problems.append(f"the mistaken import answered {status}")
    return deleted


def archive_metrics(port, problems):
    """Parley's view of the WAL archive (/q/metrics, the wellness check "wal-archive"), which must see it working."""
    time.sleep(6)  # Parley reads pg_stat_archiver at most every 5 s
    _, text = call(port, "GET", "/q/metrics", accept="text/plain")
    metrics = {line.split()[0]: float(line.split()[1]) for line in text.decode().splitlines()
               if line.startswith("parley_wal_archive")}
    _, well = call(port, "GET", "/q/health/well")
    check = next((c for c in json.loads(well)["checks"] if c["name"] == "wal-archive"), None)
    if not check or check["status"] != "UP" or not check["data"]["applies"]:
        problems.append(f"the wellness check wal-archive: {check}")
    last = metrics.get("parley_wal_archive_last_archived_seconds", 0)
    if not time.time() - 600 < last <= time.time() + 5:
        problems.append(f"parley_wal_archive_last_archived_seconds is {last}")
    pending = metrics.get("parley_wal_archive_pending_bytes", float("nan"))
    if not 0 <= pending < 64 << 20:
        problems.append(f"parley_wal_archive_pending_bytes is {pending}")
    return {"WAL not archived yet (parley_wal_archive_pending_bytes)": int(pending) if pending == pending else -1}


def check_restored(port, oracle, point, deleted, problems):
    """The restored database against the oracle: (records checked, records that differ)."""
    mismatches = differences(port, oracle, problems)
    _, last = replay_feed(port)
    if last != point:
        problems.append(f"the restored feed ends at revision {last}, not {point}")
        mismatches += 1
    events = ndjson(port, "events")
    ids = {e["id"] for e in events}
    existed = [e for e in deleted if ("events", e) in oracle]  # all of them at T; of a backup, those it holds
    undone = [e for e in existed if e in ids]
    if len(undone) != len(existed):
        problems.append(f"of the events deleted by mistake, only {len(undone)} of {len(existed)} are back")
    if any((e.get("externalId") or "").startswith("mistake-") for e in events):
        problems.append("events of the mistaken import are there")
    return len(oracle), mismatches


def drill_pg(args, folder, rnd, problems):
    cluster = Cluster(folder, args.pg_port)
    cluster.init()
    cluster.pg_ctl("start")
    cluster.sql("create database parley")
    parley = Parley(args.jar, args.port, f"jdbc:postgresql://127.0.0.1:{args.pg_port}/parley", "postgres",
                    os.path.join(folder, "parley.log"), env={"PARLEY_SNAPSHOT_EVERY": "off"})
    figures = {}
    try:
        parley.start()
        ledger = Ledger()
        participants = speakers(args.port)
        write_for(args.port, args.seconds, ledger, participants, args.writers, 0, rnd)  # warming up
        acks = write_for(args.port, args.seconds, ledger, participants, args.writers, 1, rnd)
        figures["writes/s without archiving"] = acks / args.seconds
        cluster.archiving(True)
        cluster.pg_ctl("restart", "-m", "fast")
        wait_ready(parley)
        cluster.backrest("stanza-create")
        load = Writers(args.port, ledger, participants, args.writers, 2, rnd)
        started = time.monotonic()
        out = cluster.backrest("--type=full", "backup")
        figures["base backup s (under load)"] = time.monotonic() - started
        time.sleep(max(0.0, args.seconds - (time.monotonic() - started)))
        load.stop()
        acks = write_for(args.port, args.seconds, ledger, participants, args.writers, 3, rnd)
        figures["writes/s with archiving"] = acks / args.seconds
        figures.update(archive_metrics(args.port, problems))
        oracle, point = replay_feed(args.port)
        time.sleep(1)
        target = datetime.datetime.now(datetime.timezone.utc)
        time.sleep(1)
        deleted = mistake(args.port, args.mistakes, problems)
        write_for(args.port, args.seconds / 2, ledger, participants, args.writers, 4, rnd)
        figures["data bytes"] = int(cluster.sql("select pg_database_size('parley')"))
        parley.stop()
        cluster.pg_ctl("stop", "-m", "fast")
        started = time.monotonic()
        out = cluster.backrest("--delta", "--type=time", f"--target={target.isoformat(sep=' ')}",
                               "--target-action=promote", "restore")
        figures["pgbackrest restore s"] = time.monotonic() - started
        cluster.pg_ctl("start")
        while cluster.sql("select pg_is_in_recovery()") != "f":
            time.sleep(0.2)
        figures["restore s (files, WAL replay, open)"] = time.monotonic() - started
        figures["base backup bytes"] = cluster.repository_bytes("backup")
        figures["WAL archive bytes"] = cluster.repository_bytes("archive")
        parley.start()
        checked, lost = check_restored(args.port, oracle, point, deleted, problems)
        figures.update({"restore point revision": point, "records checked": checked, "records lost or changed": lost,
                        "writes acknowledged in all": sum(ledger.acks.values())})
    except subprocess.CalledProcessError as e:
        problems.append(f"{' '.join(e.cmd)} failed: {e.output or ''}")
    finally:
        parley.stop()
        if os.path.exists(os.path.join(cluster.data, "postmaster.pid")):
            cluster.pg_ctl("stop", "-m", "immediate")
    return figures


def drill_h2(args, folder, rnd, problems):
    database = os.path.join(folder, "parley")
    parley = Parley(args.jar, args.port, f"jdbc:h2:file:{database};WRITE_DELAY=0", "parley",
                    os.path.join(folder, "parley.log"), env={"PARLEY_SNAPSHOT_EVERY": "off", "PARLEY_BACKUP_EVERY": "off"})
    restore = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools", "restore-h2.sh")
    tool_env = dict(os.environ, PARLEY_HOME=os.path.dirname(args.jar))
    figures = {}
    try:
        parley.start()
        ledger = Ledger()
        participants = speakers(args.port)
        acks = write_for(args.port, args.seconds, ledger, participants, args.writers, 1, rnd)
        figures["writes/s"] = acks / args.seconds
        load = Writers(args.port, ledger, participants, args.writers, 2, rnd)
        started = time.monotonic()
        status, body = call(args.port, "POST", "/api/v1/backups", {"reason": "the restore drill"}, timeout=300)
        figures["backup s (under load)"] = time.monotonic() - started
        if status != 200:
            raise SystemExit(f"the backup answered {status}: {body[:300]}")
        backup = json.loads(body)
        time.sleep(args.seconds)
        load.stop()
        oracle, point = replay_feed(args.port)
        time.sleep(1)
        target = datetime.datetime.now(datetime.timezone.utc)
        time.sleep(1)
        oracle_backup, at_backup = replay_feed(args.port, until=backup["lastRevision"])
        deleted = mistake(args.port, args.mistakes, problems, among=oracle_backup)  # events the backup holds too
        if len(deleted) < args.mistakes:
            problems.append(f"only {len(deleted)} events with statements to delete by mistake")
        write_for(args.port, args.seconds / 2, ledger, participants, args.writers, 4, rnd)
        parley.stop()
        figures["data bytes"] = os.path.getsize(database + ".mv.db")

        # the mistake undone: the damaged database rewound to T
        started = time.monotonic()
        out = subprocess.run([restore, "--to", target.isoformat(), database], check=True, capture_output=True,
                             text=True, env=tool_env).stdout
        figures["rewind to T s (the restore command)"] = time.monotonic() - started
        print("  " + "\n  ".join(line for line in out.splitlines() if "rewind" in line))
        parley.start()
        checked, lost = check_restored(args.port, oracle, point, deleted, problems)
        figures.update({"restore point revision (T)": point, "records checked": checked,
                        "records lost or changed before T": lost})
        parley.stop()

        # a lost disk: the last backup, as it was taken
        started = time.monotonic()
        archive = os.path.join(folder, "backups", backup["name"])
        subprocess.run([restore, archive, database], check=True, stdout=subprocess.DEVNULL, env=tool_env)
        figures["restore of the backup s"] = time.monotonic() - started
        figures["backup bytes"] = backup["bytes"]
        parley.start()
        checked, lost = check_restored(args.port, oracle_backup, at_backup, deleted, problems)
        figures.update({"backup revision": at_backup, "records checked in the backup": checked,
                        "records lost or changed before the backup": lost,
                        "writes acknowledged in all": sum(ledger.acks.values())})
    except subprocess.CalledProcessError as e:
        problems.append(f"{' '.join(e.cmd)} failed: {e.stderr or e.output or ''}")
    finally:
        parley.stop()
    return figures


def wait_ready(parley):
    deadline = time.monotonic() + 120
    while not parley.ready():
        if time.monotonic() > deadline:
            raise SystemExit("Parley not ready 120 s after PostgreSQL restarted")
        time.sleep(0.2)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=("h2", "pg"), required=True)
    parser.add_argument("--jar", required=True, help="the packaged jar of the --db build")
    parser.add_argument("--seconds", type=float, default=8.0, help="each phase of writing")
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--mistakes", type=int, default=5, help="events deleted by mistake")
    parser.add_argument("--port", type=int, default=18093)
    parser.add_argument("--pg-port", type=int, default=5499)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--keep", action="store_true", help="keep the folder (logs, database, backups) when passed")
    args = parser.parse_args()
    args.jar = os.path.abspath(args.jar)
    folder = tempfile.mkdtemp(prefix="parley-drill-")
    print(f"restore drill: {args.db}, {args.writers} writers, {args.seconds} s a phase, seed {args.seed}, in {folder}")
    problems = []
    figures = (drill_pg if args.db == "pg" else drill_h2)(args, folder, random.Random(args.seed), problems)
    for name, value in figures.items():
        print(f"  {name}: {value:,.1f}" if isinstance(value, float) else f"  {name}: {value:,}")
    for problem in problems[:20]:
        print(f"  problem: {problem}")
    if problems:
        print(f"FAILED (logs in {folder})")
        sys.exit(1)
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    print("passed")


if __name__ == "__main__":
    main()
