"""The report request, validated at the boundary (the page's form and the download link share it)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kehoach.core.periods import Period, PeriodError, parse_period
from kehoach.reports.kinds import COMMITTEES, FORMATS, KIND_LABELS, check_kind_period

__all__ = ["ERR_AGENCY_REQUIRED", "ERR_PERIOD", "ReportForm"]

ERR_PERIOD = _("Kỳ báo cáo không hợp lệ: viết 2026-09, 2026-Q3, 2026-H1 hoặc 2026.")
ERR_AGENCY_REQUIRED = _("Báo cáo của cơ quan cần chọn cơ quan.")


class ReportForm(forms.Form):
    plan = forms.ChoiceField(label=_("Kế hoạch"))
    as_of = forms.CharField(
        label=_("Kỳ báo cáo"), max_length=10, help_text=_("2026-09, 2026-Q3, 2026-H1, 2026")
    )
    kind = forms.ChoiceField(label=_("Loại báo cáo"), choices=list(KIND_LABELS.items()))
    agency = forms.ChoiceField(label=_("Cơ quan (báo cáo của cơ quan)"), required=False)
    committee = forms.ChoiceField(
        label=_("Ban HĐND (báo cáo giám sát)"),
        required=False,
        choices=[("", _("Tất cả các lĩnh vực"))] + [(c.code, c.name) for c in COMMITTEES.values()],
    )
    format = forms.ChoiceField(
        label=_("Định dạng"), choices=[(f, f.upper()) for f in FORMATS], initial="docx", required=False
    )

    def __init__(self, *args: Any, plans: list[tuple[str, str]], agencies: list[tuple[str, str]], **kw: Any):
        super().__init__(*args, **kw)
        plan_field = self.fields["plan"]
        agency_field = self.fields["agency"]
        assert isinstance(plan_field, forms.ChoiceField) and isinstance(agency_field, forms.ChoiceField)
        plan_field.choices = plans
        agency_field.choices = [("", "—")] + [(c, f"{c} – {n}") for c, n in agencies]

    def clean_as_of(self) -> Period:
        try:
            return parse_period(self.cleaned_data["as_of"])
        except PeriodError as exc:
            raise forms.ValidationError(ERR_PERIOD) from exc

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        kind, period = data.get("kind"), data.get("as_of")
        if kind == "agency" and not data.get("agency"):
            self.add_error("agency", ERR_AGENCY_REQUIRED)
        if kind and isinstance(period, Period):
            problem = check_kind_period(kind, period)
            if problem:
                self.add_error("as_of", problem)
        data["format"] = data.get("format") or "docx"
        return data
