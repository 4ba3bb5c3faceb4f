"""The figures the dashboard judges: target series, periods, verdict colours.

The series come from ``kehoach.submissions.selectors.plan_target_series`` (the
collection work); this module adds the periods offered, the default period and
the verdict colours.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from kehoach.core.evaluate import Observation, TargetSeries
from kehoach.core.periods import Period, PeriodError, parse_period
from kehoach.core.plan import Plan as DomainPlan
from kehoach.plans.models import Plan
from kehoach.submissions.models import Figure, Status

__all__ = [
    "VERDICT_CLASS",
    "indicator_verdict",
    "load_series",
    "period_key",
    "plan_periods",
    "verdict_class",
]

# The colour class of every verdict; the word is always printed beside it.
VERDICT_CLASS: dict[str, str] = {
    "exceeded": "ok",
    "met": "ok",
    "met_stretch": "ok",
    "on_track": "ok",
    "on_scenario": "ok",
    "behind": "warn",
    "behind_scenario": "warn",
    "at_risk": "bad",
    "missed": "bad",
}
_SEVERITY = {"exceeded": 0, "met_stretch": 1, "met": 1, "on_track": 2, "on_scenario": 2, "behind": 3}
_SEVERITY |= {"behind_scenario": 3, "at_risk": 4, "missed": 5}


def verdict_class(code: str | None) -> str:
    return VERDICT_CLASS.get(code or "", "none")


def indicator_verdict(codes: Iterable[str]) -> str:
    """The worst informative verdict of an indicator's base targets; else the first one."""
    codes = list(codes)
    informative = [c for c in codes if c in _SEVERITY]
    if informative:
        return max(informative, key=lambda c: _SEVERITY[c])
    return codes[0] if codes else "no_data"


def period_key(p: Period) -> tuple[int, int, int]:
    """Later periods sort last; of two ending together, the longer (cumulative) one wins."""
    return (p.year, p.last_month, p.months)


def _visible(qs: Any, published_only: bool) -> Any:
    if published_only:
        return qs.filter(status=Status.PUBLISHED)
    return qs.exclude(status=Status.DRAFT)


def plan_periods(plan: Plan, *, published_only: bool) -> list[Period]:
    """Periods of the plan's year that have figures, latest last."""
    codes = _visible(Figure.objects.filter(plan=plan), published_only).values_list("period", flat=True)
    found: set[Period] = set()
    for code in set(codes):
        try:
            p = parse_period(code)
        except PeriodError:
            continue
        if p.year == plan.year:
            found.add(p)
    return sorted(found, key=period_key)


def default_period(plan: Plan, periods: list[Period], today: dt.date) -> Period:
    """The latest period with figures; without any, the last closed month of the plan's year."""
    if periods:
        return periods[-1]
    if today.year == plan.year and today.month > 1:
        return Period(plan.year, "month", today.month - 1)
    return Period(plan.year, "month", 1) if today.year < plan.year else Period(plan.year, "year")


def load_series(
    plan: Plan, as_of: Period, *, published_only: bool
) -> tuple[DomainPlan, dict[str, TargetSeries]]:
    """The plan and every target's series as known at ``as_of`` (the collection work's selector)."""
    from kehoach.submissions.selectors import plan_target_series

    return plan_target_series(plan_id=plan.code, as_of=as_of, published_only=published_only)


def latest_observation(series: TargetSeries | None, as_of: Period) -> Observation | None:
    if series is None:
        return None
    known = [o for o in series.observations if period_key(o.period) <= period_key(as_of)]
    return max(known, key=lambda o: period_key(o.period)) if known else None


def trend_values(series: TargetSeries | None) -> list[float]:
    """This year's month figures in order (the sparkline); else every figure in order."""
    if series is None:
        return []
    months = [o for o in series.observations if o.period.kind == "month"]
    chosen = months if len(months) >= 2 else series.observations
    return [o.value for o in sorted(chosen, key=lambda o: period_key(o.period))]
