"""Documents the extractor was not written against: other provinces' resolutions, press and portal
summaries, text tables (pipes, tabs, layout spaces), NFD text with curly quotes and no-break spaces.

Each ``X.txt`` in ``extract_unseen/`` has a hand-made ``X.gold.json`` of the seed's shape; the score is
the one ``python bench/extraction.py tests/core/extract_unseen`` prints.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import extraction
from kehoach.core.extract import extract_plan
from kehoach.core.extract.normalize import normalize_text
from kehoach.core.extract.values import find_values

FOLDER = Path(__file__).with_name("extract_unseen")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    return extraction.run(FOLDER)


def test_enough_unseen_documents(rows: list[dict[str, object]]) -> None:
    assert len(rows) >= 8
    assert all("error" not in r for r in rows)


def test_overall_f1_at_least_095(rows: list[dict[str, object]]) -> None:
    m, e, g = (sum(int(r[k]) for r in rows) for k in ("matched", "extracted", "gold"))  # type: ignore[call-overload]
    _, _, f1 = extraction.prf(m, e, g)
    assert g >= 80
    assert f1 >= 0.95, extraction.report(rows)


@pytest.mark.parametrize("stem", sorted(p.name[: -len(".gold.json")] for p in FOLDER.glob("*.gold.json")))
def test_each_document_at_least_090(stem: str, rows: list[dict[str, object]]) -> None:
    row = next(r for r in rows if str(r["document"]).startswith(stem + "."))
    _, _, f1 = extraction.prf(int(row["matched"]), int(row["extracted"]), int(row["gold"]))  # type: ignore[call-overload]
    assert f1 >= 0.9, extraction.report([row])


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit"),
    [
        ("GRDP bình quân đầu người đạt khoảng 6.500 USD", "approx", 6500, "USD"),
        ("Thu ngân sách tối thiểu là 18.000 tỷ đồng", "ge", 18000, "tỷ đồng"),
        ("Số bác sĩ trên 10.000 dân đạt 14,5 bác sĩ", "eq", 14.5, "bác sĩ"),
        ("Năng suất lao động xã hội đạt 180 triệu đồng/lao động", "eq", 180, "triệu đồng/lao động"),
        ("Số thuê bao băng rộng cố định đạt 35 thuê bao/100 dân", "eq", 35, "thuê bao/100 dân"),
        ("Bình quân tiêu chí nông thôn mới đạt 16,5 tiêu chí/xã", "eq", 16.5, "tiêu chí/xã"),
        ("Thu ngân sách nhà nước đạt 25 000 tỷ đồng", "eq", 25000, "tỷ đồng"),
    ],
)
def test_comparator_inside_longer_words_and_denominators(
    text: str, comparator: str, value: float, unit: str
) -> None:
    found = find_values(text)
    assert [(f.comparator, f.value, f.unit) for f in found] == [(comparator, value, unit)]


def test_tab_and_wide_space_rows_become_cells() -> None:
    assert normalize_text("1\tTỷ lệ hộ nghèo\t%\t3,5") == "1 | Tỷ lệ hộ nghèo | % | 3,5"
    assert (
        normalize_text("  5    Tỷ lệ hộ nghèo      %     4,1    3,1") == "5 | Tỷ lệ hộ nghèo | % | 4,1 | 3,1"
    )
    # one gap (a date beside a number, an indented line) is not a table
    assert normalize_text("Số: 120/NQ-HĐND     Quảng Ngãi, ngày 10") == "Số: 120/NQ-HĐND Quảng Ngãi, ngày 10"


def test_headline_restating_a_target_is_one_indicator() -> None:
    text = (
        "Kiên Giang: Năm 2026 phấn đấu tăng trưởng kinh tế 9%\n\n"
        "Năm 2026, tốc độ tăng trưởng kinh tế (GRDP) đạt 9%, phấn đấu đạt 10%; tỷ lệ hộ nghèo dưới 1%. "
        "Thu ngân sách năm 2025 đạt 14.500 tỷ đồng, vượt 10,2% dự toán."
    )
    plan = extract_plan(text)
    assert [(i.name, [t.value for t in i.targets]) for i in plan.indicators] == [
        ("Tốc độ tăng trưởng kinh tế (GRDP)", [9, 10]),
        ("Tỷ lệ hộ nghèo", [1]),
    ]


def test_group_paragraph_of_several_indicators_gives_one_indicator_each() -> None:
    text = (
        "Điều 1. Các chỉ tiêu chủ yếu năm 2026\n"
        "a) Về kinh tế: Tốc độ tăng trưởng GRDP đạt 8% trở lên; kim ngạch xuất khẩu đạt 33 tỷ USD.\n"
        "b) Về xã hội: Tỷ lệ hộ nghèo giảm 1%; tỷ lệ lao động qua đào tạo đạt 75%.\n"
        "c) Cơ cấu kinh tế: công nghiệp chiếm 55%; dịch vụ chiếm 33%.\n"
        "Điều 2. Tổ chức thực hiện\n"
    )
    plan = extract_plan(text)
    assert [(i.group, i.name, len(i.targets)) for i in plan.indicators] == [
        ("Kinh tế", "Tốc độ tăng trưởng GRDP", 1),
        ("Kinh tế", "Kim ngạch xuất khẩu", 1),
        ("Xã hội", "Tỷ lệ hộ nghèo", 1),
        ("Xã hội", "Tỷ lệ lao động qua đào tạo", 1),
        (None, "Cơ cấu kinh tế", 2),  # an indicator's own sub-targets are not split
    ]
