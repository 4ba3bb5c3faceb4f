"""Write a :class:`~kehoach.core.report_model.Report` as DOCX in the Decree 30/2020/NĐ-CP format.

A4; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; Times New Roman
14 pt body (tables 12 pt); the issuing body top left and the national title top
right, each with a short rule beneath; "Số: …/BC-UBND" and the place and date
in italics; the title; the body; "Nơi nhận:" and the signature block side by
side; page numbers at the top centre from page 2 (a different first-page
header holds no number). Illustrative data is marked in the footer of every page.
"""

from __future__ import annotations

import io
from typing import Any

from kehoach.core.report_model import (
    ILLUSTRATIVE_MARK,
    NATIONAL_MOTTO,
    NATIONAL_TITLE,
    Chart,
    Paragraph,
    Report,
    ReportSection,
    Table,
    date_line,
    number_line,
)

__all__ = ["BODY_PT", "FONT", "MARGINS_MM", "TABLE_PT", "write_docx"]

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
WIDE_TABLE_PT = 11
"""Tables of seven columns or more print at 11 pt so that numbers fit on one line."""
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
HEADER_LEFT_MM = 68.0
HEADER_RIGHT_MM = 97.0


def write_docx(report: Report) -> bytes:
    """The report as DOCX bytes."""
    import docx

    doc = docx.Document()
    _page_setup(doc)
    _styles(doc)
    _header_block(doc, report)
    _title(doc, report)
    for section in report.sections:
        _section(doc, section)
    _closing(doc, report)
    for annex in report.annexes:
        _annex(doc, annex)
    _page_numbers(doc, report)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- page and styles


def _page_setup(doc: Any) -> None:
    from docx.shared import Mm

    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    sec.left_margin, sec.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    sec.header_distance, sec.footer_distance = Mm(10), Mm(10)


def _styles(doc: Any) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for name in ("Normal", "Table Grid"):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(BODY_PT if name == "Normal" else TABLE_PT)
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), FONT)
    pf = doc.styles["Normal"].paragraph_format
    pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(6), 1.1


def _para(
    container: Any,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    align: str = "center",
    after: float = 0,
) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = container.add_paragraph()
    p.alignment = getattr(WD_ALIGN_PARAGRAPH, align.upper())
    p.paragraph_format.space_after = Pt(after)
    p.paragraph_format.first_line_indent = Pt(0)
    if text:
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
    return p


_PPR_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _rule(container: Any, width_mm: float, cell_mm: float) -> None:
    """A short centred horizontal rule: the top border of an empty paragraph narrowed by indents."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    p = _para(container, after=4)
    p.paragraph_format.space_before = Pt(2)
    side = max((cell_mm - width_mm) / 2, 0)
    p.paragraph_format.left_indent = Mm(side)
    p.paragraph_format.right_indent = Mm(side)
    p.paragraph_format.line_spacing = Pt(2)
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(k), v)
    borders.append(top)
    # Word is strict about the order of paragraph properties: pBdr goes before shd, tabs, spacing, ind, jc…
    ppr.insert_element_before(borders, *_PPR_AFTER_PBDR)


def _borderless_table(doc: Any, widths_mm: tuple[float, float]) -> Any:
    from docx.shared import Mm

    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    for column, cell, w in zip(table.columns, table.rows[0].cells, widths_mm, strict=True):
        column.width = Mm(w)  # the grid, which LibreOffice reads
        cell.width = Mm(w)
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return table


# ---------------------------------------------------------------- header, title


def _header_block(doc: Any, report: Report) -> None:
    table = _borderless_table(doc, (HEADER_LEFT_MM, HEADER_RIGHT_MM))
    left, right = table.rows[0].cells
    if report.issuer_parent:
        _para(left, report.issuer_parent.upper(), size=13)
    lines = [ln for ln in report.issuer_lines if ln]
    for i, line in enumerate(lines):
        _para(left, line.upper(), size=13, bold=i == len(lines) - 1 or not report.issuer_parent)
    _rule(left, 25, HEADER_LEFT_MM)
    _para(left, number_line(report), size=13)
    _para(right, NATIONAL_TITLE, bold=True, size=12.5)
    _para(right, NATIONAL_MOTTO, bold=True, size=13.5)
    _rule(right, 62, HEADER_RIGHT_MM)
    _para(right, date_line(report), italic=True, size=14)


def _title(doc: Any, report: Report) -> None:
    _para(doc, "", after=6)
    _para(doc, report.title.upper(), bold=True, size=14)
    for line in report.subtitle.split("\n"):
        _para(doc, line, bold=True, size=14)
    _rule(doc, 40, 165)


# ---------------------------------------------------------------- body


def _section(doc: Any, section: ReportSection) -> None:
    from docx.shared import Pt

    p = _para(doc, section.heading, bold=True, align="justify", after=6)
    p.paragraph_format.first_line_indent = Pt(28)
    p.paragraph_format.keep_with_next = True
    if section.level >= 3:
        p.runs[0].italic = True
    for block in section.blocks:
        _block(doc, block)
    for child in section.children:
        _section(doc, child)


def _block(doc: Any, block: Paragraph | Table | Chart) -> None:
    if isinstance(block, Paragraph):
        _paragraph(doc, block)
    elif isinstance(block, Table):
        _table(doc, block)
    else:
        _chart(doc, block)


def _paragraph(doc: Any, block: Paragraph) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = doc.add_paragraph()
    p.alignment = getattr(WD_ALIGN_PARAGRAPH, block.align.upper())
    p.paragraph_format.first_line_indent = Pt(28) if block.align == "justify" else Pt(0)
    if block.lead:
        lead = p.add_run(block.lead + " ")
        lead.bold = True
    run = p.add_run(block.text)
    run.bold, run.italic = block.bold, block.italic


def _table(doc: Any, block: Table) -> None:
    from docx.shared import Mm, Pt

    if block.title:
        _para(doc, block.title, bold=True, size=BODY_PT, after=4).paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1, cols=len(block.columns))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    widths = block.widths or [1.0] * len(block.columns)
    total = sum(widths)
    usable = 210 - MARGINS_MM["left"] - MARGINS_MM["right"]
    _repeat_header(table.rows[0])
    size = WIDE_TABLE_PT if len(block.columns) >= 7 else TABLE_PT
    for cell, text in zip(table.rows[0].cells, block.columns, strict=True):
        _cell(cell, text, bold=True, align="center", size=size)
    for i, row in enumerate(block.rows):
        cells = table.add_row().cells
        for j, (cell, text) in enumerate(zip(cells, row, strict=False)):
            align = "right" if j in block.numeric else "left"
            _cell(cell, text, bold=i in block.bold_rows, align=align, size=size)
    for j, column in enumerate(table.columns):
        column.width = Mm(usable * widths[j] / total)
        for cell in column.cells:
            cell.width = Mm(usable * widths[j] / total)
    if block.note:
        p = _para(doc, block.note, italic=True, size=TABLE_PT, align="left", after=6)
        p.paragraph_format.space_before = Pt(3)
    else:
        _para(doc, "", after=4)


def _cell(cell: Any, text: str, *, bold: bool, align: str, size: float = TABLE_PT) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = cell.paragraphs[0]
    p.alignment = getattr(WD_ALIGN_PARAGRAPH, align.upper())
    p.paragraph_format.first_line_indent = Pt(0)
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = 1.0
    run = p.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _chart(doc: Any, block: Chart) -> None:
    from docx.shared import Mm

    if not block.png:
        return
    _para(doc, block.title, bold=True, size=TABLE_PT + 1, after=2).paragraph_format.keep_with_next = True
    p = _para(doc, after=2)
    p.paragraph_format.keep_with_next = bool(block.alt)
    p.add_run().add_picture(io.BytesIO(block.png), width=Mm(block.width_mm))
    if block.alt:
        _para(doc, block.alt, italic=True, size=TABLE_PT, after=6)


# ---------------------------------------------------------------- closing, annex, page numbers


def _closing(doc: Any, report: Report) -> None:
    from docx.shared import Pt

    _para(doc, "", after=6)
    table = _borderless_table(doc, (80.0, 85.0))
    left, right = table.rows[0].cells
    if report.recipients:
        _para(left, "Nơi nhận:", bold=True, italic=True, size=12, align="left")
        for i, r in enumerate(report.recipients):
            end = "." if i == len(report.recipients) - 1 else ";"
            _para(left, f"- {r}{end}", size=11, align="left")
    sig = report.signature
    if sig:
        for line in sig.title_lines:
            _para(right, line.upper(), bold=True, size=14)
        for _ in range(4):
            _para(right, "", size=14)
        if sig.name:
            _para(right, sig.name, bold=True, size=14)
    for cell in (left, right):
        if not cell.paragraphs:
            cell.add_paragraph().paragraph_format.space_after = Pt(0)


def _annex(doc: Any, annex: ReportSection) -> None:
    from docx.enum.text import WD_BREAK

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _para(doc, (annex.number and f"Phụ lục {annex.number}") or "Phụ lục", bold=True, size=14)
    _para(doc, annex.title, bold=True, size=14, after=6)
    for block in annex.blocks:
        _block(doc, block)
    for child in annex.children:
        _section(doc, child)


def _field(paragraph: Any, code: str) -> None:
    """A Word field (``PAGE``) that Word and LibreOffice compute when the document is shown."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind, text in (("begin", None), ("instr", code), ("separate", None), ("text", "2"), ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = text or ""
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)


def _page_numbers(doc: Any, report: Report) -> None:
    """Page numbers at the top centre, none on page 1; the illustrative mark on every footer."""
    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    header = sec.header
    p = header.paragraphs[0]
    p.alignment = 1  # centre
    _field(p, "PAGE")
    if report.illustrative:
        for footer in (sec.footer, sec.first_page_footer):
            fp = footer.paragraphs[0]
            fp.alignment = 1
            run = fp.add_run(ILLUSTRATIVE_MARK.upper())
            run.bold, run.italic = True, True
            from docx.shared import Pt, RGBColor

            run.font.size = Pt(10)
            run.font.color.rgb = RGBColor(0xB0, 0x00, 0x00)
