"""Who may do what: the one place the role rules live.

Every view, API route and service asks :func:`can`; templates get the same
answers through the request's ``perms``-like helpers. Actions:

============================  ===========================================================
action                        who
============================  ===========================================================
``plan.manage``               secretariat, admin (load plans, assign agencies, scenarios)
``figure.edit``               editor of the target's lead or cooperating agency, secretariat
``figure.approve``            secretariat
``figure.publish``            secretariat
``figure.view_unpublished``   any signed-in member (secretariat, editor, viewer, council, admin)
``comment.write``             council, secretariat; an agency's editor replies on its own targets
``task.update``               editor of the task's lead agency, secretariat
``task.confirm``              secretariat
``audit.view``                secretariat, admin
``report.generate``           any signed-in member
``report.agency``             secretariat, admin, council; editor or viewer of that agency
============================  ===========================================================
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kehoach.accounts.models import Agency, Membership, Role

__all__ = ["ACTIONS", "agencies_of", "can", "roles_of"]

ACTIONS = (
    "plan.manage",
    "figure.edit",
    "figure.approve",
    "figure.publish",
    "figure.view_unpublished",
    "comment.write",
    "task.update",
    "task.confirm",
    "audit.view",
    "report.generate",
    "report.agency",
)
_GLOBAL: dict[str, set[str]] = {
    "plan.manage": {Role.SECRETARIAT, Role.ADMIN},
    "figure.approve": {Role.SECRETARIAT},
    "figure.publish": {Role.SECRETARIAT},
    "task.confirm": {Role.SECRETARIAT},
    "audit.view": {Role.SECRETARIAT, Role.ADMIN},
    "comment.write": {Role.COUNCIL, Role.SECRETARIAT},
    "figure.edit": {Role.SECRETARIAT},
    "task.update": {Role.SECRETARIAT},
    "report.agency": {Role.SECRETARIAT, Role.ADMIN, Role.COUNCIL},
}
_PER_AGENCY: dict[str, set[str]] = {
    "figure.edit": {Role.EDITOR},
    "task.update": {Role.EDITOR},
    "comment.write": {Role.EDITOR},
    "report.agency": {Role.EDITOR, Role.VIEWER},
}


def _memberships(user: Any) -> list[Membership]:
    if not getattr(user, "is_authenticated", False):
        return []
    cached: list[Membership] | None = getattr(user, "_kehoach_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("agency"))
        user._kehoach_memberships = cached
    return cached


def roles_of(user: Any) -> set[str]:
    """All role names a user holds, anywhere."""
    roles = {m.role for m in _memberships(user)}
    if getattr(user, "is_superuser", False):
        roles.add(Role.ADMIN)
    return roles


def agencies_of(user: Any, role: str | None = None) -> list[Agency]:
    """Agencies where the user holds a role (a given one, or any)."""
    return [m.agency for m in _memberships(user) if m.agency and (role is None or m.role == role)]


def can(user: Any, action: str, *, agencies: Iterable[Agency | None] = ()) -> bool:
    """True when ``user`` may do ``action``; ``agencies`` are those responsible for the object.

    For a figure or task pass its lead and cooperating agencies: an editor of any
    of them may edit. Anonymous visitors may do nothing here (they read published data).
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    roles = roles_of(user)
    if not roles:
        return False
    if action in ("figure.view_unpublished", "report.generate"):
        return True
    if roles & _GLOBAL.get(action, set()):
        return True
    allowed = _PER_AGENCY.get(action, set())
    codes = {a.pk for a in agencies if a is not None}
    return any(m.role in allowed and m.agency_id in codes for m in _memberships(user))
