"""What the collection side adds to a freshly loaded bundled plan: assignments and illustrative data.

:func:`after_bundled_plan_loaded` is called by
:func:`kehoach.plans.bootstrap.ensure_default_plan`. It assigns each Hải Phòng
target to its usual lead and cooperating agencies (a suggestion the
secretariat can change), then, unless ``KEHOACH_NO_DEMO=1``, loads the
illustrative figures and scenario of :mod:`kehoach.core.illustrative`
("Số liệu minh họa"); ``kehoach data demo --remove`` removes them.
"""

from __future__ import annotations

import os
from typing import Any

from django.db import transaction

from kehoach.accounts.models import Agency
from kehoach.audit.services import audit_record
from kehoach.core import illustrative
from kehoach.core.plan import Target as DomainTarget
from kehoach.plans.models import Plan, Target
from kehoach.submissions.models import Figure, FigureRevision, ScenarioSet
from kehoach.submissions.services import scenario_set_create, target_assign
from kehoach.tasks.illustrative import task_illustrative_load

__all__ = [
    "HAIPHONG_ASSIGNMENTS",
    "after_bundled_plan_loaded",
    "assign_haiphong",
    "illustrative_load",
    "illustrative_remove",
]

# key prefix (indicator "5" or target "14.3") → (lead, cooperating, frequency or None, behaviour or None)
HAIPHONG_ASSIGNMENTS: dict[str, tuple[str, tuple[str, ...], str | None, str | None]] = {
    "1": ("STC", ("TK",), None, None),
    "2": ("STC", ("TK",), None, None),
    "3": ("SKHCN", ("TK", "STC"), None, None),
    "4": ("SCT", ("TK",), None, None),
    "5": ("STC", ("THUE", "HQ"), None, None),
    "6": ("STC", ("TK",), None, None),
    "7": ("SCT", ("HQ", "TK"), None, None),
    "8": ("SXD", ("TK",), None, None),
    "9": ("SVHTTDL", ("TK",), None, None),
    "10": ("STC", ("TK",), None, None),
    "11": ("STC", ("TK", "SNV"), None, None),
    "12": ("BQLKKT", ("STC",), None, None),
    "13.1": ("STC", ("THUE", "TK"), "monthly", "level"),
    "13.2": ("STC", ("TK",), "monthly", "count"),  # new enterprises: a count summed over the year
    "14.1": ("SKHCN", ("SNV",), None, None),
    "14.2": ("SKHCN", ("SNV",), None, None),
    "14.3": ("STC", ("SCT", "SNV"), None, None),
    "14.4": ("STC", ("SCT", "SNV"), None, None),
    "14.5": ("SNV", ("VP-UBND",), None, None),
    "14.6": ("SNV", ("VP-UBND",), None, None),
    "14.7": ("SNNMT", ("STC",), None, None),
    "14.8": ("SNNMT", ("STC",), None, None),
    "15": ("SNV", ("SGDDT", "TK"), None, None),
    "16": ("SNV", ("SYT",), None, None),
    "17": ("TK", ("STC", "SYT", "SGDDT"), None, None),
    "18": ("SXD", ("STC",), None, None),
    "19": ("SNNMT", ("SXD",), None, None),
    "20": ("SNNMT", ("SXD",), None, None),
    "21": ("BCHQS", ("SNV",), "quarterly", None),
    "22": ("CAPT", (), None, None),
}


def after_bundled_plan_loaded(code: str) -> None:
    """Assign the Hải Phòng targets and, unless ``KEHOACH_NO_DEMO=1``, load the illustrative data."""
    if not code.startswith("haiphong"):
        return
    plan = Plan.objects.get(code=code)
    assign_haiphong(plan)
    if os.environ.get("KEHOACH_NO_DEMO", "") not in ("1", "true", "yes"):
        illustrative_load(plan=plan)
        task_illustrative_load(plan=plan)


def assign_haiphong(plan: Plan, actor: Any = None) -> int:
    """The usual assignments (../shared/data/README.md); returns the number of targets assigned."""
    agencies = {a.code: a for a in Agency.objects.all()}
    count = 0
    for target in Target.objects.filter(plan=plan).select_related("indicator"):
        spec = HAIPHONG_ASSIGNMENTS.get(target.key) or HAIPHONG_ASSIGNMENTS.get(str(target.indicator.n))
        if spec is None or spec[0] not in agencies:
            continue
        lead, coop, freq, behaviour = spec
        target_assign(
            actor=actor,
            target=target,
            lead=agencies[lead],
            cooperating=[agencies[c] for c in coop if c in agencies],
            frequency=freq,
            behaviour=behaviour,
            reason="Phân công mặc định (gợi ý) cho kế hoạch Hải Phòng",
        )
        count += 1
    return count


def _references(plan: Plan) -> tuple[dict[str, float | None], dict[str, Target]]:
    targets = {t.key: t for t in Target.objects.filter(plan=plan)}
    refs = {k: DomainTarget.from_dict(t.domain_dict()).reference for k, t in targets.items()}
    return refs, targets


@transaction.atomic
def illustrative_load(*, plan: Plan, actor: Any = None) -> int:
    """Load the illustrative figures and the 2026 scenario set; returns the number of figures.

    Targets that already have a figure for a period keep it (real data is never replaced).
    """
    refs, targets = _references(plan)
    existing = set(Figure.objects.filter(plan=plan).values_list("target__key", "period"))
    rows = [f for f in illustrative.generate(refs) if (f.key, f.period) not in existing]
    figures = Figure.objects.bulk_create(
        Figure(
            plan=plan,
            target=targets[f.key],
            period=f.period,
            value=f.value,
            unit=targets[f.key].unit or "",
            vintage=f.vintage,
            same_period_last_year=f.same_period_last_year,
            explanation=f.explanation,
            source=f.source,
            status=f.status,
            is_illustrative=True,
            version=1,
        )
        for f in rows
    )
    if not any(f.pk for f in figures):  # some back ends do not return keys from bulk_create
        figures = list(Figure.objects.filter(plan=plan, is_illustrative=True, version=1))
    FigureRevision.objects.bulk_create(
        FigureRevision(
            figure=f,
            number=1,
            value=f.value,
            unit=f.unit,
            vintage=f.vintage,
            same_period_last_year=f.same_period_last_year,
            explanation=f.explanation,
            source=f.source,
            status=f.status,
            created_by_label="hệ thống",
            reason="Số liệu minh họa",
            channel="generator",
        )
        for f in figures
    )
    if not ScenarioSet.objects.filter(plan=plan, is_illustrative=True).exists():
        scenario_set_create(
            actor=actor,
            plan=plan,
            name=illustrative.SCENARIO_NAME,
            basis=illustrative.SCENARIO_BASIS,
            values=illustrative.scenario_values(refs),
            is_illustrative=True,
            activate=not ScenarioSet.objects.filter(plan=plan, active=True).exists(),
        )
    audit_record(
        actor=actor,
        action="illustrative.load",
        object_type="plan",
        object_id=plan.code,
        plan_code=plan.code,
        reason="Số liệu minh họa",
        data={"figures": len(rows)},
    )
    return len(rows)


@transaction.atomic
def illustrative_remove(*, plan: Plan | None = None, actor: Any = None) -> tuple[int, int]:
    """Delete every illustrative figure (with its revisions) and illustrative scenario set.

    Figures a person has since edited are no longer illustrative and stay.
    Returns (figures, scenario sets) removed.
    """
    figures = Figure.objects.filter(is_illustrative=True)
    sets = ScenarioSet.objects.filter(is_illustrative=True)
    if plan is not None:
        figures, sets = figures.filter(plan=plan), sets.filter(plan=plan)
    n_figures = figures.count()
    n_sets = sets.count()
    FigureRevision.objects.filter(figure__in=figures).delete()
    figures.delete()
    sets.delete()
    audit_record(
        actor=actor,
        action="illustrative.remove",
        object_type="plan",
        object_id=plan.code if plan else "*",
        plan_code=plan.code if plan else "",
        data={"figures": n_figures, "scenario_sets": n_sets},
    )
    return n_figures, n_sets
