"""Secretariat pages (approve, publish, return, lock) and the Excel download and upload pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy

from kehoach.accounts.access import can
from kehoach.core.periods import Period, PeriodError, parse_period
from kehoach.formats.excel import write_template
from kehoach.plans.models import Plan
from kehoach.plans.selectors import plan_get
from kehoach.plans.twins import respond
from kehoach.submissions import selectors as sel
from kehoach.submissions.excel_io import ImportFailed, build_template, import_bytes
from kehoach.submissions.exports import export_bytes
from kehoach.submissions.forms import UploadForm
from kehoach.submissions.models import Figure
from kehoach.submissions.services import (
    SubmissionError,
    figure_approve,
    figure_publish,
    figure_return,
    period_lock,
)
from kehoach.submissions.views import _context, _member

MSG_DONE = gettext_lazy("Đã xử lý {n} số liệu.")
MSG_LOCKED = gettext_lazy("Đã khóa sổ kỳ {period}.")
MSG_IMPORTED = gettext_lazy("Đã nhập {n} số liệu từ tệp Excel.")
ERR_RETURN_REASON = gettext_lazy("Cần ghi lý do khi trả lại số liệu.")
ACTIONS = {"approve": figure_approve, "publish": figure_publish, "return": figure_return}
CONTENT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def review(request: HttpRequest, plan: str, period: str) -> HttpResponse:
    """The secretariat's page for a period: submitted and approved figures, who has not reported, the lock."""
    if not can(request.user, "figure.approve"):
        raise PermissionDenied
    plan_obj = plan_get(plan)
    try:
        p = parse_period(period)
    except PeriodError as exc:
        raise Http404(str(exc)) from exc
    if request.method == "POST":
        return _review_post(request, plan_obj, p)
    figures = sel.review_figures(plan=plan_obj, period=p)
    missing = sel.missing_reports(plan_obj, p)
    locked = sel.is_period_locked(plan_obj, p.code)
    rows = [
        {
            "id": f.pk,
            "target": f.target.key,
            "value": f.value,
            "status": f.status,
            "agency": f.target.lead_agency.code if f.target.lead_agency else "",
        }
        for f in figures
    ]
    data = {
        "plan": plan_obj.code, "period": p.code, "locked": locked, "figures": rows,
        "missing": [m.to_dict() for m in missing],
    }  # fmt: skip
    context = {"plan": plan_obj, "period": p, "figures": figures, "missing": missing, "locked": locked,
               "periods": sel.plan_periods(plan_obj), "illustrative": any(f.is_illustrative for f in figures)}  # fmt: skip
    return respond(request, template="submissions/review.html", context=context, data=data, rows=rows,
                   filename=f"duyet-{p.code}")  # fmt: skip


def _review_post(request: HttpRequest, plan_obj: Plan, p: Period) -> HttpResponse:
    action = request.POST.get("action", "")
    reason = request.POST.get("reason", "").strip()
    if action == "lock":
        period_lock(actor=request.user, plan=plan_obj, period=p, reason=reason)
        messages.success(request, str(MSG_LOCKED).format(period=p.label()))
        return redirect("submissions:review", plan_obj.code, p.code)
    service = ACTIONS.get(action)
    if service is None:
        raise Http404(action)
    if action == "return" and not reason:
        messages.error(request, str(ERR_RETURN_REASON))
        return redirect("submissions:review", plan_obj.code, p.code)
    ids = [int(x) for x in request.POST.getlist("figure") if x.isdigit()]
    n = 0
    for f in Figure.objects.filter(plan=plan_obj, period=p.code, pk__in=ids):
        try:
            service(actor=request.user, figure=f, reason=reason)
            n += 1
        except SubmissionError as exc:
            messages.error(request, f"{f.target.key}: {exc}")
    messages.success(request, str(MSG_DONE).format(n=n))
    return redirect("submissions:review", plan_obj.code, p.code)


@login_required
def template_download(request: HttpRequest, plan: str, agency: str, period: str) -> HttpResponse:
    """The Excel form of an agency and a period (same file as ``kehoach data template``)."""
    _member(request)
    plan_obj, agency_obj, p = _context(plan, agency, period)
    try:
        spec = build_template(plan_code=plan_obj.code, agency_code=agency_obj.code, period=p.code)
    except SubmissionError as exc:
        raise Http404(str(exc)) from exc
    resp = HttpResponse(write_template(spec), content_type=CONTENT_XLSX)
    resp["Content-Disposition"] = f'attachment; filename="bieu-mau-{agency_obj.code}-{p.code}.xlsx"'
    return resp


@login_required
def upload(request: HttpRequest, plan: str, agency: str, period: str) -> HttpResponse:
    """Upload a filled form for this agency and period: all rows are saved, or none."""
    plan_obj, agency_obj, p = _context(plan, agency, period)
    if not can(request.user, "figure.edit", agencies=[agency_obj]):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    status = 200
    if request.method == "POST" and form.is_valid():
        lang = "en" if (request.LANGUAGE_CODE or "vi").startswith("en") else "vi"
        try:
            report = import_bytes(data=form.cleaned_data["file"].read(), actor=request.user, lang=lang,
                                  reason=form.cleaned_data["reason"], plan=plan_obj.code, agency=agency_obj.code,
                                  period=p.code)  # fmt: skip
        except ImportFailed as exc:
            errors = [e.message(lang) for e in exc.errors]
            status = 400
        else:
            messages.success(request, str(MSG_IMPORTED).format(n=len(report.saved)))
            for w in report.warnings:
                messages.warning(request, w)
            return redirect("submissions:form", plan_obj.code, agency_obj.code, p.code)
    elif request.method == "POST":
        status = 400
    context = {"plan": plan_obj, "agency": agency_obj, "period": p, "form": form, "errors": errors}
    return render(request, "submissions/upload.html", context, status=status)


@login_required
def export(request: HttpRequest, plan: str) -> HttpResponse:
    """Every current figure with revision metadata (?format=csv|json|xlsx), for members."""
    _member(request)
    plan_obj = plan_get(plan)
    fmt = request.GET.get("format", "csv")
    if fmt not in ("csv", "json", "xlsx"):
        raise Http404(fmt)
    types = {
        "csv": "text/csv; charset=utf-8",
        "json": "application/json; charset=utf-8",
        "xlsx": CONTENT_XLSX,
    }
    resp = HttpResponse(export_bytes(plan_code=plan_obj.code, fmt=fmt), content_type=types[fmt])
    resp["Content-Disposition"] = f'attachment; filename="so-lieu-{plan_obj.code}.{fmt}"'
    return resp
