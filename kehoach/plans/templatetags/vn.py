"""Template filters for Vietnamese numbers and periods (loaded as builtins).

``{{ x|vn }}`` → 7.944,5; ``{{ x|vn:1 }}`` → one decimal; ``{{ x|pct }}`` → 88,5%;
``{{ code|period_label }}`` → Quý III/2026. English formatting follows the active language.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language

from kehoach.core.numbers import format_number, format_percent
from kehoach.core.periods import PeriodError, parse_period

register = template.Library()


def _lang() -> str:
    return "en" if (get_language() or "vi").startswith("en") else "vi"


@register.filter
def vn(value: Any, decimals: Any = None) -> str:
    if value is None or value == "":
        return "–"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    return format_number(number, None if decimals in (None, "") else int(decimals), lang=_lang())


@register.filter
def pct(value: Any, decimals: Any = 1) -> str:
    if value is None or value == "":
        return "–"
    return format_percent(float(value), int(decimals), lang=_lang())


@register.filter
def period_label(code: Any) -> str:
    try:
        return parse_period(str(code)).label(_lang())
    except PeriodError:
        return str(code)
