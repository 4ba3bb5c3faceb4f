"""What every command shares: errors, output files, Django set-up."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

__all__ = ["CommandError", "open_output", "setup_django", "write_text_output"]


class CommandError(Exception):
    """A user error: printed on one line without a traceback; exit code 2 by default."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


def setup_django(*, migrate: bool = True) -> None:
    """Configure Django, create and migrate the database if it is missing or behind, and load the
    bundled default plan into a database that has no plan yet.

    Every database command calls this, so any command works on a fresh machine.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kehoach.settings")
    import django

    django.setup()
    if migrate:
        from django.conf import settings

        from kehoach.plans.bootstrap import ensure_database, ensure_default_plan

        ensure_database()
        ensure_default_plan(settings.KEHOACH_DEFAULT_PLAN)


def open_output(path: str | None, binary: bool = False) -> IO[str] | IO[bytes]:
    if path is None or path == "-":
        return sys.stdout.buffer if binary else sys.stdout
    return open(path, "wb" if binary else "w", encoding=None if binary else "utf-8")


def write_text_output(text: str, path: str | None) -> None:
    """Print to stdout, or write the file named by ``-o`` (UTF-8)."""
    if path is None or path == "-":
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        Path(path).write_text(text, encoding="utf-8")
