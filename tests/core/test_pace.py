"""Series shaping, expected path and required pace (numbers worked by hand)."""

from __future__ import annotations

import pytest

from kehoach.core.pace import expected_path, flow_pace, growth_pace, monthly, rest_label
from kehoach.core.periods import parse_period


def P(code: str):  # type: ignore[no-untyped-def]
    return parse_period(code)


@pytest.mark.parametrize(
    ("points", "behaviour", "expected"),
    [
        # months are year-to-date; 9 tháng wins over the September figure of the same end
        ([("2026-01", 10.0), ("2026-09", 95.0), ("2026-9M", 90.0)], "flow", {1: 10.0, 9: 90.0}),
        # a quarter is year-to-date (Q3 = 9 tháng), as figures are entered
        ([("2026-H1", 50.0), ("2026-Q3", 90.0)], "flow", {6: 50.0, 9: 90.0}),
        ([("2026-H1", 11.0), ("2026-Q3", 12.0)], "growth", {6: 11.0, 9: 12.0}),
        # the second half alone joins the first half: 50 + 60 = 110 …
        ([("2026-H1", 50.0), ("2026-H2", 60.0)], "flow", {6: 50.0, 12: 110.0}),
        # … but not for growth, and not without the first half
        ([("2026-H1", 11.0), ("2026-H2", 12.0)], "growth", {6: 11.0}),
        ([("2026-H2", 40.0)], "flow", {}),
        ([("2026-Q1", 5.0), ("2026", 20.0)], "flow", {3: 5.0, 12: 20.0}),
        ([("2026-9M", float("nan"))], "flow", {}),
    ],
)
def test_monthly(points: list[tuple[str, float]], behaviour: str, expected: dict[int, float]) -> None:
    assert monthly(((P(c), v) for c, v in points), behaviour) == expected


def test_expected_path_flow_and_growth() -> None:
    # shares 0,5 and 0,7 by June → geometric mean √0,35 = 0,5916 → 1.000 × 0,5916
    hist = {2024: {6: 50.0, 12: 100.0}, 2025: {6: 70.0, 12: 100.0}}
    path = expected_path("flow", 1000.0, hist)
    assert path[6] == pytest.approx(1000 * 0.35**0.5)
    assert path[12] == 1000.0 and 9 not in path
    # growth: target 13 + mean(10 − 11, 12 − 12,5) = 13 − 0,75 = 12,25
    g = expected_path("growth", 13.0, {2024: {6: 10.0, 12: 11.0}, 2025: {6: 12.0, 12: 12.5}})
    assert g[6] == pytest.approx(12.25)
    assert expected_path("flow", 1000.0, {}) == {}


def test_paces() -> None:
    assert rest_label(9) == "Quý IV" and rest_label(10) == "2 tháng còn lại"
    done = flow_pace(100.0, 120.0, 9, "tỷ USD", None)
    assert done.value == 0.0 and done.sentence.startswith("Đã đạt mục tiêu cả năm 100 tỷ USD")
    p = flow_pace(52.0, 40.0, 10, "tỷ USD", None)  # 12 left, 6 a month
    assert (
        p.sentence
        == "2 tháng còn lại phải đạt 12,0 tỷ USD (bình quân 6,0 tỷ USD/tháng) thì cả năm mới đạt 52 tỷ USD."
    )
    g = growth_pace(13.0, 12.0, 6)  # (156 − 72) / 6 = 14
    assert g.value == pytest.approx(14.0)
    assert g.sentence.startswith("6 tháng cuối năm phải tăng 14,0% so với cùng kỳ thì cả năm mới đạt 13%")
