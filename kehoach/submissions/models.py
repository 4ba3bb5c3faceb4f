"""Figures reported for targets, every change kept as a revision.

A :class:`Figure` is one target × period × place; its current state is copied
on the row for fast reads, and every change (a value, a status, a correction)
adds a :class:`FigureRevision` carrying who, when and why. ``Figure.version``
is the optimistic-concurrency counter: a write names the version it started
from, and a stale one is a conflict, never a silent overwrite.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kehoach.plans.models import Plan, Target


class Vintage(models.TextChoices):
    ESTIMATE = "estimate", _("Ước tính")
    PRELIMINARY = "preliminary", _("Sơ bộ")
    OFFICIAL = "official", _("Chính thức")


class Status(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    SUBMITTED = "submitted", _("Đã gửi")
    APPROVED = "approved", _("Đã duyệt")
    PUBLISHED = "published", _("Đã công bố")


class Figure(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="figures")
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="figures")
    period = models.CharField(_("kỳ"), max_length=10, db_index=True)  # Period.code: 2026-09, 2026-Q3…
    place = models.CharField(_("địa bàn"), max_length=16, default="city")  # "city" or a commune code
    value = models.FloatField(_("giá trị"), null=True, blank=True)
    unit = models.CharField(max_length=64, blank=True)
    vintage = models.CharField(max_length=16, choices=Vintage.choices, default=Vintage.ESTIMATE)
    same_period_last_year = models.FloatField(null=True, blank=True)
    explanation = models.TextField(_("giải trình"), blank=True)
    source = models.CharField(_("nguồn"), max_length=255, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    is_illustrative = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["target__indicator__n", "target__position", "period"]
        constraints = [models.UniqueConstraint(fields=["target", "period", "place"], name="unique_figure")]
        indexes = [models.Index(fields=["plan", "period"])]

    def __str__(self) -> str:
        return f"{self.target.key} {self.period} = {self.value}"


class FigureRevision(models.Model):
    figure = models.ForeignKey(Figure, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    value = models.FloatField(null=True, blank=True)
    unit = models.CharField(max_length=64, blank=True)
    vintage = models.CharField(max_length=16, choices=Vintage.choices)
    same_period_last_year = models.FloatField(null=True, blank=True)
    explanation = models.TextField(blank=True)
    source = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_by_label = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(_("lý do"), blank=True)
    channel = models.CharField(max_length=16, default="web")  # web, excel, api, generator, cli

    class Meta:
        ordering = ["figure", "number"]
        constraints = [models.UniqueConstraint(fields=["figure", "number"], name="unique_figure_revision")]


class PeriodLock(models.Model):
    """A period closed for a plan after approval: figures of it can no longer change."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="locks")
    period = models.CharField(max_length=10)
    locked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    locked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "period"], name="unique_period_lock")]


class ScenarioSet(models.Model):
    """A version of the period scenarios (kịch bản), with its legal basis."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="scenario_sets")
    name = models.CharField(max_length=255)
    basis = models.CharField(_("căn cứ"), max_length=255, blank=True)  # e.g. Quyết định số …/QĐ-UBND
    active = models.BooleanField(default=True)
    is_illustrative = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["plan", "-created_at"]


class ScenarioValue(models.Model):
    scenario = models.ForeignKey(ScenarioSet, on_delete=models.CASCADE, related_name="values")
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="scenario_values")
    period = models.CharField(max_length=10)
    value = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scenario", "target", "period"], name="unique_scenario_value")
        ]
