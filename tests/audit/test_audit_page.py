"""The audit page: secretariat and admin only, filters, CSV export through the data twins."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from django.test import Client

from kehoach.audit.forms import ERR_DATE
from kehoach.core.periods import parse_period
from kehoach.submissions.bootstrap import assign_haiphong
from kehoach.submissions.services import figure_save


@pytest.fixture
def trail(personas: dict[str, Any], hp_plan: Any) -> dict[str, Any]:
    assign_haiphong(hp_plan)
    t = hp_plan.targets.get(key="7.1")
    figure_save(actor=personas["editor_sct"], target=t, period=parse_period("2026-03"), value=13.5)
    figure_save(actor=personas["secretariat"], target=hp_plan.targets.get(key="5.1"), period=parse_period("2026-03"),
                value=60000.0)  # fmt: skip
    return personas


def _client(user: Any = None) -> Client:
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def test_anonymous_is_sent_to_login(trail: dict[str, Any]) -> None:
    resp = _client().get("/audit/")
    assert resp.status_code == 302 and resp["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("role", ["editor_sct", "editor_stc", "viewer_sct", "council", "nobody"])
def test_others_are_refused(trail: dict[str, Any], role: str) -> None:
    assert _client(trail[role]).get("/audit/").status_code == 403
    assert _client(trail[role]).get("/audit/?format=csv").status_code == 403


@pytest.mark.parametrize("role", ["secretariat", "admin"])
def test_secretariat_and_admin_see_the_trail(trail: dict[str, Any], role: str) -> None:
    html = _client(trail[role]).get("/audit/").content.decode()
    assert "figure.save" in html and "can_bo_sct" in html and "target.assign" in html


def test_filters(trail: dict[str, Any]) -> None:
    c = _client(trail["secretariat"])
    data = json.loads(c.get("/audit/", {"action": "figure.save", "format": "json"}).content)
    assert sorted(e["actor"] for e in data["entries"]) == ["can_bo_sct", "thu_ky"]
    only_sct = json.loads(
        c.get("/audit/", {"action": "figure.save", "agency": "SCT", "format": "json"}).content
    )
    assert [(e["actor"], e["object_id"]) for e in only_sct["entries"]] == [("can_bo_sct", "7.1@2026-03")]
    actor = json.loads(c.get("/audit/", {"actor": "thu_", "format": "json"}).content)
    assert {e["actor"] for e in actor["entries"]} == {"thu_ky"}
    future = json.loads(c.get("/audit/", {"date_from": "01/01/2099", "format": "json"}).content)
    assert future["entries"] == []
    plan = json.loads(c.get("/audit/", {"plan": "haiphong-2026", "format": "json"}).content)
    assert plan["entries"] and all(e["plan"] == "haiphong-2026" for e in plan["entries"])


def test_bad_date_is_reported(trail: dict[str, Any]) -> None:
    resp = _client(trail["secretariat"]).get("/audit/", {"date_from": "31/02/2026"})
    assert resp.status_code == 400 and str(ERR_DATE) in resp.content.decode()


def test_csv_export(trail: dict[str, Any]) -> None:
    resp = _client(trail["admin"]).get("/audit/", {"action": "figure.save", "format": "csv"})
    assert resp["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(resp.content.decode("utf-8-sig"))))
    assert {r["actor"] for r in rows} == {"can_bo_sct", "thu_ky"} and rows[0]["action"] == "figure.save"


def test_query_count(trail: dict[str, Any], django_assert_max_num_queries: Any) -> None:
    c = _client(trail["secretariat"])
    with django_assert_max_num_queries(12):
        assert c.get("/audit/").status_code == 200
