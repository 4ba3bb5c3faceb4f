"""Warnings: overdue, due within N working days, indicators heading for "không đạt" without a task."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kehoach.tasks import risk
from kehoach.tasks.models import TaskItem
from kehoach.tasks.selectors import task_rows, task_tree, task_warnings
from kehoach.tasks.services import task_update

D = dt.date
pytestmark = pytest.mark.django_db


def test_overdue_and_due_soon(task_plan: Any) -> None:
    ws = task_warnings(task_plan, as_of=D(2026, 6, 24), days=5)
    kinds = [(w["kind"], w["task"]) for w in ws if w["kind"] != "indicator_uncovered"]
    assert kinds == [("overdue", "6.1"), ("due_soon", "1.-1.1")]
    assert ws[0]["message"] == "Nhiệm vụ 6.1 quá hạn từ 31/03/2026"
    assert ws[1]["message"] == "Nhiệm vụ 1.-1.1 đến hạn 30/06/2026 (còn 4 ngày làm việc)"


def test_completed_tasks_are_not_warned(task_plan: Any, personas: Any) -> None:
    t = TaskItem.objects.get(plan=task_plan, key="6.1")
    task_update(task=t, actor=personas["secretariat"], expected_version=0, progress=100, completed_on=D(2026, 4, 2),
                evidence_number="7/QĐ-UBND", evidence_date=D(2026, 4, 2), today=D(2026, 6, 24))  # fmt: skip
    rows = {r["id"]: r for r in task_rows(task_plan, as_of=D(2026, 6, 24))}
    assert rows["6.1"]["status"] == "done_late"
    assert all(w.get("task") != "6.1" for w in task_warnings(task_plan, as_of=D(2026, 6, 24)))


def test_indicator_at_risk_without_an_active_task(task_plan: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(risk, "indicators_at_risk", lambda plan, as_of: {18: "Nhà ở xã hội", 7: "Kim ngạch"})
    ws = [w for w in task_warnings(task_plan, as_of=D(2026, 6, 24)) if w["kind"] == "indicator_uncovered"]
    # 18 is served by 4.a.1 (in progress); 7 by no task
    assert [w["indicator"] for w in ws] == [7]
    assert "(7) Kim ngạch có nguy cơ không đạt" in ws[0]["message"]


def test_indicator_served_only_by_a_finished_task_is_uncovered(task_plan: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(risk, "indicators_at_risk", lambda plan, as_of: {18: "Nhà ở xã hội"})
    ws = [w for w in task_warnings(task_plan, as_of=D(2026, 8, 1)) if w["kind"] == "indicator_uncovered"]
    assert [w["indicator"] for w in ws] == []
    TaskItem.objects.filter(plan=task_plan, key="4.a.1").update(completed_on=D(2026, 7, 1))
    ws = [w for w in task_warnings(task_plan, as_of=D(2026, 8, 1)) if w["kind"] == "indicator_uncovered"]
    assert [w["indicator"] for w in ws] == [18]


def test_no_evaluation_means_no_indicator_warning(task_plan: Any) -> None:
    # whatever the evaluation says today, the call never fails and only names real indicators
    at_risk = risk.indicators_at_risk(task_plan, D(2026, 6, 24))
    assert set(at_risk) <= {i["n"] for i in task_plan.document["indicators"]}


def test_tree_hangs_every_task_once(task_plan: Any, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(3):
        rows = task_rows(task_plan, as_of=D(2026, 6, 24))
    tree = task_tree(task_plan, rows)
    assert sum(n["count"] for n in tree) == len(rows) == 10
    four = tree[3]
    assert four["path"] == "4" and [c["path"] for c in four["children"]] == ["4.a", "4.b"]
    assert [t["id"] for t in four["children"][0]["tasks"]] == ["4.a.1"]
    one = tree[0]
    assert [c["path"] for c in one["children"]] == ["1.-1", "1.-2", "1.-3", "1.-4"]
    assert [[t["id"] for t in c["tasks"]] for c in one["children"]] == [
        ["1.-1.1"],
        [],
        ["1.-3.1"],
        ["1.-4.1"],
    ]
