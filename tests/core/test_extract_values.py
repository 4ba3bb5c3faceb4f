"""Figures in resolution sentences: comparator, value or range, unit (STYLE habit 5)."""

from __future__ import annotations

import pytest

from kehoach.core.extract.values import find_values


def _figures(
    text: str, strict: bool = False
) -> list[tuple[str, float | None, float | None, float | None, str | None]]:
    return [(f.comparator, f.value, f.low, f.high, f.unit) for f in find_values(text, strict=strict)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("GRDP bình quân đầu người đạt 7.944,5 USD/người", [("eq", 7944.5, None, None, "USD/người")]),
        (
            "Thu ngân sách nhà nước trên địa bàn đạt 194.935,654 tỷ đồng",
            [("eq", 194935.654, None, None, "tỷ đồng")],
        ),
        ("Thành lập 08 - 10 đơn vị dân quân thường trực", [("range", None, 8, 10, "đơn vị")]),
        ("Vốn FDI đạt 3,8-4,3 tỷ USD", [("range", None, 3.8, 4.3, "tỷ USD")]),
        (
            "Thu hút vốn đầu tư nước ngoài đạt từ 3,8 tỷ USD đến 4,3 tỷ USD",
            [("range", None, 3.8, 4.3, "tỷ USD")],
        ),
        ("Tổng vốn đầu tư toàn xã hội đạt 730 nghìn tỷ đồng", [("eq", 730000, None, None, "tỷ đồng")]),
        ("Tổng vốn đầu tư toàn xã hội đạt 730.000 tỷ đồng", [("eq", 730000, None, None, "tỷ đồng")]),
        ("Chỉ số phát triển con người đạt 0,795", [("eq", 0.795, None, None, None)]),
        ("Tỷ lệ dân số tham gia bảo hiểm y tế đạt 88,52 %", [("eq", 88.52, None, None, "%")]),
        ("GRDP bình quân đầu người đạt 5.400 - 5.500 USD", [("range", None, 5400, 5500, "USD")]),
        ("tăng khoảng 13% so với năm 2025", [("approx", 13, None, None, "%")]),
        ("Tỷ lệ điều tra khám phá đạt tỷ lệ trên 75%", [("gt", 75, None, None, "%")]),
        ("Số doanh nghiệp thành lập mới hơn 1.200 doanh nghiệp", [("gt", 1200, None, None, "doanh nghiệp")]),
        ("Kim ngạch xuất khẩu vượt 4 tỷ USD", [("gt", 4, None, None, "tỷ USD")]),
        ("Tỷ lệ thất nghiệp khu vực thành thị dưới 3%", [("lt", 3, None, None, "%")]),
        ("Chỉ số giá tiêu dùng (CPI) tăng không quá 4%", [("le", 4, None, None, "%")]),
        ("Bội chi ngân sách tối đa 1.500 tỷ đồng", [("le", 1500, None, None, "tỷ đồng")]),
        ("Tỷ lệ xã đạt chuẩn nông thôn mới tối thiểu 80%", [("ge", 80, None, None, "%")]),
        ("Đăng cai tổ chức ít nhất 01 sự kiện văn hóa quốc tế", [("ge", 1, None, None, "sự kiện")]),
        ("Tốc độ tăng trưởng GRDP từ 8% trở lên", [("ge", 8, None, None, "%")]),
        ("Tăng trưởng kinh tế từ 10 - 11%", [("range", None, 10, 11, "%")]),
        ("Tỷ lệ hộ nghèo đa chiều giảm 0,5 điểm %", [("eq", 0.5, None, None, "điểm %")]),
        (
            "Chỉ số PCI thuộc top 5 địa phương dẫn đầu cả nước, phấn đấu trong top 3",
            [("rank_top", 5, None, None, None), ("rank_top", 3, None, None, None)],
        ),
        ("Chỉ số PAPI thuộc nhóm 10 tỉnh, thành phố dẫn đầu", [("rank_top", 10, None, None, None)]),
        (
            "Thu nhập bình quân đầu người đạt 80 triệu đồng/người/năm",
            [("eq", 80, None, None, "triệu đồng/người/năm")],
        ),
        ("Số giường bệnh đạt 32 giường bệnh/vạn dân", [("eq", 32, None, None, "giường bệnh/vạn dân")]),
        ("Sản lượng hàng hóa thông qua cảng đạt 238 triệu tấn", [("eq", 238, None, None, "triệu tấn")]),
        ("Thu hút khách du lịch đạt 16,08 triệu lượt người", [("eq", 16.08, None, None, "triệu lượt người")]),
        (
            "đạt lần lượt 38 tỷ USD xuất khẩu và 26,8 tỷ USD nhập khẩu",
            [("eq", 38, None, None, "tỷ USD"), ("eq", 26.8, None, None, "tỷ USD")],
        ),
    ],
)
def test_figures(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert _figures(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Theo Nghị quyết số 226/2025/QH15 của Quốc hội",
        "kế hoạch phát triển kinh tế - xã hội giai đoạn 2026-2030",
        "Kế hoạch 5 năm 2026 - 2030",
        "(theo giá so sánh 2010)",
        "so với năm 2025",
        "Phổ cập mạng 5G cho người dân",
        "ngày 11 tháng 12 năm 2025",
        "Tờ trình số 306/TTr-UBND",
        "HĐND tỉnh đề ra 26 chỉ tiêu chủ yếu",
        "Kỳ họp thứ 32, khóa XVI",
        "với 46/46 đại biểu tán thành",
        "Triển khai hiệu quả Đề án 06 của Chính phủ",
    ],
)
def test_not_figures(sentence: str) -> None:
    assert _figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("tỷ lệ che phủ rừng duy trì trên 6,48%", [("gt", 6.48, None, None, "%")]),
        ("Lập hồ sơ tu bổ, tôn tạo 10 di tích cấp quốc gia", [("eq", 10, None, None, "di tích")]),
        ("phấn đấu hoàn thành và vượt chỉ tiêu 7.135 căn nhà ở xã hội", [("ge", 7135, None, None, "căn")]),
        ("vận hành mô hình chính quyền địa phương 02 cấp", []),
        ("Phát triển đồng bộ cả 05 loại hình giao thông", []),
        ("phổ cập giáo dục mầm non cho trẻ từ 3 đến 5 tuổi", []),
        ("thu hút các tập đoàn trong top 500 doanh nghiệp lớn nhất toàn cầu", []),
        ("Đảm bảo tiến độ các bến từ 7-12 Cảng cửa ngõ quốc tế Lạch Huyện", []),
    ],
)
def test_task_figures_are_strict(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert _figures(sentence, strict=True) == expected


def test_flags() -> None:
    stretch, past, resp = (
        find_values(s)[-1]
        for s in ("tăng 15,5%, phấn đấu tăng 16%", "ước đạt 7,2%", "đạt lần lượt 38 tỷ USD")
    )
    assert stretch.stretch_word and not stretch.past
    assert past.past
    assert resp.respectively
