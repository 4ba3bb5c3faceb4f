"""Reads of the indicator page and the agency page."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from kehoach.accounts.models import Agency
from kehoach.core.evaluate import TargetSeries
from kehoach.core.periods import PeriodError, parse_period
from kehoach.dashboard.models import Comment
from kehoach.dashboard.selectors import Judged, indicator_rows
from kehoach.dashboard.series import period_key
from kehoach.formats.charts import ChartData, progress_spec, render_svg
from kehoach.plans.models import Indicator
from kehoach.submissions.models import Figure, FigureRevision, Status
from kehoach.tasks.selectors import filter_rows, overdue_first, task_rows

__all__ = ["agency_page", "comments_of", "figure_table", "indicator_charts", "indicator_page"]


def _months(observations: Any) -> dict[int, float]:
    """Figures placed at their period's last month; a longer period wins a tie (cumulative)."""
    out: dict[int, tuple[int, float]] = {}
    for o in observations:
        m = o.period.last_month
        if m not in out or o.period.months > out[m][0]:
            out[m] = (o.period.months, o.value)
    return {m: v for m, (_n, v) in sorted(out.items())}


def _expected(path: dict[str, float]) -> dict[int, float]:
    out: dict[int, float] = {}
    for code, value in path.items():
        try:
            out[parse_period(code).last_month] = value
        except PeriodError:
            continue
    return out


def chart_data(j: Judged, key: str, series: TargetSeries, title: str) -> ChartData:
    ev = j.evaluation.targets.get(key)
    proj = ev.projection if ev else None
    ref = series.target.reference
    return ChartData(
        title=title,
        unit=series.target.unit or "",
        actual=_months(series.observations),
        expected=_expected(ev.expected_path) if ev else {},
        target=None if ref is None or series.target.comparator == "rank_top" else float(ref),
        projection=proj.value if proj else None,
        low80=proj.low80 if proj else None,
        high80=proj.high80 if proj else None,
        history={y: _months(obs) for y, obs in sorted(series.history.items())[-3:]},
    )


def indicator_charts(j: Judged, n: int, lang: str) -> list[dict[str, Any]]:
    """An SVG chart per target of the indicator that has figures."""
    out = []
    for key, ind, tgt in j.domain.targets():
        s = j.series.get(key)
        if ind.n != n or s is None or not (s.observations or s.history):
            continue
        title = f"{key} {tgt.qualifier or ind.name}"[:90]
        spec = progress_spec(chart_data(j, key, s, title), lang=lang)
        out.append({"key": key, "spec": spec, "svg": render_svg(spec, lang=lang)})
    return out


def figure_table(j: Judged, indicator: Indicator) -> list[dict[str, Any]]:
    """Every visible figure of the indicator with its visible revisions (two queries)."""
    figures = Figure.objects.filter(
        plan=j.plan, target__indicator=indicator, period__startswith=str(j.plan.year)
    ).select_related("target")
    revisions = FigureRevision.objects.order_by("number")
    if j.published_only:
        figures = figures.filter(status=Status.PUBLISHED)
        revisions = revisions.filter(status=Status.PUBLISHED)
    else:
        figures = figures.exclude(status=Status.DRAFT)
    figures = figures.prefetch_related(Prefetch("revisions", queryset=revisions, to_attr="shown_revisions"))
    rows: list[dict[str, Any]] = []
    for f in figures:
        try:
            key = period_key(parse_period(f.period))
        except PeriodError:
            continue
        rows.append(
            {
                "target": f.target.key,
                "period": f.period,
                "value": f.value,
                "unit": f.unit or f.target.unit or "",
                "vintage": f.vintage,
                "status": f.status,
                "source": f.source,
                "explanation": f.explanation,
                "revisions": [
                    {
                        "number": r.number,
                        "value": r.value,
                        "vintage": r.vintage,
                        "at": r.created_at,
                        "reason": r.reason,
                    }
                    for r in f.shown_revisions
                ],
                "_sort": (key, f.target.position),
            }
        )
    rows.sort(key=lambda r: r["_sort"], reverse=True)
    for r in rows:
        del r["_sort"]
    return rows


def comments_of(indicator: Indicator) -> list[Comment]:
    """Top comments with their replies (two queries)."""
    return list(
        Comment.objects.filter(indicator=indicator, parent__isnull=True)
        .select_related("agency")
        .prefetch_related(Prefetch("replies", queryset=Comment.objects.select_related("agency")))
    )


def indicator_page(j: Judged, n: int, lang: str) -> tuple[Indicator, dict[str, Any]]:
    indicator = get_object_or_404(Indicator, plan=j.plan, n=n)
    row = next(r for r in indicator_rows(j, lang) if r["n"] == n)
    lead = sorted({t["lead_agency"] for t in row["targets"] if t["lead_agency"]})
    coop = sorted({a for t in row["targets"] for a in t["cooperating_agencies"]} - set(lead))
    names = dict(Agency.objects.filter(code__in=lead + coop).values_list("code", "name"))
    evaluation = [
        {"target": t.key, "text": line}
        for t in j.targets.values()
        if t.indicator_id == indicator.pk and (ev := j.evaluation.targets.get(t.key)) is not None
        for line in ev.explanation
    ]
    figures = figure_table(j, indicator)
    explanations = [
        {"target": f["target"], "period": f["period"], "text": f["explanation"]}
        for f in figures
        if f["explanation"]
    ]
    return indicator, {
        "indicator": row,
        "source": indicator.source,
        "lead_agencies": [{"code": c, "name": names.get(c, c)} for c in lead],
        "cooperating_agencies": [{"code": c, "name": names.get(c, c)} for c in coop],
        "figures": figures,
        "explanations": explanations,
        "evaluation": evaluation,
    }


def agency_page(j: Judged, code: str, lang: str) -> dict[str, Any]:
    """The agency's indicators, tasks and reporting record for the plan's year."""
    agency = get_object_or_404(Agency, code=code)
    rows = [r for r in indicator_rows(j, lang) if code in r["agencies"]]
    lead_ids = [t.pk for t in j.targets.values() if t.lead_agency_id == agency.pk]
    rows_of_agency = filter_rows(task_rows(j.plan), agency=agency.code)
    tasks = [{**t, "lead": t["lead_agency"] == agency.code} for t in overdue_first(rows_of_agency)]
    return {
        "agency": {"code": agency.code, "name": agency.name},
        "indicators": rows,
        "tasks": tasks,
        "record": reporting_record(j, lead_ids),
    }


def reporting_record(j: Judged, target_ids: list[int]) -> list[dict[str, Any]]:
    """Per period of the year so far: figures of the agency's lead targets by status (one query)."""
    counts: dict[str, dict[str, int]] = {}
    for period, status in Figure.objects.filter(plan=j.plan, target_id__in=target_ids).values_list(
        "period", "status"
    ):
        counts.setdefault(period, {}).setdefault(status, 0)
        counts[period][status] += 1
    out: list[dict[str, Any]] = []
    for code, by_status in counts.items():
        try:
            p = parse_period(code)
        except PeriodError:
            continue
        if p.year != j.plan.year or period_key(p) > period_key(j.as_of):
            continue
        out.append(
            {
                "period": code,
                "sort": period_key(p),
                "targets": len(target_ids),
                **{s: by_status.get(s, 0) for s in Status.values},
            }
        )
    out.sort(key=lambda r: r["sort"], reverse=True)
    return out
