"""Reading documents: DOCX, HTML, PDF (made in the test), legacy-encoded text; bad input refused."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kehoach.core.extract import extract_plan
from kehoach.core.extract.legacy import to_tcvn3, to_vni
from kehoach.formats.readers import (
    EmptyDocument,
    EncryptedPdf,
    ImageOnlyPdf,
    UnknownFormat,
    UnreadableFile,
    read_document,
)

DOCS = Path(__file__).parents[1] / "core" / "extract_docs"

RESOLUTION = [
    ("HỘI ĐỒNG NHÂN DÂN TỈNH BẮC GIANG", None),
    ("NGHỊ QUYẾT", None),
    ("Về kế hoạch phát triển kinh tế - xã hội năm 2026", None),
    ("Điều 1. Chỉ tiêu chủ yếu năm 2026", None),
    ("Tốc độ tăng trưởng kinh tế (GRDP) đạt 13,5%, phấn đấu 14%.", "List Number"),
    ("Thu ngân sách nhà nước trên địa bàn đạt 21.000 tỷ đồng.", "List Number"),
    ("Tỷ lệ hộ nghèo giảm còn dưới 1,2%.", "List Number"),
    ("Điều 2. Nhiệm vụ và giải pháp", None),
    ("1. Phát triển công nghiệp", None),
    ("Xây dựng Đề án phát triển công nghiệp hỗ trợ tỉnh Bắc Giang giai đoạn 2026-2030.", None),
]
EXPECTED = [
    ("eq", 13.5, "%", False),
    ("eq", 14, "%", True),
    ("eq", 21000, "tỷ đồng", False),
    ("lt", 1.2, "%", False),
]


def _keys(path: Path) -> list[tuple[object, ...]]:
    plan = extract_plan(read_document(path))
    return [(t.comparator, t.value, t.unit, t.stretch) for _, _, t in plan.targets()]


@pytest.fixture(scope="module")
def docx_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import docx

    d = docx.Document()
    for text, style in RESOLUTION:
        d.add_paragraph(text, style=style) if style else d.add_paragraph(text)
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Ghi chú"
    table.cell(0, 1).text = "Bảng phụ lục"
    path = tmp_path_factory.mktemp("docx") / "bacgiang.docx"
    d.save(str(path))
    return path


@pytest.fixture(scope="module")
def pdf_file(docx_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice is not installed: no PDF can be made")
    out = tmp_path_factory.mktemp("pdf")
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx_file)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out / "bacgiang.pdf"


def test_docx(docx_file: Path) -> None:
    doc = read_document(docx_file)
    assert doc.kind == "docx"
    assert "- Tốc độ tăng trưởng kinh tế (GRDP) đạt 13,5%, phấn đấu 14%." in doc.text.split("\n")
    assert "Ghi chú | Bảng phụ lục" in doc.text
    assert _keys(docx_file) == EXPECTED


def test_pdf_text_layer(pdf_file: Path) -> None:
    doc = read_document(pdf_file)
    assert doc.kind == "pdf" and doc.page_starts == [0]
    assert "HỘI ĐỒNG NHÂN DÂN TỈNH BẮC GIANG" in doc.text
    assert _keys(pdf_file) == EXPECTED
    plan = extract_plan(doc)
    assert plan.issuer == "Hội đồng nhân dân tỉnh Bắc Giang"
    assert [t.deliverable.type for _, t in plan.tasks() if t.deliverable] == ["Đề án"]


def test_pdf_pages(tmp_path: Path, pdf_file: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for _ in range(2):
        writer.add_page(PdfReader(pdf_file).pages[0])
    two = tmp_path / "two.pdf"
    with two.open("wb") as fh:
        writer.write(fh)
    doc = read_document(two)
    assert len(doc.page_starts) == 2 and doc.page_starts[1] > 0
    second = doc.text[doc.page_starts[1] :]
    assert second.startswith("HỘI ĐỒNG NHÂN DÂN TỈNH BẮC GIANG")


def test_encrypted_pdf(tmp_path: Path, pdf_file: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(pdf_file))
    writer.encrypt(user_password="mat-khau", owner_password="chu", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(EncryptedPdf, match="mật khẩu"):
        read_document(locked)


def test_image_only_pdf(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    scanned = tmp_path / "scan.pdf"
    with scanned.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ImageOnlyPdf, match="OCR"):
        read_document(scanned)


def test_html_drops_scripts_and_navigation() -> None:
    doc = read_document(DOCS / "bacninh_press.html")
    assert doc.kind == "html"
    assert "var x" not in doc.text and "Trang chủ" not in doc.text and "Bản quyền" not in doc.text
    assert "9.500 USD" in doc.text  # &nbsp; became a plain space
    assert _keys(DOCS / "bacninh_press.html") == [
        ("ge", 10, "%", False),
        ("eq", 9500, "USD", False),
        ("eq", 42000, "tỷ đồng", False),
        ("eq", 65, "tỷ USD", False),
        ("eq", 58, "tỷ USD", False),
        ("lt", 1, "%", False),
        ("eq", 80, "%", False),
    ]


@pytest.mark.parametrize("encode", [to_tcvn3, to_vni], ids=["tcvn3", "vni"])
def test_legacy_encoded_text_file(tmp_path: Path, encode: object) -> None:
    text = (DOCS / "thanhhoa_press.txt").read_text(encoding="utf-8")
    path = tmp_path / "legacy.txt"
    path.write_bytes(encode(text).encode("latin-1"))  # type: ignore[operator]
    doc = read_document(path)
    assert "tốc độ tăng trưởng kinh tế (GRDP) đạt 11% trở lên" in doc.text
    assert _keys(path)[:2] == [("ge", 11, "%", False), ("eq", 5000, "USD", False)]


def test_utf16_text_file(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_text(
        "Các chỉ tiêu chủ yếu năm 2026:\n- Tăng trưởng GRDP 8%.\n- Thu ngân sách 12.000 tỷ đồng.",
        encoding="utf-16",
    )
    assert _keys(path) == [("eq", 8, "%", False), ("eq", 12000, "tỷ đồng", False)]


@pytest.mark.parametrize(
    ("name", "content", "error", "words"),
    [
        ("empty.txt", b"", EmptyDocument, "không có nội dung"),
        ("blank.docx", b"   \n", EmptyDocument, "không có nội dung"),
        ("old.doc", b"\xd0\xcf\x11\xe0 binary word 97", UnknownFormat, "không nhận dạng"),
        ("broken.pdf", b"%PDF-1.4\n this is not a pdf", UnreadableFile, "không đọc được"),
        ("broken.docx", b"PK\x03\x04 not really a zip", UnreadableFile, "không đọc được"),
        ("binary.txt", b"\x00\x01\x02\x00" * 100, UnreadableFile, "không đọc được"),
    ],
)
def test_bad_input(tmp_path: Path, name: str, content: bytes, error: type[Exception], words: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(error) as info:
        read_document(path)
    message = str(info.value)
    assert words in message and name in message and "\n" not in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile):
        read_document(tmp_path / "khong-co.pdf")


def test_docx_indicator_table(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("Phụ lục: Các chỉ tiêu chủ yếu năm 2026")
    rows = [
        ("TT", "Chỉ tiêu", "ĐVT", "Thực hiện 2025", "Kế hoạch năm 2026"),
        ("1", "Tốc độ tăng trưởng kinh tế (GRDP)", "%", "8,1", "≥ 10"),
        ("2", "Thu ngân sách nhà nước", "Tỷ đồng", "18.000", "20.500"),
        ("3", "Kim ngạch xuất khẩu", "Tỷ USD", "4,1", "4,5 - 5"),
    ]
    table = d.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "phuluc.docx"
    d.save(str(path))
    plan = extract_plan(read_document(path))
    got = [(t.comparator, t.value, t.low, t.high, t.unit) for _, _, t in plan.targets()]
    assert got == [
        ("ge", 10, None, None, "%"),
        ("eq", 20500, None, None, "tỷ đồng"),
        ("range", None, 4.5, 5, "tỷ USD"),
    ]
