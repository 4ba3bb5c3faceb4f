"""Whole documents of other shapes than the seed: numbered lists, dash lists, press prose,
a five-year plan, PDF-style wrapping with running headers. Expected targets are written by hand."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from kehoach.core.extract import Document, extract_plan
from kehoach.core.plan import Plan, validate_plan_dict

DOCS = Path(__file__).parent / "extract_docs"

Key = tuple[str, float | None, float | None, float | None, str | None, bool]


def keys(plan: Plan) -> list[Key]:
    return [(t.comparator, t.value, t.low, t.high, t.unit, t.stretch) for _, _, t in plan.targets()]


def read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def test_numbered_resolution_with_groups() -> None:
    plan = extract_plan(read("nghean_numbered.txt"))
    assert keys(plan) == [
        ("range", None, 9.5, 10.5, "%", False),
        ("range", None, 72, 75, "triệu đồng", False),
        ("range", None, 18, 19, "%", False),
        ("range", None, 36, 37, "%", False),
        ("range", None, 38, 39, "%", False),
        ("range", None, 6, 7, "%", False),
        ("eq", 22500, None, None, "tỷ đồng", False),
        ("range", None, 115000, 120000, "tỷ đồng", False),
        ("eq", 4.5, None, None, "tỷ USD", False),
        ("range", None, 1.0, 1.5, "%", False),
        ("eq", 72, None, None, "%", False),
        ("eq", 32, None, None, "%", False),
        ("eq", 45000, None, None, "lao động", False),
        ("eq", 36.5, None, None, "giường", False),
        ("eq", 95.5, None, None, "%", False),
        ("eq", 74.5, None, None, "tuổi", False),
        ("eq", 58, None, None, "%", False),
        ("eq", 90, None, None, "%", False),
        ("eq", 98, None, None, "%", False),
        ("lt", 3, None, None, "%", False),
    ]
    assert [i.n for i in plan.indicators] == list(range(1, 16))
    assert [i.group for i in plan.indicators][:1] == ["Kinh tế"] and plan.indicators[-1].group == "Môi trường"
    assert plan.indicator(7).direction == "lower" and plan.indicator(15).direction == "lower"
    assert (plan.id, plan.number, plan.session) == (
        "nghean-2026",
        "45/2025/NQ-HĐND",
        "khóa XVIII, kỳ họp thứ 30",
    )
    assert plan.issuer == "Hội đồng nhân dân tỉnh Nghệ An"
    assert plan.adopted is not None and plan.adopted.isoformat() == "2025-12-10"
    assert [(s.n, s.title) for s in plan.sections] == [
        ("1", "Về phát triển kinh tế"),
        ("2", "Về văn hóa - xã hội"),
    ]
    deliverables = [(t.id, t.deliverable.type) for _, t in plan.tasks() if t.deliverable]
    assert deliverables == [("1.2", "Đề án"), ("2.a.1", "Chương trình"), ("2.b.1", "Sự kiện")]
    validate_plan_dict(plan.to_dict())


def test_press_summary_keeps_this_years_targets_only() -> None:
    plan = extract_plan(read("thanhhoa_press.txt"))
    assert keys(plan) == [
        ("ge", 11, None, None, "%", False),
        ("eq", 5000, None, None, "USD", False),
        ("eq", 50000, None, None, "tỷ đồng", False),
        ("eq", 10, None, None, "tỷ USD", False),
        ("eq", 250000, None, None, "tỷ đồng", False),
        ("eq", 78, None, None, "%", False),
        ("eq", 1.2, None, None, "%", False),
        ("eq", 20, None, None, "xã", False),
    ]
    assert plan.indicators[0].name == "Tốc độ tăng trưởng kinh tế (GRDP)"
    assert plan.indicators[6].direction == "lower"
    assert (plan.province, plan.year_start) == ("Thanh Hóa", 2026)


def test_five_year_plan_keeps_2030_goals_and_drops_the_past() -> None:
    plan = extract_plan(read("laocai_five_year.txt"))
    assert (plan.year_start, plan.year_end, plan.id) == (2026, 2030, "laocai-2026-2030")
    assert keys(plan) == [
        ("ge", 10, None, None, "%", False),
        ("gt", 150, None, None, "triệu đồng", False),
        ("eq", 45, None, None, "%", False),
        ("eq", 10, None, None, "%", False),
    ]
    assert [r["text"] for r in plan.needs_review] == ["Hoàn thành xây dựng cao tốc nối Lào Cai với Hà Nội."]
    assert plan.needs_review[0]["reason"].startswith("cần xem lại")


PARAGRAPHS = [
    "HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH",
    "NGHỊ QUYẾT",
    "Về kế hoạch phát triển kinh tế - xã hội năm 2026",
    "Điều 1. Mục tiêu, chỉ tiêu chủ yếu năm 2026",
    "1. Các chỉ tiêu chủ yếu",
    "(1) Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) đạt 12% trở lên, phấn đấu đạt 13%; trong đó khu "
    "vực dịch vụ tăng 12,5%, khu vực công nghiệp - xây dựng tăng 14%.",
    "(2) Thu ngân sách nhà nước trên địa bàn đạt 58.000 tỷ đồng, trong đó thu nội địa 38.500 tỷ đồng (năm 2025 "
    "ước đạt 52.300 tỷ đồng).",
    "(3) Đón khoảng 20 triệu lượt khách du lịch; tổng doanh thu du lịch đạt 65 nghìn tỷ đồng.",
    "(4) Chỉ số PCI, Chỉ số PAPI thuộc nhóm 5 địa phương dẫn đầu cả nước.",
    "(5) Tỷ lệ hộ nghèo đa chiều giảm còn dưới 0,5%; tỷ lệ thất nghiệp khu vực thành thị không quá 2,5%.",
    "(6) Tỷ lệ che phủ rừng duy trì ổn định 55%; tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý đạt "
    "tối thiểu 98,5%.",
    "Điều 2. Nhiệm vụ và giải pháp",
    "1. Tập trung phát triển kinh tế nhanh và bền vững",
    "Xây dựng Kế hoạch phát triển kinh tế biển tỉnh Quảng Ninh giai đoạn 2026-2030; tổ chức Hội chợ thương mại "
    "quốc tế Việt - Trung năm 2026.",
    "Nghị quyết này đã được Hội đồng nhân dân tỉnh Quảng Ninh khóa XIV, kỳ họp thứ 31 thông qua ngày 8 tháng 12 "
    "năm 2025.",
]


def _as_pdf_text(paragraphs: list[str]) -> Document:
    """Wrap at 76 columns, a blank line between lines, a running header and a page number per page."""
    lines: list[str] = []
    for p in paragraphs:
        lines.extend(textwrap.wrap(p, 76))
    pages = [lines[i : i + 9] for i in range(0, len(lines), 9)]
    out = []
    for k, page in enumerate(pages, 1):
        body = "\n\n".join(page)
        out.append(f"Công báo tỉnh Quảng Ninh\n\n{body}\n\n{k}\n")
    return Document(text="\f".join(out), reflow=True)


def test_pdf_style_text_gives_the_same_plan_as_clean_text() -> None:
    wrapped = extract_plan(_as_pdf_text(PARAGRAPHS))
    clean = extract_plan(Document(text="\n".join(PARAGRAPHS), reflow=False))
    assert (
        keys(wrapped)
        == keys(clean)
        == [
            ("ge", 12, None, None, "%", False),
            ("eq", 13, None, None, "%", True),
            ("eq", 12.5, None, None, "%", False),
            ("eq", 14, None, None, "%", False),
            ("eq", 58000, None, None, "tỷ đồng", False),
            ("eq", 38500, None, None, "tỷ đồng", False),
            ("approx", 20, None, None, "triệu lượt khách", False),
            ("eq", 65000, None, None, "tỷ đồng", False),
            ("rank_top", 5, None, None, None, False),
            ("rank_top", 5, None, None, None, False),
            ("lt", 0.5, None, None, "%", False),
            ("le", 2.5, None, None, "%", False),
            ("eq", 55, None, None, "%", False),
            ("ge", 98.5, None, None, "%", False),
        ]
    )
    assert [t.qualifier for t in wrapped.indicator(4).targets] == ["Chỉ số PCI", "Chỉ số PAPI"]
    assert wrapped.indicator(5).direction == "lower"
    assert wrapped.session == "khóa XIV, kỳ họp thứ 31"
    kinds = [(t.deliverable.type if t.deliverable else None) for _, t in wrapped.tasks()]
    assert kinds == ["Kế hoạch", "Sự kiện"]
    assert wrapped.indicator(1).span is not None and wrapped.indicator(1).span.page == 1
    assert wrapped.indicator(6).span is not None and wrapped.indicator(6).span.page == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Các chỉ tiêu chủ yếu năm 2026:\n- Tăng trưởng GRDP 8%.\n- Thu ngân sách 12.000 tỷ đồng.\n"
            "+ Riêng thu nội địa 9.000 tỷ đồng.\n- Tạo việc làm mới cho 25.000 lao động.",
            [
                ("eq", 8, None, None, "%", False),
                ("eq", 12000, None, None, "tỷ đồng", False),
                ("eq", 9000, None, None, "tỷ đồng", False),
                ("eq", 25000, None, None, "lao động", False),
            ],
        ),
        (
            "3. Các chỉ tiêu chủ yếu\n1. Các chỉ tiêu về kinh tế:\n(1) Tốc độ tăng trưởng GRDP đạt 12% trở lên.\n"
            "(2) Thu ngân sách nhà nước đạt 30.000 tỷ đồng.\n2. Các chỉ tiêu về xã hội:\n(3) Tỷ lệ hộ nghèo giảm 1%.\n"
            "4. Nhiệm vụ trọng tâm\nĐiều 2. Nhiệm vụ và giải pháp",
            [
                ("ge", 12, None, None, "%", False),
                ("eq", 30000, None, None, "tỷ đồng", False),
                ("eq", 1, None, None, "%", False),
            ],
        ),
        (
            "So với năm 2025, thu ngân sách năm 2026 dự kiến tăng 10%. Năm 2025, GRDP ước tăng 8%. Đến năm 2030, "
            "GRDP bình quân đầu người đạt 8.000 USD. Kỳ họp có 50/50 đại biểu tán thành (100%).",
            [("eq", 10, None, None, "%", False)],
        ),
        (
            "Năm 2026, tỉnh phấn đấu tăng trưởng GRDP 10%, góp phần giúp mục tiêu tăng trưởng của cả nước đạt từ "
            "10% trở lên. Quốc hội đặt mục tiêu tăng trưởng 10% trở lên.",
            [("eq", 10, None, None, "%", False)],
        ),
        (
            "Năm 2026, thành phố phấn đấu tăng trưởng GRDP 9,5%, thu hút vốn FDI 1,5 tỷ USD. Năm 2025, GRDP tăng "
            "8,1%, vốn FDI đạt 1,2 tỷ USD.",
            [("eq", 9.5, None, None, "%", False), ("eq", 1.5, None, None, "tỷ USD", False)],
        ),
    ],
)
def test_short_forms(text: str, expected: list[Key]) -> None:
    assert keys(extract_plan(text)) == expected


def test_press_summary_of_the_seed() -> None:
    plan = extract_plan(read("haiphong_press.txt"))
    assert keys(plan) == [
        ("approx", 13, None, None, "%", False),
        ("eq", 15.16, None, None, "%", False),
        ("eq", 11, None, None, "%", False),
        ("eq", 7944.5, None, None, "USD", False),
        ("approx", 201.6, None, None, "triệu đồng", False),
        ("eq", 15.5, None, None, "%", False),
        ("eq", 16, None, None, "%", True),
        ("eq", 194935.654, None, None, "tỷ đồng", False),
        ("eq", 52, None, None, "tỷ USD", False),
        ("eq", 238, None, None, "triệu tấn", False),
        ("eq", 16.08, None, None, "triệu lượt khách", False),
        ("range", None, 3.8, 4.3, "tỷ USD", False),
        *[("rank_top", v, None, None, None, s) for _ in range(4) for v, s in ((5, False), (3, True))],
        ("eq", 7135, None, None, "căn", False),
        ("range", None, 8, 10, "đơn vị", False),
    ]
    names = [i.name for i in plan.indicators]
    assert names[0] == "Tốc độ tăng trưởng GRDP" and "Hoàn thành căn nhà ở xã hội" in names
    assert [t.qualifier for t in plan.indicators[0].targets][1:] == [
        "khu vực công nghiệp - xây dựng",
        "khu vực dịch vụ",
    ]


def test_ambiguous_number_is_read_and_flagged() -> None:
    plan = extract_plan(
        "Các chỉ tiêu chủ yếu năm 2026:\n- GRDP bình quân đầu người đạt 4,125 nghìn USD.\n- Thu ngân sách đạt 1.200 tỷ đồng."
    )
    assert keys(plan) == [
        ("eq", 4.125, None, None, "nghìn USD", False),
        ("eq", 1200, None, None, "tỷ đồng", False),
    ]
    assert len(plan.needs_review) == 1 and "4,125" in plan.needs_review[0]["reason"]
    assert plan.needs_review[0]["reason"].startswith("cần xem lại")


def test_indicator_table() -> None:
    text = (
        "Các chỉ tiêu chủ yếu năm 2026\n"
        "STT | Chỉ tiêu | Đơn vị tính | Ước thực hiện 2025 | Kế hoạch 2026\n"
        "1 | Tốc độ tăng trưởng GRDP | % | 7,5 | 8 - 8,5\n"
        "2 | GRDP bình quân đầu người | Triệu đồng | 95 | 105\n"
        "3 | Tỷ lệ hộ nghèo | % | 1,2 | < 1\n"
        "4 | Tỷ lệ lao động qua đào tạo | % | 70 | ≥ 72\n"
        "5 | Chỉ số PCI | Thứ hạng | 20 | Top 15"
    )
    plan = extract_plan(Document(text=text, reflow=False))
    assert keys(plan) == [
        ("range", None, 8, 8.5, "%", False),
        ("eq", 105, None, None, "triệu đồng", False),
        ("lt", 1, None, None, "%", False),
        ("ge", 72, None, None, "%", False),
        ("rank_top", 15, None, None, None, False),
    ]
    assert [i.name for i in plan.indicators][:2] == ["Tốc độ tăng trưởng GRDP", "GRDP bình quân đầu người"]
    assert plan.indicator(3).direction == "lower"


def test_a_bare_list_of_targets_without_any_year() -> None:
    plan = extract_plan("Tăng trưởng GRDP đạt 8%; thu ngân sách 12.000 tỷ đồng.")
    assert keys(plan) == [("eq", 8, None, None, "%", False), ("eq", 12000, None, None, "tỷ đồng", False)]
    assert extract_plan("Năm 2025, tăng trưởng GRDP đạt 8%.").indicators == []
