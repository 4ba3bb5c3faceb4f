"""One key-indicator item → name, targets with qualifiers, direction (STYLE habit 5)."""

from __future__ import annotations

import pytest

from kehoach.core.extract.items import parse_item


def T(
    comparator: str,
    value: float | None,
    unit: str | None,
    kind: str,
    qualifier: str | None = None,
    stretch: bool = False,
    low: float | None = None,
    high: float | None = None,
) -> dict[str, object]:
    return {
        "qualifier": qualifier,
        "comparator": comparator,
        "value": value,
        "low": low,
        "high": high,
        "unit": unit,
        "kind": kind,
        "stretch": stretch,
    }


def R(low: float, high: float, unit: str, kind: str, qualifier: str | None = None) -> dict[str, object]:
    return T("range", None, unit, kind, qualifier, low=low, high=high)


CASES = [
    (
        "Chỉ số sản xuất công nghiệp (IIP) tăng 15,5%, phấn đấu tăng 16%; tỷ trọng công nghiệp chế biến, "
        "chế tạo trong GRDP đạt 45,8%.",
        "Chỉ số sản xuất công nghiệp (IIP)",
        [
            T("eq", 15.5, "%", "growth_pct"),
            T("eq", 16, "%", "growth_pct", stretch=True),
            T("eq", 45.8, "%", "share_pct", "tỷ trọng công nghiệp chế biến, chế tạo trong GRDP"),
        ],
        "higher",
    ),
    (
        "GRDP bình quân đầu người (theo giá hiện hành) đạt 7.944,5 USD/người (khoảng 201,6 triệu đồng/người).",
        "GRDP bình quân đầu người (theo giá hiện hành)",
        [T("eq", 7944.5, "USD/người", "level"), T("approx", 201.6, "triệu đồng/người", "level")],
        "higher",
    ),
    (
        "Tỷ lệ thu gom, xử lý chất thải rắn sinh hoạt tại đô thị đạt 95%, tại nông thôn đạt 90%.",
        "Tỷ lệ thu gom, xử lý chất thải rắn sinh hoạt",
        [T("eq", 95, "%", "rate_pct", "tại đô thị"), T("eq", 90, "%", "rate_pct", "tại nông thôn")],
        "higher",
    ),
    (
        "Tốc độ tăng trưởng GRDP tăng 8% so với năm 2025; trong đó: khu vực nông, lâm nghiệp và thủy sản "
        "tăng 3,2%; khu vực công nghiệp - xây dựng tăng 10,5%.",
        "Tốc độ tăng trưởng GRDP",
        [
            T("eq", 8, "%", "growth_pct"),
            T("eq", 3.2, "%", "growth_pct", "khu vực nông, lâm nghiệp và thủy sản"),
            T("eq", 10.5, "%", "growth_pct", "khu vực công nghiệp - xây dựng"),
        ],
        "higher",
    ),
    (
        "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI), Chỉ số hài lòng (SIPAS) thuộc nhóm 10 địa phương dẫn đầu.",
        "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI), Chỉ số hài lòng (SIPAS)",
        [T("rank_top", 10, None, "rank", "PCI"), T("rank_top", 10, None, "rank", "SIPAS")],
        "higher",
    ),
    (
        "Kim ngạch xuất nhập khẩu đạt lần lượt 38 tỷ USD xuất khẩu và 26,8 tỷ USD nhập khẩu.",
        "Kim ngạch xuất nhập khẩu",
        [T("eq", 38, "tỷ USD", "level", "xuất khẩu"), T("eq", 26.8, "tỷ USD", "level", "nhập khẩu")],
        "higher",
    ),
    ("Giảm tỷ lệ hộ nghèo 1%.", "Giảm tỷ lệ hộ nghèo", [T("eq", 1, "%", "rate_pct")], "lower"),
    (
        "Tỷ lệ thất nghiệp khu vực thành thị dưới 3%.",
        "Tỷ lệ thất nghiệp khu vực thành thị",
        [T("lt", 3, "%", "rate_pct")],
        "lower",
    ),
    (
        "Tỷ lệ hộ nghèo (theo chuẩn đa chiều) giảm 1,0 - 1,5%.",
        "Tỷ lệ hộ nghèo (theo chuẩn đa chiều)",
        [R(1, 1.5, "%", "rate_pct")],
        "lower",
    ),
    (
        "Cơ cấu kinh tế: nông, lâm nghiệp và thủy sản 18-19%; công nghiệp - xây dựng 36-37%.",
        "Cơ cấu kinh tế",
        [
            R(18, 19, "%", "share_pct", "nông, lâm nghiệp và thủy sản"),
            R(36, 37, "%", "share_pct", "công nghiệp - xây dựng"),
        ],
        "higher",
    ),
    (
        "Có thêm 15 xã đạt chuẩn nông thôn mới nâng cao.",
        "Có thêm xã đạt chuẩn nông thôn mới nâng cao",
        [T("eq", 15, "xã", "count")],
        "higher",
    ),
    (
        "Tổng sản phẩm trên địa bàn (GRDP) tăng từ 8% trở lên, phấn đấu 10%.",
        "Tổng sản phẩm trên địa bàn (GRDP)",
        [T("ge", 8, "%", "growth_pct"), T("eq", 10, "%", "growth_pct", stretch=True)],
        "higher",
    ),
    (
        "Thu ngân sách nhà nước đạt 20.000 tỷ đồng (năm 2025 ước đạt 18.500 tỷ đồng).",
        "Thu ngân sách nhà nước",
        [T("eq", 20000, "tỷ đồng", "level")],
        "higher",
    ),
    (
        "Tốc độ tăng trưởng GRDP đạt 10%, cao hơn mức 8,5% của năm 2025.",
        "Tốc độ tăng trưởng GRDP",
        [T("eq", 10, "%", "growth_pct")],
        "higher",
    ),
    ("Tuổi thọ trung bình đạt 74,5 tuổi.", "Tuổi thọ trung bình", [T("eq", 74.5, "tuổi", "level")], "higher"),
    (
        "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi giảm xuống dưới 18%.",
        "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi",
        [T("lt", 18, "%", "rate_pct")],
        "lower",
    ),
    (
        "Tốc độ tăng trưởng kinh tế (GRDP) đạt 8% (kịch bản quý I tăng 7,2%, quý II tăng 7,8%).",
        "Tốc độ tăng trưởng kinh tế (GRDP)",
        [T("eq", 8, "%", "growth_pct")],
        "higher",
    ),
    (
        "90% số xã đạt chuẩn nông thôn mới.",
        "Số xã đạt chuẩn nông thôn mới",
        [T("eq", 90, "%", "rate_pct")],
        "higher",
    ),
    (
        "GRDP bình quân đầu người tăng 1,5 lần so với năm 2020.",
        "GRDP bình quân đầu người",
        [T("eq", 1.5, "lần", "level")],
        "higher",
    ),
]


@pytest.mark.parametrize(("text", "name", "targets", "direction"), CASES, ids=[c[1][:30] for c in CASES])
def test_item(text: str, name: str, targets: list[dict[str, object]], direction: str) -> None:
    parsed = parse_item(text, year=2026)
    assert parsed is not None
    got_name, got_targets, got_direction = parsed
    assert got_name == name
    assert [t.target.to_dict() for t in got_targets] == targets
    assert got_direction == direction


def test_item_without_figure() -> None:
    assert parse_item("Hoàn thành sắp xếp đơn vị hành chính cấp xã.", year=2026) is None


def test_far_goal_in_annual_plan_is_dropped() -> None:
    parsed = parse_item(
        "GRDP bình quân đầu người đạt 150 triệu đồng; đến năm 2030 đạt 250 triệu đồng.", year=2026
    )
    assert parsed is not None
    assert [t.target.value for t in parsed[1]] == [150]
