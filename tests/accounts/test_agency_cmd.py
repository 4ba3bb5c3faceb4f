"""`kehoach user agency CODE --email ADDRESS [--name NAME]` (service ``agency_update``), and the reminders
that reach an agency once it has an address."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail

from kehoach.accounts.models import Agency
from kehoach.accounts.services import (
    ERR_BAD_EMAIL,
    ERR_NAME_EMPTY,
    ERR_NOT_ALLOWED,
    ERR_UNKNOWN_AGENCY,
    AccountError,
    agency_update,
)
from kehoach.audit.models import AuditEntry
from kehoach.cli import main


def test_set_email_and_name(hp_plan: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["user", "agency", "sct", "--email", " sct@haiphong.gov.vn ", "--reason", "công văn 12"]) == 0
    assert "SCT\tSở Công Thương\tsct@haiphong.gov.vn" in capsys.readouterr().out
    assert main(["user", "agency", "SCT", "--name", "Sở Công Thương thành phố"]) == 0
    sct = Agency.objects.get(code="SCT")
    assert (sct.email, sct.name) == ("sct@haiphong.gov.vn", "Sở Công Thương thành phố")
    entries = list(AuditEntry.objects.filter(action="agency.update", object_id="SCT").order_by("pk"))
    assert [e.data for e in entries] == [
        {"before": {"email": ""}, "after": {"email": "sct@haiphong.gov.vn"}},
        {"before": {"name": "Sở Công Thương"}, "after": {"name": "Sở Công Thương thành phố"}},
    ]
    assert entries[0].reason == "công văn 12"
    assert main(["user", "agency", "SCT", "--email", ""]) == 0  # cleared: reminders are not sent
    assert Agency.objects.get(code="SCT").email == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["user", "agency", "XYZ", "--email", "a@b.vn"], ERR_UNKNOWN_AGENCY.format(code="XYZ")),
        (["user", "agency", "SCT", "--email", "sct.haiphong.gov.vn"], ERR_BAD_EMAIL.format(email="sct.haiphong.gov.vn")),
        (["user", "agency", "SCT", "--email", "a@b.vn", "--name", "  "], ERR_NAME_EMPTY),
    ],
)  # fmt: skip
def test_bad_input_is_a_one_line_error_and_changes_nothing(
    hp_plan: Any, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = list(Agency.objects.values_list("code", "name", "email"))
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert list(Agency.objects.values_list("code", "name", "email")) == before
    assert not AuditEntry.objects.filter(action="agency.update").exists()


def test_only_managers_may_change_an_agency(personas: dict[str, Any]) -> None:
    for who in ("editor_sct", "viewer_sct", "council", "nobody"):
        with pytest.raises(AccountError, match=ERR_NOT_ALLOWED):
            agency_update(actor=personas[who], code="SCT", email="x@haiphong.gov.vn")
    assert Agency.objects.get(code="SCT").email == ""
    agency_update(actor=personas["secretariat"], code="SCT", email="sct@haiphong.gov.vn")
    entry = AuditEntry.objects.get(action="agency.update")
    assert entry.actor == personas["secretariat"] and entry.agency_code == "SCT"


def test_reminders_reach_an_agency_once_it_has_an_address(
    hp_plan: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from kehoach.tasks.illustrative import task_illustrative_load
    from kehoach.tasks.models import TaskItem

    task_illustrative_load(plan=hp_plan)  # overdue tasks at 31/10/2026
    overdue = TaskItem.objects.filter(
        plan=hp_plan, completed_on__isnull=True, continuing=False, deadline__lt="2026-10-30"
    ).select_related("lead_agency")
    lead = next(t.lead_agency for t in overdue if t.lead_agency)
    assert main(["remind", "--as-of", "2026-10-30"]) == 0
    assert f"{lead.code}\tbỏ qua\t(chưa có địa chỉ thư: không gửi)" in capsys.readouterr().out
    assert mail.outbox == []
    address = f"{lead.code.lower()}@haiphong.gov.vn"
    assert main(["user", "agency", lead.code, "--email", address]) == 0
    assert main(["remind", "--as-of", "2026-10-30"]) == 0
    assert f"{lead.code}\tđã gửi\t{address}" in capsys.readouterr().out
    sent = [m for m in mail.outbox if m.to == [address]]
    assert len(sent) == 1 and "quá hạn" in sent[0].body
    assert any(t.key in sent[0].body for t in overdue if t.lead_agency == lead)
