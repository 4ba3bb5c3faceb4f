"""Plans as stored: the interchange document is the truth; indicator and target rows mirror it.

``Plan.document`` holds the current version of the interchange format
(:class:`kehoach.core.plan.Plan`); each accepted change adds a
:class:`PlanRevision`. :class:`Indicator` and :class:`Target` rows exist so that
figures, assignments and scenarios can point at a target by a stable key
(``"5.1"``: indicator 5, its first target).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kehoach.accounts.models import Agency
from kehoach.core.measures import BEHAVIOURS, FREQUENCIES
from kehoach.core.plan import COMPARATORS, KINDS
from kehoach.core.plan import Plan as DomainPlan


class Plan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Bản nháp")
        ACTIVE = "active", _("Đang thực hiện")
        ARCHIVED = "archived", _("Lưu trữ")

    code = models.SlugField(_("mã"), max_length=64, unique=True)
    title = models.CharField(_("tên"), max_length=500)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255)
    province = models.CharField(_("tỉnh, thành phố"), max_length=100, blank=True)
    year_start = models.PositiveSmallIntegerField()
    year_end = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.ACTIVE)
    document = models.JSONField()
    version = models.PositiveIntegerField(default=1)
    # Reports: issuing body and signer (Decree 30/2020/NĐ-CP header and signature).
    report_issuer_parent = models.CharField(max_length=255, blank=True, default="")
    report_issuer = models.CharField(max_length=255, blank=True, default="")
    report_place = models.CharField(max_length=100, blank=True, default="")
    report_signer_title = models.CharField(max_length=255, blank=True, default="")
    report_signer_name = models.CharField(max_length=255, blank=True, default="")
    report_symbol = models.CharField(max_length=64, blank=True, default="BC-UBND")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year_start", "code"]
        verbose_name = _("kế hoạch")

    def __str__(self) -> str:
        return self.code

    def to_domain(self) -> DomainPlan:
        # Stored documents were validated by plan_load; checking again on every read costs time.
        return DomainPlan.from_dict(self.document, validate=False)

    @property
    def year(self) -> int:
        return int(self.year_end)


class PlanRevision(models.Model):
    """Every version of a plan's document, with who, when and why."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    document = models.JSONField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="unique_plan_revision")]


class Indicator(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators")
    n = models.PositiveIntegerField()
    name = models.TextField()
    group = models.CharField(max_length=100, blank=True)
    direction = models.CharField(max_length=8, default="higher")
    source = models.TextField(blank=True)

    class Meta:
        ordering = ["plan", "n"]
        constraints = [models.UniqueConstraint(fields=["plan", "n"], name="unique_indicator_n")]

    def __str__(self) -> str:
        return f"({self.n}) {self.name}"


class Target(models.Model):
    """A target and its assignment: lead agency (chủ trì), cooperating agencies, frequency, behaviour."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    key = models.CharField(max_length=16)
    position = models.PositiveSmallIntegerField()
    qualifier = models.TextField(null=True, blank=True)
    comparator = models.CharField(max_length=16, choices=[(c, c) for c in COMPARATORS])
    value = models.FloatField(null=True, blank=True)
    low = models.FloatField(null=True, blank=True)
    high = models.FloatField(null=True, blank=True)
    unit = models.CharField(max_length=64, null=True, blank=True)
    kind = models.CharField(max_length=16, choices=[(k, k) for k in KINDS])
    stretch = models.BooleanField(default=False)
    lead_agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="lead_targets"
    )
    cooperating_agencies = models.ManyToManyField(Agency, blank=True, related_name="cooperating_targets")
    frequency = models.CharField(max_length=16, choices=[(f, f) for f in FREQUENCIES], default="monthly")
    behaviour = models.CharField(max_length=8, choices=[(b, b) for b in BEHAVIOURS], default="level")

    class Meta:
        ordering = ["plan", "indicator__n", "position"]
        constraints = [models.UniqueConstraint(fields=["plan", "key"], name="unique_target_key")]

    def __str__(self) -> str:
        return f"{self.plan.code} {self.key}"

    def domain_dict(self) -> dict[str, Any]:
        return {
            "qualifier": self.qualifier,
            "comparator": self.comparator,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
            "kind": self.kind,
            "stretch": self.stretch,
        }
