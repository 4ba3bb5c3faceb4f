"""PDF: LibreOffice from the DOCX, Chromium from the HTML; rendered to PNG with pdftoppm for a look.

The PNGs land in test-artifacts/ (report-pdf-*.png) so a person can look at them.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kehoach.core.report_model import ILLUSTRATIVE_MARK
from kehoach.formats import pdf as pdf_mod
from kehoach.formats.pdf import ERR_NO_ENGINE, PdfError, report_pdf
from tests.formats.test_docx_report import sample_report

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _text(pdf: bytes, tmp_path: Path) -> str:
    src = tmp_path / "r.pdf"
    src.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(src), "-"], capture_output=True, text=True, check=True
    ).stdout


def _pages_png(pdf: bytes, name: str, tmp_path: Path) -> list[Path]:
    src = tmp_path / f"{name}.pdf"
    src.write_bytes(pdf)
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(src), str(ARTIFACTS / name)], check=True)
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))


needs_pdftools = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils missing")


@needs_pdftools
@pytest.mark.skipif(pdf_mod.available_engine("libreoffice") != "libreoffice", reason="no LibreOffice")
def test_libreoffice_pdf_pages_numbers_and_mark(tmp_path: Path) -> None:
    pdf = report_pdf(sample_report(), engine="libreoffice")
    assert pdf.startswith(b"%PDF")
    pages = _text(pdf, tmp_path).split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 3
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pages[0]
    assert "150.123 tỷ đồng" in pages[0]
    # Page numbers start on page 2, at the top.
    assert pages[1].strip().splitlines()[0].strip() == "2"
    assert not pages[0].strip().splitlines()[0].strip().isdigit()
    for page in pages:
        assert ILLUSTRATIVE_MARK.upper() in page
    assert len(_pages_png(pdf, "report-pdf-lo", tmp_path)) == len(pages)


@needs_pdftools
@pytest.mark.skipif(pdf_mod.available_engine("chromium") != "chromium", reason="no Chromium")
def test_chromium_pdf_from_html(tmp_path: Path) -> None:
    pdf = report_pdf(sample_report(), engine="chromium")
    pages = [p for p in _text(pdf, tmp_path).split("\f") if p.strip()]
    assert len(pages) >= 3
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pages[0] and "Nơi nhận:" in "".join(pages)
    # Page numbers at the top from page 2 (CSS page margin boxes), none on page 1.
    assert pages[1].strip().splitlines()[0].strip() == "2"
    assert not pages[0].strip().splitlines()[0].strip().isdigit()
    for page in pages:
        assert ILLUSTRATIVE_MARK.upper() in page
    assert len(_pages_png(pdf, "report-pdf-chromium", tmp_path)) == len(pages)


def test_no_engine_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_mod, "_soffice", lambda: None)
    monkeypatch.setattr(pdf_mod, "_chromium", lambda: None)
    with pytest.raises(PdfError) as err:
        report_pdf(sample_report(long=False))
    assert str(err.value) == ERR_NO_ENGINE
