"""The review of an extracted plan: upload, source highlighted beside each item, corrections, acceptance.
Every view: the anonymous visitor (sent to login) and users without the secretariat role (403)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kehoach.plans import review
from kehoach.plans.models import Plan
from tests.conftest import SEED_TEXT

pytestmark = pytest.mark.django_db

TOKEN = "0" * 32
PRESS = (
    "HĐND tỉnh Thanh Hóa thông qua Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2026.\n"
    "Theo đó, các chỉ tiêu chủ yếu năm 2026: tốc độ tăng trưởng GRDP đạt 11% trở lên; thu ngân sách đạt "
    "50.000 tỷ đồng; tỷ lệ hộ nghèo giảm 1,2%.\n"
)


def _client(user: Any = None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _upload(client: Client, name: str = "thanhhoa.txt", content: bytes = PRESS.encode()) -> Any:
    return client.post("/plans/review/", {"document": SimpleUploadedFile(name, content)})


def _token(resp: Any) -> str:
    m = re.search(r"/plans/review/([0-9a-f]{32})/", resp["Location"])
    assert m, resp["Location"]
    return m.group(1)


@pytest.fixture
def draft_token(personas: dict[str, Any]) -> str:
    return _token(_upload(_client(personas["secretariat"])))


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/plans/review/"),
        ("post", "/plans/review/"),
        ("get", f"/plans/review/{TOKEN}/"),
        ("post", f"/plans/review/{TOKEN}/save/"),
        ("post", f"/plans/review/{TOKEN}/accept/"),
        ("post", f"/plans/review/{TOKEN}/discard/"),
    ],
)
def test_anonymous_is_sent_to_login(personas: dict[str, Any], method: str, path: str) -> None:
    resp = getattr(Client(), method)(path)
    assert resp.status_code == 302 and "/accounts/login/" in resp["Location"]


@pytest.mark.parametrize("who", ["nobody", "editor_sct", "viewer_sct", "council"])
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/plans/review/"),
        ("post", "/plans/review/"),
        ("get", "/plans/review/{token}/"),
        ("post", "/plans/review/{token}/save/"),
        ("post", "/plans/review/{token}/accept/"),
        ("post", "/plans/review/{token}/discard/"),
    ],
)
def test_without_secretariat_role_is_forbidden(
    personas: dict[str, Any], draft_token: str, who: str, method: str, path: str
) -> None:
    resp = getattr(_client(personas[who]), method)(
        path.format(token=draft_token), {"code": "x-2026", "mode": "new"}
    )
    assert resp.status_code == 403
    assert review.review_get(token=draft_token)  # the draft is untouched


def test_upload_form(personas: dict[str, Any]) -> None:
    resp = _client(personas["secretariat"]).get("/plans/review/")
    assert resp.status_code == 200 and 'enctype="multipart/form-data"' in resp.content.decode()


def test_upload_shows_items_beside_highlighted_sources_and_activates_nothing(
    personas: dict[str, Any],
) -> None:
    client = _client(personas["secretariat"])
    before = list(Plan.objects.values_list("code", "version"))
    resp = _upload(client)
    assert resp.status_code == 302
    html = client.get(resp["Location"]).content.decode()
    assert html.count('data-indicator="') == 3
    assert '<mark id="src-ind-1" class="indicator">tốc độ tăng trưởng GRDP đạt 11% trở lên</mark>' in html
    assert 'href="#src-ind-1"' in html
    assert 'value="50.000"' in html  # numbers shown the Vietnamese way
    assert list(Plan.objects.values_list("code", "version")) == before


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("rong.txt", b"", "không có nội dung"),
        ("anh.png", b"\x89PNG\r\n", "không nhận dạng"),
        ("hong.pdf", b"%PDF-1.4 broken", "không đọc được"),
    ],
)
def test_bad_upload_says_which(personas: dict[str, Any], name: str, content: bytes, words: str) -> None:
    resp = _upload(_client(personas["secretariat"]), name, content)
    assert resp.status_code == 400
    assert words in resp.content.decode()


def test_correct_then_accept_as_new_plan(personas: dict[str, Any], draft_token: str) -> None:
    client = _client(personas["secretariat"])
    resp = client.post(
        f"/plans/review/{draft_token}/save/",
        {"ind-1-t-0-comparator": "eq", "ind-1-t-0-value": "52.000", "ind-1-t-0-unit": "tỷ đồng",
         "ind-1-t-0-kind": "level", "ind-2-delete": "1", "meta-title": "Nghị quyết số 1"},
    )  # fmt: skip
    assert resp.status_code == 302
    draft = review.review_get(token=draft_token)
    assert draft.document["indicators"][1]["targets"][0]["value"] == 52000
    assert len(draft.document["indicators"]) == 2 and draft.document["title"] == "Nghị quyết số 1"
    resp = client.post(f"/plans/review/{draft_token}/accept/", {"mode": "new", "code": "thanhhoa-2026"})
    assert resp.status_code == 302 and resp["Location"].endswith("/plan/thanhhoa-2026/")
    plan = Plan.objects.get(code="thanhhoa-2026")
    assert plan.status == Plan.Status.ACTIVE and plan.version == 1
    assert [i["n"] for i in plan.document["indicators"]] == [1, 2]
    assert client.get(f"/plans/review/{draft_token}/").status_code == 404  # the draft is gone


def test_bad_number_is_reported_not_saved(personas: dict[str, Any], draft_token: str) -> None:
    resp = _client(personas["secretariat"]).post(
        f"/plans/review/{draft_token}/save/", {"ind-0-t-0-comparator": "eq", "ind-0-t-0-value": "mười"}
    )
    assert resp.status_code == 400 and "mười" in resp.content.decode()


def test_accept_checks_the_choice(personas: dict[str, Any], draft_token: str) -> None:
    client = _client(personas["secretariat"])
    taken = client.post(f"/plans/review/{draft_token}/accept/", {"mode": "new", "code": "haiphong-2026"})
    assert taken.status_code == 400 and "đã có" in taken.content.decode()
    missing = client.post(f"/plans/review/{draft_token}/accept/", {"mode": "version", "code": "khong-co"})
    assert missing.status_code == 400 and "không có kế hoạch" in missing.content.decode()


@pytest.mark.skipif(not SEED_TEXT.exists(), reason="seed text not available")
def test_seed_accepted_as_new_version(personas: dict[str, Any]) -> None:
    client = _client(personas["secretariat"])
    version = Plan.objects.get(code="haiphong-2026").version
    token = _token(_upload(client, SEED_TEXT.name, SEED_TEXT.read_bytes()))
    html = client.get(f"/plans/review/{token}/").content.decode()
    assert html.count('data-indicator="') == 22 and 'id="src-task-4.a.13"' in html
    assert 'name="mode" value="version"' in html
    resp = client.post(f"/plans/review/{token}/accept/", {"mode": "version", "code": "haiphong-2026"})
    assert resp.status_code == 302
    assert Plan.objects.get(code="haiphong-2026").version == version + 1


def test_discard(personas: dict[str, Any], draft_token: str) -> None:
    resp = _client(personas["secretariat"]).post(f"/plans/review/{draft_token}/discard/")
    assert resp.status_code == 302
    with pytest.raises(review.ReviewError):
        review.review_get(token=draft_token)


def test_unknown_or_malformed_token(personas: dict[str, Any]) -> None:
    client = _client(personas["secretariat"])
    assert client.get(f"/plans/review/{TOKEN}/").status_code == 404
    assert client.get("/plans/review/../etc/").status_code == 404


def test_add_a_missed_target_and_correct_tasks(personas: dict[str, Any]) -> None:
    client = _client(personas["secretariat"])
    text = (
        "Các chỉ tiêu chủ yếu năm 2026:\n- Tăng trưởng GRDP 8%.\n- Thu ngân sách 12.000 tỷ đồng.\n"
        "Điều 2. Nhiệm vụ và giải pháp\n1. Phát triển công nghiệp\n"
        "Xây dựng Đề án phát triển công nghiệp hỗ trợ. Tổ chức hội nghị xúc tiến đầu tư năm 2026.\n"
    )
    token = _token(_upload(client, "ngan.txt", text.encode()))
    html = client.get(f"/plans/review/{token}/").content.decode()
    assert 'name="task-1.1-deliverable_type"' in html and 'name="ind-0-t-new-value"' in html
    resp = client.post(
        f"/plans/review/{token}/save/",
        {"ind-0-t-new-comparator": "eq", "ind-0-t-new-value": "9", "ind-0-t-new-unit": "%",
         "ind-0-t-new-kind": "growth_pct", "ind-0-t-new-stretch": "1",
         "task-1.1-deliverable_type": "Kế hoạch", "task-1.1-deliverable_title": "phát triển công nghiệp hỗ trợ",
         "task-1.2-delete": "1"},
    )  # fmt: skip
    assert resp.status_code == 302
    doc = review.review_get(token=token).document
    assert [(t["value"], t["stretch"]) for t in doc["indicators"][0]["targets"]] == [(8, False), (9, True)]
    tasks = doc["tasks"]["sections"][0]["tasks"]
    assert [t["id"] for t in tasks] == ["1.1"]
    assert tasks[0]["deliverable"] == {"type": "Kế hoạch", "title": "phát triển công nghiệp hỗ trợ"}
