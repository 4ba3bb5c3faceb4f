"""The projection result and the small statistics every projection shares (pure Python).

:class:`Projection` (value, 80% interval, probability of meeting, method, explanation),
:class:`RequiredPace`, :class:`ForecastError`, Student's t for small samples, the
normal distribution, and the checks on a month-keyed series.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "FEW_YEARS",
    "HISTORY_YEARS",
    "MIN_YEARS_SELECT",
    "Z80",
    "ForecastError",
    "Projection",
    "RequiredPace",
    "normal_cdf",
    "prob_at_least",
    "t90",
]

HISTORY_YEARS = 20
"""Only the latest twenty past years teach the profile: patterns drift."""
MIN_YEARS_SELECT = 3
FEW_YEARS = 8
"""Fewer past years than FEW_YEARS understate the spread: intervals are never narrower than the prior."""

Z80 = 1.2816
"""The 90th percentile of the normal distribution: an 80% interval is ± 1,2816 σ."""

ERR_EMPTY = "chưa có số liệu kỳ nào trong năm"
ERR_MONTH = "tháng không hợp lệ: {m} (1–12)"
ERR_NOT_FINITE = "số liệu không phải là số hữu hạn: {v!r}"
ERR_BASE = "số lũy kế {v} ≤ 0: không thể dự báo theo tỷ lệ"
ERR_GROWTH = "tăng trưởng {v}% ≤ −100%: không hợp lệ"
ERR_POINTS = "cần ít nhất một điểm số liệu"

_T90 = {1: 3.078, 2: 1.886, 3: 1.638, 4: 1.533, 5: 1.476, 6: 1.440, 7: 1.415, 8: 1.397, 9: 1.383}


class ForecastError(ValueError):
    """Input that no projection can honestly be made from."""


@dataclass(frozen=True)
class Projection:
    """A year-end projection with its 80% interval and the probability of meeting the target.

    ``sd`` is the spread behind the interval, on the log scale when
    ``log_scale`` (flows) and in the figure's unit otherwise; ``None`` when no
    interval can be given.
    """

    value: float
    low80: float | None
    high80: float | None
    method: str
    method_label: str
    note: str = ""
    prob_meet: float | None = None
    explanation: tuple[str, ...] = field(default_factory=tuple)
    sd: float | None = None
    log_scale: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": _r(self.value),
            "low80": _r(self.low80),
            "high80": _r(self.high80),
            "prob_meet": _r(self.prob_meet),
            "method": self.method,
            "method_label": self.method_label,
            "note": self.note,
            "explanation": list(self.explanation),
        }


@dataclass(frozen=True)
class RequiredPace:
    """What the rest of the year must deliver: a number (unit) and a Vietnamese sentence."""

    value: float | None
    unit: str | None
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {"value": _r(self.value), "unit": self.unit, "sentence": self.sentence}


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def t90(df: int) -> float:
    """The 90th percentile of Student's t (two-sided 80%), for small samples."""
    if df <= 0:
        return _T90[1]
    return _T90.get(df, Z80 + 1.0 / (df + 0.5) * 0.9 if df < 30 else Z80)


def normal_cdf(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def prob_at_least(p: Projection, x: float) -> float | None:
    """P(outcome ≥ x) under the projection's spread; None without a spread."""
    if p.sd is None or p.sd <= 0:
        return None
    if p.log_scale:
        if x <= 0:
            return 1.0
        return normal_cdf((math.log(p.value) - math.log(x)) / p.sd)
    return normal_cdf((p.value - x) / p.sd)


# ---------------------------------------------------------------- checks


def _check(series: Mapping[int, float]) -> None:
    for m, v in series.items():
        if not 1 <= m <= 12:
            raise ForecastError(ERR_MONTH.format(m=m))
        if not math.isfinite(v):
            raise ForecastError(ERR_NOT_FINITE.format(v=v))


def _latest(series: Mapping[int, float]) -> tuple[int, float]:
    if not series:
        raise ForecastError(ERR_EMPTY)
    _check(series)
    m = max(series)
    if m == 12:
        raise ForecastError("đã có số cả năm: không cần dự báo")
    return m, series[m]


def _anchor(series: Mapping[int, float], m: int, past: Mapping[int, Mapping[int, float]]) -> int | None:
    """The earlier month the latest months are measured from: m−3 if known, else the nearest."""
    known = [j for j in series if j < m and all(j in h for h in past.values())]
    if not known:
        return None
    return m - 3 if (m - 3) in known else max(known)


def _recent_years(
    history: Mapping[int, Mapping[int, float]], ok: Callable[[Mapping[int, float]], bool], limit: int
) -> dict[int, Mapping[int, float]]:
    """The latest ``limit`` past years that pass ``ok``, oldest first."""
    years = sorted((y for y, h in history.items() if ok(h)), reverse=True)[:limit]
    return {y: history[y] for y in sorted(years)}


def _spread(errors: Sequence[float]) -> float:
    """RMS error widened for a small sample: t(n−1)/z · √(1+1/n)."""
    n = len(errors)
    rms = math.sqrt(sum(e * e for e in errors) / n)
    return rms * t90(n - 1) / Z80 * math.sqrt(1.0 + 1.0 / n)
