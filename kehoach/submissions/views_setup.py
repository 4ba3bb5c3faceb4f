"""The secretariat's setup pages: who reports each target and how (issue 4), period scenarios (issue 7).

Views only parse, call the services (:func:`target_assign`, :func:`scenario_set_create`,
:func:`scenario_set_activate`, :func:`scenario_import`) and render.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy

from kehoach.accounts.access import can
from kehoach.accounts.models import Agency
from kehoach.core.plan import Target as DomainTarget
from kehoach.core.wording import describe_target
from kehoach.plans.models import Plan, Target
from kehoach.plans.selectors import plan_get
from kehoach.plans.twins import respond
from kehoach.submissions.excel_io import ImportFailed, scenario_import
from kehoach.submissions.forms_setup import (
    ERR_NO_VALUES,
    SCENARIO_BEHAVIOURS,
    AssignReasonForm,
    AssignRowForm,
    GridResult,
    ScenarioHeaderForm,
    ScenarioUploadForm,
    cell_name,
    grid_parse,
    grid_periods,
)
from kehoach.submissions.models import ScenarioSet
from kehoach.submissions.services import (
    SubmissionError,
    scenario_set_activate,
    scenario_set_create,
    target_assign,
)
from kehoach.submissions.views import default_period

MSG_ASSIGNED = gettext_lazy("Đã lưu giao chỉ tiêu: {n} chỉ tiêu thay đổi.")
MSG_SCENARIO_CREATED = gettext_lazy("Đã tạo phiên bản kịch bản “{name}” ({n} giá trị), đang áp dụng.")
MSG_ACTIVATED = gettext_lazy("Đã áp dụng phiên bản kịch bản “{name}”.")


def _manager(request: HttpRequest, plan: str) -> Plan:
    if not can(request.user, "plan.manage"):
        raise PermissionDenied
    return plan_get(plan)


def _targets(plan: Plan) -> list[Target]:
    qs = Target.objects.filter(plan=plan).select_related("indicator", "lead_agency")
    return list(qs.prefetch_related("cooperating_agencies").order_by("indicator__n", "position"))


def _text(t: Target) -> str:
    return describe_target(DomainTarget.from_dict(t.domain_dict()))


def _state(t: Target) -> dict[str, Any]:
    return {
        "lead": t.lead_agency.code if t.lead_agency else "",
        "cooperating": sorted(a.code for a in t.cooperating_agencies.all()),
        "frequency": t.frequency,
        "behaviour": t.behaviour,
    }


def _assign_rows(targets: list[Target], forms: dict[str, AssignRowForm]) -> list[dict[str, Any]]:
    return [
        {"target": t, "n": t.indicator.n, "name": t.indicator.name, "text": _text(t), "form": forms[t.key]}
        for t in targets
    ]


@login_required
def assign(request: HttpRequest, plan: str) -> HttpResponse:
    """The plan's targets with lead agency, cooperating agencies, frequency and behaviour, editable."""
    plan_obj = _manager(request, plan)
    targets = _targets(plan_obj)
    agencies = list(Agency.objects.order_by("code").values_list("code", "name"))
    data = request.POST if request.method == "POST" else None
    forms = {t.key: AssignRowForm(data, prefix=t.key, agencies=agencies, initial=_state(t)) for t in targets}
    reason_form = AssignReasonForm(data)
    if data is not None and reason_form.is_valid() and all(f.is_valid() for f in forms.values()):
        n = _save_assignments(request, targets, forms, reason_form.cleaned_data["reason"])
        messages.success(request, str(MSG_ASSIGNED).format(n=n))
        return redirect("submissions:setup_assign", plan_obj.code)
    rows = [{"key": t.key, "indicator": t.indicator.n, "target": _text(t), **_state(t)} for t in targets]
    context = {"plan": plan_obj, "rows": _assign_rows(targets, forms), "reason_form": reason_form}
    return respond(request, template="submissions/setup_assign.html", context=context,
                   data={"plan": plan_obj.code, "targets": rows}, filename=f"giao-chi-tieu-{plan_obj.code}",
                   rows=[{**r, "cooperating": " ".join(r["cooperating"])} for r in rows],
                   status=400 if data is not None else 200)  # fmt: skip


@transaction.atomic
def _save_assignments(
    request: HttpRequest, targets: list[Target], forms: dict[str, AssignRowForm], reason: str
) -> int:
    by_code = {a.code: a for a in Agency.objects.all()}
    n = 0
    for t in targets:
        new = forms[t.key].cleaned_data
        wanted = {**new, "cooperating": sorted(new["cooperating"])}
        if wanted == _state(t):
            continue
        target_assign(actor=request.user, target=t, lead=by_code.get(new["lead"]),
                      cooperating=[by_code[c] for c in new["cooperating"]], frequency=new["frequency"],
                      behaviour=new["behaviour"], reason=reason)  # fmt: skip
        n += 1
    return n


def _grid_targets(plan: Plan) -> list[Target]:
    qs = Target.objects.filter(plan=plan, behaviour__in=SCENARIO_BEHAVIOURS).select_related("indicator")
    return list(qs.order_by("indicator__n", "position"))


def _grid(targets: list[Target], year: int, parsed: GridResult) -> dict[str, Any]:
    quarters = grid_periods(Target(frequency="quarterly"), year)
    months = grid_periods(Target(frequency="monthly"), year)[4:]
    rows = []
    for t in targets:
        mine = {p.code for p in grid_periods(t, year)}
        cells = [
            {"period": p, "name": cell_name(t.key, p), "on": p.code in mine,
             "raw": parsed.raw.get(cell_name(t.key, p), ""), "error": parsed.errors.get(cell_name(t.key, p))}
            for p in quarters + months
        ]  # fmt: skip
        rows.append({"target": t, "text": _text(t), "cells": cells})
    return {"periods": quarters + months, "rows": rows}


@login_required
def scenarios(request: HttpRequest, plan: str) -> HttpResponse:
    """Scenario versions: the list, a new version by grid or Excel file, activation."""
    plan_obj = _manager(request, plan)
    year = default_period(plan_obj).year
    targets = _grid_targets(plan_obj)
    parsed, header, upload = GridResult(), ScenarioHeaderForm(), ScenarioUploadForm()
    errors: list[str] = []
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if action == "activate":
        pk = request.POST.get("scenario", "")
        sset = get_object_or_404(ScenarioSet, plan=plan_obj, pk=int(pk) if pk.isdigit() else 0)
        scenario_set_activate(actor=request.user, scenario=sset)
        messages.success(request, str(MSG_ACTIVATED).format(name=sset.name))
        return redirect("submissions:setup_scenarios", plan_obj.code)
    if action == "grid":
        header = ScenarioHeaderForm(request.POST)
        parsed = grid_parse(request.POST, targets, year)
        if header.is_valid() and not parsed.errors:
            errors = _create(request, plan_obj, header.cleaned_data, parsed)
            if not errors:
                return redirect("submissions:setup_scenarios", plan_obj.code)
        errors += list(parsed.errors.values())
    elif action == "upload":
        upload = ScenarioUploadForm(request.POST, request.FILES)
        errors = _upload(request, plan_obj, upload)
        if upload.is_valid() and not errors:
            return redirect("submissions:setup_scenarios", plan_obj.code)
    return _scenarios_page(request, plan_obj, year, targets, parsed, header, upload, errors, action)


def _create(request: HttpRequest, plan: Plan, head: dict[str, Any], parsed: GridResult) -> list[str]:
    if not parsed.values:
        return [str(ERR_NO_VALUES)]
    try:
        scenario_set_create(actor=request.user, plan=plan, name=head["name"], basis=head["basis"],
                            values=parsed.values)  # fmt: skip
    except SubmissionError as exc:
        return [str(exc)]
    n = sum(len(v) for v in parsed.values.values())
    messages.success(request, str(MSG_SCENARIO_CREATED).format(name=head["name"], n=n))
    return []


def _upload(request: HttpRequest, plan: Plan, form: ScenarioUploadForm) -> list[str]:
    if not form.is_valid():
        return []
    lang = "en" if (request.LANGUAGE_CODE or "vi").startswith("en") else "vi"
    head = form.cleaned_data
    try:
        n = scenario_import(data=head["file"].read(), plan_code=plan.code, name=head["name"],
                            basis=head["basis"], actor=request.user, lang=lang)  # fmt: skip
    except ImportFailed as exc:
        return [e.message(lang) for e in exc.errors]
    messages.success(request, str(MSG_SCENARIO_CREATED).format(name=head["name"], n=n))
    return []


def _scenarios_page(
    request: HttpRequest, plan: Plan, year: int, targets: list[Target], parsed: GridResult,
    header: ScenarioHeaderForm, upload: ScenarioUploadForm, errors: list[str], action: str,
) -> HttpResponse:  # fmt: skip
    sets = list(
        ScenarioSet.objects.filter(plan=plan).select_related("created_by").order_by("-created_at", "-pk")
    )
    rows = [
        {"id": s.pk, "name": s.name, "basis": s.basis, "active": s.active,
         "created_by": s.created_by.get_username() if s.created_by else "", "created_at": s.created_at}
        for s in sets
    ]  # fmt: skip
    bad = bool(errors) or bool(header.errors) or bool(upload.errors)
    context = {"plan": plan, "sets": sets, "grid": _grid(targets, year, parsed), "header": header,
               "upload": upload, "errors": errors, "action": action, "year": year,
               "illustrative": any(s.is_illustrative and s.active for s in sets)}  # fmt: skip
    return respond(request, template="submissions/setup_scenarios.html", context=context,
                   data={"plan": plan.code, "scenarios": rows}, rows=rows,
                   filename=f"kich-ban-{plan.code}", status=400 if bad else 200)  # fmt: skip
