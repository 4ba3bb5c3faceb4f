"""One line per target: what a report prints about it, from its series and its evaluation (pure).

When the evaluation does not give a figure (no latest observation, no % of
target), the line falls back to the series itself: the latest figure whose
period ends by the report's date, its same period last year (from the figure
or from last year's series) and, for flows, counts and levels, the % of the
year's target.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach.core.evaluate import Observation, TargetEvaluation, TargetSeries
from kehoach.core.periods import Period
from kehoach.core.verdicts import VERDICT_LABELS
from kehoach.core.wording import describe_target

__all__ = ["TargetLine", "cumulative_words", "latest_observation", "target_line"]

BEHIND = frozenset({"behind", "behind_scenario", "at_risk", "missed"})
GOOD = frozenset({"exceeded", "met", "met_stretch", "on_track", "on_scenario"})


@dataclass
class TargetLine:
    key: str
    n: int
    name: str
    group: str
    qualifier: str | None
    target_text: str
    unit: str | None
    behaviour: str
    kind: str
    stretch: bool
    latest: Observation | None = None
    last_year: float | None = None
    pct_of_target: float | None = None
    growth_pct: float | None = None
    verdict: str = "no_data"
    verdict_label: str = VERDICT_LABELS["no_data"]
    year_end: float | None = None
    year_end_verdict: str | None = None
    year_end_label: str = ""
    required_pace: str = ""
    lead_agency: str = ""  # code
    lead_agency_name: str = ""
    cooperating: list[str] = field(default_factory=list)
    explanation: str = ""

    @property
    def label(self) -> str:
        """The indicator's name with its qualifier: "Thu ngân sách nhà nước (thu nội địa)"."""
        return f"{self.name} ({self.qualifier})" if self.qualifier else self.name

    @property
    def behind(self) -> bool:
        return self.verdict in BEHIND or self.year_end_verdict in ("missed", "at_risk")

    @property
    def good(self) -> bool:
        return self.verdict in GOOD


def cumulative_words(period: Period, *, year_to_date: bool = True) -> str:
    """ "9 tháng", "quý I", "tháng 1", "năm 2026": how a sentence names a year-to-date figure.

    Flows, counts and growth rates are cumulative from January whatever the
    period's kind (a growth figure of ``2026-Q3`` is the 9-month growth).
    """
    if not (year_to_date or period.is_cumulative):
        return period.label()
    m = period.last_month
    if m == 12:
        return f"năm {period.year}"
    return {1: "tháng 1", 3: "quý I"}.get(m, f"{m} tháng")


def latest_observation(series: TargetSeries | None, as_of: Period) -> Observation | None:
    """The figure ending last by ``as_of`` (a longer period wins a tie: cumulative first)."""
    if series is None:
        return None
    end = as_of.end()
    known = [o for o in series.observations if o.period.end() <= end and o.period.year == as_of.year]
    if not known:
        return None
    return max(known, key=lambda o: (o.period.end(), o.period.months))


def _last_year(series: TargetSeries, obs: Observation) -> float | None:
    if obs.same_period_last_year is not None:
        return obs.same_period_last_year
    prev = obs.period.previous_year()
    for o in series.history.get(prev.year, []):
        if o.period == prev:
            return o.value
    return None


def _pct(series: TargetSeries, value: float) -> float | None:
    ref = series.target.reference
    if series.behaviour in ("growth", "rank") or not ref or series.target.kind == "growth_pct":
        return None
    return value / ref * 100.0


def _later(a: Observation | None, b: Observation | None) -> Observation | None:
    if a is None or b is None:
        return a or b
    return b if (b.period.end(), b.period.months) > (a.period.end(), a.period.months) else a


def target_line(series: TargetSeries, ev: TargetEvaluation | None, as_of: Period) -> TargetLine:
    ind, tgt = series.indicator, series.target
    line = TargetLine(
        key=series.key,
        n=ind.n,
        name=ind.name,
        group=ind.group or "",
        qualifier=tgt.qualifier,
        target_text=describe_target(tgt),
        unit=tgt.unit,
        behaviour=series.behaviour,
        kind=tgt.kind,
        stretch=tgt.stretch,
    )
    latest = _later(ev.latest if ev else None, latest_observation(series, as_of))
    line.latest = latest
    if latest is not None:
        line.last_year = _last_year(series, latest)
        line.pct_of_target = (
            ev.pct_of_target if ev and ev.pct_of_target is not None else _pct(series, latest.value)
        )
        if series.behaviour in ("flow", "count") and line.last_year:
            line.growth_pct = (latest.value / line.last_year - 1.0) * 100.0
    if ev is not None:
        _from_evaluation(line, ev)
    return line


def _from_evaluation(line: TargetLine, ev: TargetEvaluation) -> None:
    code = ev.scenario_verdict or ev.verdict
    line.verdict = code
    line.verdict_label = VERDICT_LABELS.get(code, code)
    if ev.projection is not None:
        line.year_end = ev.projection.value
    line.year_end_verdict = ev.year_end_verdict
    line.year_end_label = ev.year_end_verdict_label or ""
    if ev.required_pace is not None:
        line.required_pace = ev.required_pace.sentence
