"""`kehoach scenario` and `kehoach backtest`: JSON contracts and one-line errors (no database)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kehoach.cli import main


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_scenario_quarters_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        [
            "scenario",
            "--target",
            "13",
            "--base-quarters",
            "100,110,120,140",
            "--actual",
            "12,12.5",
            "--format",
            "json",
        ],
        capsys,
    )
    doc = json.loads(out)
    assert code == 0
    assert doc["required_growth_remaining"] == pytest.approx(13.5962)
    assert [q["growth"] for q in doc["quarters"]] == [12.0, 12.5, 13.5962, 13.5962]


def test_scenario_sectors_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["scenario", "--target", "13", "--sectors", "cn-xd=0.56:15.16,dv=0.33:11,nn=0.04:2,thue=0.06:11",
         "--format", "json"],
        capsys,
    )  # fmt: skip
    doc = json.loads(out)
    assert code == 0
    assert doc["implied_growth"] == pytest.approx(12.9895)
    assert doc["gap_to_target"] == pytest.approx(-0.0105)


def test_scenario_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["scenario", "--target", "13", "--base-quarters", "100,110,120,140"], capsys)
    assert code == 0 and "13,00%" in out and "Quý IV" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--base-quarters", "100,110"], "4 quý"),
        (["--base-quarters", "100,a,1,2"], "không phải danh sách số"),
        (["--sectors", "cn-xd=0.5"], "mã=tỷ_trọng:tăng_trưởng"),
        ([], "--base-quarters"),
        (["--base-quarters", "1,2,3,4", "--sectors", "a=1:2"], "không dùng cả hai"),
    ],
)
def test_scenario_errors_are_one_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["scenario", "--target", "13", *args], capsys)
    assert code == 2
    assert message in err and err.count("\n") == 1


def test_backtest_json_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "c.csv"
    f.write_text("series,kind,year,period,value\ns,flow,2025,H1,60\ns,flow,2025,Y,110\n", encoding="utf-8")
    code, out, _ = run(["backtest", str(f), "--format", "json"], capsys)
    doc = json.loads(out)
    assert code == 0 and list(doc) == ["results"]
    assert {tuple(r) for r in doc["results"]} == {("method", "kind", "horizon", "n", "error", "coverage80")}
    code, out, _ = run(["backtest", str(f)], capsys)
    assert code == 0 and "M06" in out


def test_backtest_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["backtest", str(tmp_path / "missing.csv")], capsys)
    assert code == 2 and "không tìm thấy" in err
    bad = tmp_path / "bad.csv"
    bad.write_text("series,kind,year,period,value\ns,flow,2025,Z,1\n", encoding="utf-8")
    code, _, err = run(["backtest", str(bad)], capsys)
    assert code == 2 and "dòng 2" in err
