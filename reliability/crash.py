#!/usr/bin/env python3
"""Crash under write load: an acknowledged write is never lost, an unacknowledged one is never half there.

Starts the packaged jar on a fresh database, lets concurrent writers create events (alone, and with their statements
in one import), add statements, rename and delete events, and then, at a random moment, kills the process with
SIGKILL (or, with --pg-restart-rounds, restarts the PostgreSQL server under it instead). After each round, with
Parley started again, it checks from full NDJSON exports:
- every acknowledged write is there with all its parts (an event's title as last acknowledged, every acknowledged
  statement, the three statements of an acknowledged import) and every acknowledged deletion is gone;
- a write that was not acknowledged is all there or not at all (an imported event has all three statements or none);
- replaying the change feed from the start gives exactly the four collections' exports;
- no answer was a 5xx other than a 503 while the database was away.
Prints a table of the rounds and exits non-zero if any check failed.

  python3 reliability/crash.py --db h2 --jar target/quarkus-app/quarkus-run.jar --rounds 20
  python3 reliability/crash.py --db pg --jar target/quarkus-app/quarkus-run.jar --rounds 20 --pg-restart-rounds 5

The PostgreSQL database (--pg-database, default parley_crash_harness on 127.0.0.1:5432, user postgres) is dropped
and created again; the H2 database lives in a temporary folder. Standard library only.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time

from harness import Parley, call, differences, drop_database, fresh_database, ndjson, replay_feed

class Ledger:
    """What the writers were told (acknowledged) and what they sent without an answer (uncertain), per record."""

    def __init__(self):
        self.lock = threading.Lock()
        self.events = {}  # id -> {"titles": set of possible titles, "said": acked texts, "maybe": unacked texts}
        self.deleted = set()  # acked deletions
        self.maybe_deleted = set()
        self.imports = {}  # externalId -> (acknowledged, [three texts])
        self.acks = {"import": 0, "event": 0, "statement": 0, "rename": 0, "delete": 0}
        self.unacked = 0
        self.statuses = {}  # unexpected status -> count
        self.unavailable = 0  # 503 answers

    def owned(self, writer):
        with self.lock:
            return [i for i, e in self.events.items() if e["writer"] == writer and i not in self.deleted
                    and i not in self.maybe_deleted]


def speakers(port):
    """The two participants the writers' events are between, imported: their ids."""
    status, _ = call(port, "POST", "/api/v1/import", {"participants": [
        {"externalId": "crash-a", "name": "Crash A", "kind": "PERSON", "country": "FR"},
        {"externalId": "crash-b", "name": "Crash B", "kind": "PERSON", "country": "DE"}]})
    if status != 200:
        raise SystemExit(f"setting up the participants answered {status}")
    people = {p["externalId"]: p["id"] for p in ndjson(port, "participants") if p.get("externalId")}
    return [people["crash-a"], people["crash-b"]]


def writer(port, number, round_no, participants, ledger, stop, seed):
    rnd = random.Random(seed)
    i = 0
    while not stop.is_set():
        i += 1
        tag = f"r{round_no}w{number}n{i}"
        mine = ledger.owned(number)
        op = rnd.choices(["import", "event", "statement", "rename", "delete"], [30, 25, 25, 12, 8])[0]
        if op in ("statement", "rename", "delete") and not mine:
            op = "event"
        try:
            if op == "import":
                texts = [f"Propos {k} « {tag} », dit-il." for k in range(3)]
                ledger.imports[tag] = (False, texts)
                status, _ = call(port, "POST", "/api/v1/import", {
                    "events": [{"externalId": tag, "title": f"Import {tag}", "type": "MEETING",
                                "date": "2024-03-05", "participants": [{"participant": "crash-a"},
                                                                       {"participant": "crash-b"}]}],
                    "statements": [{"event": tag, "speaker": "crash-a", "text": t, "language": "fr",
                                    "kind": "REPORTED", "position": k + 1} for k, t in enumerate(texts)]})
                ok = status == 200
                if ok:
                    ledger.imports[tag] = (True, texts)
            elif op == "event":
                title = f"Event {tag}"
                status, body = call(port, "POST", "/api/v1/events", {
                    "title": title, "type": "PHONE_CALL", "date": "2023-01-02",
                    "participants": [{"participantId": participants[0]}, {"participantId": participants[1]}]})
                ok = status == 201
                if ok:
                    with ledger.lock:
                        ledger.events[json.loads(body)["id"]] = {"writer": number, "titles": {title}, "said": [],
                                                                 "maybe": []}
            elif op == "statement":
                target = rnd.choice(mine)
                text = f"Déclaration {tag}, « citée »."
                ledger.events[target]["maybe"].append(text)
                status, _ = call(port, "POST", "/api/v1/statements", {
                    "eventId": target, "speakerId": participants[0], "text": text, "language": "fr",
                    "kind": "DIRECT_QUOTE"})
                ok = status == 201
                if ok:
                    ledger.events[target]["maybe"].remove(text)
                    ledger.events[target]["said"].append(text)
            elif op == "rename":
                target = rnd.choice(mine)
                title = f"Renamed {tag}"
                before = set(ledger.events[target]["titles"])
                ledger.events[target]["titles"] |= {title}
                status, _ = call(port, "PATCH", f"/api/v1/events/{target}", {"title": title})
                ok = status == 200
                if ok:
                    ledger.events[target]["titles"] = {title}
                else:
                    ledger.events[target]["titles"] = before | {title} if status >= 500 else before
            else:
                target = rnd.choice(mine)
                ledger.maybe_deleted.add(target)
                status, _ = call(port, "DELETE", f"/api/v1/events/{target}")
                ok = status == 204
                if ok:
                    ledger.maybe_deleted.discard(target)
                    ledger.deleted.add(target)
                elif status < 500:
                    ledger.maybe_deleted.discard(target)
        except OSError:
            with ledger.lock:
                ledger.unacked += 1  # no answer: the server went away with the request in flight
            if stop.is_set():
                return
            time.sleep(0.05)
            continue
        with ledger.lock:
            if ok:
                ledger.acks[op] += 1
            elif status == 503:
                ledger.unavailable += 1
                ledger.unacked += 1
            else:
                ledger.statuses[status] = ledger.statuses.get(status, 0) + 1
                ledger.unacked += 1


def verify(port, ledger):
    """Checks the ledger against full exports; returns (found, missing, half, feed mismatches, messages)."""
    events = {e["id"]: e for e in ndjson(port, "events")}
    statements = ndjson(port, "statements")
    texts = {}
    for s in statements:
        texts.setdefault(s["eventId"], []).append(s["text"])
    problems, found, missing, half = [], 0, 0, 0
    for event_id, expected in ledger.events.items():
        if event_id in ledger.deleted:
            if event_id in events:
                missing += 1
                problems.append(f"event {event_id}: deletion acknowledged, still there")
            else:
                found += 1
            continue
        if event_id not in events:
            if event_id not in ledger.maybe_deleted:
                missing += 1
                problems.append(f"event {event_id}: acknowledged, gone")
            continue
        found += 1
        if events[event_id]["title"] not in expected["titles"]:
            missing += 1
            problems.append(f"event {event_id}: title {events[event_id]['title']!r}, expected one of "
                            f"{sorted(expected['titles'])}")
        said = texts.get(event_id, [])
        lost = [t for t in expected["said"] if t not in said]
        strange = [t for t in said if t not in expected["said"] and t not in expected["maybe"]]
        if lost or strange:
            missing += 1
            problems.append(f"event {event_id}: statements lost {lost}, unknown {strange}")
    by_external = {e.get("externalId"): e for e in events.values() if e.get("externalId")}
    for tag, (acknowledged, sent) in ledger.imports.items():
        event = by_external.get(tag)
        said = sorted(texts.get(event["id"], [])) if event else []
        if event is None and not acknowledged:
            continue
        if event is None:
            missing += 1
            problems.append(f"import {tag}: acknowledged, event gone")
        elif said != sorted(sent):
            half += 1
            problems.append(f"import {tag}: event with statements {said}, expected all of {sorted(sent)}")
        else:
            found += 1
    mismatches = feed_mismatches(port, problems)
    return found, missing, half, mismatches, problems


def feed_mismatches(port, problems):
    """Replays the change feed from the start and compares it with the four collections' exports."""
    state, _ = replay_feed(port)
    return differences(port, state, problems)


def pg_restart():
    version = os.listdir("/etc/postgresql")[0]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart", "-m", "fast"],
                   check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=("h2", "pg"), required=True)
    parser.add_argument("--jar", required=True, help="the packaged jar of the --db build")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--pg-restart-rounds", type=int, default=0,
                        help="of the rounds, how many restart PostgreSQL instead of killing Parley (pg only)")
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--min-seconds", type=float, default=2.0, help="the kill comes at a random moment ...")
    parser.add_argument("--max-seconds", type=float, default=8.0, help="... between these two")
    parser.add_argument("--port", type=int, default=18087)
    parser.add_argument("--pg-database", default="parley_crash_harness")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    folder = tempfile.mkdtemp(prefix="parley-crash-")
    log = os.path.join(folder, "parley.log")
    url, user = fresh_database(args.db, args.pg_database, folder)
    parley = Parley(args.jar, args.port, url, user, log)
    restarts = set(rnd.sample(range(1, args.rounds + 1), min(args.pg_restart_rounds, args.rounds))) \
        if args.db == "pg" else set()
    print(f"crash harness: {args.db}, {args.rounds} rounds, {args.writers} writers, seed {args.seed}, log {log}")
    print(f"{'round':>5} {'what':>10} {'after s':>7} {'ready s':>7} {'imports':>7} {'events':>6} {'stmts':>5} "
          f"{'renames':>7} {'deletes':>7} {'no ack':>6} {'503':>4} {'other':>5} {'found':>6} {'missing':>7} "
          f"{'half':>4} {'feed≠':>5}")
    failed = False
    totals = {"acks": 0, "found": 0, "missing": 0, "half": 0, "feed": 0, "other": 0}
    ledger = Ledger()
    try:
        ready_s = parley.start()
        participants = speakers(args.port)
        for round_no in range(1, args.rounds + 1):
            stop = threading.Event()
            before = dict(ledger.acks), ledger.unacked, ledger.unavailable, sum(ledger.statuses.values())
            threads = [threading.Thread(target=writer, args=(args.port, w, round_no, participants, ledger, stop,
                                                             rnd.random())) for w in range(args.writers)]
            for t in threads:
                t.start()
            after = rnd.uniform(args.min_seconds, args.max_seconds)
            time.sleep(after)
            if round_no in restarts:
                what = "pg restart"
                pg_restart()
                deadline = time.monotonic() + 60
                while not parley.ready():
                    if time.monotonic() > deadline:
                        raise SystemExit("Parley not ready again 60 s after PostgreSQL restarted")
                    time.sleep(0.2)
                time.sleep(1)  # the writers write on after the database came back
                stop.set()
                for t in threads:
                    t.join()
                ready_s = 0.0
            else:
                what = "SIGKILL"
                parley.kill()
                stop.set()
                for t in threads:
                    t.join()
                ready_s = parley.start()
            found, missing, half, feed, problems = verify(args.port, ledger)
            acks = {k: ledger.acks[k] - before[0][k] for k in ledger.acks}
            other = sum(ledger.statuses.values()) - before[3]
            print(f"{round_no:>5} {what:>10} {after:>7.1f} {ready_s:>7.1f} {acks['import']:>7} {acks['event']:>6} "
                  f"{acks['statement']:>5} {acks['rename']:>7} {acks['delete']:>7} "
                  f"{ledger.unacked - before[1]:>6} {ledger.unavailable - before[2]:>4} {other:>5} {found:>6} "
                  f"{missing:>7} {half:>4} {feed:>5}", flush=True)
            for problem in problems[:10]:
                print(f"      {problem}")
            totals["acks"] += sum(acks.values())
            totals["found"], totals["missing"], totals["half"] = found, missing, half
            totals["feed"] += feed
            totals["other"] += other
            if missing or half or feed or other:
                failed = True
        print(f"total: {args.rounds} rounds, {totals['acks']} writes acknowledged, {totals['found']} records and "
              f"imports checked at the end, {totals['missing']} missing, {totals['half']} half-present, "
              f"{totals['feed']} feed mismatches, other statuses {ledger.statuses or 'none'}")
    finally:
        parley.stop()
        if args.db == "pg":
            drop_database(args.pg_database)
    if failed:
        print(f"FAILED (log {log})")
        sys.exit(1)
    print("passed")


if __name__ == "__main__":
    main()
