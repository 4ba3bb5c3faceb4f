"""Translation catalogs: Vietnamese is the source language; English lives in each app's
``locale/en/LC_MESSAGES/django.po``.

Developers: ``cd kehoach/<app> && kehoach manage makemessages -l en``, fill the
``msgstr`` lines (or ``python -m kehoach.i18n fill PO "vi=en" ...``), then
``kehoach manage compilemessages``. A test checks every ``.mo`` matches its ``.po``.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

__all__ = ["catalogs", "fill", "read_po"]

_ENTRY = re.compile(r'^((?:#.*\n)*)msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', re.M)


def _unquote(block: str) -> str:
    return "".join(ast.literal_eval(line) for line in block.strip().splitlines())


def read_po(path: Path) -> dict[str, str]:
    """msgid → msgstr of a .po file (fuzzy and empty entries left out, header too)."""
    text = path.read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for m in _ENTRY.finditer(text + "\n"):
        if "#, fuzzy" in m.group(1):
            continue
        key, value = _unquote(m.group(2)), _unquote(m.group(3))
        if key and value:
            out[key] = value
    return out


def catalogs() -> list[Path]:
    return sorted(Path(__file__).parent.glob("*/locale/*/LC_MESSAGES/django.po"))


def fill(po: Path, pairs: dict[str, str]) -> int:
    """Write English for the given Vietnamese msgids where msgstr is empty; returns how many."""
    text = po.read_text(encoding="utf-8")
    count = 0
    for vi, en in pairs.items():
        pattern = re.compile(r'(msgid "' + re.escape(vi) + r'"\nmsgstr )""', re.M)
        quoted = '"' + en.replace("\\", "\\\\").replace('"', '\\"') + '"'  # as a .po string
        text, n = pattern.subn(lambda m: m.group(1) + quoted, text)  # noqa: B023 (used at once)
        count += n
    po.write_text(text, encoding="utf-8")
    return count


if __name__ == "__main__":  # python -m kehoach.i18n fill PO "vi=en" ...
    if len(sys.argv) < 3 or sys.argv[1] != "fill":
        sys.exit("usage: python -m kehoach.i18n fill PO 'vi=en' ...")
    print(fill(Path(sys.argv[2]), dict(a.split("=", 1) for a in sys.argv[3:])))
