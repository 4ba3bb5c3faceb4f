"""The JSON API (django-ninja): read figures (anonymous: published only), submit with an agency token.

Errors: 400 invalid (``errors`` by field), 401 bad token, 403 not allowed,
404 unknown plan or target, 409 conflict (``current`` and ``attempted``),
423 locked period.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Query, Status
from ninja.errors import HttpError
from ninja.security import HttpBearer

from kehoach.accounts.access import can
from kehoach.api.schemas import ErrorOut, FigureIn, FigureOut, SubmitIn, TargetOut
from kehoach.api.services import token_user
from kehoach.core.periods import PeriodError, parse_period
from kehoach.plans.models import Plan, Target
from kehoach.submissions import selectors as sel
from kehoach.submissions.models import Figure
from kehoach.submissions.services import (
    BadTransition,
    FigureConflict,
    FigureInvalid,
    FigureLocked,
    NotAllowed,
    figure_save,
    figure_submit,
)

__all__ = ["ERR_TOKEN", "api"]

ERR_TOKEN = "Mã truy cập không hợp lệ hoặc đã bị thu hồi"


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return token_user(token)


api = NinjaAPI(
    title="kehoach API",
    version="1",
    description="Số liệu chỉ tiêu kinh tế - xã hội: đọc (công khai: số đã công bố) và gửi (mã truy cập của cơ quan).",
    urls_namespace="api",
)


def _reader(request: HttpRequest) -> Any:
    """The bearer token's user, else the signed-in user, else the anonymous visitor."""
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _, token = header.partition(" ")
        user = token_user(token.strip()) if scheme.lower() == "bearer" else None
        if user is None:
            raise HttpError(401, ERR_TOKEN)
        return user
    return request.user


def _auth(request: HttpRequest) -> Any:
    """The user the bearer token acts as (set by :class:`TokenAuth`)."""
    return request.auth  # type: ignore[attr-defined]


def _figure_out(f: Figure, plan_code: str) -> dict[str, Any]:
    try:
        label = parse_period(f.period).label()
    except PeriodError:
        label = f.period
    return {
        "plan": plan_code, "target": f.target.key, "period": f.period, "period_label": label, "place": f.place,
        "value": f.value, "unit": f.unit, "vintage": f.vintage, "same_period_last_year": f.same_period_last_year,
        "explanation": f.explanation, "source": f.source, "status": f.status, "is_illustrative": f.is_illustrative,
        "version": f.version, "updated_at": f.updated_at.isoformat(),
    }  # fmt: skip


@api.get("/plans/{plan}/targets", response=list[TargetOut], tags=["targets"])
def targets(request: HttpRequest, plan: str) -> list[dict[str, Any]]:
    """Every target with its assignment (lead and cooperating agencies), frequency and behaviour."""
    p = get_object_or_404(Plan, code=plan)
    rows = (
        Target.objects.filter(plan=p)
        .select_related("indicator", "lead_agency")
        .prefetch_related("cooperating_agencies")
    )
    return [
        {"key": t.key, "indicator": t.indicator.name, "qualifier": t.qualifier or "", "unit": t.unit or "",
         "lead_agency": t.lead_agency.code if t.lead_agency else "",
         "cooperating_agencies": [a.code for a in t.cooperating_agencies.all()],
         "frequency": t.frequency, "behaviour": t.behaviour}
        for t in rows
    ]  # fmt: skip


@api.get("/plans/{plan}/figures", response={200: list[FigureOut], 401: ErrorOut}, tags=["figures"])
def figures(
    request: HttpRequest,
    plan: str,
    period: str | None = Query(None),  # type: ignore[type-arg]
    target: str | None = Query(None),  # type: ignore[type-arg]
    agency: str | None = Query(None),  # type: ignore[type-arg]
) -> list[dict[str, Any]]:
    """Current figures. Without a token (or session) only published figures; with one, every status."""
    reader = _reader(request)
    p = get_object_or_404(Plan, code=plan)
    published_only = not can(reader, "figure.view_unpublished")
    rows = sel.figures_list(
        plan=p, published_only=published_only, period=period, target=target, agency=agency
    )
    return [_figure_out(f, p.code) for f in rows]


def _error(status: int, detail: str, **extra: Any) -> Status[dict[str, Any]]:
    return Status(status, {"detail": detail, **extra})


@api.post(
    "/plans/{plan}/figures",
    auth=TokenAuth(),
    response={200: FigureOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 423: ErrorOut},
    tags=["figures"],
)
def figure_put(request: HttpRequest, plan: str, body: FigureIn) -> Any:
    """Save a figure (a new revision) and, with ``submit``, send it to the secretariat."""
    p = get_object_or_404(Plan, code=plan)
    target = Target.objects.filter(plan=p, key=body.target).select_related("plan", "lead_agency").first()
    if target is None:
        return _error(404, f"không có chỉ tiêu {body.target!r}")
    try:
        period = parse_period(body.period)
        saved = figure_save(
            actor=_auth(request), target=target, period=period, value=body.value, unit=body.unit,
            vintage=body.vintage, same_period_last_year=body.same_period_last_year, explanation=body.explanation,
            source=body.source, reason=body.reason, expected_version=body.expected_version, channel="api",
        )  # fmt: skip
        fig = saved.figure
        if body.submit and fig.status == "draft":
            fig = figure_submit(actor=_auth(request), figure=fig, reason=body.reason)
    except PeriodError as exc:
        return _error(400, str(exc), errors={"period": str(exc)})
    except NotAllowed as exc:
        return _error(403, str(exc))
    except FigureLocked as exc:
        return _error(423, str(exc))
    except FigureConflict as exc:
        return _error(409, str(exc), current=exc.current, attempted=exc.attempted)
    except (FigureInvalid, BadTransition) as exc:
        return _error(400, str(exc), errors=getattr(exc, "errors", {}))
    return Status(200, _figure_out(fig, p.code))


@api.post(
    "/plans/{plan}/figures/{target}/{period}/submit",
    auth=TokenAuth(),
    response={200: FigureOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 423: ErrorOut},
    tags=["figures"],
)
def figure_send(request: HttpRequest, plan: str, target: str, period: str, body: SubmitIn) -> Any:
    """Send a draft to the secretariat (draft → submitted)."""
    fig = Figure.objects.filter(plan__code=plan, target__key=target, period=period, place="city").first()
    if fig is None:
        return _error(404, f"không có số liệu {target} kỳ {period}")
    try:
        fig = figure_submit(
            actor=_auth(request), figure=fig, reason=body.reason, expected_version=body.expected_version
        )
    except NotAllowed as exc:
        return _error(403, str(exc))
    except FigureLocked as exc:
        return _error(423, str(exc))
    except FigureConflict as exc:
        return _error(409, str(exc), current=exc.current, attempted=exc.attempted)
    except BadTransition as exc:
        return _error(400, str(exc))
    return Status(200, _figure_out(fig, plan))
