"""Report sentences in the usual style of a People's Committee report (pure functions).

- :func:`flow_sentence`: "Thu ngân sách nhà nước 9 tháng ước đạt 150.123 tỷ
  đồng, bằng 77,0% dự toán, tăng 12,3% so với cùng kỳ."
- :func:`growth_sentence`: "Tốc độ tăng trưởng GRDP 9 tháng ước đạt 10,5%
  (kế hoạch năm khoảng 13%)."
- :func:`level_sentence`: rates, levels and ranks at a date.
- :func:`counts_sentence`: "17/22 chỉ tiêu ước đạt và vượt kế hoạch."
- :func:`tasks_sentence`: the tasks summary by the four states of the
  Government Office's task tracking.

Numbers are written the Vietnamese way (``7.944,5``); see :mod:`kehoach.core.numbers`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from kehoach.core.numbers import format_number

__all__ = [
    "TASK_STATES",
    "TASK_STATE_LABELS",
    "counts_sentence",
    "flow_sentence",
    "fmt_pct",
    "fmt_value",
    "growth_phrase",
    "growth_sentence",
    "level_sentence",
    "tasks_sentence",
    "verb",
]

TASK_STATES = ("done_on_time", "done_late", "in_progress", "overdue")
TASK_STATE_LABELS: dict[str, str] = {
    "done_on_time": "hoàn thành đúng hạn",
    "done_late": "hoàn thành quá hạn",
    "in_progress": "đang thực hiện trong hạn",
    "overdue": "quá hạn chưa hoàn thành",
}


def fmt_value(value: float | None, unit: str | None = None) -> str:
    """A figure for a sentence or a cell: thousands grouped, decimals by size (``150.123``, ``85,3``)."""
    if value is None:
        return "–"
    size = abs(value)
    decimals = 0 if size >= 10000 else (1 if size >= 10 else 2)
    text = format_number(_round_half_up(value, decimals), decimals)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def fmt_pct(value: float | None, decimals: int = 1) -> str:
    """``77.04`` → ``77,0%``; halves round up (``15,25`` → ``15,3%``)."""
    if value is None:
        return "–"
    return format_number(_round_half_up(value, decimals), decimals) + "%"


def _round_half_up(value: float, decimals: int) -> float:
    """Reports round halves up (7.944,5 → 7.945), not to even as Python's format does."""
    q = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(q, rounding=ROUND_HALF_UP))


def verb(vintage: str) -> str:
    """ "ước đạt" for an estimate, "đạt" for a preliminary or official figure."""
    return "ước đạt" if vintage == "estimate" else "đạt"


def growth_phrase(growth_pct: float | None) -> str:
    """ "tăng 12,3% so với cùng kỳ" / "giảm 4,0% so với cùng kỳ" / "bằng cùng kỳ"."""
    if growth_pct is None:
        return ""
    if abs(growth_pct) < 0.05:
        return "bằng cùng kỳ"
    word = "tăng" if growth_pct > 0 else "giảm"
    return f"{word} {fmt_pct(abs(growth_pct))} so với cùng kỳ"


def _join(head: str, parts: list[str]) -> str:
    tail = ", ".join(p for p in parts if p)
    return f"{head}, {tail}." if tail else f"{head}."


def flow_sentence(
    name: str,
    period: str,
    value: float,
    unit: str | None,
    *,
    vintage: str = "estimate",
    pct_of_target: float | None = None,
    target_word: str = "kế hoạch",
    growth_pct: float | None = None,
) -> str:
    """A cumulative figure against its year target and last year ("bằng 77,0% dự toán")."""
    head = f"{name} {period} {verb(vintage)} {fmt_value(value, unit)}"
    pct = f"bằng {fmt_pct(pct_of_target)} {target_word}" if pct_of_target is not None else ""
    return _join(head, [pct, growth_phrase(growth_pct)])


def growth_sentence(
    name: str, period: str, growth_pct: float, *, vintage: str = "estimate", target_text: str = ""
) -> str:
    """A growth rate so far, with the year's target in brackets.

    A name that is itself a rate ("Tốc độ tăng trưởng GRDP") takes "ước đạt 10,5%"; an index or a
    quantity ("Chỉ số sản xuất công nghiệp (IIP)") takes "ước tăng 14,8% so với cùng kỳ", as reports write.
    """
    if name.lower().startswith(("tốc độ", "tăng")):
        head = f"{name} {period} {verb(vintage)} {fmt_pct(growth_pct)}"
    else:
        change = "tăng" if growth_pct >= 0 else "giảm"
        word = f"ước {change}" if vintage == "estimate" else change
        head = f"{name} {period} {word} {fmt_pct(abs(growth_pct))} so với cùng kỳ"
    return f"{head} (kế hoạch năm {target_text})." if target_text else f"{head}."


def level_sentence(
    name: str,
    value: float,
    unit: str | None,
    *,
    vintage: str = "estimate",
    target_text: str = "",
    rank: bool = False,
) -> str:
    """A level, rate or rank at a date ("… ước đạt 85,3% (kế hoạch 86%)"; "xếp thứ 5")."""
    shown = f"xếp thứ {format_number(value, 0)}" if rank else f"{verb(vintage)} {fmt_value(value, unit)}"
    head = f"{name} {shown}"
    return f"{head} (kế hoạch {target_text})." if target_text else f"{head}."


def counts_sentence(met: int, total: int, *, estimate: bool = True, behind: int | None = None) -> str:
    """ "17/22 chỉ tiêu ước đạt và vượt kế hoạch" (+ "5 chỉ tiêu dự báo khó đạt")."""
    word = "ước đạt" if estimate else "đạt"
    text = f"{met}/{total} chỉ tiêu {word} và vượt kế hoạch"
    if behind:
        text += f"; {behind} chỉ tiêu dự báo khó đạt"
    return text + "."


def tasks_sentence(counts: Mapping[str, int]) -> str:
    """The tasks summary by the four states, in the tracking system's order."""
    total = sum(counts.get(s, 0) for s in TASK_STATES)
    if total == 0 and not counts.get("continuing"):
        return "Chưa có nhiệm vụ nào được giao theo dõi."
    parts = [f"{counts.get(s, 0)} nhiệm vụ {TASK_STATE_LABELS[s]}" for s in TASK_STATES]
    text = f"Trong tổng số {total} nhiệm vụ có thời hạn: " + "; ".join(parts) + "."
    continuing = counts.get("continuing", 0)
    return text + (f" Ngoài ra có {continuing} nhiệm vụ thường xuyên." if continuing else "")
