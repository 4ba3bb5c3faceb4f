"""The task pages: tree/list, filters, twins, the task page and its forms for the right people."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client

from kehoach.tasks.forms import ERR_COMPLETED_ON_MISSING
from kehoach.tasks.models import TaskItem, TaskUpdate
from kehoach.tasks.services import ERR_CONFLICT, ERR_NEEDS_EVIDENCE

pytestmark = pytest.mark.django_db


def _client(user: Any = None) -> Client:
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def test_index_for_anonymous_shows_tree_with_states(
    task_plan: Any, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(12):
        r = _client().get("/tasks/")
    assert r.status_code == 200
    html = r.content.decode()
    assert 'data-testid="task-4.a.1"' in html and "Sở Xây dựng" in html
    assert 'data-section="4.a"' in html
    assert "phát triển nhà ở thành phố giai đoạn 2026-2030" in html


def test_query_count_does_not_grow_with_tasks(task_plan: Any, django_assert_max_num_queries: Any) -> None:
    from kehoach.plans.services import plan_load
    from tests.tasks.conftest import TASKS, plan_with_tasks

    many = {
        path: [{**t, "id": f"{t['id']}.{i}"} for t in items for i in range(8)]
        for path, items in TASKS.items()
    }
    plan_load(document=plan_with_tasks(many), reason="nhiều nhiệm vụ")
    with django_assert_max_num_queries(12):
        r = _client().get("/tasks/?view=list")
    assert r.content.decode().count('class="task ') == 80


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("status=continuing", ["3.1", "8.a.1", "5.a.1"], ["4.a.1", "6.1"]),
        ("agency=SCT", ["1.-1.1"], ["4.a.1"]),
        ("agency=STC", ["3.1", "4.a.1"], ["6.1"]),  # lead of 3.1, cooperating on 4.a.1
        ("section=4", ["4.a.1", "4.b.1"], ["1.-1.1"]),
        ("section=4.b", ["4.b.1"], ["4.a.1"]),
        ("section=1.-3", ["1.-3.1"], ["1.-1.1", "1.-4.1"]),
    ],
)
def test_filters(task_plan: Any, query: str, shown: list[str], hidden: list[str]) -> None:
    for view in ("tree", "list"):
        html = _client().get(f"/tasks/?view={view}&{query}").content.decode()
        for k in shown:
            assert f'data-testid="task-{k}"' in html, (view, k)
        for k in hidden:
            assert f'data-testid="task-{k}"' not in html, (view, k)


def test_bad_filter_is_a_clear_error(task_plan: Any) -> None:
    r = _client().get("/tasks/?status=xong")
    assert r.status_code == 400 and "xong" in r.content.decode()


def test_list_puts_overdue_first(task_plan: Any) -> None:
    rows = _client().get("/tasks/?view=list&format=json").json()["tasks"]
    states = [r["status"] for r in rows]
    assert states == sorted(
        states, key=["overdue", "in_progress", "done_late", "done_on_time", "continuing"].index
    )


def test_twins(task_plan: Any) -> None:
    doc = _client().get("/tasks/?agency=SXD&format=json").json()
    assert {t["id"] for t in doc["tasks"]} == {"4.a.1", "1.-4.1"} and doc["filters"]["agency"] == "SXD"
    assert sum(doc["counts"].values()) == 10
    body = _client().get("/tasks/?format=csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == 10 and {r["lead_agency"] for r in rows} >= {"SCT", "SXD", "STC"}
    one = _client().get("/tasks/4.a.1/?format=json").json()
    assert one["task"]["id"] == "4.a.1" and one["history"] == []


def test_task_page_for_anonymous_has_no_form(task_plan: Any) -> None:
    r = _client().get("/tasks/4.a.1/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "update-form" not in html and "/accounts/login/" in html
    assert _client().get("/tasks/khong-co/").status_code == 404


@pytest.mark.parametrize(
    ("who", "update", "confirm", "assign"),
    [
        ("editor_sct", True, False, False),
        ("editor_stc", False, False, False),
        ("viewer_sct", False, False, False),
        ("council", False, False, False),
        ("secretariat", True, False, True),
    ],
)
def test_forms_shown_to_the_right_people(
    sct_task: TaskItem, personas: Any, who: str, update: bool, confirm: bool, assign: bool
) -> None:
    html = _client(personas[who]).get("/tasks/1.-1.1/").content.decode()
    assert ("update-form" in html) is update
    assert ("confirm-form" in html) is confirm
    assert ("assign-form" in html) is assign


def _post_update(client: Client, **extra: Any) -> Any:
    data = {"version": 0, "progress": 60, "note": "Đã trình dự thảo", "evidence_number": "", **extra}
    return client.post("/tasks/1.-1.1/update/", data)


@pytest.mark.parametrize("who", ["anonymous", "editor_stc", "viewer_sct", "council"])
def test_update_refused_for_others(sct_task: TaskItem, personas: Any, who: str) -> None:
    client = _client(None if who == "anonymous" else personas[who])
    assert _post_update(client).status_code == 403
    assert not TaskUpdate.objects.exists()


def test_editor_records_progress_then_completion(sct_task: TaskItem, personas: Any) -> None:
    client = _client(personas["editor_sct"])
    r = _post_update(client)
    assert r.status_code == 302 and r["Location"].startswith("/tasks/1.-1.1/")
    r = _post_update(client, version=1, progress=90, completed="on", completed_on="2026-06-20",
                     evidence_number="88/QĐ-UBND", evidence_date="20/06/2026")  # fmt: skip
    assert r.status_code == 302
    sct_task.refresh_from_db()
    assert (sct_task.progress, str(sct_task.completed_on), sct_task.version) == (100, "2026-06-20", 2)
    html = client.get("/tasks/1.-1.1/").content.decode()
    assert "88/QĐ-UBND" in html and "20/06/2026" in html and "hoàn thành đúng hạn" in html


def test_update_errors_say_why_and_change_nothing(sct_task: TaskItem, personas: Any) -> None:
    client = _client(personas["editor_sct"])
    r = _post_update(client, completed="on")
    assert r.status_code == 400 and str(ERR_COMPLETED_ON_MISSING) in r.content.decode()
    r = _post_update(client, completed="on", completed_on="2026-06-20")
    assert r.status_code == 400 and ERR_NEEDS_EVIDENCE in r.content.decode()
    r = _post_update(client, progress=140)
    assert r.status_code == 400
    assert TaskItem.objects.get(pk=sct_task.pk).version == 0


def test_stale_form_is_a_conflict(sct_task: TaskItem, personas: Any) -> None:
    _post_update(_client(personas["secretariat"]))
    r = _post_update(_client(personas["editor_sct"]), progress=70)
    assert r.status_code == 409 and ERR_CONFLICT in r.content.decode()
    assert TaskItem.objects.get(pk=sct_task.pk).progress == 60


def test_secretariat_confirms_and_assigns(sct_task: TaskItem, personas: Any) -> None:
    _post_update(_client(personas["editor_sct"]), progress=100, completed="on", completed_on="2026-06-20",
                 evidence_number="88/QĐ-UBND", evidence_date="2026-06-20")  # fmt: skip
    sec = _client(personas["secretariat"])
    assert "confirm-form" in sec.get("/tasks/1.-1.1/").content.decode()
    assert (
        _client(personas["editor_sct"])
        .post("/tasks/1.-1.1/confirm/", {"version": 1, "confirmed": "1"})
        .status_code
        == 403
    )
    assert sec.post("/tasks/1.-1.1/confirm/", {"version": 1, "confirmed": "1"}).status_code == 302
    assert TaskItem.objects.get(pk=sct_task.pk).completion_confirmed
    r = sec.post("/tasks/1.-1.1/assign/", {"version": 2, "lead_agency": "SCT", "cooperating_agencies": ["STC"],
                                            "deadline": "2026-09-30"})  # fmt: skip
    assert r.status_code == 302
    t = TaskItem.objects.get(pk=sct_task.pk)
    assert str(t.deadline) == "2026-09-30" and [a.code for a in t.cooperating_agencies.all()] == ["STC"]
    assert _client(personas["editor_stc"]).post("/tasks/1.-1.1/assign/", {"version": 3}).status_code == 403
    assert _client().post("/tasks/1.-1.1/confirm/", {"version": 3}).status_code == 403


def test_evidence_file_for_members_only(sct_task: TaskItem, personas: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    f = SimpleUploadedFile("qd-45.pdf", b"%PDF-1.4 quyet dinh 45", content_type="application/pdf")
    r = _client(personas["editor_sct"]).post(
        "/tasks/1.-1.1/update/",
        {"version": 0, "progress": 100, "completed": "on", "completed_on": "2026-06-20", "evidence_file": f},
    )
    assert r.status_code == 302
    r = _client(personas["editor_stc"]).get("/tasks/1.-1.1/evidence/1/")
    assert r.status_code == 200 and b"".join(r.streaming_content).startswith(b"%PDF-1.4 quyet dinh 45")
    assert _client().get("/tasks/1.-1.1/evidence/1/").status_code == 403
    assert _client(personas["nobody"]).get("/tasks/1.-1.1/evidence/1/").status_code == 403
    assert _client(personas["council"]).get("/tasks/1.-1.1/evidence/2/").status_code == 404


def test_pages_for_a_user_of_another_agency(sct_task: TaskItem, personas: Any) -> None:
    other = _client(personas["editor_stc"])
    assert other.get("/tasks/").status_code == 200
    assert other.get("/tasks/?format=json").json()["tasks"]
    assert other.post("/tasks/1.-1.1/confirm/", {"version": 0, "confirmed": "1"}).status_code == 403
    assert other.post("/tasks/1.-1.1/assign/", {"version": 0, "lead_agency": "STC"}).status_code == 403
    assert TaskItem.objects.get(pk=sct_task.pk).lead_agency.code == "SCT"


def test_task_page_queries_do_not_grow_with_history(
    sct_task: TaskItem, personas: Any, django_assert_max_num_queries: Any
) -> None:
    from kehoach.tasks.services import task_update

    for v in range(6):
        task_update(task=sct_task, actor=personas["editor_sct"], expected_version=v, progress=10 * v)
    client = _client(personas["editor_sct"])
    with django_assert_max_num_queries(14):
        r = client.get("/tasks/1.-1.1/")
    assert r.content.decode().count("· Báo cáo tiến độ") == 6


def test_continuing_duty_reported_by_period(task_plan: Any, personas: Any) -> None:
    from kehoach.tasks.forms import ERR_PERIOD

    client = _client(personas["secretariat"])
    r = client.post("/tasks/3.1/update/", {"version": 0, "progress": 0, "period": "Q3", "note": "x"})
    assert r.status_code == 400 and str(ERR_PERIOD) in r.content.decode()
    r = client.post(
        "/tasks/3.1/update/", {"version": 0, "progress": 0, "period": "2026-q3", "note": "Thu đạt 80%"}
    )
    assert r.status_code == 302
    assert TaskUpdate.objects.get(task__key="3.1", task__plan=task_plan).period == "2026-Q3"
    assert "Quý III/2026" in client.get("/tasks/3.1/").content.decode()
