"""Forms of the task pages: validation at the boundary; messages are constants tests import."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kehoach.accounts.models import Agency
from kehoach.core.periods import PeriodError, parse_period
from kehoach.core.task_status import STATUS_LABELS

__all__ = [
    "ERR_COMPLETED_ON_MISSING",
    "ERR_DEADLINE_OR_CONTINUING",
    "ERR_PERIOD",
    "TaskAssignForm",
    "TaskConfirmForm",
    "TaskFilterForm",
    "TaskUpdateForm",
]

ERR_COMPLETED_ON_MISSING = _("Đánh dấu hoàn thành thì cần ngày hoàn thành.")
ERR_DEADLINE_OR_CONTINUING = _("Chọn một thời hạn, hoặc đánh dấu nhiệm vụ thường xuyên.")
ERR_PERIOD = _("Kỳ báo cáo viết như 2026-09, 2026-Q3, 2026-H1, 2026-9M hoặc 2026.")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


STATUS_CHOICES = [("", _("Mọi tình trạng"))] + [(k, v) for k, v in STATUS_LABELS.items()]


class TaskFilterForm(forms.Form):
    view = forms.ChoiceField(choices=[("tree", _("Cây")), ("list", _("Danh sách"))], required=False)
    status = forms.ChoiceField(label=_("Tình trạng"), choices=STATUS_CHOICES, required=False)
    agency = forms.CharField(label=_("Cơ quan"), required=False)
    section = forms.CharField(label=_("Mục"), required=False)

    def __init__(
        self, *args: Any, agencies: list[tuple[str, str]], sections: list[tuple[str, str]], **kw: Any
    ):
        super().__init__(*args, **kw)
        self.fields["agency"] = forms.ChoiceField(
            label=_("Cơ quan"), choices=[("", _("Mọi cơ quan")), *agencies], required=False
        )
        self.fields["section"] = forms.ChoiceField(
            label=_("Mục"), choices=[("", _("Mọi mục")), *sections], required=False
        )


class TaskUpdateForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    period = forms.CharField(
        label=_("Kỳ báo cáo"),
        max_length=10,
        required=False,
        help_text=_("ví dụ 2026-Q3; nhiệm vụ thường xuyên báo cáo theo kỳ"),
    )
    progress = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100)
    note = forms.CharField(
        label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    evidence_number = forms.CharField(label=_("Số văn bản đã ban hành"), max_length=100, required=False)
    evidence_date = forms.DateField(
        label=_("Ngày văn bản"), input_formats=DATE_FORMATS, widget=DateInput(), required=False
    )
    evidence_file = forms.FileField(label=_("Tệp minh chứng"), required=False)
    completed = forms.BooleanField(label=_("Đã hoàn thành"), required=False)
    completed_on = forms.DateField(
        label=_("Ngày hoàn thành"), input_formats=DATE_FORMATS, widget=DateInput(), required=False
    )
    reason = forms.CharField(label=_("Ghi chú cho lần cập nhật"), max_length=500, required=False)

    def clean_period(self) -> str:
        raw = str(self.cleaned_data.get("period") or "").strip()
        if not raw:
            return ""
        try:
            return parse_period(raw).code
        except PeriodError as exc:
            raise forms.ValidationError(ERR_PERIOD) from exc

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        if data.get("completed") and not data.get("completed_on"):
            self.add_error("completed_on", ERR_COMPLETED_ON_MISSING)
        if not data.get("completed"):
            data["completed_on"] = None
        return data


class TaskConfirmForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    confirmed = forms.TypedChoiceField(
        label=_("Kết luận"),
        choices=[("1", _("Xác nhận hoàn thành")), ("0", _("Trả lại: chưa đủ minh chứng"))],
        coerce=lambda v: v == "1",
    )
    reason = forms.CharField(label=_("Lý do"), max_length=500, required=False)


class TaskAssignForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    lead_agency = forms.ModelChoiceField(
        label=_("Cơ quan chủ trì"), queryset=Agency.objects.all(), to_field_name="code"
    )
    cooperating_agencies = forms.ModelMultipleChoiceField(
        label=_("Cơ quan phối hợp"), queryset=Agency.objects.all(), to_field_name="code", required=False
    )
    deadline = forms.DateField(
        label=_("Thời hạn"), input_formats=DATE_FORMATS, widget=DateInput(), required=False
    )
    continuing = forms.BooleanField(label=_("Thường xuyên (không có thời hạn)"), required=False)
    reason = forms.CharField(label=_("Lý do"), max_length=500, required=False)

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        if not data.get("continuing") and not isinstance(data.get("deadline"), dt.date):
            self.add_error("deadline", ERR_DEADLINE_OR_CONTINUING)
        return data
