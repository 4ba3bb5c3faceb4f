"""The resolution page in a real browser: what a visitor sees, on a desktop and on a phone."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_resolution_page_desktop_and_phone(hp_plan, page) -> None:
    page.goto_path("/plan/")
    assert page.get_by_test_id("theme").inner_text().endswith("tăng trưởng bứt phá”")
    assert page.locator("[data-indicator]").count() == 22
    page.shot("resolution-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px)"
    page.shot("resolution-phone")


def test_language_switch(hp_plan, page) -> None:
    page.goto_path("/plan/")
    page.get_by_test_id("lang-switch").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Key indicators" in page.content()
