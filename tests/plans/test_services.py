import copy

import pytest

from kehoach.audit.models import AuditEntry
from kehoach.core.plan import PlanError
from kehoach.plans.models import Plan, PlanRevision, Target
from kehoach.plans.services import bundled_plan_document, plan_load


@pytest.mark.django_db
def test_load_creates_rows_and_revision(hp_plan) -> None:
    assert Target.objects.filter(plan=hp_plan).count() == 42
    assert Target.objects.get(plan=hp_plan, key="14.2").stretch is True
    assert PlanRevision.objects.filter(plan=hp_plan).count() == 1
    assert AuditEntry.objects.filter(action="plan.load", object_id="haiphong-2026").count() == 1


@pytest.mark.django_db
def test_new_version_keeps_keys_and_assignments(hp_plan) -> None:
    from kehoach.accounts.models import Agency

    t = Target.objects.get(plan=hp_plan, key="7.1")
    t.lead_agency = Agency.objects.get(code="SCT")
    t.save()
    doc = copy.deepcopy(bundled_plan_document("haiphong-2026"))
    doc["indicators"][6]["targets"][0]["value"] = 53
    plan = plan_load(document=doc, reason="sửa mục tiêu xuất khẩu")
    t.refresh_from_db()
    assert (plan.version, t.value, t.lead_agency.code) == (2, 53, "SCT")
    assert PlanRevision.objects.filter(plan=plan).count() == 2


@pytest.mark.django_db
def test_invalid_document_changes_nothing(hp_plan) -> None:
    doc = copy.deepcopy(bundled_plan_document("haiphong-2026"))
    doc["indicators"][0]["targets"][0]["comparator"] = "roughly"
    with pytest.raises(PlanError):
        plan_load(document=doc)
    assert Plan.objects.get(code="haiphong-2026").version == 1
    assert Target.objects.get(plan=hp_plan, key="1.1").comparator == "approx"
