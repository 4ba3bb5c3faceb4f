"""The indicator page: chart, figures and revisions, agencies, comments and replies."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client

from kehoach.audit.models import AuditEntry
from kehoach.dashboard.forms import ERR_EMPTY
from kehoach.dashboard.models import Comment
from kehoach.dashboard.services import ERR_NOT_ALLOWED, ERR_REPLY_ONLY
from kehoach.plans.models import Indicator

pytestmark = pytest.mark.django_db


def _client(user=None) -> Client:
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def test_anonymous_sees_chart_figures_and_agencies(figures) -> None:
    Indicator.objects.filter(plan=figures, n=5).update(
        source="Thu ngân sách nhà nước trên địa bàn 194.935,654 tỷ đồng"
    )
    resp = _client().get("/indicators/5/")
    html = resp.content.decode()
    assert resp.status_code == 200
    assert html.count('data-testid="chart"') == 1  # only 5.1 has figures
    assert "<svg" in html and "Thu ngân sách nhà nước trên địa bàn 194.935,654 tỷ đồng" in html
    assert "Sở Tài chính" in html
    assert "48.123,5 tỷ đồng" in html and "#1: 48.123,5" in html
    assert 'data-testid="comment-form"' not in html
    assert "để xem và gửi ý kiến" in html


def test_unpublished_figures_hidden_from_the_public(figures, personas) -> None:
    assert "16,5 tỷ USD" not in _client().get("/indicators/7/").content.decode()
    html = _client(personas["editor_stc"]).get("/indicators/7/").content.decode()
    assert "16,5 tỷ USD" in html and "đã gửi" in html


def test_json_and_csv_twins(figures) -> None:
    data = json.loads(_client().get("/indicators/5/", {"format": "json"}).content)
    assert data["indicator"]["n"] == 5 and len(data["indicator"]["targets"]) == 3
    assert [f["period"] for f in data["figures"]] == ["2026-03", "2026-02", "2026-01"]
    assert data["charts"][0]["layer"]  # the Vega-Lite specification itself
    rows = list(
        csv.DictReader(io.StringIO(_client().get("/indicators/5/?format=csv").content.decode("utf-8-sig")))
    )
    assert [r["value"] for r in rows] == ["48123.5", "31000.0", "15000.0"]


def test_unknown_indicator_is_404(figures) -> None:
    assert _client().get("/indicators/99/").status_code == 404


def test_council_comments_and_lead_editor_replies(figures, personas) -> None:
    council = _client(personas["council"])
    resp = council.post("/indicators/5/comment/", {"text": "Vì sao thu nội địa chậm?"})
    assert resp.status_code == 302 and resp["Location"].endswith("/indicators/5/#comments")
    first = Comment.objects.get()
    assert (first.author_role, first.parent) == ("council", None)
    editor = _client(personas["editor_stc"])
    assert (
        editor.post("/indicators/5/comment/", {"text": "Do giá đất.", "parent": first.pk}).status_code == 302
    )
    reply = Comment.objects.exclude(pk=first.pk).get()
    assert reply.parent == first and reply.agency.code == "STC"
    assert AuditEntry.objects.filter(action__in=["comment.create", "comment.reply"]).count() == 2
    html = council.get("/indicators/5/").content.decode()
    assert "Vì sao thu nội địa chậm?" in html and "Do giá đất." in html


def test_other_agency_editor_cannot_reply(figures, personas) -> None:
    first = Comment.objects.create(
        plan=figures,
        indicator=Indicator.objects.get(plan=figures, n=5),
        text="?",
        author_label="x",
        author_role="council",
    )
    resp = _client(personas["editor_sct"]).post(
        "/indicators/5/comment/", {"text": "Trả lời", "parent": first.pk}
    )
    assert resp.status_code == 403 and ERR_NOT_ALLOWED in resp.content.decode()
    assert Comment.objects.count() == 1


def test_editor_cannot_open_a_comment(figures, personas) -> None:
    resp = _client(personas["editor_stc"]).post("/indicators/5/comment/", {"text": "Ý kiến"})
    assert resp.status_code == 403 and ERR_REPLY_ONLY in resp.content.decode()
    assert not Comment.objects.exists()


def test_empty_comment_is_refused(figures, personas) -> None:
    resp = _client(personas["council"]).post("/indicators/5/comment/", {"text": "   "})
    assert resp.status_code == 400 and str(ERR_EMPTY) in resp.content.decode()
    assert not Comment.objects.exists()


def test_anonymous_cannot_comment(figures) -> None:
    resp = _client().post("/indicators/5/comment/", {"text": "x"})
    assert resp.status_code == 302 and "/accounts/login/" in resp["Location"]
    assert not Comment.objects.exists()


def test_indicator_page_queries_do_not_grow_with_figures(figures, django_assert_max_num_queries) -> None:
    from tests.dashboard.conftest import add_figure

    client = _client()
    client.get("/indicators/5/")
    with django_assert_max_num_queries(16) as ctx:
        client.get("/indicators/5/")
    for m in (4, 5, 6):
        add_figure(figures, "5.2", f"2026-{m:02d}", 1000.0 * m)
    with django_assert_max_num_queries(len(ctx.captured_queries)):
        client.get("/indicators/5/")


def test_agency_explanations_are_shown(figures) -> None:
    from tests.dashboard.conftest import add_figure

    add_figure(
        figures, "5.2", "2026-03", 20000.0, explanation="Thu tiền sử dụng đất chậm do thị trường trầm lắng."
    )
    html = _client().get("/indicators/5/").content.decode()
    assert "5.2, Tháng 3/2026: Thu tiền sử dụng đất chậm do thị trường trầm lắng." in html
