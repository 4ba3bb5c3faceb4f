"""Agencies and who may do what for them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Agency(models.Model):
    """A city agency or a central branch that reports figures (STC, SCT, TK, THUE…)."""

    code = models.CharField(_("mã"), max_length=32, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    kind = models.CharField(_("loại"), max_length=32, blank=True)
    confidence = models.CharField(max_length=16, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan")

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Thường trực kế hoạch (Sở Tài chính)")
    EDITOR = "editor", _("Cán bộ nhập liệu của cơ quan")
    VIEWER = "viewer", _("Người xem của cơ quan")
    COUNCIL = "council", _("Đại biểu, Ban HĐND")
    ADMIN = "admin", _("Quản trị hệ thống")


class Membership(models.Model):
    """A role of a user, for one agency (editor, viewer) or for the whole system (the others)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.CASCADE, related_name="members"
    )
    role = models.CharField(max_length=16, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "agency", "role"], name="unique_membership"),
            models.UniqueConstraint(
                fields=["user", "role"], condition=models.Q(agency__isnull=True), name="unique_global_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.role} {self.agency.code if self.agency else '*'}"
