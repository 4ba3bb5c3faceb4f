"""The JSON API: anonymous reads published figures only; agency tokens submit their own targets only."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from kehoach.api.routes import ERR_TOKEN
from kehoach.audit.models import AuditEntry
from kehoach.core.periods import parse_period
from kehoach.submissions.models import Figure, FigureRevision
from kehoach.submissions.services import (
    figure_approve,
    figure_publish,
    figure_save,
    figure_submit,
    period_lock,
)
from tests.api.conftest import bearer

URL = "/api/plans/haiphong-2026/figures"


def _published(plan: Any, key: str, period: str, value: float) -> Figure:
    f = figure_save(actor=None, target=plan.targets.get(key=key), period=parse_period(period), value=value,
                    explanation="x").figure  # fmt: skip
    return figure_publish(
        actor=None, figure=figure_approve(actor=None, figure=figure_submit(actor=None, figure=f))
    )


def _post(client: Client, body: dict[str, Any], url: str = URL) -> Any:
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_openapi(plan: Any) -> None:
    doc = Client().get("/api/openapi.json").json()
    assert "/api/plans/{plan}/figures" in doc["paths"]
    assert "post" in doc["paths"]["/api/plans/{plan}/figures"]
    assert doc["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"


def test_anonymous_reads_published_only(plan: Any) -> None:
    _published(plan, "7.1", "2026-02", 9.0)
    figure_save(actor=None, target=plan.targets.get(key="7.1"), period=parse_period("2026-03"), value=13.5)
    rows = Client().get(URL).json()
    assert [(r["target"], r["period"], r["value"], r["status"]) for r in rows] == [
        ("7.1", "2026-02", 9.0, "published")
    ]
    assert rows[0]["period_label"] == "Tháng 2/2026"


def test_anonymous_reads_a_corrected_figure_as_last_published(plan: Any, tokens: dict[str, str]) -> None:
    f = _published(plan, "7.1", "2026-02", 9.0)
    figure_save(actor=None, target=f.target, period=parse_period("2026-02"), value=9.4, explanation="sửa", reason="Hải quan điều chỉnh",
                expected_version=f.version)  # fmt: skip
    public = Client().get(URL).json()
    assert [(r["period"], r["value"], r["status"]) for r in public] == [("2026-02", 9.0, "published")]
    internal = bearer(tokens["STC"]).get(URL, {"target": "7.1"}).json()
    assert [(r["period"], r["value"], r["status"]) for r in internal] == [("2026-02", 9.4, "draft")]


def test_token_reads_unpublished_too(plan: Any, tokens: dict[str, str]) -> None:
    _published(plan, "7.1", "2026-02", 9.0)
    figure_save(actor=None, target=plan.targets.get(key="7.1"), period=parse_period("2026-03"), value=13.5)
    rows = bearer(tokens["STC"]).get(URL, {"target": "7.1"}).json()
    assert [r["period"] for r in rows] == ["2026-02", "2026-03"]


def test_bad_token_is_401(plan: Any) -> None:
    resp = bearer("kh_not-a-token").get(URL)
    assert resp.status_code == 401 and resp.json()["detail"] == ERR_TOKEN
    assert _post(bearer("kh_x"), {"target": "7.1", "period": "2026-03", "value": 13.5}).status_code == 401


def test_anonymous_cannot_submit(plan: Any) -> None:
    assert _post(Client(), {"target": "7.1", "period": "2026-03", "value": 13.5}).status_code == 401
    assert not Figure.objects.exists()


def test_agency_token_submits_its_target(plan: Any, tokens: dict[str, str]) -> None:
    resp = _post(bearer(tokens["SCT"]), {"target": "7.1", "period": "2026-03", "value": 13.5, "submit": True})
    assert resp.status_code == 200, resp.content
    body = resp.json()
    assert (body["value"], body["status"], body["version"]) == (13.5, "submitted", 2)
    rev = FigureRevision.objects.filter(figure__target__key="7.1").order_by("number").first()
    assert rev is not None and (rev.created_by_label, rev.channel) == ("api-sct", "api")
    assert AuditEntry.objects.filter(action="figure.save", actor_label="api-sct").exists()


def test_other_agency_token_is_403(plan: Any, tokens: dict[str, str]) -> None:
    resp = _post(bearer(tokens["STC"]), {"target": "7.1", "period": "2026-03", "value": 13.5})
    assert resp.status_code == 403
    assert not Figure.objects.exists()


def test_validation_conflict_lock(plan: Any, tokens: dict[str, str]) -> None:
    c = bearer(tokens["SCT"])
    bad = _post(c, {"target": "7.1", "period": "2026-03", "value": 10.0})
    assert bad.status_code == 400 and "explanation" in bad.json()["errors"]
    assert _post(c, {"target": "7.1", "period": "2026-13", "value": 13.5}).status_code == 400
    assert _post(c, {"target": "99.9", "period": "2026-03", "value": 13.5}).status_code == 404
    assert _post(c, {"target": "7.1", "period": "2026-03", "value": "abc"}).status_code == 422
    ok = _post(c, {"target": "7.1", "period": "2026-03", "value": 13.5, "expected_version": 0})
    assert ok.status_code == 200
    stale = _post(c, {"target": "7.1", "period": "2026-03", "value": 13.7, "expected_version": 0})
    assert stale.status_code == 409
    assert stale.json()["current"]["value"] == 13.5 and stale.json()["attempted"]["value"] == 13.7
    period_lock(actor=None, plan=plan, period=parse_period("2026-03"))
    assert (
        _post(c, {"target": "7.1", "period": "2026-03", "value": 13.9, "expected_version": 1}).status_code
        == 423
    )


def test_submit_route(plan: Any, tokens: dict[str, str]) -> None:
    figure_save(actor=None, target=plan.targets.get(key="7.1"), period=parse_period("2026-03"), value=13.5)
    url = URL + "/7.1/2026-03/submit"
    assert _post(bearer(tokens["STC"]), {}, url).status_code == 403
    assert _post(Client(), {}, url).status_code == 401
    resp = _post(bearer(tokens["SCT"]), {}, url)
    assert resp.status_code == 200 and resp.json()["status"] == "submitted"
    assert _post(bearer(tokens["SCT"]), {}, url).status_code == 400


def test_targets_route(plan: Any) -> None:
    rows = {r["key"]: r for r in Client().get("/api/plans/haiphong-2026/targets").json()}
    assert rows["5.1"]["lead_agency"] == "STC" and set(rows["5.1"]["cooperating_agencies"]) == {"THUE", "HQ"}
    assert Client().get("/api/plans/nope/targets").status_code == 404


def test_revoked_token(plan: Any, tokens: dict[str, str]) -> None:
    from kehoach.api.models import ApiToken
    from kehoach.api.services import token_revoke

    for t in ApiToken.objects.filter(agency__code="SCT"):
        token_revoke(actor=None, token=t)
    assert bearer(tokens["SCT"]).get(URL).status_code == 401


def test_read_query_count(plan: Any, django_assert_max_num_queries: Any) -> None:
    from kehoach.submissions.bootstrap import illustrative_load

    illustrative_load(plan=plan)
    with django_assert_max_num_queries(6):
        rows = Client().get(URL).json()
    assert len(rows) > 500
