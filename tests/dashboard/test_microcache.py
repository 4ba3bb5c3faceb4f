"""The public pages' few-seconds cache: same page, the visitor's own CSRF token, never for members."""

from __future__ import annotations

import gzip

import pytest
from django.test import Client

from tests.dashboard.conftest import add_figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_on(settings) -> None:
    settings.KEHOACH_PAGE_CACHE_SECONDS = 60


def test_second_visit_is_served_from_memory(figures, cache_on, django_assert_max_num_queries) -> None:
    first = Client().get("/")
    with django_assert_max_num_queries(0):
        second = Client().get("/")
    assert first.content == second.content and "48.123,5 tỷ đồng" in second.content.decode()
    zipped = Client().get("/", HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == first.content


def test_language_switch_works_without_a_token(figures, cache_on) -> None:
    visitor = Client(enforce_csrf_checks=True)
    html = visitor.get("/").content.decode()
    assert "csrfmiddlewaretoken" not in html
    resp = visitor.post("/lang/", {"language": "en", "next": "/"})
    assert resp.status_code == 302
    assert '<html lang="en">' in visitor.get("/").content.decode()


def test_a_new_figure_shows_after_the_cache_time(figures, settings, monkeypatch) -> None:
    from kehoach.dashboard import microcache

    clock = [1000.0]
    monkeypatch.setattr(microcache, "_clock", lambda: clock[0])
    settings.KEHOACH_PAGE_CACHE_SECONDS = 5
    assert "Tháng 3/2026" in Client().get("/").content.decode()
    add_figure(figures, "5.1", "2026-04", 64000.0)
    clock[0] += 4.9
    assert "64.000 tỷ đồng" not in Client().get("/").content.decode()  # at most 5 s old
    clock[0] += 0.2
    assert "64.000 tỷ đồng" in Client().get("/").content.decode()


def test_off_under_tests_by_default(figures, settings) -> None:
    del settings.KEHOACH_PAGE_CACHE_SECONDS  # the autouse fixture set it
    Client().get("/")
    add_figure(figures, "5.1", "2026-04", 64000.0)
    assert "64.000 tỷ đồng" in Client().get("/").content.decode()


def test_members_are_never_served_from_it(figures, personas, cache_on) -> None:
    Client().get("/")
    member = Client()
    member.force_login(personas["viewer_sct"])
    html = member.get("/").content.decode()
    assert "16,5 tỷ USD" in html and "Trang công khai" not in html
