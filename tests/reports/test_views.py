"""The /reports/ pages: sign-in required, rights of other agencies, downloads, twins, bad input."""

from __future__ import annotations

import io
import json
from typing import Any

import docx
import pytest
from django.test import Client

from kehoach.reports.forms import ERR_AGENCY_REQUIRED, ERR_PERIOD
from kehoach.reports.views import ERR_FORBIDDEN, ERR_FORBIDDEN_AGENCY

pytestmark = pytest.mark.django_db
Q = "plan=haiphong-2026&as_of=2026-09&kind=monthly"


def _client(user: Any) -> Client:
    c = Client()
    c.force_login(user)
    return c


@pytest.mark.parametrize("path", ["/reports/", f"/reports/view/?{Q}", f"/reports/download/?{Q}&format=docx"])
def test_anonymous_is_sent_to_sign_in(hp_data: Any, path: str) -> None:
    resp = Client().get(path)
    assert resp.status_code == 302 and resp["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("path", ["/reports/", f"/reports/download/?{Q}&format=docx"])
def test_user_without_role_is_refused(hp_data: Any, personas: Any, path: str) -> None:
    resp = _client(personas["nobody"]).get(path)
    assert resp.status_code == 403 and ERR_FORBIDDEN in resp.content.decode()


def test_index_form_and_twins(hp_data: Any, personas: Any) -> None:
    c = _client(personas["viewer_sct"])
    html = c.get("/reports/").content.decode()
    assert 'data-testid="report-form"' in html and 'value="haiphong-2026"' in html
    data = json.loads(c.get("/reports/?format=json").content)
    assert [k["kind"] for k in data["kinds"]] == [
        "monthly",
        "quarterly",
        "half-year",
        "annual",
        "supervision",
        "agency",
    ]
    assert c.get("/reports/?format=csv").content.decode("utf-8-sig").startswith("kind,label")


def test_download_docx_for_a_member(hp_data: Any, personas: Any) -> None:
    resp = _client(personas["council"]).get(f"/reports/download/?{Q}&format=docx")
    assert resp.status_code == 200
    assert resp["Content-Disposition"] == 'attachment; filename="bao-cao-haiphong-2026-2026-09-monthly.docx"'
    d = docx.Document(io.BytesIO(resp.content))
    assert d.tables[0].rows[0].cells[1].paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_preview_with_download_buttons_and_json_twin(hp_data: Any, personas: Any) -> None:
    c = _client(personas["secretariat"])
    html = c.get(f"/reports/view/?{Q}").content.decode()
    assert "Độc lập - Tự do - Hạnh phúc" in html and "Số liệu minh họa" in html
    for fmt in ("docx", "pdf", "html"):
        assert (
            f"/reports/download/?plan=haiphong-2026&amp;as_of=2026-09&amp;kind=monthly&amp;format={fmt}"
            in html
        )
    data = json.loads(c.get(f"/reports/view/?{Q}&format=json").content)
    assert data["illustrative"] is True
    assert [r["TT"] for r in data["rows"] if r["TT"].isdigit()] == [str(n) for n in range(1, 23)]


@pytest.mark.parametrize("page", ["download", "view"])
@pytest.mark.parametrize("who", ["editor_sct", "viewer_sct"])
def test_agency_report_of_another_agency_is_refused(hp_data: Any, personas: Any, page: str, who: str) -> None:
    resp = _client(personas[who]).get(
        f"/reports/{page}/?plan=haiphong-2026&as_of=2026-09&kind=agency&agency=STC&format=docx"
    )
    assert resp.status_code == 403
    assert ERR_FORBIDDEN_AGENCY.format(agency="Sở Tài chính") in resp.content.decode()


def test_agency_report_of_own_agency_and_for_the_secretariat(hp_data: Any, personas: Any) -> None:
    url = "/reports/download/?plan=haiphong-2026&as_of=2026-09&kind=agency&agency=STC&format=html"
    own = _client(personas["editor_stc"]).get(url)
    assert own.status_code == 200 and "SỞ TÀI CHÍNH" in own.content.decode()
    assert _client(personas["secretariat"]).get(url).status_code == 200


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("plan=haiphong-2026&as_of=2026-13&kind=monthly", "as_of", ERR_PERIOD),
        ("plan=haiphong-2026&as_of=2026-09&kind=agency", "agency", ERR_AGENCY_REQUIRED),
        ("plan=haiphong-2026&as_of=2026-Q3&kind=monthly", "as_of", "không hợp với báo cáo monthly"),
    ],
)
def test_bad_request_shows_where_and_why(
    hp_data: Any, personas: Any, query: str, field: str, message: str
) -> None:
    from kehoach.audit.models import AuditEntry

    before = AuditEntry.objects.count()
    resp = _client(personas["viewer_sct"]).get(f"/reports/download/?{query}&format=docx")
    assert resp.status_code == 400
    html = resp.content.decode()
    assert f'data-testid="error-{field}"' in html and str(message) in html
    assert AuditEntry.objects.count() == before


def test_download_query_count_does_not_grow_per_indicator(
    hp_data: Any, personas: Any, django_assert_max_num_queries: Any
) -> None:
    c = _client(personas["council"])
    with django_assert_max_num_queries(22):
        assert c.get(f"/reports/download/?{Q}&format=html").status_code == 200


@pytest.mark.skipif(
    __import__("kehoach.formats.pdf", fromlist=["available_engine"]).available_engine() is None,
    reason="no LibreOffice nor Chromium",
)
def test_download_pdf(hp_data: Any, personas: Any) -> None:
    resp = _client(personas["council"]).get(
        "/reports/download/?plan=haiphong-2026&as_of=2026-H1&kind=half-year&format=pdf"
    )
    assert resp.status_code == 200 and resp["Content-Type"] == "application/pdf"
    assert resp.content.startswith(b"%PDF")
    assert resp["Content-Disposition"] == 'attachment; filename="bao-cao-haiphong-2026-2026-H1-half-year.pdf"'
