"""Figure services: the role × action matrix, checks, conflicts, revisions, locks."""

from __future__ import annotations

from typing import Any

import pytest

from kehoach.accounts.services import AccountError, user_add
from kehoach.audit.models import AuditEntry
from kehoach.core.periods import parse_period
from kehoach.submissions import checks
from kehoach.submissions.models import Figure, FigureRevision, ScenarioSet
from kehoach.submissions.services import (
    ERR_REASON_REQUIRED,
    BadTransition,
    FigureConflict,
    FigureInvalid,
    FigureLocked,
    NotAllowed,
    figure_approve,
    figure_publish,
    figure_return,
    figure_save,
    figure_submit,
    period_lock,
    scenario_set_create,
    target_assign,
)
from tests.submissions.conftest import make_figure

P = parse_period
ROLES = ["secretariat", "editor_sct", "editor_stc", "viewer_sct", "council", "admin", "nobody", "anonymous"]


def _save(plan: Any, who: Any) -> Any:
    # exports (7.1) are led by SCT
    return figure_save(actor=who, target=plan.targets.get(key="7.1"), period=P("2026-03"), value=13.5)


def _submit(plan: Any, who: Any) -> Any:
    return figure_submit(actor=who, figure=make_figure(plan, "7.1", "2026-03", 13.5))


def _approve(plan: Any, who: Any) -> Any:
    return figure_approve(actor=who, figure=make_figure(plan, "7.1", "2026-03", 13.5, "submitted"))


def _return(plan: Any, who: Any) -> Any:
    return figure_return(
        actor=who, figure=make_figure(plan, "7.1", "2026-03", 13.5, "submitted"), reason="sai"
    )


def _publish(plan: Any, who: Any) -> Any:
    return figure_publish(actor=who, figure=make_figure(plan, "7.1", "2026-03", 13.5, "approved"))


def _lock(plan: Any, who: Any) -> Any:
    return period_lock(actor=who, plan=plan, period=P("2026-03"))


def _assign(plan: Any, who: Any) -> Any:
    return target_assign(actor=who, target=plan.targets.get(key="7.1"), lead=None, cooperating=[])


def _scenario(plan: Any, who: Any) -> Any:
    return scenario_set_create(
        actor=who, plan=plan, name="KB", basis="QĐ 1", values={"7.1": {"2026-Q1": 11.0}}
    )


def _user(plan: Any, who: Any) -> Any:
    return user_add(actor=who, username="moi", role="viewer", agency_code="STC")


WRITES = {
    "figure_save": (_save, {"secretariat", "editor_sct"}),
    "figure_submit": (_submit, {"secretariat", "editor_sct"}),
    "figure_approve": (_approve, {"secretariat"}),
    "figure_return": (_return, {"secretariat"}),
    "figure_publish": (_publish, {"secretariat"}),
    "period_lock": (_lock, {"secretariat"}),
    "target_assign": (_assign, {"secretariat", "admin"}),
    "scenario_set_create": (_scenario, {"secretariat", "admin"}),
    "user_add": (_user, {"secretariat", "admin"}),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("write", list(WRITES))
def test_role_matrix(plan: Any, people: dict[str, Any], write: str, role: str) -> None:
    action, allowed = WRITES[write]
    before = AuditEntry.objects.count()
    if role in allowed:
        action(plan, people[role])
        assert AuditEntry.objects.count() > before
    else:
        with pytest.raises((NotAllowed, AccountError)):
            action(plan, people[role])


def test_workflow_and_revisions(plan: Any, people: dict[str, Any]) -> None:
    ed, sec = people["editor_sct"], people["secretariat"]
    target = plan.targets.get(key="7.1")
    f = figure_save(actor=ed, target=target, period=P("2026-03"), value=14.0).figure
    f = figure_save(actor=ed, target=target, period=P("2026-03"), value=14.4, expected_version=1).figure
    f = figure_submit(actor=ed, figure=f)
    with pytest.raises(FigureInvalid) as err:
        figure_save(actor=ed, target=target, period=P("2026-03"), value=14.6)
    assert err.value.errors == {"reason": ERR_REASON_REQUIRED}
    f = figure_approve(actor=sec, figure=f)
    f = figure_publish(actor=sec, figure=f)
    f = figure_save(actor=ed, target=target, period=P("2026-03"), value=14.6, reason="số chính thức").figure
    revs = list(FigureRevision.objects.filter(figure=f).order_by("number"))
    assert [(r.value, r.status, r.created_by_label) for r in revs] == [
        (14.0, "draft", "can_bo_sct"),
        (14.4, "draft", "can_bo_sct"),
        (14.4, "submitted", "can_bo_sct"),
        (14.4, "approved", "thu_ky"),
        (14.4, "published", "thu_ky"),
        (14.6, "draft", "can_bo_sct"),
    ]
    assert revs[-1].reason == "số chính thức"
    assert f.version == 6
    with pytest.raises(BadTransition):
        figure_publish(actor=sec, figure=f)


def test_conflict_keeps_both_values(plan: Any, people: dict[str, Any]) -> None:
    target = plan.targets.get(key="7.1")
    first = figure_save(actor=people["editor_sct"], target=target, period=P("2026-03"), value=14.0).figure
    figure_save(
        actor=people["secretariat"], target=target, period=P("2026-03"), value=14.2, expected_version=1
    )
    with pytest.raises(FigureConflict) as err:
        figure_save(
            actor=people["editor_sct"],
            target=target,
            period=P("2026-03"),
            value=13.9,
            expected_version=first.version,
        )
    assert err.value.current["value"] == 14.2 and err.value.attempted["value"] == 13.9
    assert "thu_ky" in str(err.value)
    assert Figure.objects.get(pk=first.pk).value == 14.2


def test_new_figure_conflict(plan: Any, people: dict[str, Any]) -> None:
    target = plan.targets.get(key="7.1")
    figure_save(
        actor=people["secretariat"], target=target, period=P("2026-03"), value=14.2, expected_version=0
    )
    with pytest.raises(FigureConflict):
        figure_save(
            actor=people["editor_sct"], target=target, period=P("2026-03"), value=14.0, expected_version=0
        )


def test_cumulative_figure_cannot_fall(plan: Any) -> None:
    make_figure(plan, "7.1", "2026-03", 13.5)
    with pytest.raises(FigureInvalid) as err:
        figure_save(actor=None, target=plan.targets.get(key="7.1"), period=P("2026-04"), value=11.0)
    assert err.value.errors["value"] == checks.ERR_CUMULATIVE_FALLS.format(
        period="Tháng 3/2026", value="13,5"
    )


def test_explanation_required_when_behind(plan: Any) -> None:
    target = plan.targets.get(key="7.1")  # 52 billion USD for the year: 13 by March pro rata
    with pytest.raises(FigureInvalid) as err:
        figure_save(actor=None, target=target, period=P("2026-03"), value=10.0)
    assert err.value.errors["explanation"] == checks.ERR_EXPLANATION_REQUIRED.format(expected="13")
    saved = figure_save(
        actor=None, target=target, period=P("2026-03"), value=10.0, explanation="Nguyên nhân: …"
    )
    assert saved.figure.value == 10.0


def test_scenario_sets_what_is_expected(plan: Any) -> None:
    _scenario(plan, None)
    target = plan.targets.get(key="7.1")
    assert checks.expected_by(target, P("2026-03")) == 11.0  # Q1 scenario, not the pro-rata 13
    figure_save(actor=None, target=target, period=P("2026-03"), value=11.5)


def test_unit_must_match(plan: Any) -> None:
    with pytest.raises(FigureInvalid) as err:
        figure_save(
            actor=None, target=plan.targets.get(key="7.1"), period=P("2026-03"), value=14.0, unit="triệu USD"
        )
    assert set(err.value.errors) == {"unit"}


def test_far_outside_history_is_a_warning(plan: Any) -> None:
    for year, v in ((2023, 26.0), (2024, 33.0), (2025, 50.0)):
        make_figure(plan, "7.1", str(year), v)
    saved = figure_save(actor=None, target=plan.targets.get(key="7.1"), period=P("2026"), value=520.0)
    assert saved.warnings["value"].startswith("Giá trị khác xa")
    ok = figure_save(actor=None, target=plan.targets.get(key="7.1"), period=P("2026"), value=53.0)
    assert ok.warnings == {}


def test_locked_period(plan: Any, people: dict[str, Any]) -> None:
    fig = make_figure(plan, "7.1", "2026-03", 13.5)
    period_lock(actor=people["secretariat"], plan=plan, period=P("2026-03"))
    with pytest.raises(FigureLocked):
        figure_save(
            actor=people["editor_sct"], target=plan.targets.get(key="7.1"), period=P("2026-03"), value=13
        )
    with pytest.raises(FigureLocked):
        figure_submit(actor=people["editor_sct"], figure=fig)


def test_cooperating_agency_editor_may_edit(plan: Any, people: dict[str, Any]) -> None:
    target = plan.targets.get(key="5.1")  # STC with THUE, HQ
    target_assign(
        actor=None,
        target=target,
        lead=target.lead_agency,
        cooperating=[plan.targets.get(key="7.1").lead_agency],
    )
    figure_save(actor=people["editor_sct"], target=target, period=P("2026-03"), value=50000.0)


def test_same_values_make_no_revision(plan: Any) -> None:
    fig = make_figure(plan, "7.1", "2026-03", 13.5)
    again = figure_save(actor=None, target=fig.target, period=P("2026-03"), value=13.5, explanation="x")
    assert again.revision is None and FigureRevision.objects.filter(figure=fig).count() == 1


def test_scenario_set_replaces_active(plan: Any) -> None:
    _scenario(plan, None)
    _scenario(plan, None)
    assert ScenarioSet.objects.filter(plan=plan, active=True).count() == 1
    with pytest.raises(FigureInvalid):
        scenario_set_create(actor=None, plan=plan, name="x", basis="", values={"99.1": {"2026": 1.0}})
