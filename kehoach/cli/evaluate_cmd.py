"""`kehoach evaluate --plan PLAN --as-of PERIOD --format json|table`: verdicts for every target.

JSON is :meth:`kehoach.core.evaluate.PlanEvaluation.to_dict` (a contract: ``as_of``,
``counts``, ``targets`` by key with ``verdict``, ``verdict_label``, ``projection``…).
"""

from __future__ import annotations

import argparse
import json

from kehoach.cli.base import CommandError, setup_django, write_text_output
from kehoach.core.evaluate import PlanEvaluation

ERR_PLAN = "không có kế hoạch {plan!r}"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("evaluate", help="đánh giá tiến độ, dự báo cuối năm các chỉ tiêu của một kế hoạch")
    p.add_argument("--plan", required=True, help="mã kế hoạch, ví dụ haiphong-2026")
    p.add_argument("--as-of", required=True, help="kỳ đánh giá: 2026-09, 2026-Q3, 2026-H1, 2026-9M, 2026")
    p.add_argument("--format", choices=["json", "table"], default="table")
    p.add_argument("-o", "--output")
    p.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from kehoach.core.evaluate import evaluate_plan
    from kehoach.core.periods import PeriodError, parse_period

    try:
        as_of = parse_period(args.as_of)
    except PeriodError as exc:
        raise CommandError(str(exc)) from exc
    setup_django()
    from kehoach.plans.models import Plan
    from kehoach.submissions.selectors import plan_target_series

    try:
        plan, series = plan_target_series(plan_id=args.plan, as_of=as_of)
    except Plan.DoesNotExist as exc:
        raise CommandError(ERR_PLAN.format(plan=args.plan)) from exc
    result = evaluate_plan(plan, series, as_of)
    if args.format == "json":
        text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
    else:
        text = render_table(result)
    write_text_output(text, args.output)
    return 0


def render_table(result: PlanEvaluation) -> str:
    """A plain-text table: key, verdict, latest figure, % of target, scenario, year-end projection."""
    from kehoach.core.numbers import format_number as f

    lines = [
        f"Đánh giá đến {result.as_of.label()}: {result.counts.sentence}",
        f"{'Chỉ tiêu':<9}{'Đánh giá':<28}{'Số mới nhất':>16}{'% KH':>8}{'% kịch bản':>11}{'Ước cả năm':>14}  Cả năm",
    ]
    for key, ev in result.targets.items():
        latest = f(ev.latest.value, 2) if ev.latest else "–"
        proj = f(ev.projection.value, 2) if ev.projection else "–"
        lines.append(
            f"{key:<9}{ev.verdict_label:<28}{latest:>16}{f(ev.pct_of_target, 1):>8}{f(ev.pct_of_scenario, 1):>11}"
            f"{proj:>14}  {ev.year_end_verdict_label or '–'}"
        )
    return "\n".join(lines)
