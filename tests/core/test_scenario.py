"""Growth scenarios: the DOMAIN.md formulas with numbers worked by hand."""

from __future__ import annotations

import pytest

from kehoach.core.scenario import ScenarioError, parse_sectors, quarterly_scenario, reconcile_sectors

BASE = [100.0, 110.0, 120.0, 140.0]


def test_required_growth_after_two_quarters() -> None:
    # ΣB = 470; (1 + 0,13) × 470 = 531,1; done 100 × 1,12 + 110 × 1,125 = 235,75;
    # r = (531,1 − 235,75) / 260 − 1 = 0,1359615… → 13,596%.
    s = quarterly_scenario(13, BASE, [12, 12.5])
    assert s.required_growth_remaining == pytest.approx(13.5961538, abs=1e-6)
    assert [q.actual for q in s.quarters] == [True, True, False, False]
    assert s.quarters[1].cumulative_growth == pytest.approx((235.75 / 210 - 1) * 100)
    assert s.year_growth == pytest.approx(13.0)


def test_without_actuals_every_quarter_grows_at_the_target() -> None:
    s = quarterly_scenario(13, BASE)
    assert s.required_growth_remaining == pytest.approx(13.0)
    assert [round(q.level, 2) for q in s.quarters] == [113.0, 124.3, 135.6, 158.2]


def test_four_actual_quarters_give_the_year() -> None:
    # (112 + 123,75 + 132 + 154) / 470 − 1 = 521,75 / 470 − 1 = 11,0106%.
    s = quarterly_scenario(13, BASE, [12, 12.5, 10, 10])
    assert s.required_growth_remaining is None
    assert s.year_growth == pytest.approx((521.75 / 470 - 1) * 100)


def test_haiphong_2026_sectors() -> None:
    # Weights sum 0,99: (0,56 × 15,16 + 0,33 × 11 + 0,04 × 2 + 0,06 × 11) / 0,99
    # = (8,4896 + 3,63 + 0,08 + 0,66) / 0,99 = 12,8596 / 0,99 = 12,98949 → gap −0,0105 pp.
    r = reconcile_sectors(parse_sectors("cn-xd=0.56:15.16,dv=0.33:11,nn=0.04:2,thue=0.06:11"), 13)
    assert r.implied_growth == pytest.approx(12.8596 / 0.99)
    assert r.gap_to_target == pytest.approx(12.8596 / 0.99 - 13)
    assert r.sectors[0].contribution == pytest.approx(0.56 / 0.99 * 15.16)
    assert sum(s.normalised_weight for s in r.sectors) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("base", "actual", "target", "message"),
    [
        ([100, 110, 120], [], 13, "4 quý"),
        ([100, 0, 120, 140], [], 13, "4 quý"),
        ([100, -5, 120, 140], [], 13, "4 quý"),
        (BASE, [1, 2, 3, 4, 5], 13, "từ 0 đến 4"),
        (BASE, [], -100, "−100"),
        (BASE, [-120], 13, "−100"),
        (BASE, [float("nan")], 13, "không hợp lệ"),
    ],
)
def test_scenario_bad_input(base: list[float], actual: list[float], target: float, message: str) -> None:
    with pytest.raises(ScenarioError, match=message):
        quarterly_scenario(target, base, actual)


@pytest.mark.parametrize("text", ["cn-xd", "cn-xd=0.5", "=0.5:3", "cn-xd=a:3", "cn-xd=0.5:b"])
def test_bad_sector_text(text: str) -> None:
    with pytest.raises(ScenarioError, match="mã=tỷ_trọng:tăng_trưởng"):
        parse_sectors(text)


def test_zero_weights_are_refused() -> None:
    with pytest.raises(ScenarioError, match="tổng tỷ trọng"):
        reconcile_sectors([("a", 0.0, 5.0)], 13)
    with pytest.raises(ScenarioError, match="ít nhất một"):
        reconcile_sectors([], 13)
