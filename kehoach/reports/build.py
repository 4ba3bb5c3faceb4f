"""Build a :class:`~kehoach.core.report_model.Report` from :class:`~kehoach.reports.selectors.ReportData`.

The structure follows the usual progress report: results of the key
indicators by field → tasks → limitations and causes (with the agencies'
explanations) → tasks and solutions for the coming period → annex of figures.
A Council committee's supervision brief adds the questions to put to the
agencies; an agency's report covers the targets and tasks it leads.
"""

from __future__ import annotations

from kehoach.core.report_model import Block, Chart, Paragraph, Report, ReportSection, Signature
from kehoach.core.report_text import fmt_pct
from kehoach.reports import blocks
from kehoach.reports.kinds import period_words
from kehoach.reports.lines import TargetLine
from kehoach.reports.selectors import ReportData

__all__ = ["UBND_RECIPIENTS", "build_report"]

UBND_RECIPIENTS = [
    "Thường trực Thành ủy (để b/c)",
    "Thường trực HĐND thành phố (để b/c)",
    "Chủ tịch, các Phó Chủ tịch UBND thành phố",
    "Các Ban HĐND thành phố; đại biểu HĐND thành phố",
    "Các sở, ban, ngành thành phố",
    "Lưu: VT",
]
COUNCIL_RECIPIENTS = [
    "Thường trực HĐND thành phố (để b/c)",
    "UBND thành phố",
    "Các cơ quan được giám sát",
    "Đại biểu HĐND thành phố",
    "Lưu: VT",
]
GROUP_ORDER = ("Kinh tế", "Văn hóa - Xã hội", "Môi trường", "Quốc phòng - An ninh")
NEXT_PERIOD = {
    "monthly": "tháng tới",
    "quarterly": "quý tới",
    "half-year": "6 tháng cuối năm",
    "annual": "năm tới",
}


def build_report(data: ReportData, *, charts: list[Chart] | None = None) -> Report:
    """The whole report; ``charts`` (already drawn) go after the key-indicator table."""
    report = _frame(data)
    if data.kind == "supervision":
        report.sections = _supervision_sections(data, charts or [])
    else:
        report.sections = _progress_sections(data, charts or [])
    report.annexes = [
        ReportSection(
            f"Số liệu các chỉ tiêu chủ yếu năm {data.as_of.year}",
            number="",
            blocks=[blocks.annex_table(data.lines, data.series, data.as_of)],
        )
    ]
    return report


# ---------------------------------------------------------------- header, title, closing


def _locality(data: ReportData) -> str:
    lines = [x for x in (data.plan.report_issuer or "").split("\n") if x.strip()]
    if len(lines) >= 2:
        return lines[-1].strip().upper()
    return f"TỈNH {(data.domain.province or '').upper()}".strip()


def _frame(data: ReportData) -> Report:
    plan = data.plan
    place = plan.report_place or data.domain.province or ""
    report = Report(
        issuer_lines=[x.strip() for x in (plan.report_issuer or "ỦY BAN NHÂN DÂN").split("\n") if x.strip()],
        issuer_parent=plan.report_issuer_parent,
        title="Báo cáo",
        subtitle=_subtitle(data),
        place=place,
        year=data.as_of.year,
        symbol=plan.report_symbol or "BC-UBND",
        recipients=list(UBND_RECIPIENTS),
        signature=Signature(
            [x for x in (plan.report_signer_title or "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH").split("\n") if x],
            plan.report_signer_name,
        ),
        illustrative=data.illustrative,
        kind=data.kind,
        as_of_label=data.as_of.label(),
    )
    if data.kind == "agency" and data.agency is not None:
        _agency_frame(report, data)
    elif data.kind == "supervision":
        _council_frame(report, data)
    return report


def _agency_frame(report: Report, data: ReportData) -> None:
    agency = data.agency
    assert agency is not None
    report.issuer_parent = f"UBND {_locality(data)}"
    report.issuer_lines = [agency.name.upper()]
    report.symbol = f"BC-{agency.code}"
    head = "GIÁM ĐỐC" if agency.name.lower().startswith("sở") else "THỦ TRƯỞNG CƠ QUAN"
    report.signature = Signature([head])
    report.recipients = ["UBND thành phố (để b/c)", "Sở Tài chính (để tổng hợp)", "Lưu: VT"]


def _council_frame(report: Report, data: ReportData) -> None:
    council = f"HỘI ĐỒNG NHÂN DÂN {_locality(data)}"
    com = data.committee
    report.recipients = list(COUNCIL_RECIPIENTS)
    if com is None:
        report.issuer_parent = ""
        report.issuer_lines = ["HỘI ĐỒNG NHÂN DÂN", _locality(data)]
        report.symbol = "BC-HĐND"
        report.signature = Signature(["TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH"])
    else:
        report.issuer_parent = council
        report.issuer_lines = [com.name.upper()]
        report.symbol = com.symbol
        report.signature = Signature([f"TM. {com.name.upper()}", "TRƯỞNG BAN"])


def _balanced(line: str, width: int = 64) -> str:
    """Break a long title line near its middle at a space, so no word is left alone on a line."""
    if len(line) <= width:
        return line
    words = line.split(" ")
    best, cut = len(line), 1
    for i in range(1, len(words)):
        head = len(" ".join(words[:i]))
        if abs(len(line) - 2 * head) < best:
            best, cut = abs(len(line) - 2 * head), i
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


def _subtitle(data: ReportData) -> str:
    return "\n".join(_balanced(x) for x in _subtitle_lines(data).split("\n"))


def _subtitle_lines(data: ReportData) -> str:
    resolution = data.domain.title or "Nghị quyết"
    words = period_words(data.as_of)
    match data.kind:
        case "annual":
            return (
                f"Đánh giá tình hình thực hiện {resolution}\nvà nhiệm vụ, giải pháp năm {data.as_of.year + 1}"
            )
        case "half-year":
            return f"Tình hình thực hiện {resolution}\n{words}; nhiệm vụ, giải pháp 6 tháng cuối năm"
        case "supervision":
            field = f" thuộc lĩnh vực của {data.committee.name}" if data.committee else ""
            return f"Kết quả giám sát việc thực hiện {resolution}{field}\n{words}"
        case "agency":
            who = data.agency.name if data.agency else "cơ quan"
            return f"Kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao cho {who}\ntheo {resolution}, {words}"
    return f"Tình hình thực hiện {resolution}\n{words}"


# ---------------------------------------------------------------- sections


def _by_group(lines: list[TargetLine]) -> list[tuple[str, list[TargetLine]]]:
    groups: dict[str, list[TargetLine]] = {}
    for ln in lines:
        groups.setdefault(ln.group or "Khác", []).append(ln)
    order = {g: i for i, g in enumerate(GROUP_ORDER)}
    return sorted(groups.items(), key=lambda kv: order.get(kv[0], len(order)))


def _results(data: ReportData, charts: list[Chart], number: str) -> ReportSection:
    total = len({ln.n for ln in data.lines})
    intro: list[Block] = [blocks.counts_paragraph(data.lines, total, sentence=_eval_sentence(data))]
    children = []
    for i, (group, lines) in enumerate(_by_group(data.lines), 1):
        paras: list[Block] = [
            Paragraph(blocks.indicator_sentence(ln)) for ln in lines if not ln.stretch and ln.latest
        ]
        missing = blocks.no_data_paragraph(lines)
        if missing:
            paras.append(missing)
        children.append(ReportSection(group, blocks=paras, level=2, number=str(i)))
    table = blocks.indicator_table(
        data.lines, data.as_of, title="Bảng 1. Kết quả thực hiện các chỉ tiêu chủ yếu"
    )
    children.append(
        ReportSection(
            "Tổng hợp các chỉ tiêu chủ yếu", blocks=[table, *charts], level=2, number=str(len(children) + 1)
        )
    )
    return ReportSection(
        "Kết quả thực hiện các chỉ tiêu chủ yếu", blocks=intro, children=children, number=number
    )


def _eval_sentence(data: ReportData) -> str:
    if data.kind in ("agency",) or data.committee is not None:
        return ""  # the plan's counts speak of all 22 indicators, not of this subset
    return data.evaluation.counts.sentence


def _tasks(data: ReportData, number: str) -> ReportSection:
    section = ReportSection("Tình hình thực hiện các nhiệm vụ, giải pháp", number=number)
    section.blocks = [blocks.tasks_paragraph(data.tasks)]
    if data.tasks:
        section.blocks.append(blocks.task_table(data.tasks, data.sections))
    return section


def _limits(data: ReportData, number: str) -> ReportSection:
    behind = [ln for ln in data.lines if ln.behind and not ln.stretch]
    section = ReportSection("Hạn chế, nguyên nhân", number=number)
    if behind:
        items = "; ".join(_behind_words(ln) for ln in behind)
        section.blocks.append(Paragraph(f"Một số chỉ tiêu chưa đạt tiến độ, kịch bản đề ra: {items}."))
    else:
        section.blocks.append(
            Paragraph("Chưa có chỉ tiêu nào được đánh giá là chậm so với kịch bản, tiến độ đề ra.")
        )
    overdue = blocks.overdue_paragraphs(data.tasks)
    if overdue:
        section.blocks.append(Paragraph("Các nhiệm vụ quá hạn chưa hoàn thành:"))
        section.blocks.extend(overdue)
    explanations = blocks.explanation_paragraphs(data.lines)
    if explanations:
        section.blocks.append(Paragraph("Giải trình của các cơ quan:"))
        section.blocks.extend(explanations)
    return section


def _behind_words(ln: TargetLine) -> str:
    pct = f", bằng {fmt_pct(ln.pct_of_target)} kế hoạch" if ln.pct_of_target is not None else ""
    return f"{ln.label} ({ln.verdict_label}{pct})"


def _solutions(data: ReportData, number: str) -> ReportSection:
    when = NEXT_PERIOD.get(data.kind, "thời gian tới")
    section = ReportSection(f"Nhiệm vụ, giải pháp trọng tâm {when}", number=number)
    paces = [ln for ln in data.lines if ln.required_pace and ln.behind]
    for ln in paces:
        section.blocks.append(Paragraph(ln.required_pace, lead=f"- {ln.label}:"))
    section.blocks.append(
        Paragraph(
            "Các sở, ban, ngành, địa phương tập trung chỉ đạo thực hiện quyết liệt các chỉ tiêu, nhiệm vụ "
            "được giao; cơ quan chủ trì các chỉ tiêu chưa đạt kịch bản xây dựng giải pháp cụ thể, báo cáo "
            "kết quả trong kỳ báo cáo tiếp theo."
        )
    )
    return section


def _progress_sections(data: ReportData, charts: list[Chart]) -> list[ReportSection]:
    return [
        _results(data, charts, "I"),
        _tasks(data, "II"),
        _limits(data, "III"),
        _solutions(data, "IV"),
    ]


def _supervision_sections(data: ReportData, charts: list[Chart]) -> list[ReportSection]:
    scope = data.committee.name if data.committee else "Thường trực Hội đồng nhân dân"
    intro = ReportSection(
        "Phạm vi giám sát",
        number="I",
        blocks=[
            Paragraph(
                f"{scope} giám sát tình hình thực hiện {len({ln.n for ln in data.lines})} chỉ tiêu chủ yếu "
                f"và {len(data.tasks)} nhiệm vụ thuộc lĩnh vực phụ trách, số liệu đến {period_words(data.as_of)}."
            )
        ],
    )
    return [
        intro,
        _results(data, charts, "II"),
        _tasks(data, "III"),
        _limits(data, "IV"),
        ReportSection("Nội dung đề nghị các cơ quan làm rõ", number="V", blocks=_questions(data)),
    ]


def _questions(data: ReportData) -> list[Block]:
    """Questions to put to the agencies: every target behind and every overdue task."""
    out: list[Block] = []
    for ln in data.lines:
        if not ln.behind or ln.stretch:
            continue
        who = ln.lead_agency_name or "Cơ quan chủ trì"
        now = blocks.indicator_sentence(ln).rstrip(".")
        out.append(
            Paragraph(
                f"- Đề nghị {who} làm rõ nguyên nhân: {now}; giải pháp, lộ trình để đạt mục tiêu "
                f"{ln.target_text} năm {data.as_of.year}."
            )
        )
    for t in data.tasks:
        if t.state == "overdue":
            who = t.lead_agency_name or "UBND thành phố"
            text = t.text if len(t.text) <= 160 else t.text[:157].rstrip() + "…"
            out.append(Paragraph(f"- Đề nghị {who} báo cáo tiến độ, thời điểm hoàn thành nhiệm vụ: {text}"))
    if not out:
        out.append(Paragraph("Không có chỉ tiêu, nhiệm vụ nào chậm tiến độ cần đề nghị làm rõ trong kỳ này."))
    return out
