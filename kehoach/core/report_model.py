"""A report as plain data: what the DOCX, HTML and PDF writers print.

Pure dataclasses (no Django, no file format): a :class:`Report` has the
Decree 30/2020/NĐ-CP parts of an administrative document — issuing body,
national title, number and symbol ("Số: …/BC-UBND"), place and date, title,
body (sections of paragraphs, tables and charts), recipients ("Nơi nhận"),
signature block and annexes. ``illustrative`` marks data that is not real
("Số liệu minh họa"): writers print the mark on every page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "ILLUSTRATIVE_MARK",
    "NATIONAL_MOTTO",
    "NATIONAL_TITLE",
    "Block",
    "Chart",
    "Paragraph",
    "Report",
    "ReportSection",
    "Signature",
    "Table",
    "date_line",
    "number_line",
]

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"
ILLUSTRATIVE_MARK = "Số liệu minh họa – không phải số liệu chính thức"


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph; ``lead`` is a bold run printed before the text ("a) Kinh tế: …")."""

    text: str
    lead: str = ""
    bold: bool = False
    italic: bool = False
    align: Literal["justify", "center", "left"] = "justify"


@dataclass(frozen=True)
class Table:
    """A table of already formatted cells; ``numeric`` columns are right-aligned."""

    columns: list[str]
    rows: list[list[str]]
    title: str = ""
    numeric: frozenset[int] = frozenset()
    widths: list[float] | None = None  # relative widths; None = equal
    note: str = ""
    bold_rows: frozenset[int] = frozenset()  # group rows (e.g. "I. KINH TẾ")


@dataclass(frozen=True)
class Chart:
    """A chart: a PNG for DOCX/PDF and optionally an SVG for HTML; ``alt`` describes it in words."""

    title: str
    png: bytes | None = None
    svg: str | None = None
    alt: str = ""
    width_mm: float = 150.0


Block = Paragraph | Table | Chart


@dataclass
class ReportSection:
    """A heading with its blocks and subsections; ``level`` 1 = "I.", 2 = "1.", 3 = "a)"."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    children: list[ReportSection] = field(default_factory=list)
    level: int = 1
    number: str = ""  # "I", "1", "a" — written before the title as the level wants

    @property
    def heading(self) -> str:
        if not self.number:
            return self.title
        if self.level == 1:
            return f"{self.number}. {self.title.upper()}"
        if self.level == 2:
            return f"{self.number}. {self.title}"
        return f"{self.number}) {self.title}"


@dataclass(frozen=True)
class Signature:
    """The signature block: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH", then the signer's name."""

    title_lines: list[str]
    name: str = ""


@dataclass
class Report:
    """A whole administrative report (báo cáo)."""

    issuer_lines: list[str]  # ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"]; the last is bold
    title: str  # "BÁO CÁO"
    subtitle: str  # "Tình hình thực hiện … 9 tháng năm 2026"
    place: str
    year: int
    date: dt.date | None = None  # None: "ngày     tháng     năm 2026" left for the clerk
    number: str = ""  # "" = left blank for the registry
    symbol: str = "BC-UBND"
    issuer_parent: str = ""  # a superior body printed above the issuer (not bold)
    sections: list[ReportSection] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signature: Signature | None = None
    annexes: list[ReportSection] = field(default_factory=list)
    illustrative: bool = False
    kind: str = ""
    as_of_label: str = ""

    def all_tables(self) -> list[Table]:
        return [b for s in self._walk() for b in s.blocks if isinstance(b, Table)]

    def all_charts(self) -> list[Chart]:
        return [b for s in self._walk() for b in s.blocks if isinstance(b, Chart)]

    def _walk(self) -> list[ReportSection]:
        out: list[ReportSection] = []
        stack = list(reversed(self.sections + self.annexes))
        while stack:
            s = stack.pop()
            out.append(s)
            stack.extend(reversed(s.children))
        return out


def number_line(report: Report) -> str:
    """``Số: 125/BC-UBND``, or ``Số:       /BC-UBND`` with the number left for the registry."""
    number = report.number or "\u00a0" * 6
    return f"Số: {number}/{report.symbol}"


def date_line(report: Report) -> str:
    """``Hải Phòng, ngày 05 tháng 10 năm 2026`` (day and months 1–2 with a leading zero)."""
    if report.date is None:
        blank = "\u00a0" * 4
        return f"{report.place}, ngày{blank} tháng{blank} năm {report.year}"
    d = report.date
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{report.place}, ngày {d.day:02d} tháng {month} năm {d.year}"
