"""The rules behind :func:`kehoach.core.evaluate.evaluate_target` (being written)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from kehoach.core.periods import Period
from kehoach.core.plan import Plan
from kehoach.core.verdicts import VERDICT_LABELS

if TYPE_CHECKING:
    from kehoach.core.evaluate import PlanEvaluation, TargetEvaluation, TargetSeries


def judge_target(series: TargetSeries, as_of: Period) -> TargetEvaluation:
    from kehoach.core.evaluate import TargetEvaluation

    return TargetEvaluation(key=series.key, verdict="no_data", verdict_label=VERDICT_LABELS["no_data"])


def judge_plan(plan: Plan, series: Mapping[str, TargetSeries], as_of: Period) -> PlanEvaluation:
    from kehoach.core.evaluate import PlanCounts, PlanEvaluation, TargetEvaluation

    out: dict[str, TargetEvaluation] = {}
    for key, _ind, _t in plan.targets():
        s = series.get(key)
        out[key] = (
            judge_target(s, as_of)
            if s
            else TargetEvaluation(key=key, verdict="no_data", verdict_label=VERDICT_LABELS["no_data"])
        )
    return PlanEvaluation(as_of=as_of, targets=out, counts=PlanCounts(targets=len(out)))
