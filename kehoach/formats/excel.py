"""The Excel reporting form: write a locked template, read a filled one back safely.

No Django here. The form has one visible sheet (:data:`SHEET`) with Vietnamese
headings, one row per target, the figure in the column headed exactly
``Giá trị``; only the input cells are unlocked and the sheet is protected. The
plan, agency, period, template version and each row's target key and figure
version live in a very hidden sheet (:data:`META_SHEET`) so a file always says
what it is for.

Reading never evaluates anything: the file must be a real .xlsx (a zip with a
workbook) under :data:`MAX_BYTES`, with no external links; a formula where a
value is expected, a merged cell, text that is not a number, or an ambiguous
number (``1,234``) is reported with its sheet and cell, never guessed.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kehoach.core.numbers import AmbiguousNumber, NumberError, parse_number

__all__ = [
    "COLUMNS",
    "MAX_BYTES",
    "MESSAGES",
    "META_SHEET",
    "SHEET",
    "CellError",
    "FilledForm",
    "FilledRow",
    "ScenarioTable",
    "TemplateRow",
    "TemplateSpec",
    "read_form",
    "read_scenario",
    "write_template",
]

SHEET = "Biểu mẫu"
META_SHEET = "kehoach"
FORMAT = "kehoach-bieu-mau-1"
MAX_BYTES = 5 * 1024 * 1024
MAX_UNZIPPED = 50 * 1024 * 1024
FIRST_ROW = 7
# column letter → (heading, input?)
COLUMNS: dict[str, tuple[str, bool]] = {
    "A": ("Mã chỉ tiêu", False),
    "B": ("Chỉ tiêu", False),
    "C": ("Đơn vị tính", False),
    "D": ("Giá trị", True),
    "E": ("Cùng kỳ năm trước", True),
    "F": ("Loại số liệu", True),
    "G": ("Giải trình (nguyên nhân, giải pháp)", True),
    "H": ("Nguồn số liệu", True),
    "I": ("Kế hoạch năm", False),
    "J": ("Các kỳ trước", False),
}
VINTAGE_WORDS = {"ước tính": "estimate", "sơ bộ": "preliminary", "chính thức": "official"}

# code → (Vietnamese, English); {params} filled from CellError.params
MESSAGES: dict[str, tuple[str, str]] = {
    "too_big": (
        "tệp quá lớn ({size} byte; tối đa {limit} byte)",
        "file too large ({size} bytes; at most {limit})",
    ),
    "not_xlsx": (
        "không phải tệp Excel .xlsx (có thể là tệp khác bị đổi tên)",
        "not an Excel .xlsx file (perhaps another file renamed)",
    ),
    "unzipped_too_big": ("nội dung giải nén quá lớn", "uncompressed content too large"),
    "external_link": (
        "tệp có liên kết ra tệp khác; hãy xóa liên kết",
        "the file links to other files; remove the links",
    ),
    "not_template": (
        "không phải biểu mẫu của kehoach (thiếu trang {sheet!r})",
        "not a kehoach form (no sheet {sheet!r})",
    ),
    "wrong_plan": (
        "biểu mẫu của kế hoạch {found!r}, không phải {expected!r}",
        "a form of plan {found!r}, not {expected!r}",
    ),
    "wrong_agency": (
        "biểu mẫu của cơ quan {found!r}, không phải {expected!r}",
        "a form of agency {found!r}, not {expected!r}",
    ),
    "wrong_period": (
        "biểu mẫu của kỳ {found!r}, không phải {expected!r}",
        "a form of period {found!r}, not {expected!r}",
    ),
    "unknown_target": ("chỉ tiêu {key!r} không có trong kế hoạch", "target {key!r} is not in the plan"),
    "key_changed": (
        "mã chỉ tiêu bị sửa ({found!r}, mẫu ghi {expected!r})",
        "target code changed ({found!r}, form says {expected!r})",
    ),
    "heading_changed": (
        "tiêu đề cột bị sửa: cần {expected!r}",
        "column heading changed: expected {expected!r}",
    ),
    "formula": (
        "ô chứa công thức {formula!r}; hãy nhập giá trị",
        "the cell holds a formula {formula!r}; type the value",
    ),
    "merged": ("ô bị gộp ({range}); hãy bỏ gộp ô", "merged cells ({range}); unmerge them"),
    "not_number": ("không phải là số: {text!r}", "not a number: {text!r}"),
    "ambiguous": (
        "số {text!r} có thể đọc theo hai cách (một nghìn hai trăm ba mươi tư hay một phẩy hai ba bốn); "
        "hãy nhập ô dạng số, hoặc viết đủ kiểu Việt Nam như 1.234 hay 1,2340",
        "the number {text!r} reads two ways (one thousand two hundred thirty-four, or one point two three four); "
        "type it as a number cell, or write it fully the Vietnamese way such as 1.234 or 1,2340",
    ),
    "bad_vintage": (
        "loại số liệu không hợp lệ: {text!r} (ước tính, sơ bộ, chính thức)",
        "unknown vintage {text!r} (ước tính, sơ bộ, chính thức)",
    ),
    "invalid": ("{message}", "{message}"),
    "unreadable": ("không đọc được tệp: {detail}", "the file cannot be read: {detail}"),
}


@dataclass(frozen=True)
class CellError:
    """A problem at a place in the workbook; ``cell`` is empty for the whole file."""

    sheet: str
    cell: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "vi") -> str:
        vi, en = MESSAGES[self.code]
        reason = (en if lang == "en" else vi).format(**self.params)
        if lang == "en":
            where = f"sheet {self.sheet!r}, cell {self.cell}" if self.cell else "file"
        else:
            where = f"trang tính {self.sheet!r}, ô {self.cell}" if self.cell else "tệp"
        return f"{where}: {reason}"


@dataclass(frozen=True)
class TemplateRow:
    key: str
    name: str
    unit: str
    target_text: str
    previous: str = ""
    value: float | None = None
    same_period_last_year: float | None = None
    vintage: str = "estimate"
    explanation: str = ""
    source: str = ""
    version: int = 0


@dataclass(frozen=True)
class TemplateSpec:
    plan_code: str
    plan_title: str
    agency_code: str
    agency_name: str
    period_code: str
    period_label: str
    rows: Sequence[TemplateRow]


@dataclass
class FilledRow:
    key: str
    row: int
    value: float | None
    same_period_last_year: float | None
    vintage: str
    explanation: str
    source: str
    version: int


@dataclass
class FilledForm:
    plan_code: str = ""
    agency_code: str = ""
    period_code: str = ""
    rows: list[FilledRow] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)


def _vintage_word(code: str) -> str:
    return {v: k for k, v in VINTAGE_WORDS.items()}.get(code, "ước tính").capitalize()


def write_template(spec: TemplateSpec) -> bytes:
    """The form as .xlsx bytes (deterministic apart from the workbook's own timestamps)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws["A1"] = "BIỂU MẪU BÁO CÁO SỐ LIỆU CHỈ TIÊU CHỦ YẾU"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = f"Kế hoạch: {spec.plan_title} ({spec.plan_code})"
    ws["A3"] = f"Cơ quan báo cáo: {spec.agency_name} ({spec.agency_code})"
    ws["A4"] = f"Kỳ báo cáo: {spec.period_label} ({spec.period_code})"
    ws["A5"] = "Chỉ nhập vào các ô nền vàng. Số viết kiểu Việt Nam: 7.944,5. Không dùng công thức."
    ws["A5"].font = Font(italic=True)
    for letter, (heading, _inp) in COLUMNS.items():
        cell = ws[f"{letter}{FIRST_ROW - 1}"]
        cell.value = heading
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    vintage_dv = DataValidation(type="list", formula1='"Ước tính,Sơ bộ,Chính thức"', allow_blank=True)
    ws.add_data_validation(vintage_dv)
    fill = PatternFill("solid", fgColor="FFF6D5")
    for i, r in enumerate(spec.rows):
        n = FIRST_ROW + i
        values = [r.key, r.name, r.unit, r.value, r.same_period_last_year, _vintage_word(r.vintage),
                  r.explanation, r.source, r.target_text, r.previous]  # fmt: skip
        for (letter, (_h, is_input)), v in zip(COLUMNS.items(), values, strict=True):
            cell = ws[f"{letter}{n}"]
            cell.value = v
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if is_input:
                cell.protection = Protection(locked=False)
                cell.fill = fill
            if letter in "DE":
                cell.number_format = "#,##0.###"
        vintage_dv.add(f"F{n}")
    for letter, width in zip("ABCDEFGHIJ", (9, 48, 14, 14, 14, 12, 40, 20, 22, 30), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = f"D{FIRST_ROW}"
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    _write_meta(wb, spec)
    wb.security.lockStructure = True
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _write_meta(wb: Any, spec: TemplateSpec) -> None:
    meta = wb.create_sheet(META_SHEET)
    meta.sheet_state = "veryHidden"
    pairs = [("format", FORMAT), ("plan", spec.plan_code), ("agency", spec.agency_code),
             ("period", spec.period_code), ("created", dt.date.today().isoformat())]  # fmt: skip
    for i, (k, v) in enumerate(pairs, 1):
        meta.cell(row=i, column=1, value=k)
        meta.cell(row=i, column=2, value=v)
    meta.cell(row=10, column=1, value="row")
    meta.cell(row=10, column=2, value="target")
    meta.cell(row=10, column=3, value="version")
    for i, r in enumerate(spec.rows):
        meta.cell(row=11 + i, column=1, value=FIRST_ROW + i)
        meta.cell(row=11 + i, column=2, value=r.key)
        meta.cell(row=11 + i, column=3, value=r.version)
    meta.protection.sheet = True


def _check_container(data: bytes) -> CellError | None:
    if len(data) > MAX_BYTES:
        return CellError("", "", "too_big", {"size": len(data), "limit": MAX_BYTES})
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return CellError("", "", "not_xlsx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except zipfile.BadZipFile:
        return CellError("", "", "not_xlsx")
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        return CellError("", "", "not_xlsx")
    if sum(i.file_size for i in infos) > MAX_UNZIPPED:
        return CellError("", "", "unzipped_too_big")
    if any(n.startswith("xl/externalLinks/") for n in names):
        return CellError("", "", "external_link")
    return None


def read_form(
    data: bytes, *, plan: str | None = None, agency: str | None = None, period: str | None = None
) -> FilledForm:
    """Read a filled form; ``errors`` lists every problem found (nothing is guessed).

    ``plan``, ``agency``, ``period``, when given, are what the caller expects
    the form to be for (an upload page for one agency and period).
    """
    form = FilledForm()
    problem = _check_container(data)
    if problem:
        form.errors.append(problem)
        return form
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), data_only=False, keep_links=False, read_only=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        form.errors.append(CellError("", "", "unreadable", {"detail": type(exc).__name__}))
        return form
    if META_SHEET not in wb.sheetnames or SHEET not in wb.sheetnames:
        form.errors.append(CellError("", "", "not_template", {"sheet": SHEET}))
        return form
    meta = {
        str(r[0]): r[1] for r in wb[META_SHEET].iter_rows(min_row=1, max_row=5, max_col=2, values_only=True)
    }
    if meta.get("format") != FORMAT:
        form.errors.append(CellError("", "", "not_template", {"sheet": SHEET}))
        return form
    form.plan_code, form.agency_code, form.period_code = (
        str(meta["plan"]),
        str(meta["agency"]),
        str(meta["period"]),
    )
    for code, found, expected in (("wrong_plan", form.plan_code, plan), ("wrong_agency", form.agency_code, agency),
                                  ("wrong_period", form.period_code, period)):  # fmt: skip
        if expected and found != expected:
            form.errors.append(CellError("", "", code, {"found": found, "expected": expected}))
    if form.errors:
        return form
    _read_rows(wb, form)
    return form


def _read_rows(wb: Any, form: FilledForm) -> None:
    ws = wb[SHEET]
    for rng in ws.merged_cells.ranges:
        form.errors.append(CellError(SHEET, str(rng).split(":")[0], "merged", {"range": str(rng)}))
    for letter, (heading, _inp) in COLUMNS.items():
        if ws[f"{letter}{FIRST_ROW - 1}"].value != heading:
            form.errors.append(
                CellError(SHEET, f"{letter}{FIRST_ROW - 1}", "heading_changed", {"expected": heading})
            )
    rows = [r for r in wb[META_SHEET].iter_rows(min_row=11, max_col=3, values_only=True) if r[0] is not None]
    for row_n, key, version in rows:
        n = int(row_n)
        found_key = ws[f"A{n}"].value
        if str(found_key) != str(key):
            form.errors.append(
                CellError(SHEET, f"A{n}", "key_changed", {"found": found_key, "expected": key})
            )
            continue
        value = _number(ws, f"D{n}", form)
        last = _number(ws, f"E{n}", form)
        vintage = _vintage(ws, f"F{n}", form)
        explanation, source = _text(ws, f"G{n}", form), _text(ws, f"H{n}", form)
        form.rows.append(FilledRow(str(key), n, value, last, vintage, explanation, source, int(version or 0)))


def _raw(ws: Any, ref: str, form: FilledForm) -> Any:
    cell = ws[ref]
    v = cell.value
    if (
        cell.data_type == "f"
        or (isinstance(v, str) and v.startswith("="))
        or type(v).__name__ == "ArrayFormula"
    ):
        form.errors.append(CellError(SHEET, ref, "formula", {"formula": str(getattr(v, "text", v))}))
        return None
    return v


def _number(ws: Any, ref: str, form: FilledForm) -> float | None:
    v = _raw(ws, ref, form)
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if isinstance(v, bool) or not isinstance(v, int | float | str):
        form.errors.append(CellError(SHEET, ref, "not_number", {"text": str(v)}))
        return None
    if isinstance(v, int | float):
        return float(v)
    try:
        return parse_number(v)
    except AmbiguousNumber:
        form.errors.append(CellError(SHEET, ref, "ambiguous", {"text": v.strip()}))
    except NumberError:
        form.errors.append(CellError(SHEET, ref, "not_number", {"text": v.strip()}))
    return None


def _text(ws: Any, ref: str, form: FilledForm) -> str:
    v = _raw(ws, ref, form)
    return "" if v is None else str(v).strip()


def _vintage(ws: Any, ref: str, form: FilledForm) -> str:
    text = _text(ws, ref, form)
    if not text:
        return "estimate"
    code = VINTAGE_WORDS.get(text.lower())
    if code is None:
        form.errors.append(CellError(SHEET, ref, "bad_vintage", {"text": text}))
        return "estimate"
    return code


@dataclass
class ScenarioTable:
    """Scenario values read from a sheet: ``values[target key][period code]``."""

    values: dict[str, dict[str, float]] = field(default_factory=dict)
    errors: list[CellError] = field(default_factory=list)


def read_scenario(data: bytes) -> ScenarioTable:
    """Read a scenario (kịch bản) table: first sheet, row 1 = ``Mã chỉ tiêu`` then period codes
    (``2026-Q1``, ``2026-H1``, ``2026-9M``, ``2026``…), one row per target. Same safety rules as
    :func:`read_form`; periods are checked by the caller."""
    table = ScenarioTable()
    problem = _check_container(data)
    if problem:
        table.errors.append(problem)
        return table
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    try:
        ws = load_workbook(io.BytesIO(data), data_only=False, keep_links=False).worksheets[0]
    except Exception as exc:  # a damaged file
        table.errors.append(CellError("", "", "unreadable", {"detail": type(exc).__name__}))
        return table
    form = FilledForm()
    header = [ws.cell(row=1, column=c).value for c in range(1, ws.max_column + 1)]
    for rng in ws.merged_cells.ranges:
        form.errors.append(CellError(ws.title, str(rng).split(":")[0], "merged", {"range": str(rng)}))
    for r in range(2, ws.max_row + 1):
        key = ws.cell(row=r, column=1).value
        if key is None or not str(key).strip():
            continue
        for c, period in enumerate(header[1:], start=2):
            if period is None:
                continue
            value = _number(ws, f"{get_column_letter(c)}{r}", form)
            if value is not None:
                table.values.setdefault(str(key).strip(), {})[str(period).strip()] = value
    table.errors += [CellError(ws.title, e.cell, e.code, e.params) for e in form.errors]
    return table
