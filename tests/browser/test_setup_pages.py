"""The secretariat's setup pages in a real browser: change a lead agency, enter a scenario, activate."""

from __future__ import annotations

from typing import Any

import pytest

from kehoach.audit.models import AuditEntry
from kehoach.plans.models import Plan
from kehoach.submissions.bootstrap import assign_haiphong
from kehoach.submissions.models import ScenarioSet
from kehoach.submissions.services import scenario_set_create
from tests.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page: Any, username: str, path: str) -> None:
    page.goto_path(f"/accounts/login/?next={path}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "mat-khau-thu-nghiem")
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_url(f"**{path}")


def test_secretariat_assigns_and_sets_a_scenario(personas: dict[str, Any], page: Any) -> None:
    plan = Plan.objects.get(code="haiphong-2026")
    assign_haiphong(plan)
    old = scenario_set_create(
        actor=None, plan=plan, name="Ban đầu", basis="", values={"7.1": {"2026-Q1": 10.0}}
    )
    _login(page, "thu_ky", "/figures/")
    page.get_by_role("link", name="Giao chỉ tiêu").click()
    row = page.locator('tr[data-key="7.1"]')
    assert "52 tỷ USD" in row.inner_text()
    row.locator('select[name="7.1-lead"]').select_option("STC")
    page.fill("input[name=reason]", "Theo Quyết định số 15/QĐ-UBND")
    page.get_by_role("button", name="Lưu giao chỉ tiêu").click()
    page.wait_for_load_state()
    assert "1 chỉ tiêu thay đổi" in page.locator(".messages").inner_text()
    assert page.locator('select[name="7.1-lead"]').input_value() == "STC"
    page.shot("setup-assign")
    assert AuditEntry.objects.get(action="target.assign", object_id="7.1", actor__isnull=False).reason

    page.get_by_role("link", name="Kịch bản theo kỳ").first.click()
    page.fill("input[name=name]", "Kịch bản điều chỉnh")
    page.fill("input[name=basis]", "Quyết định số 15/QĐ-UBND ngày 10/01/2026")
    page.fill('input[name="s-7.1-2026-Q1"]', "12,5")
    page.fill('input[name="s-5.1-2026-Q2"]', "mười")
    page.get_by_role("button", name="Tạo phiên bản và áp dụng").click()
    page.wait_for_load_state()
    assert "Chỉ tiêu 5.1, Quý II/2026" in page.locator('[data-testid="setup-errors"]').inner_text()
    assert ScenarioSet.objects.count() == 1
    assert page.locator('tr[data-key="5.1"] .field-error').count() == 1
    page.locator('tr[data-key="5.1"]').screenshot(path=str(ARTIFACTS / "setup-scenarios-error.png"))
    page.fill('input[name="s-5.1-2026-Q2"]', "45.000")
    page.get_by_role("button", name="Tạo phiên bản và áp dụng").click()
    page.wait_for_load_state()
    assert "Kịch bản điều chỉnh" in page.locator(".messages").inner_text()
    new = ScenarioSet.objects.get(active=True)
    assert new.name == "Kịch bản điều chỉnh" and new.values.count() == 2
    page.locator(f'tr[data-id="{old.pk}"]').get_by_role("button", name="Áp dụng").click()
    page.wait_for_load_state()
    assert "Đang áp dụng" in page.locator(f'tr[data-id="{old.pk}"]').inner_text()
    assert list(ScenarioSet.objects.filter(active=True)) == [old] and ScenarioSet.objects.count() == 2
    page.shot("setup-scenarios")
