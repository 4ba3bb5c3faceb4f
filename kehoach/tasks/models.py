"""Tasks of Article 2 (the tasks app builds on these; see kehoach/tasks/services.py)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kehoach.accounts.models import Agency
from kehoach.plans.models import Plan


class TaskItem(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="task_items")
    key = models.CharField(max_length=64)  # the task id of the plan document
    section = models.CharField(max_length=32)  # path of section numbers, e.g. "4.a"
    section_title = models.TextField(blank=True)
    section_titles = models.JSONField(default=list, blank=True)  # titles along the path, top first
    position = models.PositiveIntegerField(default=0)
    text = models.TextField()
    deliverable_type = models.CharField(max_length=32, blank=True)
    deliverable_title = models.TextField(blank=True)
    duplicate_of = models.CharField(max_length=64, blank=True)
    indicators = models.JSONField(default=list, blank=True)  # key indicator numbers it serves
    targets = models.JSONField(default=list, blank=True)  # measurable targets stated in the task
    lead_agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="lead_tasks"
    )
    cooperating_agencies = models.ManyToManyField(Agency, blank=True, related_name="cooperating_tasks")
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    deadline_text = models.CharField(max_length=255, blank=True)
    continuing = models.BooleanField(_("thường xuyên"), default=False)
    deadline_kind = models.CharField(max_length=16, blank=True)  # see kehoach.core.deadlines; "default"
    # Set by a person (task_assign): plan reloads keep them instead of re-deriving them.
    deadline_assigned = models.BooleanField(default=False)
    lead_assigned = models.BooleanField(default=False)
    removed = models.BooleanField(default=False)  # gone from the current plan version; history kept
    completed_on = models.DateField(null=True, blank=True)
    completion_confirmed = models.BooleanField(default=False)
    progress = models.PositiveSmallIntegerField(default=0)  # percent, as reported
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True, null=True)

    class Meta:
        ordering = ["plan", "position"]
        constraints = [models.UniqueConstraint(fields=["plan", "key"], name="unique_task_key")]

    def __str__(self) -> str:
        return f"{self.plan.code} {self.key}"


class TaskUpdate(models.Model):
    """A progress report on a task (a revision: never edited)."""

    class Kind(models.TextChoices):
        PROGRESS = "progress", _("Báo cáo tiến độ")
        CONFIRM = "confirm", _("Xác nhận hoàn thành")
        ASSIGN = "assign", _("Giao nhiệm vụ")

    task = models.ForeignKey(TaskItem, on_delete=models.CASCADE, related_name="updates")
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.PROGRESS)
    data = models.JSONField(default=dict, blank=True)  # what an assignment or confirmation set
    period = models.CharField(max_length=10, blank=True)
    progress = models.PositiveSmallIntegerField(default=0)
    note = models.TextField(blank=True)
    evidence_number = models.CharField(_("số văn bản"), max_length=100, blank=True)
    evidence_date = models.DateField(null=True, blank=True)
    evidence_file = models.FileField(upload_to="evidence/%Y/", blank=True)
    completed_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True)
    is_illustrative = models.BooleanField(default=False)  # "Số liệu minh họa": kehoach.tasks.illustrative

    class Meta:
        ordering = ["task", "number"]
        constraints = [models.UniqueConstraint(fields=["task", "number"], name="unique_task_update")]
