"""Write a :class:`~kehoach.core.report_model.Report` as a standalone HTML page (no outside files).

The page follows the same layout as the DOCX (Decree 30/2020/NĐ-CP) and prints
on A4 with the same margins; charts are embedded (SVG when given, otherwise
the PNG as a data URL). Illustrative data is marked on every printed page by a
fixed banner (repeated by the browser on each page).
"""

from __future__ import annotations

import base64
from html import escape

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

__all__ = ["REPORT_CSS", "render_html", "report_body_html"]

REPORT_CSS = """
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
@page :first { @top-center { content: none; } }
@page { @top-center { content: counter(page); font: 14pt "Times New Roman", "Liberation Serif", serif; } }
.report { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 14pt; line-height: 1.35;
  color: #000; max-width: 165mm; margin: 0 auto; background: #fff; }
.report .r-hdr { display: grid; grid-template-columns: 64mm 1fr; text-align: center; font-size: 12.5pt; }
.report .r-nation b { white-space: nowrap; font-size: 12pt; }
.report .r-hdr p { margin: 0; }
.report .r-rule { border: 0; border-top: 1px solid #000; margin: 2px auto 6px; }
.report .r-issuer b, .report .r-nation b { display: block; }
.report .r-nation .r-motto { display: block; font-size: 13.5pt; font-weight: bold; }
.report .r-date { font-style: italic; font-size: 14pt; }
.report h1 { font-size: 14pt; text-align: center; margin: 18px 0 0; }
.report .subtitle { text-align: center; font-weight: bold; margin: 0; }
.report h1, .report h2, .report h3, .report h4 { font-family: inherit; color: #000; border: 0; padding: 0;
  letter-spacing: normal; }
.report h2, .report h3, .report h4 { font-size: 14pt; margin: 8px 0 6px; text-indent: 10mm; }
.report .r-issuer { color: #000; }
.report h4 { font-style: italic; }
.report p.body { text-align: justify; text-indent: 10mm; margin: 0 0 6px; }
.report table.data { border-collapse: collapse; width: 100%; font-size: 12pt; margin: 4px 0 8px; }
.report table.data th, .report table.data td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
.report table.data td.num { text-align: right; white-space: nowrap; }
.report table.data tr.group td { font-weight: bold; }
.report table.data thead { display: table-header-group; }
.report .caption { font-weight: bold; margin: 6px 0 2px; }
.report .r-note { font-style: italic; font-size: 12pt; }
.report figure { margin: 6px 0; text-align: center; }
.report figure img, .report figure svg { max-width: 100%; height: auto; }
.report .closing { display: grid; grid-template-columns: 80mm 1fr; margin-top: 16px; }
.report .recipients { font-size: 11pt; }
.report .recipients b { font-size: 12pt; font-style: italic; }
.report .recipients p { margin: 0; }
.report .signature { text-align: center; font-weight: bold; }
.report .signature .name { margin-top: 80px; }
.report .annex { break-before: page; }
.report .annex-head { text-align: center; font-weight: bold; margin: 0; }
.illustrative-mark { color: #b00000; font-weight: bold; font-style: italic; text-align: center;
  font-size: 10pt; border: 1px solid #b00000; padding: 2px; margin-bottom: 6px; }
"""
MARK_CSS = """
@page { @bottom-center { content: "%s"; color: #b00000; font: italic bold 10pt "Times New Roman",
  "Liberation Serif", serif; } }
"""


def render_html(report: Report) -> str:
    """A complete HTML document (UTF-8) for download, printing or conversion to PDF."""
    title = escape(f"{report.title} {report.subtitle}".replace("\n", " "))
    # Printed, the mark sits in every page's bottom margin (CSS page margin boxes).
    mark = MARK_CSS % ILLUSTRATIVE_MARK.upper() if report.illustrative else ""
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{REPORT_CSS}{mark}</style></head>"
        f"<body>{report_body_html(report)}</body></html>\n"
    )


def report_body_html(report: Report) -> str:
    """The report as an HTML fragment (``<article class="report">``), for pages that embed it."""
    parts = ['<article class="report">']
    if report.illustrative:
        parts.append(f'<div class="illustrative-mark">{escape(ILLUSTRATIVE_MARK)}</div>')
    parts.append(_header(report))
    parts.append(f"<h1>{escape(report.title.upper())}</h1>")
    parts.extend(f'<p class="subtitle">{escape(line)}</p>' for line in report.subtitle.split("\n"))
    parts.append('<hr class="r-rule" style="width:40mm">')
    parts.extend(_section(s) for s in report.sections)
    parts.append(_closing(report))
    parts.extend(_annex(a) for a in report.annexes)
    parts.append("</article>")
    return "\n".join(parts)


def _header(report: Report) -> str:
    lines = [ln for ln in report.issuer_lines if ln]
    issuer = "".join(
        f"<b>{escape(ln.upper())}</b>"
        if (i == len(lines) - 1 or not report.issuer_parent)
        else f"<span>{escape(ln.upper())}</span><br>"
        for i, ln in enumerate(lines)
    )
    parent = f"<span>{escape(report.issuer_parent.upper())}</span><br>" if report.issuer_parent else ""
    return (
        '<div class="r-hdr">'
        f'<div class="r-issuer"><p>{parent}{issuer}</p><hr class="r-rule" style="width:25mm">'
        f"<p>{escape(number_line(report))}</p></div>"
        f'<div class="r-nation"><p><b>{escape(NATIONAL_TITLE)}</b>'
        f'<span class="r-motto">{escape(NATIONAL_MOTTO)}</span></p><hr class="r-rule" style="width:62mm">'
        f'<p class="r-date">{escape(date_line(report))}</p></div></div>'
    )


def _section(section: ReportSection) -> str:
    tag = {1: "h2", 2: "h3"}.get(section.level, "h4")
    out = [f"<{tag}>{escape(section.heading)}</{tag}>"]
    out.extend(_block(b) for b in section.blocks)
    out.extend(_section(c) for c in section.children)
    return "\n".join(out)


def _block(block: Paragraph | Table | Chart) -> str:
    if isinstance(block, Paragraph):
        lead = f"<b>{escape(block.lead)}</b> " if block.lead else ""
        text = escape(block.text)
        if block.bold:
            text = f"<b>{text}</b>"
        if block.italic:
            text = f"<i>{text}</i>"
        style = "" if block.align == "justify" else f' style="text-align:{block.align};text-indent:0"'
        return f'<p class="body"{style}>{lead}{text}</p>'
    if isinstance(block, Table):
        return _table(block)
    return _chart(block)


def _table(t: Table) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in t.columns)
    rows = []
    for i, row in enumerate(t.rows):
        cells = "".join(
            f'<td class="num">{escape(v)}</td>' if j in t.numeric else f"<td>{escape(v)}</td>"
            for j, v in enumerate(row)
        )
        rows.append(f'<tr class="group">{cells}</tr>' if i in t.bold_rows else f"<tr>{cells}</tr>")
    caption = f'<p class="caption">{escape(t.title)}</p>' if t.title else ""
    note = f'<p class="r-note">{escape(t.note)}</p>' if t.note else ""
    return (
        f'{caption}<table class="data"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>{note}"
    )


def _chart(c: Chart) -> str:
    if c.svg:
        img = c.svg
    elif c.png:
        data = base64.b64encode(c.png).decode("ascii")
        img = f'<img src="data:image/png;base64,{data}" alt="{escape(c.alt or c.title)}">'
    else:
        return ""
    alt = f'<p class="r-note">{escape(c.alt)}</p>' if c.alt else ""
    return f'<figure><p class="caption">{escape(c.title)}</p>{img}{alt}</figure>'


def _closing(report: Report) -> str:
    rec = ""
    if report.recipients:
        items = "".join(
            f"<p>- {escape(r)}{'.' if i == len(report.recipients) - 1 else ';'}</p>"
            for i, r in enumerate(report.recipients)
        )
        rec = f"<b>Nơi nhận:</b>{items}"
    sig = ""
    if report.signature:
        lines = "<br>".join(escape(x.upper()) for x in report.signature.title_lines)
        name = escape(report.signature.name) or "&nbsp;"
        sig = f'<p>{lines}</p><p class="name">{name}</p>'
    return f'<div class="closing"><div class="recipients">{rec}</div><div class="signature">{sig}</div></div>'


def _annex(annex: ReportSection) -> str:
    head = f"Phụ lục {annex.number}" if annex.number else "Phụ lục"
    body = "".join(_block(b) for b in annex.blocks) + "".join(_section(c) for c in annex.children)
    return (
        f'<section class="annex"><p class="annex-head">{escape(head)}</p>'
        f'<p class="annex-head">{escape(annex.title)}</p>{body}</section>'
    )
