"""The review page in a real browser: upload the seed, jump from an item to its highlighted source."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import ARTIFACTS, SEED_TEXT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page: Any, username: str) -> None:
    page.goto_path("/accounts/login/?next=/plans/review/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "mat-khau-thu-nghiem")
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_load_state()


def test_upload_review_and_source_highlight(personas: dict[str, Any], page: Any) -> None:
    _login(page, "thu_ky")
    assert page.url.endswith("/plans/review/")
    page.set_input_files("input[name=document]", str(SEED_TEXT))
    page.get_by_role("button", name="Đọc tệp").click()
    page.wait_for_load_state()
    assert page.locator("[data-indicator]").count() == 22
    assert page.locator("mark.indicator").count() == 22
    page.locator('a[href="#src-ind-18"]').click()
    assert page.evaluate("location.hash") == "#src-ind-18"
    assert "7.135 căn" in page.locator("#src-ind-18").inner_text()
    page.screenshot(path=str(ARTIFACTS / "review-desktop.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.shot("review-phone")
