"""Boundary validation of the collection pages: numbers typed the Vietnamese way, periods, files."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kehoach.core.numbers import AmbiguousNumber, NumberError, format_number, parse_number
from kehoach.core.periods import PeriodError, parse_period
from kehoach.formats.excel import MAX_BYTES
from kehoach.submissions.models import Vintage

__all__ = [
    "ERR_AMBIGUOUS",
    "ERR_FILE_TOO_BIG",
    "ERR_NOT_NUMBER",
    "ERR_PERIOD",
    "FigureRowForm",
    "PeriodChoiceForm",
    "UploadForm",
    "VietnameseNumberField",
    "format_exact",
]

ERR_NOT_NUMBER = _("Không phải là số. Viết kiểu Việt Nam, ví dụ 7.944,5")
ERR_AMBIGUOUS = _("Số này có thể đọc theo hai cách (ví dụ 1,234). Hãy viết rõ: 1.234 hoặc 1,2340")
ERR_PERIOD = _("Kỳ báo cáo không hợp lệ (ví dụ 2026-09, 2026-Q3, 2026-H1, 2026-9M, 2026)")
ERR_FILE_TOO_BIG = _("Tệp quá lớn (tối đa 5 MB)")


def format_exact(value: float) -> str:
    """A stored number written the Vietnamese way without losing digits (``14.67`` → ``14,67``)."""
    text = repr(float(value))
    decimals = 0 if "e" in text or "." not in text else len(text.split(".")[1].rstrip("0"))
    return format_number(value, min(decimals, 10))


class VietnameseNumberField(forms.CharField):
    """A number typed the Vietnamese way (``7.944,5``); an ambiguous one is refused, never guessed."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return format_exact(value)
        return value

    def to_python(self, value: Any) -> float | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_number(text)
        except AmbiguousNumber as exc:
            raise forms.ValidationError(ERR_AMBIGUOUS, code="ambiguous") from exc
        except NumberError as exc:
            raise forms.ValidationError(ERR_NOT_NUMBER, code="not_number") from exc


class FigureRowForm(forms.Form):
    """One target's inputs on the agency form (prefix = the target key)."""

    value = VietnameseNumberField(label=_("Giá trị"), required=False)
    same_period_last_year = VietnameseNumberField(label=_("Cùng kỳ năm trước"), required=False)
    vintage = forms.ChoiceField(label=_("Loại số liệu"), choices=Vintage.choices, initial=Vintage.ESTIMATE)
    explanation = forms.CharField(
        label=_("Giải trình (nguyên nhân, giải pháp)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    source = forms.CharField(label=_("Nguồn"), required=False, max_length=255)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, initial=0)


class PeriodChoiceForm(forms.Form):
    agency = forms.CharField(label=_("Cơ quan"), max_length=32)
    period = forms.CharField(label=_("Kỳ báo cáo"), max_length=10)

    def clean_period(self) -> str:
        try:
            return parse_period(self.cleaned_data["period"]).code
        except PeriodError as exc:
            raise forms.ValidationError(ERR_PERIOD, code="period") from exc


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx)"))
    reason = forms.CharField(label=_("Lý do (khi sửa số đã gửi)"), required=False, max_length=500)

    def clean_file(self) -> Any:
        f = self.cleaned_data["file"]
        if f.size > MAX_BYTES:
            raise forms.ValidationError(ERR_FILE_TOO_BIG, code="too_big")
        return f
