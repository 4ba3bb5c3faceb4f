"""Checks on a figure before it is saved: errors (nothing saved) and warnings (saved, flagged).

- unit: must be the target's unit (when the target has one);
- a cumulative figure (flow, count) that falls below an earlier period of the year;
- a figure behind its scenario or pro-rata target needs an explanation (nguyên nhân, giải pháp);
- a value far outside the target's history: a warning.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from kehoach.core.periods import Period, PeriodError, parse_period
from kehoach.core.plan import Target as DomainTarget
from kehoach.plans.models import Target
from kehoach.submissions.models import Figure, ScenarioValue

__all__ = [
    "ERR_CUMULATIVE_FALLS",
    "ERR_CUMULATIVE_RISES",
    "ERR_EXPLANATION_REQUIRED",
    "ERR_UNIT",
    "WARN_OUTSIDE_HISTORY",
    "expected_by",
    "validate",
]

ERR_UNIT = gettext_lazy("Đơn vị tính phải là {unit!r} như trong nghị quyết (bạn nhập {given!r})")
ERR_CUMULATIVE_FALLS = gettext_lazy("Số lũy kế không thể thấp hơn kỳ trước ({period}: {value})")
ERR_CUMULATIVE_RISES = gettext_lazy("Số lũy kế không thể cao hơn kỳ sau đã báo cáo ({period}: {value})")
ERR_EXPLANATION_REQUIRED = gettext_lazy(
    "Số liệu thấp hơn mức cần đạt đến kỳ này ({expected}): cần nêu nguyên nhân và giải pháp"
)
WARN_OUTSIDE_HISTORY = gettext_lazy("Giá trị khác xa các kỳ trước (từ {low} đến {high}): hãy kiểm tra lại")


def _fmt(x: float) -> str:
    from kehoach.core.numbers import format_number

    return format_number(x)


def _norm_unit(u: str | None) -> str:
    return " ".join((u or "").lower().split())


def validate(
    *, target: Target, period: Period, figure: Figure, new: dict[str, Any]
) -> tuple[dict[str, str], dict[str, str]]:
    """``(errors, warnings)`` for saving ``new`` into ``figure``; each maps a field name to a message."""
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    value = new.get("value")
    if target.unit and new.get("unit") and _norm_unit(new["unit"]) != _norm_unit(target.unit):
        errors["unit"] = str(ERR_UNIT).format(unit=target.unit, given=new["unit"])
    if value is None:
        return errors, warnings
    others = _same_target_figures(target, figure)
    if target.behaviour in ("flow", "count"):
        msg = _cumulative_error(period, float(value), others)
        if msg:
            errors["value"] = msg
    expected = expected_by(target, period)
    if expected is not None and _behind(target, float(value), expected) and not new.get("explanation"):
        errors["explanation"] = str(ERR_EXPLANATION_REQUIRED).format(expected=_fmt(expected))
    warn = _outside_history(period, float(value), others)
    if warn:
        warnings["value"] = warn
    return errors, warnings


def _same_target_figures(target: Target, figure: Figure) -> list[tuple[Period, float]]:
    out: list[tuple[Period, float]] = []
    rows = Figure.objects.filter(target=target, place=figure.place, value__isnull=False)
    for code, v in rows.exclude(pk=figure.pk).values_list("period", "value"):
        if v is None:
            continue
        try:
            out.append((parse_period(code), float(v)))
        except PeriodError:
            continue
    return out


def _cumulative_error(period: Period, value: float, others: list[tuple[Period, float]]) -> str | None:
    for p, v in sorted(others):
        if p.year != period.year:
            continue
        if p.last_month < period.last_month and v > value:
            return str(ERR_CUMULATIVE_FALLS).format(period=p.label(), value=_fmt(v))
        if p.last_month > period.last_month and v < value:
            return str(ERR_CUMULATIVE_RISES).format(period=p.label(), value=_fmt(v))
    return None


def expected_by(target: Target, period: Period) -> float | None:
    """What the target needs by the end of ``period``: the active scenario's value, else for a
    flow or count the pro-rata share of the year's target, else the target itself."""
    scenario = _scenario_at(target, period)
    if scenario is not None:
        return scenario
    if period.year != target.plan.year_end:
        return None
    ref = DomainTarget.from_dict(target.domain_dict()).reference
    if ref is None or target.behaviour == "rank":
        return None
    if target.behaviour in ("flow", "count"):
        return ref * period.last_month / 12
    return ref if target.behaviour in ("growth", "rate") else None


def _scenario_at(target: Target, period: Period) -> float | None:
    """The active scenario at the end of ``period``: its own value, or read between the scenario's
    cumulative points (Q1, 6 months, 9 months, year) month by month."""
    rows = ScenarioValue.objects.filter(
        scenario__plan_id=target.plan_id,
        scenario__active=True,
        target=target,
        period__startswith=str(period.year),
    ).values_list("period", "value")
    points: dict[int, float] = {}
    for code, value in rows:
        if code in (period.code, period.year_to_date().code):
            return float(value)
        try:
            p = parse_period(code)
        except PeriodError:
            continue
        if p.is_cumulative or p.kind == "month":
            points[p.last_month] = float(value)
    if not points:
        return None
    if target.behaviour in ("flow", "count"):
        points.setdefault(0, 0.0)
    month = period.last_month
    before = [m for m in points if m <= month]
    after = [m for m in points if m >= month]
    if not before or not after:
        return points[min(after)] if after else points[max(before)]
    lo, hi = max(before), min(after)
    if lo == hi:
        return points[lo]
    return points[lo] + (points[hi] - points[lo]) * (month - lo) / (hi - lo)


def _behind(target: Target, value: float, expected: float) -> bool:
    lower_better = target.indicator.direction == "lower" or target.comparator in ("le", "lt")
    return value > expected if lower_better else value < expected


def _outside_history(period: Period, value: float, others: list[tuple[Period, float]]) -> str | None:
    same_kind = [v for p, v in others if p.kind == period.kind]
    if len(same_kind) < 3:
        return None
    low, high = min(same_kind), max(same_kind)
    spread = max(high - low, abs(high) * 0.1, 1e-9)
    if low - 2 * spread <= value <= high + 2 * spread:
        return None
    return str(WARN_OUTSIDE_HISTORY).format(low=_fmt(low), high=_fmt(high))
