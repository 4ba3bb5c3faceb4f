"""Every current figure of a plan with its revision metadata, as CSV, JSON or Excel.

The rows are the stable JSON contract of ``kehoach data export`` and of
``/figures/export``: fields may be added, never renamed (docs/api.md).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from typing import Any

from django.db.models import Count, Max

from kehoach.core.periods import PeriodError, parse_period
from kehoach.submissions.models import Figure, FigureRevision

__all__ = ["EXPORT_FIELDS", "export_bytes", "export_figures", "export_rows"]

EXPORT_FIELDS = (
    "plan", "target", "indicator", "qualifier", "lead_agency", "period", "period_label", "place",
    "value", "unit", "vintage", "same_period_last_year", "explanation", "source", "status",
    "is_illustrative", "version", "revisions", "changed_at", "changed_by", "change_reason", "channel",
)  # fmt: skip


def _label(code: str) -> str:
    try:
        return parse_period(code).label()
    except PeriodError:
        return code


def export_rows(*, plan_code: str) -> list[dict[str, Any]]:
    """One dict per current figure, ordered by indicator, target, period, place. Three queries."""
    figures = (
        Figure.objects.filter(plan__code=plan_code)
        .select_related("target__indicator", "target__lead_agency")
        .annotate(n_revisions=Count("revisions"), last_number=Max("revisions__number"))
        .order_by("target__indicator__n", "target__position", "period", "place")
    )
    figs = list(figures)
    last = {
        (r.figure_id, r.number): r
        for r in FigureRevision.objects.filter(figure__plan__code=plan_code).only(
            "figure_id", "number", "created_at", "created_by_label", "reason", "channel"
        )
    }
    rows = []
    for f in figs:
        rev = last.get((f.pk, f.last_number))
        t = f.target
        rows.append({
            "plan": plan_code, "target": t.key, "indicator": t.indicator.name, "qualifier": t.qualifier or "",
            "lead_agency": t.lead_agency.code if t.lead_agency else "", "period": f.period,
            "period_label": _label(f.period), "place": f.place, "value": f.value, "unit": f.unit,
            "vintage": f.vintage, "same_period_last_year": f.same_period_last_year,
            "explanation": f.explanation, "source": f.source, "status": f.status,
            "is_illustrative": f.is_illustrative, "version": f.version, "revisions": f.n_revisions,
            "changed_at": rev.created_at.isoformat() if rev else None,
            "changed_by": rev.created_by_label if rev else "", "change_reason": rev.reason if rev else "",
            "channel": rev.channel if rev else "",
        })  # fmt: skip
    return rows


def export_bytes(*, plan_code: str, fmt: str) -> bytes:
    rows = export_rows(plan_code=plan_code)
    if fmt == "json":
        doc = {"plan": plan_code, "fields": list(EXPORT_FIELDS), "figures": rows}
        return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    if fmt == "xlsx":
        return _xlsx(rows)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(EXPORT_FIELDS))
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _xlsx(rows: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Số liệu"
    ws.append(list(EXPORT_FIELDS))
    for r in rows:
        ws.append([r[k] for k in EXPORT_FIELDS])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export_figures(*, plan_code: str, fmt: str, path: str) -> None:
    data = export_bytes(plan_code=plan_code, fmt=fmt)
    if path in ("", "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        with open(path, "wb") as fh:
            fh.write(data)
