"""The agency page: members only; indicators, tasks and reporting record."""

from __future__ import annotations

import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_sign_in(figures) -> None:
    resp = Client().get("/agencies/STC/")
    assert resp.status_code == 302 and "/accounts/login/" in resp["Location"]


def test_user_without_role_is_refused(figures, personas) -> None:
    c = Client()
    c.force_login(personas["nobody"])
    assert c.get("/agencies/STC/").status_code == 403


def test_own_agency_page(figures, personas) -> None:
    from kehoach.accounts.models import Agency
    from kehoach.tasks.models import TaskItem

    TaskItem.objects.create(
        plan=figures,
        key="t1",
        section="1",
        text="Xây dựng Đề án thu ngân sách",
        lead_agency=Agency.objects.get(code="STC"),
    )
    c = Client()
    c.force_login(personas["editor_stc"])
    html = c.get("/agencies/STC/").content.decode()
    assert "Sở Tài chính" in html and 'data-indicator="5"' in html and 'data-indicator="7"' not in html
    assert "Xây dựng Đề án thu ngân sách" in html
    data = json.loads(c.get("/agencies/STC/?format=json").content)
    record = {r["period"]: r for r in data["record"]}
    assert record["2026-03"]["published"] == 1 and record["2026-03"]["targets"] == 3


def test_other_agency_member_may_read(figures, personas) -> None:
    c = Client()
    c.force_login(personas["editor_stc"])
    data = json.loads(c.get("/agencies/SCT/?format=json").content)
    assert [r["n"] for r in data["indicators"]] == [7]
    assert data["record"][0] == {
        "period": "2026-04",
        "sort": [2026, 4, 1],
        "targets": 1,
        "draft": 0,
        "submitted": 1,
        "approved": 0,
        "published": 0,
    }


def test_unknown_agency_is_404(figures, personas) -> None:
    c = Client()
    c.force_login(personas["council"])
    assert c.get("/agencies/KHONG/").status_code == 404


def test_agency_page_queries_do_not_grow(figures, personas, django_assert_max_num_queries) -> None:
    from tests.dashboard.conftest import add_figure

    c = Client()
    c.force_login(personas["editor_stc"])
    c.get("/agencies/STC/")
    with django_assert_max_num_queries(20) as ctx:
        c.get("/agencies/STC/")
    for m in (4, 5, 6):
        add_figure(figures, "5.2", f"2026-{m:02d}", 1000.0 * m)
        add_figure(figures, "5.3", f"2026-{m:02d}", 900.0 * m)
    with django_assert_max_num_queries(len(ctx.captured_queries)):
        c.get("/agencies/STC/")
