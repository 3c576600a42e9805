#!/usr/bin/env python3
"""Compares two running Parleys through the API, record by record: after tools/h2-to-pg.sh, the H2 build on the H2
file and the PostgreSQL build on the moved database must answer the same bytes to every read.

    python3 tools/h2-to-pg-compare.py http://127.0.0.1:18091 http://127.0.0.1:18092 [--state FILE]

Compared, status, body and headers (ETag, Content-Type, Memento-Datetime, X-Total-Count, Link with each side's own
address taken out; not the request id or the framing):
- the four lists walked with cursors (cursor=*, then nextCursor), 500 records a page;
- the change feed from the start, 1,000 changes a page, following nextCursor until "more" is false;
- every participant, topic, event and statement by id: those the lists show, and those the feed names (deleted ones
  answer 404 on both sides);
- the revisions of every event and statement the feed names, and each of them as it stood at each revision (asOf);
- the CSV and NDJSON exports of all events and statements.
Prints a summary; exits 1 if anything differs. --state FILE writes what a check needs to continue the feed on one
side: the last nextCursor, the last revision and the largest id of each collection the feed names.
Python 3.11, standard library only.
"""
import argparse
import concurrent.futures
import http.client
import json
import sys
import threading
import time
import urllib.parse

COLLECTIONS = ("participants", "topics", "events", "statements")
COMPARED_HEADERS = ("etag", "content-type", "memento-datetime", "x-total-count", "link")
SHOWN_MISMATCHES = 20
# requests in flight per side: the records are independent, and a single client leaves the servers mostly idle
WORKERS = 4


class Side:
    """One Parley, over a kept-alive connection per thread."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        url = urllib.parse.urlsplit(self.base)
        self.host, self.port = url.hostname, url.port or 80
        self.local = threading.local()

    def get(self, path):
        for attempt in (1, 2):   # a kept-alive connection the server closed is opened again once
            try:
                if getattr(self.local, "connection", None) is None:
                    self.local.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
                self.local.connection.request("GET", path)
                response = self.local.connection.getresponse()
                body = response.read()
                # Links name the server they came from; the rest of them must match
                headers = tuple((name, response.getheader(name, "").replace(self.base, "{base}"))
                                for name in COMPARED_HEADERS)
                return response.status, headers, body
            except (http.client.HTTPException, ConnectionError):
                self.local.connection = None
                if attempt == 2:
                    raise


class Comparison:
    def __init__(self, h2, pg):
        self.h2, self.pg = h2, pg
        self.counts = {}
        self.mismatches = 0
        self.lock = threading.Lock()

    def compare(self, kind, path):
        """GETs path on both sides, counts it under kind; H2's answer, or None when the sides differ."""
        a, b = self.h2.get(path), self.pg.get(path)
        with self.lock:
            self.counts[kind] = self.counts.get(kind, 0) + 1
            if a == b:
                return a
            self.mismatches += 1
            if self.mismatches <= SHOWN_MISMATCHES:
                self.show(path, a, b)
        return None

    @staticmethod
    def show(path, a, b):
        print(f"MISMATCH {path}", file=sys.stderr)
        for what, x, y in (("status", a[0], b[0]), ("headers", a[1], b[1])):
            if x != y:
                print(f"  {what}: H2 {x} | PostgreSQL {y}", file=sys.stderr)
        if a[2] != b[2]:
            at = next((i for i, (x, y) in enumerate(zip(a[2], b[2])) if x != y), min(len(a[2]), len(b[2])))
            print(f"  body ({len(a[2])} and {len(b[2])} bytes) differs at byte {at}:\n"
                  f"    H2         ...{a[2][max(0, at - 60):at + 100]!r}\n"
                  f"    PostgreSQL ...{b[2][max(0, at - 60):at + 100]!r}", file=sys.stderr)


def walk_list(c, collection):
    """The ids of a collection's list, walked with cursors; every page compared."""
    ids, cursor = set(), "*"
    while cursor:
        answer = c.compare("list pages", f"/api/v1/{collection}?size=500&cursor={urllib.parse.quote(cursor)}")
        if answer is None or answer[0] != 200:
            break   # counted; the walk cannot go on without a cursor both sides agree on
        page = json.loads(answer[2])
        ids.update(item["id"] for item in page["items"])
        cursor = page.get("nextCursor")
    return ids


def walk_feed(c):
    """The change feed from the start, every page compared: (collection -> ids named, entries, last revision,
    last nextCursor)."""
    named = {collection: set() for collection in COLLECTIONS}
    entries, last_revision, cursor = 0, 0, None
    path = "/api/v1/changes?size=1000"
    while path:
        answer = c.compare("feed pages", path)
        if answer is None or answer[0] != 200:
            break
        page = json.loads(answer[2])
        for change in page["items"]:
            named[change["collection"]].add(change["id"])
            last_revision = max(last_revision, change["revision"])
        entries += len(page["items"])
        cursor = page["nextCursor"]
        path = f"/api/v1/changes?size=1000&cursor={urllib.parse.quote(cursor)}" if page["more"] else None
    return named, entries, last_revision, cursor


def history(c, collection, record_id):
    """A record's revisions, and the record as it stood at each."""
    answer = c.compare("revision lists", f"/api/v1/{collection}/{record_id}/revisions")
    if answer is not None and answer[0] == 200:
        for revision in json.loads(answer[2])["items"]:
            at = urllib.parse.quote(revision["timestamp"])
            c.compare("asOf reads", f"/api/v1/{collection}/{record_id}?asOf={at}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("h2", help="base URL of the H2 build, e.g. http://127.0.0.1:18091")
    ap.add_argument("pg", help="base URL of the PostgreSQL build")
    ap.add_argument("--state", help="write the feed's last cursor, last revision and largest ids here (JSON)")
    args = ap.parse_args()
    started = time.monotonic()
    c = Comparison(Side(args.h2), Side(args.pg))
    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        feed = pool.submit(walk_feed, c)
        lists = {collection: pool.submit(walk_list, c, collection) for collection in COLLECTIONS}
        exports = [pool.submit(c.compare, "exports", f"/api/v1/{collection}?format={export}")
                   for collection in ("events", "statements") for export in ("csv", "ndjson")]
        named, feed_entries, last_revision, last_cursor = feed.result()
        ids = {collection: lists[collection].result() for collection in COLLECTIONS}
        # deleted records answer 404 on both sides; the feed names them
        reads = {(collection, record_id): pool.submit(c.compare, collection, f"/api/v1/{collection}/{record_id}")
                 for collection in COLLECTIONS for record_id in sorted(ids[collection] | named[collection])}
        histories = [pool.submit(history, c, collection, record_id)
                     for collection in ("events", "statements") for record_id in sorted(named[collection])]
        for future in [*exports, *reads.values(), *histories]:
            future.result()
    gone = {collection: sum(1 for (k, _), f in reads.items() if k == collection
                            and f.result() is not None and f.result()[0] == 404) for collection in COLLECTIONS}
    listed = sum(len(s) for s in ids.values())

    print("compared through the API, byte for byte with ETag and the other headers:")
    for collection in COLLECTIONS:
        print(f"  {collection:<12} {c.counts.get(collection, 0):>7,} by id ({gone[collection]:,} deleted: 404)")
    for kind in ("list pages", "feed pages", "revision lists", "asOf reads", "exports"):
        print(f"  {kind:<14} {c.counts.get(kind, 0):>5,}")
    print(f"  records listed {listed:,}; change feed entries {feed_entries:,} up to revision {last_revision:,}")
    print(f"  mismatches = {c.mismatches}  ({sum(c.counts.values()):,} requests per side in "
          f"{time.monotonic() - started:.1f} s)")
    if args.state:
        with open(args.state, "w", encoding="utf-8") as out:
            json.dump({"cursor": last_cursor, "lastRevision": last_revision,
                       "maxId": {k: max(v, default=0) for k, v in named.items()}}, out)
    if feed_entries == 0 or listed == 0:
        print("nothing to compare: is the database empty?", file=sys.stderr)
        return 1
    return 1 if c.mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
