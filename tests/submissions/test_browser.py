"""The collection pages in a real browser: an editor types figures, errors beside the field, a conflict,
the secretariat approves and publishes, the audit page."""

from __future__ import annotations

from typing import Any

import pytest

from kehoach.core.periods import parse_period
from kehoach.submissions.models import Figure
from kehoach.submissions.services import figure_save

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
FORM = "/figures/haiphong-2026/SCT/2026-03/"


def _login(page: Any, username: str, path: str) -> None:
    page.goto_path(f"/accounts/login/?next={path}")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"**{path}")


def test_editor_enters_figures(people: dict[str, Any], page: Any) -> None:
    _login(page, "can_bo_sct", FORM)
    row = page.locator('tr[data-key="7.1"]')
    assert "52 tỷ USD" in row.inner_text()
    row.get_by_label("Giá trị 7.1").fill("1,234")
    page.locator('tr[data-key="4.1"]').get_by_label("Giá trị 4.1").fill("15,8")
    page.get_by_role("button", name="Lưu nháp").click()
    error = page.locator('tr[data-key="7.1"] .field-error')
    assert "có thể đọc theo hai cách" in error.first.inner_text()
    assert page.locator('tr[data-key="7.1"] input[name="7.1-value"]').input_value() == "1,234"
    page.shot("figures-form-error")
    assert not Figure.objects.exists()
    page.locator('tr[data-key="7.1"]').get_by_label("Giá trị 7.1").fill("13,6")
    page.get_by_role("button", name="Lưu và gửi thường trực").click()
    page.wait_for_load_state()
    assert "Đã gửi 2 số liệu" in page.locator(".messages").inner_text()
    assert page.locator('tr[data-key="7.1"] input[name="7.1-value"]').input_value() == "13,6"
    assert Figure.objects.get(target__key="7.1").status == "submitted"
    page.shot("figures-form")


def test_conflict_shows_both_values(people: dict[str, Any], page: Any) -> None:
    _login(page, "can_bo_sct", FORM)
    page.locator('tr[data-key="7.1"]').get_by_label("Giá trị 7.1").fill("13,6")
    page.get_by_role("button", name="Lưu nháp").click()
    page.wait_for_load_state()
    target = Figure.objects.get(target__key="7.1").target
    figure_save(actor=people["secretariat"], target=target, period=parse_period("2026-03"), value=13.9,
                expected_version=1)  # fmt: skip
    page.locator('tr[data-key="7.1"]').get_by_label("Giá trị 7.1").fill("13,7")
    page.get_by_role("button", name="Lưu nháp").click()
    assert page.get_by_test_id("current").inner_text().startswith("13,9")
    assert page.get_by_test_id("mine").inner_text().startswith("13,7")
    page.shot("figures-conflict")
    page.get_by_test_id("keep-mine").click()
    page.wait_for_url(f"**{FORM}")
    assert Figure.objects.get(target__key="7.1").value == 13.7


def test_secretariat_reviews_and_audits(people: dict[str, Any], plan: Any, page: Any) -> None:
    from tests.submissions.conftest import make_figure

    make_figure(plan, "7.1", "2026-03", 13.5, "submitted")
    review = "/figures/review/haiphong-2026/2026-03/"
    _login(page, "thu_ky", review)
    assert "Kim ngạch xuất khẩu" in page.get_by_test_id("review").inner_text()
    page.get_by_role("button", name="Duyệt các số đã chọn").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Công bố các số đã chọn").click()
    page.wait_for_load_state()
    assert Figure.objects.get(target__key="7.1").status == "published"
    page.shot("figures-review")
    page.goto_path("/audit/?action=figure.publish")
    assert "thu_ky" in page.get_by_test_id("audit").inner_text()
    page.shot("audit-page")
