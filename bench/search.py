#!/usr/bin/env python3
"""Search latency and rate, by kind of q: words, quoted phrases, prefixes and sort=relevance.

    python3 bench/search.py [--base http://127.0.0.1:18080] [--requests 300] [--connections 1]

Each request asks for a q not asked before in the run (words and phrases of generate.py's banks, in turn, with a
filter that varies), so that Parley's list cache, which would answer a repeated query from memory, never does: the
figures are those of the index look-ups. With --connections N, N clients (threads, a connection each) take the next q
in turn. Prints p50, p90, p99, the rate over the measured requests and the mean of matches per kind. Standard
library only.
"""
import argparse
import http.client
import importlib.util
import itertools
import json
import os
import random
import statistics
import threading
import time
import urllib.parse


def banks():
    """The phrase banks of generate.py: (text, translation) pairs per language and part of speech."""
    spec = importlib.util.spec_from_file_location("generate", os.path.join(os.path.dirname(__file__), "generate.py"))
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    return generate.LANG


def queries(kind, lang_banks, rnd):
    """An endless stream of distinct q values of a kind, with a varying year filter."""
    texts = sorted({t for lang in lang_banks.values() for part in lang.values() for pair in part for t in pair if t})
    words = sorted({w for t in texts for w in t.replace("'", " ").split() if len(w) > 3})
    multi = [t for t in texts if len(t.split()) >= 2]
    for n in itertools.count():
        year = 1990 + n % 36
        if kind == "word":
            q = f"{rnd.choice(words)} {rnd.choice(words)}"
        elif kind == "phrase":
            q = '"' + rnd.choice(multi) + '"'
        elif kind == "prefix":
            q = rnd.choice(words)[:4] + "*"
        else:
            q = rnd.choice(words)
        params = {"q": q, "from": f"{year}-01-01", "to": f"{year + 4}-12-31", "size": 20}
        if kind == "relevance":
            params["sort"] = "relevance"
        yield params


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:18080")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--connections", type=int, default=1)
    parser.add_argument("--path", default="/api/v1/statements")
    args = parser.parse_args()
    url = urllib.parse.urlparse(args.base)
    lang_banks = banks()
    print(f"{args.path} on {args.base}: {args.requests} requests per kind after {args.warmup},"
          f" {args.connections} connection(s), load average {open('/proc/loadavg').read().split()[0]}")
    print(f"{'kind':10} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'req/s':>8} {'matches':>10}")
    for kind in ("word", "phrase", "prefix", "relevance"):
        stream = queries(kind, lang_banks, random.Random(kind))
        taken = itertools.count()
        lock = threading.Lock()
        times, totals, failures, measured = [], [], [], []

        def client():
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
            while not failures:
                with lock:
                    i, params = next(taken), next(stream)
                if i >= args.warmup + args.requests:
                    return
                if i == args.warmup:
                    measured.append(time.perf_counter())  # the rate counts from the first measured request
                t0 = time.perf_counter()
                connection.request("GET", args.path + "?" + urllib.parse.urlencode(params))
                response = connection.getresponse()
                body = response.read()
                took = (time.perf_counter() - t0) * 1000
                if response.status != 200:
                    failures.append(f"{params}: HTTP {response.status} {body[:300]!r}")
                    return
                if i >= args.warmup:
                    with lock:
                        times.append(took)
                        totals.append(json.loads(body)["total"])

        clients = [threading.Thread(target=client) for _ in range(args.connections)]
        for c in clients:
            c.start()
        for c in clients:
            c.join()
        if failures:
            raise SystemExit(failures[0])
        rate = len(times) / (time.perf_counter() - measured[0])
        times.sort()
        pick = lambda p: times[min(len(times) - 1, int(p * len(times)))]
        print(f"{kind:10} {pick(0.5):8.1f} {pick(0.9):8.1f} {pick(0.99):8.1f} {rate:8.1f}"
              f" {statistics.mean(totals):10.0f}")


if __name__ == "__main__":
    main()
