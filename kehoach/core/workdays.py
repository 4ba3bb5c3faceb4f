"""Working days in Viet Nam: weekends and public holidays do not count.

Public holidays follow the Labour Code 2019, Article 112: 1/1; Tết Âm lịch
(5 days); Giỗ Tổ Hùng Vương (10/3 âm lịch); 30/4; 1/5; 2/9 and one adjacent
day. A holiday falling on a weekly rest day is made up on the next working
day (Article 112, clause 3). The ``holidays`` package knows the lunar dates and
the swaps the Government announces each year; the fixed solar holidays of the
Code are added here as well, so a gap in the package never makes a holiday a
working day. Callers may add extra days off (a decision of the city) and
make-up working days (a Saturday worked in exchange).

Pure Python: no Django.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["Calendar", "add_workdays", "holidays_of", "is_workday", "workdays_between"]

_FIXED = ((1, 1), (4, 30), (5, 1), (9, 2))  # solar holidays of Article 112


@lru_cache(maxsize=64)
def holidays_of(year: int) -> frozenset[dt.date]:
    """Every public holiday (and observed day off) of ``year``."""
    import holidays  # run-time dependency; imported here to keep `kehoach.core` light

    days = set(holidays.country_holidays("VN", years=[year]).keys())
    fixed = {dt.date(year, m, d) for m, d in _FIXED}
    days |= fixed
    for d in sorted(fixed):  # Article 112(3): a holiday on a rest day moves to the next working day
        if d.weekday() >= 5:
            nxt = d + dt.timedelta(days=1)
            while nxt.weekday() >= 5 or nxt in days:
                nxt += dt.timedelta(days=1)
            days.add(nxt)
    return frozenset(days)


class Calendar:
    """A working-day calendar; ``extra_holidays`` and ``extra_workdays`` override the defaults."""

    def __init__(self, extra_holidays: Iterable[dt.date] = (), extra_workdays: Iterable[dt.date] = ()):
        self.extra_holidays = frozenset(extra_holidays)
        self.extra_workdays = frozenset(extra_workdays)

    def is_workday(self, day: dt.date) -> bool:
        if day in self.extra_workdays:
            return True
        if day in self.extra_holidays or day.weekday() >= 5:
            return False
        return day not in holidays_of(day.year)

    def add_workdays(self, start: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``start`` (``n`` ≥ 0; 0 gives ``start`` itself)."""
        if n < 0:
            raise ValueError("n must be >= 0")
        day = start
        while n > 0:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                n -= 1
        return day

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative when ``end`` is earlier)."""
        if end < start:
            return -self.workdays_between(end, start)
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_workday(day)
        return count


_DEFAULT = Calendar()


def is_workday(day: dt.date) -> bool:
    return _DEFAULT.is_workday(day)


def add_workdays(start: dt.date, n: int) -> dt.date:
    return _DEFAULT.add_workdays(start, n)


def workdays_between(start: dt.date, end: dt.date) -> int:
    return _DEFAULT.workdays_between(start, end)
