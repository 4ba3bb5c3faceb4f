"""Report kinds, formats, the Council's committees and their fields (plain constants and small helpers)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kehoach.core.periods import ROMAN, Period

__all__ = [
    "COMMITTEES",
    "ERR_AGENCY_NEEDED",
    "ERR_FORMAT",
    "ERR_KIND",
    "ERR_KIND_PERIOD",
    "FORMATS",
    "KINDS",
    "KIND_LABELS",
    "Committee",
    "check_kind_period",
    "period_words",
]

KINDS = ("monthly", "quarterly", "half-year", "annual", "supervision", "agency")
KIND_LABELS: dict[str, str | Promise] = {
    "monthly": _("Báo cáo tháng"),
    "quarterly": _("Báo cáo quý"),
    "half-year": _("Báo cáo 6 tháng"),
    "annual": _("Báo cáo năm"),
    "supervision": _("Báo cáo giám sát (Ban HĐND)"),
    "agency": _("Báo cáo của cơ quan"),
}
FORMATS: dict[str, str] = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}

ERR_KIND = "loại báo cáo không hợp lệ: {kind!r} (chọn một trong: monthly, quarterly, half-year, annual, supervision, agency)"
ERR_FORMAT = "định dạng không hợp lệ: {fmt!r} (chọn docx, pdf hoặc html)"
ERR_AGENCY_NEEDED = "báo cáo của cơ quan cần mã cơ quan (--agency, ví dụ STC)"
ERR_KIND_PERIOD = "kỳ {period} không hợp với báo cáo {kind}: cần {need} (ví dụ {example})"

_KIND_PERIODS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "monthly": (("month",), "một tháng", "2026-09"),
    "quarterly": (("quarter",), "một quý", "2026-Q3"),
    "half-year": (("half",), "6 tháng", "2026-H1"),
    "annual": (("year",), "một năm", "2026"),
}


def check_kind_period(kind: str, period: Period) -> str | None:
    """An error message when the period does not fit the kind (a monthly report of "2026-Q3")."""
    if kind not in _KIND_PERIODS:
        return None
    kinds, need, example = _KIND_PERIODS[kind]
    if period.kind in kinds:
        return None
    return ERR_KIND_PERIOD.format(period=period.code, kind=kind, need=need, example=example)


def period_words(period: Period) -> str:
    """The period as a report title says it: "tháng 9 năm 2026", "quý III và 9 tháng năm 2026"."""
    if period.kind == "month":
        return f"tháng {period.index} năm {period.year}"
    if period.kind == "quarter":
        if period.index == 1:
            return f"quý I năm {period.year}"
        return f"quý {ROMAN[period.index]} và {3 * period.index} tháng năm {period.year}"
    if period.kind == "half":
        return f"6 tháng {'đầu' if period.index == 1 else 'cuối'} năm {period.year}"
    if period.kind == "nine_months":
        return f"9 tháng năm {period.year}"
    return f"năm {period.year}"


@dataclass(frozen=True)
class Committee:
    """A People's Council committee (Ban HĐND): the indicator groups and task sections of its field."""

    code: str
    name: str
    groups: tuple[str, ...]
    sections: tuple[str, ...]
    symbol: str


COMMITTEES: dict[str, Committee] = {
    c.code: c
    for c in (
        Committee("ktns", "Ban Kinh tế - Ngân sách", ("Kinh tế",), ("1", "2", "3", "6"), "BC-KTNS"),
        Committee("vhxh", "Ban Văn hóa - Xã hội", ("Văn hóa - Xã hội",), ("7", "8"), "BC-VHXH"),
        Committee("dt", "Ban Đô thị", ("Môi trường",), ("4", "5"), "BC-ĐT"),
        Committee("pc", "Ban Pháp chế", ("Quốc phòng - An ninh",), ("9", "10"), "BC-PC"),
    )
}
