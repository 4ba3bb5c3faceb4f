"""`kehoach tasks list|sync`: the Article 2 tasks with their lead agency, deadline and state."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
from typing import Any

from kehoach.cli.base import CommandError, setup_django, write_text_output

ERR_DATE = "--as-of {value!r}: ngày phải viết YYYY-MM-DD hoặc dd/mm/yyyy"
ERR_PLAN = "không có kế hoạch {code!r}"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("tasks", help="nhiệm vụ, giải pháp (Điều 2): danh sách, tình trạng")
    ps = p.add_subparsers(dest="tasks_command", metavar="ACTION", required=True)
    lst = ps.add_parser("list", help="liệt kê nhiệm vụ (JSON hoặc CSV)")
    lst.add_argument("--plan", help="mã kế hoạch (mặc định: kế hoạch đang dùng)")
    lst.add_argument("--format", choices=["json", "csv"], default="json")
    lst.add_argument("--as-of", help="ngày tính tình trạng (mặc định: hôm nay)")
    lst.add_argument("--status", default="", help="chỉ một tình trạng: overdue, in_progress, done_on_time…")
    lst.add_argument("--agency", default="", help="chỉ nhiệm vụ của một cơ quan (mã, ví dụ SCT)")
    lst.add_argument("-o", "--output")
    lst.set_defaults(handler=_list)
    sync = ps.add_parser("sync", help="đồng bộ nhiệm vụ từ cây Điều 2 của kế hoạch")
    sync.add_argument("--plan")
    sync.set_defaults(handler=_sync)


def parse_day(value: str | None) -> dt.date | None:
    """A date from the command line; None (today in the site's time zone) when not given."""
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            pass
    raise CommandError(ERR_DATE.format(value=value))


def today() -> dt.date:
    from django.utils import timezone

    return timezone.localdate()


def load_plan(code: str | None) -> Any:
    from django.conf import settings

    from kehoach.plans.models import Plan

    code = code or settings.KEHOACH_DEFAULT_PLAN
    plan = Plan.objects.filter(code=code).first()
    if plan is None:
        raise CommandError(ERR_PLAN.format(code=code))
    return plan


def _list(args: argparse.Namespace) -> int:
    as_of = parse_day(args.as_of)
    setup_django()
    from kehoach.core.task_status import STATUS_LABELS
    from kehoach.tasks.selectors import CSV_FIELDS, csv_row, filter_rows, task_rows

    if args.status and args.status not in STATUS_LABELS:
        raise CommandError(f"--status {args.status!r}: chọn một trong {', '.join(STATUS_LABELS)}")
    plan = load_plan(args.plan)
    as_of = as_of or today()
    rows = filter_rows(task_rows(plan, as_of=as_of), status=args.status, agency=args.agency.upper())
    if args.format == "json":
        doc = {"plan": plan.code, "as_of": as_of.isoformat(), "tasks": rows}
        write_text_output(json.dumps(doc, ensure_ascii=False, indent=1), args.output)
    else:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(CSV_FIELDS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(csv_row(r) for r in rows)
        write_text_output(out.getvalue(), args.output)
    return 0


def _sync(args: argparse.Namespace) -> int:
    setup_django()
    from kehoach.tasks.services import task_sync_from_plan

    plan = load_plan(args.plan)
    counts = task_sync_from_plan(plan=plan)
    print(
        f"{plan.code}: {counts['tasks']} nhiệm vụ ({counts['new']} mới, {counts['kept']} giữ nguyên, "
        f"{counts['removed']} không còn trong kế hoạch)"
    )
    return 0
