"""The task pages in a real browser: open /tasks/, filter, open a task, an editor records progress."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page: Any, username: str, next_path: str) -> None:
    page.goto_path(f"/accounts/login/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", "mat-khau-thu-nghiem")
    page.locator("#id_password").press("Enter")
    page.wait_for_url(f"**{next_path}")


def test_filter_open_and_record_progress(task_plan: Any, page: Any) -> None:
    page.goto_path("/tasks/")
    assert page.get_by_test_id("task-4.a.1").is_visible()
    page.shot("tasks-tree")
    # filter by agency: only the supporting-industry task of SCT is left
    page.select_option("#id_agency", "SCT")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_load_state()
    assert page.locator("li.task").count() == 1 and page.get_by_test_id("task-1.-1.1").is_visible()
    page.get_by_test_id("view-list").click()
    page.wait_for_load_state()
    assert "view=list" in page.url and "agency=SCT" in page.url
    page.goto_path("/tasks/?view=list")
    first = page.locator("li.task").first
    assert "quá hạn chưa hoàn thành" in first.inner_text()  # overdue first
    page.shot("tasks-list")
    page.get_by_test_id("task-1.-1.1").get_by_role("link", name="1.-1.1").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("update-form").count() == 0  # anonymous: no form
    # an editor of the lead agency records the completion, with the issued document as evidence
    _sign_in(page, "can_bo_sct", "/tasks/1.-1.1/")
    form = page.get_by_test_id("update-form")
    form.locator("#id_progress").fill("100")
    form.locator("#id_note").fill("UBND thành phố đã ban hành Chương trình.")
    form.locator("#id_evidence_number").fill("45/QĐ-UBND")
    form.locator("#id_evidence_date").fill("2026-06-20")
    form.locator("#id_evidence_file").set_input_files(
        {"name": "qd-45.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 quyet dinh 45"}
    )
    form.locator("#id_completed").check()
    form.locator("#id_completed_on").fill("2026-06-20")
    page.shot("task-form-filled")
    form.get_by_role("button", name="Ghi nhận").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("status").inner_text() == "hoàn thành đúng hạn"
    history = page.get_by_test_id("history").inner_text()
    assert "45/QĐ-UBND" in history and "20/06/2026" in history and "can_bo_sct" in history
    page.shot("task-after-update")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.shot("task-phone")
    page.goto_path("/tasks/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.shot("tasks-phone")
