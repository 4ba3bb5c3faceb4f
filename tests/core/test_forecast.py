"""Year-end projections: exact numbers worked by hand, and bad input that must not crash."""

from __future__ import annotations

import math

import pytest

from kehoach.core.forecast import (
    Z80,
    ForecastError,
    prob_at_least,
    project_flow,
    project_growth,
    project_level,
)


def test_run_rate_without_history_says_so() -> None:
    # 9 months: 78 → 78 × 12 / 9 = 104; σ = 0,12 × 3/12 = 0,03 (log scale).
    p = project_flow({9: 78.0}, {})
    assert p.method == "run_rate"
    assert p.value == pytest.approx(104.0)
    assert p.low80 == pytest.approx(104.0 * math.exp(-Z80 * 0.03))
    assert p.high80 == pytest.approx(104.0 * math.exp(Z80 * 0.03))
    assert "chưa có số liệu các năm trước" in p.note


def test_one_past_year_blends_share_and_run_rate() -> None:
    # share: 78 / (70/100) = 111,43; run rate 104; geometric mean √(111,43 × 104) = 107,65.
    p = project_flow({9: 78.0}, {2025: {9: 70.0, 12: 100.0}})
    assert p.method == "share_run_rate_blend"
    assert p.value == pytest.approx(math.sqrt(78 / 0.7 * 104))
    assert "chỉ có 1 năm" in p.note


def test_consistent_seasonal_history_gives_the_seasonal_answer() -> None:
    # Every past year reaches 40% by June and 60% by September; this year 52 and 78
    # → 78 / 0,6 = 130 by the share, and 78 + 26 × (0,4/0,2) = 130 by the recent months.
    history = {y: {6: 40.0, 9: 60.0, 12: 100.0} for y in range(2019, 2026)}
    p = project_flow({6: 52.0, 9: 78.0}, history)
    assert p.value == pytest.approx(130.0)
    assert p.method in ("seasonal_share", "recent_ratio", "yoy_recent", "yoy_ytd", "yoy_base")
    assert p.low80 is not None and p.low80 <= 130.0 <= (p.high80 or 0)
    assert any("s̄ = 60,0%" in line for line in p.explanation)


def test_growth_without_history_is_naive_before_a_second_point() -> None:
    # Q1 only: ĝ = g = 10; prior σ = 9/12 × max(3 pp, no yearly change known, no recent gap) = 2,25 pp,
    # widened by t(0 + 2)/z = 1,886 / 1,2816 (no past year: the scale is a guess) → ± 2,25 × 1,886.
    p = project_growth({3: 10.0}, {})
    assert p.value == pytest.approx(10.0)
    assert p.method == "growth_naive"
    assert p.high80 == pytest.approx(10.0 + 2.25 * 1.886)


def test_growth_momentum_with_default_lambda() -> None:
    # g_rec = (9 × 12 − 6 × 11) / 3 = 14; ĝ = 12 + 3/12 × 0,5 × (14 − 12) = 12,25.
    p = project_growth({6: 11.0, 9: 12.0}, {})
    assert p.value == pytest.approx(12.25)
    assert p.method == "growth_momentum"


def test_growth_learns_from_past_years() -> None:
    # Every past year: 6 months 10%, 9 months 11%, the year 11% (the last quarter as heavy as
    # usual). Momentum: λ = β = 0 fits every past year exactly (the prior λ = 1, β = ½ gives
    # 11 + 3/12 × (2 + ½ × 2) = 11,75), so ĝ = 12; the weight of the last quarter never moved,
    # so the share estimate is 12 too; no past error → the floor σ = 0,05 pp.
    history = {y: {6: 10.0, 9: 11.0, 12: 11.0} for y in range(2016, 2026)}
    p = project_growth({6: 10.0, 9: 12.0}, history)
    assert p.method == "growth_share_blend"
    assert p.value == pytest.approx(12.0)
    assert p.high80 == pytest.approx(12.0 + Z80 * 0.05)


def test_growth_share_expects_last_years_heavy_quarter_to_fall_back() -> None:
    # 2025's last quarter was unusually heavy (the year 10% against 8% at 9 months; 2024: 10 and
    # 10). r = ln(C₁₂/C₉) up to a constant: r(2025) = 0, r(2024) = −(ln 1,10 − ln 1,08); its mean
    # r̄ = −0,0091745. Share: ĝ' = 1,09 × e^(r̄ − 0) − 1 = 8,0045%. Momentum with no earlier month
    # this year is the latest growth, 9%. Blend (9 + 8,0045)/2. Two past years: prior σ = 3/12 ×
    # max(3, no change of the year's growth, no recent gap) = 0,75, widened by t(4)/z.
    history = {2024: {9: 10.0, 12: 10.0}, 2025: {9: 8.0, 12: 10.0}}
    share = (1.09 * math.exp(-(math.log(1.10) - math.log(1.08)) / 2) - 1) * 100
    assert share == pytest.approx(8.0045, abs=1e-4)
    p = project_growth({9: 9.0}, history)
    assert p.method == "growth_share_blend"
    assert p.value == pytest.approx((9.0 + share) / 2)
    assert p.high80 == pytest.approx(p.value + 0.75 * 1.533)
    assert any("bình quân hai cách" in line for line in p.explanation)


def test_growth_share_needs_two_consecutive_years() -> None:
    # One past year (or years with a gap) tells nothing about how the weight moves: momentum alone.
    assert project_growth({9: 9.0}, {2025: {9: 8.0, 12: 10.0}}).method == "growth_naive"
    gap = {2022: {9: 10.0, 12: 10.0}, 2025: {9: 8.0, 12: 10.0}}
    assert project_growth({9: 9.0}, gap).value == pytest.approx(9.0)


def test_level_trend_and_short_series() -> None:
    p = project_level([(0.0, 1.0), (12.0, 2.0), (24.0, 3.0)], 36.0)
    assert p.value == pytest.approx(4.0)
    short = project_level([(9.0, 37.5)], 12.0)
    assert (short.value, short.low80, short.method) == (37.5, None, "last_value")


@pytest.mark.parametrize(
    ("ytd", "history", "message"),
    [
        ({}, {}, "chưa có số liệu"),
        ({13: 5.0}, {}, "tháng không hợp lệ"),
        ({9: float("nan")}, {}, "không phải là số hữu hạn"),
        ({9: 0.0}, {}, "≤ 0"),
        ({9: -5.0}, {}, "≤ 0"),
        ({12: 100.0}, {}, "đã có số cả năm"),
    ],
)
def test_flow_bad_input(ytd: dict[int, float], history: dict[int, dict[int, float]], message: str) -> None:
    with pytest.raises(ForecastError, match=message):
        project_flow(ytd, history)


def test_absurd_growth_history_does_not_overflow() -> None:
    history = {y: {9: (1e300 if y % 2 else 1.0), 12: (1.0 if y % 2 else 1e300)} for y in range(2010, 2026)}
    p = project_growth({9: 1e300}, history)
    assert math.isfinite(p.value) and p.method != "growth_share_blend"


def test_growth_below_minus_100_is_refused() -> None:
    with pytest.raises(ForecastError, match="−100"):
        project_growth({6: -100.0}, {})


def test_unusable_past_years_are_skipped_not_fatal() -> None:
    # A past year with a zero base teaches nothing: fall back to the run rate.
    p = project_flow({9: 78.0}, {2025: {9: 0.0, 12: 100.0}, 2024: {9: 50.0}})
    assert p.method == "run_rate"


def test_probability_of_meeting() -> None:
    p = project_flow({9: 78.0}, {})
    assert prob_at_least(p, 104.0) == pytest.approx(0.5)
    assert prob_at_least(p, 0.0) == 1.0
    assert project_level([(1.0, 2.0)], 12.0).sd is None
    assert prob_at_least(project_level([(1.0, 2.0)], 12.0), 1.0) is None


def test_random_input_never_crashes() -> None:
    """Seeded random series, some absurd: only ForecastError, and intervals always ordered."""
    import random

    rng = random.Random(0)
    pick = [0.0, -5.0, float("nan"), 1e12, 1e-9]
    for _ in range(600):
        months = sorted(rng.sample(range(1, 13), rng.randint(0, 5)))
        cur = {m: (rng.choice(pick) if rng.random() < 0.1 else rng.uniform(-50, 500)) for m in months}
        hist = {
            y: {m: (rng.choice(pick) if rng.random() < 0.1 else rng.uniform(-50, 500)) for m in rng.sample(range(1, 13), rng.randint(0, 6))}
            for y in range(2015, 2015 + rng.randint(0, 8))
        }  # fmt: skip
        for fn in (project_flow, project_growth):
            try:
                p = fn(cur, hist)
            except ForecastError:
                continue
            assert math.isfinite(p.value)
            assert p.low80 is not None and p.high80 is not None
            assert p.low80 <= p.value <= p.high80
