"""`kehoach data`: figures in and out.

- ``kehoach data template --plan P --agency CODE --period 2026-09 -o FILE.xlsx``: the Excel form;
- ``kehoach data import FILE [--lang en]``: read a filled form back (all or nothing, exit 2 on error);
- ``kehoach data export --plan P --format csv|json|xlsx [-o FILE]``: every current figure;
- ``kehoach data scenario-import FILE --name N [--basis B]``: a scenario set (kịch bản) from an Excel table;
- ``kehoach data assign --target 5.1 --lead STC [--cooperating THUE,HQ] [--frequency F] [--behaviour B]``;
- ``kehoach data demo [--plan P] [--remove]``: load or remove the illustrative data (Số liệu minh họa).
"""

from __future__ import annotations

import argparse
import sys

from kehoach.cli.base import CommandError, setup_django
from kehoach.core.measures import BEHAVIOURS, FREQUENCIES

ERR_NO_PLAN = "không có kế hoạch {code!r} (xem: kehoach plan list)"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("data", help="số liệu: mẫu Excel, nhập, xuất, số liệu minh họa")
    dsub = p.add_subparsers(dest="data_command", required=True)

    t = dsub.add_parser("template", help="tạo mẫu Excel cho một cơ quan và một kỳ")
    t.add_argument("--plan", default="haiphong-2026")
    t.add_argument("--agency", required=True, help="mã cơ quan, ví dụ SCT")
    t.add_argument("--period", required=True, help="kỳ: 2026-09, 2026-Q3, 2026-H1, 2026-9M, 2026")
    t.add_argument("-o", "--output", required=True, help="tệp .xlsx")
    t.set_defaults(handler=_template)

    i = dsub.add_parser("import", help="nhập một mẫu Excel đã điền (tất cả hoặc không)")
    i.add_argument("file")
    i.add_argument("--lang", choices=("vi", "en"), default="vi")
    i.add_argument("--reason", default="", help="lý do (ghi vào lịch sử sửa đổi)")
    i.set_defaults(handler=_import)

    e = dsub.add_parser("export", help="xuất mọi số liệu hiện hành kèm thông tin phiên bản")
    e.add_argument("--plan", default="haiphong-2026")
    e.add_argument("--format", choices=("csv", "json", "xlsx"), default="csv")
    e.add_argument("-o", "--output", default="-")
    e.set_defaults(handler=_export)

    s = dsub.add_parser("scenario-import", help="nạp một bộ kịch bản (kịch bản tăng trưởng) từ bảng Excel")
    s.add_argument("file")
    s.add_argument("--plan", default="haiphong-2026")
    s.add_argument("--name", required=True, help="tên bộ kịch bản")
    s.add_argument("--basis", default="", help="căn cứ, ví dụ: Quyết định số 12/QĐ-UBND ngày 10/01/2026")
    s.add_argument("--lang", choices=("vi", "en"), default="vi")
    s.set_defaults(handler=_scenario_import)

    a = dsub.add_parser("assign", help="giao chỉ tiêu: cơ quan chủ trì, phối hợp, tần suất, tính chất")
    a.add_argument("--plan", default="haiphong-2026")
    a.add_argument("--target", required=True, help="mã chỉ tiêu, ví dụ 5.1")
    a.add_argument("--lead", required=True, help="mã cơ quan chủ trì")
    a.add_argument("--cooperating", default="", help="mã các cơ quan phối hợp, cách nhau bởi dấu phẩy")
    a.add_argument("--frequency", choices=FREQUENCIES)
    a.add_argument("--behaviour", choices=BEHAVIOURS)
    a.add_argument("--reason", default="")
    a.set_defaults(handler=_assign)

    d = dsub.add_parser("demo", help="nạp hoặc xóa số liệu minh họa")
    d.add_argument("--plan", default="haiphong-2026")
    d.add_argument("--remove", action="store_true", help="xóa mọi số liệu minh họa")
    d.set_defaults(handler=_demo)


def _plan(code: str) -> object:
    from kehoach.plans.models import Plan

    plan = Plan.objects.filter(code=code).first()
    if plan is None:
        raise CommandError(ERR_NO_PLAN.format(code=code))
    return plan


def _demo(args: argparse.Namespace) -> int:
    setup_django()
    from kehoach.plans.models import Plan
    from kehoach.submissions.bootstrap import illustrative_load, illustrative_remove
    from kehoach.tasks.illustrative import task_illustrative_load, task_illustrative_remove

    if args.remove:
        figures, sets = illustrative_remove()
        tasks = task_illustrative_remove()
        print(
            f"Đã xóa {figures} số liệu minh họa, {sets} bộ kịch bản minh họa và tiến độ minh họa của {tasks} nhiệm vụ."
        )
        return 0
    plan = Plan.objects.filter(code=args.plan).first()
    if plan is None:
        raise CommandError(ERR_NO_PLAN.format(code=args.plan))
    n = illustrative_load(plan=plan)
    tasks = task_illustrative_load(plan=plan)
    print(f"Đã nạp {n} số liệu minh họa và tiến độ minh họa của {tasks} nhiệm vụ cho {plan.code}.")
    return 0


def _template(args: argparse.Namespace) -> int:
    setup_django()
    from kehoach.submissions.excel_io import write_template_file
    from kehoach.submissions.services import SubmissionError

    try:
        write_template_file(
            plan_code=args.plan, agency_code=args.agency, period=args.period, path=args.output
        )
    except SubmissionError as exc:
        raise CommandError(str(exc)) from exc
    print(f"Đã tạo mẫu {args.output}")
    return 0


def _import(args: argparse.Namespace) -> int:
    setup_django()
    from kehoach.submissions.excel_io import ImportFailed, import_file

    try:
        report = import_file(path=args.file, lang=args.lang, reason=args.reason)
    except FileNotFoundError as exc:
        raise CommandError(f"không có tệp {args.file!r}") from exc
    except ImportFailed as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(report)
    return 0


def _export(args: argparse.Namespace) -> int:
    setup_django()
    from kehoach.submissions.exports import export_figures

    _plan(args.plan)
    export_figures(plan_code=args.plan, fmt=args.format, path=args.output)
    return 0


def _scenario_import(args: argparse.Namespace) -> int:
    setup_django()
    from pathlib import Path

    from kehoach.submissions.excel_io import ImportFailed, scenario_import

    try:
        n = scenario_import(data=Path(args.file).read_bytes(), plan_code=args.plan, name=args.name,
                            basis=args.basis, lang=args.lang)  # fmt: skip
    except FileNotFoundError as exc:
        raise CommandError(f"không có tệp {args.file!r}") from exc
    except ImportFailed as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(f"Đã nạp bộ kịch bản {args.name!r}: {n} giá trị (đang áp dụng).")
    return 0


ERR_NO_TARGET = "không có chỉ tiêu {key!r} trong kế hoạch {plan!r}"
ERR_NO_AGENCY = "không có cơ quan mã {code!r}"


def _assign(args: argparse.Namespace) -> int:
    setup_django()
    from kehoach.accounts.models import Agency
    from kehoach.plans.models import Target
    from kehoach.submissions.services import target_assign

    target = Target.objects.filter(plan__code=args.plan, key=args.target).select_related("plan").first()
    if target is None:
        raise CommandError(ERR_NO_TARGET.format(key=args.target, plan=args.plan))
    codes = [args.lead] + [c for c in args.cooperating.split(",") if c.strip()]
    agencies = {a.code: a for a in Agency.objects.filter(code__in=[c.strip().upper() for c in codes])}
    missing = [c for c in codes if c.strip().upper() not in agencies]
    if missing:
        raise CommandError(ERR_NO_AGENCY.format(code=missing[0]))
    lead = agencies[args.lead.strip().upper()]
    coop = [agencies[c.strip().upper()] for c in codes[1:]]
    target_assign(actor=None, target=target, lead=lead, cooperating=coop, frequency=args.frequency,
                  behaviour=args.behaviour, reason=args.reason)  # fmt: skip
    print(f"{target.key}: chủ trì {lead.code}; phối hợp {', '.join(a.code for a in coop) or '–'}; "
          f"{target.frequency}, {target.behaviour}")  # fmt: skip
    return 0
