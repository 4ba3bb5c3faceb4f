"""Reads that assemble a report's content: a fixed number of queries whatever the plan's size.

Draft figures (not yet sent by their agency) are left out of every report.

:func:`report_data` gathers the plan's report settings, every target's line
(series from :func:`kehoach.submissions.selectors.plan_target_series`, judged
by :func:`kehoach.core.evaluate.evaluate_plan`), the lead agencies and their
explanations, the tasks by state and whether any figure is illustrative.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kehoach.accounts.models import Agency
from kehoach.core.evaluate import PlanEvaluation, TargetSeries, evaluate_plan
from kehoach.core.periods import Period, PeriodError, parse_period
from kehoach.core.plan import Plan as DomainPlan
from kehoach.core.task_status import task_status
from kehoach.plans.models import Plan, Target
from kehoach.reports.kinds import COMMITTEES, Committee
from kehoach.reports.lines import TargetLine, target_line
from kehoach.submissions.models import Figure, Status
from kehoach.submissions.selectors import plan_target_series
from kehoach.tasks.models import TaskItem

__all__ = ["ReportData", "TaskLine", "agency_choices", "plan_choices", "report_data"]


@dataclass
class TaskLine:
    key: str
    section: str
    section_title: str
    text: str
    state: str
    deadline: dt.date | None
    lead_agency: str
    lead_agency_name: str


@dataclass
class ReportData:
    """Everything a report prints, read from the database (the builder needs nothing else)."""

    plan: Plan
    domain: DomainPlan
    as_of: Period
    kind: str
    lines: list[TargetLine]
    tasks: list[TaskLine]
    series: dict[str, TargetSeries]
    evaluation: PlanEvaluation
    illustrative: bool
    agency: Agency | None = None
    committee: Committee | None = None
    sections: dict[str, str] = field(default_factory=dict)  # top task section n → title


def plan_choices() -> list[tuple[str, str]]:
    return list(Plan.objects.order_by("-year_start", "code").values_list("code", "title"))


def agency_choices() -> list[tuple[str, str]]:
    return list(Agency.objects.order_by("code").values_list("code", "name"))


def report_data(
    *,
    plan_code: str,
    as_of: Period,
    kind: str,
    agency: Agency | None = None,
    committee: str | None = None,
    published_only: bool = False,
) -> ReportData:
    """The content of one report. Raises ``Plan.DoesNotExist`` for an unknown plan."""
    plan = Plan.objects.get(code=plan_code)
    domain, series = plan_target_series(plan_id=plan_code, as_of=as_of, published_only=published_only)
    _drop_drafts(plan, series)
    evaluation = evaluate_plan(domain, series, as_of)
    lines = [target_line(series[key], evaluation.targets.get(key), as_of) for key, _i, _t in domain.targets()]
    _add_agencies(plan, lines)
    _add_explanations(plan, lines, as_of)
    tasks = _tasks(plan, as_of)
    com = COMMITTEES.get(committee or "") if kind == "supervision" else None
    if agency is not None and kind == "agency":
        lines = [ln for ln in lines if agency.code in (ln.lead_agency, *ln.cooperating)]
        tasks = [t for t in tasks if t.lead_agency == agency.code]
    if com is not None:
        lines = [ln for ln in lines if ln.group in com.groups]
        tasks = [t for t in tasks if t.section.split(".")[0] in com.sections]
    illustrative = Figure.objects.filter(plan=plan, is_illustrative=True).exists()
    return ReportData(
        plan=plan,
        domain=domain,
        as_of=as_of,
        kind=kind,
        lines=lines,
        tasks=tasks,
        series=series,
        evaluation=evaluation,
        illustrative=illustrative,
        agency=agency,
        committee=com,
        sections={s.n: s.title or "" for s in domain.sections},
    )


def _drop_drafts(plan: Plan, series: dict[str, TargetSeries]) -> None:
    """Drafts are an agency's unsent work: a report uses figures sent (submitted, approved, published)."""
    drafts = set(
        Figure.objects.filter(plan=plan, place="city", status=Status.DRAFT).values_list(
            "target__key", "period"
        )
    )
    if not drafts:
        return
    for key, s in series.items():
        s.observations = [o for o in s.observations if (key, o.period.code) not in drafts]
        for year, obs in s.history.items():
            s.history[year] = [o for o in obs if (key, o.period.code) not in drafts]


def _add_agencies(plan: Plan, lines: list[TargetLine]) -> None:
    rows = {
        t.key: t
        for t in Target.objects.filter(plan=plan)
        .select_related("lead_agency")
        .prefetch_related("cooperating_agencies")
    }
    for line in lines:
        row = rows.get(line.key)
        if row is None:
            continue
        if row.lead_agency is not None:
            line.lead_agency, line.lead_agency_name = row.lead_agency.code, row.lead_agency.name
        line.cooperating = [a.code for a in row.cooperating_agencies.all()]


def _add_explanations(plan: Plan, lines: list[TargetLine], as_of: Period) -> None:
    """The latest explanation (giải trình) an agency wrote for a figure of the year up to ``as_of``."""
    rows = (
        Figure.objects.filter(plan=plan, place="city", period__startswith=str(as_of.year))
        .exclude(explanation="")
        .values_list("target__key", "period", "explanation")
    )
    end = as_of.end()
    latest: dict[str, tuple[dt.date, str]] = {}
    for key, code, text in rows:
        try:
            p_end = parse_period(code).end()
        except PeriodError:
            continue
        if p_end <= end and (key not in latest or p_end >= latest[key][0]):
            latest[key] = (p_end, text.strip())
    for line in lines:
        if line.key in latest:
            line.explanation = latest[line.key][1]


def _tasks(plan: Plan, as_of: Period) -> list[TaskLine]:
    rows = (
        TaskItem.objects.filter(plan=plan, removed=False)
        .select_related("lead_agency")
        .order_by("position", "pk")
    )
    day = as_of.end()
    out = []
    for t in rows:
        state = task_status(
            deadline=t.deadline, completed_on=t.completed_on, continuing=t.continuing, as_of=day
        )
        out.append(
            TaskLine(
                key=t.key,
                section=t.section,
                section_title=t.section_title,
                text=t.text,
                state=state,
                deadline=t.deadline,
                lead_agency=t.lead_agency.code if t.lead_agency else "",
                lead_agency_name=t.lead_agency.name if t.lead_agency else "",
            )
        )
    return out
