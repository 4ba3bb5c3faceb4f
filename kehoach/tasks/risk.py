"""Which key indicators are heading for "không đạt", from the evaluation when it can say so.

Uses :func:`kehoach.submissions.selectors.plan_target_series` and
:func:`kehoach.core.evaluate.evaluate_plan`; if either is missing or fails, no
indicator is reported at risk (a warning the system cannot back is not given).
"""

from __future__ import annotations

import datetime as dt
import logging

from kehoach.plans.models import Plan

__all__ = ["AT_RISK_VERDICTS", "indicators_at_risk"]

AT_RISK_VERDICTS = frozenset({"missed", "at_risk"})
log = logging.getLogger(__name__)


def indicators_at_risk(plan: Plan, as_of: dt.date) -> dict[int, str]:
    """Indicator number → name, for indicators with a base target judged or projected "không đạt"."""
    try:
        from kehoach.core.evaluate import evaluate_plan
        from kehoach.core.periods import Period
        from kehoach.submissions.selectors import plan_target_series

        period = (
            Period(as_of.year, "month", as_of.month)
            if as_of.year <= plan.year_end
            else Period(plan.year_end, "year")
        )
        domain, series = plan_target_series(plan_id=plan.code, as_of=period)
        evaluation = evaluate_plan(domain, series, period)
    except Exception:  # the evaluation is optional here: degrade to no warning
        log.warning("evaluation unavailable for %s; no indicator warnings", plan.code, exc_info=True)
        return {}
    out: dict[int, str] = {}
    for key, ind, target in domain.targets():
        ev = evaluation.targets.get(key)
        if ev is None or target.stretch:
            continue
        if ev.verdict in AT_RISK_VERDICTS or ev.year_end_verdict in AT_RISK_VERDICTS:
            out[ind.n] = ind.name
    return out
