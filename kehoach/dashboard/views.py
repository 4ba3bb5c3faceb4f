"""Dashboard pages: parse, call selectors, render (HTML, JSON and CSV twins)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from kehoach.accounts.access import can
from kehoach.core.periods import Period, PeriodError, parse_period
from kehoach.dashboard import detail_selectors as detail
from kehoach.dashboard.forms import ERR_NO_PARENT, CommentForm
from kehoach.dashboard.microcache import cached_page
from kehoach.dashboard.models import Comment
from kehoach.dashboard.selectors import (
    Judged,
    judged_plan,
    overview,
    overview_csv_rows,
    published_only_for,
)
from kehoach.dashboard.services import can_open, can_reply, comment_create
from kehoach.formats.charts import sparkline_svg
from kehoach.plans.models import Indicator, Plan
from kehoach.plans.selectors import plan_default, plan_get
from kehoach.plans.twins import respond

VERDICT_FILTERS = ("ok", "warn", "bad", "none")


def _lang() -> str:
    return "en" if (get_language() or "vi").startswith("en") else "vi"


def _code(request: HttpRequest, code: str | None) -> str | None:
    """The plan asked for: ``?plan=CODE`` (any loaded plan), else the default plan (None)."""
    return code or request.GET.get("plan", "").strip() or None


def _plan(code: str | None) -> Plan:
    plan = plan_get(code) if code else plan_default()
    if plan is None or plan.status == Plan.Status.DRAFT:  # drafts are reviewed at /plans/, not shown
        raise Http404("no plan")
    return plan


def _plan_links(plan: Plan) -> dict[str, Any]:
    """What the templates need to keep a non-default plan in their links, and the plan picker.

    One query: the default plan is found among the listed ones as :func:`plan_default` finds it.
    """
    shown = list(
        Plan.objects.exclude(status=Plan.Status.DRAFT).only("code", "title", "province", "status", "year_end")
        .order_by("-year_end", "code")
    )  # fmt: skip
    active = [p for p in shown if p.status == Plan.Status.ACTIVE]
    configured = [p for p in shown if p.code == settings.KEHOACH_DEFAULT_PLAN]
    default = next(iter(configured or active), None)
    is_default = default is not None and default.code == plan.code
    return {
        "plan_q": "" if is_default else urlencode({"plan": plan.code}),
        "resolution_url": reverse("plans:default")
        if is_default
        else reverse("plans:detail", args=[plan.code]),
        "plans": active if len(active) > 1 else [],
        "default_plan_code": default.code if default else "",
    }


def _period(request: HttpRequest, period: str | None) -> Period | None:
    raw = period or request.GET.get("period", "")
    return parse_period(raw) if raw else None


def _judge(request: HttpRequest, plan: Plan, period: str | None) -> Judged:
    return judged_plan(plan, _period(request, period), published_only=published_only_for(request.user))


def _bad_period(request: HttpRequest, exc: PeriodError) -> HttpResponse:
    return render(request, "dashboard/error.html", {"message": str(exc)}, status=400)


# The language switch carries no CSRF token, so that public pages hold nothing tied to one
# visitor and can be cached whole; switching someone's language is harmless.
language = csrf_exempt(set_language)


def healthz(request: HttpRequest) -> HttpResponse:
    """The smallest Django view: the throughput baseline of bench/dashboard_throughput.py."""
    return HttpResponse("ok", content_type="text/plain")


def home(request: HttpRequest, period: str | None = None, code: str | None = None) -> HttpResponse:
    """The overview: every key indicator judged at a period, who has not reported, the tasks."""
    return cached_page(request, lambda: _home(request, period, _code(request, code)))


def _home(request: HttpRequest, period: str | None, code: str | None) -> HttpResponse:
    plan = plan_get(code) if code else plan_default()
    if plan is None:
        return render(request, "plans/empty.html", status=404)
    if plan.status == Plan.Status.DRAFT:
        raise Http404(plan.code)
    try:
        j = _judge(request, plan, period)
    except PeriodError as exc:
        return _bad_period(request, exc)
    verdict = request.GET.get("verdict", "")
    data = overview(
        j,
        lang=_lang(),
        group=request.GET.get("group", ""),
        agency=request.GET.get("agency", ""),
        verdict=verdict if verdict in VERDICT_FILTERS else "",
    )
    rows = data["indicators"]
    for r in rows:
        r["spark"] = sparkline_svg(r["trend"], label=r["name"])
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(r["group"], []).append(r)
    context = {"plan": j.plan, "domain": j.domain, "d": data, "groups": groups, "as_of": j.as_of,
               **_plan_links(j.plan)}  # fmt: skip
    json_data = {**data, "indicators": [{k: v for k, v in r.items() if k != "spark"} for r in rows]}
    return respond(
        request,
        template="dashboard/overview.html",
        context=context,
        data=json_data,
        rows=overview_csv_rows(data),
        filename=f"kehoach-{j.plan.code}-{j.as_of.code}",
    )


def indicator(request: HttpRequest, n: int, code: str | None = None) -> HttpResponse:
    """One indicator: chart, figures with revisions, the resolution's sentence, agencies, comments."""
    return cached_page(request, lambda: _indicator(request, n, _code(request, code)))


def _indicator(request: HttpRequest, n: int, code: str | None) -> HttpResponse:
    try:
        j = _judge(request, _plan(code), None)
    except PeriodError as exc:
        return _bad_period(request, exc)
    ind, data = detail.indicator_page(j, n, _lang())
    charts = detail.indicator_charts(j, n, _lang())
    data = {**data, "as_of": j.as_of.code, "plan": j.plan.code, "charts": [c["spec"] for c in charts]}
    signed_in = can(request.user, "figure.view_unpublished")
    context = {
        "plan": j.plan,
        "as_of": j.as_of,
        "d": data,
        "charts": charts,
        "comments": detail.comments_of(ind) if signed_in else None,
        "can_open": can_open(request.user),
        "can_reply": can_reply(request.user, ind),
        "form": CommentForm(),
        "reports": _reports_url(),
        **_plan_links(j.plan),
    }
    return respond(
        request,
        template="dashboard/indicator.html",
        context=context,
        data=data,
        rows=[{k: v for k, v in f.items() if k != "revisions"} for f in data["figures"]],
        filename=f"kehoach-{j.plan.code}-chi-tieu-{n}-{j.as_of.code}",
    )


@require_POST
def comment(request: HttpRequest, n: int, code: str | None = None) -> HttpResponse:
    """Post a comment (council, secretariat) or a reply (also the lead agency's editor)."""
    if not request.user.is_authenticated:
        return redirect(f"/accounts/login/?next={request.path}")
    plan = _plan(_code(request, code))
    ind = get_object_or_404(Indicator, plan=plan, n=n)
    q = _plan_links(plan)["plan_q"]
    back = request.path.rsplit("comment/", 1)[0] + (f"?{q}" if q else "")
    form = CommentForm(request.POST)
    parent = None
    if form.is_valid() and form.cleaned_data.get("parent"):
        parent = Comment.objects.filter(pk=form.cleaned_data["parent"], indicator=ind).first()
        if parent is None:
            form.add_error("parent", ERR_NO_PARENT)
    if not form.is_valid():
        return render(
            request, "dashboard/comment_error.html", {"form": form, "n": n, "back": back}, status=400
        )
    try:
        comment_create(actor=request.user, indicator=ind, text=form.cleaned_data["text"], parent=parent)
    except PermissionDenied as exc:
        return render(request, "dashboard/error.html", {"message": str(exc)}, status=403)
    return redirect(f"{back}#comments")


@login_required
def agency(request: HttpRequest, agency_code: str, code: str | None = None) -> HttpResponse:
    """An agency's indicators, tasks and reporting record (members only)."""
    if not can(request.user, "figure.view_unpublished"):
        raise PermissionDenied
    try:
        j = _judge(request, _plan(_code(request, code)), None)
    except PeriodError as exc:
        return _bad_period(request, exc)
    data = detail.agency_page(j, agency_code, _lang())
    data = {**data, "as_of": j.as_of.code, "plan": j.plan.code}
    return respond(
        request,
        template="dashboard/agency.html",
        context={"plan": j.plan, "as_of": j.as_of, "d": data, **_plan_links(j.plan)},
        data=data,
        rows=[{k: v for k, v in r.items() if k != "sort"} for r in data["record"]],
        filename=f"kehoach-{j.plan.code}-{agency_code}",
    )


def _reports_url() -> str:
    from django.urls import NoReverseMatch

    try:
        return reverse("reports:index")
    except NoReverseMatch:
        return ""
