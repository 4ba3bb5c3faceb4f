"""API tokens: one or more per agency, stored as a SHA-256 hash (the token is shown once)."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kehoach.accounts.models import Agency


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="api_tokens")
    # The agency's service account (api-<code>, editor of the agency, no password): the token acts as it.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("tên"), max_length=100, blank=True)
    prefix = models.CharField(max_length=12)  # the first characters, to recognise a token in lists
    hashed = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["agency", "-created_at"]

    def __str__(self) -> str:
        return f"{self.agency.code} {self.prefix}…"
