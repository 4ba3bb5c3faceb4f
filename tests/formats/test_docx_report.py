"""The DOCX writer follows Decree 30/2020/NĐ-CP: opened back with python-docx and checked."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zlib

import docx
import pytest
from docx.shared import Mm, Pt

from kehoach.core.report_model import (
    ILLUSTRATIVE_MARK,
    NATIONAL_MOTTO,
    NATIONAL_TITLE,
    Chart,
    Paragraph,
    Report,
    ReportSection,
    Signature,
    Table,
    date_line,
    number_line,
)
from kehoach.core.report_text import flow_sentence
from kehoach.formats.docx_report import BODY_PT, FONT, WIDE_TABLE_PT, write_docx
from kehoach.formats.html_report import render_html


def tiny_png(width: int = 40, height: int = 20) -> bytes:
    """A real PNG (a grey box) built with zlib, so the test needs no image library."""
    raw = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    )


def sample_report(*, illustrative: bool = True, long: bool = True) -> Report:
    budget = flow_sentence(
        "Thu ngân sách nhà nước",
        "9 tháng",
        150123.4,
        "tỷ đồng",
        pct_of_target=77.04,
        target_word="dự toán",
        growth_pct=12.3,
    )
    rows = [
        ["1", "Tốc độ tăng trưởng GRDP", "khoảng 13%", "10,5%", "9,8%", "–", "chưa đạt kịch bản", "12,1%"],
        [
            "2",
            "Thu ngân sách nhà nước",
            "194.935,654 tỷ đồng",
            "150.123",
            "133.650",
            "77,0%",
            "đạt kịch bản",
            "201.500",
        ],
    ]
    table = Table(
        columns=["TT", "Chỉ tiêu", "Kế hoạch 2026", "9 tháng", "Cùng kỳ", "% KH", "Đánh giá", "Ước cả năm"],
        rows=rows * (12 if long else 1),
        title="Bảng 1. Các chỉ tiêu chủ yếu",
        numeric=frozenset({3, 4, 5, 7}),
        widths=[0.5, 3, 1.6, 1.2, 1.2, 0.9, 1.4, 1.2],
    )
    body = [Paragraph(budget)] + [Paragraph("Đoạn văn thân bài để kéo dài báo cáo sang trang sau. " * 8)] * (
        6 if long else 1
    )
    return Report(
        issuer_lines=["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"],
        title="Báo cáo",
        subtitle="Tình hình thực hiện Nghị quyết về kế hoạch phát triển kinh tế - xã hội\n9 tháng năm 2026",
        place="Hải Phòng",
        year=2026,
        date=dt.date(2026, 10, 5),
        sections=[
            ReportSection(
                "Kết quả thực hiện",
                number="I",
                blocks=body,
                children=[
                    ReportSection("Các chỉ tiêu chủ yếu", number="1", level=2, blocks=[table]),
                    ReportSection(
                        "Biểu đồ",
                        number="2",
                        level=2,
                        blocks=[Chart("Hình 1. Thu ngân sách", png=tiny_png())],
                    ),
                ],
            ),
        ],
        recipients=["Thường trực Thành ủy", "Thường trực HĐND thành phố", "Lưu: VT"],
        signature=Signature(["TM. Ủy ban nhân dân", "Chủ tịch"], "Nguyễn Văn A"),
        annexes=[ReportSection("Số liệu chi tiết", number="I", blocks=[table])],
        illustrative=illustrative,
    )


@pytest.fixture(scope="module")
def opened() -> docx.document.Document:
    return docx.Document(io.BytesIO(write_docx(sample_report())))


def test_page_setup_a4_and_margins(opened: docx.document.Document) -> None:
    sec = opened.sections[0]
    assert (round(sec.page_width.mm), round(sec.page_height.mm)) == (210, 297)
    assert 20 <= round(sec.top_margin.mm) <= 25 and 20 <= round(sec.bottom_margin.mm) <= 25
    assert 30 <= round(sec.left_margin.mm) <= 35 and 15 <= round(sec.right_margin.mm) <= 20


def test_fonts_times_new_roman_13_14(opened: docx.document.Document) -> None:
    normal = opened.styles["Normal"]
    assert normal.font.name == FONT and normal.font.size == Pt(BODY_PT)
    assert 13 <= BODY_PT <= 14
    # No run overrides the font family anywhere in the body.
    assert {r.font.name for p in opened.paragraphs for r in p.runs} <= {None, FONT}


def test_header_issuer_left_national_title_right(opened: docx.document.Document) -> None:
    left, right = opened.tables[0].rows[0].cells
    left_text = [p.text for p in left.paragraphs if p.text]
    assert left_text[:2] == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"]
    assert all(r.bold for p in left.paragraphs[:2] for r in p.runs)
    assert left_text[2] == number_line(sample_report())
    assert left_text[2].startswith("Số:") and left_text[2].endswith("/BC-UBND")
    right_text = [p.text for p in right.paragraphs if p.text]
    assert right_text[:2] == [NATIONAL_TITLE, NATIONAL_MOTTO]
    date_par = next(p for p in right.paragraphs if p.text.startswith("Hải Phòng"))
    assert date_par.text == "Hải Phòng, ngày 05 tháng 10 năm 2026"
    assert all(r.italic for r in date_par.runs)
    # The two short rules are paragraph borders.
    xml = opened.tables[0]._tbl.xml
    assert xml.count("<w:pBdr>") == 2


def test_title_body_sentence_tables(opened: docx.document.Document) -> None:
    texts = [p.text for p in opened.paragraphs]
    assert "BÁO CÁO" in texts and "9 tháng năm 2026" in texts
    assert any("ước đạt 150.123 tỷ đồng, bằng 77,0% dự toán, tăng 12,3% so với cùng kỳ." in t for t in texts)
    assert "I. KẾT QUẢ THỰC HIỆN" in texts
    data = opened.tables[1]
    assert [c.text for c in data.rows[0].cells][:3] == ["TT", "Chỉ tiêu", "Kế hoạch 2026"]
    assert data.rows[2].cells[2].text == "194.935,654 tỷ đồng"
    assert data.rows[2].cells[3].paragraphs[0].alignment == 2  # right-aligned number
    assert "w:tblHeader" in data.rows[0]._tr.xml  # header repeats on each page
    assert data.rows[1].cells[1].paragraphs[0].runs[0].font.size == Pt(WIDE_TABLE_PT)  # 8 columns


def test_recipients_and_signature(opened: docx.document.Document) -> None:
    left, right = opened.tables[-2].rows[0].cells
    assert left.paragraphs[0].text == "Nơi nhận:"
    assert left.paragraphs[0].runs[0].bold and left.paragraphs[0].runs[0].italic
    assert [p.text for p in left.paragraphs[1:]] == [
        "- Thường trực Thành ủy;",
        "- Thường trực HĐND thành phố;",
        "- Lưu: VT.",
    ]
    sig = [p.text for p in right.paragraphs if p.text]
    assert sig == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"]


def test_page_numbers_from_page_two_and_illustrative_mark(opened: docx.document.Document) -> None:
    sec = opened.sections[0]
    assert sec.different_first_page_header_footer
    assert "PAGE" in sec.header._element.xml and "fldChar" in sec.header._element.xml
    assert "PAGE" not in sec.first_page_header._element.xml
    for footer in (sec.footer, sec.first_page_footer):
        assert ILLUSTRATIVE_MARK.upper() in footer.paragraphs[0].text


def test_no_mark_for_real_data() -> None:
    d = docx.Document(io.BytesIO(write_docx(sample_report(illustrative=False, long=False))))
    assert ILLUSTRATIVE_MARK.upper() not in d.sections[0].footer.paragraphs[0].text


def test_chart_picture_embedded(opened: docx.document.Document) -> None:
    assert len(opened.inline_shapes) == 1
    assert abs(opened.inline_shapes[0].width - Mm(150)) < Mm(1)


def test_blank_number_and_date_for_the_registry() -> None:
    r = sample_report(long=False)
    r.date = None
    assert date_line(r) == "Hải Phòng, ngày\u00a0\u00a0\u00a0\u00a0 tháng\u00a0\u00a0\u00a0\u00a0 năm 2026"
    assert number_line(r) == "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND"
    r.date = dt.date(2026, 2, 3)
    assert date_line(r) == "Hải Phòng, ngày 03 tháng 02 năm 2026"


def test_html_has_the_same_parts() -> None:
    html = render_html(sample_report(long=False))
    for part in (
        NATIONAL_TITLE,
        NATIONAL_MOTTO,
        "THÀNH PHỐ HẢI PHÒNG",
        "Số: ",
        "/BC-UBND",
        "Hải Phòng, ngày 05 tháng 10 năm 2026",
        "BÁO CÁO",
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
        "194.935,654 tỷ đồng",
        ILLUSTRATIVE_MARK,
        "data:image/png;base64,",
        "@page",
    ):
        assert part in html, part
    assert "<script" not in html and "http" not in html.replace('lang="vi"', "")


def test_paragraph_properties_in_schema_order(opened: docx.document.Document) -> None:
    """Word refuses a file whose paragraph properties are out of the schema's order (LibreOffice does not)."""
    order = [
        "pStyle",
        "keepNext",
        "keepLines",
        "pageBreakBefore",
        "framePr",
        "widowControl",
        "numPr",
        "suppressLineNumbers",
        "pBdr",
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ]  # ECMA-376 Part 1, 17.3.1.26 (CT_PPr)
    parts = [
        opened.element,
        *(s.header._element for s in opened.sections),
        opened.sections[0].footer._element,
    ]
    for root in parts:
        for ppr in root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pPr"):
            tags = [c.tag.split("}")[1] for c in ppr]
            assert tags == sorted(tags, key=order.index), tags
