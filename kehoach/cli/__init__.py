"""The one ``kehoach`` command.

Each sub-command lives in its own module of this package with a
``register(subparsers)`` function; :data:`COMMANDS` lists them in the order
``kehoach --help`` shows them. Commands that need the database call
:func:`kehoach.cli.base.setup_django` themselves, so pure commands (extract,
scenario, backtest) start fast and need no database.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kehoach.cli.base import CommandError

__all__ = ["COMMANDS", "main"]

COMMANDS = (
    "serve",
    "plan",
    "extract",
    "data",
    "evaluate",
    "scenario",
    "backtest",
    "report",
    "tasks",
    "remind",
    "user",
    "manage",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kehoach",
        description="kehoach: theo dõi thực hiện nghị quyết kế hoạch phát triển kinh tế - xã hội.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f"kehoach.cli.{name}_cmd")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["manage"]:
        # Hand everything after "manage" to Django untouched (its own --help included).
        from kehoach.cli.manage_cmd import run_manage

        return run_manage(args_list[1:])
    parser = build_parser()
    args = parser.parse_args(args_list)
    try:
        result: int = args.handler(args)
        return result
    except CommandError as exc:
        print(f"kehoach: lỗi: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
