"""The Excel form against the database: build a template, import a filled one (all or nothing)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import translation

from kehoach.accounts.models import Agency
from kehoach.core.numbers import format_number
from kehoach.core.periods import Period, PeriodError, parse_period
from kehoach.core.plan import Target as DomainTarget
from kehoach.core.wording import describe_target
from kehoach.formats.excel import (
    SHEET,
    CellError,
    FilledForm,
    TemplateRow,
    TemplateSpec,
    read_form,
    write_template,
)
from kehoach.plans.models import Plan, Target
from kehoach.submissions.selectors import figures_for_period, previous_values, targets_due
from kehoach.submissions.services import FigureConflict, FigureInvalid, SubmissionError, figure_save

__all__ = [
    "ERR_NOTHING_DUE",
    "ERR_NO_AGENCY",
    "ERR_NO_PLAN",
    "ImportFailed",
    "ImportReport",
    "build_template",
    "import_bytes",
    "import_file",
    "scenario_import",
    "write_template_file",
]

ERR_NO_PLAN = "không có kế hoạch {code!r}"
ERR_NO_AGENCY = "không có cơ quan mã {code!r}"
ERR_NOTHING_DUE = "cơ quan {agency} không chủ trì chỉ tiêu nào phải báo cáo cho {period}"
ERR_CONFLICT_CELL = "số liệu đã được {who} sửa sau khi tải mẫu (hiện là {value}); hãy tải mẫu mới"
ERR_CONFLICT_CELL_EN = (
    "the figure was changed by {who} after the form was downloaded (now {value}); download a new form"
)
FIELD_COLUMNS = {
    "value": "D",
    "same_period_last_year": "E",
    "vintage": "F",
    "explanation": "G",
    "source": "H",
}


class ImportFailed(Exception):
    """An import that wrote nothing; ``errors`` name sheet, cell and reason."""

    def __init__(self, errors: list[CellError], lang: str = "vi"):
        self.errors = errors
        self.lang = lang
        head = "Không nhập được; không có số liệu nào được ghi:" if lang != "en" else "Nothing was imported:"
        super().__init__("\n".join([head, *(f"- {e.message(lang)}" for e in errors)]))


@dataclass
class ImportReport:
    plan_code: str
    agency_code: str
    period_code: str
    saved: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    lang: str = "vi"

    def __str__(self) -> str:
        if self.lang == "en":
            lines = [f"Imported {self.agency_code} {self.period_code}: {len(self.saved)} figures saved, "
                     f"{len(self.unchanged)} unchanged"]  # fmt: skip
        else:
            lines = [f"Đã nhập {self.agency_code} kỳ {self.period_code}: {len(self.saved)} số liệu được ghi, "
                     f"{len(self.unchanged)} không đổi"]  # fmt: skip
        lines += [f"- {w}" for w in self.warnings]
        return "\n".join(lines)


def _objects(plan_code: str, agency_code: str, period: str) -> tuple[Plan, Agency, Period]:
    plan = Plan.objects.filter(code=plan_code).first()
    if plan is None:
        raise SubmissionError(ERR_NO_PLAN.format(code=plan_code))
    agency = Agency.objects.filter(code=agency_code.upper()).first()
    if agency is None:
        raise SubmissionError(ERR_NO_AGENCY.format(code=agency_code))
    try:
        return plan, agency, parse_period(period)
    except PeriodError as exc:
        raise SubmissionError(str(exc)) from exc


def _target_text(t: Target) -> str:
    return describe_target(DomainTarget.from_dict(t.domain_dict()), stretch_word=True)


def build_template(*, plan_code: str, agency_code: str, period: str) -> TemplateSpec:
    plan, agency, p = _objects(plan_code, agency_code, period)
    targets = targets_due(plan=plan, period=p, agency_code=agency.code)
    if not targets:
        raise SubmissionError(ERR_NOTHING_DUE.format(agency=agency.code, period=p.label()))
    current = figures_for_period(plan=plan, period=p)
    previous = previous_values(plan=plan, period=p, keys=[t.key for t in targets])
    rows = []
    for t in targets:
        f = current.get(t.key)
        prev = "; ".join(
            f"{parse_period(x.period).label()}: {format_number(x.value)}" for x in previous.get(t.key, [])
        )
        name = t.indicator.name + (f" – {t.qualifier}" if t.qualifier else "")
        rows.append(
            TemplateRow(
                key=t.key, name=name, unit=t.unit or "", target_text=_target_text(t), previous=prev,
                value=f.value if f else None, same_period_last_year=f.same_period_last_year if f else None,
                vintage=f.vintage if f else "estimate", explanation=f.explanation if f else "",
                source=f.source if f else "", version=f.version if f else 0,
            )
        )  # fmt: skip
    return TemplateSpec(plan.code, plan.title, agency.code, agency.name, p.code, p.label(), rows)


def write_template_file(*, plan_code: str, agency_code: str, period: str, path: str) -> None:
    data = write_template(build_template(plan_code=plan_code, agency_code=agency_code, period=period))
    Path(path).write_bytes(data)


def import_file(*, path: str, lang: str = "vi", reason: str = "", actor: Any = None) -> ImportReport:
    return import_bytes(data=Path(path).read_bytes(), lang=lang, reason=reason, actor=actor)


def import_bytes(
    *,
    data: bytes,
    actor: Any = None,
    lang: str = "vi",
    reason: str = "",
    plan: str | None = None,
    agency: str | None = None,
    period: str | None = None,
) -> ImportReport:
    """Import a filled form: every row is saved, or nothing is (raises :class:`ImportFailed`)."""
    form = read_form(data, plan=plan, agency=agency, period=period)
    if form.errors:
        raise ImportFailed(form.errors, lang)
    try:
        with translation.override(lang), transaction.atomic():
            report, errors = _apply(form, actor, lang, reason)
            if errors:
                raise ImportFailed(errors, lang)
    except SubmissionError as exc:
        raise ImportFailed([CellError("", "", "invalid", {"message": str(exc)})], lang) from exc
    return report


def _apply(form: FilledForm, actor: Any, lang: str, reason: str) -> tuple[ImportReport, list[CellError]]:
    plan, _agency, p = _objects(form.plan_code, form.agency_code, form.period_code)
    targets = {t.key: t for t in Target.objects.filter(plan=plan).select_related("lead_agency", "plan")}
    current = figures_for_period(plan=plan, period=p)
    report = ImportReport(plan.code, form.agency_code, p.code, lang=lang)
    errors: list[CellError] = []
    for row in form.rows:
        target = targets.get(row.key)
        if target is None:
            errors.append(CellError(SHEET, f"A{row.row}", "unknown_target", {"key": row.key}))
            continue
        if row.value is None:
            continue
        fig = current.get(row.key)
        if fig is not None and fig.value == row.value and fig.explanation == row.explanation:
            report.unchanged.append(row.key)
            continue
        try:
            saved = figure_save(
                actor=actor, target=target, period=p, value=row.value, vintage=row.vintage,
                same_period_last_year=row.same_period_last_year, explanation=row.explanation,
                source=row.source, reason=reason, expected_version=row.version, channel="excel",
            )  # fmt: skip
        except FigureConflict as exc:
            msg = ERR_CONFLICT_CELL_EN if lang == "en" else ERR_CONFLICT_CELL
            who = exc.figure.revisions.order_by("-number").values_list("created_by_label", flat=True).first()
            text = msg.format(who=who or "?", value=format_number(exc.current["value"]))
            errors.append(CellError(SHEET, f"D{row.row}", "invalid", {"message": text}))
            continue
        except FigureInvalid as exc:
            for fld, message in exc.errors.items():
                col = FIELD_COLUMNS.get(fld, "D")
                errors.append(CellError(SHEET, f"{col}{row.row}", "invalid", {"message": message}))
            continue
        report.saved.append(row.key)
        report.warnings += [f"{SHEET}!D{row.row}: {w}" for w in saved.warnings.values()]
    return report, errors


def scenario_import(
    *, data: bytes, plan_code: str, name: str, basis: str, actor: Any = None, lang: str = "vi"
) -> int:
    """Create a scenario set from an Excel table (see :func:`kehoach.formats.excel.read_scenario`);
    all or nothing. Returns the number of values."""
    from kehoach.formats.excel import read_scenario
    from kehoach.submissions.services import scenario_set_create

    plan = Plan.objects.filter(code=plan_code).first()
    if plan is None:
        raise ImportFailed(
            [CellError("", "", "invalid", {"message": ERR_NO_PLAN.format(code=plan_code)})], lang
        )
    table = read_scenario(data)
    errors = list(table.errors)
    for by_period in table.values.values():
        for code in by_period:
            try:
                parse_period(code)
            except PeriodError as exc:
                errors.append(CellError("", "", "invalid", {"message": str(exc)}))
    if errors:
        raise ImportFailed(errors, lang)
    try:
        scenario_set_create(actor=actor, plan=plan, name=name, basis=basis, values=table.values)
    except SubmissionError as exc:
        raise ImportFailed([CellError("", "", "invalid", {"message": str(exc)})], lang) from exc
    return sum(len(v) for v in table.values.values())
