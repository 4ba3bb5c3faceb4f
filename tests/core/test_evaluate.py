"""Verdicts in the resolution's words, % of scenario, required pace, counts, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kehoach.core.evaluate import (
    VERDICT_LABELS,
    Observation,
    TargetSeries,
    evaluate_plan,
    evaluate_target,
)
from kehoach.core.measures import Behaviour
from kehoach.core.periods import Period, parse_period
from kehoach.core.plan import Indicator, Plan, Target
from kehoach.core.verdicts import year_verdict

PLAN_FILE = Path(__file__).resolve().parents[2] / "kehoach" / "data" / "plans" / "haiphong-2026.json"


def T(comparator: str, value: float | None = None, *, low: float | None = None, high: float | None = None,
      kind: str = "level", stretch: bool = False, unit: str | None = "tỷ đồng") -> Target:  # fmt: skip
    return Target(
        comparator=comparator, kind=kind, value=value, low=low, high=high, unit=unit, stretch=stretch
    )  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("target", "direction", "figure", "verdict"),
    [
        (T("eq", 100), "higher", 100.0, "met"),
        (T("eq", 100), "higher", 100.04, "met"),  # within 0,05% rounding
        (T("eq", 100), "higher", 103.2, "exceeded"),
        (T("eq", 100), "higher", 99.0, "missed"),
        (T("approx", 13), "higher", 12.8, "met"),  # 13 ± 2% = 12,74–13,26
        (T("approx", 13), "higher", 13.3, "exceeded"),
        (T("approx", 13), "higher", 12.7, "missed"),
        (T("ge", 75), "higher", 75.0, "met"),
        (T("gt", 75), "higher", 75.0, "missed"),
        (T("gt", 75), "higher", 75.01, "met"),
        (T("gt", 75), "higher", 80.0, "exceeded"),
        (T("le", 5), "higher", 4.0, "exceeded"),
        (T("le", 5), "higher", 5.0, "met"),
        (T("le", 5), "higher", 6.0, "missed"),
        (T("lt", 5), "higher", 5.0, "missed"),
        (T("eq", 10), "lower", 9.0, "exceeded"),
        (T("eq", 10), "lower", 11.0, "missed"),
        (T("range", low=3.8, high=4.3), "higher", 4.0, "met"),
        (T("range", low=3.8, high=4.3), "higher", 4.5, "exceeded"),
        (T("range", low=3.8, high=4.3), "higher", 3.5, "missed"),
        (T("range", low=3.8, high=4.3), "lower", 3.5, "exceeded"),
        (T("range", low=3.8, high=4.3), "lower", 4.5, "missed"),
        (T("rank_top", 5, kind="rank"), "higher", 3.0, "exceeded"),
        (T("rank_top", 5, kind="rank"), "higher", 5.0, "met"),
        (T("rank_top", 5, kind="rank"), "higher", 6.0, "missed"),
        (T("eq", 16, stretch=True), "higher", 16.2, "met_stretch"),
        (T("eq", 16, stretch=True), "higher", 15.0, "missed"),
    ],
)
def test_year_verdicts(target: Target, direction: str, figure: float, verdict: str) -> None:
    assert year_verdict(figure, target, direction) == verdict


def test_labels_are_the_resolution_words() -> None:
    assert VERDICT_LABELS["exceeded"] == "vượt"
    assert VERDICT_LABELS["met_stretch"] == "đạt mức phấn đấu"
    assert VERDICT_LABELS["at_risk"] == "nguy cơ không đạt"
    assert VERDICT_LABELS["not_due"] == "chưa đến kỳ đánh giá"
    assert VERDICT_LABELS["behind_scenario"] == "chưa đạt kịch bản"
    assert VERDICT_LABELS["annual_only"] == "mục tiêu cả năm"


def series(target: Target, behaviour: Behaviour, obs: dict[str, float], history: dict[int, dict[str, float]] | None = None,
           **kw: object) -> TargetSeries:  # fmt: skip
    ind = Indicator(n=5, name="Thu ngân sách", targets=[target])
    return TargetSeries(
        key="5.1",
        indicator=ind,
        target=target,
        behaviour=behaviour,
        year=2026,
        observations=[Observation(parse_period(c), v) for c, v in obs.items()],
        history={
            y: [Observation(parse_period(c), v) for c, v in h.items()] for y, h in (history or {}).items()
        },
        **kw,  # type: ignore[arg-type]
    )


def test_flow_against_the_city_scenario_and_required_pace() -> None:
    # 900 of 1.200 by September; scenario 880 → 102,27% of scenario, "đạt kịch bản".
    # Last year: 800 by September, 1.080 in the year → remaining 280; this year needs 300:
    # 300 / 280 − 1 = 7,14%; 100 a month.
    s = series(T("eq", 1200), "flow", {"2026-9M": 900}, {2025: {"2025-9M": 800, "2025": 1080}},
               scenario={"2026-9M": 880.0}, scenario_basis="QĐ 1/QĐ-UBND")  # fmt: skip
    ev = evaluate_target(s, parse_period("2026-09"))
    assert ev.scenario_verdict == "on_scenario" and ev.scenario_verdict_label == "đạt kịch bản"
    assert ev.pct_of_scenario == pytest.approx(900 / 880 * 100)
    assert ev.pct_of_target == pytest.approx(75.0)
    assert ev.scenario_source == "kịch bản" and ev.scenario_basis == "QĐ 1/QĐ-UBND"
    assert ev.required_pace is not None and ev.required_pace.value == pytest.approx(300.0)
    assert ev.required_pace.sentence == (
        "Quý IV phải đạt 300,0 tỷ đồng (bình quân 100,0 tỷ đồng/tháng, tăng 7,1% so với cùng kỳ) "
        "thì cả năm mới đạt 1.200 tỷ đồng."
    )
    assert ev.projection is not None and ev.projection.prob_meet is not None
    json.dumps(ev.to_dict(), ensure_ascii=False)


def test_learned_seasonal_path_stands_in_for_a_missing_scenario() -> None:
    # Two past years reach 75% by September → expected by now 1.200 × 0,75 = 900; 850 is behind.
    hist = {2024: {"2024-9M": 75, "2024": 100}, 2025: {"2025-9M": 750, "2025": 1000}}
    ev = evaluate_target(series(T("eq", 1200), "flow", {"2026-9M": 850}, hist), parse_period("2026-9M"))
    assert ev.scenario_source == "đường mùa vụ"
    assert ev.expected_by_now == pytest.approx(900.0)
    assert ev.expected_path["2026-12"] == pytest.approx(1200.0)
    assert ev.scenario_verdict == "behind_scenario"
    assert ev.verdict in ("behind", "at_risk")


def test_far_behind_is_at_risk() -> None:
    hist = {y: {f"{y}-06": 50, f"{y}-9M": 75, f"{y}": 100} for y in range(2018, 2026)}
    ev = evaluate_target(
        series(T("eq", 1200), "flow", {"2026-06": 300, "2026-9M": 450}, hist), parse_period("2026-09")
    )
    assert ev.verdict == "at_risk" and ev.verdict_label == "nguy cơ không đạt"
    assert ev.year_end_verdict == "missed"


def test_growth_required_pace_sentence() -> None:
    # r = (12 × 13 − 9 × 12,5) / 3 = 14,5.
    s = series(
        T("approx", 13, kind="growth_pct", unit="%"),
        "growth",
        {"2026-Q1": 12.0, "2026-H1": 12.2, "2026-9M": 12.5},
    )
    ev = evaluate_target(s, parse_period("2026-Q3"))
    assert ev.required_pace is not None and ev.required_pace.value == pytest.approx(14.5)
    assert ev.required_pace.sentence.startswith(
        "Quý IV phải tăng 14,5% so với cùng kỳ thì cả năm mới đạt 13%"
    )
    assert ev.pct_of_target is None
    assert ev.projection is not None and ev.projection.method == "growth_momentum"


def test_year_figure_gives_the_year_verdict() -> None:
    ev = evaluate_target(series(T("eq", 1200), "flow", {"2026-9M": 900, "2026": 1250}), parse_period("2026"))
    assert (ev.verdict, ev.verdict_label, ev.year_end_verdict) == ("exceeded", "vượt", "exceeded")


@pytest.mark.parametrize("obs", [{"2026-Q4": 1250}, {"2026-H1": 600, "2026-H2": 650}])
def test_fourth_quarter_or_both_halves_give_the_year(obs: dict[str, float]) -> None:
    ev = evaluate_target(series(T("eq", 1200), "flow", obs), parse_period("2026"))
    assert (ev.verdict, ev.pct_of_target) == ("exceeded", pytest.approx(1250 / 1200 * 100))


def test_annual_rank_is_not_due_then_judged() -> None:
    t = T("rank_top", 5, kind="rank", unit=None)
    ev = evaluate_target(series(t, "rank", {}), parse_period("2026-09"))
    assert (ev.verdict, ev.scenario_verdict_label) == ("not_due", "mục tiêu cả năm")
    ev = evaluate_target(series(t, "rank", {"2026": 4}), parse_period("2026"))
    assert ev.verdict == "exceeded"


def test_rate_in_year_against_the_target() -> None:
    t = T("gt", 75, kind="rate_pct", unit="%")
    ev = evaluate_target(series(t, "rate", {"2026-H1": 80}), parse_period("2026-09"))
    assert ev.verdict == "on_track"


@pytest.mark.parametrize(
    ("target", "obs", "as_of", "verdict"),
    [
        (T("eq", None), {"2026-9M": 900}, "2026-09", "insufficient_data"),  # no number
        (T("eq", 1200), {}, "2026-09", "no_data"),
        (T("eq", 1200), {"2026-9M": 0}, "2026-09", "insufficient_data"),  # zero base
        (T("eq", 1200), {"2026-9M": -5}, "2026-09", "insufficient_data"),  # negative
        (T("eq", 1200), {"2026-9M": float("nan")}, "2026-09", "no_data"),
        (T("eq", 1200), {"2026-H2": 300}, "2026", "insufficient_data"),  # the second half alone
        (T("eq", 1200), {"2026-9M": 900}, "2025-09", "not_due"),  # before the plan year
    ],
)
def test_bad_input_gives_a_clear_verdict(
    target: Target, obs: dict[str, float], as_of: str, verdict: str
) -> None:
    ev = evaluate_target(series(target, "flow", obs), parse_period(as_of))
    assert ev.verdict == verdict
    assert ev.projection is None
    assert ev.explanation


def test_zero_base_explains_why() -> None:
    ev = evaluate_target(series(T("eq", 1200), "flow", {"2026-9M": 0}), parse_period("2026-09"))
    assert any("không đủ dữ liệu để dự báo" in line.lower() for line in ev.explanation)


def test_figures_after_as_of_are_ignored() -> None:
    ev = evaluate_target(
        series(T("eq", 1200), "flow", {"2026-06": 500, "2026-9M": 900}), parse_period("2026-H1")
    )
    assert ev.latest is not None and ev.latest.period == Period(2026, "month", 6)


def test_plan_counts_on_the_haiphong_plan() -> None:
    plan = Plan.from_dict(json.loads(PLAN_FILE.read_text(encoding="utf-8")))
    empty = evaluate_plan(plan, {}, parse_period("2026-09"))
    assert empty.counts.sentence == "0/22 chỉ tiêu ước đạt và vượt"
    assert empty.counts.no_data == len(plan.targets())
    key, ind, target = plan.targets()[12]  # 5.1 budget revenue, 194.935,654 tỷ đồng
    s = TargetSeries(key, ind, target, "flow", 2026, [Observation(parse_period("2026"), 200000.0)])
    ev = evaluate_plan(plan, {key: s}, parse_period("2026"))
    assert ev.targets["5.1"].verdict == "exceeded"
    assert ev.counts.indicators_met == 0  # 5.2 and 5.3 have no figures
    json.dumps(ev.to_dict(), ensure_ascii=False)


def test_random_series_never_crash() -> None:
    """Seeded random figures of every behaviour and comparator: always a verdict, never an exception."""
    import random

    rng = random.Random(1)
    codes = ["01", "03", "05", "Q1", "H1", "Q2", "09", "9M", "Q3", "H2", "11", "Q4"]
    targets = [T("eq", 100), T("approx", 13), T("range", low=3, high=5), T("rank_top", 5, kind="rank"),
               T("lt", 10), T("eq", None), T("gt", 0)]  # fmt: skip
    for _ in range(400):
        t = rng.choice(targets)
        behaviour = rng.choice(["flow", "count", "growth", "level", "rate", "rank"])
        obs = {
            f"2026-{c}": rng.choice([0.0, -1.0, float("nan"), rng.uniform(-20, 200)])
            for c in rng.sample(codes, 3)
        }
        hist = {
            y: {f"{y}-{c}": rng.uniform(-20, 200) for c in rng.sample(codes, 4)} for y in (2023, 2024, 2025)
        }
        s = series(t, behaviour, obs, hist, frequency=rng.choice([None, "annual", "monthly"]))  # type: ignore[arg-type]
        ev = evaluate_target(s, parse_period(rng.choice(["2026-06", "2026-Q3", "2026", "2025-12", "2027"])))
        assert ev.verdict in VERDICT_LABELS and ev.explanation
        json.dumps(ev.to_dict(), ensure_ascii=False, allow_nan=False)
