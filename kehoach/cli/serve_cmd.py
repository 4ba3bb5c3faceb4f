"""`kehoach serve`: the web application on a production-grade WSGI server (waitress)."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os

from kehoach.cli.base import setup_django


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("serve", help="chạy trang web (mặc định http://127.0.0.1:8000/)")
    p.add_argument("--host", default=os.environ.get("KEHOACH_HOST", "127.0.0.1"))
    p.add_argument("--port", type=int, default=int(os.environ.get("KEHOACH_PORT", "8000")))
    p.add_argument("--threads", type=int, default=int(os.environ.get("KEHOACH_THREADS", "8")))
    p.add_argument(
        "--no-demo", action="store_true", help="không nạp số liệu minh họa vào cơ sở dữ liệu trống"
    )
    p.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    if args.host not in ("127.0.0.1", "localhost", "::1", "0.0.0.0", "::"):
        hosts = os.environ.get("KEHOACH_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
        os.environ["KEHOACH_ALLOWED_HOSTS"] = f"{hosts},{args.host}"
    if args.no_demo:
        os.environ["KEHOACH_NO_DEMO"] = "1"
    setup_django()
    from waitress import serve

    from kehoach.wsgi import application

    log = logging.getLogger("kehoach.serve")
    log.info("kehoach đang chạy tại http://%s:%s/ (Ctrl-C để dừng)", args.host, args.port)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C: stop cleanly, no traceback
        serve(application, host=args.host, port=args.port, threads=args.threads, ident="kehoach")
    log.info("kehoach đã dừng")
    return 0
