"""The rules behind :func:`kehoach.core.evaluate.evaluate_target` and ``evaluate_plan``.

In-year verdict (docs/evaluation.md):

1. no number in the target → "không đủ dữ liệu để dự báo" (``insufficient_data``);
2. a full-year figure → the year verdict (vượt / đạt / không đạt / đạt mức phấn đấu);
3. a target measured once a year (rank, or frequency ``annual``) → "chưa đến kỳ đánh giá";
4. no figure yet → "chưa có số liệu";
5. otherwise, with P the probability of meeting the target from the projection:
   P < 0,2 → "nguy cơ không đạt"; P ≥ 0,5 and the figure at or above its
   scenario (or the learned path) → "đúng tiến độ"; else "chậm tiến độ". A flow or growth
   figure that cannot be projected → "không đủ dữ liệu để dự báo" unless a scenario judges it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kehoach.core.forecast import (
    ForecastError,
    Projection,
    prob_at_least,
    project_flow,
    project_growth,
    project_level,
)
from kehoach.core.numbers import format_number
from kehoach.core.pace import expected_path, flow_pace, growth_pace, monthly
from kehoach.core.periods import Period, PeriodError, parse_period
from kehoach.core.plan import Plan, Target
from kehoach.core.verdicts import (
    APPROX_TOLERANCE,
    VERDICT_LABELS,
    TargetError,
    Verdict,
    better,
    reference,
    year_verdict,
)
from kehoach.core.wording import describe_target

if TYPE_CHECKING:
    from kehoach.core.evaluate import Observation, PlanEvaluation, TargetEvaluation, TargetSeries

__all__ = ["AT_RISK_PROBABILITY", "ON_TRACK_PROBABILITY", "judge_plan", "judge_target"]

AT_RISK_PROBABILITY = 0.2
ON_TRACK_PROBABILITY = 0.5
SOURCE_SCENARIO = "kịch bản"
SOURCE_LEARNED = "đường mùa vụ"
_MET = ("met", "exceeded", "met_stretch")


@dataclass
class _Work:
    """What is being built for one target."""

    series: TargetSeries
    as_of: Period
    direction: str
    lines: list[str] = field(default_factory=list)


def _new(key: str, verdict: Verdict, lines: list[str], **kw: object) -> TargetEvaluation:
    from kehoach.core.evaluate import TargetEvaluation

    ev = TargetEvaluation(key=key, verdict=verdict, verdict_label=VERDICT_LABELS[verdict], explanation=lines)
    for name, value in kw.items():
        setattr(ev, name, value)
    if ev.scenario_verdict:
        ev.scenario_verdict_label = VERDICT_LABELS[ev.scenario_verdict]
    if ev.year_end_verdict:
        ev.year_end_verdict_label = VERDICT_LABELS[ev.year_end_verdict]
    return ev


def _annual(series: TargetSeries) -> bool:
    return series.frequency == "annual" or (series.frequency is None and series.behaviour == "rank")


def _valid(obs: list[Observation], year: int, as_of: Period, lines: list[str]) -> list[Observation]:
    out = []
    for o in obs:
        if o.period.year != year or not math.isfinite(o.value):
            lines.append(f"Bỏ qua số liệu không hợp lệ: kỳ {o.period.code}, giá trị {o.value!r}.")
        elif o.period.last_month <= as_of.last_month:
            out.append(o)
    return sorted(out, key=lambda o: (o.period.last_month, o.period.months))


def judge_target(series: TargetSeries, as_of: Period) -> TargetEvaluation:
    ind = series.indicator
    w = _Work(series, as_of, ind.direction)
    w.lines.append(f"Chỉ tiêu {series.key}: {ind.name} — mục tiêu {describe_target(series.target)}.")
    try:
        ref = reference(series.target)
    except TargetError:
        w.lines.append("Chỉ tiêu không có số mục tiêu: không đánh giá, không dự báo.")
        return _new(series.key, "insufficient_data", w.lines)
    if as_of.year < series.year:
        return _new(
            series.key, "not_due", [*w.lines, f"Kỳ {as_of.label()} trước năm kế hoạch {series.year}."]
        )
    if as_of.year > series.year:
        as_of = w.as_of = Period(series.year, "year")
    obs = _valid(series.observations, series.year, as_of, w.lines)
    year_obs = [
        o
        for o in obs
        if o.period.last_month == 12
        and (o.period.kind == "year" or series.behaviour in ("level", "rate", "rank"))
    ]
    if year_obs:
        return _judge_year(w, ref, year_obs[-1])
    if _annual(series):
        w.lines.append("Chỉ tiêu đánh giá một lần trong năm: chưa đến kỳ đánh giá.")
        return _new(series.key, "not_due", w.lines, scenario_verdict="annual_only")
    if not obs:
        w.lines.append(f"Chưa có số liệu đến {as_of.label()}.")
        return _new(series.key, "no_data", w.lines)
    if series.behaviour in ("flow", "count", "growth"):
        return _judge_cumulative(w, ref, obs)
    return _judge_level(w, ref, obs)


def _judge_year(w: _Work, ref: float, o: Observation) -> TargetEvaluation:
    t = w.series.target
    verdict = year_verdict(o.value, t, w.direction)
    w.lines.append(
        f"Số cả năm {format_number(o.value)} ({o.vintage}) so với mục tiêu {format_number(ref)}: {VERDICT_LABELS[verdict]}."
    )
    return _new(
        w.series.key,
        verdict,
        w.lines,
        latest=o,
        pct_of_target=_pct(o.value, ref, w.series.behaviour),
        year_end_verdict=verdict,
    )


def _pct(value: float, ref: float, behaviour: str) -> float | None:
    if behaviour in ("growth", "rank") or ref == 0:
        return None
    return value / ref * 100


def _history(series: TargetSeries) -> dict[int, dict[int, float]]:
    return {
        y: monthly(((o.period, o.value) for o in obs if o.period.year == y), series.behaviour)
        for y, obs in series.history.items()
        if y < series.year
    }


def _scenario_at(series: TargetSeries, m: int) -> float | None:
    """The scenario figure for the period ending with month m (any of 2026-09, 2026-9M, 2026-Q3: year-to-date)."""
    for code, value in (series.scenario or {}).items():
        try:
            p = parse_period(code)
        except PeriodError:
            continue
        if p.year == series.year and p.last_month == m and not (p.kind == "half" and p.index == 2):
            return float(value)
    return None


def _prob_meet(p: Projection, t: Target, ref: float, direction: str) -> float | None:
    """P(the year's figure meets the target) under the projection's spread."""
    lower = t.comparator in ("rank_top", "le", "lt") or direction == "lower"
    threshold = ref * (1 - APPROX_TOLERANCE) if t.comparator == "approx" and not lower else ref
    if t.comparator == "approx" and lower:
        threshold = ref * (1 + APPROX_TOLERANCE)
    if t.comparator == "range" and lower:
        threshold = float(t.high or ref)
    above = prob_at_least(p, threshold)
    if above is None:
        return None
    return 1.0 - above if lower else above


def _judge_cumulative(w: _Work, ref: float, obs: list[Observation]) -> TargetEvaluation:
    s, t = w.series, w.series.target
    ytd = monthly(((o.period, o.value) for o in obs), s.behaviour)
    if not ytd:
        w.lines.append("Chưa có số lũy kế từ đầu năm (chỉ có số riêng 6 tháng cuối năm).")
        return _new(s.key, "insufficient_data", w.lines, latest=obs[-1])
    m = max(ytd)
    latest = _latest_ytd(s, obs, m, ytd[m], w.lines)
    if m == 12:  # Q4 or the two halves: the year's figure
        return _judge_year(w, ref, latest)
    hist = _history(s)
    path = expected_path(s.behaviour, ref, hist)
    kw: dict[str, object] = {"latest": latest, "pct_of_target": _pct(ytd[m], ref, s.behaviour)}
    kw["expected_path"] = {Period(s.year, "month", k).code: v for k, v in sorted(path.items())}
    expected, source = _expected(s, m, path, kw)
    kw["expected_by_now"] = expected
    on_scenario = _scenario_verdict(w, ytd[m], expected, source, kw)
    projection, prob = _attach(w, _project(w, ytd, hist), ref, kw)
    if s.behaviour == "growth":
        pace = growth_pace(ref, ytd[m], m)
    else:
        pace = flow_pace(ref, ytd[m], m, t.unit, hist.get(s.year - 1))
    kw["required_pace"] = pace
    w.lines.append(pace.sentence)
    verdict = _in_year_verdict(projection, prob, on_scenario, t, w.direction)
    return _new(s.key, verdict, w.lines, **kw)


def _latest_ytd(
    s: TargetSeries, obs: list[Observation], m: int, value: float, lines: list[str]
) -> Observation:
    """The observation carrying the year-to-date figure (built when it came from a discrete quarter)."""
    from kehoach.core.evaluate import Observation

    latest = next((o for o in reversed(obs) if o.period.last_month == m and o.value == value), None)
    if latest is None:
        latest = Observation(Period(s.year, "month", m), value, obs[-1].vintage)
        lines.append(f"Lũy kế {m} tháng = {format_number(value)} (cộng số các kỳ đã báo cáo).")
    if latest.same_period_last_year and s.behaviour != "growth" and latest.same_period_last_year > 0:
        change = (value / latest.same_period_last_year - 1) * 100
        lines.append(
            f"Cùng kỳ năm trước: {format_number(latest.same_period_last_year)} → "
            f"{'tăng' if change >= 0 else 'giảm'} {format_number(abs(change), 1)}%."
        )
    return latest


def _expected(
    s: TargetSeries, m: int, path: Mapping[int, float], kw: dict[str, object]
) -> tuple[float | None, str | None]:
    scenario = _scenario_at(s, m)
    if scenario is not None:
        kw.update(scenario_value=scenario, scenario_source=SOURCE_SCENARIO, scenario_basis=s.scenario_basis)
        return scenario, SOURCE_SCENARIO
    if m in path:
        kw.update(scenario_value=path[m], scenario_source=SOURCE_LEARNED)
        return path[m], SOURCE_LEARNED
    return None, None


def _scenario_verdict(
    w: _Work, value: float, expected: float | None, source: str | None, kw: dict[str, object]
) -> bool | None:
    if expected is None:
        w.lines.append("Không có kịch bản kỳ và chưa đủ số liệu các năm trước để học đường mùa vụ.")
        return None
    ok = not better(expected, value, w.series.target, w.direction) or math.isclose(
        value, expected, rel_tol=1e-9
    )
    kw["scenario_verdict"] = "on_scenario" if ok else "behind_scenario"
    if w.series.behaviour != "growth" and expected:
        kw["pct_of_scenario"] = value / expected * 100
    basis = f" ({w.series.scenario_basis})" if source == SOURCE_SCENARIO and w.series.scenario_basis else ""
    w.lines.append(
        f"So với {source}{basis}: thực hiện {format_number(value, 2)}, {source} {format_number(expected, 2)} → "
        f"{VERDICT_LABELS['on_scenario' if ok else 'behind_scenario']}."
    )
    return ok


def _project(
    w: _Work, ytd: Mapping[int, float], hist: Mapping[int, Mapping[int, float]]
) -> Projection | None:
    if max(ytd) == 12:
        return None
    try:
        if w.series.behaviour == "growth":
            return project_growth(ytd, hist)
        return project_flow(ytd, hist)
    except ForecastError as exc:
        w.lines.append(f"{VERDICT_LABELS['insufficient_data'].capitalize()}: {exc}.")
        return None


def _with_prob(p: Projection, prob: float | None) -> Projection:
    from dataclasses import replace

    return replace(p, prob_meet=prob)


def _in_year_verdict(
    projection: Projection | None, prob: float | None, on_scenario: bool | None, t: Target, direction: str
) -> Verdict:
    if projection is None:
        if on_scenario is None:
            return "insufficient_data"
        return "on_track" if on_scenario else "behind"
    if prob is None:
        met = year_verdict(projection.value, t, direction) in _MET
        return "on_track" if met and on_scenario is not False else "behind"
    if prob < AT_RISK_PROBABILITY:
        return "at_risk"
    if prob >= ON_TRACK_PROBABILITY and on_scenario is not False:
        return "on_track"
    return "behind"


def _judge_level(w: _Work, ref: float, obs: list[Observation]) -> TargetEvaluation:
    s, t = w.series, w.series.target
    latest = obs[-1]
    points = [
        ((y - s.year) * 12 + o.period.last_month, o.value)
        for y, os in s.history.items()
        for o in os
        if y < s.year
    ]
    points += [(o.period.last_month, o.value) for o in obs]
    kw: dict[str, object] = {"latest": latest, "pct_of_target": _pct(latest.value, ref, s.behaviour)}
    now_met = year_verdict(latest.value, t, w.direction) in _MET
    w.lines.append(
        f"Số mới nhất ({latest.period.label()}): {format_number(latest.value)} — "
        f"{'đã đạt' if now_met else 'chưa đạt'} mức mục tiêu {format_number(ref)}."
    )
    on_scenario = None
    expected = _scenario_at(s, latest.period.last_month)
    if expected is not None:
        kw.update(scenario_value=expected, scenario_source=SOURCE_SCENARIO, scenario_basis=s.scenario_basis)
        kw["expected_by_now"] = expected
        on_scenario = _scenario_verdict(w, latest.value, expected, SOURCE_SCENARIO, kw)
    projection: Projection | None = None
    try:
        projection = project_level(points, 12.0)
    except ForecastError as exc:
        w.lines.append(f"{VERDICT_LABELS['insufficient_data'].capitalize()}: {exc}.")
    projection, prob = _attach(w, projection, ref, kw)
    verdict = _in_year_verdict(projection, prob, on_scenario, t, w.direction)
    return _new(s.key, verdict, w.lines, **kw)


def _attach(
    w: _Work, projection: Projection | None, ref: float, kw: dict[str, object]
) -> tuple[Projection | None, float | None]:
    """Put the projection, its probability of meeting the target and its explanation in ``kw``."""
    if projection is None:
        return None, None
    t = w.series.target
    prob = _prob_meet(projection, t, ref, w.direction)
    projection = _with_prob(projection, prob)
    kw["projection"] = projection
    kw["year_end_verdict"] = year_verdict(projection.value, t, w.direction)
    w.lines.extend(projection.explanation)
    if projection.note:
        w.lines.append(f"Lưu ý: {projection.note}.")
    if prob is not None:
        w.lines.append(f"Xác suất cả năm đạt mục tiêu: {format_number(prob * 100, 0)}%.")
    return projection, prob


def judge_plan(plan: Plan, series: Mapping[str, TargetSeries], as_of: Period) -> PlanEvaluation:
    from kehoach.core.evaluate import PlanCounts, PlanEvaluation

    out: dict[str, TargetEvaluation] = {}
    for key, _ind, _t in plan.targets():
        s = series.get(key)
        if s is None:
            out[key] = _new(key, "no_data", [f"Chỉ tiêu {key}: chưa có số liệu."])
        else:
            out[key] = judge_target(s, as_of)
    counts = PlanCounts(targets=len(out))
    for ev in out.values():
        counts.on_scenario += ev.scenario_verdict == "on_scenario"
        counts.behind_scenario += ev.scenario_verdict == "behind_scenario"
        counts.annual_only += ev.scenario_verdict == "annual_only"
        counts.no_data += ev.verdict == "no_data"
    counts.indicators = len(plan.indicators)
    counts.indicators_met = sum(_indicator_met(plan, ind.n, out) for ind in plan.indicators)
    counts.sentence = f"{counts.indicators_met}/{counts.indicators} chỉ tiêu ước đạt và vượt"
    return PlanEvaluation(as_of=as_of, targets=out, counts=counts)


def _indicator_met(plan: Plan, n: int, out: Mapping[str, TargetEvaluation]) -> bool:
    """Every base (non-stretch) target of the indicator found or projected met or exceeded."""
    evs = [out[k] for k, ind, t in plan.targets() if ind.n == n and not t.stretch]
    return bool(evs) and all(ev.year_end_verdict in _MET for ev in evs)
