"""The seed resolution extracts to its hand-checked answers, fast, with spans into the cleaned text."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from kehoach.core.extract import extract_plan, extract_with_text
from kehoach.core.plan import Plan, validate_plan_dict
from tests.conftest import SEED_GOLD, SEED_TASKS_GOLD, SEED_TEXT

pytestmark = pytest.mark.skipif(not SEED_TEXT.exists(), reason="seed text not available")


@pytest.fixture(scope="module")
def seed() -> tuple[Plan, str]:
    plan, cleaned = extract_with_text(SEED_TEXT.read_text(encoding="utf-8"))
    return plan, cleaned.text


def test_indicators_equal_gold(seed: tuple[Plan, str]) -> None:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    mine = [{k: i[k] for k in ("n", "name", "targets")} for i in seed[0].to_dict()["indicators"]]
    assert mine == gold["indicators"]


def test_metadata(seed: tuple[Plan, str]) -> None:
    plan = seed[0]
    assert plan.id == "haiphong-2026"
    assert plan.issuer == "Hội đồng nhân dân thành phố Hải Phòng"
    assert plan.session == "khóa XVI, kỳ họp thứ 32"
    assert plan.adopted is not None and plan.adopted.isoformat() == "2025-12-11"
    assert (plan.year_start, plan.year_end) == (2026, 2026)
    assert plan.theme == "Chủ động thực thi; phát huy động lực; tăng trưởng bứt phá"
    assert plan.objective is not None and plan.objective.startswith("Phấn đấu tăng trưởng cao và bền vững")
    assert plan.needs_review == []


def test_section_titles_and_tree(seed: tuple[Plan, str]) -> None:
    gold = json.loads(SEED_TASKS_GOLD.read_text(encoding="utf-8"))
    plan = seed[0]
    assert [(s.n, s.title) for s in plan.sections] == [(g["n"], g["title"]) for g in gold["sections"]]
    for s, g in zip(plan.sections, gold["sections"], strict=True):
        assert [c.n for c in s.children] == [c["n"] for c in g["children"]]
        assert [c.title for c in s.children if c.n == "-"] == [
            c["title"] for c in g["children"] if c["n"] == "-"
        ]


def test_deliverables_targets_links_duplicate(seed: tuple[Plan, str]) -> None:
    from bench.extraction import score_tasks

    gold = json.loads(SEED_TASKS_GOLD.read_text(encoding="utf-8"))
    scores = score_tasks(seed[0], gold)
    assert scores["deliverables"][0] >= 40
    assert scores["task_targets"] == (6, 6)
    assert scores["duplicate"] is True
    dup = [t for _, t in seed[0].tasks() if t.duplicate_of]
    assert [(t.id, t.duplicate_of) for t in dup] == [("4.a.13", "1.-4.4")]
    housing = next(t for _, t in seed[0].tasks() if "7.135 căn" in t.text)
    assert housing.indicators == [18]


def test_spans_point_at_the_sources(seed: tuple[Plan, str]) -> None:
    plan, text = seed
    for ind in plan.indicators:
        assert ind.span is not None and ind.source == text[ind.span.start : ind.span.end]
        assert ind.span.page is not None and ind.span.line is not None
    assert plan.indicators[0].span is not None and plan.indicators[0].span.page == 2
    for _, task in plan.tasks():
        assert task.span is not None and text[task.span.start : task.span.end] == task.text


def test_valid_interchange_document(seed: tuple[Plan, str]) -> None:
    d = seed[0].to_dict()
    validate_plan_dict(d)
    assert Plan.from_dict(json.loads(json.dumps(d))).to_dict() == d


def test_task_ids_are_unique_and_stable(seed: tuple[Plan, str]) -> None:
    ids = [t.id for _, t in seed[0].tasks()]
    assert len(ids) == len(set(ids))
    assert ids[0] == "1.-1.1" and "4.a.1" in ids and "2.1" in ids


def test_fast() -> None:
    text = SEED_TEXT.read_text(encoding="utf-8")
    t0 = time.perf_counter()
    extract_plan(text)
    assert time.perf_counter() - t0 < 1.0


def test_shipped_plan_task_tree_is_the_extraction() -> None:
    from bench.make_shipped_plan import SHIPPED, regenerate

    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    again = regenerate(shipped, SEED_TEXT.read_text(encoding="utf-8"))
    assert again == shipped
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    assert [{k: i[k] for k in ("n", "name", "targets")} for i in shipped["indicators"]] == gold["indicators"]


def test_bench_scores_the_seed_folder(tmp_path: Path) -> None:
    from bench.extraction import report, run

    for f in (SEED_TEXT, SEED_GOLD, SEED_TASKS_GOLD):
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "rong.txt").write_text("", encoding="utf-8")
    shutil.copy(SEED_GOLD, tmp_path / "rong.gold.json")
    rows = run(tmp_path)
    seed_row = next(r for r in rows if r["document"] == SEED_TEXT.name)
    assert (seed_row["matched"], seed_row["extracted"], seed_row["gold"]) == (42, 42, 42)
    assert seed_row["titles"] == (10, 10) and seed_row["task_targets"] == (6, 6) and seed_row["duplicate"]
    text = report(rows)
    assert "F1=1.000" in text and "OVERALL (2 documents, 1 unreadable): targets 42/84" in text
