"""Illustrative progress of the Article 2 tasks ("Số liệu minh họa"), deterministic.

Not real data. Each task of the plan gets a short seeded story dated before
:data:`AS_OF` (31/10/2026), written as :class:`~kehoach.tasks.models.TaskUpdate`
revisions marked ``is_illustrative``:

* continuing duties: a period report each quarter;
* deliverables: most in progress (reports each quarter); some completed on time
  with the document that was issued ("Quyết định số 123/QĐ-UBND", its date);
  a few given an earlier deadline in 2026 (an assignment revision, "Quý II/2026")
  and then completed late, or still overdue.

The story of a task is seeded by the plan code and the task id, so it does not
depend on the other tasks. Tasks that already have a revision (real reports)
are left alone; ``kehoach data demo --remove`` deletes the illustrative
revisions and restores each task as it was, unless a person has reported on it
since (then the task and its whole history stay).
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from kehoach.audit.services import audit_record
from kehoach.plans.models import Plan
from kehoach.tasks.models import TaskItem, TaskUpdate

__all__ = ["AS_OF", "REASON", "Report", "story", "task_illustrative_load", "task_illustrative_remove"]

AS_OF = dt.date(2026, 10, 31)
REASON = "Số liệu minh họa"
_QUARTER_END = {1: dt.date(2026, 3, 31), 2: dt.date(2026, 6, 30), 3: dt.date(2026, 9, 30)}
_QUARTER_LABEL = {1: "Quý I/2026", 2: "Quý II/2026", 3: "Quý III/2026"}
_REPORT_DAY = {1: dt.date(2026, 4, 20), 2: dt.date(2026, 7, 20), 3: dt.date(2026, 10, 20)}
_ASSIGNED_ON = dt.date(2026, 1, 15)
_DOCUMENTS = {"Nghị quyết": ("Nghị quyết", "NQ-HĐND"), "Kế hoạch": ("Kế hoạch", "KH-UBND")}
_NOTE_PROGRESS = "Đang triển khai: {detail} (minh họa)"
_NOTE_CONTINUING = "Báo cáo kết quả thực hiện {period}: đã triển khai theo kế hoạch (minh họa)"
_NOTE_DONE = "Đã hoàn thành: ban hành {document} ngày {date} (minh họa)"
_NOTE_ASSIGN = "Giao thời hạn {label} (minh họa)"
_DETAILS = (
    "đang xây dựng dự thảo",
    "đang lấy ý kiến các sở, ngành",
    "đã trình thẩm định",
    "đang hoàn thiện hồ sơ trình UBND thành phố",
)


@dataclass(frozen=True)
class Report:
    """One illustrative revision of a task, in the order it happened."""

    kind: str  # a TaskUpdate.Kind value
    on: dt.date
    progress: int = 0
    period: str = ""
    note: str = ""
    evidence_number: str = ""
    evidence_date: dt.date | None = None
    completed_on: dt.date | None = None
    deadline: dt.date | None = None  # an assignment: the new deadline
    deadline_text: str = ""
    data: dict[str, Any] = field(default_factory=dict)


def _days(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _document(rng: random.Random, deliverable_type: str) -> str:
    kind, sign = _DOCUMENTS.get(deliverable_type, ("Quyết định", "QĐ-UBND"))
    return f"{kind} số {rng.randint(12, 480)}/{sign}"


def _progress_reports(rng: random.Random, until: dt.date, ceiling: int) -> list[Report]:
    """Quarterly reports dated before ``until``, progress rising to at most ``ceiling``."""
    out, progress = [], 0
    for q, day in _REPORT_DAY.items():
        if day >= until or rng.random() < 0.2:  # a quarter without a report
            continue
        progress = min(ceiling, progress + rng.randint(10, 35))
        note = _NOTE_PROGRESS.format(detail=rng.choice(_DETAILS))
        out.append(Report("progress", day, progress=progress, period=f"2026-Q{q}", note=note))
    return out


def _completion(rng: random.Random, on: dt.date, deliverable_type: str) -> list[Report]:
    document = _document(rng, deliverable_type)
    note = _NOTE_DONE.format(document=document, date=on.strftime("%d/%m/%Y"))
    done = Report("progress", on, progress=100, note=note, evidence_number=document, evidence_date=on,
                  completed_on=on)  # fmt: skip
    reports = [*_progress_reports(rng, on, 90), done]
    confirm_on = on + dt.timedelta(days=rng.randint(5, 20))
    if rng.random() < 0.6 and confirm_on <= AS_OF:
        data = {"confirmed": True, "completed_on": on.isoformat()}
        reports.append(Report("confirm", confirm_on, progress=100, completed_on=on, data=data))
    return reports


def _assign(rng: random.Random, quarters: tuple[int, ...]) -> Report:
    q = rng.choice(quarters)
    label = _QUARTER_LABEL[q]
    return Report("assign", _ASSIGNED_ON, note=_NOTE_ASSIGN.format(label=label),
                  deadline=_QUARTER_END[q], deadline_text=label)  # fmt: skip


def story(*, seed: str, deadline: dt.date | None, continuing: bool, deliverable_type: str) -> list[Report]:
    """The illustrative revisions of one task (empty: left untouched)."""
    rng = random.Random(seed)
    if continuing:
        return [Report("progress", day, period=f"2026-Q{q}", note=_NOTE_CONTINUING.format(period=_QUARTER_LABEL[q]))
                for q, day in _REPORT_DAY.items() if rng.random() < 0.85]  # fmt: skip
    r = rng.random()
    if deadline is not None and deadline < AS_OF:  # due already: done, late or overdue
        r = 0.0 if r < 0.55 else (0.2 if r < 0.75 else 0.3)
    if r < 0.18:  # done on time
        last = min(deadline or AS_OF, AS_OF) - dt.timedelta(days=3)
        return _completion(rng, _days(rng, min(last, dt.date(2026, 3, 1)), last), deliverable_type)
    if r < 0.26:  # done late: an earlier deadline, then the document after it
        assign = _assign(rng, (1, 2)) if deadline is None or deadline >= AS_OF else None
        due = assign.deadline if assign and assign.deadline else deadline or AS_OF
        done = min(_days(rng, due + dt.timedelta(days=8), due + dt.timedelta(days=75)), AS_OF)
        return [*([assign] if assign else []), *_completion(rng, done, deliverable_type)]
    if r < 0.38:  # overdue
        assign = _assign(rng, (1, 2, 3)) if deadline is None or deadline >= AS_OF else None
        return [*([assign] if assign else []), *_progress_reports(rng, AS_OF, 85)]
    return _progress_reports(rng, AS_OF, 80) or [Report("progress", _REPORT_DAY[3], progress=10,
                                                        period="2026-Q3", note=_NOTE_PROGRESS.format(detail=_DETAILS[0]))]  # fmt: skip


# ---------------------------------------------------------------- database


def _aware(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))


def _before(task: TaskItem) -> dict[str, Any]:
    return {"deadline": task.deadline.isoformat() if task.deadline else None, "deadline_text": task.deadline_text,
            "deadline_kind": task.deadline_kind, "deadline_assigned": task.deadline_assigned,
            "continuing": task.continuing}  # fmt: skip


def _apply(task: TaskItem, reports: list[Report]) -> list[TaskUpdate]:
    """Set the task's state as the reports leave it; return the revision rows (numbered from 1)."""
    rows = []
    for n, rep in enumerate(reports, 1):
        data = dict(rep.data)
        if rep.kind == "assign" and rep.deadline:
            data = {"before": _before(task), "deadline": rep.deadline.isoformat(), "continuing": False,
                    "lead_agency": task.lead_agency.code if task.lead_agency else None}  # fmt: skip
            task.deadline, task.deadline_text, task.deadline_kind = (
                rep.deadline,
                rep.deadline_text,
                "assigned",
            )
            task.deadline_assigned = True
        elif rep.kind == "progress":
            task.progress, task.completed_on, task.completion_confirmed = (
                rep.progress,
                rep.completed_on,
                False,
            )
        elif rep.kind == "confirm":
            task.completion_confirmed = True
        rows.append(TaskUpdate(task=task, number=n, kind=rep.kind, data=data, period=rep.period,
                               progress=rep.progress if rep.kind != "assign" else task.progress, note=rep.note,
                               evidence_number=rep.evidence_number, evidence_date=rep.evidence_date,
                               completed_on=rep.completed_on, reason=REASON, is_illustrative=True))  # fmt: skip
    task.version += len(rows)
    return rows


_FIELDS = ("progress", "completed_on", "completion_confirmed", "deadline", "deadline_text", "deadline_kind",
           "deadline_assigned", "version")  # fmt: skip


@transaction.atomic
def task_illustrative_load(*, plan: Plan, actor: Any = None) -> int:
    """Write the illustrative progress of ``plan``'s tasks; returns the number of tasks given a story.

    Batched writes: a few queries per hundreds of tasks, none per task.
    """
    reported = set(TaskUpdate.objects.filter(task__plan=plan).values_list("task_id", flat=True).distinct())
    tasks = TaskItem.objects.filter(plan=plan, removed=False, duplicate_of="").select_related("lead_agency")
    rows: list[TaskUpdate] = []
    touched: list[TaskItem] = []
    dates: dict[tuple[int, int], dt.date] = {}
    for task in tasks.exclude(pk__in=reported):
        reports = story(seed=f"{plan.code}:{task.key}", deadline=task.deadline, continuing=task.continuing,
                        deliverable_type=task.deliverable_type)  # fmt: skip
        if not reports:
            continue
        new = _apply(task, reports)
        rows += new
        touched.append(task)
        dates.update({(task.pk, n): rep.on for n, rep in enumerate(reports, 1)})
    TaskItem.objects.bulk_update(touched, list(_FIELDS), batch_size=200)
    TaskUpdate.objects.bulk_create(rows, batch_size=500)
    _backdate(plan, dates)
    audit_record(actor=actor, action="illustrative.tasks.load", object_type="plan", object_id=plan.code,
                 plan_code=plan.code, reason=REASON, data={"tasks": len(touched), "updates": len(rows)})  # fmt: skip
    return len(touched)


def _backdate(plan: Plan, dates: dict[tuple[int, int], dt.date]) -> None:
    """Date each revision when it happened (``created_at`` is set to now on insert)."""
    saved = list(
        TaskUpdate.objects.filter(task__plan=plan, is_illustrative=True).only("pk", "task_id", "number")
    )
    for u in saved:
        day = dates.get((u.task_id, u.number))
        if day is not None:
            u.created_at = _aware(day)
    TaskUpdate.objects.bulk_update(saved, ["created_at"], batch_size=500)


def _restore(task: TaskItem, updates: list[TaskUpdate]) -> None:
    """The task as its non-illustrative revisions (and its state before the illustrative ones) leave it."""
    task.progress, task.completed_on, task.completion_confirmed = 0, None, False
    for u in updates:
        if u.is_illustrative and u.kind == "assign" and "before" in u.data:
            before = u.data["before"]
            task.deadline = dt.date.fromisoformat(before["deadline"]) if before["deadline"] else None
            task.deadline_text, task.deadline_kind = before["deadline_text"], before["deadline_kind"]
            task.deadline_assigned, task.continuing = before["deadline_assigned"], before["continuing"]
        elif not u.is_illustrative and u.kind == "progress":
            task.progress, task.completed_on, task.completion_confirmed = u.progress, u.completed_on, False
        elif not u.is_illustrative and u.kind == "confirm":
            task.completion_confirmed = bool(u.data.get("confirmed"))
    task.version += 1  # forms opened on the illustrative state are stale


@transaction.atomic
def task_illustrative_remove(*, plan: Plan | None = None, actor: Any = None) -> int:
    """Delete the illustrative revisions and restore the tasks; returns the number of tasks restored.

    A task a person has reported on after its illustrative revisions keeps them (they are history now).
    """
    marked = TaskUpdate.objects.filter(is_illustrative=True).values("task_id")
    qs = TaskUpdate.objects.filter(task_id__in=marked)
    if plan is not None:
        qs = qs.filter(task__plan=plan)
    by_task: dict[int, list[TaskUpdate]] = defaultdict(list)
    for u in qs.select_related("task").order_by("task_id", "number"):
        by_task[u.task_id].append(u)
    restored = []
    for updates in by_task.values():
        if not updates[-1].is_illustrative:
            continue
        _restore(updates[0].task, updates)
        restored.append(updates[0].task)
    TaskItem.objects.bulk_update(restored, [*_FIELDS, "continuing"], batch_size=200)
    TaskUpdate.objects.filter(task__in=restored, is_illustrative=True).delete()
    audit_record(actor=actor, action="illustrative.tasks.remove", object_type="plan",
                 object_id=plan.code if plan else "*", plan_code=plan.code if plan else "",
                 reason=REASON, data={"tasks": len(restored)})  # fmt: skip
    return len(restored)
