"""Writes on tasks. Every service is keyword-only, typed, and writes its audit entry.

Errors (all leave the database unchanged)::

    TaskError (ValueError)         bad input; the message says which field and why
    └── TaskConflict               someone saved the task since the form was opened
    django PermissionDenied        the user may not do this (kehoach.accounts.access.can)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from kehoach.accounts.access import can
from kehoach.accounts.models import Agency
from kehoach.audit.services import audit_record
from kehoach.core.deadlines import parse_deadline
from kehoach.core.plan import Section, Task
from kehoach.plans.models import Plan
from kehoach.tasks.assignment import AgencyRules, haiphong_rules
from kehoach.tasks.models import TaskItem, TaskUpdate

__all__ = [
    "ERR_COMPLETED_FUTURE",
    "ERR_CONFLICT",
    "ERR_EVIDENCE_DATE_FUTURE",
    "ERR_NEEDS_EVIDENCE",
    "ERR_NOT_COMPLETED",
    "ERR_PROGRESS",
    "ERR_UNKNOWN_AGENCY",
    "TaskConflict",
    "TaskError",
    "section_key",
    "task_assign",
    "task_confirm_completion",
    "task_sync_from_plan",
    "task_update",
    "tasks_assign_haiphong",
]

ERR_PROGRESS = "tiến độ phải từ 0 đến 100%"
ERR_NEEDS_EVIDENCE = "báo cáo hoàn thành cần số và ngày văn bản đã ban hành, hoặc tệp minh chứng"
ERR_COMPLETED_FUTURE = "ngày hoàn thành ở tương lai"
ERR_EVIDENCE_DATE_FUTURE = "ngày văn bản ở tương lai"
ERR_CONFLICT = "nhiệm vụ vừa được người khác cập nhật; hãy tải lại trang và nhập lại"
ERR_NOT_COMPLETED = "nhiệm vụ chưa được báo cáo hoàn thành"
ERR_UNKNOWN_AGENCY = "không có cơ quan mã {code!r}"


class TaskError(ValueError):
    """Bad input for a task: nothing was changed."""


class TaskConflict(TaskError):
    """The task changed since the caller read it (optimistic concurrency)."""


# ---------------------------------------------------------------- sync from the plan


def section_key(n: str, position: int) -> str:
    """A section's part of a path: its number or letter; dashes are numbered ("-2": the second item),
    as the task ids of the extraction write them ("1.-2.4": section 1, second dash item, fourth task)."""
    return f"-{position}" if n == "-" else n


def _walk(
    section: Section, path: tuple[str, ...], titles: tuple[str, ...], position: int = 1
) -> Iterable[tuple[tuple[str, ...], tuple[str, ...], Task]]:
    here, names = (*path, section_key(section.n, position)), (*titles, section.title or "")
    for task in section.tasks:
        yield here, names, task
    for i, child in enumerate(section.children, 1):
        yield from _walk(child, here, names, i)


def _deadline_fields(task: Task, year: int) -> dict[str, Any]:
    d = parse_deadline(task.text, year=year)
    if d.kind == "none":
        if task.deliverable is None:  # a duty without a product or a date: continuing
            return {"deadline": None, "deadline_text": "", "continuing": True, "deadline_kind": "default"}
        # a document or project the resolution orders without a date: within the plan's year
        return {
            "deadline": dt.date(year, 12, 31),
            "deadline_text": f"trong năm {year}",
            "continuing": False,
            "deadline_kind": "default",
        }
    return {"deadline": d.date, "deadline_text": d.text, "continuing": d.continuing, "deadline_kind": d.kind}


def _task_fields(path: tuple[str, ...], titles: tuple[str, ...], task: Task, pos: int) -> dict[str, Any]:
    named = [t for t in titles if t]
    return {
        "section": ".".join(path),
        "section_title": named[-1] if named else "",
        "section_titles": list(titles),
        "position": pos,
        "text": task.text,
        "deliverable_type": task.deliverable.type if task.deliverable else "",
        "deliverable_title": task.deliverable.title if task.deliverable else "",
        "duplicate_of": task.duplicate_of or "",
        "indicators": list(task.indicators),
        "targets": [t.to_dict() for t in task.targets],
        "removed": False,
    }


@transaction.atomic
def task_sync_from_plan(*, plan: Plan, actor: Any = None) -> dict[str, int]:
    """Mirror the plan's Article 2 tree into task rows, keyed by task id.

    Assignments, progress and updates of tasks that keep their id survive a new
    plan version; deadlines set by a person are kept; tasks gone from the plan
    are marked ``removed`` (never deleted: their history stays).
    """
    domain = plan.to_domain()
    existing = {t.key: t for t in TaskItem.objects.filter(plan=plan)}
    found: list[tuple[tuple[str, ...], tuple[str, ...], Task]] = []
    for i, top in enumerate(domain.sections, 1):
        found.extend(_walk(top, (), (), i))
    new, changed, seen = [], [], set()
    for pos, (path, titles, task) in enumerate(found, 1):
        if task.id in seen:
            continue
        seen.add(task.id)
        fields = _task_fields(path, titles, task, pos)
        row = existing.get(task.id)
        if row is None or not row.deadline_assigned:
            fields.update(_deadline_fields(task, domain.year_end))
        if row is None:
            new.append(TaskItem(plan=plan, key=task.id, **fields))
        else:
            for k, v in fields.items():
                setattr(row, k, v)
            changed.append(row)
    TaskItem.objects.bulk_create(new)
    if changed:
        TaskItem.objects.bulk_update(changed, [*_SYNCED, *_DEADLINE])
    removed = TaskItem.objects.filter(plan=plan, removed=False).exclude(key__in=seen).update(removed=True)
    counts = {"tasks": len(seen), "new": len(new), "kept": len(changed), "removed": removed}
    audit_record(actor=actor, action="task.sync", object_type="plan", object_id=plan.code,
                 plan_code=plan.code, data=counts)  # fmt: skip
    if plan.code == "haiphong-2026":
        tasks_assign_haiphong(plan)
    return counts


_DEADLINE = ("deadline", "deadline_text", "continuing", "deadline_kind")
_SYNCED = (
    "section", "section_title", "section_titles", "position", "text", "deliverable_type",
    "deliverable_title", "duplicate_of", "indicators", "targets", "removed",
)  # fmt: skip


def tasks_assign_haiphong(plan: Plan, rules: AgencyRules | None = None) -> int:
    """Give every Hải Phòng task not assigned by a person a lead agency (and cooperating ones)."""
    rules = rules or haiphong_rules()
    agencies = {a.code: a for a in Agency.objects.all()}
    if not set(rules.codes()) <= set(
        agencies
    ):  # a plan loaded into a fresh database: seed the city's agencies
        from kehoach.plans.bootstrap import seed_agencies

        seed_agencies()
        agencies = {a.code: a for a in Agency.objects.all()}
    tasks = list(TaskItem.objects.filter(plan=plan, removed=False, lead_assigned=False))
    through = TaskItem.cooperating_agencies.through
    links = []
    for task in tasks:
        a = rules.assign(deliverable=task.deliverable_title, text=task.text,
                         section_titles=list(task.section_titles), section=task.section)  # fmt: skip
        task.lead_agency = agencies.get(a.lead)
        links += [
            through(taskitem_id=task.pk, agency_id=agencies[c].pk) for c in a.cooperating if c in agencies
        ]
    TaskItem.objects.bulk_update(tasks, ["lead_agency"])
    through.objects.filter(taskitem_id__in=[t.pk for t in tasks]).delete()
    through.objects.bulk_create(links)
    count = sum(1 for t in tasks if t.lead_agency is not None)
    audit_record(actor=None, action="task.assign_rules", object_type="plan", object_id=plan.code,
                 plan_code=plan.code, data={"assigned": count})  # fmt: skip
    return count


# ---------------------------------------------------------------- updates by people


def _claim(task: TaskItem, expected_version: int) -> None:
    """Bump the version if nobody else did since ``expected_version`` was read."""
    updated = TaskItem.objects.filter(pk=task.pk, version=expected_version).update(version=F("version") + 1)
    if not updated:
        raise TaskConflict(ERR_CONFLICT)
    task.version = expected_version + 1


def _next_number(task: TaskItem) -> int:
    last = TaskUpdate.objects.filter(task=task).order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


def _check_progress(
    *,
    progress: int,
    completed_on: dt.date | None,
    evidence_number: str,
    evidence_date: dt.date | None,
    evidence_file: UploadedFile | None,
    today: dt.date,
) -> None:
    if not 0 <= progress <= 100:
        raise TaskError(ERR_PROGRESS)
    if evidence_date and evidence_date > today:
        raise TaskError(ERR_EVIDENCE_DATE_FUTURE)
    if completed_on is not None:
        if completed_on > today:
            raise TaskError(ERR_COMPLETED_FUTURE)
        if not ((evidence_number.strip() and evidence_date) or evidence_file):
            raise TaskError(ERR_NEEDS_EVIDENCE)


@transaction.atomic
def task_update(
    *,
    task: TaskItem,
    actor: Any,
    expected_version: int,
    progress: int,
    note: str = "",
    period: str = "",
    evidence_number: str = "",
    evidence_date: dt.date | None = None,
    evidence_file: UploadedFile | None = None,
    completed_on: dt.date | None = None,
    reason: str = "",
    today: dt.date | None = None,
) -> TaskUpdate:
    """Record an agency's progress report (a new revision). Completion needs evidence."""
    if not can(actor, "task.update", agencies=[task.lead_agency]):
        raise PermissionDenied
    today = today or timezone.localdate()
    _check_progress(progress=progress, completed_on=completed_on, evidence_number=evidence_number,
                    evidence_date=evidence_date, evidence_file=evidence_file, today=today)  # fmt: skip
    _claim(task, expected_version)
    if completed_on is not None:
        progress = 100
    update = TaskUpdate.objects.create(
        task=task, number=_next_number(task), kind=TaskUpdate.Kind.PROGRESS, period=period,
        progress=progress, note=note, evidence_number=evidence_number.strip(), evidence_date=evidence_date,
        evidence_file=evidence_file or "", completed_on=completed_on, created_by=actor, reason=reason,
    )  # fmt: skip
    task.progress = progress
    task.completed_on = completed_on
    task.completion_confirmed = False  # a new report needs a new confirmation
    task.save(update_fields=["progress", "completed_on", "completion_confirmed", "updated_at"])
    _audit(task, actor, "task.update", reason, {"update": update.number, "progress": progress,
           "completed_on": completed_on, "evidence_number": update.evidence_number})  # fmt: skip
    return update


@transaction.atomic
def task_confirm_completion(
    *, task: TaskItem, actor: Any, expected_version: int, confirmed: bool = True, reason: str = ""
) -> TaskUpdate:
    """The secretariat confirms (or rejects, ``confirmed=False``) a reported completion."""
    if not can(actor, "task.confirm", agencies=[task.lead_agency]):
        raise PermissionDenied
    if task.completed_on is None:
        raise TaskError(ERR_NOT_COMPLETED)
    _claim(task, expected_version)
    data: dict[str, Any] = {"confirmed": confirmed, "completed_on": task.completed_on.isoformat()}
    update = TaskUpdate.objects.create(
        task=task, number=_next_number(task), kind=TaskUpdate.Kind.CONFIRM, progress=task.progress,
        completed_on=task.completed_on, created_by=actor, reason=reason, data=data,
    )  # fmt: skip
    task.completion_confirmed = confirmed
    if not confirmed:  # sent back: the agency must report again
        task.completed_on = None
    task.save(update_fields=["completion_confirmed", "completed_on", "updated_at"])
    _audit(task, actor, "task.confirm" if confirmed else "task.reject", reason, data)
    return update


def _agencies(codes: Sequence[str]) -> list[Agency]:
    found = {a.code: a for a in Agency.objects.filter(code__in=list(codes))}
    for code in codes:
        if code not in found:
            raise TaskError(ERR_UNKNOWN_AGENCY.format(code=code))
    return [found[c] for c in codes]


@transaction.atomic
def task_assign(
    *,
    task: TaskItem,
    actor: Any,
    expected_version: int,
    lead_agency: str,
    cooperating_agencies: Sequence[str] = (),
    deadline: dt.date | None = None,
    continuing: bool = False,
    deadline_text: str = "",
    reason: str = "",
) -> TaskUpdate:
    """Set the lead and cooperating agencies and the deadline (kept across plan versions)."""
    if not can(actor, "plan.manage"):
        raise PermissionDenied
    lead = _agencies([lead_agency])[0]
    coop = [a for a in _agencies(list(dict.fromkeys(cooperating_agencies))) if a.pk != lead.pk]
    _claim(task, expected_version)
    before = {"lead_agency": task.lead_agency.code if task.lead_agency else None,
              "deadline": task.deadline.isoformat() if task.deadline else None, "continuing": task.continuing}  # fmt: skip
    task.lead_agency, task.lead_assigned = lead, True
    task.deadline = None if continuing else deadline
    task.continuing = continuing or (deadline is None and task.continuing)
    task.deadline_text = deadline_text or (task.deadline.strftime("%d/%m/%Y") if task.deadline else "")
    task.deadline_kind, task.deadline_assigned = "assigned", True
    task.save()
    task.cooperating_agencies.set(coop)
    data = {"before": before, "lead_agency": lead.code, "cooperating_agencies": [a.code for a in coop],
            "deadline": task.deadline.isoformat() if task.deadline else None, "continuing": task.continuing}  # fmt: skip
    update = TaskUpdate.objects.create(
        task=task, number=_next_number(task), kind=TaskUpdate.Kind.ASSIGN, progress=task.progress,
        created_by=actor, reason=reason, data=data,
    )  # fmt: skip
    _audit(task, actor, "task.assign", reason, data)
    return update


def _audit(task: TaskItem, actor: Any, action: str, reason: str, data: dict[str, Any]) -> None:
    clean = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in data.items()}
    audit_record(
        actor=actor,
        action=action,
        object_type="task",
        object_id=task.key,
        plan_code=task.plan.code,
        agency_code=task.lead_agency.code if task.lead_agency else "",
        reason=reason,
        data=clean,
    )
