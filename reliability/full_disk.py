#!/usr/bin/env python3
"""A full disk: a refused write is a 507 problem that says nothing changed, nothing acknowledged is lost, reads go on,
and writes come back by themselves once space is freed.

Mounts a tmpfs of --size MiB (root only) and puts the database on it: H2's file, or a PostgreSQL tablespace in which
the database is created (its WAL stays on the server's own disk). A ballast file of --ballast MiB shares the tmpfs.
Writers then create topics with 1,900-character descriptions until --refusals writes have been refused. It checks:
- every refused write answered 507 application/problem+json with Retry-After (or 503 while H2 reopens its file after
  a failed write), never another 5xx;
- while the disk is full, reads answer 200 (after at most a 503 while H2 reopens its file), the wellness check
  "storage" is down and readiness is up;
- the ballast deleted, writes are acknowledged again without a restart;
- filled again, Parley killed with SIGKILL and started again on the full disk: every acknowledged topic is there.
On H2, Parley refuses writes itself once less than PARLEY_STORAGE_MIN_FREE_SPACE is left (--min-free MiB here, 64
by default), so that H2 never fails a write for want of space; PostgreSQL's own disk_full is what answers there.
Prints the figures and exits non-zero if a check failed; unmounts the tmpfs at the end.

  python3 reliability/full_disk.py --db h2 --jar target/quarkus-app/quarkus-run.jar
  python3 reliability/full_disk.py --db pg --jar target/quarkus-app/quarkus-run.jar   # the PostgreSQL build

PostgreSQL: the database --pg-database (default parley_full_disk on 127.0.0.1:5432, user postgres) and the
tablespace parley_full_disk are dropped and created again, and dropped at the end. Standard library only.
"""
import argparse
import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import threading
import time

from harness import PG, Parley, call, drop_database, exchange, ndjson, pg

TABLESPACE = "parley_full_disk"


def mount(folder, size_mib, owner=None):
    options = f"size={size_mib}m,mode=0700"
    if owner:
        options += f",uid={owner.pw_uid},gid={owner.pw_gid}"
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", folder], check=True)


def unmount(folder):
    subprocess.run(["umount", folder], check=False)


def fill(port, stop, ledger, refusals_wanted, lock):
    """Creates topics until enough writes were refused; notes every answer."""
    while not stop.is_set():
        with lock:
            n = ledger["next"]
            ledger["next"] += 1
        slug = f"full-{n}"
        body = {"slug": slug, "name": f"Full disk {n}", "description": ("ballast " * 240)[:1900]}
        try:
            status, headers, content = exchange(port, "POST", "/api/v1/topics", body, timeout=120)
        except OSError as e:
            with lock:
                ledger["errors"].append(f"{slug}: {e}")
            continue
        with lock:
            ledger["statuses"][status] = ledger["statuses"].get(status, 0) + 1
            if status == 201:
                ledger["acked"].add(slug)
            elif status == 507:
                ledger["refused"] += 1
                problem = json.loads(content)
                if headers.get("Content-Type", "").split(";")[0] != "application/problem+json" \
                        or not headers.get("Retry-After") or "nothing was changed" not in problem.get("detail", ""):
                    ledger["bad_refusals"].append(f"{slug}: {headers.get('Content-Type')} {content[:200]!r}")
                if ledger["refused"] >= refusals_wanted:
                    stop.set()
            elif status != 503:
                ledger["other"].append(f"{slug}: {status} {content[:200]!r}")


def fill_until_refused(args, ledger, failures, what):
    """Writers fill the disk until --refusals more writes were refused; checks every answer."""
    lock, stop = threading.Lock(), threading.Event()
    acked, refused = len(ledger["acked"]), ledger["refused"]
    bad, other, errors = len(ledger["bad_refusals"]), len(ledger["other"]), len(ledger["errors"])
    started = time.monotonic()
    writers = [threading.Thread(target=fill, args=(args.port, stop, ledger, refused + args.refusals, lock))
               for _ in range(args.writers)]
    for w in writers:
        w.start()
    for w in writers:
        w.join(600)
    stop.set()
    print(f"  {what}: {len(ledger['acked']) - acked} writes acknowledged and {ledger['refused'] - refused} refused "
          f"in {time.monotonic() - started:.1f} s; answers so far {dict(sorted(ledger['statuses'].items()))}",
          flush=True)
    check(failures, ledger["refused"] - refused >= args.refusals, f"at least {args.refusals} writes refused with 507")
    check(failures, len(ledger["bad_refusals"]) == bad, "every 507 is a problem with Retry-After saying nothing "
          "changed" + "".join(f"\n         {b}" for b in ledger["bad_refusals"][bad:bad + 5]))
    check(failures, len(ledger["other"]) == other, "no other answer than 201, 507 and 503"
          + "".join(f"\n         {o}" for o in ledger["other"][other:other + 5]))
    check(failures, len(ledger["errors"]) == errors, "every request answered"
          + "".join(f"\n         {e}" for e in ledger["errors"][errors:errors + 5]))


def check(failures, ok, what):
    print(f"  {'ok  ' if ok else 'FAIL'} {what}", flush=True)
    if not ok:
        failures.append(what)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=("h2", "pg"), required=True)
    parser.add_argument("--jar", required=True, help="the packaged jar of the --db build")
    parser.add_argument("--size", type=int, default=48, help="MiB of the tmpfs")
    parser.add_argument("--ballast", type=int, default=6, help="MiB of ballast, deleted to free space")
    parser.add_argument("--refusals", type=int, default=40, help="refused writes before the checks")
    parser.add_argument("--min-free", type=int, default=12, help="MiB Parley keeps free on H2's disk")
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--port", type=int, default=18091)
    parser.add_argument("--pg-database", default="parley_full_disk")
    args = parser.parse_args()
    if os.geteuid() != 0:
        raise SystemExit("mounting a tmpfs needs root")
    work = tempfile.mkdtemp(prefix="parley-full-")
    os.chmod(work, 0o755)  # the PostgreSQL server's user reaches its tablespace through it
    disk = os.path.join(work, "disk")
    os.mkdir(disk)
    log = os.path.join(work, "parley.log")
    owner = pwd.getpwnam("postgres") if args.db == "pg" else None
    mount(disk, args.size, owner)
    failures = []
    parley = None
    try:
        ballast = os.path.join(disk, "ballast")
        with open(ballast, "wb") as f:
            f.write(os.urandom(args.ballast * 1024 * 1024))
        if owner:
            os.chown(ballast, owner.pw_uid, owner.pw_gid)
            drop_database(args.pg_database)
            pg(f"drop tablespace if exists {TABLESPACE}")
            os.mkdir(os.path.join(disk, "pg"))
            os.chown(os.path.join(disk, "pg"), owner.pw_uid, owner.pw_gid)
            pg(f"create tablespace {TABLESPACE} location '{disk}/pg'")
            pg(f"create database {args.pg_database} tablespace {TABLESPACE}")
            url, user = f"jdbc:postgresql://{PG['host']}:{PG['port']}/{args.pg_database}", PG["user"]
        else:
            url, user = f"jdbc:h2:file:{disk}/parley;WRITE_DELAY=0", "parley"
        parley = Parley(args.jar, args.port, url, user, log,
                        env={"PARLEY_STORAGE_MIN_FREE_SPACE": f"{args.min_free}M"})
        parley.start()
        print(f"full disk harness: {args.db}, tmpfs {args.size} MiB with {args.ballast} MiB of ballast, "
              f"{args.writers} writers, log {log}", flush=True)

        ledger = {"next": 0, "acked": set(), "refused": 0, "statuses": {}, "bad_refusals": [], "other": [],
                  "errors": []}
        fill_until_refused(args, ledger, failures, "first filling")

        # reads go on: the first may meet H2 reopening its file (a 503 with Retry-After), the next ones answer
        reads, deadline = [], time.monotonic() + 30
        while time.monotonic() < deadline and (not reads or reads[-1] != 200):
            reads.append(call(args.port, "GET", "/api/v1/topics?size=5")[0])
            if reads[-1] != 200:
                time.sleep(1)
        check(failures, reads[-1] == 200 and set(reads) <= {200, 503},
              f"reads go on while the disk is full (answers in turn: {reads})")
        status, body = call(args.port, "GET", "/q/health/well")
        storage = [c for c in json.loads(body).get("checks", []) if c["name"] == "storage"]
        check(failures, status == 503 and storage and storage[0]["status"] == "DOWN",
              f"the wellness check 'storage' is down ({status}: {storage})")
        status, _ = call(args.port, "GET", "/q/health/ready")
        check(failures, status == 200, f"readiness is up ({status})")

        os.remove(ballast)
        answers, deadline = [], time.monotonic() + 30
        while time.monotonic() < deadline and (not answers or answers[-1] != 201):
            answers.append(call(args.port, "POST", "/api/v1/topics", {"slug": f"after-{len(answers)}",
                                                                      "name": "After the ballast"})[0])
            if answers[-1] == 201:
                ledger["acked"].add(f"after-{len(answers) - 1}")
            else:
                time.sleep(1)
        check(failures, answers[-1] == 201, f"space freed, writes are acknowledged again without a restart "
              f"(answers in turn: {answers})")

        fill_until_refused(args, ledger, failures, "second filling")
        parley.kill()
        ready_s = parley.start()
        found = {t["slug"] for t in ndjson(args.port, "topics")}
        missing = ledger["acked"] - found
        check(failures, not missing, f"after SIGKILL and a start on the full disk ({ready_s:.1f} s), all "
              f"{len(ledger['acked'])} acknowledged topics are there ({len(missing)} missing)")
    finally:
        if parley:
            parley.stop()
        if args.db == "pg":
            drop_database(args.pg_database)
            pg(f"drop tablespace if exists {TABLESPACE}")
        unmount(disk)
        shutil.rmtree(work, ignore_errors=True) if not failures else None
    print(f"full disk: {'passed' if not failures else 'FAILED: ' + '; '.join(failures)}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
