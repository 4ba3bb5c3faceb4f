"""Writing the audit trail. Services call :func:`audit_record` explicitly (no signals)."""

from __future__ import annotations

from typing import Any

from kehoach.audit.models import AuditEntry


def audit_record(
    *,
    actor: Any,
    action: str,
    object_type: str,
    object_id: str = "",
    plan_code: str = "",
    agency_code: str = "",
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry; ``actor`` is a user, or None for the system (commands, generators)."""
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    label = actor.get_username() if is_user else (str(actor) if actor else "hệ thống")
    return AuditEntry.objects.create(
        actor=actor if is_user else None,
        actor_label=label,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        plan_code=plan_code,
        agency_code=agency_code,
        reason=reason,
        data=data or {},
    )
