"""Reads on tasks: rows with their state, the Article 2 tree, a task's history, warnings.

Every selector runs a fixed number of queries whatever the number of tasks.
Row dictionaries are the JSON contract of ``/tasks/?format=json`` and of
``kehoach tasks list`` (docs/tasks.md): fields are added, never renamed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

from django.utils import timezone

from kehoach.core.task_status import STATUS_LABELS, STATUS_ORDER, task_status
from kehoach.core.workdays import workdays_between
from kehoach.plans.models import Plan
from kehoach.tasks.models import TaskItem, TaskUpdate
from kehoach.tasks.services import section_key

__all__ = [
    "CSV_FIELDS",
    "csv_row",
    "filter_rows",
    "overdue_first",
    "task_get",
    "task_history",
    "task_rows",
    "task_rows_for",
    "task_tree",
    "task_warnings",
    "update_dict",
]

CSV_FIELDS = (
    "id", "section", "section_title", "text", "deliverable_type", "deliverable_title", "lead_agency",
    "cooperating_agencies", "deadline", "deadline_text", "status", "status_label", "progress",
    "completed_on", "completion_confirmed", "indicators", "duplicate_of",
)  # fmt: skip


def _row(t: TaskItem, as_of: dt.date) -> dict[str, Any]:
    status = task_status(
        deadline=t.deadline, completed_on=t.completed_on, continuing=t.continuing, as_of=as_of
    )
    open_ = status in ("in_progress", "overdue") and t.deadline is not None
    return {
        "id": t.key,
        "section": t.section,
        "section_title": t.section_title,
        "text": t.text,
        "deliverable": {"type": t.deliverable_type, "title": t.deliverable_title}
        if t.deliverable_type
        else None,
        "lead_agency": t.lead_agency.code if t.lead_agency else None,
        "lead_agency_name": t.lead_agency.name if t.lead_agency else None,
        "cooperating_agencies": sorted(a.code for a in t.cooperating_agencies.all()),
        "deadline": t.deadline.isoformat() if t.deadline and not t.continuing else None,
        "deadline_text": t.deadline_text,
        "continuing": t.continuing,
        "status": status,
        "status_label": STATUS_LABELS[status],
        "progress": t.progress,
        "completed_on": t.completed_on.isoformat() if t.completed_on else None,
        "completion_confirmed": t.completion_confirmed,
        "workdays_left": workdays_between(as_of, t.deadline) if open_ and t.deadline else None,
        "indicators": list(t.indicators),
        "duplicate_of": t.duplicate_of or None,
        "version": t.version,
    }


def task_rows_for(tasks: Iterable[TaskItem], *, as_of: dt.date) -> list[dict[str, Any]]:
    return [_row(t, as_of) for t in tasks]


def update_dict(u: TaskUpdate, *, flat: bool = False) -> dict[str, Any]:
    """One revision of a task (the JSON and CSV twins of the task page)."""
    d: dict[str, Any] = {
        "number": u.number,
        "kind": u.kind,
        "created_at": u.created_at.isoformat(),
        "created_by": u.created_by.get_username() if u.created_by else None,
        "progress": u.progress,
        "note": u.note,
        "evidence_number": u.evidence_number,
        "evidence_date": u.evidence_date.isoformat() if u.evidence_date else None,
        "evidence_file": u.evidence_file.name or None,
        "completed_on": u.completed_on.isoformat() if u.completed_on else None,
        "reason": u.reason,
        "data": u.data,
    }
    if flat:
        d["data"] = json.dumps(u.data, ensure_ascii=False) if u.data else ""
        d = {k: "" if v is None else v for k, v in d.items()}
    return d


def task_rows(plan: Plan, *, as_of: dt.date | None = None) -> list[dict[str, Any]]:
    """Every current task of ``plan`` in plan order (two queries)."""
    as_of = as_of or timezone.localdate()
    qs = (
        TaskItem.objects.filter(plan=plan, removed=False)
        .select_related("lead_agency")
        .prefetch_related("cooperating_agencies")
        .order_by("position")
    )
    return [_row(t, as_of) for t in qs]


def filter_rows(
    rows: Iterable[dict[str, Any]], *, status: str = "", agency: str = "", section: str = ""
) -> list[dict[str, Any]]:
    """Rows of a state, of an agency (lead or cooperating), under a section ("4" keeps "4.a")."""
    out = []
    for r in rows:
        if status and r["status"] != status:
            continue
        if agency and agency != r["lead_agency"] and agency not in r["cooperating_agencies"]:
            continue
        if section and r["section"] != section and not r["section"].startswith(section + "."):
            continue
        out.append(r)
    return out


def overdue_first(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Overdue, then in progress by nearest deadline, then done, then continuing duties."""
    return sorted(rows, key=lambda r: (STATUS_ORDER.index(r["status"]), r["deadline"] or "9999"))


def task_tree(plan: Plan, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The Article 2 sections (from the plan document) with the given rows hung on them."""
    by_section: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_section.setdefault(r["section"], []).append(r)

    def node(d: dict[str, Any], path: tuple[str, ...], position: int) -> dict[str, Any]:
        here = (*path, section_key(str(d["n"]), position))
        children = [node(c, here, i) for i, c in enumerate(d.get("children", []), 1)]
        tasks = by_section.pop(".".join(here), [])
        count = len(tasks) + sum(c["count"] for c in children)
        return {"n": d["n"], "path": ".".join(here), "title": d.get("title"), "tasks": tasks,
                "children": children, "count": count}  # fmt: skip

    sections = (plan.document.get("tasks") or {}).get("sections", [])
    return [node(s, (), i) for i, s in enumerate(sections, 1)]


def task_get(plan: Plan, key: str) -> TaskItem | None:
    return (
        TaskItem.objects.filter(plan=plan, key=key)
        .select_related("lead_agency", "plan")
        .prefetch_related("cooperating_agencies")
        .first()
    )


def task_history(task: TaskItem) -> list[TaskUpdate]:
    return list(TaskUpdate.objects.filter(task=task).select_related("created_by").order_by("-number"))


def task_warnings(
    plan: Plan, *, as_of: dt.date | None = None, days: int = 5, rows: Sequence[dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """Overdue tasks; tasks due within ``days`` working days; indicators heading for "không đạt"
    that no active task serves (only when the evaluation can say so)."""
    as_of = as_of or timezone.localdate()
    rows = task_rows(plan, as_of=as_of) if rows is None else rows
    out: list[dict[str, Any]] = []
    for r in overdue_first(rows):
        if r["status"] == "overdue":
            out.append({"kind": "overdue", "task": r["id"], "agency": r["lead_agency"], "deadline": r["deadline"],
                        "message": f"Nhiệm vụ {r['id']} quá hạn từ {_vn(r['deadline'])}"})  # fmt: skip
        elif r["workdays_left"] is not None and r["workdays_left"] <= days:
            out.append({"kind": "due_soon", "task": r["id"], "agency": r["lead_agency"], "deadline": r["deadline"],
                        "message": f"Nhiệm vụ {r['id']} đến hạn {_vn(r['deadline'])} "
                        f"(còn {r['workdays_left']} ngày làm việc)"})  # fmt: skip
    out.extend(_uncovered_indicators(plan, rows, as_of))
    return out


def _vn(iso: str | None) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def _uncovered_indicators(plan: Plan, rows: Sequence[dict[str, Any]], as_of: dt.date) -> list[dict[str, Any]]:
    from kehoach.tasks.risk import indicators_at_risk

    at_risk = indicators_at_risk(plan, as_of)
    active = {
        n for r in rows if r["status"] in ("in_progress", "overdue", "continuing") for n in r["indicators"]
    }
    return [
        {"kind": "indicator_uncovered", "indicator": n, "agency": None, "task": None, "deadline": None,
         "message": f"Chỉ tiêu ({n}) {name} có nguy cơ không đạt mà không có nhiệm vụ nào đang thực hiện phục vụ"}
        for n, name in sorted(at_risk.items()) if n not in active
    ]  # fmt: skip


def csv_row(r: dict[str, Any]) -> dict[str, Any]:
    d = r["deliverable"] or {}
    flat = {**r, "deliverable_type": d.get("type", ""), "deliverable_title": d.get("title", "")}
    flat["cooperating_agencies"] = " ".join(r["cooperating_agencies"])
    flat["indicators"] = " ".join(str(i) for i in r["indicators"])
    return {k: flat.get(k) if flat.get(k) is not None else "" for k in CSV_FIELDS}
