"""Write a report as PDF: LibreOffice converts the DOCX where installed, else Chromium prints the HTML.

:func:`report_pdf` picks the engine: ``soffice --headless --convert-to pdf``
(the PDF then matches the DOCX people sign) or, without LibreOffice, Chromium
headless driven by Playwright printing :func:`~kehoach.formats.html_report.render_html`.
With neither, :class:`PdfError` says what to install. Nothing is downloaded.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from kehoach.core.report_model import Report

__all__ = [
    "ERR_NO_ENGINE",
    "PdfError",
    "available_engine",
    "docx_to_pdf",
    "html_to_pdf",
    "report_pdf",
]

ERR_NO_ENGINE = (
    "không tạo được PDF: cần LibreOffice (lệnh soffice) hoặc Chromium (/usr/bin/chromium hoặc "
    "biến KEHOACH_CHROMIUM); hãy cài một trong hai, hoặc tải bản DOCX"
)
ERR_CONVERT = "LibreOffice không chuyển được DOCX sang PDF: {detail}"
TIMEOUT_S = 120


class PdfError(RuntimeError):
    """No PDF engine, or the engine failed; the message is for the user."""


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _chromium() -> str | None:
    path = os.environ.get("KEHOACH_CHROMIUM", "/usr/bin/chromium")
    return path if Path(path).exists() else shutil.which("chromium")


def available_engine(prefer: str | None = None) -> str | None:
    """``"libreoffice"``, ``"chromium"`` or None; ``prefer`` picks one when both exist."""
    engines = [name for name, found in (("libreoffice", _soffice()), ("chromium", _chromium())) if found]
    if prefer in engines:
        return prefer
    return engines[0] if engines else None


def report_pdf(report: Report, *, engine: str | None = None) -> bytes:
    """The report as PDF bytes (``engine``: "libreoffice" or "chromium"; None = the first found)."""
    chosen = available_engine(engine)
    if chosen is None or (engine is not None and chosen != engine):
        raise PdfError(ERR_NO_ENGINE)
    if chosen == "libreoffice":
        from kehoach.formats.docx_report import write_docx

        return docx_to_pdf(write_docx(report))
    from kehoach.formats.html_report import render_html

    return html_to_pdf(render_html(report))


def docx_to_pdf(docx_bytes: bytes) -> bytes:
    """Convert with ``soffice --headless --convert-to pdf`` in a private profile (safe in parallel)."""
    soffice = _soffice()
    if soffice is None:
        raise PdfError(ERR_NO_ENGINE)
    with tempfile.TemporaryDirectory(prefix="kehoach-pdf-") as tmp:
        src = Path(tmp) / "report.docx"
        src.write_bytes(docx_bytes)
        profile = Path(tmp, "profile").as_uri()
        cmd = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
            str(src),
        ]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfError(ERR_CONVERT.format(detail=exc)) from exc
        out = Path(tmp) / "report.pdf"
        if not out.exists():
            detail = (done.stderr or done.stdout or f"mã thoát {done.returncode}").strip().splitlines()
            raise PdfError(ERR_CONVERT.format(detail=detail[-1] if detail else "?"))
        return out.read_bytes()


def html_to_pdf(html: str) -> bytes:
    """Print HTML to A4 PDF with Chromium headless (Playwright, the system's Chromium)."""
    chromium = _chromium()
    if chromium is None:
        raise PdfError(ERR_NO_ENGINE)
    # Playwright's sync API refuses to run inside an asyncio loop (a live test server, say): use a thread.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_print_pdf, chromium, html).result(timeout=TIMEOUT_S)


def _print_pdf(chromium: str, html: str) -> bytes:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page()
            page.set_content(html, wait_until="load")
            pdf: bytes = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
        finally:
            browser.close()
    return pdf
