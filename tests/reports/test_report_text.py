"""Report sentences in the usual style (pure, no database)."""

from __future__ import annotations

import pytest

from kehoach.core.report_text import (
    counts_sentence,
    flow_sentence,
    fmt_value,
    growth_phrase,
    growth_sentence,
    level_sentence,
    tasks_sentence,
)


def test_budget_sentence_as_reports_write_it() -> None:
    got = flow_sentence(
        "Thu ngân sách nhà nước",
        "9 tháng",
        150123.4,
        "tỷ đồng",
        pct_of_target=77.04,
        target_word="dự toán",
        growth_pct=12.3,
    )
    assert got == (
        "Thu ngân sách nhà nước 9 tháng ước đạt 150.123 tỷ đồng, bằng 77,0% dự toán, "
        "tăng 12,3% so với cùng kỳ."
    )


def test_official_figure_falling_without_target() -> None:
    got = flow_sentence(
        "Kim ngạch xuất khẩu", "10 tháng", 28.456, "tỷ USD", vintage="official", growth_pct=-4.04
    )
    assert got == "Kim ngạch xuất khẩu 10 tháng đạt 28,5 tỷ USD, giảm 4,0% so với cùng kỳ."


@pytest.mark.parametrize(
    ("value", "unit", "want"),
    [
        (150123.4, "tỷ đồng", "150.123 tỷ đồng"),
        (7944.5, "USD/người", "7.944,5 USD/người"),
        (15.25, "%", "15,3%"),
        (85.3, "%", "85,3%"),
        (85.0, "%", "85%"),
        (3.456, None, "3,46"),
        (None, "%", "–"),
    ],
)
def test_fmt_value(value: float | None, unit: str | None, want: str) -> None:
    assert fmt_value(value, unit) == want


@pytest.mark.parametrize(
    ("g", "want"),
    [
        (12.3, "tăng 12,3% so với cùng kỳ"),
        (-0.6, "giảm 0,6% so với cùng kỳ"),
        (0.01, "bằng cùng kỳ"),
        (None, ""),
    ],
)
def test_growth_phrase(g: float | None, want: str) -> None:
    assert growth_phrase(g) == want


def test_growth_level_rank_sentences() -> None:
    assert (
        growth_sentence("Tốc độ tăng trưởng GRDP", "9 tháng", 10.52, target_text="khoảng 13%")
        == "Tốc độ tăng trưởng GRDP 9 tháng ước đạt 10,5% (kế hoạch năm khoảng 13%)."
    )
    assert (
        growth_sentence("Chỉ số sản xuất công nghiệp (IIP)", "9 tháng", 14.83, target_text="15,5%")
        == "Chỉ số sản xuất công nghiệp (IIP) 9 tháng ước tăng 14,8% so với cùng kỳ (kế hoạch năm 15,5%)."
    )
    assert (
        growth_sentence("Chỉ số sản xuất công nghiệp (IIP)", "6 tháng", -2.04, vintage="official")
        == "Chỉ số sản xuất công nghiệp (IIP) 6 tháng giảm 2,0% so với cùng kỳ."
    )
    assert (
        level_sentence("Tỷ lệ lao động qua đào tạo", 85.3, "%", vintage="official", target_text="86%")
        == "Tỷ lệ lao động qua đào tạo đạt 85,3% (kế hoạch 86%)."
    )
    assert (
        level_sentence("Chỉ số PCI", 5, None, rank=True, target_text="top 5")
        == "Chỉ số PCI xếp thứ 5 (kế hoạch top 5)."
    )


def test_counts_and_tasks() -> None:
    assert counts_sentence(17, 22) == "17/22 chỉ tiêu ước đạt và vượt kế hoạch."
    assert counts_sentence(20, 22, estimate=False, behind=2) == (
        "20/22 chỉ tiêu đạt và vượt kế hoạch; 2 chỉ tiêu dự báo khó đạt."
    )
    assert tasks_sentence({"done_on_time": 5, "done_late": 1, "in_progress": 30, "overdue": 2}) == (
        "Trong tổng số 38 nhiệm vụ có thời hạn: 5 nhiệm vụ hoàn thành đúng hạn; 1 nhiệm vụ hoàn thành quá hạn; "
        "30 nhiệm vụ đang thực hiện trong hạn; 2 nhiệm vụ quá hạn chưa hoàn thành."
    )
    assert tasks_sentence({"in_progress": 1, "continuing": 4}).endswith(
        "0 nhiệm vụ quá hạn chưa hoàn thành. Ngoài ra có 4 nhiệm vụ thường xuyên."
    )
    assert tasks_sentence({}) == "Chưa có nhiệm vụ nào được giao theo dõi."
