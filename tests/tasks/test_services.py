"""Progress updates, confirmation and assignment: rules, revisions, audit, concurrency, roles."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from kehoach.audit.models import AuditEntry
from kehoach.tasks.models import TaskItem, TaskUpdate
from kehoach.tasks.services import (
    ERR_COMPLETED_FUTURE,
    ERR_CONFLICT,
    ERR_NEEDS_EVIDENCE,
    ERR_NOT_COMPLETED,
    ERR_PROGRESS,
    ERR_UNKNOWN_AGENCY,
    TaskConflict,
    TaskError,
    task_assign,
    task_confirm_completion,
    task_update,
)

D = dt.date
TODAY = D(2026, 7, 20)
pytestmark = pytest.mark.django_db


def test_progress_then_completion_with_evidence(sct_task: TaskItem, personas: Any) -> None:
    ed = personas["editor_sct"]
    u1 = task_update(task=sct_task, actor=ed, expected_version=0, progress=50, note="dự thảo", today=TODAY)
    u2 = task_update(
        task=sct_task, actor=ed, expected_version=1, progress=80, completed_on=D(2026, 7, 10),
        evidence_number="123/QĐ-UBND", evidence_date=D(2026, 7, 10), today=TODAY,
    )  # fmt: skip
    sct_task.refresh_from_db()
    assert (u1.number, u2.number) == (1, 2)
    assert (sct_task.progress, sct_task.completed_on, sct_task.version) == (100, D(2026, 7, 10), 2)
    assert not sct_task.completion_confirmed
    assert [u.progress for u in TaskUpdate.objects.filter(task=sct_task)] == [50, 100]
    entry = AuditEntry.objects.filter(action="task.update", object_id="1.-1.1").order_by("pk").last()
    assert entry is not None and entry.actor == ed and entry.data["evidence_number"] == "123/QĐ-UBND"
    assert entry.agency_code == "SCT"


def test_completion_with_a_file_only(sct_task: TaskItem, personas: Any) -> None:
    f = SimpleUploadedFile("qd.pdf", b"%PDF-1.4 quyet dinh", content_type="application/pdf")
    u = task_update(task=sct_task, actor=personas["editor_sct"], expected_version=0, progress=100,
                    completed_on=D(2026, 7, 1), evidence_file=f, today=TODAY)  # fmt: skip
    assert u.evidence_file.name.endswith(".pdf") and u.evidence_file.read().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"progress": 120}, ERR_PROGRESS),
        ({"progress": 100, "completed_on": D(2026, 7, 1)}, ERR_NEEDS_EVIDENCE),
        ({"progress": 100, "completed_on": D(2026, 7, 1), "evidence_number": "12/KH"}, ERR_NEEDS_EVIDENCE),
        ({"progress": 100, "completed_on": D(2026, 8, 1), "evidence_number": "1", "evidence_date": TODAY},
         ERR_COMPLETED_FUTURE),
    ],
)  # fmt: skip
def test_bad_updates_change_nothing(sct_task: TaskItem, personas: Any, kwargs: Any, message: str) -> None:
    with pytest.raises(TaskError, match=message):
        task_update(task=sct_task, actor=personas["editor_sct"], expected_version=0, today=TODAY, **kwargs)
    sct_task.refresh_from_db()
    assert (sct_task.version, sct_task.progress, sct_task.updates.count()) == (0, 0, 0)


def test_stale_version_is_a_conflict(sct_task: TaskItem, personas: Any) -> None:
    ed = personas["editor_sct"]
    task_update(task=sct_task, actor=ed, expected_version=0, progress=10, today=TODAY)
    stale = TaskItem.objects.get(pk=sct_task.pk)
    stale.version = 0
    with pytest.raises(TaskConflict, match=ERR_CONFLICT):
        task_update(task=stale, actor=personas["secretariat"], expected_version=0, progress=20, today=TODAY)
    assert TaskItem.objects.get(pk=sct_task.pk).progress == 10


# role matrix: task.update is for the lead agency's editor and the secretariat
@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("secretariat", True),
        ("editor_sct", True),  # lead agency of 1.-1.1
        ("editor_stc", False),  # another agency
        ("viewer_sct", False),
        ("council", False),
        ("nobody", False),
        ("anonymous", False),
    ],
)
def test_update_role_matrix(sct_task: TaskItem, personas: Any, who: str, allowed: bool) -> None:
    from django.contrib.auth.models import AnonymousUser

    actor = AnonymousUser() if who == "anonymous" else personas[who]
    if allowed:
        task_update(task=sct_task, actor=actor, expected_version=0, progress=30, today=TODAY)
        assert TaskItem.objects.get(pk=sct_task.pk).progress == 30
    else:
        with pytest.raises(PermissionDenied):
            task_update(task=sct_task, actor=actor, expected_version=0, progress=30, today=TODAY)
        assert TaskItem.objects.get(pk=sct_task.pk).version == 0


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("secretariat", True), ("editor_sct", False), ("editor_stc", False), ("viewer_sct", False),
     ("council", False), ("anonymous", False)],
)  # fmt: skip
def test_confirm_role_matrix(sct_task: TaskItem, personas: Any, who: str, allowed: bool) -> None:
    from django.contrib.auth.models import AnonymousUser

    task_update(task=sct_task, actor=personas["editor_sct"], expected_version=0, progress=100,
                completed_on=D(2026, 7, 1), evidence_number="5/KH-UBND", evidence_date=D(2026, 7, 1),
                today=TODAY)  # fmt: skip
    actor = AnonymousUser() if who == "anonymous" else personas[who]
    if allowed:
        u = task_confirm_completion(task=sct_task, actor=actor, expected_version=1)
        assert u.kind == "confirm" and TaskItem.objects.get(pk=sct_task.pk).completion_confirmed
    else:
        with pytest.raises(PermissionDenied):
            task_confirm_completion(task=sct_task, actor=actor, expected_version=1)
        assert not TaskItem.objects.get(pk=sct_task.pk).completion_confirmed


def test_confirm_needs_a_reported_completion_and_rejection_reopens(sct_task: TaskItem, personas: Any) -> None:
    sec = personas["secretariat"]
    with pytest.raises(TaskError, match=ERR_NOT_COMPLETED):
        task_confirm_completion(task=sct_task, actor=sec, expected_version=0)
    task_update(task=sct_task, actor=personas["editor_sct"], expected_version=0, progress=100,
                completed_on=D(2026, 7, 1), evidence_number="5/KH", evidence_date=D(2026, 7, 1),
                today=TODAY)  # fmt: skip
    task_confirm_completion(
        task=sct_task, actor=sec, expected_version=1, confirmed=False, reason="thiếu phụ lục"
    )
    sct_task.refresh_from_db()
    assert sct_task.completed_on is None and not sct_task.completion_confirmed
    assert AuditEntry.objects.filter(action="task.reject", reason="thiếu phụ lục").exists()


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("secretariat", True), ("admin", True), ("editor_sct", False), ("editor_stc", False),
     ("viewer_sct", False), ("council", False), ("anonymous", False)],
)  # fmt: skip
def test_assign_role_matrix(task: TaskItem, personas: Any, who: str, allowed: bool) -> None:
    from django.contrib.auth.models import AnonymousUser

    actor = AnonymousUser() if who == "anonymous" else personas[who]
    kwargs: dict[str, Any] = {"lead_agency": "SCT", "cooperating_agencies": ["STC", "SCT", "SXD"],
                              "deadline": D(2026, 9, 30)}  # fmt: skip
    if allowed:
        task_assign(task=task, actor=actor, expected_version=0, **kwargs)
        task.refresh_from_db()
        assert task.lead_agency.code == "SCT" and task.deadline == D(2026, 9, 30)
        assert sorted(a.code for a in task.cooperating_agencies.all()) == ["STC", "SXD"]
        assert task.deadline_assigned and task.lead_assigned and task.deadline_text == "30/09/2026"
        assert task.updates.get().data["before"]["lead_agency"] == "SXD"
    else:
        with pytest.raises(PermissionDenied):
            task_assign(task=task, actor=actor, expected_version=0, **kwargs)
        assert TaskItem.objects.get(pk=task.pk).lead_agency.code == "SXD"


def test_assign_unknown_agency(task: TaskItem, personas: Any) -> None:
    with pytest.raises(TaskError, match=ERR_UNKNOWN_AGENCY.format(code="XYZ").replace("(", r"\(")):
        task_assign(task=task, actor=personas["secretariat"], expected_version=0, lead_agency="XYZ")
    assert TaskItem.objects.get(pk=task.pk).version == 0


def test_assign_continuing(task: TaskItem, personas: Any) -> None:
    task_assign(
        task=task, actor=personas["secretariat"], expected_version=0, lead_agency="SXD", continuing=True
    )
    task.refresh_from_db()
    assert task.continuing and task.deadline is None
