"""Plan pages: parse, call selectors, render."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from kehoach.core.wording import describe_targets
from kehoach.plans.selectors import plan_default, plan_get


def plan_detail(request: HttpRequest, code: str | None = None) -> HttpResponse:
    """The resolution: metadata, theme, objective, every key indicator and target, the task groups."""
    plan = plan_get(code) if code else plan_default()
    if plan is None:
        return render(request, "plans/empty.html", status=404)
    domain = plan.to_domain()
    lang = "en" if (get_language() or "vi").startswith("en") else "vi"
    groups: dict[str, list[dict[str, object]]] = {}
    for ind in domain.indicators:
        groups.setdefault(ind.group or "", []).append(
            {"n": ind.n, "name": ind.name, "targets": describe_targets(ind, lang=lang)}
        )
    return render(
        request,
        "plans/detail.html",
        {
            "plan": plan,
            "domain": domain,
            "groups": groups,
            "sections": domain.sections,
        },
    )
