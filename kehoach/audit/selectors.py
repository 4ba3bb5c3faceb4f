"""Reads on the audit trail: filtered entries, and the choices the filters offer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from kehoach.audit.models import AuditEntry

__all__ = ["AuditFilter", "audit_choices", "audit_entries", "entry_dict"]


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""
    action: str = ""
    plan: str = ""
    agency: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def audit_entries(f: AuditFilter) -> QuerySet[AuditEntry]:
    """Entries matching every filter, newest first (dates inclusive, in the server's time zone)."""
    qs = AuditEntry.objects.all().order_by("-at", "-id")
    if f.actor:
        qs = qs.filter(actor_label__icontains=f.actor)
    if f.action:
        qs = qs.filter(action=f.action)
    if f.plan:
        qs = qs.filter(plan_code=f.plan)
    if f.agency:
        qs = qs.filter(agency_code=f.agency)
    if f.date_from:
        qs = qs.filter(at__date__gte=f.date_from)
    if f.date_to:
        qs = qs.filter(at__date__lte=f.date_to)
    return qs


def audit_choices() -> dict[str, list[str]]:
    """Distinct actions, plans and agencies present in the trail (three small queries)."""

    def distinct(field: str) -> list[str]:
        values = (
            AuditEntry.objects.exclude(**{field: ""}).order_by(field).values_list(field, flat=True).distinct()
        )
        return sorted(set(values))

    return {
        "actions": distinct("action"),
        "plans": distinct("plan_code"),
        "agencies": distinct("agency_code"),
    }


def entry_dict(e: AuditEntry) -> dict[str, Any]:
    return {
        "at": e.at.isoformat(),
        "actor": e.actor_label,
        "action": e.action,
        "object_type": e.object_type,
        "object_id": e.object_id,
        "plan": e.plan_code,
        "agency": e.agency_code,
        "reason": e.reason,
        "data": e.data,
    }
