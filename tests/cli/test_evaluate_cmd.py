"""`kehoach evaluate`: errors before any database work, the table renderer, and one run on a fresh home."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach.cli import main
from kehoach.cli.evaluate_cmd import render_table
from kehoach.core.evaluate import evaluate_plan
from kehoach.core.periods import parse_period
from kehoach.core.plan import Plan

PLAN_FILE = Path(__file__).resolve().parents[2] / "kehoach" / "data" / "plans" / "haiphong-2026.json"


def test_bad_period_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--plan", "haiphong-2026", "--as-of", "2026-13"]) == 2
    err = capsys.readouterr().err
    assert "kỳ báo cáo không hợp lệ" in err and err.count("\n") == 1


def test_table_of_an_empty_evaluation() -> None:
    plan = Plan.from_dict(json.loads(PLAN_FILE.read_text(encoding="utf-8")))
    text = render_table(evaluate_plan(plan, {}, parse_period("2026-Q3")))
    assert text.startswith("Đánh giá đến Quý III/2026: 0/22 chỉ tiêu ước đạt và vượt")
    assert "chưa có số liệu" in text


def test_json_on_a_fresh_home(tmp_path: Path) -> None:
    env = {**os.environ, "KEHOACH_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    out = subprocess.run(
        [sys.executable, "-m", "kehoach.cli", "evaluate", "--plan", "haiphong-2026", "--as-of", "2026-09", "--format", "json"],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert list(doc) == ["as_of", "as_of_label", "counts", "targets"]
    assert doc["counts"]["sentence"].endswith("/22 chỉ tiêu ước đạt và vượt")
    assert {"verdict", "verdict_label", "projection", "required_pace", "explanation"} <= set(
        doc["targets"]["1.1"]
    )
    missing = subprocess.run(
        [sys.executable, "-m", "kehoach.cli", "evaluate", "--plan", "nope", "--as-of", "2026-09"],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert missing.returncode == 2 and "không có kế hoạch 'nope'" in missing.stderr
