"""Read a task's deadline from its words.

Recognised (case-insensitive, Vietnamese):

==========================================  ===============================  ============
words                                       deadline                         ``kind``
==========================================  ===============================  ============
"trước ngày 30/6/2026", "ngày 15/7/2026"    that date                        ``date``
"tháng 9/2026", "tháng 9 năm 2026"          the month's last day             ``month``
"Quý II/2026", "quý 2 năm 2026"             the quarter's last day           ``quarter``
"6 tháng đầu năm 2026"                      30/06                            ``half``
"trong năm 2026"                            31/12                            ``year``
"kỳ họp giữa năm" / "kỳ họp cuối năm"       the session date (configurable)  ``session``
"thường xuyên"                              none: a continuing duty          ``continuing``
==========================================  ===============================  ============

Several deadlines in one text: the earliest wins (the task is late once the
first part is). "đến năm 2035" and "giai đoạn 2026-2030" name a document's
horizon, not a deadline, and are ignored. Pure Python: no Django.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["Deadline", "SessionDates", "parse_deadline"]

Kind = Literal["date", "month", "quarter", "half", "year", "session", "continuing", "none"]

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_Y = r"(?:/|\s+năm\s+)(\d{4})"


@dataclass(frozen=True)
class SessionDates:
    """When the Council's sessions fall (month, day): the mid-year one and the year-end one."""

    midyear: tuple[int, int] = (7, 15)
    year_end: tuple[int, int] = (12, 10)


@dataclass(frozen=True)
class Deadline:
    date: dt.date | None
    kind: Kind
    text: str = ""  # the words it was read from

    @property
    def continuing(self) -> bool:
        return self.kind == "continuing"


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _found(text: str, year: int, sessions: SessionDates) -> list[Deadline]:
    out: list[Deadline] = []
    for m in re.finditer(r"(?<![\d/])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/])", text):
        d = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if d:
            out.append(Deadline(d, "date", m.group(0)))
    for m in re.finditer(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", text):
        d = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if d:
            out.append(Deadline(d, "date", m.group(0)))
    for m in re.finditer(r"(?<!\d\s)(?<!\d)tháng\s+(\d{1,2})" + _Y, text):
        if 1 <= int(m.group(1)) <= 12:
            out.append(Deadline(_last_day(int(m.group(2)), int(m.group(1))), "month", m.group(0)))
    for m in re.finditer(r"quý\s+(iv|iii|ii|i|[1-4])\b" + _Y, text):
        q = _ROMAN[m.group(1)]
        out.append(Deadline(_last_day(int(m.group(2)), 3 * q), "quarter", m.group(0)))
    for m in re.finditer(r"6 tháng đầu năm(?:\s+(\d{4}))?", text):
        out.append(Deadline(dt.date(int(m.group(1) or year), 6, 30), "half", m.group(0)))
    for m in re.finditer(r"trong năm(?:\s+(\d{4}))?", text):
        out.append(Deadline(dt.date(int(m.group(1) or year), 12, 31), "year", m.group(0)))
    for m in re.finditer(r"kỳ họp (giữa năm|cuối năm|thường lệ giữa năm|thường lệ cuối năm)", text):
        month, day = sessions.midyear if "giữa" in m.group(1) else sessions.year_end
        out.append(Deadline(dt.date(year, month, day), "session", m.group(0)))
    return out


def parse_deadline(text: str, *, year: int, sessions: SessionDates | None = None) -> Deadline:
    """The deadline stated in ``text``; ``year`` is the plan's year (for "kỳ họp giữa năm").

    Returns kind ``continuing`` for "thường xuyên" without a date, ``none`` when nothing is said.
    """
    norm = re.sub(r"\s+", " ", text or "")
    low = norm.lower()
    found = [d for d in _found(low, year, sessions or SessionDates()) if d.date is not None]
    if found:
        first = min(found, key=lambda d: d.date or dt.date.max)
        return Deadline(first.date, first.kind, _original(norm, low, first.text))
    m = re.search(r"thường xuyên", low)
    if m:
        return Deadline(None, "continuing", _original(norm, low, m.group(0)))
    return Deadline(None, "none", "")


def _original(norm: str, low: str, words: str) -> str:
    """The matched words as the text writes them ("Quý II/2026", not "quý ii/2026")."""
    at = low.find(words)
    return norm[at : at + len(words)] if at >= 0 and len(norm) == len(low) else words
