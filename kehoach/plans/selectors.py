"""Reads on plans."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404

from kehoach.plans.models import Plan

__all__ = ["plan_default", "plan_get", "plan_list"]


def plan_list() -> list[Plan]:
    return list(Plan.objects.exclude(status=Plan.Status.DRAFT))


def plan_get(code: str) -> Plan:
    """A plan by its code; ``Http404`` when there is none."""
    plan = Plan.objects.filter(code=code).first()
    if plan is None:
        raise Http404(code)
    return plan


def plan_default() -> Plan | None:
    """The plan shown at ``/``: the configured one, else the newest active one."""
    plan = Plan.objects.filter(code=settings.KEHOACH_DEFAULT_PLAN).first()
    return plan or Plan.objects.filter(status=Plan.Status.ACTIVE).order_by("-year_end").first()
