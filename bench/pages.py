#!/usr/bin/env python3
"""The speed of the reader's pages (Python 3, standard library only).

    python3 bench/pages.py [--jar target/quarkus-app/quarkus-run.jar] [--port 18090] [--warmup 300]
                           [--requests 1000] [--seconds 60] [--target-ms 50]

Starts the packaged application (the jar; H2 in a fresh temporary folder, so only the seed event is there) on
127.0.0.1:PORT, waits until it is ready, then for each page (the seed event /events/1, the events list /, the list
filtered by KZ, the country page /countries/KZ) sends WARMUP untimed requests and then up to REQUESTS timed ones,
stopping early once SECONDS have passed, one after another over one keep-alive connection, each timed from sending to
the last byte of the answer. Prints median, p90, p99 and max per page and whether the event page's median is under
TARGET_MS; stops the application. Exit status 1 if any answer was not 200 or the event page missed the target.
Use --base http://127.0.0.1:8080 instead of --jar to measure an instance that is already running.
"""
import argparse
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

PAGES = ["/events/1", "/", "/events?country=KZ", "/countries/KZ"]


def wait_ready(host, port, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(host, port, timeout=2)
            connection.request("GET", "/q/health/ready")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit(f"not ready on {host}:{port} after {seconds} s")


def measure(host, port, path, warmup, requests, seconds):
    connection = http.client.HTTPConnection(host, port, timeout=10)
    for _ in range(warmup):
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            sys.exit(f"{path} answered {response.status}")
    times = []
    deadline = time.monotonic() + seconds
    while len(times) < requests and time.monotonic() < deadline:
        started = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        times.append((time.perf_counter() - started) * 1000)
        if response.status != 200 or not body:
            sys.exit(f"{path} answered {response.status}")
    connection.close()
    return times


def quantile(sorted_times, q):
    return sorted_times[min(len(sorted_times) - 1, int(q * len(sorted_times)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", default="target/quarkus-app/quarkus-run.jar")
    parser.add_argument("--base", help="an instance already running, e.g. http://127.0.0.1:8080")
    parser.add_argument("--port", type=int, default=18090)
    parser.add_argument("--warmup", type=int, default=300)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--target-ms", type=float, default=50)
    args = parser.parse_args()

    process = None
    data = None
    if args.base:
        url = urllib.parse.urlsplit(args.base)
        host, port = url.hostname, url.port or 80
    else:
        host, port = "127.0.0.1", args.port
        data = tempfile.mkdtemp(prefix="parley-pages-")
        env = dict(os.environ, QUARKUS_HTTP_HOST=host, QUARKUS_HTTP_PORT=str(port), PARLEY_EDITOR_PASSWORD="bench",
                   QUARKUS_DATASOURCE_JDBC_URL=f"jdbc:h2:file:{data}/parley;WRITE_DELAY=0")
        process = subprocess.Popen(["java", "-jar", args.jar], env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
    failed = False
    try:
        wait_ready(host, port)
        print(f"{'page':<22} {'requests':>8} {'median ms':>10} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8}")
        for path in PAGES:
            times = sorted(measure(host, port, path, args.warmup, args.requests, args.seconds))
            median = statistics.median(times)
            print(f"{path:<22} {len(times):>8} {median:>10.2f} {quantile(times, 0.90):>8.2f} "
                  f"{quantile(times, 0.99):>8.2f} {times[-1]:>8.2f}")
            if path == "/events/1":
                failed = median >= args.target_ms
                event_median = median
        print(f"event page median {event_median:.2f} ms: {'under' if not failed else 'NOT under'} the target of "
              f"{args.target_ms:g} ms ({os.cpu_count()} cores)")
    finally:
        if process:
            process.terminate()
            process.wait(timeout=30)
            shutil.rmtree(data, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
