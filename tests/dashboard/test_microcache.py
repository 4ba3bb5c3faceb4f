"""The public pages' few-seconds cache: same page, the visitor's own CSRF token, never for members."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.dashboard.conftest import add_figure

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def cache_on(settings) -> None:
    settings.KEHOACH_PAGE_CACHE_SECONDS = 60


def test_second_visit_is_served_from_memory(figures, cache_on, django_assert_max_num_queries) -> None:
    first = Client().get("/")
    with django_assert_max_num_queries(2):
        second = Client().get("/")
    strip = lambda r: TOKEN.sub("", r.content.decode())  # noqa: E731
    assert strip(first) == strip(second) and "48.123,5 tỷ đồng" in strip(second)


def test_each_visitor_gets_a_working_language_form(figures, cache_on) -> None:
    Client().get("/")
    visitor = Client(enforce_csrf_checks=True)
    html = visitor.get("/").content.decode()
    token = TOKEN.search(html).group(1)
    assert "__kehoach_csrf__" not in html
    resp = visitor.post("/i18n/setlang/", {"language": "en", "next": "/", "csrfmiddlewaretoken": token})
    assert resp.status_code == 302


def test_a_new_figure_shows_at_once(figures, cache_on) -> None:
    assert "Tháng 3/2026" in Client().get("/").content.decode()
    add_figure(figures, "5.1", "2026-04", 64000.0)
    assert "64.000 tỷ đồng" in Client().get("/").content.decode()


def test_members_are_never_served_from_it(figures, personas, cache_on) -> None:
    Client().get("/")
    member = Client()
    member.force_login(personas["viewer_sct"])
    html = member.get("/").content.decode()
    assert "16,5 tỷ USD" in html and "Trang công khai" not in html
