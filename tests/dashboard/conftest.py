"""Small figures made with the models: enough to see every part of the dashboard move."""

from __future__ import annotations

from typing import Any

import pytest


def add_figure(
    plan: Any, key: str, period: str, value: float, *, status: str = "published", **kw: Any
) -> Any:
    """A figure with its first revision (as the collection services keep them)."""
    from kehoach.plans.models import Target
    from kehoach.submissions.models import Figure, FigureRevision

    target = Target.objects.get(plan=plan, key=key)
    fig = Figure.objects.create(
        plan=plan,
        target=target,
        period=period,
        value=value,
        unit=target.unit or "",
        status=status,
        vintage=kw.pop("vintage", "preliminary"),
        version=1,
        **kw,
    )
    FigureRevision.objects.create(
        figure=fig, number=1, value=value, unit=fig.unit, vintage=fig.vintage, status=status, reason="thử"
    )
    return fig


@pytest.fixture
def assigned(hp_plan: Any) -> Any:
    return assign(hp_plan)


@pytest.fixture
def figures(assigned: Any) -> Any:
    return make_figures(assigned)


def assign(hp_plan: Any) -> Any:
    """The Hải Phòng plan with a few lead agencies: STC leads 5.x (monthly), SCT leads 7.1 (monthly),
    SXD leads 18.1 (monthly); nothing else is due."""
    from kehoach.accounts.models import Agency
    from kehoach.plans.models import Target

    Target.objects.filter(plan=hp_plan).update(lead_agency=None, frequency="annual")
    agencies = {a.code: a for a in Agency.objects.filter(code__in=["STC", "SCT", "SXD", "TK"])}
    Target.objects.filter(plan=hp_plan, key__startswith="5.").update(
        lead_agency=agencies["STC"], frequency="monthly"
    )
    Target.objects.filter(plan=hp_plan, key="7.1").update(lead_agency=agencies["SCT"], frequency="monthly")
    Target.objects.filter(plan=hp_plan, key="18.1").update(lead_agency=agencies["SXD"], frequency="monthly")
    Target.objects.get(plan=hp_plan, key="7.1").cooperating_agencies.add(agencies["TK"])
    return hp_plan


def make_figures(assigned: Any) -> Any:
    """Budget revenue (5.1) Jan–Mar 2026 published; exports (7.1) Jan–Mar published and an April
    figure only submitted; 2025 history for 5.1."""
    plan = assigned
    for m, v in [(1, 15000.0), (2, 31000.0), (3, 48123.5)]:
        add_figure(plan, "5.1", f"2026-{m:02d}", v)
        add_figure(plan, "7.1", f"2026-{m:02d}", v / 4000)
    add_figure(plan, "7.1", "2026-04", 16.5, status="submitted", vintage="estimate")
    for m, v in [(1, 12000.0), (2, 25000.0), (3, 39000.0), (12, 170000.0)]:
        add_figure(plan, "5.1", f"2025-{m:02d}", v, vintage="official")
    return plan


@pytest.fixture(autouse=True)
def _fresh_pages(settings: Any, monkeypatch: Any) -> Any:
    """Every test renders its pages (the microcache has its own tests) and asks for the banner
    on every request (query counts do not depend on timing)."""
    from kehoach.dashboard import context, microcache

    settings.KEHOACH_PAGE_CACHE_SECONDS = 0
    monkeypatch.setattr(context, "TTL_SECONDS", 0.0)
    microcache.clear()
    yield
    microcache.clear()
