"""Report pages: the choice form, the on-screen preview and the download (thin: parse, call, render)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kehoach.accounts.access import can
from kehoach.accounts.models import Agency
from kehoach.core.periods import Period
from kehoach.formats.html_report import REPORT_CSS, report_body_html
from kehoach.plans.twins import respond
from kehoach.reports.forms import ReportForm
from kehoach.reports.kinds import FORMATS, KIND_LABELS
from kehoach.reports.selectors import agency_choices, plan_choices
from kehoach.reports.services import ReportError, report_build, report_generate

__all__ = ["ERR_FORBIDDEN", "ERR_FORBIDDEN_AGENCY", "download", "index", "preview"]

ERR_FORBIDDEN = gettext_noop("Tài khoản chưa được giao vai trò nào nên chưa lập được báo cáo.")
ERR_FORBIDDEN_AGENCY = gettext_noop(
    "Chỉ cơ quan {agency}, Thường trực kế hoạch, Thường trực và các Ban HĐND lập được báo cáo này."
)


def _default_period(today: dt.date) -> str:
    """The month before today: the latest month whose figures are usually in."""
    first = today.replace(day=1) - dt.timedelta(days=1)
    return f"{first.year}-{first.month:02d}"


def _form(request: HttpRequest, data: Any = None) -> ReportForm:
    initial = {"as_of": _default_period(timezone.localdate()), "kind": "monthly", "format": "docx"}
    return ReportForm(data, initial=initial, plans=plan_choices(), agencies=agency_choices())


def _refusal(request: HttpRequest, kind: str, agency_code: str) -> HttpResponse | None:
    """A 403 page when the user may not generate this report, else None (rules in accounts.access)."""
    if not can(request.user, "report.generate"):
        return render(request, "reports/error.html", {"message": _(ERR_FORBIDDEN)}, status=403)
    if kind == "agency":
        agency = Agency.objects.filter(code=agency_code).first()
        if agency is not None and not can(request.user, "report.agency", agencies=[agency]):
            msg = _(ERR_FORBIDDEN_AGENCY).format(agency=agency.name)
            return render(request, "reports/error.html", {"message": msg}, status=403)
    return None


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The form to choose a report; JSON/CSV twins list the kinds and formats."""
    if not can(request.user, "report.generate"):
        return render(request, "reports/error.html", {"message": _(ERR_FORBIDDEN)}, status=403)
    form = _form(request)
    kinds = [{"kind": k, "label": v} for k, v in KIND_LABELS.items()]
    data = {"kinds": kinds, "formats": list(FORMATS), "plans": [c for c, _t in plan_choices()]}
    return respond(
        request,
        template="reports/index.html",
        context={"form": form, "kinds": kinds},
        data=data,
        rows=kinds,
        filename="bao-cao-loai",
    )


def _valid(request: HttpRequest, *, twin: bool = False) -> tuple[dict[str, Any] | None, HttpResponse | None]:
    query = request.GET.copy()
    if twin and query.get("format") not in FORMATS:
        query.pop("format", None)  # ?format=json|csv asks for the page's data twin, not a file
    form = _form(request, query)
    if not form.is_valid():
        return None, render(request, "reports/index.html", {"form": form}, status=400)
    params = form.cleaned_data
    refusal = _refusal(request, params["kind"], params.get("agency") or "")
    return (None, refusal) if refusal else (params, None)


@login_required
def preview(request: HttpRequest) -> HttpResponse:
    """The report on screen, with download buttons for DOCX, PDF and HTML."""
    params, problem = _valid(request, twin=True)
    if problem is not None or params is None:
        return problem or HttpResponse(status=400)
    as_of: Period = params["as_of"]
    try:
        report = report_build(
            plan_code=params["plan"],
            as_of=as_of,
            kind=params["kind"],
            agency_code=params.get("agency") or None,
            committee=params.get("committee") or None,
            svg_charts=True,
        )
    except ReportError as exc:
        return render(request, "reports/error.html", {"message": str(exc)}, status=400)
    query = {k: v for k, v in request.GET.items() if k != "format"}
    query["as_of"] = as_of.code
    links = [(f.upper(), f"/reports/download/?{urlencode({**query, 'format': f})}") for f in FORMATS]
    rows = [
        {"table": t.title, **dict(zip(t.columns, r, strict=False))}
        for t in report.all_tables()[:1]
        for r in t.rows
    ]
    data = {
        "title": report.title,
        "subtitle": report.subtitle,
        "illustrative": report.illustrative,
        "rows": rows,
    }
    context = {
        "report_html": report_body_html(report),
        "report_css": REPORT_CSS,
        "links": links,
        "report": report,
        "illustrative": report.illustrative,
    }
    return respond(
        request, template="reports/preview.html", context=context, data=data, rows=rows, filename="bao-cao"
    )


@login_required
def download(request: HttpRequest) -> HttpResponse:
    """The file itself: ``?plan=…&as_of=…&kind=…&format=docx|pdf|html[&agency=…][&committee=…]``."""
    params, problem = _valid(request)
    if problem is not None or params is None:
        return problem or HttpResponse(status=400)
    try:
        result = report_generate(
            plan_code=params["plan"],
            as_of=params["as_of"],
            kind=params["kind"],
            fmt=params["format"],
            actor=request.user,
            agency_code=params.get("agency") or None,
            committee=params.get("committee") or None,
        )
    except ReportError as exc:
        return render(request, "reports/error.html", {"message": str(exc)}, status=400)
    resp = HttpResponse(result.content, content_type=result.content_type)
    disposition = "inline" if params["format"] == "html" else "attachment"
    resp["Content-Disposition"] = f'{disposition}; filename="{result.filename}"'
    return resp
