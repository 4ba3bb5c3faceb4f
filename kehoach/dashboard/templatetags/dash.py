"""Words of the dashboard in the active language: verdicts, vintages, task states."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

register = template.Library()

# The same words as kehoach.core.verdicts.VERDICT_LABELS, marked for translation.
VERDICT_WORDS = {
    "exceeded": _("vượt"),
    "met": _("đạt"),
    "met_stretch": _("đạt mức phấn đấu"),
    "missed": _("không đạt"),
    "on_track": _("đúng tiến độ"),
    "behind": _("chậm tiến độ"),
    "at_risk": _("nguy cơ không đạt"),
    "no_data": _("chưa có số liệu"),
    "not_due": _("chưa đến kỳ đánh giá"),
    "insufficient_data": _("không đủ dữ liệu để dự báo"),
    "on_scenario": _("đạt kịch bản"),
    "behind_scenario": _("chưa đạt kịch bản"),
    "annual_only": _("mục tiêu cả năm"),
}
VINTAGE_WORDS = {"estimate": _("ước tính"), "preliminary": _("sơ bộ"), "official": _("chính thức")}
STATUS_WORDS = {
    "draft": _("bản nháp"),
    "submitted": _("đã gửi"),
    "approved": _("đã duyệt"),
    "published": _("đã công bố"),
}
TASK_WORDS = {
    "overdue": _("quá hạn chưa hoàn thành"),
    "in_progress": _("đang thực hiện trong hạn"),
    "done_late": _("hoàn thành quá hạn"),
    "done_on_time": _("hoàn thành đúng hạn"),
    "continuing": _("thường xuyên"),
}


@register.filter
def verdict_word(code: Any) -> str:
    return str(VERDICT_WORDS.get(str(code), code or ""))


@register.filter
def vintage_word(code: Any) -> str:
    return str(VINTAGE_WORDS.get(str(code), code or ""))


@register.filter
def status_word(code: Any) -> str:
    return str(STATUS_WORDS.get(str(code), code or ""))


@register.filter
def task_word(code: Any) -> str:
    return str(TASK_WORDS.get(str(code), code or ""))


@register.filter
def trusted_svg(svg: Any) -> SafeString:
    """Mark an SVG made by kehoach.formats.charts as safe (it escapes every text it holds)."""
    return mark_safe(str(svg))


@register.filter
def get(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter(name="verdict_class")
def verdict_class_filter(code: Any) -> str:
    from kehoach.dashboard.series import verdict_class

    return verdict_class(str(code))


@register.filter
def with_unit(value: Any, unit: Any = "") -> str:
    """``12.14, "%"`` → ``12,14%``; ``132411, "tỷ đồng"`` → ``132.411 tỷ đồng`` (active language)."""
    from django.utils.translation import get_language

    from kehoach.core.wording import with_unit as _with_unit

    if value is None or value == "":
        return "–"
    lang = "en" if (get_language() or "vi").startswith("en") else "vi"
    return _with_unit(float(value), str(unit or "") or None, lang=lang)


@register.filter
def rounded(value: Any) -> str:
    """A projection to a sensible precision: no decimals from 100 up, else one (200.946; 48,1)."""
    from kehoach.plans.templatetags.vn import vn

    if value is None or value == "":
        return "–"
    return vn(value, 0 if abs(float(value)) >= 100 else 1)


@register.filter
def iso_date(value: Any) -> str:
    """``2026-06-30`` → ``30/06/2026``; empty → ``–``."""
    text = str(value or "")
    if len(text) != 10:
        return "–"
    return f"{text[8:10]}/{text[5:7]}/{text[0:4]}"
