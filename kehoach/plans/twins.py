"""Data twins: every page answers ``?format=json`` and ``?format=csv`` at the same URL.

A view builds its context once and hands the machine-readable part to
:func:`respond`; HTML, JSON and CSV are then three renderings of the same data,
so the page and its twins cannot disagree. JSON keys are a stability promise
(docs/api.md): add fields, never rename them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

__all__ = ["respond", "wanted_format"]


def wanted_format(request: HttpRequest) -> str:
    fmt = request.GET.get("format", "html").lower()
    return fmt if fmt in ("json", "csv") else "html"


def respond(
    request: HttpRequest,
    *,
    template: str,
    context: Mapping[str, Any],
    data: Mapping[str, Any],
    rows: Sequence[Mapping[str, Any]] | None = None,
    filename: str = "kehoach",
    status: int = 200,
) -> HttpResponse:
    """Render ``template`` with ``context``, or ``data`` as JSON, or ``rows`` as CSV (UTF-8 with BOM
    so that Excel opens Vietnamese text correctly)."""
    fmt = wanted_format(request)
    if fmt == "json":
        body = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder, indent=1)
        resp = HttpResponse(body, content_type="application/json; charset=utf-8", status=status)
        resp["Access-Control-Allow-Origin"] = "*"
        return resp
    if fmt == "csv":
        out = io.StringIO()
        table = list(rows or [])
        if table:
            writer = csv.DictWriter(out, fieldnames=list(table[0].keys()), extrasaction="ignore")
            writer.writeheader()
            writer.writerows(table)
        resp = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8", status=status)
        resp["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return resp
    return render(request, template, dict(context), status=status)
