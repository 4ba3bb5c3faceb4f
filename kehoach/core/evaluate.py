"""Judge progress against a plan's targets, in the resolution's own words.

The public interface other parts of kehoach code against:

- :class:`Observation`: one figure for one period (its current revision).
- :class:`TargetSeries`: everything known about one target (this year's
  figures, earlier years, the city's period scenario).
- :func:`evaluate_target` → :class:`TargetEvaluation`: the verdict, the % of
  target and of scenario, the expected-by-now path, the year-end projection,
  the required pace, and an explanation (inputs and formula, Vietnamese).
- :func:`evaluate_plan` → :class:`PlanEvaluation`: every target plus the counts
  reports print ("18/22 chỉ tiêu ước đạt và vượt").

Conventions for ``Observation.value``:

- ``flow`` and ``count``: the cumulative year-to-date level through the
  period's last month (reports print "10 tháng: 181.420 tỷ đồng"); a month
  ``2026-10`` therefore means January–October and a quarter ``2026-Q3`` the
  nine months. Only ``2026-H2`` ("6 tháng cuối năm") is a period alone.
- ``growth``: cumulative growth in % against the same period last year,
  January through the period's last month ("9 tháng tăng 12,5%").
- ``scenario`` values follow the same conventions.
- ``level``, ``rate``, ``rank``: the figure at the end of the period.

Verdict codes and their words are in :data:`VERDICT_LABELS`; the rules are
in ``docs/evaluation.md``, :mod:`kehoach.core.verdicts` (the year) and
:mod:`kehoach.core.judge` (during the year); projections in
:mod:`kehoach.core.forecast`, expected path and required pace in
:mod:`kehoach.core.pace`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kehoach.core.forecast import Projection, RequiredPace
from kehoach.core.measures import Behaviour, Frequency
from kehoach.core.periods import Period
from kehoach.core.plan import Indicator, Plan, Target
from kehoach.core.verdicts import VERDICT_LABELS, Verdict

__all__ = [
    "VERDICT_LABELS",
    "Observation",
    "PlanCounts",
    "PlanEvaluation",
    "Projection",
    "RequiredPace",
    "TargetEvaluation",
    "TargetSeries",
    "Verdict",
    "evaluate_plan",
    "evaluate_target",
]

VINTAGES = ("estimate", "preliminary", "official")


@dataclass(frozen=True)
class Observation:
    """One figure for one period: its current revision (``vintage``)."""

    period: Period
    value: float
    vintage: str = "estimate"  # estimate | preliminary | official
    same_period_last_year: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period.code,
            "period_label": self.period.label(),
            "value": self.value,
            "vintage": self.vintage,
            "same_period_last_year": self.same_period_last_year,
        }


@dataclass
class TargetSeries:
    """Everything known about one target.

    ``key`` is ``"<indicator n>.<target position>"`` as in :meth:`Plan.targets`.
    ``observations`` are this year's figures (any periods); ``history`` maps an
    earlier year to its figures of the same shapes. ``scenario`` maps a period
    code (``2026-10``, ``2026-Q3``, ``2026-9M``) to the figure the city expects
    by then, with its legal basis in ``scenario_basis``. ``frequency`` None
    means the default: ``rank`` is annual, everything else is reported in-year.
    """

    key: str
    indicator: Indicator
    target: Target
    behaviour: Behaviour
    year: int
    observations: list[Observation] = field(default_factory=list)
    history: dict[int, list[Observation]] = field(default_factory=dict)
    scenario: dict[str, float] | None = None
    scenario_basis: str | None = None
    frequency: Frequency | None = None


@dataclass
class TargetEvaluation:
    """The answer for one target at one date. ``to_dict()`` is the JSON contract."""

    key: str
    verdict: Verdict
    verdict_label: str
    latest: Observation | None = None
    pct_of_target: float | None = None
    scenario_verdict: Verdict | None = None
    scenario_verdict_label: str | None = None
    scenario_value: float | None = None
    pct_of_scenario: float | None = None
    scenario_source: str | None = None  # "kịch bản" | "đường mùa vụ"
    scenario_basis: str | None = None
    expected_by_now: float | None = None
    expected_path: dict[str, float] = field(default_factory=dict)
    projection: Projection | None = None
    required_pace: RequiredPace | None = None
    year_end_verdict: Verdict | None = None
    year_end_verdict_label: str | None = None
    explanation: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "verdict": self.verdict,
            "verdict_label": self.verdict_label,
            "latest": self.latest.to_dict() if self.latest else None,
            "pct_of_target": _r(self.pct_of_target),
            "scenario_verdict": self.scenario_verdict,
            "scenario_verdict_label": self.scenario_verdict_label,
            "scenario_value": _r(self.scenario_value),
            "pct_of_scenario": _r(self.pct_of_scenario),
            "scenario_source": self.scenario_source,
            "scenario_basis": self.scenario_basis,
            "expected_by_now": _r(self.expected_by_now),
            "expected_path": {k: _r(v) for k, v in self.expected_path.items()},
            "projection": self.projection.to_dict() if self.projection else None,
            "required_pace": self.required_pace.to_dict() if self.required_pace else None,
            "year_end_verdict": self.year_end_verdict,
            "year_end_verdict_label": self.year_end_verdict_label,
            "explanation": list(self.explanation),
        }


@dataclass
class PlanCounts:
    """The counts reports print; indicator-level counts skip stretch targets."""

    targets: int = 0
    on_scenario: int = 0
    behind_scenario: int = 0
    annual_only: int = 0
    no_data: int = 0
    indicators: int = 0
    indicators_met: int = 0  # every base target projected (or found) met or exceeded
    sentence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class PlanEvaluation:
    as_of: Period
    targets: dict[str, TargetEvaluation]
    counts: PlanCounts

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.code,
            "as_of_label": self.as_of.label(),
            "counts": self.counts.to_dict(),
            "targets": {k: v.to_dict() for k, v in self.targets.items()},
        }


def evaluate_target(series: TargetSeries, as_of: Period) -> TargetEvaluation:
    """Judge one target with what was known by ``as_of``; never raises on bad data."""
    from kehoach.core.judge import judge_target

    return judge_target(series, as_of)


def evaluate_plan(plan: Plan, series: Mapping[str, TargetSeries], as_of: Period) -> PlanEvaluation:
    """Judge every target of ``plan``; a target without a series is "chưa có số liệu"."""
    from kehoach.core.judge import judge_plan

    return judge_plan(plan, series, as_of)


def _r(x: float | None, nd: int = 4) -> float | None:
    return None if x is None else round(x, nd)
