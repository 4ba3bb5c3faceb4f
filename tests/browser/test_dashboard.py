"""The dashboard in a real browser: overview, filter, indicator, language, CSV, an agency editor."""

from __future__ import annotations

import csv
import io

import pytest

from tests.dashboard.conftest import assign, make_figures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def figures(hp_plan):
    return make_figures(assign(hp_plan))


def _no_sideways_scroll(page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px)"


def test_overview_desktop_and_phone(figures, page) -> None:
    page.goto_path("/")
    assert page.get_by_test_id("theme").is_visible()
    assert page.locator("tr[data-indicator]").count() == 22
    assert "48.123,5 tỷ đồng" in page.locator('tr[data-indicator="5"]').inner_text()
    assert "SXD" in page.get_by_test_id("not-reported").inner_text()
    page.shot("dashboard-overview")
    _no_sideways_scroll(page)
    page.shot("dashboard-overview-phone")


def test_filter_by_keyboard(figures, page) -> None:
    page.goto_path("/")
    page.get_by_label("Nhóm").select_option("Môi trường")
    page.get_by_role("button", name="Xem").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**group=*")
    rows = page.locator("tr[data-indicator]")
    assert [rows.nth(i).get_attribute("data-indicator") for i in range(rows.count())] == ["19", "20"]
    page.shot("dashboard-filtered")


def test_open_an_indicator(figures, page) -> None:
    page.goto_path("/")
    page.get_by_role("link", name="(5) Thu ngân sách nhà nước trên địa bàn").click()
    page.wait_for_url("**/indicators/5/**")
    chart = page.get_by_test_id("chart").first
    assert chart.locator("svg").count() == 1
    assert chart.bounding_box()["width"] > 300
    assert "48.123,5 tỷ đồng" in page.get_by_test_id("figures").inner_text()
    page.shot("dashboard-indicator")
    _no_sideways_scroll(page)
    page.shot("dashboard-indicator-phone")


def test_switch_language(figures, page) -> None:
    page.goto_path("/")
    page.get_by_test_id("lang-switch").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Key indicators" in page.content()
    assert "48,123.5 tỷ đồng" in page.locator('tr[data-indicator="5"]').inner_text()
    page.shot("dashboard-overview-en")


def test_download_csv(figures, page) -> None:
    page.goto_path("/")
    with page.expect_download() as info:
        page.get_by_test_id("csv").click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    with open(download.path(), encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(io.StringIO(fh.read())))
    assert next(r for r in rows if r["key"] == "5.1")["value"] == "48123.5"


def test_agency_editor_signs_in_and_sees_the_agency_page(figures, personas, page) -> None:
    page.goto_path("/agencies/STC/")
    assert "/accounts/login/" in page.url
    page.get_by_label("Tên đăng nhập").fill("can_bo_stc")
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/agencies/STC/")
    assert page.get_by_test_id("agency-name").inner_text().startswith("Sở Tài chính")
    assert page.locator('tr[data-indicator="5"]').count() == 1
    assert page.get_by_test_id("record").is_visible()
    page.shot("dashboard-agency")
    _no_sideways_scroll(page)


def test_keyboard_first_stop_and_print(figures, page) -> None:
    page.goto_path("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    page.emulate_media(media="print")
    assert page.get_by_test_id("filters").is_hidden()
    assert page.locator("header.site").is_hidden()
    assert page.locator("tr[data-indicator]").count() == 22
    assert page.locator('tr[data-indicator="5"]').is_visible()
    page.shot("dashboard-print")
