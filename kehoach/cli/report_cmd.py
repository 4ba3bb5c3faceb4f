"""`kehoach report`: a report in the state's document format (DOCX, PDF or HTML).

kehoach report --plan haiphong-2026 --as-of 2026-Q3 --kind quarterly --format docx -o bc-quy3.docx
kehoach report --plan haiphong-2026 --as-of 2026-09 --kind agency --agency STC --format pdf -o stc.pdf
kehoach report --plan haiphong-2026 --as-of 2026-09 --kind supervision --committee ktns --format html -o gs.html
"""

from __future__ import annotations

import argparse
import sys

from kehoach.cli.base import CommandError, setup_django

KINDS = ("monthly", "quarterly", "half-year", "annual", "supervision", "agency")
FORMATS = ("docx", "pdf", "html")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "report",
        help="lập báo cáo (DOCX, PDF, HTML) theo thể thức Nghị định 30/2020/NĐ-CP",
        description="Lập báo cáo tình hình thực hiện nghị quyết từ số liệu (thể thức Nghị định 30/2020/NĐ-CP).",
    )
    p.add_argument("--plan", required=True, help="mã kế hoạch, ví dụ haiphong-2026")
    p.add_argument("--as-of", required=True, dest="as_of", help="kỳ báo cáo: 2026-09, 2026-Q3, 2026-H1, 2026")
    p.add_argument("--kind", required=True, choices=KINDS, help="loại báo cáo")
    p.add_argument("--agency", help="mã cơ quan (bắt buộc với --kind agency), ví dụ STC")
    p.add_argument("--committee", help="ban HĐND cho báo cáo giám sát: ktns, vhxh, dt, pc (mặc định: tất cả)")
    p.add_argument("--format", required=True, choices=FORMATS, dest="fmt", help="định dạng tệp")
    p.add_argument("-o", "--output", required=True, help="tệp kết quả ('-' = đầu ra chuẩn)")
    p.add_argument("--no-charts", action="store_true", help="không vẽ biểu đồ")
    p.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from kehoach.core.numbers import format_number
    from kehoach.core.periods import PeriodError, parse_period

    try:
        as_of = parse_period(args.as_of)
    except PeriodError as exc:
        raise CommandError(str(exc)) from exc
    setup_django()
    from kehoach.reports.services import ReportError, report_generate

    try:
        result = report_generate(
            plan_code=args.plan,
            as_of=as_of,
            kind=args.kind,
            fmt=args.fmt,
            agency_code=args.agency,
            committee=args.committee,
            charts=not args.no_charts,
            actor="kehoach report",
        )
    except ReportError as exc:
        raise CommandError(str(exc)) from exc
    if args.output == "-":
        sys.stdout.buffer.write(result.content)
        sys.stdout.flush()
    else:
        try:
            with open(args.output, "wb") as fh:
                fh.write(result.content)
        except OSError as exc:
            raise CommandError(f"không ghi được tệp {args.output}: {exc.strerror}") from exc
        size = format_number(len(result.content), 0)
        print(f"Đã ghi {args.output} ({size} byte, {format_number(result.seconds, 1)} giây)")
    return 0
