"""Writes on figures: save (a new revision), submit, approve, publish, lock a period; assignments, scenarios.

Every service is keyword-only and typed, checks rights with
:func:`kehoach.accounts.access.can` and writes its audit entry. ``actor=None``
is the system (commands run by the operator, the illustrative generator).

Exceptions (all carry Vietnamese messages that views show as they are)::

    SubmissionError                 base
    ├── NotAllowed                  the actor may not do this
    ├── FigureInvalid               field errors: ``errors`` maps a field name to a message
    ├── FigureLocked                the period is locked
    ├── FigureConflict              another person saved first: ``current`` and ``attempted``
    └── BadTransition               the workflow does not allow this status change
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy

from kehoach.accounts.access import can
from kehoach.accounts.models import Agency
from kehoach.audit.services import audit_record
from kehoach.core.measures import BEHAVIOURS, FREQUENCIES
from kehoach.core.periods import Period
from kehoach.plans.models import Plan, Target
from kehoach.submissions import checks
from kehoach.submissions.models import Figure, FigureRevision, PeriodLock, ScenarioSet, ScenarioValue, Status

__all__ = [
    "ERR_BAD_TRANSITION",
    "ERR_CONFLICT",
    "ERR_LOCKED",
    "ERR_NOT_ALLOWED",
    "ERR_NO_VALUE",
    "ERR_REASON_REQUIRED",
    "BadTransition",
    "BatchFailed",
    "FigureConflict",
    "FigureInput",
    "FigureInvalid",
    "FigureLocked",
    "FigureSaved",
    "NotAllowed",
    "SubmissionError",
    "figure_approve",
    "figure_publish",
    "figure_return",
    "figure_save",
    "figure_save_many",
    "figure_submit",
    "figure_submit_many",
    "period_lock",
    "scenario_set_activate",
    "scenario_set_create",
    "target_assign",
]

ERR_NOT_ALLOWED = gettext_lazy("Bạn không có quyền thực hiện thao tác này")
ERR_LOCKED = gettext_lazy("Kỳ {period} đã khóa sổ: không thể thay đổi số liệu")
ERR_CONFLICT = gettext_lazy(
    "Số liệu này vừa được {who} sửa (phiên bản {version}); giá trị của bạn chưa được lưu. "
    "Hãy xem cả hai giá trị rồi nhập lại"
)
ERR_BAD_TRANSITION = gettext_lazy("Không thể chuyển số liệu từ trạng thái {current!r} sang {new!r}")
ERR_NO_VALUE = gettext_lazy("Chưa có giá trị: không thể gửi")
ERR_REASON_REQUIRED = gettext_lazy("Số liệu đã gửi hoặc đã duyệt: cần ghi lý do sửa")
ERR_BAD_FREQUENCY = gettext_lazy("Tần suất báo cáo không hợp lệ: {value!r}")
ERR_BAD_BEHAVIOUR = gettext_lazy("Tính chất số liệu không hợp lệ: {value!r}")


class SubmissionError(Exception):
    """Base of the collection errors; ``str(exc)`` is a sentence for the user."""


class NotAllowed(SubmissionError):
    def __init__(self, message: str = ""):
        super().__init__(message or str(ERR_NOT_ALLOWED))


class FigureInvalid(SubmissionError):
    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(errors.values()))


class FigureLocked(SubmissionError):
    pass


class BadTransition(SubmissionError):
    pass


class FigureConflict(SubmissionError):
    """The figure changed since the writer loaded it; both versions are kept for the conflict page."""

    def __init__(self, figure: Figure, attempted: dict[str, Any]):
        self.figure = figure
        self.current = _state(figure)
        self.attempted = attempted
        last = figure.revisions.order_by("-number").first()
        who = last.created_by_label if last else "người khác"
        super().__init__(str(ERR_CONFLICT).format(who=who, version=figure.version))


@dataclass
class FigureSaved:
    figure: Figure
    revision: FigureRevision | None
    warnings: dict[str, str] = field(default_factory=dict)


def _state(f: Figure) -> dict[str, Any]:
    return {
        "value": f.value,
        "unit": f.unit,
        "vintage": f.vintage,
        "same_period_last_year": f.same_period_last_year,
        "explanation": f.explanation,
        "source": f.source,
        "status": f.status,
        "version": f.version,
    }


def _agencies(target: Target) -> list[Agency | None]:
    return [target.lead_agency, *target.cooperating_agencies.all()]


def _require(actor: Any, action: str, agencies: list[Agency | None] | None = None) -> None:
    if actor is None:  # the system: commands and generators run by the operator
        return
    if not can(actor, action, agencies=agencies or []):
        raise NotAllowed()


def _label(actor: Any) -> str:
    if actor is not None and getattr(actor, "is_authenticated", False):
        return str(actor.get_username())
    return "hệ thống"


def _revise(figure: Figure, actor: Any, *, reason: str, channel: str) -> FigureRevision:
    figure.version += 1
    figure.save()
    return FigureRevision.objects.create(
        figure=figure,
        number=figure.version,
        value=figure.value,
        unit=figure.unit,
        vintage=figure.vintage,
        same_period_last_year=figure.same_period_last_year,
        explanation=figure.explanation,
        source=figure.source,
        status=figure.status,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        created_by_label=_label(actor),
        reason=reason,
        channel=channel,
    )


def _ensure_unlocked(plan: Plan, period: Period) -> None:
    if PeriodLock.objects.filter(plan=plan, period=period.code).exists():
        raise FigureLocked(str(ERR_LOCKED).format(period=period.label()))


@transaction.atomic
def figure_save(
    *,
    actor: Any,
    target: Target,
    period: Period,
    value: float | None,
    unit: str | None = None,
    vintage: str = "estimate",
    same_period_last_year: float | None = None,
    explanation: str = "",
    source: str = "",
    reason: str = "",
    expected_version: int | None = None,
    channel: str = "web",
    place: str = "city",
) -> FigureSaved:
    """Record a figure as a new revision (a new figure starts as a draft).

    ``expected_version`` is the version the writer started from (0 for a figure
    not yet created); when another save came first, :class:`FigureConflict`.
    Checks (``checks.validate``): unit, a cumulative figure that falls, an
    explanation when the figure is behind (errors, nothing saved); a value far
    outside the history (a warning, saved). Saving the same values again is a
    no-op (no revision).
    """
    _require(actor, "figure.edit", _agencies(target))
    _ensure_unlocked(target.plan, period)
    figure, _created = Figure.objects.select_for_update().get_or_create(
        plan=target.plan,
        target=target,
        period=period.code,
        place=place,
        defaults={"unit": target.unit or ""},
    )
    attempted = {
        "value": value,
        "unit": (unit if unit is not None else figure.unit or target.unit or "").strip(),
        "vintage": vintage,
        "same_period_last_year": same_period_last_year,
        "explanation": explanation.strip(),
        "source": source.strip(),
    }
    if expected_version is not None and expected_version != figure.version:
        raise FigureConflict(figure, attempted)
    errors, warnings = checks.validate(target=target, period=period, figure=figure, new=attempted)
    if figure.status != Status.DRAFT and figure.value != value and not reason.strip():
        errors.setdefault("reason", str(ERR_REASON_REQUIRED))
    if errors:
        raise FigureInvalid(errors)
    if figure.version > 0 and all(_state(figure)[k] == v for k, v in attempted.items()):
        return FigureSaved(figure, None, warnings)
    previous = _state(figure)
    for k, v in attempted.items():
        setattr(figure, k, v)
    figure.is_illustrative = False
    if figure.status != Status.DRAFT:
        figure.status = Status.DRAFT  # a correction goes through approval again
    revision = _revise(figure, actor, reason=reason, channel=channel)
    _audit_figure(actor, "figure.save", figure, reason, {"before": previous, "after": _state(figure)})
    return FigureSaved(figure, revision, warnings)


def _audit_figure(actor: Any, action: str, figure: Figure, reason: str, data: dict[str, Any]) -> None:
    target = figure.target
    audit_record(
        actor=actor,
        action=action,
        object_type="figure",
        object_id=f"{target.key}@{figure.period}",
        plan_code=figure.plan.code,
        agency_code=target.lead_agency.code if target.lead_agency else "",
        reason=reason,
        data=data,
    )


_TRANSITIONS: dict[str, tuple[str, str, str]] = {
    # new status: (required current status, action right, audit action)
    Status.SUBMITTED: (Status.DRAFT, "figure.edit", "figure.submit"),
    Status.APPROVED: (Status.SUBMITTED, "figure.approve", "figure.approve"),
    Status.PUBLISHED: (Status.APPROVED, "figure.publish", "figure.publish"),
    Status.DRAFT: (Status.SUBMITTED, "figure.approve", "figure.return"),
}


@transaction.atomic
def _move(actor: Any, figure: Figure, new: str, reason: str, expected_version: int | None) -> Figure:
    required, right, action = _TRANSITIONS[new]
    figure = Figure.objects.select_for_update().select_related("target", "plan").get(pk=figure.pk)
    _require(actor, right, _agencies(figure.target))
    if expected_version is not None and expected_version != figure.version:
        raise FigureConflict(figure, {"status": new})
    if figure.status != required:
        raise BadTransition(str(ERR_BAD_TRANSITION).format(current=figure.status, new=new))
    if new == Status.SUBMITTED:
        if figure.value is None:
            raise BadTransition(str(ERR_NO_VALUE))
        from kehoach.core.periods import parse_period

        _ensure_unlocked(figure.plan, parse_period(figure.period))
    figure.status = new
    _revise(figure, actor, reason=reason, channel="web")
    _audit_figure(actor, action, figure, reason, {"status": new, "version": figure.version})
    return figure


def figure_submit(
    *, actor: Any, figure: Figure, reason: str = "", expected_version: int | None = None
) -> Figure:
    """Draft → submitted (the agency sends it to the secretariat)."""
    return _move(actor, figure, Status.SUBMITTED, reason, expected_version)


def figure_approve(
    *, actor: Any, figure: Figure, reason: str = "", expected_version: int | None = None
) -> Figure:
    """Submitted → approved (the secretariat)."""
    return _move(actor, figure, Status.APPROVED, reason, expected_version)


def figure_return(*, actor: Any, figure: Figure, reason: str, expected_version: int | None = None) -> Figure:
    """Submitted → draft: the secretariat sends it back with a reason."""
    return _move(actor, figure, Status.DRAFT, reason, expected_version)


def figure_publish(
    *, actor: Any, figure: Figure, reason: str = "", expected_version: int | None = None
) -> Figure:
    """Approved → published (visible to everyone)."""
    return _move(actor, figure, Status.PUBLISHED, reason, expected_version)


@transaction.atomic
def period_lock(*, actor: Any, plan: Plan, period: Period, reason: str = "") -> PeriodLock:
    """Close a period: its figures can no longer be saved or submitted. Idempotent."""
    _require(actor, "figure.approve")
    lock, _ = PeriodLock.objects.get_or_create(
        plan=plan,
        period=period.code,
        defaults={"locked_by": actor if getattr(actor, "is_authenticated", False) else None},
    )
    audit_record(
        actor=actor,
        action="period.lock",
        object_type="period",
        object_id=period.code,
        plan_code=plan.code,
        reason=reason,
    )
    return lock


@transaction.atomic
def target_assign(
    *,
    actor: Any,
    target: Target,
    lead: Agency | None,
    cooperating: list[Agency] | None = None,
    frequency: str | None = None,
    behaviour: str | None = None,
    reason: str = "",
) -> Target:
    """Assign a target: lead agency (chủ trì), cooperating agencies (phối hợp), frequency, behaviour."""
    _require(actor, "plan.manage")
    if frequency is not None and frequency not in FREQUENCIES:
        raise FigureInvalid({"frequency": str(ERR_BAD_FREQUENCY).format(value=frequency)})
    if behaviour is not None and behaviour not in BEHAVIOURS:
        raise FigureInvalid({"behaviour": str(ERR_BAD_BEHAVIOUR).format(value=behaviour)})
    target.lead_agency = lead
    target.frequency = frequency or target.frequency
    target.behaviour = behaviour or target.behaviour
    target.save()
    target.cooperating_agencies.set(cooperating or [])
    audit_record(
        actor=actor,
        action="target.assign",
        object_type="target",
        object_id=target.key,
        plan_code=target.plan.code,
        agency_code=lead.code if lead else "",
        reason=reason,
        data={
            "lead": lead.code if lead else None,
            "cooperating": [a.code for a in cooperating or []],
            "frequency": target.frequency,
            "behaviour": target.behaviour,
        },
    )
    return target


@transaction.atomic
def scenario_set_create(
    *,
    actor: Any,
    plan: Plan,
    name: str,
    basis: str,
    values: dict[str, dict[str, float]],
    activate: bool = True,
    is_illustrative: bool = False,
) -> ScenarioSet:
    """A new version of the period scenarios (kịch bản): ``values`` maps target key → period code → value.

    The new set becomes the active one (earlier sets are kept, inactive).
    Unknown target keys are an error naming them.
    """
    _require(actor, "plan.manage")
    targets = {t.key: t for t in Target.objects.filter(plan=plan)}
    unknown = sorted(set(values) - set(targets))
    if unknown:
        raise FigureInvalid({"target": f"Chỉ tiêu không có trong kế hoạch: {', '.join(unknown)}"})
    if activate:
        ScenarioSet.objects.filter(plan=plan, active=True).update(active=False)
    sset = ScenarioSet.objects.create(
        plan=plan,
        name=name,
        basis=basis,
        active=activate,
        is_illustrative=is_illustrative,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    ScenarioValue.objects.bulk_create(
        ScenarioValue(scenario=sset, target=targets[k], period=p, value=v)
        for k, by_period in values.items()
        for p, v in by_period.items()
    )
    audit_record(
        actor=actor,
        action="scenario.create",
        object_type="scenario_set",
        object_id=str(sset.pk),
        plan_code=plan.code,
        data={"name": name, "basis": basis, "targets": len(values)},
    )
    return sset


@transaction.atomic
def scenario_set_activate(*, actor: Any, scenario: ScenarioSet, reason: str = "") -> ScenarioSet:
    """Make ``scenario`` the plan's active version; the others stay, inactive (nothing is deleted)."""
    _require(actor, "plan.manage")
    ScenarioSet.objects.filter(plan=scenario.plan, active=True).exclude(pk=scenario.pk).update(active=False)
    scenario.active = True
    scenario.save(update_fields=["active"])
    audit_record(
        actor=actor,
        action="scenario.activate",
        object_type="scenario_set",
        object_id=str(scenario.pk),
        plan_code=scenario.plan.code,
        reason=reason,
        data={"name": scenario.name, "basis": scenario.basis},
    )
    return scenario


@dataclass
class FigureInput:
    """One figure to save in a batch (a page of the agency form)."""

    target: Target
    value: float | None
    vintage: str = "estimate"
    same_period_last_year: float | None = None
    explanation: str = ""
    source: str = ""
    expected_version: int | None = None


class BatchFailed(SubmissionError):
    """A batch that saved nothing: field errors and conflicts by target key."""

    def __init__(self, errors: dict[str, dict[str, str]], conflicts: dict[str, FigureConflict]):
        self.errors = errors
        self.conflicts = conflicts
        super().__init__("; ".join(sorted(set(errors) | set(conflicts))))


def figure_save_many(
    *, actor: Any, period: Period, inputs: list[FigureInput], reason: str = "", channel: str = "web"
) -> list[FigureSaved]:
    """Save several figures of one period: all of them, or none (:class:`BatchFailed`)."""
    errors: dict[str, dict[str, str]] = {}
    conflicts: dict[str, FigureConflict] = {}
    saved: list[FigureSaved] = []
    with transaction.atomic():
        for item in inputs:
            try:
                saved.append(
                    figure_save(
                        actor=actor,
                        target=item.target,
                        period=period,
                        value=item.value,
                        vintage=item.vintage,
                        same_period_last_year=item.same_period_last_year,
                        explanation=item.explanation,
                        source=item.source,
                        reason=reason,
                        expected_version=item.expected_version,
                        channel=channel,
                    )
                )
            except FigureInvalid as exc:
                errors[item.target.key] = exc.errors
            except FigureConflict as exc:
                conflicts[item.target.key] = exc
        if errors or conflicts:
            transaction.set_rollback(True)
    if errors or conflicts:
        raise BatchFailed(errors, conflicts)
    return saved


def figure_submit_many(*, actor: Any, figures: list[Figure], reason: str = "") -> int:
    """Submit every draft with a value among ``figures``; returns how many were submitted."""
    n = 0
    with transaction.atomic():
        for f in figures:
            if f.status == Status.DRAFT and f.value is not None:
                figure_submit(actor=actor, figure=f, reason=reason)
                n += 1
    return n
