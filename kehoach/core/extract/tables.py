"""Key indicators given as a table (DOCX and HTML tables arrive as rows "ô | ô | ô").

The header row names the columns: the indicator ("Chỉ tiêu"), its unit ("Đơn vị",
"ĐVT") and the plan figure ("Kế hoạch 2026", "KH năm 2026", "Mục tiêu 2026"). Each
data row becomes a sentence ("Tốc độ tăng trưởng GRDP đạt 8-8,5%") read like a
list item, so comparators and ranges follow the same rules. Columns of other
years (results, estimates) are ignored.
"""

from __future__ import annotations

import re

from kehoach.core.extract.clean import Cleaned
from kehoach.core.extract.items import parse_item
from kehoach.core.plan import Indicator

__all__ = ["read_tables"]

_SIGNS = {"≥": "từ {} trở lên", ">=": "từ {} trở lên", "≤": "không quá {}", "<=": "không quá {}", ">": "trên {}",
          "<": "dưới {}"}  # fmt: skip


def read_tables(cleaned: Cleaned, *, year: int | None, stop: int | None = None) -> list[Indicator]:
    """Indicators of the first table whose header has a plan column for ``year``."""
    paras = cleaned.paragraphs[: stop if stop is not None else None]
    for i, p in enumerate(paras):
        if " | " not in p:
            continue
        cols = _columns([c.strip() for c in p.split(" | ")], year)
        if cols is None:
            continue
        found = _rows(cleaned, i + 1, len(paras), cols, year)
        if len(found) >= 2:
            return found
    return []


def _columns(header: list[str], year: int | None) -> tuple[int, int | None, int] | None:
    name = unit = value = None
    for k, cell in enumerate(header):
        low = cell.lower()
        if name is None and "chỉ tiêu" in low and not re.search(r"\d{4}", low):
            name = k
        elif unit is None and (low.startswith("đơn vị") or low in ("đvt", "đv")):
            unit = k
        elif re.search(r"kế hoạch|^kh\b|mục tiêu|chỉ tiêu", low) and (year is None or str(year) in low):
            value = k
    if name is None or value is None:
        return None
    return name, unit, value


def _rows(
    cleaned: Cleaned, start: int, end: int, cols: tuple[int, int | None, int], year: int | None
) -> list[Indicator]:
    name_col, unit_col, value_col = cols
    out: list[Indicator] = []
    for i in range(start, end):
        cells = [c.strip() for c in cleaned.paragraphs[i].split(" | ")]
        if len(cells) <= max(name_col, value_col):
            break
        unit = cells[unit_col] if unit_col is not None and unit_col < len(cells) else ""
        sentence = _sentence(cells[name_col], unit, cells[value_col])
        parsed = parse_item(sentence, year=year) if sentence else None
        if parsed is None or not parsed[1]:
            continue
        name, targets, direction = parsed
        span = cleaned.span(cleaned.starts[i], cleaned.starts[i] + len(cleaned.paragraphs[i]))
        out.append(Indicator(n=len(out) + 1, name=name, targets=[t.target for t in targets], direction=direction,
                             source=cleaned.paragraphs[i], span=span))  # fmt: skip
    return out


def _sentence(name: str, unit: str, value: str) -> str | None:
    value = value.strip()
    if not re.search(r"\d", value) or not name:
        return None
    unit = "" if unit.lower() in ("", "-", "chỉ số", "điểm", "hạng", "thứ hạng") else unit.strip()
    if unit[1:2].islower():
        unit = unit[0].lower() + unit[1:]  # "Triệu đồng" in a header cell is the unit "triệu đồng"
    for sign, pattern in _SIGNS.items():
        if value.startswith(sign):
            figure = value[len(sign) :].strip()
            value = pattern.format(f"{figure}{'' if unit == '%' else ' '}{unit}".strip())
            return f"{name} đạt {value}"
    if re.fullmatch(r"[\d.,\s\-]+", value):
        value = f"{value}{'' if unit == '%' else ' '}{unit}".strip()
    return f"{name} đạt {value}"
