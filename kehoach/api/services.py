"""Writes on API tokens: create (the token is returned once) and revoke. Audited."""

from __future__ import annotations

import secrets
from typing import Any

from django.utils import timezone

from kehoach.accounts.models import Agency
from kehoach.api.models import ApiToken, token_hash
from kehoach.audit.services import audit_record

__all__ = ["ERR_UNKNOWN_AGENCY", "token_create", "token_revoke"]

ERR_UNKNOWN_AGENCY = "Không có cơ quan mã {code!r}"


def token_create(*, actor: Any, agency_code: str, name: str = "") -> tuple[ApiToken, str]:
    """A new token for an agency; returns the row and the clear token (not stored anywhere)."""
    agency = Agency.objects.filter(code=agency_code.upper()).first()
    if agency is None:
        raise ValueError(ERR_UNKNOWN_AGENCY.format(code=agency_code))
    clear = "kh_" + secrets.token_urlsafe(32)
    row = ApiToken.objects.create(
        agency=agency,
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
