"""Reads of the overview: the 22 indicators judged at a period, who has not reported, the tasks.

A fixed number of queries whatever the number of indicators (a test counts them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from kehoach.accounts.access import can
from kehoach.core.evaluate import PlanEvaluation, TargetEvaluation, TargetSeries, evaluate_plan
from kehoach.core.periods import Period
from kehoach.core.plan import Plan as DomainPlan
from kehoach.core.plan import Target as DomainTarget
from kehoach.core.task_status import STATUS_LABELS, STATUS_ORDER
from kehoach.core.verdicts import VERDICT_LABELS
from kehoach.core.wording import describe_target, describe_targets
from kehoach.dashboard.series import (
    default_period,
    indicator_verdict,
    latest_observation,
    load_series,
    plan_periods,
    trend_values,
    verdict_class,
)
from kehoach.plans.models import Plan, Target
from kehoach.submissions.selectors import missing_reports

__all__ = [
    "Judged",
    "judged_plan",
    "not_reported",
    "overview",
    "published_only_for",
    "task_summary",
]


def published_only_for(user: Any) -> bool:
    """Visitors and users without a role see published figures only."""
    return not can(user, "figure.view_unpublished")


@dataclass
class Judged:
    """A plan judged at a period: everything the pages print."""

    plan: Plan
    domain: DomainPlan
    as_of: Period
    periods: list[Period]
    series: dict[str, TargetSeries]
    evaluation: PlanEvaluation
    targets: dict[str, Target]
    published_only: bool


def judged_plan(plan: Plan, as_of: Period | None, *, published_only: bool) -> Judged:
    periods = plan_periods(plan, published_only=published_only)
    when = as_of or default_period(plan, periods, timezone.localdate())
    domain, series = load_series(plan, when, published_only=published_only)
    rows = {
        t.key: t
        for t in Target.objects.filter(plan=plan)
        .select_related("lead_agency", "indicator")
        .prefetch_related("cooperating_agencies")
    }
    return Judged(
        plan, domain, when, periods, series, evaluate_plan(domain, series, when), rows, published_only
    )


def _projection(ev: TargetEvaluation | None) -> dict[str, Any] | None:
    if ev is None or ev.projection is None:
        return None
    p = ev.projection
    return {"value": p.value, "low80": p.low80, "high80": p.high80, "method": p.method_label}


def _target_row(j: Judged, key: str, tgt: DomainTarget, lang: str) -> dict[str, Any]:
    row = j.targets.get(key)
    ev = j.evaluation.targets.get(key)
    code = (ev.scenario_verdict or ev.verdict) if ev else "no_data"
    latest = (ev.latest if ev else None) or latest_observation(j.series.get(key), j.as_of)
    return {
        "key": key,
        "qualifier": tgt.qualifier,
        "text": describe_target(tgt, lang=lang),
        "stretch": tgt.stretch,
        "unit": tgt.unit,
        "lead_agency": row.lead_agency.code if row and row.lead_agency else None,
        "cooperating_agencies": [a.code for a in row.cooperating_agencies.all()] if row else [],
        "latest": _latest_dict(latest, tgt.unit),
        "pct_of_target": ev.pct_of_target if ev else None,
        "verdict": code,
        "verdict_label": VERDICT_LABELS.get(code, code),
        "year_end_verdict": ev.year_end_verdict if ev else None,
        "year_end_verdict_label": ev.year_end_verdict_label if ev else None,
        "projection": _projection(ev),
    }


def _latest_dict(obs: Any, unit: str | None) -> dict[str, Any] | None:
    if obs is None:
        return None
    return {
        "value": obs.value,
        "unit": unit or "",
        "period": obs.period.code,
        "period_label": obs.period.label(),
        "vintage": obs.vintage,
    }


def indicator_rows(j: Judged, lang: str = "vi") -> list[dict[str, Any]]:
    """One dict per key indicator: targets, latest figure, verdict, projection, trend."""
    by_n: dict[int, list[tuple[str, DomainTarget]]] = {}
    for key, ind, tgt in j.domain.targets():
        by_n.setdefault(ind.n, []).append((key, tgt))
    out = []
    for ind in j.domain.indicators:
        targets = [_target_row(j, k, t, lang) for k, t in by_n.get(ind.n, [])]
        base = [t for t in targets if not t["stretch"]] or targets
        main = next((t for t in base if t["latest"]), base[0] if base else None)
        code = indicator_verdict(t["verdict"] for t in base)
        agencies = sorted({a for t in targets for a in [t["lead_agency"], *t["cooperating_agencies"]] if a})
        out.append(
            {
                "n": ind.n,
                "name": ind.name,
                "group": ind.group or "",
                "targets": targets,
                "target_lines": [[q, text] for q, text in describe_targets(ind, lang=lang)],
                "latest": main["latest"] if main else None,
                "pct_of_target": main["pct_of_target"] if main else None,
                "projection": main["projection"] if main else None,
                "verdict": code,
                "verdict_label": VERDICT_LABELS.get(code, code),
                "verdict_class": verdict_class(code),
                "agencies": agencies,
                "trend": trend_values(j.series.get(main["key"])) if main else [],
            }
        )
    return out


def counts(j: Judged) -> dict[str, Any]:
    c = j.evaluation.counts
    return {
        "on_scenario": c.on_scenario,
        "behind_scenario": c.behind_scenario,
        "annual_only": c.annual_only,
        "no_data": c.no_data,
        "indicators": c.indicators or len(j.domain.indicators),
        "indicators_met": c.indicators_met,
        "sentence": c.sentence,
    }


def not_reported(j: Judged) -> list[dict[str, Any]]:
    """Lead agencies with a target due at ``as_of`` and no figure sent for it (drafts do not count)."""
    return [
        {"code": m.agency_code, "name": m.agency_name, "targets": m.target_keys}
        for m in missing_reports(j.plan, j.as_of)
    ]


def task_summary(plan: Plan, domain: DomainPlan, today: dt.date | None = None) -> dict[str, Any]:
    """Tasks by state (the tasks app's rows), overall and by top section."""
    from kehoach.tasks.selectors import task_rows

    empty = dict.fromkeys(STATUS_ORDER, 0)
    states = dict(empty)
    by_section: dict[str, dict[str, int]] = {s.n: dict(empty) for s in domain.sections}
    for row in task_rows(plan, as_of=today or timezone.localdate()):
        states[row["status"]] += 1
        by_section.setdefault(str(row["section"]).split(".")[0], dict(empty))[row["status"]] += 1
    return {
        "total": sum(states.values()),
        "states": [{"code": c, "label": STATUS_LABELS[c], "count": states[c]} for c in STATUS_ORDER],
        "sections": [
            {"n": s.n, "title": s.title or "", "total": sum(by_section[s.n].values()), **by_section[s.n]}
            for s in domain.sections
        ],
    }


def overview(
    j: Judged, *, lang: str = "vi", group: str = "", agency: str = "", verdict: str = ""
) -> dict[str, Any]:
    """The overview's data (the JSON twin is exactly this)."""
    rows = indicator_rows(j, lang)
    shown = [
        r
        for r in rows
        if (not group or r["group"] == group)
        and (not agency or agency in r["agencies"])
        and (not verdict or r["verdict_class"] == verdict)
    ]
    return {
        "plan": j.plan.code,
        "as_of": j.as_of.code,
        "as_of_label": j.as_of.label(lang),
        "published_only": j.published_only,
        "periods": [p.code for p in j.periods],
        "filters": {"group": group, "agency": agency, "verdict": verdict},
        "counts": counts(j),
        "indicators": shown,
        "not_reported": not_reported(j),
        "tasks": task_summary(j.plan, j.domain),
        "groups": list(dict.fromkeys(r["group"] for r in rows)),
        "agencies": sorted({a for r in rows for a in r["agencies"]}),
    }


def overview_csv_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per target of the shown indicators."""
    out = []
    for r in data["indicators"]:
        for t in r["targets"]:
            latest = t["latest"] or {}
            proj = t["projection"] or {}
            out.append(
                {
                    "n": r["n"],
                    "indicator": r["name"],
                    "group": r["group"],
                    "key": t["key"],
                    "qualifier": t["qualifier"] or "",
                    "target": t["text"],
                    "lead_agency": t["lead_agency"] or "",
                    "value": latest.get("value", ""),
                    "unit": t["unit"] or "",
                    "period": latest.get("period", ""),
                    "vintage": latest.get("vintage", ""),
                    "pct_of_target": "" if t["pct_of_target"] is None else t["pct_of_target"],
                    "verdict": t["verdict"],
                    "verdict_label": t["verdict_label"],
                    "projection": proj.get("value", ""),
                    "low80": proj.get("low80", ""),
                    "high80": proj.get("high80", ""),
                }
            )
    return out
