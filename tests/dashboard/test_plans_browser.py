"""A second loaded plan in a real browser: pick it, filter its period, open an indicator, come back."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.dashboard.conftest import add_figure, assign, make_figures
from tests.dashboard.test_plans import CODE, SECOND

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def two_plans(hp_plan: Any) -> Any:
    from kehoach.plans.services import plan_load

    make_figures(assign(hp_plan))
    plan = plan_load(document=json.loads(json.dumps(SECOND)), reason="tỉnh thứ hai")
    add_figure(plan, "1.1", "2026-09", 21000.0)
    return plan


def test_pick_a_second_plan_and_stay_in_it(two_plans: Any, page: Any) -> None:
    page.goto_path("/")
    picker = page.get_by_test_id("plan-picker")
    assert picker.is_visible()
    picker.get_by_role("link", name="Ninh Bình 2026").click()
    page.wait_for_url(f"**/?plan={CODE}")
    assert page.locator("tr[data-indicator]").count() == 2
    page.shot("dashboard-second-plan")
    page.get_by_role("button", name="Xem").click()  # the period form keeps the plan
    page.wait_for_load_state()
    assert f"plan={CODE}" in page.url and page.locator("tr[data-indicator]").count() == 2
    page.locator('tr[data-indicator="2"] a').first.click()
    page.wait_for_load_state()
    assert "Tràng An" in page.locator("h1").inner_text()
    page.locator(".crumbs a").first.click()  # the crumb, not the site menu (which is the default plan)
    page.wait_for_load_state()
    assert page.locator("tr[data-indicator]").count() == 2
    page.get_by_test_id("plan-picker").get_by_role("link").first.click()  # back to the default plan
    page.wait_for_load_state()
    assert page.locator("tr[data-indicator]").count() == 22
