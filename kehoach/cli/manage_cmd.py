"""`kehoach manage ...`: Django's management commands, on kehoach's settings."""

from __future__ import annotations

import argparse
import os


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("manage", help="chạy lệnh quản trị của Django (migrate, createsuperuser, …)")
    p.add_argument("args", nargs=argparse.REMAINDER)
    p.set_defaults(handler=lambda a: run_manage(a.args))


def run_manage(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kehoach.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["kehoach manage", *argv])
    return 0
