"""Excel against the database: template, import all or nothing, conflicts, revisions, the CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from kehoach.cli import main
from kehoach.core.periods import parse_period
from kehoach.formats.excel import SHEET
from kehoach.submissions.excel_io import ImportFailed, build_template, import_bytes
from kehoach.submissions.exports import EXPORT_FIELDS, export_bytes, export_rows
from kehoach.submissions.models import Figure, FigureRevision
from kehoach.submissions.services import figure_save
from tests.submissions.conftest import make_figure


def _template(plan: Any, agency: str = "SCT", period: str = "2026-03") -> bytes:
    from kehoach.formats.excel import write_template

    return write_template(build_template(plan_code=plan.code, agency_code=agency, period=period))


def _fill(data: bytes, **cells: Any) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    for ref, v in cells.items():
        wb[SHEET][ref] = v
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _rows(data: bytes) -> dict[str, int]:
    ws = load_workbook(io.BytesIO(data))[SHEET]
    return {str(ws[f"A{n}"].value): n for n in range(7, ws.max_row + 1) if ws[f"A{n}"].value}


def test_template_lists_the_agencys_due_targets(plan: Any) -> None:
    spec = build_template(plan_code=plan.code, agency_code="SCT", period="2026-03")
    assert [r.key for r in spec.rows] == ["4.1", "7.1"]  # monthly targets SCT leads; 4.2 (stretch) reads 4.1
    year = build_template(plan_code=plan.code, agency_code="SCT", period="2026")
    assert [r.key for r in year.rows] == ["4.1", "4.3", "4.4", "7.1"]


def test_round_trip(plan: Any, people: dict[str, Any]) -> None:
    data = _template(plan)
    rows = _rows(data)
    filled = _fill(data, **{f"D{rows['7.1']}": "13,6", f"D{rows['4.1']}": 15.8, f"F{rows['4.1']}": "Sơ bộ"})
    report = import_bytes(data=filled, actor=people["editor_sct"])
    assert sorted(report.saved) == ["4.1", "7.1"]
    f = Figure.objects.get(target__key="7.1", period="2026-03")
    assert (f.value, f.status) == (13.6, "draft")
    assert f.revisions.get().channel == "excel"
    assert Figure.objects.get(target__key="4.1", period="2026-03").vintage == "preliminary"
    again = _template(plan)
    assert load_workbook(io.BytesIO(again))[SHEET][f"D{rows['7.1']}"].value == 13.6


def test_failed_import_changes_nothing(plan: Any, people: dict[str, Any]) -> None:
    make_figure(plan, "7.1", "2026-02", 9.0)
    data = _template(plan)
    rows = _rows(data)
    before = export_bytes(plan_code=plan.code, fmt="csv")
    # 4.1 is fine, 7.1 falls below February: the whole file is refused
    bad = _fill(data, **{f"D{rows['4.1']}": 15.8, f"D{rows['7.1']}": 8.0, f"G{rows['7.1']}": "x"})
    with pytest.raises(ImportFailed) as err:
        import_bytes(data=bad, actor=people["editor_sct"])
    assert f"ô D{rows['7.1']}: Số lũy kế không thể thấp hơn kỳ trước" in str(err.value)
    assert export_bytes(plan_code=plan.code, fmt="csv") == before
    assert not Figure.objects.filter(period="2026-03").exists()


def test_explanation_error_names_its_column(plan: Any) -> None:
    data = _template(plan)
    rows = _rows(data)
    with pytest.raises(ImportFailed) as err:
        import_bytes(data=_fill(data, **{f"D{rows['7.1']}": 10.0}))
    assert f"ô G{rows['7.1']}: Số liệu thấp hơn mức cần đạt" in str(err.value)


def test_other_agency_cannot_import(plan: Any, people: dict[str, Any]) -> None:
    data = _fill(_template(plan), D8=14.0)
    with pytest.raises(ImportFailed) as err:
        import_bytes(data=data, actor=people["editor_stc"])
    assert "không có quyền" in str(err.value)
    assert not Figure.objects.exists()


def test_concurrent_edit_after_download(plan: Any, people: dict[str, Any]) -> None:
    make_figure(plan, "7.1", "2026-03", 13.5)
    data = _template(plan)
    rows = _rows(data)
    fig = Figure.objects.get(target__key="7.1", period="2026-03")
    figure_save(actor=people["secretariat"], target=fig.target, period=parse_period("2026-03"), value=13.8,
                expected_version=fig.version)  # fmt: skip
    with pytest.raises(ImportFailed) as err:
        import_bytes(data=_fill(data, **{f"D{rows['7.1']}": 14.1}), actor=people["editor_sct"])
    assert "thu_ky" in str(err.value) and "13,8" in str(err.value)
    assert Figure.objects.get(pk=fig.pk).value == 13.8


def test_revision_history_after_corrections(plan: Any, people: dict[str, Any]) -> None:
    for value in (13.6, 13.9):
        data = _template(plan)
        import_bytes(data=_fill(data, **{f"D{_rows(data)['7.1']}": value}), actor=people["editor_sct"])
    revs = FigureRevision.objects.filter(figure__target__key="7.1").order_by("number")
    assert [(r.number, r.value, r.created_by_label, r.channel) for r in revs] == [
        (1, 13.6, "can_bo_sct", "excel"),
        (2, 13.9, "can_bo_sct", "excel"),
    ]
    row = next(r for r in export_rows(plan_code=plan.code) if r["target"] == "7.1")
    assert (row["version"], row["revisions"], row["changed_by"]) == (2, 2, "can_bo_sct")


def test_cli_template_import_export(plan: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sct.xlsx"
    assert (
        main(
            [
                "data",
                "template",
                "--plan",
                plan.code,
                "--agency",
                "SCT",
                "--period",
                "2026-03",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    rows = _rows(out.read_bytes())
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(_fill(out.read_bytes(), **{f"D{rows['7.1']}": "1,234.5"}))
    assert main(["data", "import", str(bad), "--lang", "en"]) == 2
    assert f"cell D{rows['7.1']}: the number '1,234.5' reads two ways" in capsys.readouterr().err
    good = tmp_path / "good.xlsx"
    good.write_bytes(_fill(out.read_bytes(), **{f"D{rows['7.1']}": "13,6"}))
    assert main(["data", "import", str(good)]) == 0
    capsys.readouterr()
    assert main(["data", "export", "--plan", plan.code, "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["fields"] == list(EXPORT_FIELDS)
    assert [(f["target"], f["value"], f["channel"]) for f in doc["figures"]] == [("7.1", 13.6, "excel")]
    xlsx = tmp_path / "all.xlsx"
    assert main(["data", "export", "--plan", plan.code, "--format", "xlsx", "-o", str(xlsx)]) == 0
    assert load_workbook(xlsx).active["I2"].value == 13.6


def test_cli_template_errors(plan: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["data", "template", "--agency", "XX", "--period", "2026-03", "-o", str(tmp_path / "x")]) == 2
    assert "không có cơ quan mã 'XX'" in capsys.readouterr().err
    assert (
        main(["data", "template", "--agency", "SCT", "--period", "2026-13", "-o", str(tmp_path / "x")]) == 2
    )


def _scenario_file(rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_scenario_import(plan: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kehoach.submissions.models import ScenarioSet

    path = tmp_path / "kb.xlsx"
    path.write_bytes(_scenario_file([["Mã chỉ tiêu", "2026-Q1", "2026-H1", "2026-9M", "2026"],
                                     ["7.1", 11, "24,5", 37, 52], ["1.1", 12.2, 12.5, 12.8, 13]]))  # fmt: skip
    args = ["data", "scenario-import", str(path), "--name", "Kịch bản 2026", "--basis", "QĐ 12/QĐ-UBND"]
    assert main(args) == 0
    s = ScenarioSet.objects.get(active=True)
    assert (s.name, s.basis, s.values.count()) == ("Kịch bản 2026", "QĐ 12/QĐ-UBND", 8)
    assert s.values.get(target__key="7.1", period="2026-H1").value == 24.5
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(_scenario_file([["Mã chỉ tiêu", "2026-Q1"], ["7.1", "1,234"], ["99.9", 1]]))
    assert main(["data", "scenario-import", str(bad), "--name", "x"]) == 2
    assert "ô B2" in capsys.readouterr().err
    assert ScenarioSet.objects.count() == 1


def test_service_errors_in_english(plan: Any) -> None:
    data = _template(plan)
    with pytest.raises(ImportFailed) as err:
        import_bytes(data=_fill(data, **{f"D{_rows(data)['7.1']}": 10.0}), lang="en")
    assert f"cell G{_rows(data)['7.1']}: The figure is below what is needed by this period (13)" in str(
        err.value
    )


def test_cli_assign(plan: Any, capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        "data",
        "assign",
        "--target",
        "13.2",
        "--lead",
        "sct",
        "--cooperating",
        "STC,TK",
        "--frequency",
        "quarterly",
    ]
    assert main(args) == 0
    t = plan.targets.get(key="13.2")
    assert (t.lead_agency.code, t.frequency, t.behaviour) == ("SCT", "quarterly", "count")
    assert sorted(a.code for a in t.cooperating_agencies.all()) == ["STC", "TK"]
    assert main(["data", "assign", "--target", "13.2", "--lead", "XYZ"]) == 2
    assert "không có cơ quan mã 'XYZ'" in capsys.readouterr().err
    assert main(["data", "assign", "--target", "99.1", "--lead", "STC"]) == 2
