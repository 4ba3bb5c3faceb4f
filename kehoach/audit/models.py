"""The audit trail: one row per change anybody makes, never updated or deleted."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor_label = models.CharField(_("người thực hiện"), max_length=150, blank=True)
    action = models.CharField(_("thao tác"), max_length=64, db_index=True)
    object_type = models.CharField(_("đối tượng"), max_length=64)
    object_id = models.CharField(max_length=128, blank=True)
    plan_code = models.CharField(max_length=64, blank=True, db_index=True)
    agency_code = models.CharField(max_length=32, blank=True, db_index=True)
    reason = models.TextField(_("lý do"), blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("nhật ký")

    def __str__(self) -> str:
        return (
            f"{self.at:%d/%m/%Y %H:%M} {self.actor_label} {self.action} {self.object_type}:{self.object_id}"
        )
