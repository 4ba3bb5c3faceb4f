"""The Excel form without a database: template layout and protection, the safe reader's refusals."""

from __future__ import annotations

import io
import os
import zipfile
from typing import Any

import pytest
from openpyxl import load_workbook

from kehoach.formats.excel import (
    COLUMNS,
    MAX_BYTES,
    MESSAGES,
    META_SHEET,
    SHEET,
    TemplateRow,
    TemplateSpec,
    read_form,
    write_template,
)

SPEC = TemplateSpec(
    plan_code="haiphong-2026",
    plan_title="Nghị quyết năm 2026",
    agency_code="SCT",
    agency_name="Sở Công Thương",
    period_code="2026-10",
    period_label="Tháng 10/2026",
    rows=[
        TemplateRow("4.1", "Chỉ số sản xuất công nghiệp (IIP)", "%", "15,5%", version=3, value=14.7),
        TemplateRow("7.1", "Kim ngạch xuất khẩu", "tỷ USD", "52 tỷ USD"),
    ],
)


def _filled(**cells: Any) -> bytes:
    wb = load_workbook(io.BytesIO(write_template(SPEC)))
    for ref, v in cells.items():
        wb[SHEET][ref] = v
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _codes(data: bytes, **kw: Any) -> list[tuple[str, str]]:
    return [(e.cell, e.code) for e in read_form(data, **kw).errors]


def test_template_layout_and_protection() -> None:
    wb = load_workbook(io.BytesIO(write_template(SPEC)))
    ws = wb[SHEET]
    assert [ws[f"{c}6"].value for c in COLUMNS] == [h for h, _ in COLUMNS.values()]
    assert ws["D6"].value == "Giá trị"
    assert (ws["A7"].value, ws["A8"].value, ws["D7"].value) == ("4.1", "7.1", 14.7)
    assert ws.protection.sheet and wb.security.lockStructure
    assert not ws["D7"].protection.locked and ws["B7"].protection.locked and ws["A7"].protection.locked
    assert wb[META_SHEET].sheet_state == "veryHidden"
    meta = {r[0]: r[1] for r in wb[META_SHEET].iter_rows(max_row=5, max_col=2, values_only=True)}
    assert (meta["plan"], meta["agency"], meta["period"]) == ("haiphong-2026", "SCT", "2026-10")


def test_round_trip_vietnamese_numbers() -> None:
    form = read_form(_filled(D8="1.234,5", E8=40.4, F8="Sơ bộ", G8="  ghi chú "))
    assert form.errors == []
    assert (form.plan_code, form.agency_code, form.period_code) == ("haiphong-2026", "SCT", "2026-10")
    by = {r.key: r for r in form.rows}
    assert by["7.1"].value == 1234.5 and by["7.1"].same_period_last_year == 40.4
    assert (by["7.1"].vintage, by["7.1"].explanation, by["7.1"].row) == ("preliminary", "ghi chú", 8)
    assert by["4.1"].value == 14.7 and by["4.1"].version == 3


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"D8": "1,234"}, [("D8", "ambiguous")]),
        ({"D8": "1,234.5"}, [("D8", "ambiguous")]),
        ({"D8": "mười hai"}, [("D8", "not_number")]),
        ({"D8": "=4+5"}, [("D8", "formula")]),
        ({"E7": "=SUM(D7:D8)"}, [("E7", "formula")]),
        ({"F7": "tạm tính"}, [("F7", "bad_vintage")]),
        ({"A8": "9.9"}, [("A8", "key_changed")]),
        ({"D6": "Số liệu"}, [("D6", "heading_changed")]),
    ],
)
def test_bad_cells_are_named(cells: dict[str, str], expected: list[tuple[str, str]]) -> None:
    assert _codes(_filled(**cells)) == expected


def test_merged_cells() -> None:
    wb = load_workbook(io.BytesIO(write_template(SPEC)))
    wb[SHEET].merge_cells("D7:E7")
    buf = io.BytesIO()
    wb.save(buf)
    assert ("D7", "merged") in _codes(buf.getvalue())


def test_another_plans_template() -> None:
    assert _codes(_filled(), plan="hanoi-2026") == [("", "wrong_plan")]
    assert _codes(_filled(), agency="STC") == [("", "wrong_agency")]
    assert _codes(_filled(), period="2026-09") == [("", "wrong_period")]


def test_noise_and_renamed_files() -> None:
    assert _codes(os.urandom(MAX_BYTES * 2)) == [("", "too_big")]
    assert _codes(os.urandom(10_000)) == [("", "not_xlsx")]
    assert _codes(b"%PDF-1.4 not a workbook") == [("", "not_xlsx")]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:  # a .docx renamed .xlsx is a zip but not a workbook
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    assert _codes(buf.getvalue()) == [("", "not_xlsx")]


def test_plain_workbook_is_not_a_template() -> None:
    from openpyxl import Workbook

    buf = io.BytesIO()
    Workbook().save(buf)
    assert _codes(buf.getvalue()) == [("", "not_template")]


def test_external_links_refused() -> None:
    data = _filled()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("xl/externalLinks/externalLink1.xml", "<externalLink/>")
    assert _codes(buf.getvalue()) == [("", "external_link")]


def test_messages_in_both_languages() -> None:
    err = read_form(_filled(D8="1,234")).errors[0]
    assert err.message() == f"trang tính {SHEET!r}, ô D8: " + MESSAGES["ambiguous"][0].format(text="1,234")
    assert err.message("en").startswith(f"sheet {SHEET!r}, cell D8: the number '1,234' reads two ways")
