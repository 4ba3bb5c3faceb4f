"""Verdict codes, their Vietnamese words, and the year rules for every comparator.

Year verdicts (a full-year figure against the target):

- ``exceeded`` (vượt): better than the reference by more than the tolerance;
- ``met`` (đạt): satisfies the comparator otherwise; ``met_stretch`` (đạt mức
  phấn đấu) for a stretch target that is met or exceeded;
- ``missed`` (không đạt).

"Better" follows the indicator's direction (``lower``: smaller is better) and,
for ranks, a smaller rank number. A range is judged against both ends: inside
is met, past the good end exceeded, short of the bad end missed. "khoảng"
(approx) is met within :data:`APPROX_TOLERANCE` of the target (relative);
``eq`` counts a figure within :data:`EQ_TOLERANCE` (rounding) as met.
"""

from __future__ import annotations

from typing import Literal

from kehoach.core.plan import Target

__all__ = [
    "APPROX_TOLERANCE",
    "EQ_TOLERANCE",
    "VERDICT_LABELS",
    "TargetError",
    "Verdict",
    "better",
    "meets",
    "reference",
    "year_verdict",
]

Verdict = Literal[
    "exceeded",
    "met",
    "met_stretch",
    "missed",
    "on_track",
    "behind",
    "at_risk",
    "no_data",
    "not_due",
    "insufficient_data",
    "on_scenario",
    "behind_scenario",
    "annual_only",
]

VERDICT_LABELS: dict[str, str] = {
    "exceeded": "vượt",
    "met": "đạt",
    "met_stretch": "đạt mức phấn đấu",
    "missed": "không đạt",
    "on_track": "đúng tiến độ",
    "behind": "chậm tiến độ",
    "at_risk": "nguy cơ không đạt",
    "no_data": "chưa có số liệu",
    "not_due": "chưa đến kỳ đánh giá",
    "insufficient_data": "không đủ dữ liệu để dự báo",
    "on_scenario": "đạt kịch bản",
    "behind_scenario": "chưa đạt kịch bản",
    "annual_only": "mục tiêu cả năm",
}

APPROX_TOLERANCE = 0.02
""""khoảng X" is met by a figure within 2% of X (13% → 12,74–13,26%)."""

EQ_TOLERANCE = 0.0005
"""A figure within 0,05% of the target is "đạt", not "vượt" or "không đạt" (rounding)."""

ERR_NO_NUMBER = "chỉ tiêu {key} không có số mục tiêu"


class TargetError(ValueError):
    """A target that cannot be judged (no number)."""


def reference(target: Target) -> float:
    """The number a figure is judged against; raise :class:`TargetError` if there is none."""
    ref = target.reference
    if ref is None or (target.comparator == "range" and target.high is None):
        raise TargetError(ERR_NO_NUMBER.format(key=target.qualifier or target.comparator))
    return float(ref)


def _lower_is_better(target: Target, direction: str) -> bool:
    return target.comparator in ("rank_top", "le", "lt") or direction == "lower"


def better(a: float, b: float, target: Target, direction: str = "higher") -> bool:
    """True if ``a`` is better than ``b`` for this target."""
    return a < b if _lower_is_better(target, direction) else a > b


def meets(value: float, target: Target, direction: str = "higher") -> bool:
    """Whether ``value`` satisfies the target (met or exceeded)."""
    return year_verdict(value, target, direction) in ("met", "exceeded", "met_stretch")


def year_verdict(value: float, target: Target, direction: str = "higher") -> Verdict:
    """Vượt / đạt / không đạt / đạt mức phấn đấu for a full-year figure."""
    raw = _raw_verdict(value, target, direction)
    if target.stretch and raw in ("met", "exceeded"):
        return "met_stretch"
    return raw


def _raw_verdict(value: float, target: Target, direction: str) -> Verdict:
    if target.comparator == "range":
        return _range_verdict(value, target, direction)
    ref = reference(target)
    sign = -1.0 if _lower_is_better(target, direction) else 1.0
    gap = sign * (value - ref)  # > 0: better than the reference
    tol = abs(ref) * (APPROX_TOLERANCE if target.comparator == "approx" else EQ_TOLERANCE)
    if gap > tol:
        return "exceeded"
    if target.comparator in ("gt", "lt"):
        return "met" if gap > 0 else "missed"
    return "met" if gap >= -tol else "missed"


def _range_verdict(value: float, target: Target, direction: str) -> Verdict:
    low, high = reference(target), float(target.high or 0.0)
    tol_low, tol_high = abs(low) * EQ_TOLERANCE, abs(high) * EQ_TOLERANCE
    if low - tol_low <= value <= high + tol_high:
        return "met"
    above = value > high
    return "exceeded" if above == (direction != "lower") else "missed"
