"""Weight of the overview page with everything it loads (goal: under 500 KB).

    .venv/bin/python bench/page_weight.py

Starts ``kehoach serve`` on a free loopback port with a temporary KEHOACH_HOME
(the bundled plan and its illustrative data), fetches ``/`` and ``/indicators/5/``
as an anonymous visitor, then every stylesheet, script and image they link
(inline SVG charts are part of the HTML). Sizes are uncompressed bytes, the
worst case; the compressed transfer size of the HTML is printed beside it.
"""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.dashboard_throughput import ROOT, _free_port, _wait

GOAL_BYTES = 500 * 1024
_ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src|img[^>]+src)="([^"]+)"')


def _get(port: int, path: str, gzip_ok: bool = False) -> bytes:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    resp = conn.getresponse()
    body = resp.read()
    if resp.status != 200:
        raise SystemExit(f"{path}: HTTP {resp.status}")
    return body


def weigh(port: int, path: str) -> int:
    html = _get(port, path)
    zipped = _get(port, path, gzip_ok=True)
    assets = sorted(set(_ASSET.findall(html.decode())))
    outside = [a for a in assets if a.startswith(("http:", "https:", "//"))]
    if outside:
        raise SystemExit(f"{path} loads from outside the server: {outside}")
    total = len(html)
    print(f"{path}\n  HTML (inline SVG included) {len(html):>9,} B   (gzip on the wire: {len(zipped):,} B)")
    for a in assets:
        size = len(_get(port, a))
        total += size
        print(f"  {a:<40} {size:>9,} B")
    svgs = html.count(b"<svg")
    print(f"  {'total':<40} {total:>9,} B   ({total / 1024:.1f} KB; {svgs} inline SVG)")
    return total


def main() -> int:
    port = _free_port()
    env = {
        **os.environ,
        "KEHOACH_HOME": tempfile.mkdtemp(prefix="kehoach-weight-"),
        "KEHOACH_LOG_LEVEL": "WARNING",
    }
    env.pop("DATABASE_URL", None)
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/kehoach"), "serve", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    try:
        _wait(port)
        sizes = {p: weigh(port, p) for p in ("/", "/indicators/5/")}
    finally:
        server.terminate()
        server.wait(timeout=30)
    worst = max(sizes.values())
    ok = sizes["/"] < GOAL_BYTES
    print(f"overview: {sizes['/'] / 1024:.1f} KB (goal < {GOAL_BYTES // 1024} KB)  {'OK' if ok else 'OVER'}")
    print(f"heaviest page measured: {worst / 1024:.1f} KB")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
