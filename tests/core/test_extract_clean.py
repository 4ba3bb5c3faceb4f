"""PDF-style text back into paragraphs; Unicode and legacy encodings."""

from __future__ import annotations

import unicodedata

import pytest

from kehoach.core.extract import Document, clean_document
from kehoach.core.extract.legacy import detect_legacy, from_tcvn3, from_vni, to_tcvn3, to_unicode, to_vni
from kehoach.core.extract.normalize import normalize_text

WRAPPED = """Điều 2. Nhiệm vụ và giải pháp

1. Đổi mới mạnh mẽ mô hình tăng trưởng, cơ cấu lại nền kinh tế theo

hướng hiện đại, bền vững

Tập trung chỉ đạo đẩy mạnh sản xuất công nghiệp để tối ưu hóa tiềm năng

tăng trưởng. Đảm bảo tiến độ triển khai các bến từ 7-12 Cảng cửa ngõ quốc tế Lạch

Huyện; khởi công, xây dựng các bến khởi động Cảng biển Nam Đồ Sơn và phát triển

hệ thống cảng thủy nội địa theo hướng hiện đại, đồng bộ, kết nối với vùng Duyên

hải Bắc Bộ, tập trung thu hút đầu tư kết cấu hạ tầng giao thông, logistics và phát

triển các dịch vụ hỗ trợ vận tải, giảm phát thải các-

bon trong hoạt động cảng biển.

13

a) Tập trung hoàn thiện quy hoạch, kế hoạch sử dụng đất giai đoạn 2026-

2030; nghiêm túc kiểm tra, xử lý vi phạm sử dụng đất sai mục đích.
"""


def test_paragraphs_rejoined() -> None:
    c = clean_document(WRAPPED)
    assert c.paragraphs == [
        "Điều 2. Nhiệm vụ và giải pháp",
        "1. Đổi mới mạnh mẽ mô hình tăng trưởng, cơ cấu lại nền kinh tế theo hướng hiện đại, bền vững",
        "Tập trung chỉ đạo đẩy mạnh sản xuất công nghiệp để tối ưu hóa tiềm năng tăng trưởng. Đảm bảo tiến độ "
        "triển khai các bến từ 7-12 Cảng cửa ngõ quốc tế Lạch Huyện; khởi công, xây dựng các bến khởi động "
        "Cảng biển Nam Đồ Sơn và phát triển hệ thống cảng thủy nội địa theo hướng hiện đại, đồng bộ, kết nối "
        "với vùng Duyên hải Bắc Bộ, tập trung thu hút đầu tư kết cấu hạ tầng giao thông, logistics và phát "
        "triển các dịch vụ hỗ trợ vận tải, giảm phát thải các-bon trong hoạt động cảng biển.",
        "a) Tập trung hoàn thiện quy hoạch, kế hoạch sử dụng đất giai đoạn 2026-2030; nghiêm túc kiểm tra, "
        "xử lý vi phạm sử dụng đất sai mục đích.",
    ]


def test_running_header_and_pages() -> None:
    page = "NGHỊ QUYẾT HĐND TỈNH X\nDòng nội dung số {n} của trang.\n- {n} -\n"
    text = "\f".join(page.format(n=i) for i in range(1, 5))
    c = clean_document(Document(text=text, reflow=False))
    assert c.paragraphs == [f"Dòng nội dung số {i} của trang." for i in range(1, 5)]
    assert c.pages == [1, 2, 3, 4]
    span = c.span(c.starts[2] + 4, c.starts[2] + 10)
    assert (span.page, span.line) == (3, 3)


def test_syllable_cut_without_vowel_is_rejoined() -> None:
    text = "Phát triển công nghiệp công nghệ cao và công ngh\niệp hỗ trợ trên địa bàn tỉnh, tạo việc làm cho người lao\nđộng.\nDòng khác ngắn.\nDòng khác ngắn.\nDòng khác ngắn.\nDòng khác ngắn."
    assert (
        clean_document(Document(text=text, reflow=True))
        .paragraphs[0]
        .startswith(
            "Phát triển công nghiệp công nghệ cao và công nghiệp hỗ trợ trên địa bàn tỉnh, tạo việc làm cho người lao động."
        )
    )


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("\u201cChủ động thực thi\u201d", '"Chủ động thực thi"'),
        ("Hà Nội \u2013 Hải Phòng \u2014 Quảng Ninh", "Hà Nội - Hải Phòng - Quảng Ninh"),
        ("7.944,5\u00a0USD/người", "7.944,5 USD/người"),
        (unicodedata.normalize("NFD", "Tỷ lệ hộ nghèo"), "Tỷ lệ hộ nghèo"),
        ("khoa\u200bhọc", "khoahọc"),
    ],
)
def test_normalize(raw: str, clean: str) -> None:
    assert normalize_text(raw) == clean
    assert unicodedata.is_normalized("NFC", normalize_text(raw))


SAMPLE = (
    "Hội đồng nhân dân tỉnh Quảng Trị khóa VIII, kỳ họp thứ 25. Tốc độ tăng trưởng GRDP đạt 8%; "
    "tỷ lệ hộ nghèo giảm 1,5%; thu ngân sách đạt 4.200 tỷ đồng; tuổi thọ trung bình đạt 74 tuổi; "
    "Ưu tiên đầu tư, phát triển nguồn nhân lực chất lượng cao. Đường, sông, rừng, biển, đảo."
)


def test_tcvn3_round_trip_and_detection() -> None:
    legacy = to_tcvn3(SAMPLE)
    assert legacy != SAMPLE and "®" in legacy
    assert detect_legacy(legacy) == "tcvn3"
    # TCVN3 has no capitals with tone marks: they come back in lower case.
    assert from_tcvn3(legacy).lower() == SAMPLE.lower()
    assert to_unicode(legacy).lower() == SAMPLE.lower()


def test_vni_round_trip_and_detection() -> None:
    legacy = to_vni(SAMPLE)
    assert "ñ" in legacy and legacy != SAMPLE
    assert detect_legacy(legacy) == "vni"
    assert from_vni(legacy) == SAMPLE
    assert to_unicode(legacy) == SAMPLE


def test_unicode_is_left_alone() -> None:
    assert detect_legacy(SAMPLE) == "unicode"
    assert (
        detect_legacy("Giá 5 £, sai số ± 2 µm; nhãn hiệu ® và ©. Tỷ lệ hộ nghèo giảm 1,5% theo chuẩn nghèo")
        == "unicode"
    )
    assert to_unicode(SAMPLE) == SAMPLE


def test_legacy_text_is_converted_by_the_cleaner() -> None:
    c = clean_document(to_vni(SAMPLE))
    assert "Tốc độ tăng trưởng GRDP đạt 8%" in c.text


def test_form_feed_inside_a_line_starts_a_page_and_keeps_both_halves() -> None:
    c = clean_document(Document(text="Trang một kết thúc.\fTrang hai bắt đầu.\n\fTrang ba.", reflow=False))
    assert c.paragraphs == ["Trang một kết thúc.", "Trang hai bắt đầu.", "Trang ba."]
    assert c.pages == [1, 2, 3]
