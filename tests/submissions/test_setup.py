"""The secretariat's setup pages: target assignment and scenario versions, by role, through the test client."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from openpyxl import Workbook

from kehoach.audit.models import AuditEntry
from kehoach.core.periods import parse_period
from kehoach.submissions.forms import ERR_NOT_NUMBER
from kehoach.submissions.forms_setup import ERR_CELL, ERR_NO_VALUES
from kehoach.submissions.models import ScenarioSet, ScenarioValue
from kehoach.submissions.selectors import plan_target_series
from kehoach.submissions.services import scenario_set_create

ASSIGN = "/figures/setup/haiphong-2026/assign/"
SCENARIOS = "/figures/setup/haiphong-2026/scenarios/"
URLS = [ASSIGN, SCENARIOS]
REFUSED = ["editor_sct", "editor_stc", "viewer_sct", "council", "nobody"]


def _client(user: Any = None) -> Client:
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def _assign_post(plan: Any, **changes: dict[str, Any]) -> dict[str, Any]:
    """Every row as it is now, with ``changes`` by target key (the page posts every row)."""
    data: dict[str, Any] = {"reason": "Theo Quyết định số 15/QĐ-UBND"}
    for t in plan.targets.select_related("lead_agency").prefetch_related("cooperating_agencies"):
        row = {
            "lead": t.lead_agency.code if t.lead_agency else "",
            "cooperating": [a.code for a in t.cooperating_agencies.all()],
            "frequency": t.frequency,
            "behaviour": t.behaviour,
            **changes.get(t.key, {}),
        }
        for name, value in row.items():
            data[f"{t.key}-{name}"] = value
    return data


def _grid(**cells: str) -> dict[str, str]:
    data = {
        "action": "grid",
        "name": "Kịch bản điều chỉnh",
        "basis": "Quyết định số 15/QĐ-UBND ngày 10/01/2026",
    }
    for cell, text in cells.items():
        key, period = cell.split("@")
        data[f"s-{key.replace('_', '.')}-{period}"] = text
    return data


@pytest.mark.parametrize("url", URLS)
def test_anonymous_is_sent_to_login(plan: Any, url: str) -> None:
    for resp in (_client().get(url), _client().post(url, {"action": "grid"})):
        assert resp.status_code == 302 and resp["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("who", REFUSED)
@pytest.mark.parametrize("url", URLS)
def test_other_roles_are_refused_and_change_nothing(people: dict[str, Any], url: str, who: str) -> None:
    c = _client(people[who])
    assert c.get(url).status_code == 403
    assert c.post(ASSIGN, _assign_post(_plan(), **{"7.1": {"lead": "STC"}})).status_code == 403
    assert c.post(SCENARIOS, _grid(**{"7_1@2026-Q1": "12"})).status_code == 403
    assert _plan().targets.get(key="7.1").lead_agency.code == "SCT"
    assert not ScenarioSet.objects.exists() and not AuditEntry.objects.filter(actor__isnull=False).exists()


def _plan() -> Any:
    from kehoach.plans.models import Plan

    return Plan.objects.get(code="haiphong-2026")


@pytest.mark.parametrize("who", ["secretariat", "admin"])
def test_secretariat_and_admin_see_both_pages_and_the_links(people: dict[str, Any], who: str) -> None:
    c = _client(people[who])
    index = c.get("/figures/").content.decode()
    assert ASSIGN in index and SCENARIOS in index
    page = c.get(ASSIGN).content.decode()
    assert "Kim ngạch xuất khẩu" in page and 'name="7.1-lead"' in page and "52 tỷ USD" in page
    grid = c.get(SCENARIOS).content.decode()
    assert 'name="s-7.1-2026-Q1"' in grid and 'name="s-7.1-2026-05"' in grid
    assert 'name="s-1.1-2026-Q2"' in grid and 'name="s-1.1-2026-05"' not in grid  # quarterly: no months
    assert 'name="s-3.1-2026-Q1"' not in grid  # a rate has no period scenario


def test_links_hidden_from_editors(people: dict[str, Any]) -> None:
    assert ASSIGN not in _client(people["editor_sct"]).get("/figures/").content.decode()


def test_assignment_saves_changed_rows_with_audit_and_reason(people: dict[str, Any], plan: Any) -> None:
    c = _client(people["secretariat"])
    changes = {"7.1": {"lead": "STC", "cooperating": ["SCT", "BQLKKT"], "frequency": "quarterly"}}
    resp = c.post(ASSIGN, _assign_post(plan, **changes))
    assert resp.status_code == 302
    t = plan.targets.get(key="7.1")
    assert t.lead_agency.code == "STC" and t.frequency == "quarterly"
    assert sorted(a.code for a in t.cooperating_agencies.all()) == ["BQLKKT", "SCT"]
    entries = AuditEntry.objects.filter(action="target.assign", actor__isnull=False)
    assert [e.object_id for e in entries] == ["7.1"]  # unchanged rows are not rewritten
    assert entries[0].reason == "Theo Quyết định số 15/QĐ-UBND" and entries[0].actor_label == "thu_ky"
    assert sorted(entries[0].data["cooperating"]) == ["BQLKKT", "SCT"]


def test_assignment_with_a_bad_choice_changes_nothing(people: dict[str, Any], plan: Any) -> None:
    c = _client(people["secretariat"])
    data = _assign_post(plan, **{"7.1": {"lead": "STC"}, "5.1": {"behaviour": "magic"}})
    resp = c.post(ASSIGN, data)
    assert resp.status_code == 400 and "magic" in resp.content.decode()
    assert plan.targets.get(key="7.1").lead_agency.code == "SCT"
    assert not AuditEntry.objects.filter(action="target.assign", actor__isnull=False).exists()


def test_assign_page_query_count_does_not_grow_per_target(
    people: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    c = _client(people["secretariat"])
    with django_assert_max_num_queries(15):
        assert c.get(ASSIGN).status_code == 200
    with django_assert_max_num_queries(15):
        assert c.get(SCENARIOS).status_code == 200


def test_grid_with_one_bad_cell_changes_nothing_and_names_the_cell(people: dict[str, Any]) -> None:
    c = _client(people["secretariat"])
    resp = c.post(SCENARIOS, _grid(**{"7_1@2026-Q1": "12,5", "7_1@2026-Q2": "mười"}))
    page = resp.content.decode()
    assert resp.status_code == 400
    expected = str(ERR_CELL).format(key="7.1", period=parse_period("2026-Q2").label(), message=ERR_NOT_NUMBER)
    assert expected in page and 'value="mười"' in page and 'value="12,5"' in page
    assert not ScenarioSet.objects.exists() and not ScenarioValue.objects.exists()


def test_empty_grid_is_refused(people: dict[str, Any]) -> None:
    resp = _client(people["secretariat"]).post(SCENARIOS, _grid())
    assert resp.status_code == 400 and str(ERR_NO_VALUES) in resp.content.decode()
    assert not ScenarioSet.objects.exists()


def test_good_grid_makes_a_new_active_version_and_keeps_the_old(people: dict[str, Any], plan: Any) -> None:
    old = scenario_set_create(
        actor=None, plan=plan, name="Ban đầu", basis="", values={"7.1": {"2026-Q1": 10.0}}
    )
    c = _client(people["secretariat"])
    resp = c.post(SCENARIOS, _grid(**{"7_1@2026-Q1": "12,5", "7_1@2026-06": "1.234,5"}))
    assert resp.status_code == 302
    new = ScenarioSet.objects.get(active=True)
    assert new.pk != old.pk and new.basis == "Quyết định số 15/QĐ-UBND ngày 10/01/2026"
    assert new.created_by == people["secretariat"]
    assert {(v.target.key, v.period, v.value) for v in new.values.select_related("target")} == {
        ("7.1", "2026-Q1", 12.5),
        ("7.1", "2026-06", 1234.5),
    }
    old.refresh_from_db()
    assert not old.active and old.values.count() == 1
    page = c.get(SCENARIOS).content.decode()
    assert "Ban đầu" in page and "Kịch bản điều chỉnh" in page and "10/01/2026" in page
    _, series = plan_target_series(plan_id=plan.code, as_of=parse_period("2026-09"))
    assert series["7.1"].scenario == {"2026-Q1": 12.5, "2026-06": 1234.5}


def test_activate_an_older_version(people: dict[str, Any], plan: Any) -> None:
    old = scenario_set_create(actor=None, plan=plan, name="A", basis="", values={"7.1": {"2026-Q1": 10.0}})
    scenario_set_create(actor=None, plan=plan, name="B", basis="", values={"7.1": {"2026-Q1": 11.0}})
    c = _client(people["secretariat"])
    assert c.post(SCENARIOS, {"action": "activate", "scenario": old.pk}).status_code == 302
    assert list(ScenarioSet.objects.filter(active=True).values_list("name", flat=True)) == ["A"]
    assert ScenarioSet.objects.count() == 2
    assert c.post(SCENARIOS, {"action": "activate", "scenario": "abc"}).status_code == 404
    assert AuditEntry.objects.filter(action="scenario.activate", object_id=str(old.pk)).exists()
    _, series = plan_target_series(plan_id=plan.code, as_of=parse_period("2026-09"))
    assert series["7.1"].scenario == {"2026-Q1": 10.0}


def _xlsx(rows: list[list[Any]]) -> io.BytesIO:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    buf.name = "kich-ban.xlsx"
    return buf


def test_upload_excel_creates_a_version(people: dict[str, Any], plan: Any) -> None:
    f = _xlsx([["Mã chỉ tiêu", "2026-Q1", "2026-Q2"], ["7.1", 12, 25]])
    data = {"action": "upload", "name": "Từ Excel", "basis": "QĐ 15", "file": f}
    assert _client(people["secretariat"]).post(SCENARIOS, data).status_code == 302
    sset = ScenarioSet.objects.get(active=True)
    assert sset.name == "Từ Excel" and sset.values.count() == 2


def test_upload_with_unknown_target_changes_nothing(people: dict[str, Any], plan: Any) -> None:
    f = _xlsx([["Mã chỉ tiêu", "2026-Q1"], ["99.9", 12]])
    resp = _client(people["secretariat"]).post(SCENARIOS, {"action": "upload", "name": "X", "file": f})
    assert resp.status_code == 400 and "99.9" in resp.content.decode()
    assert not ScenarioSet.objects.exists()


def test_twins(people: dict[str, Any], plan: Any) -> None:
    scenario_set_create(actor=None, plan=plan, name="A", basis="QĐ 1", values={"7.1": {"2026-Q1": 10.0}})
    c = _client(people["secretariat"])
    data = c.get(SCENARIOS + "?format=json").json()
    assert data["scenarios"][0]["name"] == "A" and data["scenarios"][0]["active"] is True
    rows = c.get(ASSIGN + "?format=json").json()["targets"]
    assert {"key": "7.1", "lead": "SCT"}.items() <= next(r for r in rows if r["key"] == "7.1").items()
    assert "7.1" in c.get(ASSIGN + "?format=csv").content.decode("utf-8-sig")
