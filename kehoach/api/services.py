"""Writes on API tokens: create (the token is returned once) and revoke. Audited."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from kehoach.accounts.models import Agency, Membership, Role
from kehoach.api.models import ApiToken, token_hash
from kehoach.audit.services import audit_record

__all__ = ["ERR_UNKNOWN_AGENCY", "token_create", "token_revoke", "token_user"]

ERR_UNKNOWN_AGENCY = "Không có cơ quan mã {code!r}"


def token_create(*, actor: Any, agency_code: str, name: str = "") -> tuple[ApiToken, str]:
    """A new token for an agency; returns the row and the clear token (not stored anywhere)."""
    agency = Agency.objects.filter(code=agency_code.upper()).first()
    if agency is None:
        raise ValueError(ERR_UNKNOWN_AGENCY.format(code=agency_code))
    clear = "kh_" + secrets.token_urlsafe(32)
    row = ApiToken.objects.create(
        agency=agency,
        user=_service_account(agency),
        name=name,
        prefix=clear[:10],
        hashed=token_hash(clear),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_record(
        actor=actor,
        action="api_token.create",
        object_type="api_token",
        object_id=str(row.pk),
        agency_code=agency.code,
        data={"name": name, "prefix": row.prefix},
    )
    return row, clear


def _service_account(agency: Agency) -> Any:
    """The agency's API user: ``api-<code>``, editor of the agency, no usable password."""
    user, created = get_user_model().objects.get_or_create(username=f"api-{agency.code.lower()}")
    if created:
        user.set_unusable_password()
        user.save()
    Membership.objects.get_or_create(user=user, role=Role.EDITOR, agency=agency)
    return user


def token_user(clear: str) -> Any | None:
    """The user a bearer token acts as, or None (unknown or revoked). Records when it was last used."""
    row = (
        ApiToken.objects.filter(hashed=token_hash(clear), revoked_at__isnull=True)
        .select_related("user", "agency")
        .first()
    )
    if row is None or row.user is None:
        return None
    ApiToken.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
    return row.user


def token_revoke(*, actor: Any, token: ApiToken) -> ApiToken:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(
        actor=actor,
        action="api_token.revoke",
        object_type="api_token",
        object_id=str(token.pk),
        agency_code=token.agency.code,
    )
    return token
