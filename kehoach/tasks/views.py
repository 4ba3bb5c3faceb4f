"""Task pages: parse, call selectors and services, render (HTML with JSON and CSV twins)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kehoach.accounts.access import can
from kehoach.accounts.models import Agency
from kehoach.core.task_status import STATUS_LABELS, STATUS_ORDER
from kehoach.plans.models import Plan
from kehoach.plans.selectors import plan_default, plan_get
from kehoach.plans.twins import respond
from kehoach.tasks import selectors as sel
from kehoach.tasks import services
from kehoach.tasks.forms import TaskAssignForm, TaskConfirmForm, TaskFilterForm, TaskUpdateForm
from kehoach.tasks.models import TaskItem, TaskUpdate
from kehoach.tasks.services import section_key

WARN_DAYS = 5  # working days ahead that count as "sắp đến hạn" on the pages


def _plan(request: HttpRequest) -> Plan:
    code = request.GET.get("plan", "")
    plan = plan_get(code) if code else plan_default()
    if plan is None:
        raise Http404("no plan")
    return plan


def _sections(plan: Plan) -> list[tuple[str, str]]:
    out = []
    for top in (plan.document.get("tasks") or {}).get("sections", []):
        out.append((str(top["n"]), f"{top['n']}. {top.get('title') or ''}"[:80]))
        for i, child in enumerate(top.get("children", []), 1):
            key = f"{top['n']}.{section_key(str(child['n']), i)}"
            label = f"{top['n']}.{child['n']}) " if child["n"] != "-" else f"{top['n']}. – "
            out.append((key, (label + (child.get("title") or ""))[:80]))
    return out


def task_index(request: HttpRequest) -> HttpResponse:
    """Article 2: the tree (or a list), overdue first, filtered by state, agency and section."""
    plan = _plan(request)
    today = timezone.localdate()
    rows = sel.task_rows(plan, as_of=today)
    agencies = [(a.code, a.name) for a in Agency.objects.all()]
    form = TaskFilterForm(request.GET, agencies=agencies, sections=_sections(plan))
    ok = form.is_valid()
    f = form.cleaned_data if ok else {}
    shown = sel.overdue_first(
        sel.filter_rows(
            rows, status=f.get("status", ""), agency=f.get("agency", ""), section=f.get("section", "")
        )
    )
    view = f.get("view") or "tree"
    counts = Counter(r["status"] for r in rows)
    warnings = sel.task_warnings(plan, as_of=today, days=WARN_DAYS, rows=rows)
    data = {
        "plan": plan.code,
        "as_of": today.isoformat(),
        "filters": {k: f.get(k, "") for k in ("status", "agency", "section")},
        "counts": {s: counts.get(s, 0) for s in STATUS_ORDER},
        "warnings": warnings,
        "tasks": shown,
    }
    context = {
        "plan": plan,
        "form": form,
        "view": view,
        "rows": shown,
        "tree": sel.task_tree(plan, shown) if view == "tree" else [],
        "counts": [(s, STATUS_LABELS[s], counts.get(s, 0)) for s in STATUS_ORDER],
        "total": len(rows),
        "warnings": warnings,
        "query": request.GET.urlencode(),
    }
    return respond(request, template="tasks/index.html", context=context, data=data,
                   rows=[sel.csv_row(r) for r in shown], filename=f"nhiem-vu-{plan.code}",
                   status=200 if ok else 400)  # fmt: skip


def _task(request: HttpRequest, key: str) -> tuple[Plan, TaskItem]:
    plan = _plan(request)
    task = sel.task_get(plan, key)
    if task is None:
        raise Http404(key)
    return plan, task


def _quarter() -> str:
    today = timezone.localdate()
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}"


def _detail(
    request: HttpRequest, plan: Plan, task: TaskItem, status: int = 200, **forms: Any
) -> HttpResponse:
    user = request.user
    row = sel.task_rows_for([task], as_of=timezone.localdate())[0]
    history = sel.task_history(task)
    initial = {"version": task.version}
    may_update = can(user, "task.update", agencies=[task.lead_agency])
    may_confirm = can(user, "task.confirm") and task.completed_on is not None
    may_assign = can(user, "plan.manage")
    context = {
        "plan": plan,
        "task": task,
        "row": row,
        "history": history,
        "signed_in": user.is_authenticated,
        "update_form": forms.get("update_form") or (TaskUpdateForm(initial={**initial, "progress": task.progress,
                                                                         "period": _quarter()})
                                                    if may_update else None),
        "confirm_form": forms.get("confirm_form") or (TaskConfirmForm(initial=initial) if may_confirm else None),
        "assign_form": forms.get("assign_form") or (TaskAssignForm(initial={
            **initial, "lead_agency": task.lead_agency, "deadline": task.deadline, "continuing": task.continuing,
            "cooperating_agencies": list(task.cooperating_agencies.all())}) if may_assign else None),
        "plan_query": f"?plan={plan.code}",
    }  # fmt: skip
    data = {"task": row, "history": [sel.update_dict(u) for u in history]}
    return respond(request, template="tasks/detail.html", context=context, data=data,
                   rows=[sel.update_dict(u, flat=True) for u in history],
                   filename=f"nhiem-vu-{task.key}", status=status)  # fmt: skip


def task_detail(request: HttpRequest, key: str) -> HttpResponse:
    """One task: what it orders, who leads, the deadline and state, every update; forms for the right people."""
    plan, task = _task(request, key)
    return _detail(request, plan, task)


def _back(plan: Plan, task: TaskItem) -> HttpResponse:
    return redirect(reverse("tasks:detail", args=[task.key]) + f"?plan={plan.code}")


def _failed(
    request: HttpRequest, plan: Plan, task: TaskItem, name: str, form: Any, exc: Exception
) -> HttpResponse:
    if isinstance(exc, services.TaskConflict):
        task.refresh_from_db()
        form.add_error(None, str(exc))
        return _detail(request, plan, task, status=409, **{name: form})
    form.add_error(None, str(exc))
    return _detail(request, plan, task, status=400, **{name: form})


@require_POST
def task_update_view(request: HttpRequest, key: str) -> HttpResponse:
    plan, task = _task(request, key)
    if not can(request.user, "task.update", agencies=[task.lead_agency]):
        raise PermissionDenied
    form = TaskUpdateForm(request.POST, request.FILES)
    if not form.is_valid():
        return _detail(request, plan, task, status=400, update_form=form)
    d = form.cleaned_data
    try:
        services.task_update(
            task=task, actor=request.user, expected_version=d["version"], progress=d["progress"],
            note=d["note"], period=d["period"], evidence_number=d["evidence_number"], evidence_date=d["evidence_date"],
            evidence_file=d["evidence_file"], completed_on=d["completed_on"], reason=d["reason"],
        )  # fmt: skip
    except services.TaskError as exc:
        return _failed(request, plan, task, "update_form", form, exc)
    messages.success(request, _("Đã ghi nhận cập nhật tiến độ."))
    return _back(plan, task)


@require_POST
def task_confirm_view(request: HttpRequest, key: str) -> HttpResponse:
    plan, task = _task(request, key)
    if not can(request.user, "task.confirm"):
        raise PermissionDenied
    form = TaskConfirmForm(request.POST)
    if not form.is_valid():
        return _detail(request, plan, task, status=400, confirm_form=form)
    d = form.cleaned_data
    try:
        services.task_confirm_completion(task=task, actor=request.user, expected_version=d["version"],
                                         confirmed=d["confirmed"], reason=d["reason"])  # fmt: skip
    except services.TaskError as exc:
        return _failed(request, plan, task, "confirm_form", form, exc)
    messages.success(request, _("Đã ghi nhận kết luận của thường trực."))
    return _back(plan, task)


@require_POST
def task_assign_view(request: HttpRequest, key: str) -> HttpResponse:
    plan, task = _task(request, key)
    if not can(request.user, "plan.manage"):
        raise PermissionDenied
    form = TaskAssignForm(request.POST)
    if not form.is_valid():
        return _detail(request, plan, task, status=400, assign_form=form)
    d = form.cleaned_data
    try:
        services.task_assign(
            task=task, actor=request.user, expected_version=d["version"], lead_agency=d["lead_agency"].code,
            cooperating_agencies=[a.code for a in d["cooperating_agencies"]], deadline=d["deadline"],
            continuing=d["continuing"], reason=d["reason"],
        )  # fmt: skip
    except services.TaskError as exc:
        return _failed(request, plan, task, "assign_form", form, exc)
    messages.success(request, _("Đã giao nhiệm vụ."))
    return _back(plan, task)


def task_evidence(request: HttpRequest, key: str, number: int) -> HttpResponseBase:
    """The evidence file of one update, for signed-in members (any role)."""
    _plan_row, task = _task(request, key)
    if not can(request.user, "figure.view_unpublished"):
        raise PermissionDenied
    update = TaskUpdate.objects.filter(task=task, number=number).first()
    if update is None or not update.evidence_file:
        raise Http404(number)
    name = (update.evidence_file.name or "").rsplit("/", 1)[-1]
    return FileResponse(update.evidence_file.open("rb"), as_attachment=True, filename=name)
