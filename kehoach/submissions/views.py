"""Collection pages: parse, call selectors and services, render (JSON and CSV twins where they make sense)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy

from kehoach.accounts.access import agencies_of, can, roles_of
from kehoach.accounts.models import Agency, Role
from kehoach.core.periods import Period, PeriodError, parse_period
from kehoach.plans.models import Plan
from kehoach.plans.selectors import plan_default, plan_get
from kehoach.plans.twins import respond
from kehoach.submissions import selectors as sel
from kehoach.submissions.forms import FigureRowForm, PeriodChoiceForm
from kehoach.submissions.models import Figure
from kehoach.submissions.services import (
    BatchFailed,
    FigureInput,
    FigureLocked,
    NotAllowed,
    figure_save_many,
    figure_submit_many,
)

MSG_SAVED = gettext_lazy("Đã lưu {n} số liệu.")
MSG_SUBMITTED = gettext_lazy("Đã gửi {n} số liệu cho thường trực kế hoạch.")
MSG_NOTHING = gettext_lazy("Không có thay đổi.")
MSG_FIX = gettext_lazy("Chưa lưu: hãy sửa các ô được đánh dấu. Số liệu bạn nhập vẫn còn trên trang.")


def _member(request: HttpRequest) -> None:
    if not can(request.user, "figure.view_unpublished"):
        raise PermissionDenied


def _context(plan_code: str, agency_code: str, period_code: str) -> tuple[Plan, Agency, Period]:
    plan = plan_get(plan_code)
    agency = get_object_or_404(Agency, code=agency_code.upper())
    try:
        return plan, agency, parse_period(period_code)
    except PeriodError as exc:
        raise Http404(str(exc)) from exc


def default_period(plan: Plan, today: dt.date | None = None) -> Period:
    """The month before today within the plan's year (the month being reported), else the year."""
    today = today or dt.date.today()
    if today.year == plan.year_end and today.month > 1:
        return Period(today.year, "month", today.month - 1)
    return Period(plan.year_end, "year")


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Choose an agency and a period; the secretariat also sees who has not reported."""
    _member(request)
    plan = plan_default()
    if plan is None:
        return render(request, "plans/empty.html", status=404)
    form = PeriodChoiceForm(request.GET or None)
    if form.is_valid():
        return redirect(
            "submissions:form", plan.code, form.cleaned_data["agency"], form.cleaned_data["period"]
        )
    all_agencies = sel.agencies_with_targets(plan)
    mine = {a.code for a in agencies_of(request.user)}
    agencies = all_agencies if roles_of(request.user) - {Role.EDITOR, Role.VIEWER} else [
        a for a in all_agencies if a[0] in mine
    ]  # fmt: skip
    period = default_period(plan)
    missing = sel.missing_reports(plan, period)
    data = {
        "plan": plan.code,
        "period": period.code,
        "agencies": [{"code": c, "name": n} for c, n in agencies],
        "missing": [m.to_dict() for m in missing],
    }
    context = {"plan": plan, "form": form, "agencies": agencies, "periods": sel.plan_periods(plan),
               "period": period, "missing": missing, "can_review": can(request.user, "figure.approve"),
               "can_setup": can(request.user, "plan.manage")}  # fmt: skip
    return respond(request, template="submissions/index.html", context=context, data=data,
                   rows=[{**m.to_dict(), "targets": " ".join(m.target_keys)} for m in missing],
                   filename=f"chua-bao-cao-{period.code}")  # fmt: skip


def _row_forms(rows: list[sel.FormRow], data: Any = None) -> list[tuple[sel.FormRow, FigureRowForm]]:
    out = []
    for row in rows:
        f = row.figure
        initial = {
            "value": f.value if f else None,
            "same_period_last_year": f.same_period_last_year if f else None,
            "vintage": f.vintage if f else "estimate",
            "explanation": f.explanation if f else "",
            "source": f.source if f else "",
            "version": f.version if f else 0,
        }
        bound = data if data is not None and f"{row.key}-version" in data else None
        out.append((row, FigureRowForm(bound, prefix=row.key, initial=initial)))
    return out


@login_required
def agency_form(request: HttpRequest, plan: str, agency: str, period: str) -> HttpResponse:
    """The form of one agency for one period: each target it leads, with what is known beside the input."""
    _member(request)
    plan_obj, agency_obj, p = _context(plan, agency, period)
    rows = sel.agency_form_rows(plan=plan_obj, agency_code=agency_obj.code, period=p)
    editable = can(request.user, "figure.edit", agencies=[agency_obj]) and not sel.is_period_locked(
        plan_obj, p.code
    )
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        return _save(request, plan_obj, agency_obj, p, rows)
    pairs = _row_forms(rows)
    return _render_form(request, plan_obj, agency_obj, p, pairs, editable)


def _render_form(
    request: HttpRequest, plan: Plan, agency: Agency, period: Period, pairs: list[Any], editable: bool,
    status: int = 200, reason: str = "", reason_error: str = "",
) -> HttpResponse:  # fmt: skip
    rows = [r for r, _f in pairs]
    context = {
        "plan": plan, "agency": agency, "period": period, "pairs": pairs, "editable": editable,
        "locked": sel.is_period_locked(plan, period.code), "reason": reason, "reason_error": reason_error,
        "illustrative": any(r.figure and r.figure.is_illustrative for r in rows),
    }  # fmt: skip
    data = {
        "plan": plan.code,
        "agency": agency.code,
        "period": period.code,
        "rows": [r.to_dict() for r in rows],
    }
    csv_rows = [{k: v for k, v in r.to_dict().items() if k != "previous"} for r in rows]
    return respond(request, template="submissions/form.html", context=context, data=data, rows=csv_rows,
                   filename=f"so-lieu-{agency.code}-{period.code}", status=status)  # fmt: skip


def _save(
    request: HttpRequest, plan: Plan, agency: Agency, period: Period, rows: list[sel.FormRow]
) -> HttpResponse:
    pairs = _row_forms(rows, request.POST)
    reason = request.POST.get("reason", "").strip()
    if not all(form.is_valid() for _r, form in pairs if form.is_bound):
        messages.error(request, str(MSG_FIX))
        return _render_form(request, plan, agency, period, pairs, True, 400, reason)
    inputs = [_input(row, form) for row, form in pairs if form.is_bound and form.has_changed()]
    try:
        saved = figure_save_many(actor=request.user, period=period, inputs=inputs, reason=reason)
    except NotAllowed as exc:
        raise PermissionDenied from exc
    except FigureLocked as exc:
        messages.error(request, str(exc))
        return _render_form(request, plan, agency, period, pairs, False, 400, reason)
    except BatchFailed as exc:
        return _failed(request, plan, agency, period, pairs, exc, reason)
    for s in saved:
        for w in s.warnings.values():
            messages.warning(request, f"{s.figure.target.key}: {w}")
    messages.success(
        request, str(MSG_SAVED).format(n=len([s for s in saved if s.revision])) if saved else str(MSG_NOTHING)
    )
    if "submit" in request.POST:
        figures = [
            r.figure
            for r in sel.agency_form_rows(plan=plan, agency_code=agency.code, period=period)
            if r.figure
        ]
        n = figure_submit_many(actor=request.user, figures=figures)
        messages.success(request, str(MSG_SUBMITTED).format(n=n))
    return redirect("submissions:form", plan.code, agency.code, period.code)


def _input(row: sel.FormRow, form: FigureRowForm) -> FigureInput:
    d = form.cleaned_data
    return FigureInput(
        target=row.target, value=d["value"], vintage=d["vintage"], same_period_last_year=d["same_period_last_year"],
        explanation=d["explanation"], source=d["source"], expected_version=d["version"],
    )  # fmt: skip


def _failed(
    request: HttpRequest,
    plan: Plan,
    agency: Agency,
    period: Period,
    pairs: list[Any],
    exc: BatchFailed,
    reason: str,
) -> HttpResponse:
    if exc.conflicts:
        conflicts = [
            {"row": row, "form": form, "current": exc.conflicts[row.key].current,
             "figure": exc.conflicts[row.key].figure, "message": str(exc.conflicts[row.key])}
            for row, form in pairs if row.key in exc.conflicts
        ]  # fmt: skip
        changed = [
            (row, form, exc.conflicts[row.key].figure.version if row.key in exc.conflicts else form["version"].value())
            for row, form in pairs if form.is_bound and form.has_changed()
        ]  # fmt: skip
        context = {"plan": plan, "agency": agency, "period": period, "conflicts": conflicts,
                   "changed": changed, "reason": reason}  # fmt: skip
        return render(request, "submissions/conflict.html", context, status=409)
    reason_error = ""
    for row, form in pairs:
        for field, message in exc.errors.get(row.key, {}).items():
            if field == "reason":
                reason_error = message
            form.add_error(field if field in form.fields else "value", message)
    messages.error(request, str(MSG_FIX))
    return _render_form(request, plan, agency, period, pairs, True, 400, reason, reason_error)


@login_required
def history(request: HttpRequest, pk: int) -> HttpResponse:
    """Every revision of one figure: who, when, why, through which channel."""
    _member(request)
    figure = get_object_or_404(Figure.objects.select_related("target__indicator", "plan"), pk=pk)
    revisions = sel.figure_history(figure)
    rows = [_revision_dict(r) for r in revisions]
    data: dict[str, Any] = {
        "figure": {"target": figure.target.key, "period": figure.period, "value": figure.value,
                   "status": figure.status, "version": figure.version},
        "revisions": rows,
    }  # fmt: skip
    return respond(request, template="submissions/history.html",
                   context={"figure": figure, "revisions": revisions, "illustrative": figure.is_illustrative},
                   data=data, rows=rows, filename=f"lich-su-{figure.target.key}-{figure.period}")  # fmt: skip


def _revision_dict(r: Any) -> dict[str, Any]:
    return {
        "number": r.number, "value": r.value, "unit": r.unit, "vintage": r.vintage, "status": r.status,
        "explanation": r.explanation, "source": r.source, "by": r.created_by_label,
        "at": r.created_at.isoformat(), "reason": r.reason, "channel": r.channel,
    }  # fmt: skip
