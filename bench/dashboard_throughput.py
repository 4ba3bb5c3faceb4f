"""Overview throughput against a minimal Django view, on the same server in the same run.

    .venv/bin/python bench/dashboard_throughput.py [--clients 20] [--seconds 10]

Starts ``kehoach serve`` (waitress) on a free loopback port with a temporary
KEHOACH_HOME (the bundled plan and its illustrative data are loaded on the
first start), then drives it with N client threads, each on its own keep-alive
connection and with a browser's Accept-Encoding (gzip, decompressed by the
client), for a fixed time: first ``/healthz`` (the smallest Django view),
then ``/`` (the overview as an anonymous visitor), then ``/healthz`` again.
Prints requests per second and the ratio overview / baseline (goal ≥ 0,5).
Loopback only, bounded in time; the server is stopped at the end.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL = 0.5
# What a browser sends: it accepts compressed pages.
HEADERS = {"Accept-Encoding": "gzip, deflate", "Accept-Language": "vi"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(port: int, timeout: float = 180.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the server did not start")


def _client(port: int, path: str, stop: float, counts: list[int], errors: list[str]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    n = 0
    while time.monotonic() < stop:
        try:
            conn.request("GET", path, headers=HEADERS)
            resp = conn.getresponse()
            body = resp.read()
            if resp.getheader("Content-Encoding") == "gzip":
                body = gzip.decompress(body)  # as a browser does
            if resp.status != 200 or not body:
                errors.append(f"{path}: HTTP {resp.status}")
                break
            n += 1
        except (OSError, http.client.HTTPException) as exc:
            errors.append(f"{path}: {exc}")
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.close()
    counts.append(n)


def measure(port: int, path: str, clients: int, seconds: float) -> float:
    """Requests per second with ``clients`` concurrent keep-alive clients for ``seconds``."""
    counts: list[int] = []
    errors: list[str] = []
    start = time.monotonic()
    stop = start + seconds
    threads = [
        threading.Thread(target=_client, args=(port, path, stop, counts, errors)) for _ in range(clients)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 60)
    if errors:
        raise SystemExit(f"errors: {errors[:3]}")
    return sum(counts) / (time.monotonic() - start)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--threads", type=int, default=8, help="waitress threads")
    args = ap.parse_args()
    port = _free_port()
    home = tempfile.mkdtemp(prefix="kehoach-bench-")
    env = {**os.environ, "KEHOACH_HOME": home, "KEHOACH_LOG_LEVEL": "WARNING"}
    env.pop("DATABASE_URL", None)
    cmd = [str(ROOT / ".venv/bin/kehoach"), "serve", "--port", str(port), "--threads", str(args.threads)]
    server = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    try:
        _wait(port)
        for path in ("/", "/healthz"):  # warm up: first renderings, connections
            measure(port, path, 2, 1.0)
        base1 = measure(port, "/healthz", args.clients, args.seconds)
        overview = measure(port, "/", args.clients, args.seconds)
        base2 = measure(port, "/healthz", args.clients, args.seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    base = (base1 + base2) / 2
    ratio = overview / base
    print(f"clients={args.clients} seconds={args.seconds} waitress threads={args.threads}")
    print(f"/healthz (minimal Django view): {base1:.0f} and {base2:.0f} req/s, mean {base:.0f}")
    print(f"/ (overview, anonymous):       {overview:.0f} req/s")
    print(f"ratio overview/baseline: {ratio:.2f} (goal ≥ {GOAL})  {'OK' if ratio >= GOAL else 'BELOW GOAL'}")
    return 0 if ratio >= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
