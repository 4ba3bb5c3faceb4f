"""Boundary validation of the secretariat's setup pages: target assignment and the scenario grid."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kehoach.core.measures import BEHAVIOURS, FREQUENCIES
from kehoach.core.numbers import AmbiguousNumber, NumberError, parse_number
from kehoach.core.periods import Period
from kehoach.formats.excel import MAX_BYTES
from kehoach.plans.models import Target
from kehoach.submissions.forms import ERR_AMBIGUOUS, ERR_FILE_TOO_BIG, ERR_NOT_NUMBER

__all__ = [
    "ERR_CELL",
    "ERR_NO_VALUES",
    "SCENARIO_BEHAVIOURS",
    "AssignReasonForm",
    "AssignRowForm",
    "GridResult",
    "ScenarioHeaderForm",
    "ScenarioUploadForm",
    "cell_name",
    "grid_parse",
    "grid_periods",
]

ERR_CELL = _("Chỉ tiêu {key}, {period}: {message}")
ERR_NO_VALUES = _("Chưa nhập giá trị nào vào bảng kịch bản.")
# Scenarios are given for figures that add up or grow over the year.
SCENARIO_BEHAVIOURS = ("flow", "count", "growth")
FREQUENCY_LABELS = {
    "monthly": _("Hằng tháng"),
    "quarterly": _("Hằng quý"),
    "half_yearly": _("6 tháng"),
    "nine_months": _("9 tháng"),
    "annual": _("Hằng năm"),
}
BEHAVIOUR_LABELS = {
    "flow": _("Cộng dồn (lũy kế)"),
    "level": _("Mức tại thời điểm"),
    "rate": _("Tỷ lệ"),
    "growth": _("Tốc độ tăng"),
    "rank": _("Xếp hạng"),
    "count": _("Số đếm (cộng dồn)"),
}


class AssignRowForm(forms.Form):
    """One target's assignment (prefix = the target key); agency choices are given once for all rows."""

    lead = forms.ChoiceField(label=_("Cơ quan chủ trì"), required=False)
    cooperating = forms.MultipleChoiceField(label=_("Cơ quan phối hợp"), required=False)
    frequency = forms.ChoiceField(
        label=_("Tần suất"), choices=[(f, FREQUENCY_LABELS[f]) for f in FREQUENCIES]
    )
    behaviour = forms.ChoiceField(
        label=_("Tính chất"), choices=[(b, BEHAVIOUR_LABELS[b]) for b in BEHAVIOURS]
    )

    def __init__(self, *args: Any, agencies: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(code, f"{code} – {name}") for code, name in agencies]
        self.fields["lead"].choices = [("", "—"), *choices]  # type: ignore[attr-defined]
        self.fields["cooperating"].choices = choices  # type: ignore[attr-defined]
        self.fields["cooperating"].widget.attrs["size"] = 3


class AssignReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do thay đổi"), required=False, max_length=500)


class ScenarioHeaderForm(forms.Form):
    name = forms.CharField(label=_("Tên phiên bản"), max_length=255)
    basis = forms.CharField(
        label=_("Căn cứ"),
        required=False,
        max_length=255,
        help_text=_("Ví dụ: Quyết định số 15/QĐ-UBND ngày 10/01/2026"),
    )


class ScenarioUploadForm(ScenarioHeaderForm):
    file = forms.FileField(label=_("Tệp Excel (.xlsx)"))

    def clean_file(self) -> Any:
        f = self.cleaned_data["file"]
        if f.size > MAX_BYTES:
            raise forms.ValidationError(ERR_FILE_TOO_BIG, code="too_big")
        return f


def grid_periods(target: Target, year: int) -> list[Period]:
    """The cells of a target in the grid: quarters, and months for a monthly target."""
    quarters = [Period(year, "quarter", q) for q in range(1, 5)]
    if target.frequency != "monthly":
        return quarters
    return quarters + [Period(year, "month", m) for m in range(1, 13)]


def cell_name(key: str, period: Period) -> str:
    return f"s-{key}-{period.code}"


@dataclass
class GridResult:
    """The typed values by target key → period code, the raw text to show again, errors by cell name."""

    values: dict[str, dict[str, float]] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def _number(text: str) -> tuple[float | None, str]:
    try:
        return parse_number(text), ""
    except AmbiguousNumber:
        return None, str(ERR_AMBIGUOUS)
    except NumberError:
        return None, str(ERR_NOT_NUMBER)


def grid_parse(data: Any, targets: list[Target], year: int) -> GridResult:
    """Read the grid cells typed the Vietnamese way; an empty cell is no value, a bad cell an error."""
    result = GridResult()
    for t in targets:
        for p in grid_periods(t, year):
            name = cell_name(t.key, p)
            text = str(data.get(name, "")).strip()
            if not text:
                continue
            result.raw[name] = text
            value, message = _number(text)
            if value is None:
                result.errors[name] = str(ERR_CELL).format(key=t.key, period=p.label(), message=message)
            else:
                result.values.setdefault(t.key, {})[p.code] = value
    return result
