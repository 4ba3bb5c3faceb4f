"""Backtest of the year-end projections against the naive methods.

Input: rows ``series,kind,year,period,value``. ``kind`` is ``flow`` (value is
the cumulative year-to-date level) or ``growth`` (cumulative growth in %
against the same period last year); ``period`` is ``M01``…``M11``, ``Q1``
(= M03), ``H1`` (= M06), ``9M`` (= M09) or ``Y`` (the year's outcome).

For every series, year and available period, using only earlier years and
that year up to that period, the year's outcome is projected by kehoach
(:mod:`kehoach.core.forecast`) and by the naive method (flows: run rate,
value × 12 / months; growth: the latest cumulative growth). ``error`` is the
mean absolute percentage error for flows and the mean absolute error in
percentage points for growth; ``coverage80`` the share of outcomes inside
kehoach's 80% interval (``None`` for naive). A point that kehoach cannot
project (a zero or negative base, say) is left out for both methods.
"""

from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from kehoach.core.forecast import ForecastError, Projection, project_flow, project_growth

__all__ = [
    "BacktestError",
    "BacktestPoint",
    "BacktestResult",
    "Corpus",
    "backtest_points",
    "parse_corpus",
    "read_corpus",
    "run_backtest",
    "summarise",
]

COLUMNS = ("series", "kind", "year", "period", "value")
PERIOD_MONTHS = {f"M{m:02d}": m for m in range(1, 12)} | {"Q1": 3, "H1": 6, "9M": 9, "Y": 12}
ERR_COLUMNS = "thiếu cột: cần các cột series,kind,year,period,value"
ERR_ROW = "dòng {line}: {message}"


class BacktestError(ValueError):
    """A corpus file that cannot be read; the message names the line."""


@dataclass
class Corpus:
    """Series by name: its kind and ``{year: {month: value}}`` (month 12 = the year's outcome)."""

    kinds: dict[str, str]
    data: dict[str, dict[int, dict[int, float]]]


@dataclass(frozen=True)
class BacktestPoint:
    series: str
    kind: str
    year: int
    month: int
    actual: float
    kehoach: float
    low80: float
    high80: float
    naive: float
    method: str

    def error(self, estimate: float) -> float:
        if self.kind == "flow":
            return abs(estimate - self.actual) / abs(self.actual) * 100.0
        return abs(estimate - self.actual)

    @property
    def covered(self) -> bool:
        return self.low80 <= self.actual <= self.high80


@dataclass(frozen=True)
class BacktestResult:
    method: str
    kind: str
    horizon: str
    n: int
    error: float
    coverage80: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "kind": self.kind,
            "horizon": self.horizon,
            "n": self.n,
            "error": round(self.error, 4),
            "coverage80": None if self.coverage80 is None else round(self.coverage80, 4),
        }


def read_corpus(path: str) -> Corpus:
    with open(path, encoding="utf-8", newline="") as fh:
        return parse_corpus(fh.read())


def parse_corpus(text: str) -> Corpus:
    """Read the CSV text; raise :class:`BacktestError` naming the first bad line."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if not reader.fieldnames or not set(COLUMNS) <= {c.strip() for c in reader.fieldnames}:
        raise BacktestError(ERR_COLUMNS)
    corpus = Corpus({}, defaultdict(lambda: defaultdict(dict)))
    for line, row in enumerate(reader, start=2):
        _add_row(corpus, {k.strip(): (v or "").strip() for k, v in row.items() if k}, line)
    corpus.data = {s: {y: dict(ms) for y, ms in ys.items()} for s, ys in corpus.data.items()}
    return corpus


def _add_row(corpus: Corpus, row: Mapping[str, str], line: int) -> None:
    def fail(message: str) -> BacktestError:
        return BacktestError(ERR_ROW.format(line=line, message=message))

    name, kind, period = row["series"], row["kind"].lower(), _period_code(row["period"])
    if not name:
        raise fail("thiếu tên chuỗi")
    if kind not in ("flow", "growth"):
        raise fail(f"kind phải là flow hoặc growth, không phải {kind!r}")
    if corpus.kinds.setdefault(name, kind) != kind:
        raise fail(f"chuỗi {name!r} vừa là {corpus.kinds[name]} vừa là {kind}")
    if period not in PERIOD_MONTHS:
        raise fail(f"kỳ không hợp lệ {period!r} (M01…M11, Q1, H1, 9M, Y)")
    try:
        year, value = int(row["year"]), _number(row["value"])
    except ValueError as exc:
        raise fail(f"năm hoặc giá trị không phải là số ({exc})") from exc
    if not math.isfinite(value):
        raise fail("giá trị không hữu hạn")
    corpus.data[name][year][PERIOD_MONTHS[period]] = value


def _period_code(text: str) -> str:
    """``m3``, ``M3`` and ``M03`` are one period."""
    code = text.strip().upper()
    if len(code) in (2, 3) and code[0] == "M" and code[1:].isdigit():
        return f"M{int(code[1:]):02d}"
    return code


def _number(text: str) -> float:
    """A plain number, or one written the Vietnamese way (``12,5``; ``181.420``)."""
    try:
        return float(text)
    except ValueError:
        from kehoach.core.numbers import NumberError, parse_number

        try:
            return parse_number(text)
        except NumberError as exc:
            raise ValueError(str(exc)) from exc


def _project(kind: str, ytd: Mapping[int, float], history: Mapping[int, Mapping[int, float]]) -> Projection:
    return project_flow(ytd, history) if kind == "flow" else project_growth(ytd, history)


def _naive(kind: str, month: int, value: float) -> float:
    return value * 12.0 / month if kind == "flow" else value


def backtest_points(corpus: Corpus) -> Iterator[BacktestPoint]:
    """Every projection the backtest makes, with the outcome it is judged against."""
    for name, years in corpus.data.items():
        kind = corpus.kinds[name]
        for year, months in sorted(years.items()):
            if 12 not in months:
                continue
            history = {y: h for y, h in years.items() if y < year}
            for m in sorted(k for k in months if k < 12):
                ytd = {k: v for k, v in months.items() if k <= m}
                try:
                    p = _project(kind, ytd, history)
                except ForecastError:
                    continue
                if kind == "flow" and months[12] == 0:
                    continue
                assert p.low80 is not None and p.high80 is not None
                yield BacktestPoint(
                    name,
                    kind,
                    year,
                    m,
                    months[12],
                    p.value,
                    p.low80,
                    p.high80,
                    _naive(kind, m, months[m]),
                    p.method,
                )


def summarise(points: Iterable[BacktestPoint]) -> list[BacktestResult]:
    groups: dict[tuple[str, int], list[BacktestPoint]] = defaultdict(list)
    for p in points:
        groups[(p.kind, p.month)].append(p)
    out: list[BacktestResult] = []
    for (kind, month), pts in sorted(groups.items()):
        n, horizon = len(pts), f"M{month:02d}"
        k_err = sum(p.error(p.kehoach) for p in pts) / n
        n_err = sum(p.error(p.naive) for p in pts) / n
        cover = sum(p.covered for p in pts) / n
        out.append(BacktestResult("kehoach", kind, horizon, n, k_err, cover))
        out.append(BacktestResult("naive", kind, horizon, n, n_err, None))
    return out


def run_backtest(corpus: Corpus) -> list[BacktestResult]:
    """The results the ``kehoach backtest`` command prints."""
    return summarise(backtest_points(corpus))
