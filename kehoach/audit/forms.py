"""The audit page's filters (dates typed dd/mm/yyyy or yyyy-mm-dd)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

__all__ = ["ERR_DATE", "ERR_DATE_ORDER", "AuditFilterForm"]

ERR_DATE = _("Ngày không hợp lệ; viết dd/mm/yyyy, ví dụ 15/09/2026")
ERR_DATE_ORDER = _("Ngày bắt đầu sau ngày kết thúc")
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Người thực hiện"), required=False, max_length=150)
    action = forms.CharField(label=_("Thao tác"), required=False, max_length=64)
    plan = forms.CharField(label=_("Kế hoạch"), required=False, max_length=64)
    agency = forms.CharField(label=_("Cơ quan"), required=False, max_length=32)
    date_from = forms.DateField(label=_("Từ ngày"), required=False, input_formats=DATE_FORMATS,
                                error_messages={"invalid": ERR_DATE})  # fmt: skip
    date_to = forms.DateField(label=_("Đến ngày"), required=False, input_formats=DATE_FORMATS,
                              error_messages={"invalid": ERR_DATE})  # fmt: skip

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(ERR_DATE_ORDER, code="order")
        return data
