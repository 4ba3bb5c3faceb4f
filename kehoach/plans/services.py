"""Writes on plans. Every service is keyword-only, typed, and writes its audit entry."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from django.db import transaction

from kehoach.audit.services import audit_record
from kehoach.core.measures import default_behaviour, default_frequency
from kehoach.core.plan import Plan as DomainPlan
from kehoach.plans.models import Indicator, Plan, PlanRevision, Target

__all__ = ["bundled_plan_document", "plan_load", "plan_set_report_settings"]

ERR_UNKNOWN_BUNDLED = "không có kế hoạch kèm theo mã {code!r}"


def bundled_plan_document(code: str) -> dict[str, Any]:
    """The interchange document of a plan shipped inside the package (``haiphong-2026``)."""
    path = resources.files("kehoach.data").joinpath("plans", f"{code}.json")
    if not path.is_file():
        raise KeyError(ERR_UNKNOWN_BUNDLED.format(code=code))
    doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return doc


@transaction.atomic
def plan_load(
    *, document: dict[str, Any], actor: Any = None, reason: str = "", activate: bool = True
) -> Plan:
    """Validate an interchange document and store it as a new plan or a new version of one.

    Raises :class:`kehoach.core.plan.PlanError` (with every field path) and
    changes nothing when the document is invalid. Target keys stay stable
    across versions, so figures keep pointing at the right target; assignments
    of targets that still exist are kept.
    """
    domain = DomainPlan.from_dict(document)
    clean = domain.to_dict()
    plan = Plan.objects.filter(code=domain.id).first()
    if plan is None:
        plan = Plan(code=domain.id, version=0, **_report_defaults(domain))
    plan.title = domain.title
    plan.issuer = domain.issuer
    plan.province = domain.province or ""
    plan.year_start = domain.year_start
    plan.year_end = domain.year_end
    plan.document = clean
    plan.version += 1
    plan.status = Plan.Status.ACTIVE if activate else Plan.Status.DRAFT
    plan.save()
    PlanRevision.objects.create(
        plan=plan,
        number=plan.version,
        document=clean,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        reason=reason,
    )
    _sync_rows(plan, domain)
    _sync_tasks(plan)
    audit_record(
        actor=actor,
        action="plan.load",
        object_type="plan",
        object_id=plan.code,
        plan_code=plan.code,
        reason=reason,
        data={"version": plan.version, "indicators": len(domain.indicators)},
    )
    return plan


def _report_defaults(domain: DomainPlan) -> dict[str, str]:
    province = domain.province or ""
    is_city = "thành phố" in domain.issuer.lower()
    unit = "THÀNH PHỐ" if is_city else "TỈNH"
    return {
        "report_issuer_parent": "",
        "report_issuer": f"ỦY BAN NHÂN DÂN\n{unit} {province.upper()}".strip(),
        "report_place": province,
        "report_signer_title": "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
        "report_signer_name": "",
    }


def _sync_rows(plan: Plan, domain: DomainPlan) -> None:
    keep: set[str] = set()
    indicators: dict[int, Indicator] = {}
    for ind in domain.indicators:
        row, _ = Indicator.objects.update_or_create(
            plan=plan,
            n=ind.n,
            defaults={
                "name": ind.name,
                "group": ind.group or "",
                "direction": ind.direction,
                "source": ind.source or "",
            },
        )
        indicators[ind.n] = row
    Indicator.objects.filter(plan=plan).exclude(n__in=list(indicators)).delete()
    for key, ind, t in domain.targets():
        keep.add(key)
        fields = {
            **t.to_dict(),
            "indicator": indicators[ind.n],
            "position": int(key.split(".")[1]),
        }
        target = Target.objects.filter(plan=plan, key=key).first()
        if target is None:
            Target.objects.create(
                plan=plan,
                key=key,
                behaviour=default_behaviour(ind, t),
                frequency=default_frequency(ind, t),
                **fields,
            )
        else:
            for k, v in fields.items():
                setattr(target, k, v)
            target.save()
    Target.objects.filter(plan=plan).exclude(key__in=keep).delete()


def _sync_tasks(plan: Plan) -> None:
    from kehoach.tasks import services as task_services

    sync = getattr(task_services, "task_sync_from_plan", None)
    if sync is not None:
        sync(plan=plan)


def plan_set_report_settings(*, plan: Plan, actor: Any, **fields: str) -> Plan:
    """Change the issuing body and signer printed on reports."""
    allowed = {
        "report_issuer_parent",
        "report_issuer",
        "report_place",
        "report_signer_title",
        "report_signer_name",
        "report_symbol",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"unknown report settings: {sorted(unknown)}")
    for k, v in fields.items():
        setattr(plan, k, v)
    plan.save()
    audit_record(
        actor=actor,
        action="plan.report_settings",
        object_type="plan",
        object_id=plan.code,
        plan_code=plan.code,
        data=fields,
    )
    return plan
