"""`kehoach remind`: e-mail agencies about task deadlines, overdue tasks and missing figure reports.

Run it from cron or a systemd timer (once each working day). Working days skip
weekends and Vietnamese public holidays (kehoach.core.workdays).
"""

from __future__ import annotations

import argparse

from kehoach.cli.base import CommandError, setup_django
from kehoach.cli.tasks_cmd import load_plan, parse_day, today


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("remind", help="gửi thư nhắc việc cho các cơ quan")
    p.add_argument("--plan", help="mã kế hoạch (mặc định: kế hoạch đang dùng)")
    p.add_argument(
        "--days", type=int, default=5, help="nhắc nhiệm vụ đến hạn trong N ngày làm việc (mặc định 5)"
    )
    p.add_argument("--dry-run", action="store_true", help="chỉ in ra, không gửi thư")
    p.add_argument("--as-of", help="ngày chạy (mặc định: hôm nay)")
    p.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    if args.days < 0:
        raise CommandError(f"--days {args.days}: phải là số ngày làm việc ≥ 0")
    as_of = parse_day(args.as_of)
    setup_django()
    from kehoach.tasks.reminders import reminders_send

    plan = load_plan(args.plan)
    reminders = reminders_send(plan=plan, as_of=as_of or today(), days=args.days, dry_run=args.dry_run)
    for r in reminders:
        where = r.email or "(chưa có địa chỉ thư: không gửi)"
        verb = "sẽ gửi" if args.dry_run and r.email else ("đã gửi" if r.email else "bỏ qua")
        print(f"{r.agency_code}\t{verb}\t{where}\t{r.subject}")
        if args.dry_run:
            print(r.body(plan, args.days))
            print()
    if not reminders:
        print("Không có việc cần nhắc.")
    return 0
