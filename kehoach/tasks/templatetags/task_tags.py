"""Filters of the task pages: ISO dates shown dd/mm/yyyy, a state's colour class, its words translated."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils.translation import gettext, gettext_noop

register = template.Library()

STATUS_CLASS = {
    "overdue": "bad",
    "in_progress": "none",
    "done_late": "warn",
    "done_on_time": "ok",
    "continuing": "none",
}
# The state words, so that makemessages puts them in the catalog (kehoach.core stays Django-free).
STATUS_MSGIDS = (
    gettext_noop("quá hạn chưa hoàn thành"),
    gettext_noop("đang thực hiện trong hạn"),
    gettext_noop("hoàn thành quá hạn"),
    gettext_noop("hoàn thành đúng hạn"),
    gettext_noop("thường xuyên"),
)


@register.filter
def isodate(value: Any) -> str:
    """``"2026-06-30"`` (or a date) → ``30/06/2026``; empty → ``""``."""
    if not value:
        return ""
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return day.strftime("%d/%m/%Y")


@register.filter
def status_class(status: str) -> str:
    return STATUS_CLASS.get(status, "none")


@register.filter
def status_words(label: str) -> str:
    return gettext(label)
