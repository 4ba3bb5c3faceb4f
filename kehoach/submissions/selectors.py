"""Reads on figures: the series evaluation needs, a period's figures, who has not reported.

Every selector runs a fixed number of queries whatever the number of targets
(tests count them): one for the plan, one for its targets, one for figures,
one for scenario values.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, cast

from django.db.models import QuerySet

from kehoach.core.evaluate import Observation, TargetSeries
from kehoach.core.measures import Behaviour, Frequency
from kehoach.core.periods import Period, PeriodError, parse_period
from kehoach.core.plan import Plan as DomainPlan
from kehoach.plans.models import Plan, Target
from kehoach.submissions.models import Figure, FigureRevision, PeriodLock, ScenarioValue, Status

__all__ = [
    "FREQUENCY_KINDS",
    "FormRow",
    "MissingReport",
    "agencies_with_targets",
    "agency_form_rows",
    "figure_history",
    "figures_for_period",
    "figures_list",
    "is_period_locked",
    "missing_reports",
    "plan_periods",
    "plan_target_series",
    "previous_values",
    "review_figures",
    "targets_due",
]

# Which period kinds a target of a given frequency is reported for.
FREQUENCY_KINDS: dict[str, tuple[str, ...]] = {
    "monthly": ("month",),
    "quarterly": ("quarter",),
    "half_yearly": ("half",),
    "nine_months": ("nine_months",),
    "annual": ("year",),
}


def plan_target_series(
    *, plan_id: str, as_of: Period, published_only: bool = False
) -> tuple[DomainPlan, dict[str, TargetSeries]]:
    """The plan and, per target key, everything known by ``as_of``.

    ``observations`` are figures of ``as_of.year`` whose period ends by the end
    of ``as_of``; ``history`` the figures of earlier years; ``scenario`` the
    values of the plan's active scenario set (the most recent if several).
    ``published_only`` keeps only published figures (the public site).
    Figures without a value are skipped. Raises ``Plan.DoesNotExist``.
    """
    plan = Plan.objects.get(code=plan_id)
    domain = plan.to_domain()
    rows = {t.key: t for t in Target.objects.filter(plan=plan).only("key", "behaviour", "frequency")}
    series: dict[str, TargetSeries] = {}
    for key, ind, target in domain.targets():
        row = rows.get(key)
        series[key] = TargetSeries(
            key=key,
            indicator=ind,
            target=target,
            behaviour=cast(Behaviour, row.behaviour if row else "level"),
            year=as_of.year,
            frequency=cast(Frequency, row.frequency) if row else None,
        )
    _add_observations(plan, series, as_of, published_only)
    _share_base_figures(domain, series)
    _add_scenarios(plan, series)
    return domain, series


def stretch_bases(domain: DomainPlan) -> dict[str, str]:
    """Stretch target key → the key of the base target it stands beside (same indicator, qualifier and
    unit): "IIP tăng 15,5%, phấn đấu 16%" is one figure judged against two targets."""
    bases: dict[str, str] = {}
    for ind in domain.indicators:
        for i, t in enumerate(ind.targets):
            if not t.stretch:
                continue
            for j in range(i - 1, -1, -1):
                base = ind.targets[j]
                if not base.stretch and base.qualifier == t.qualifier and base.unit == t.unit:
                    bases[f"{ind.n}.{i + 1}"] = f"{ind.n}.{j + 1}"
                    break
    return bases


def _share_base_figures(domain: DomainPlan, series: dict[str, TargetSeries]) -> None:
    """A stretch target has no figure of its own: it reads its base target's."""
    for stretch, base in stretch_bases(domain).items():
        s, b = series.get(stretch), series.get(base)
        if s is not None and b is not None and not s.observations:
            s.observations = list(b.observations)
            s.history = {year: list(obs) for year, obs in b.history.items()}


def _add_observations(
    plan: Plan, series: dict[str, TargetSeries], as_of: Period, published_only: bool
) -> None:
    figures = Figure.objects.filter(
        plan=plan, place="city", value__isnull=False, period__lt=str(as_of.year + 1)
    ).values_list("target__key", "period", "value", "vintage", "same_period_last_year")
    rows = list(figures.filter(status=Status.PUBLISHED) if published_only else figures)
    if published_only:
        rows.extend(_last_published_of_unpublished(plan, as_of))
    end = as_of.end()
    for key, code, value, vintage, last_year in sorted(rows, key=lambda r: r[1]):
        s = series.get(key)
        try:
            period = parse_period(code)
        except PeriodError:
            continue
        if s is None or value is None:
            continue
        obs = Observation(period=period, value=value, vintage=vintage, same_period_last_year=last_year)
        if period.year == as_of.year:
            if period.end() <= end:
                s.observations.append(obs)
        else:
            s.history.setdefault(period.year, []).append(obs)


def _last_published_of_unpublished(
    plan: Plan, as_of: Period
) -> list[tuple[str, str, float | None, str, float | None]]:
    """Figures being corrected (back to draft or under review) stay public as last published.

    One query over the revisions; the latest published revision of each such figure wins.
    """
    revisions = (
        FigureRevision.objects.filter(
            figure__plan=plan,
            figure__place="city",
            figure__period__lt=str(as_of.year + 1),
            status=Status.PUBLISHED,
            value__isnull=False,
        )
        .exclude(figure__status=Status.PUBLISHED)
        .order_by("figure_id", "number")
        .values_list(
            "figure_id", "figure__target__key", "figure__period", "value", "vintage", "same_period_last_year"
        )
    )
    latest: dict[int, tuple[str, str, float | None, str, float | None]] = {}
    for figure_id, key, code, value, vintage, last_year in revisions:
        latest[figure_id] = (key, code, value, vintage, last_year)
    return list(latest.values())


def _add_scenarios(plan: Plan, series: dict[str, TargetSeries]) -> None:
    values = (
        ScenarioValue.objects.filter(scenario__plan=plan, scenario__active=True)
        .order_by("scenario__created_at", "scenario_id")
        .values_list("scenario_id", "scenario__basis", "scenario__name", "target__key", "period", "value")
    )
    by_set: dict[int, list[tuple[str, str, str, float]]] = {}
    for set_id, basis, name, key, period, value in values:
        by_set.setdefault(set_id, []).append((basis or name, key, period, value))
    if not by_set:
        return
    for basis, key, period, value in list(by_set.values())[-1]:
        s = series.get(key)
        if s is None:
            continue
        if s.scenario is None:
            s.scenario = {}
        s.scenario[period] = value
        s.scenario_basis = basis


def figures_for_period(*, plan: Plan, period: Period, agency_code: str | None = None) -> dict[str, Figure]:
    """Current figures of a period (city level), by target key; optionally one agency's targets."""
    qs: QuerySet[Figure] = Figure.objects.filter(plan=plan, period=period.code, place="city").select_related(
        "target"
    )
    if agency_code:
        qs = qs.filter(target__in=_agency_targets(plan, agency_code))
    return {f.target.key: f for f in qs}


def _agency_targets(plan: Plan, agency_code: str) -> QuerySet[Target]:
    return Target.objects.filter(plan=plan, lead_agency__code=agency_code)


def targets_due(*, plan: Plan, period: Period, agency_code: str | None = None) -> list[Target]:
    """Targets whose reporting frequency asks for a figure of this period's kind.

    A year figure is due for every target but stretch targets (they read their base
    target's figure). With ``agency_code``, the targets it leads (chủ trì). Ordered by
    indicator and position.
    """
    # A stretch target shares its base target's figure, so nobody is asked for it twice.
    qs = Target.objects.filter(plan=plan, stretch=False).select_related("indicator", "lead_agency")
    if agency_code:
        qs = qs.filter(lead_agency__code=agency_code)
    if period.kind != "year":
        freqs = [f for f, kinds in FREQUENCY_KINDS.items() if period.kind in kinds]
        qs = qs.filter(frequency__in=freqs)
    return list(qs.order_by("indicator__n", "position"))


@dataclass
class MissingReport:
    """An agency that has not reported (or only drafted) some due figures of a period."""

    agency_code: str
    agency_name: str
    target_keys: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"agency": self.agency_code, "agency_name": self.agency_name, "targets": self.target_keys}


def missing_reports(plan: Plan, period: Period) -> list[MissingReport]:
    """Lead agencies with due targets of ``period`` not yet submitted (no figure, or a draft only)."""
    due = targets_due(plan=plan, period=period)
    done = set(
        Figure.objects.filter(plan=plan, period=period.code, place="city", value__isnull=False)
        .exclude(status=Status.DRAFT)
        .values_list("target_id", flat=True)
    )
    by_agency: dict[str, MissingReport] = {}
    for t in due:
        if t.pk in done:
            continue
        code = t.lead_agency.code if t.lead_agency else ""
        name = t.lead_agency.name if t.lead_agency else "(chưa giao)"
        by_agency.setdefault(code, MissingReport(code, name)).target_keys.append(t.key)
    return sorted(by_agency.values(), key=lambda m: m.agency_code)


def previous_values(
    *, plan: Plan, period: Period, keys: list[str], count: int = 3
) -> dict[str, list[Figure]]:
    """For each target key, the ``count`` latest figures of the same period kind before ``period``
    (and the same period last year), oldest first. One query."""
    earlier = (
        Figure.objects.filter(plan=plan, place="city", target__key__in=keys, period__lt=period.code)
        .select_related("target")
        .order_by("-period")
    )
    out: dict[str, list[Figure]] = defaultdict(list)
    for f in earlier:
        try:
            p = parse_period(f.period)
        except PeriodError:
            continue
        if p.kind == period.kind and len(out[f.target.key]) < count:
            out[f.target.key].append(f)
    return {k: list(reversed(v)) for k, v in out.items()}


def figure_history(figure: Figure) -> list[FigureRevision]:
    """Every revision of a figure, newest first."""
    return list(figure.revisions.select_related("created_by").order_by("-number"))


def is_period_locked(plan: Plan, period: str) -> bool:
    return PeriodLock.objects.filter(plan=plan, period=period).exists()


@dataclass
class FormRow:
    """One target on the agency form: what it is, what is known, what was entered."""

    target: Target
    target_text: str
    figure: Figure | None
    previous: list[Figure]
    last_year: Figure | None
    expected: float | None = None

    @property
    def key(self) -> str:
        return self.target.key

    def to_dict(self) -> dict[str, Any]:
        f = self.figure
        return {
            "target": self.key,
            "indicator": self.target.indicator.name,
            "qualifier": self.target.qualifier or "",
            "unit": self.target.unit or "",
            "target_text": self.target_text,
            "value": f.value if f else None,
            "vintage": f.vintage if f else None,
            "status": f.status if f else None,
            "version": f.version if f else 0,
            "explanation": f.explanation if f else "",
            "is_illustrative": f.is_illustrative if f else False,
            "same_period_last_year": self.last_year.value if self.last_year else None,
            "previous": [{"period": p.period, "value": p.value} for p in self.previous],
        }


def agency_form_rows(*, plan: Plan, agency_code: str, period: Period) -> list[FormRow]:
    """The targets an agency leads that are due for ``period``, with current and earlier figures.

    Four queries whatever the number of targets.
    """
    from kehoach.core.plan import Target as DomainTarget
    from kehoach.core.wording import describe_target

    targets = targets_due(plan=plan, period=period, agency_code=agency_code)
    keys = [t.key for t in targets]
    current = figures_for_period(plan=plan, period=period)
    previous = previous_values(plan=plan, period=period, keys=keys)
    last_code = period.previous_year().code
    last_year = {
        f.target.key: f
        for f in Figure.objects.filter(
            plan=plan, period=last_code, place="city", target__key__in=keys
        ).select_related("target")
    }
    return [
        FormRow(
            target=t,
            target_text=describe_target(DomainTarget.from_dict(t.domain_dict())),
            figure=current.get(t.key),
            previous=previous.get(t.key, []),
            last_year=last_year.get(t.key),
        )
        for t in targets
    ]


def agencies_with_targets(plan: Plan) -> list[tuple[str, str]]:
    """(code, name) of the agencies that lead at least one target of the plan."""
    rows = (
        Target.objects.filter(plan=plan, lead_agency__isnull=False)
        .values_list("lead_agency__code", "lead_agency__name")
        .distinct()
        .order_by("lead_agency__code")
    )
    return [(c, n) for c, n in rows if c]


def plan_periods(plan: Plan) -> list[Period]:
    """Every reporting period of the plan's last year: months, quarters, 6 and 9 months, the year."""
    y = plan.year_end
    months = [Period(y, "month", m) for m in range(1, 13)]
    quarters = [Period(y, "quarter", q) for q in range(1, 5)]
    return [*months, *quarters, Period(y, "half", 1), Period(y, "nine_months"), Period(y, "year")]


def review_figures(*, plan: Plan, period: Period) -> list[Figure]:
    """Figures of a period waiting for the secretariat (submitted) or for publication (approved)."""
    return list(
        Figure.objects.filter(plan=plan, period=period.code, status__in=[Status.SUBMITTED, Status.APPROVED])
        .select_related("target__indicator", "target__lead_agency")
        .order_by("target__indicator__n", "target__position")
    )


def figures_list(
    *,
    plan: Plan,
    published_only: bool,
    period: str | None = None,
    target: str | None = None,
    agency: str | None = None,
) -> list[Figure]:
    """Current figures of a plan, filtered; one query. ``published_only`` for anonymous readers."""
    qs = (
        Figure.objects.filter(plan=plan)
        .select_related("target")
        .order_by("target__indicator__n", "target__position", "period", "place")
    )
    if period:
        qs = qs.filter(period=period)
    if target:
        qs = qs.filter(target__key=target)
    if agency:
        qs = qs.filter(target__lead_agency__code=agency.upper())
    if published_only:
        return _as_last_published(list(qs))
    return list(qs)


def _as_last_published(figures: list[Figure]) -> list[Figure]:
    """What the public may read: published figures, and a figure under correction as it was last
    published (an unsaved copy carrying that revision's values); never-published figures are left out."""
    pending = [f.pk for f in figures if f.status != Status.PUBLISHED]
    last: dict[int, FigureRevision] = {}
    if pending:
        for rev in FigureRevision.objects.filter(figure_id__in=pending, status=Status.PUBLISHED).order_by(
            "number"
        ):
            last[rev.figure_id] = rev
    out: list[Figure] = []
    for f in figures:
        if f.status == Status.PUBLISHED:
            out.append(f)
        elif f.pk in last:
            rev = last[f.pk]
            copy = Figure(
                pk=f.pk,
                plan_id=f.plan_id,
                target=f.target,
                period=f.period,
                place=f.place,
                value=rev.value,
                unit=rev.unit,
                vintage=rev.vintage,
                same_period_last_year=rev.same_period_last_year,
                explanation=rev.explanation,
                source=rev.source,
                status=Status.PUBLISHED,
                is_illustrative=f.is_illustrative,
                version=f.version,
                updated_at=rev.created_at,
            )
            out.append(copy)
    return out
