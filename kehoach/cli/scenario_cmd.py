"""`kehoach scenario`: quarterly GRDP scenario for an annual target, or sector reconciliation.

    kehoach scenario --target 13 --base-quarters 100,110,120,140 [--actual 12,12.5] --format json|table
    kehoach scenario --target 13 --sectors cn-xd=0.56:15.16,dv=0.33:11,nn=0.04:2,thue=0.06:11 --format json

JSON fields (a contract): ``required_growth_remaining`` (%, uniform year-on-year growth the
remaining quarters need), ``quarters`` (the scenario), ``implied_growth`` (%), ``gap_to_target`` (pp).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from kehoach.cli.base import CommandError, write_text_output

ERR_MODE = "cần --base-quarters (kịch bản theo quý) hoặc --sectors (cân đối khu vực), không dùng cả hai"
ERR_NUMBERS = "{option}: {text!r} không phải danh sách số cách nhau bằng dấu phẩy (ví dụ 100,110,120,140)"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("scenario", help="kịch bản tăng trưởng theo quý, cân đối tăng trưởng các khu vực")
    p.add_argument("--target", type=float, required=True, help="mục tiêu tăng trưởng cả năm, %%")
    p.add_argument("--base-quarters", help="GRDP 4 quý năm trước, giá so sánh 2010: 100,110,120,140")
    p.add_argument("--actual", default="", help="tăng trưởng thực hiện các quý đã qua, %%: 12,12.5")
    p.add_argument("--sectors", help="mã=tỷ_trọng:tăng_trưởng, ví dụ cn-xd=0.56:15.16,dv=0.33:11")
    p.add_argument("--format", choices=["json", "table"], default="table")
    p.add_argument("-o", "--output")
    p.set_defaults(handler=_run)


def _numbers(text: str, option: str) -> list[float]:
    if not text.strip():
        return []
    try:
        return [float(x) for x in text.split(",")]
    except ValueError as exc:
        raise CommandError(ERR_NUMBERS.format(option=option, text=text)) from exc


def _run(args: argparse.Namespace) -> int:
    from kehoach.core.scenario import ScenarioError, parse_sectors, quarterly_scenario, reconcile_sectors

    if (args.base_quarters is None) == (args.sectors is None):
        raise CommandError(ERR_MODE)
    try:
        if args.sectors is not None:
            doc = reconcile_sectors(parse_sectors(args.sectors), args.target).to_dict()
            text = _sectors_table(doc)
        else:
            base = _numbers(args.base_quarters, "--base-quarters")
            doc = quarterly_scenario(args.target, base, _numbers(args.actual, "--actual")).to_dict()
            text = _quarters_table(doc)
    except ScenarioError as exc:
        raise CommandError(str(exc)) from exc
    out = json.dumps(doc, ensure_ascii=False, indent=2) if args.format == "json" else text
    write_text_output(out, args.output)
    return 0


def _quarters_table(doc: dict[str, Any]) -> str:
    from kehoach.core.numbers import format_number as f

    lines = [f"{'Quý':<8}{'Năm trước':>14}{'Tăng %':>10}{'Kịch bản':>14}{'Lũy kế %':>10}  Nguồn"]
    for q in doc["quarters"]:
        src = "thực hiện" if q["actual"] else "kịch bản"
        lines.append(
            f"{q['label']:<8}{f(q['base'], 2):>14}{f(q['growth'], 2):>10}{f(q['level'], 2):>14}"
            f"{f(q['cumulative_growth'], 2):>10}  {src}"
        )
    req = doc["required_growth_remaining"]
    lines.append(f"Tốc độ cần đạt đều các quý còn lại: {'–' if req is None else f(req, 2) + '%'}")
    return "\n".join(lines + [""] + doc["explanation"])


def _sectors_table(doc: dict[str, Any]) -> str:
    from kehoach.core.numbers import format_number as f

    lines = [f"{'Khu vực':<10}{'Tỷ trọng':>10}{'Chuẩn hóa':>11}{'Tăng %':>9}{'Đóng góp (điểm %)':>20}"]
    for s in doc["sectors"]:
        lines.append(
            f"{s['code']:<10}{f(s['weight'], 4):>10}{f(s['normalised_weight'], 4):>11}"
            f"{f(s['growth'], 2):>9}{f(s['contribution'], 2):>20}"
        )
    lines.append(f"Tăng trưởng hàm ý: {f(doc['implied_growth'], 2)}%")
    if doc["gap_to_target"] is not None:
        lines.append(
            f"Chênh lệch so với mục tiêu {f(doc['target'], 2)}%: {f(doc['gap_to_target'], 2)} điểm %"
        )
    return "\n".join(lines)
