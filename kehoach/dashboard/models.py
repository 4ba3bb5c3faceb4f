"""Comments of Council members on an indicator and the agencies' replies.

A comment is never edited or deleted: a correction is a new comment. A reply
points at the comment it answers (``parent``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kehoach.accounts.models import Agency
from kehoach.plans.models import Indicator, Plan


class Comment(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="comments")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    period = models.CharField(_("kỳ"), max_length=10, blank=True)
    text = models.TextField(_("nội dung"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    author_label = models.CharField(max_length=150)
    author_role = models.CharField(max_length=16)  # council, secretariat, editor
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.SET_NULL)  # a reply's agency
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indicator", "created_at", "pk"]
        verbose_name = _("ý kiến")

    def __str__(self) -> str:
        return f"{self.indicator} {self.author_label}: {self.text[:40]}"
