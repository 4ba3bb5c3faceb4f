"""The dashboard of any loaded plan (``?plan=CODE``): overview, indicator and agency pages of a second,
small plan document, the plan picker, and the JSON/CSV twins that keep the same contract."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from django.test import Client

from tests.dashboard.conftest import add_figure

pytestmark = pytest.mark.django_db

CODE = "ninhbinh-2026"
SECOND: dict[str, Any] = {
    "id": CODE,
    "issuer": "Hội đồng nhân dân tỉnh Ninh Bình",
    "province": "Ninh Bình",
    "title": "Nghị quyết về kế hoạch phát triển kinh tế - xã hội tỉnh Ninh Bình năm 2026",
    "number": "52/NQ-HĐND",
    "adopted": "2025-12-09",
    "session": None,
    "period": {"start": 2026, "end": 2026},
    "theme": None,
    "objective": None,
    "source": None,
    "needs_review": [],
    "indicators": [
        {"n": 1, "name": "Tổng thu ngân sách nhà nước trên địa bàn tỉnh", "targets": [
            {"qualifier": None, "comparator": "ge", "value": 28500, "low": None, "high": None, "unit": "tỷ đồng",
             "kind": "level", "stretch": False}]},
        {"n": 2, "name": "Số khách du lịch đến Tràng An", "targets": [
            {"qualifier": None, "comparator": "approx", "value": 9.5, "low": None, "high": None,
             "unit": "triệu lượt", "kind": "level", "stretch": False}]},
    ],
    "tasks": {"sections": []},
}  # fmt: skip


@pytest.fixture
def second(figures: Any) -> Any:
    """A second active plan beside the Hải Phòng one (the default), with one published figure."""
    from kehoach.plans.services import plan_load

    plan = plan_load(document=json.loads(json.dumps(SECOND)), reason="tỉnh thứ hai")
    add_figure(plan, "1.1", "2026-09", 21000.0)
    return plan


def test_overview_of_a_second_plan(second: Any) -> None:
    c = Client()
    html = c.get(f"/?plan={CODE}").content.decode()
    assert "Tràng An" in html and "Hội đồng nhân dân tỉnh Ninh Bình" in html
    assert "Tổng sản phẩm trên địa bàn" not in html and "GRDP" not in html
    assert f'href="/indicators/1/?period=2026-09&amp;plan={CODE}"' in html  # links keep the plan
    assert f'<input type="hidden" name="plan" value="{CODE}">' in html  # and so does the period form
    assert f'href="/plan/{CODE}/"' in html and f'href="/tasks/?plan={CODE}"' in html
    default = c.get("/").content.decode()
    assert "Tràng An" not in default and 'name="plan"' not in default


def test_plan_picker_only_with_two_active_plans(figures: Any) -> None:
    from kehoach.plans.models import Plan
    from kehoach.plans.services import plan_load

    assert 'data-testid="plan-picker"' not in Client().get("/").content.decode()
    plan = plan_load(document=json.loads(json.dumps(SECOND)), reason="tỉnh thứ hai")
    html = Client().get("/").content.decode()
    assert (
        'data-testid="plan-picker"' in html
        and f'href="/?plan={CODE}" title="{SECOND["title"]}">Ninh Bình 2026</a>' in html
    )
    picker = Client().get(f"/?plan={CODE}").content.decode()
    assert (
        'href="/"' in picker
        and f'aria-current="page" title="{SECOND["title"]}">Ninh Bình 2026</strong>' in picker
    )
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.ARCHIVED)
    assert 'data-testid="plan-picker"' not in Client().get("/").content.decode()


def test_json_and_csv_twins_keep_the_contract(second: Any) -> None:
    c = Client()
    default = json.loads(c.get("/?format=json").content)
    other = json.loads(c.get(f"/?plan={CODE}&format=json").content)
    assert set(other) == set(default) and other["plan"] == CODE
    assert [r["n"] for r in other["indicators"]] == [1, 2]
    assert set(other["indicators"][0]) == set(default["indicators"][0])
    rows = list(csv.DictReader(io.StringIO(c.get(f"/?plan={CODE}&format=csv").content.decode("utf-8-sig"))))
    assert [r["key"] for r in rows] == ["1.1", "2.1"]
    permalink = json.loads(c.get(f"/p/2026-09/?plan={CODE}&format=json").content)
    assert permalink["plan"] == CODE and permalink["as_of"] == "2026-09"


def test_indicator_page_of_a_second_plan(second: Any, personas: dict[str, Any]) -> None:
    for who in (None, "editor_sct"):  # the anonymous visitor and a user of another agency
        c = Client()
        if who:
            c.force_login(personas[who])
        html = c.get(f"/indicators/2/?plan={CODE}").content.decode()
        assert "Số khách du lịch đến Tràng An" in html
        assert 'href="/?period=' in html and f"&amp;plan={CODE}" in html
    data = json.loads(Client().get(f"/indicators/1/?plan={CODE}&format=json").content)
    assert data["plan"] == CODE and [f["value"] for f in data["figures"]] == [21000.0]
    assert Client().get(f"/indicators/9/?plan={CODE}").status_code == 404  # Hải Phòng has 9, this plan not


def test_comment_on_a_second_plans_indicator(second: Any, personas: dict[str, Any]) -> None:
    from kehoach.dashboard.models import Comment

    c = Client()
    c.force_login(personas["council"])
    resp = c.post(f"/indicators/1/comment/?plan={CODE}", {"text": "Vì sao thu ngân sách thấp?"})
    assert resp.status_code == 302 and resp["Location"] == f"/indicators/1/?plan={CODE}#comments"
    comment = Comment.objects.get()
    assert comment.indicator.plan.code == CODE
    assert "Vì sao thu ngân sách thấp?" in c.get(f"/indicators/1/?plan={CODE}").content.decode()


def test_agency_page_of_a_second_plan(second: Any, personas: dict[str, Any]) -> None:
    resp = Client().get(f"/agencies/STC/?plan={CODE}")
    assert resp.status_code == 302 and "/accounts/login/" in resp["Location"]
    nobody = Client()
    nobody.force_login(personas["nobody"])
    assert nobody.get(f"/agencies/STC/?plan={CODE}").status_code == 403
    c = Client()
    c.force_login(personas["editor_sct"])  # a user of another agency: members read every agency
    data = json.loads(c.get(f"/agencies/STC/?plan={CODE}&format=json").content)
    assert data["plan"] == CODE
    html = c.get(f"/agencies/STC/?plan={CODE}").content.decode()
    assert f'href="?plan={CODE}&amp;format=csv"' in html and f"&amp;plan={CODE}" in html


def test_unknown_and_draft_plans_are_not_found(second: Any) -> None:
    from kehoach.plans.models import Plan

    c = Client()
    assert c.get("/?plan=khong-co").status_code == 404
    assert c.get("/indicators/1/?plan=khong-co").status_code == 404
    Plan.objects.filter(pk=second.pk).update(status=Plan.Status.DRAFT)
    assert c.get(f"/?plan={CODE}").status_code == 404
    assert c.get(f"/indicators/1/?plan={CODE}").status_code == 404


def test_no_query_per_indicator_on_a_second_plan(second: Any, django_assert_max_num_queries: Any) -> None:
    c = Client()
    c.get(f"/?plan={CODE}")
    with django_assert_max_num_queries(16) as ctx:
        c.get(f"/?plan={CODE}&group=x")  # another URL: not served from the page cache
    before = len(ctx.captured_queries)
    add_figure(second, "2.1", "2026-09", 7.1)
    with django_assert_max_num_queries(before):
        c.get(f"/?plan={CODE}&group=y")
