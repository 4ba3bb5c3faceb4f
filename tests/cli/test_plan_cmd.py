"""The command line on a fresh data folder, run as a user would (a subprocess)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED_GOLD


def run(args: list[str], home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "KEHOACH_HOME": str(home), **env}
    environ.pop("DATABASE_URL", None) if "DATABASE_URL" not in env else None
    return subprocess.run(
        [sys.executable, "-m", "kehoach.cli", *args], capture_output=True, text=True, env=environ, timeout=300
    )


def test_plan_show_matches_gold_on_a_fresh_home(tmp_path: Path) -> None:
    out = run(["plan", "show", "haiphong-2026", "--format", "json"], tmp_path)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    assert [{k: i[k] for k in ("n", "name", "targets")} for i in doc["indicators"]] == gold["indicators"]
    assert (tmp_path / "kehoach.sqlite3").exists()


def test_plan_show_yaml(tmp_path: Path) -> None:
    import yaml

    out = run(["plan", "show", "haiphong-2026", "--format", "yaml"], tmp_path)
    assert yaml.safe_load(out.stdout)["theme"].startswith("Chủ động thực thi")


def test_plan_load_invalid_lists_every_path(tmp_path: Path) -> None:
    bad = {
        "id": "x",
        "issuer": "",
        "title": "T",
        "period": {"start": 2026, "end": 2026},
        "indicators": [{"n": 1, "name": "A", "targets": [{"comparator": "about"}]}],
    }
    f = tmp_path / "bad.json"
    f.write_text(json.dumps(bad), encoding="utf-8")
    out = run(["plan", "load", str(f)], tmp_path)
    assert out.returncode == 2
    assert "indicators[0].targets[0].comparator" in out.stderr
    assert "issuer" in out.stderr
    assert "Traceback" not in out.stderr


def test_plan_load_yaml_then_show(tmp_path: Path) -> None:
    import yaml

    doc = {
        "id": "tinh-x-2026",
        "issuer": "HĐND tỉnh X",
        "title": "KH 2026",
        "period": {"start": 2026, "end": 2026},
        "indicators": [
            {
                "n": 1,
                "name": "GRDP",
                "targets": [
                    {
                        "qualifier": None,
                        "comparator": "ge",
                        "value": 8,
                        "low": None,
                        "high": None,
                        "unit": "%",
                        "kind": "growth_pct",
                        "stretch": False,
                    }
                ],
            }
        ],
    }
    f = tmp_path / "x.yaml"
    f.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    assert run(["plan", "load", str(f)], tmp_path).returncode == 0
    shown = json.loads(run(["plan", "show", "tinh-x-2026"], tmp_path).stdout)
    assert shown["indicators"][0]["targets"][0]["comparator"] == "ge"


def test_unreadable_file(tmp_path: Path) -> None:
    f = tmp_path / "x.json"
    f.write_text("{not json", encoding="utf-8")
    out = run(["plan", "load", str(f)], tmp_path)
    assert out.returncode == 2 and "không đọc được" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize("missing", ["khong-co"])
def test_show_unknown_plan(tmp_path: Path, missing: str) -> None:
    out = run(["plan", "show", missing], tmp_path)
    assert out.returncode == 2 and missing in out.stderr


def test_any_command_works_on_a_fresh_home(tmp_path: Path) -> None:
    """Not only `plan show`: a data command on a new KEHOACH_HOME finds the bundled plan loaded."""
    out = run(["data", "template", "--plan", "haiphong-2026", "--agency", "SCT", "--period", "2026-11",
               "-o", str(tmp_path / "sct.xlsx")], tmp_path)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "sct.xlsx").stat().st_size > 1000
