"""Writes of the dashboard: comments and replies on an indicator (each with its audit entry)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from kehoach.accounts.access import agencies_of, can, roles_of
from kehoach.accounts.models import Role
from kehoach.audit.services import audit_record
from kehoach.dashboard.models import Comment
from kehoach.plans.models import Indicator, Target

__all__ = ["ERR_NOT_ALLOWED", "ERR_REPLY_ONLY", "comment_create"]

ERR_NOT_ALLOWED = "Bạn không có quyền góp ý về chỉ tiêu này."
ERR_REPLY_ONLY = "Cơ quan chủ trì chỉ trả lời ý kiến, không mở ý kiến mới."


def _lead_agencies(indicator: Indicator) -> list[Any]:
    return [t.lead_agency for t in Target.objects.filter(indicator=indicator).select_related("lead_agency")]


def can_open(user: Any) -> bool:
    """Council members and the secretariat open comments."""
    return bool(roles_of(user) & {Role.COUNCIL, Role.SECRETARIAT})


def can_reply(user: Any, indicator: Indicator) -> bool:
    """Whoever may comment, and the editors of the indicator's lead agencies, reply."""
    return can(user, "comment.write", agencies=_lead_agencies(indicator))


@transaction.atomic
def comment_create(
    *, actor: Any, indicator: Indicator, text: str, parent: Comment | None = None, period: str = ""
) -> Comment:
    """Add a comment (council, secretariat) or a reply (also the lead agency's editor)."""
    if parent is None and not can_open(actor):
        raise PermissionDenied(ERR_REPLY_ONLY if can_reply(actor, indicator) else ERR_NOT_ALLOWED)
    if parent is not None and not can_reply(actor, indicator):
        raise PermissionDenied(ERR_NOT_ALLOWED)
    roles = roles_of(actor)
    role = next((r for r in (Role.COUNCIL, Role.SECRETARIAT, Role.EDITOR) if r in roles), "")
    lead = {a.pk for a in _lead_agencies(indicator) if a is not None}
    agency = next((a for a in agencies_of(actor, Role.EDITOR) if a.pk in lead), None)
    comment = Comment.objects.create(
        plan=indicator.plan,
        indicator=indicator,
        parent=parent if parent is None else (parent.parent or parent),
        period=period,
        text=text,
        author=actor,
        author_label=actor.get_username(),
        author_role=str(role),
        agency=agency if role == Role.EDITOR else None,
    )
    audit_record(
        actor=actor,
        action="comment.reply" if parent else "comment.create",
        object_type="comment",
        object_id=str(comment.pk),
        plan_code=indicator.plan.code,
        agency_code=agency.code if agency else "",
        data={"indicator": indicator.n, "parent": parent.pk if parent else None, "text": text},
    )
    return comment
