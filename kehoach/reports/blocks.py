"""The blocks of a report built from its data (pure): sentences, the key-indicator table, tasks, annex."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from kehoach.core.evaluate import TargetSeries
from kehoach.core.periods import ROMAN, Period
from kehoach.core.report_model import Paragraph, Table
from kehoach.core.report_text import (
    TASK_STATE_LABELS,
    TASK_STATES,
    counts_sentence,
    flow_sentence,
    fmt_pct,
    fmt_value,
    growth_sentence,
    level_sentence,
    tasks_sentence,
)
from kehoach.reports.lines import TargetLine, cumulative_words
from kehoach.reports.selectors import TaskLine

__all__ = [
    "VINTAGE_WORDS",
    "annex_table",
    "counts_paragraph",
    "explanation_paragraphs",
    "indicator_sentence",
    "indicator_table",
    "no_data_paragraph",
    "overdue_paragraphs",
    "short_period",
    "task_table",
    "tasks_paragraph",
]

VINTAGE_WORDS = {"estimate": "ước tính", "preliminary": "sơ bộ", "official": "chính thức"}
YEAR_GOOD = frozenset({"met", "exceeded", "met_stretch"})
MAX_LISTED = 15


def indicator_sentence(line: TargetLine) -> str:
    """The usual sentence about one target's latest figure (with the year-end estimate if known)."""
    obs = line.latest
    if obs is None:
        return f"{line.label}: chưa có số liệu (kế hoạch {line.target_text})."
    words = cumulative_words(obs.period)
    if line.behaviour == "growth":
        text = growth_sentence(
            line.label, words, obs.value, vintage=obs.vintage, target_text=line.target_text
        )
    elif line.behaviour in ("flow", "count"):
        word = "dự toán" if "ngân sách" in line.name.lower() else "kế hoạch"
        text = flow_sentence(
            line.label,
            words,
            obs.value,
            line.unit,
            vintage=obs.vintage,
            pct_of_target=line.pct_of_target,
            target_word=word,
            growth_pct=line.growth_pct,
        )
    else:
        text = level_sentence(
            line.label,
            obs.value,
            line.unit,
            vintage=obs.vintage,
            target_text=line.target_text,
            rank=line.behaviour == "rank",
        )
    if line.year_end is not None and obs.period.last_month < 12:
        verdict = f" ({line.year_end_label} kế hoạch)" if line.year_end_label else ""
        text += f" Dự báo cả năm đạt khoảng {fmt_value(_whole(line, line.year_end), line.unit)}{verdict}."
    return text


def no_data_paragraph(lines: Sequence[TargetLine]) -> Paragraph | None:
    """One sentence for the targets without a figure yet (most are judged once a year)."""
    missing = [ln for ln in lines if ln.latest is None and not ln.stretch]
    if not missing:
        return None
    items = "; ".join(_no_data_item(group) for group in _by_indicator(missing))
    return Paragraph(
        f"Các chỉ tiêu chưa có số liệu đến kỳ báo cáo (phần lớn được đánh giá theo năm): {items}."
    )


def _by_indicator(lines: Sequence[TargetLine]) -> list[list[TargetLine]]:
    groups: dict[int, list[TargetLine]] = {}
    for ln in lines:
        groups.setdefault(ln.n, []).append(ln)
    return list(groups.values())


def _no_data_item(lines: Sequence[TargetLine]) -> str:
    """One indicator's missing targets, said once: "(14) DTI, PCI, PAR Index, PGI: kế hoạch top 5";
    targets that share a plan figure are listed together, the indicator's name only once."""
    first = lines[0]
    if len(lines) == 1:
        return f"{first.label} (kế hoạch {first.target_text})"
    by_target: dict[str, list[str]] = {}
    for ln in lines:
        by_target.setdefault(ln.target_text, []).append(ln.qualifier or "chung")
    parts = [f"{', '.join(q)}: kế hoạch {text}" for text, q in by_target.items()]
    return f"{first.name} ({'; '.join(parts)})"


def _indicator_good(lines: Sequence[TargetLine]) -> bool | None:
    """True/False when the indicator's base targets are judged, None when none is."""
    judged = [ln for ln in lines if ln.year_end_verdict or ln.verdict not in ("no_data", "not_due")]
    if not judged:
        return None
    return all((ln.year_end_verdict in YEAR_GOOD) if ln.year_end_verdict else ln.good for ln in judged)


def counts_paragraph(lines: Sequence[TargetLine], total_indicators: int, *, sentence: str = "") -> Paragraph:
    """ "17/22 chỉ tiêu ước đạt và vượt kế hoạch" (the evaluation's own sentence when it gives one)."""
    if sentence:
        return Paragraph(sentence if sentence.endswith(".") else sentence + ".")
    by_n: dict[int, list[TargetLine]] = {}
    for ln in lines:
        if not ln.stretch:
            by_n.setdefault(ln.n, []).append(ln)
    verdicts = [_indicator_good(v) for v in by_n.values()]
    with_data = sum(1 for v in by_n.values() if any(ln.latest for ln in v))
    if all(v is None for v in verdicts):
        return Paragraph(
            f"{with_data}/{total_indicators} chỉ tiêu đã có số liệu đến kỳ báo cáo; "
            "khả năng hoàn thành được đánh giá khi có đủ số liệu."
        )
    met = sum(1 for v in verdicts if v)
    behind = sum(1 for v in verdicts if v is False)
    return Paragraph(counts_sentence(met, total_indicators, behind=behind))


def _done(line: TargetLine, as_of: Period) -> str:
    obs = line.latest
    if obs is None:
        return "–"
    text = fmt_value(obs.value, "%" if line.unit == "%" else None)
    if obs.period.end() != as_of.end():
        text += f" ({short_period(obs.period)})"
    return text


def short_period(period: Period) -> str:
    """A period in a table cell: "T9", "QIII", "6T", "9T", "2026"."""
    match period.kind:
        case "month":
            return f"T{period.index}"
        case "quarter":
            return f"Q{ROMAN[period.index]}"
        case "half":
            return "6T" if period.index == 1 else "6T cuối"
        case "nine_months":
            return "9T"
    return str(period.year)


def _whole(line: TargetLine, value: float | None) -> float | None:
    """Counts (enterprises, housing units) are whole numbers, estimates included."""
    return float(round(value)) if value is not None and line.kind == "count" else value


def _row(line: TargetLine, first: bool, as_of: Period) -> list[str]:
    other = "phấn đấu" if line.stretch else f"tính bằng {line.unit or 'đơn vị khác'}"
    name = line.name if first else f"- {line.qualifier or other}"
    if first and line.qualifier:
        name = f"{line.name}: {line.qualifier}"
    unit = "%" if line.unit == "%" else None
    return [
        str(line.n) if first else "",
        name,
        line.target_text,
        _done(line, as_of),
        fmt_value(line.last_year, unit),
        fmt_pct(line.pct_of_target),
        line.verdict_label if line.latest or line.verdict != "no_data" else "chưa có số liệu",
        fmt_value(_whole(line, line.year_end), unit),
    ]


def indicator_table(lines: Sequence[TargetLine], as_of: Period, *, title: str = "") -> Table:
    """The table of all key indicators: target, figure to date, same period last year, % of target,
    verdict, year-end estimate; indicators grouped by field (bold rows)."""
    rows: list[list[str]] = []
    bold: set[int] = set()
    group, seen = None, set()
    numbers = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    for ln in lines:
        if ln.group != group:
            group = ln.group
            bold.add(len(rows))
            rows.append([numbers[min(len(bold) - 1, 7)], (group or "Khác").upper(), "", "", "", "", "", ""])
        rows.append(_row(ln, ln.n not in seen, as_of))
        seen.add(ln.n)
    return Table(
        columns=[
            "TT",
            "Chỉ tiêu",
            f"Kế hoạch năm {as_of.year}",
            f"Thực hiện {cumulative_words(as_of.year_to_date())}",
            "Cùng kỳ năm trước",
            "% kế hoạch",
            "Đánh giá",
            "Ước cả năm",
        ],
        rows=rows,
        title=title,
        numeric=frozenset({3, 4, 5, 7}),
        widths=[0.7, 3.0, 1.55, 1.35, 1.25, 1.05, 1.25, 1.2],
        bold_rows=frozenset(bold),
        note="Ghi chú: số trong ngoặc là kỳ của số liệu khi khác kỳ báo cáo (T9: tháng 9; QIII: quý III; "
        "6T: 6 tháng đầu năm; 9T: 9 tháng). Số ước tính được cập nhật khi có số chính thức.",
    )


def explanation_paragraphs(lines: Sequence[TargetLine]) -> list[Paragraph]:
    """Each agency's explanation (giải trình) for a target, led by the agency's name."""
    out = []
    for ln in lines:
        if ln.explanation:
            who = ln.lead_agency_name or "Cơ quan chủ trì"
            out.append(Paragraph(ln.explanation, lead=f"- {who} giải trình về {ln.label}:"))
    return out


def _task_counts(tasks: Sequence[TaskLine]) -> Counter[str]:
    return Counter(t.state for t in tasks)


def tasks_paragraph(tasks: Sequence[TaskLine]) -> Paragraph:
    return Paragraph(tasks_sentence(_task_counts(tasks)))


def task_table(tasks: Sequence[TaskLine], sections: dict[str, str]) -> Table:
    """Tasks by top section and state."""
    states = (*TASK_STATES, "continuing")
    rows = []
    for n, title in sections.items():
        mine = [t for t in tasks if t.section.split(".")[0] == n]
        if not mine:
            continue
        c = _task_counts(mine)
        short = title if len(title) <= 90 else title[:87].rstrip() + "…"
        rows.append([n, short, str(len(mine)), *(str(c.get(s, 0)) for s in states)])
    total = _task_counts(tasks)
    rows.append(["", "Tổng cộng", str(len(tasks)), *(str(total.get(s, 0)) for s in states)])
    labels = [TASK_STATE_LABELS[s].capitalize() for s in TASK_STATES]
    return Table(
        columns=["TT", "Lĩnh vực", "Tổng số", *labels, "Thường xuyên"],
        rows=rows,
        numeric=frozenset(range(2, 8)),
        widths=[0.55, 3.1, 0.8, 1.05, 1.05, 1.05, 1.05, 1.05],
        bold_rows=frozenset({len(rows) - 1}),
    )


def overdue_paragraphs(tasks: Sequence[TaskLine]) -> list[Paragraph]:
    """The overdue tasks, with their lead agency and deadline (the first fifteen)."""
    late = [t for t in tasks if t.state == "overdue"]
    out = []
    for t in late[:MAX_LISTED]:
        text = t.text if len(t.text) <= 220 else t.text[:217].rstrip() + "…"
        when = f"hạn {t.deadline:%d/%m/%Y}" if t.deadline else "chưa có hạn"
        who = t.lead_agency_name or "chưa giao cơ quan chủ trì"
        out.append(Paragraph(f"- {text} ({who}; {when})."))
    if len(late) > MAX_LISTED:
        out.append(
            Paragraph(f"- Và {len(late) - MAX_LISTED} nhiệm vụ khác (xem hệ thống theo dõi nhiệm vụ).")
        )
    return out


def _checkpoints(as_of: Period) -> list[int]:
    months = [m for m in (3, 6, 9, 12) if m <= as_of.last_month]
    if as_of.last_month not in months:
        months.append(as_of.last_month)
    return months


def _at_month(series: TargetSeries, month: int, year: int) -> str:
    found = [o for o in series.observations if o.period.year == year and o.period.last_month == month]
    if not found:
        return "–"
    obs = max(found, key=lambda o: o.period.months)
    mark = "" if obs.vintage == "official" else ("*" if obs.vintage == "estimate" else "°")
    return fmt_value(obs.value) + mark


def annex_table(lines: Sequence[TargetLine], series: dict[str, TargetSeries], as_of: Period) -> Table:
    """Figures of the year at each quarter's end (and the report's month): the annex of figures."""
    months = _checkpoints(as_of)
    names = {3: "Quý I", 6: "6 tháng", 9: "9 tháng", 12: "Cả năm"}
    rows = []
    for ln in lines:
        s = series.get(ln.key)
        if s is None:
            continue
        rows.append([ln.key, ln.label, ln.unit or "", *(_at_month(s, m, as_of.year) for m in months)])
    return Table(
        columns=["Mã", "Chỉ tiêu", "Đơn vị", *(names.get(m, f"Tháng {m}") for m in months)],
        rows=rows,
        numeric=frozenset(range(3, 3 + len(months))),
        widths=[0.8, 3.8, 1.5, *([1.15] * len(months))],
        note="(*) số ước tính; (°) số sơ bộ; không đánh dấu: số chính thức. "
        "Số của chỉ tiêu tăng trưởng là tốc độ tăng lũy kế so với cùng kỳ (%).",
    )
