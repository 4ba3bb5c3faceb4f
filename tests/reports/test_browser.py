"""The reports pages in a real browser: sign in, choose a report, look at it, download the DOCX."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page: Any, username: str) -> None:
    page.goto_path("/accounts/login/?next=/reports/")
    page.fill("#id_username", username)
    page.fill("#id_password", "mat-khau-thu-nghiem")
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/reports/")


def test_choose_preview_and_download(hp_data: Any, personas: Any, page: Any) -> None:
    _sign_in(page, "thu_ky")
    page.shot("reports-form")
    page.fill("#id_as_of", "2026-Q3")
    page.select_option("#id_kind", "quarterly")
    page.get_by_test_id("preview").click()
    page.wait_for_load_state()
    report = page.get_by_test_id("report")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in report.inner_text()
    assert "quý III và 9 tháng năm 2026" in report.inner_text()
    assert page.locator(".report figure svg").count() >= 1  # charts drawn inline, nothing fetched
    page.shot("reports-preview")
    from tests.conftest import ARTIFACTS

    page.screenshot(path=str(ARTIFACTS / "reports-preview-top.png"))  # what the first screen shows
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(ARTIFACTS / "reports-preview-phone.png"))
    page.set_viewport_size({"width": 1280, "height": 900})
    with page.expect_download() as info:
        page.get_by_test_id("download-docx").click()
    d = docx.Document(io.BytesIO(Path(info.value.path()).read_bytes()))
    assert info.value.suggested_filename == "bao-cao-haiphong-2026-2026-Q3-quarterly.docx"
    assert [p.text for p in d.tables[0].rows[0].cells[0].paragraphs][:2] == [
        "ỦY BAN NHÂN DÂN",
        "THÀNH PHỐ HẢI PHÒNG",
    ]


def test_wrong_period_is_explained_on_the_form(hp_data: Any, personas: Any, page: Any) -> None:
    _sign_in(page, "can_bo_sct")
    page.fill("#id_as_of", "2026-Q3")
    page.select_option("#id_kind", "monthly")
    page.get_by_test_id("preview").click()
    page.wait_for_load_state()
    assert "không hợp với báo cáo monthly" in page.get_by_test_id("error-as_of").inner_text()
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.shot("reports-form-error-phone")
