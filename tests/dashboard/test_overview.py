"""The overview at ``/``: what a visitor and a member see, its twins, filters and query count."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from django.test import Client

from kehoach.plans.models import Target
from tests.dashboard.conftest import add_figure

pytestmark = pytest.mark.django_db


def _json(client: Client, path: str) -> dict:
    resp = client.get(path, {"format": "json"} if "?" not in path else None)
    assert resp.status_code == 200
    assert resp["Content-Type"].startswith("application/json")
    return json.loads(resp.content)


def test_anonymous_sees_published_figures_only(figures, personas) -> None:
    html = Client().get("/").content.decode()
    assert "Chủ động thực thi; phát huy động lực; tăng trưởng bứt phá" in html
    assert 'href="/plan/"' in html
    assert html.count('data-indicator="') == 22
    assert "Tháng 3/2026" in html  # the latest published period is the default
    assert "48.123,5 tỷ đồng" in html
    assert "16,5 tỷ USD" not in html  # April exports are only submitted


def test_member_sees_submitted_figures(figures, personas) -> None:
    client = Client()
    client.force_login(personas["viewer_sct"])
    data = _json(client, "/")
    assert data["as_of"] == "2026-04"
    exports = next(r for r in data["indicators"] if r["n"] == 7)
    assert exports["latest"] == {
        "value": 16.5,
        "unit": "tỷ USD",
        "period": "2026-04",
        "period_label": "Tháng 4/2026",
        "vintage": "estimate",
    }


def test_json_twin_contract(figures) -> None:
    data = _json(Client(), "/")
    assert len(data["indicators"]) == 22
    for row in data["indicators"]:
        assert {"n", "name", "targets", "latest", "verdict"} <= set(row)
        assert row["targets"] and all("text" in t and "key" in t for t in row["targets"])
    budget = next(r for r in data["indicators"] if r["n"] == 5)
    assert budget["latest"]["value"] == 48123.5 and budget["latest"]["vintage"] == "preliminary"
    assert budget["trend"] == [15000.0, 31000.0, 48123.5]
    assert {"on_scenario", "behind_scenario", "annual_only", "indicators", "indicators_met"} <= set(
        data["counts"]
    )


def test_csv_twin_has_one_row_per_target(figures) -> None:
    resp = Client().get("/", {"format": "csv"})
    assert resp["Content-Disposition"].startswith("attachment;")
    rows = list(csv.DictReader(io.StringIO(resp.content.decode("utf-8-sig"))))
    assert len(rows) == Target.objects.filter(plan=figures).count()
    row = next(r for r in rows if r["key"] == "5.1")
    assert (row["value"], row["period"], row["lead_agency"]) == ("48123.5", "2026-03", "STC")


def test_stable_period_urls_agree(figures) -> None:
    a = _json(Client(), "/p/2026-02/?format=json")
    b = _json(Client(), "/?period=2026-02&format=json")
    assert a == b
    assert a["as_of"] == "2026-02"
    assert next(r for r in a["indicators"] if r["n"] == 5)["latest"]["value"] == 31000.0


def test_bad_period_is_a_clear_error(figures) -> None:
    resp = Client().get("/", {"period": "2026-13"})
    assert resp.status_code == 400
    assert "kỳ báo cáo không hợp lệ" in resp.content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [({"group": "Môi trường"}, {19, 20}), ({"agency": "SCT"}, {7}), ({"agency": "TK"}, {7})],
)
def test_filters(figures, params, expected) -> None:
    data = _json(Client(), "/?" + "&".join(f"{k}={v}" for k, v in params.items()) + "&format=json")
    assert {r["n"] for r in data["indicators"]} == expected


def test_verdict_filter_partitions_the_indicators(figures) -> None:
    seen: list[int] = []
    for verdict in ("ok", "warn", "bad", "none"):
        data = _json(Client(), f"/?verdict={verdict}&format=json")
        assert all(r["verdict_class"] == verdict for r in data["indicators"])
        seen += [r["n"] for r in data["indicators"]]
    assert sorted(seen) == list(range(1, 23))


def test_filter_form_works_without_javascript(figures) -> None:
    html = Client().get("/", {"group": "Quốc phòng - An ninh"}).content.decode()
    assert re.findall(r'data-indicator="(\d+)"', html) == ["21", "22"]
    assert "<option selected>Quốc phòng - An ninh</option>" in html


def test_not_reported_lists_agencies_without_figures(figures) -> None:
    data = _json(Client(), "/?period=2026-03&format=json")
    missing = {a["code"]: a for a in data["not_reported"]}
    assert "SXD" in missing and missing["SXD"]["targets"] == ["18.1"]
    assert "SCT" not in missing
    assert set(missing["STC"]["targets"]) == {"5.2", "5.3"}  # 5.1 was reported
    html = Client().get("/", {"period": "2026-03"}).content.decode()
    assert '<abbr title="Sở Xây dựng">SXD</abbr>' in html


def test_no_query_per_indicator(figures, django_assert_max_num_queries) -> None:
    client = Client()
    client.get("/")  # warm caches (sessions, content types)
    # 15: the public series adds one query for figures under correction (shown as last published).
    with django_assert_max_num_queries(15) as ctx:
        client.get("/")
    before = len(ctx.captured_queries)
    for key in ["1.1", "2.1", "3.1", "4.1", "6.1", "8.1", "9.1", "13.1", "15.1", "16.1", "19.1"]:
        for m in (1, 2, 3):
            add_figure(figures, key, f"2026-{m:02d}", 10.0 + m)
    with django_assert_max_num_queries(before):
        client.get("/")


def test_tasks_summary_counts_the_four_states(figures) -> None:
    import datetime as dt

    from kehoach.tasks.models import TaskItem

    TaskItem.objects.filter(plan=figures).delete()
    today = dt.date.today()
    rows = [
        ("a", today - dt.timedelta(days=10), today - dt.timedelta(days=12)),
        ("b", today - dt.timedelta(days=10), today - dt.timedelta(days=2)),
        ("c", today + dt.timedelta(days=10), None),
        ("d", today - dt.timedelta(days=1), None),
        ("e", today - dt.timedelta(days=5), None),
    ]
    for i, (key, deadline, done) in enumerate(rows):
        TaskItem.objects.create(
            plan=figures, key=key, section="2.a", position=i, text=key, deadline=deadline, completed_on=done
        )
    tasks = _json(Client(), "/")["tasks"]
    states = {s["code"]: s["count"] for s in tasks["states"]}
    assert states == {"overdue": 2, "in_progress": 1, "done_late": 1, "done_on_time": 1, "continuing": 0}
    assert next(s for s in tasks["sections"] if s["n"] == "2")["overdue"] == 2


def test_illustrative_banner(figures) -> None:
    from kehoach.dashboard.context import reset_cache
    from kehoach.submissions.models import Figure

    reset_cache()
    assert "Số liệu minh họa" not in Client().get("/").content.decode()
    Figure.objects.filter(period="2026-01").update(is_illustrative=True)
    reset_cache()
    assert "Số liệu minh họa" in Client().get("/").content.decode()


def test_overview_in_english(figures) -> None:
    client = Client()
    client.cookies["django_language"] = "en"
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "48,123.5 tỷ đồng" in html
    assert "March 2026" in html


def test_healthz() -> None:
    resp = Client().get("/healthz")
    assert resp.status_code == 200 and resp.content == b"ok"


def test_empty_database_overview_says_so() -> None:
    resp = Client().get("/")
    assert resp.status_code == 404
    assert "kehoach plan load" in resp.content.decode()
