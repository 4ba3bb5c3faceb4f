"""Generate a report file (DOCX, PDF or HTML) and record who generated it.

:func:`report_generate` is the one entry point of the command line and the
pages: it checks the request (kind, format, period, agency), reads the data,
builds the report, writes the file and adds an audit entry. Bad requests raise
:class:`ReportError` with a message for the user, before anything is read.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from kehoach.accounts.models import Agency
from kehoach.audit.services import audit_record
from kehoach.core.periods import Period
from kehoach.core.report_model import Report
from kehoach.plans.models import Plan
from kehoach.reports.build import build_report
from kehoach.reports.charts import chart_blocks
from kehoach.reports.kinds import (
    COMMITTEES,
    ERR_AGENCY_NEEDED,
    ERR_FORMAT,
    ERR_KIND,
    FORMATS,
    KINDS,
    check_kind_period,
)
from kehoach.reports.selectors import report_data

__all__ = [
    "ERR_AGENCY_UNKNOWN",
    "ERR_COMMITTEE",
    "ERR_PLAN_UNKNOWN",
    "GeneratedReport",
    "ReportError",
    "filename_for",
    "render",
    "report_build",
    "report_generate",
]

ERR_PLAN_UNKNOWN = "không có kế hoạch mã {plan!r}"
ERR_AGENCY_UNKNOWN = "không có cơ quan mã {agency!r}"
ERR_COMMITTEE = "ban HĐND không hợp lệ: {committee!r} (chọn ktns, vhxh, dt hoặc pc)"


class ReportError(ValueError):
    """A report request that cannot be honoured; the message says why."""


@dataclass(frozen=True)
class GeneratedReport:
    content: bytes
    filename: str
    content_type: str
    seconds: float


def _check(kind: str, fmt: str, as_of: Period, agency_code: str | None, committee: str | None) -> None:
    if kind not in KINDS:
        raise ReportError(ERR_KIND.format(kind=kind))
    if fmt not in FORMATS:
        raise ReportError(ERR_FORMAT.format(fmt=fmt))
    problem = check_kind_period(kind, as_of)
    if problem:
        raise ReportError(problem)
    if kind == "agency" and not agency_code:
        raise ReportError(ERR_AGENCY_NEEDED)
    if committee and committee not in COMMITTEES:
        raise ReportError(ERR_COMMITTEE.format(committee=committee))


def report_build(
    *,
    plan_code: str,
    as_of: Period,
    kind: str,
    agency_code: str | None = None,
    committee: str | None = None,
    charts: bool = True,
    svg_charts: bool = False,
) -> Report:
    """The report model (no file yet). Raises :class:`ReportError` on a bad request."""
    _check(kind, "docx", as_of, agency_code, committee)
    agency = None
    if kind == "agency":
        agency = Agency.objects.filter(code=agency_code).first()
        if agency is None:
            raise ReportError(ERR_AGENCY_UNKNOWN.format(agency=agency_code))
    try:
        data = report_data(plan_code=plan_code, as_of=as_of, kind=kind, agency=agency, committee=committee)
    except Plan.DoesNotExist as exc:
        raise ReportError(ERR_PLAN_UNKNOWN.format(plan=plan_code)) from exc
    drawn = (
        chart_blocks(data.lines, data.series, data.evaluation, as_of.year, svg=svg_charts) if charts else []
    )
    return build_report(data, charts=drawn)


def render(report: Report, fmt: str) -> bytes:
    """The report in one format (PDF errors surface as :class:`ReportError`)."""
    if fmt == "docx":
        from kehoach.formats.docx_report import write_docx

        return write_docx(report)
    if fmt == "html":
        from kehoach.formats.html_report import render_html

        return render_html(report).encode("utf-8")
    from kehoach.formats.pdf import PdfError, report_pdf

    try:
        return report_pdf(report)
    except PdfError as exc:
        raise ReportError(str(exc)) from exc


def filename_for(plan_code: str, as_of: Period, kind: str, fmt: str, agency_code: str | None) -> str:
    who = f"-{agency_code}" if kind == "agency" and agency_code else ""
    return f"bao-cao-{plan_code}-{as_of.code}-{kind}{who}.{fmt}"


def report_generate(
    *,
    plan_code: str,
    as_of: Period,
    kind: str,
    fmt: str,
    actor: Any = None,
    agency_code: str | None = None,
    committee: str | None = None,
    charts: bool = True,
) -> GeneratedReport:
    """Build and write one report, and add an audit entry ("report.generate")."""
    _check(kind, fmt, as_of, agency_code, committee)
    started = time.perf_counter()
    report = report_build(
        plan_code=plan_code,
        as_of=as_of,
        kind=kind,
        agency_code=agency_code,
        committee=committee,
        charts=charts,
        svg_charts=fmt == "html",
    )
    content = render(report, fmt)
    seconds = time.perf_counter() - started
    audit_record(
        actor=actor,
        action="report.generate",
        object_type="report",
        object_id=f"{kind}:{as_of.code}",
        plan_code=plan_code,
        agency_code=agency_code or "",
        data={
            "kind": kind,
            "format": fmt,
            "as_of": as_of.code,
            "committee": committee or "",
            "bytes": len(content),
        },
    )
    return GeneratedReport(
        content=content,
        filename=filename_for(plan_code, as_of, kind, fmt, agency_code),
        content_type=FORMATS[fmt],
        seconds=seconds,
    )
