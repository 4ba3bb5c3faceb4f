"""Writes on people: users and their roles (memberships). Audited, keyword-only."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from kehoach.accounts.access import can
from kehoach.accounts.models import Agency, Membership, Role
from kehoach.audit.services import audit_record

__all__ = [
    "ERR_AGENCY_NEEDED",
    "ERR_AGENCY_NOT_ALLOWED",
    "ERR_BAD_EMAIL",
    "ERR_NAME_EMPTY",
    "ERR_NOT_ALLOWED",
    "ERR_UNKNOWN_AGENCY",
    "ERR_UNKNOWN_ROLE",
    "AccountError",
    "agency_update",
    "membership_add",
    "membership_remove",
    "user_add",
]

ERR_NOT_ALLOWED = "Chỉ quản trị hệ thống hoặc thường trực kế hoạch được quản lý người dùng"
ERR_UNKNOWN_ROLE = "Vai trò không hợp lệ: {role!r} (chọn: {choices})"
ERR_UNKNOWN_AGENCY = "Không có cơ quan mã {code!r}"
ERR_AGENCY_NEEDED = "Vai trò {role!r} cần một cơ quan (--agency MÃ)"
ERR_AGENCY_NOT_ALLOWED = "Vai trò {role!r} không gắn với cơ quan"
ERR_BAD_EMAIL = "Địa chỉ thư không hợp lệ: {email!r} (ví dụ: sct@haiphong.gov.vn)"
ERR_NAME_EMPTY = "Tên cơ quan không được để trống"

AGENCY_ROLES = (Role.EDITOR, Role.VIEWER)


class AccountError(ValueError):
    """A user-management request that cannot be done; the message says why."""


def _require_manager(actor: Any) -> None:
    if actor is not None and not can(actor, "plan.manage"):
        raise AccountError(ERR_NOT_ALLOWED)


def _agency(role: str, agency_code: str | None) -> Agency | None:
    if role not in Role.values:
        raise AccountError(ERR_UNKNOWN_ROLE.format(role=role, choices=", ".join(Role.values)))
    if role in AGENCY_ROLES and not agency_code:
        raise AccountError(ERR_AGENCY_NEEDED.format(role=role))
    if role not in AGENCY_ROLES and agency_code:
        raise AccountError(ERR_AGENCY_NOT_ALLOWED.format(role=role))
    if not agency_code:
        return None
    agency = Agency.objects.filter(code=agency_code.upper()).first()
    if agency is None:
        raise AccountError(ERR_UNKNOWN_AGENCY.format(code=agency_code))
    return agency


@transaction.atomic
def membership_add(*, actor: Any, user: Any, role: str, agency_code: str | None = None) -> Membership:
    """Give ``user`` a role (for an agency when the role is editor or viewer). Idempotent."""
    _require_manager(actor)
    agency = _agency(role, agency_code)
    membership, _ = Membership.objects.get_or_create(user=user, role=role, agency=agency)
    audit_record(
        actor=actor,
        action="membership.add",
        object_type="user",
        object_id=user.get_username(),
        agency_code=agency.code if agency else "",
        data={"role": role},
    )
    return membership


@transaction.atomic
def membership_remove(*, actor: Any, user: Any, role: str, agency_code: str | None = None) -> int:
    _require_manager(actor)
    agency = _agency(role, agency_code)
    n, _ = Membership.objects.filter(user=user, role=role, agency=agency).delete()
    audit_record(
        actor=actor,
        action="membership.remove",
        object_type="user",
        object_id=user.get_username(),
        agency_code=agency.code if agency else "",
        data={"role": role, "removed": n},
    )
    return n


@transaction.atomic
def user_add(
    *,
    actor: Any,
    username: str,
    role: str,
    agency_code: str | None = None,
    password: str | None = None,
    email: str = "",
) -> Any:
    """Create the user if needed (no usable password unless given) and give it the role."""
    _require_manager(actor)
    _agency(role, agency_code)  # validate before creating anything
    model = get_user_model()
    user = model.objects.filter(username=username).first()
    if user is None:
        user = model.objects.create_user(username=username, email=email, password=password)
        audit_record(actor=actor, action="user.add", object_type="user", object_id=username)
    elif password:
        user.set_password(password)
        user.save()
    membership_add(actor=actor, user=user, role=role, agency_code=agency_code)
    return user


@transaction.atomic
def agency_update(
    *, actor: Any, code: str, email: str | None = None, name: str | None = None, reason: str = ""
) -> Agency:
    """Set an agency's e-mail address (where reminders go; "" clears it) and/or its name.

    The audit entry keeps the values before and after.
    """
    _require_manager(actor)
    agency = Agency.objects.select_for_update().filter(code=code.strip().upper()).first()
    if agency is None:
        raise AccountError(ERR_UNKNOWN_AGENCY.format(code=code))
    changes: dict[str, str] = {}
    if email is not None:
        email = email.strip()
        try:
            if email:
                validate_email(email)
        except ValidationError as exc:
            raise AccountError(ERR_BAD_EMAIL.format(email=email)) from exc
        changes["email"] = email
    if name is not None:
        if not name.strip():
            raise AccountError(ERR_NAME_EMPTY)
        changes["name"] = name.strip()
    if not changes:  # nothing asked: show it as it is
        return agency
    before = {k: getattr(agency, k) for k in changes}
    for k, v in changes.items():
        setattr(agency, k, v)
    agency.save(update_fields=list(changes))
    audit_record(actor=actor, action="agency.update", object_type="agency", object_id=agency.code,
                 agency_code=agency.code, reason=reason, data={"before": before, "after": changes})  # fmt: skip
    return agency
