"""The collection pages through the Django test client: rights, validation beside the field, conflicts."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from kehoach.core.periods import parse_period
from kehoach.formats.excel import SHEET
from kehoach.submissions.forms import ERR_AMBIGUOUS, ERR_NOT_NUMBER
from kehoach.submissions.models import Figure, PeriodLock
from kehoach.submissions.services import figure_save
from tests.submissions.conftest import make_figure

FORM = "/figures/haiphong-2026/SCT/2026-03/"
URLS = [
    "/figures/",
    FORM,
    FORM + "template.xlsx",
    FORM + "upload/",
    "/figures/review/haiphong-2026/2026-03/",
    "/figures/export/haiphong-2026/?format=csv",
]


def _client(user: Any = None) -> Client:
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def _post(values: dict[str, Any], versions: dict[str, int] | None = None, **extra: str) -> dict[str, Any]:
    data: dict[str, Any] = dict(extra)
    for key in ("4.1", "7.1"):
        data[f"{key}-version"] = (versions or {}).get(key, 0)
        data[f"{key}-vintage"] = "estimate"
        data[f"{key}-value"] = values.get(key, "")
        data[f"{key}-explanation"] = values.get(f"{key}-explanation", "")
    return data


@pytest.mark.parametrize("url", URLS)
def test_anonymous_is_sent_to_login(plan: Any, url: str) -> None:
    resp = _client().get(url)
    assert resp.status_code == 302 and resp["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("url", URLS)
def test_signed_in_without_role_is_refused(people: dict[str, Any], url: str) -> None:
    assert _client(people["nobody"]).get(url).status_code == 403


def test_other_agency_reads_but_cannot_write(people: dict[str, Any]) -> None:
    c = _client(people["editor_stc"])
    page = c.get(FORM).content.decode()
    assert "Kim ngạch xuất khẩu" in page and 'name="7.1-value"' not in page
    assert c.post(FORM, _post({"7.1": "14"})).status_code == 403
    assert c.get(FORM + "upload/").status_code == 403
    assert c.get("/figures/review/haiphong-2026/2026-03/").status_code == 403
    assert not Figure.objects.exists()


def test_editor_saves_vietnamese_numbers(people: dict[str, Any]) -> None:
    c = _client(people["editor_sct"])
    page = c.get(FORM).content.decode()
    assert 'name="7.1-value"' in page and "52 tỷ USD" in page
    resp = c.post(FORM, _post({"7.1": "13,6", "4.1": "15,8"}))
    assert resp.status_code == 302
    assert Figure.objects.get(target__key="7.1").value == 13.6
    assert Figure.objects.get(target__key="4.1").revisions.get().created_by_label == "can_bo_sct"
    assert 'value="13,6"' in c.get(FORM).content.decode()


def test_errors_beside_the_field_and_nothing_saved(people: dict[str, Any]) -> None:
    c = _client(people["editor_sct"])
    resp = c.post(FORM, _post({"7.1": "1,234", "4.1": "mười"}))
    assert resp.status_code == 400
    html = resp.content.decode()
    assert str(ERR_AMBIGUOUS) in html and str(ERR_NOT_NUMBER) in html
    assert 'value="1,234"' in html  # what was typed stays on the page
    assert not Figure.objects.exists()


def test_service_errors_beside_the_field(people: dict[str, Any]) -> None:
    c = _client(people["editor_sct"])
    resp = c.post(FORM, _post({"7.1": "10", "4.1": "15,8"}))  # 7.1 behind: explanation required
    assert resp.status_code == 400
    row = resp.content.decode().split('id="row-7.1"')[1].split("</tr>")[0]
    assert "cần nêu nguyên nhân và giải pháp" in row
    assert not Figure.objects.exists()  # 4.1 was fine but nothing is saved


def test_conflict_page_shows_both_values_and_keeps_mine(people: dict[str, Any], plan: Any) -> None:
    make_figure(plan, "7.1", "2026-03", 13.5)
    c = _client(people["editor_sct"])
    figure_save(actor=people["secretariat"], target=plan.targets.get(key="7.1"), period=parse_period("2026-03"),
                value=13.8)  # fmt: skip
    resp = c.post(FORM, _post({"7.1": "14,1"}, {"7.1": 1}))
    assert resp.status_code == 409
    html = resp.content.decode()
    assert 'data-testid="current">13,8' in html and 'data-testid="mine">14,1' in html
    assert Figure.objects.get(target__key="7.1").value == 13.8
    # "keep mine" posts the same values with the version now current
    resend = c.post(FORM, {"7.1-value": "14,1", "7.1-vintage": "estimate", "7.1-version": 2,
                           "7.1-explanation": "", "reason": ""})  # fmt: skip
    assert resend.status_code == 302
    assert Figure.objects.get(target__key="7.1").value == 14.1


def test_submit_review_publish_lock(people: dict[str, Any]) -> None:
    ed, sec = _client(people["editor_sct"]), _client(people["secretariat"])
    ed.post(FORM, _post({"7.1": "13,6"}, submit="1"))
    fig = Figure.objects.get(target__key="7.1")
    assert fig.status == "submitted"
    review = "/figures/review/haiphong-2026/2026-03/"
    assert "Kim ngạch xuất khẩu" in sec.get(review).content.decode()
    sec.post(review, {"action": "approve", "figure": [fig.pk]})
    sec.post(review, {"action": "publish", "figure": [fig.pk]})
    assert Figure.objects.get(pk=fig.pk).status == "published"
    sec.post(review, {"action": "lock"})
    assert PeriodLock.objects.filter(period="2026-03").exists()
    assert 'name="7.1-value"' not in ed.get(FORM).content.decode()
    assert ed.post(FORM, _post({"7.1": "13,9"})).status_code == 403


def test_return_needs_a_reason(people: dict[str, Any], plan: Any) -> None:
    fig = make_figure(plan, "7.1", "2026-03", 13.5, "submitted")
    sec = _client(people["secretariat"])
    sec.post("/figures/review/haiphong-2026/2026-03/", {"action": "return", "figure": [fig.pk]})
    assert Figure.objects.get(pk=fig.pk).status == "submitted"
    sec.post(
        "/figures/review/haiphong-2026/2026-03/",
        {"action": "return", "figure": [fig.pk], "reason": "sai đơn vị"},
    )
    assert Figure.objects.get(pk=fig.pk).status == "draft"


def test_template_download_and_upload(people: dict[str, Any]) -> None:
    c = _client(people["editor_sct"])
    resp = c.get(FORM + "template.xlsx")
    assert resp["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = load_workbook(io.BytesIO(resp.content))
    ws = wb[SHEET]
    row = next(n for n in range(7, 12) if ws[f"A{n}"].value == "7.1")
    ws[f"D{row}"] = "=1+1"
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    buf.name = "bieu-mau.xlsx"
    bad = c.post(FORM + "upload/", {"file": buf})
    assert bad.status_code == 400 and f"ô D{row}: ô chứa công thức" in bad.content.decode()
    ws[f"D{row}"] = "13,6"
    good = io.BytesIO()
    wb.save(good)
    good.seek(0)
    good.name = "bieu-mau.xlsx"
    assert c.post(FORM + "upload/", {"file": good}).status_code == 302
    assert Figure.objects.get(target__key="7.1").revisions.get().channel == "excel"


def test_upload_of_another_period_is_refused(people: dict[str, Any]) -> None:
    c = _client(people["editor_sct"])
    other = io.BytesIO(c.get("/figures/haiphong-2026/SCT/2026-04/template.xlsx").content)
    other.name = "x.xlsx"
    resp = c.post(FORM + "upload/", {"file": other})
    assert resp.status_code == 400 and "biểu mẫu của kỳ &#x27;2026-04&#x27;" in resp.content.decode()


def test_history_and_twins(people: dict[str, Any], plan: Any) -> None:
    fig = make_figure(plan, "7.1", "2026-03", 13.5)
    figure_save(actor=people["editor_sct"], target=fig.target, period=parse_period("2026-03"), value=13.7)
    c = _client(people["viewer_sct"])
    html = c.get(f"/figures/history/{fig.pk}/").content.decode()
    assert "can_bo_sct" in html and "hệ thống" in html
    data = json.loads(c.get(f"/figures/history/{fig.pk}/?format=json").content)
    assert [r["value"] for r in data["revisions"]] == [13.7, 13.5]
    form = json.loads(c.get(FORM + "?format=json").content)
    assert [r["target"] for r in form["rows"]] == ["4.1", "7.1"]  # the stretch target 4.2 reads 4.1
    assert _client().get(f"/figures/history/{fig.pk}/").status_code == 302


def test_form_page_query_count(people: dict[str, Any], plan: Any, django_assert_max_num_queries: Any) -> None:
    from kehoach.submissions.bootstrap import illustrative_load

    illustrative_load(plan=plan)
    c = _client(people["secretariat"])
    with django_assert_max_num_queries(20):
        resp = c.get("/figures/haiphong-2026/STC/2026-10/")
    assert resp.status_code == 200 and "Thu ngân sách" in resp.content.decode()


def test_index_lists_missing_reports(people: dict[str, Any], plan: Any) -> None:
    c = _client(people["secretariat"])
    data = json.loads(c.get("/figures/?format=json").content)
    assert {a["code"] for a in data["agencies"]} >= {"SCT", "STC", "SXD"}
    mine = json.loads(_client(people["editor_sct"]).get("/figures/?format=json").content)
    assert [a["code"] for a in mine["agencies"]] == ["SCT"]
    resp = c.get("/figures/?agency=SCT&period=2026-03")
    assert resp.status_code == 302 and resp["Location"] == FORM


def test_index_and_review_query_counts(
    people: dict[str, Any], plan: Any, django_assert_max_num_queries: Any
) -> None:
    from kehoach.submissions.bootstrap import illustrative_load

    illustrative_load(plan=plan)
    c = _client(people["secretariat"])
    with django_assert_max_num_queries(15):
        assert c.get("/figures/").status_code == 200
    with django_assert_max_num_queries(15):
        html = c.get("/figures/review/haiphong-2026/2026-10/").content.decode()
    assert "Thu ngân sách" in html and "SXD" in html  # a submitted figure and a missing report


def test_fresh_database_gets_the_illustrative_data(db: Any) -> None:
    from kehoach.plans.bootstrap import ensure_default_plan

    assert ensure_default_plan()
    assert Figure.objects.filter(is_illustrative=True).count() > 800
    from kehoach.dashboard.context import reset_cache

    reset_cache()  # the banner's answer is cached for a few seconds
    html = _client().get("/").content.decode()
    assert "Số liệu minh họa" in html
