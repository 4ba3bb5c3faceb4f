"""Reminders by e-mail: deadlines within N working days, overdue tasks, missing figure reports.

The reporting period whose figures are awaited is the month of the run date
from its 15th (Decree 09/2019/NĐ-CP: a month's data close on the 14th), else
the month before; at the end of a quarter its quarterly targets are awaited too.
Mail goes through Django's e-mail settings (console by default).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import send_mail

from kehoach.accounts.models import Agency
from kehoach.audit.services import audit_record
from kehoach.core.periods import Period
from kehoach.plans.models import Plan
from kehoach.tasks.selectors import task_rows, task_warnings

__all__ = ["Reminder", "awaited_periods", "reminders_build", "reminders_send"]


@dataclass
class Reminder:
    agency_code: str
    agency_name: str
    email: str
    overdue: list[dict[str, Any]] = field(default_factory=list)
    due_soon: list[dict[str, Any]] = field(default_factory=list)
    missing: list[tuple[str, list[str]]] = field(default_factory=list)  # (period label, target keys)

    @property
    def subject(self) -> str:
        return f"[kehoach] Nhắc việc: {len(self.overdue)} quá hạn, {len(self.due_soon)} sắp đến hạn, " + (
            f"{sum(len(k) for _, k in self.missing)} chỉ tiêu chưa báo cáo"
        )

    def body(self, plan: Plan, days: int) -> str:
        lines = [f"Kính gửi {self.agency_name},", "", f"Kế hoạch: {plan.title}", ""]
        if self.overdue:
            lines.append("Nhiệm vụ quá hạn chưa hoàn thành:")
            lines += [f"  - {t['id']}: {_short(t['text'])} (hạn {_vn(t['deadline'])})" for t in self.overdue]
        if self.due_soon:
            lines.append(f"Nhiệm vụ đến hạn trong {days} ngày làm việc:")
            lines += [
                f"  - {t['id']}: {_short(t['text'])} (hạn {_vn(t['deadline'])}, còn {t['workdays_left']} ngày làm việc)"
                for t in self.due_soon
            ]
        for label, keys in self.missing:
            lines.append(f"Chỉ tiêu chưa báo cáo số liệu {label}: {', '.join(keys)}")
        lines += ["", "Thư tự động của kehoach; xin không trả lời thư này."]
        return "\n".join(lines)

    @property
    def empty(self) -> bool:
        return not (self.overdue or self.due_soon or self.missing)


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _vn(iso: str | None) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def awaited_periods(as_of: dt.date) -> list[Period]:
    year, month = (as_of.year, as_of.month) if as_of.day >= 15 else _prev(as_of.year, as_of.month)
    out = [Period(year, "month", month)]
    if month % 3 == 0:
        out.append(Period(year, "quarter", month // 3))
    return out


def _prev(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def _missing(plan: Plan, as_of: dt.date) -> dict[str, list[tuple[str, list[str]]]]:
    try:
        from kehoach.submissions.selectors import missing_reports
    except ImportError:  # collection not installed: tasks only
        return {}
    out: dict[str, list[tuple[str, list[str]]]] = {}
    for period in awaited_periods(as_of):
        if period.year != plan.year_end:
            continue
        for m in missing_reports(plan, period):
            out.setdefault(m.agency_code, []).append((period.label(), list(m.target_keys)))
    return out


def reminders_build(plan: Plan, *, as_of: dt.date, days: int) -> list[Reminder]:
    """One reminder per agency with something to say (agencies without e-mail included)."""
    agencies = {a.code: a for a in Agency.objects.all()}
    rows = {r["id"]: r for r in task_rows(plan, as_of=as_of)}
    by_code: dict[str, Reminder] = {}

    def rem(code: str) -> Reminder:
        a = agencies[code]
        return by_code.setdefault(code, Reminder(code, a.name, a.email))

    for w in task_warnings(plan, as_of=as_of, days=days, rows=list(rows.values())):
        if w["kind"] in ("overdue", "due_soon") and w["agency"] in agencies:
            getattr(rem(w["agency"]), w["kind"]).append(rows[w["task"]])
    for code, items in _missing(plan, as_of).items():
        if code in agencies:
            rem(code).missing.extend(items)
    return [r for _, r in sorted(by_code.items()) if not r.empty]


def reminders_send(*, plan: Plan, as_of: dt.date, days: int, dry_run: bool = False) -> list[Reminder]:
    """E-mail each agency its reminder; agencies without an address are returned but not mailed."""
    reminders = reminders_build(plan, as_of=as_of, days=days)
    sent = []
    for r in reminders:
        if r.email and not dry_run:
            send_mail(r.subject, r.body(plan, days), settings.DEFAULT_FROM_EMAIL, [r.email])
            sent.append(r.agency_code)
    if not dry_run:
        audit_record(actor=None, action="task.remind", object_type="plan", object_id=plan.code,
                     plan_code=plan.code, data={"as_of": as_of.isoformat(), "days": days, "sent": sent})  # fmt: skip
    return reminders
