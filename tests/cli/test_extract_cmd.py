"""`kehoach extract`: the plan in the interchange format; bad files stop with one line and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from kehoach.cli import main
from kehoach.core.plan import validate_plan_dict
from tests.conftest import SEED_GOLD, SEED_TEXT


@pytest.mark.skipif(not SEED_TEXT.exists(), reason="seed text not available")
def test_extract_seed_json(tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    assert main(["extract", str(SEED_TEXT), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    validate_plan_dict(data)
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    assert [{k: i[k] for k in ("n", "name", "targets")} for i in data["indicators"]] == gold["indicators"]
    assert data["source"] == SEED_TEXT.name
    assert len(data["tasks"]["sections"]) == 10


def test_extract_yaml_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    doc = Path(__file__).parents[1] / "core" / "extract_docs" / "thanhhoa_press.txt"
    assert main(["extract", str(doc), "--format", "yaml", "--id", "thanh-hoa-2026"]) == 0
    data = yaml.safe_load(capsys.readouterr().out)
    assert data["id"] == "thanh-hoa-2026"
    assert data["indicators"][0]["targets"][0]["comparator"] == "ge"


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.txt", b"", "không có nội dung"),
        ("scan.xyz", b"\x89PNG....", "không nhận dạng"),
        ("bad.pdf", b"%PDF-1.7 broken", "không đọc được"),
    ],
)
def test_bad_file_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["extract", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and words in captured.err and "Traceback" not in captured.err


def test_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "/khong/co/tep.pdf"]) == 2
    assert "không tìm thấy" in capsys.readouterr().err
