"""Illustrative task progress (kehoach.tasks.illustrative): the seeded stories, the revisions they
write on the bundled plan, their removal and reload by ``kehoach data demo``."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

import pytest

from kehoach.cli import main
from kehoach.tasks.illustrative import AS_OF, REASON, story, task_illustrative_load, task_illustrative_remove
from kehoach.tasks.models import TaskItem, TaskUpdate
from kehoach.tasks.selectors import task_rows
from kehoach.tasks.services import task_update


@pytest.mark.parametrize("continuing", [True, False])
@pytest.mark.parametrize("deadline", [None, dt.date(2026, 3, 31), dt.date(2026, 12, 31)])
def test_story_is_seeded_and_dated_before_the_cutoff(continuing: bool, deadline: dt.date | None) -> None:
    for i in range(40):
        kw: dict[str, Any] = {"deadline": deadline, "continuing": continuing, "deliverable_type": "Đề án"}
        a, b = story(seed=f"p:{i}", **kw), story(seed=f"p:{i}", **kw)
        assert a == b
        assert all(r.on <= AS_OF for r in a)
        assert [r.on for r in a] == sorted(r.on for r in a)
        for r in a:
            if r.completed_on is not None and r.kind == "progress":
                assert r.progress == 100 and r.evidence_date == r.completed_on
                assert r.evidence_number.startswith("Quyết định số ") and r.evidence_number.endswith(
                    "/QĐ-UBND"
                )
            if continuing:
                assert r.kind == "progress" and r.period.startswith("2026-Q") and r.completed_on is None


def test_story_names_the_document_of_the_deliverable() -> None:
    numbers = {
        r.evidence_number
        for i in range(200)
        for r in story(seed=f"x:{i}", deadline=None, continuing=False, deliverable_type="Nghị quyết")
        if r.evidence_number
    }
    assert numbers and all(n.startswith("Nghị quyết số ") and n.endswith("/NQ-HĐND") for n in numbers)


def _states(plan: Any) -> Counter[str]:
    return Counter(r["status"] for r in task_rows(plan, as_of=AS_OF))


@pytest.mark.django_db
def test_bundled_plan_gets_every_state(hp_plan: Any, django_assert_max_num_queries: Any) -> None:
    assert set(_states(hp_plan)) == {"continuing", "in_progress"}
    with django_assert_max_num_queries(30):  # batched writes, not one per task
        n = task_illustrative_load(plan=hp_plan)
    states = _states(hp_plan)
    assert n > 200 and all(states[s] > 0 for s in ("done_on_time", "done_late", "overdue", "in_progress"))
    assert states["in_progress"] > states["done_on_time"] + states["done_late"] + states["overdue"]
    updates = TaskUpdate.objects.filter(task__plan=hp_plan)
    assert updates.count() == updates.filter(is_illustrative=True, reason=REASON).count() > n
    assert not updates.filter(created_at__date__gt=AS_OF).exists()
    late = TaskItem.objects.filter(plan=hp_plan, completed_on__isnull=False, deadline_kind="assigned")
    assert late.exists() and all(
        t.deadline and t.deadline.year == 2026 and t.deadline.month in (3, 6) for t in late
    )
    done = updates.filter(completed_on__isnull=False, kind="progress")
    assert done.exists() and not done.filter(evidence_number="").exists()
    continuing = updates.filter(task__continuing=True)
    assert continuing.exists() and not continuing.filter(period="").exists()


@pytest.mark.django_db
def test_remove_restores_and_reload_is_identical(hp_plan: Any) -> None:
    before = {t.key: (t.deadline, t.deadline_text, t.progress) for t in TaskItem.objects.filter(plan=hp_plan)}
    task_illustrative_load(plan=hp_plan)
    first = task_rows(hp_plan, as_of=AS_OF)
    assert task_illustrative_remove(plan=hp_plan) > 200
    assert not TaskUpdate.objects.exists()
    after = {t.key: (t.deadline, t.deadline_text, t.progress) for t in TaskItem.objects.filter(plan=hp_plan)}
    assert after == before
    task_illustrative_load(plan=hp_plan)
    again = task_rows(hp_plan, as_of=AS_OF)
    assert [{k: v for k, v in r.items() if k != "version"} for r in again] == [
        {k: v for k, v in r.items() if k != "version"} for r in first
    ]


@pytest.mark.django_db
def test_real_reports_are_kept(task_plan: Any, personas: dict[str, Any], sct_task: Any) -> None:
    real = task_update(task=sct_task, actor=personas["editor_sct"], expected_version=sct_task.version,
                       progress=40, note="báo cáo thật", today=dt.date(2026, 11, 2))  # fmt: skip
    task_illustrative_load(plan=task_plan)
    assert list(TaskUpdate.objects.filter(task=sct_task)) == [real]  # a reported task gets no story
    other = TaskItem.objects.get(plan=task_plan, key="4.a.1")
    assert other.updates.filter(is_illustrative=True).exists()
    task_update(task=other, actor=personas["secretariat"], expected_version=other.version, progress=55,
                today=dt.date(2026, 11, 2))  # fmt: skip
    task_illustrative_remove()
    other.refresh_from_db()
    assert other.progress == 55 and other.updates.filter(is_illustrative=True).exists()  # history now
    sct_task.refresh_from_db()
    assert sct_task.progress == 40


@pytest.mark.django_db
def test_data_demo_command_removes_and_reloads(hp_plan: Any, capsys: Any) -> None:
    assert main(["data", "demo", "--plan", hp_plan.code]) == 0
    assert "tiến độ minh họa của" in capsys.readouterr().out
    assert TaskUpdate.objects.filter(is_illustrative=True).exists()
    assert main(["data", "demo", "--remove"]) == 0
    assert not TaskUpdate.objects.exists()
    assert main(["tasks", "list", "--plan", hp_plan.code, "--as-of", "2026-10-31"]) == 0
    capsys.readouterr()
    assert main(["data", "demo", "--plan", hp_plan.code]) == 0
    capsys.readouterr()
    main(["tasks", "list", "--plan", hp_plan.code, "--as-of", "2026-10-31"])
    states = Counter(t["status"] for t in json.loads(capsys.readouterr().out)["tasks"])
    assert states["done_on_time"] and states["done_late"] and states["overdue"]


@pytest.mark.django_db
@pytest.mark.parametrize(("no_demo", "expected"), [("1", False), ("", True)])
def test_bundled_plan_hook_respects_no_demo(
    hp_plan: Any, monkeypatch: pytest.MonkeyPatch, no_demo: str, expected: bool
) -> None:
    from kehoach.submissions.bootstrap import after_bundled_plan_loaded

    monkeypatch.setenv("KEHOACH_NO_DEMO", no_demo)
    after_bundled_plan_loaded(hp_plan.code)
    assert TaskUpdate.objects.filter(task__plan=hp_plan, is_illustrative=True).exists() is expected
