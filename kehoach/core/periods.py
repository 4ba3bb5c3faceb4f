"""Reporting periods: month, quarter, 6 months, 9 months, year.

Written in commands as ``2026-09``, ``2026-Q3``, ``2026-H1``, ``2026-9M``,
``2026``; shown the Vietnamese way ("Tháng 9/2026", "Quý III/2026",
"6 tháng năm 2026", "9 tháng năm 2026", "Năm 2026").

Every period is also a span of months within its year: ``first_month`` and
``last_month``. Cumulative periods (6 months, 9 months, year) start in January;
a quarter and a month do not. The data cut-off of Decree 09/2019/NĐ-CP,
Article 12 (the 15th of the month before the period to the 14th of its last
month) is :meth:`Period.cutoff`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["ROMAN", "Period", "PeriodError", "parse_period"]

PeriodKind = Literal["month", "quarter", "half", "nine_months", "year"]

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
ERR_PERIOD = "kỳ báo cáo không hợp lệ: {text!r} (ví dụ: 2026-09, 2026-Q3, 2026-H1, 2026-9M, 2026)"

_PATTERNS: list[tuple[re.Pattern[str], PeriodKind]] = [
    (re.compile(r"^(\d{4})-(\d{1,2})$"), "month"),
    (re.compile(r"^(\d{4})-Q([1-4])$", re.I), "quarter"),
    (re.compile(r"^(\d{4})-H([12])$", re.I), "half"),
    (re.compile(r"^(\d{4})-9M$", re.I), "nine_months"),
    (re.compile(r"^(\d{4})$"), "year"),
]


class PeriodError(ValueError):
    """A period that does not exist or is written wrongly."""


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period of one year.

    ``kind`` and ``index``: month 1–12, quarter 1–4, half 1–2 (H2 is the second
    half, July–December, not cumulative), nine_months and year 1.
    """

    year: int
    kind: PeriodKind
    index: int = 1

    def __post_init__(self) -> None:
        limits = {"month": 12, "quarter": 4, "half": 2, "nine_months": 1, "year": 1}
        if not 1900 <= self.year <= 2200 or not 1 <= self.index <= limits[self.kind]:
            raise PeriodError(ERR_PERIOD.format(text=f"{self.year} {self.kind} {self.index}"))

    @property
    def code(self) -> str:
        """The form used in commands and URLs: ``2026-Q3``."""
        match self.kind:
            case "month":
                return f"{self.year}-{self.index:02d}"
            case "quarter":
                return f"{self.year}-Q{self.index}"
            case "half":
                return f"{self.year}-H{self.index}"
            case "nine_months":
                return f"{self.year}-9M"
        return f"{self.year}"

    @property
    def first_month(self) -> int:
        match self.kind:
            case "month":
                return self.index
            case "quarter":
                return 3 * self.index - 2
            case "half":
                return 1 if self.index == 1 else 7
        return 1

    @property
    def last_month(self) -> int:
        match self.kind:
            case "month":
                return self.index
            case "quarter":
                return 3 * self.index
            case "half":
                return 6 * self.index
            case "nine_months":
                return 9
        return 12

    @property
    def months(self) -> int:
        return self.last_month - self.first_month + 1

    @property
    def is_cumulative(self) -> bool:
        """True when the period runs from January (year-to-date)."""
        return self.first_month == 1

    def label(self, lang: str = "vi") -> str:
        """``Quý III/2026``, ``9 tháng năm 2026``; English with ``lang="en"``."""
        if lang == "en":
            return self._label_en()
        match self.kind:
            case "month":
                return f"Tháng {self.index}/{self.year}"
            case "quarter":
                return f"Quý {ROMAN[self.index]}/{self.year}"
            case "half":
                return f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {self.year}"
            case "nine_months":
                return f"9 tháng năm {self.year}"
        return f"Năm {self.year}"

    def short_label(self) -> str:
        """The cumulative name used in report sentences: ``9 tháng``, ``10 tháng``."""
        if self.kind == "year":
            return "cả năm"
        if self.is_cumulative and self.kind != "month":
            return f"{self.last_month} tháng"
        return self.label()

    def _label_en(self) -> str:
        match self.kind:
            case "month":
                return dt.date(self.year, self.index, 1).strftime("%B %Y")
            case "quarter":
                return f"Q{self.index} {self.year}"
            case "half":
                return f"{'First' if self.index == 1 else 'Second'} half {self.year}"
            case "nine_months":
                return f"9 months {self.year}"
        return f"Year {self.year}"

    def start(self) -> dt.date:
        return dt.date(self.year, self.first_month, 1)

    def end(self) -> dt.date:
        if self.last_month == 12:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, self.last_month + 1, 1) - dt.timedelta(days=1)

    def cutoff(self) -> tuple[dt.date, dt.date]:
        """Data window of Decree 09/2019/NĐ-CP, Art. 12: 15th before → 14th of the last month.

        Cumulative periods start on 15 December of the previous year.
        """
        first = self.first_month if not self.is_cumulative else 1
        start_month = first - 1
        start = dt.date(self.year - 1, 12, 15) if start_month == 0 else dt.date(self.year, start_month, 15)
        return start, dt.date(self.year, self.last_month, 14)

    def month_periods(self) -> list[Period]:
        return [Period(self.year, "month", m) for m in range(self.first_month, self.last_month + 1)]

    def year_to_date(self) -> Period:
        """The cumulative period ending with this one (Q3 → 9 months; month 10 → month 10)."""
        if self.kind == "quarter":
            return {
                1: Period(self.year, "quarter", 1),
                2: Period(self.year, "half", 1),
                3: Period(self.year, "nine_months"),
                4: Period(self.year, "year"),
            }[self.index]
        return self

    def previous_year(self) -> Period:
        """The same period last year (cùng kỳ)."""
        return Period(self.year - 1, self.kind, self.index)

    def __str__(self) -> str:
        return self.code


def parse_period(text: str) -> Period:
    """Read ``2026-09``, ``2026-Q3``, ``2026-H1``, ``2026-9M`` or ``2026``."""
    raw = (text or "").strip()
    for pattern, kind in _PATTERNS:
        m = pattern.match(raw)
        if m:
            index = int(m.group(2)) if m.lastindex and m.lastindex > 1 else 1
            try:
                return Period(int(m.group(1)), kind, index)
            except PeriodError:
                break
    raise PeriodError(ERR_PERIOD.format(text=text))
