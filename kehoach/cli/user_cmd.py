"""`kehoach user`: being built (see the issue tracker); this module registers the name."""

from __future__ import annotations

import argparse

from kehoach.cli.base import CommandError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("user", help="(đang xây dựng)")
    p.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    raise CommandError("lệnh 'user' chưa có trong phiên bản này")
