"""`kehoach backtest FILE.csv --format json|table`: kehoach's projections against the naive ones.

FILE has the columns ``series,kind,year,period,value`` (see :mod:`kehoach.core.backtest`).
JSON (a contract): ``{"results": [{"method", "kind", "horizon", "n", "error", "coverage80"}]}``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kehoach.cli.base import CommandError, write_text_output
from kehoach.core.backtest import BacktestResult


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("backtest", help="kiểm định dự báo cuối năm trên số liệu các năm trước")
    p.add_argument("file", help="CSV với các cột series,kind,year,period,value")
    p.add_argument("--format", choices=["json", "table"], default="table")
    p.add_argument("-o", "--output")
    p.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from kehoach.core.backtest import BacktestError, parse_corpus, run_backtest

    path = Path(args.file)
    if not path.is_file():
        raise CommandError(f"{args.file}: không tìm thấy tệp")
    try:
        results = run_backtest(parse_corpus(path.read_text(encoding="utf-8")))
    except (BacktestError, UnicodeDecodeError) as exc:
        raise CommandError(f"{args.file}: {exc}") from exc
    if args.format == "json":
        text = json.dumps({"results": [r.to_dict() for r in results]}, ensure_ascii=False, indent=2)
    else:
        text = _table(results)
    write_text_output(text, args.output)
    return 0


def _table(results: list[BacktestResult]) -> str:
    from kehoach.core.numbers import format_number as f

    lines = [f"{'Loại':<8}{'Kỳ':<6}{'n':>6}{'kehoach':>10}{'naive':>10}{'Tỷ số':>8}{'Phủ 80%':>9}"]
    by_key = {(r.kind, r.horizon, r.method): r for r in results}
    for (kind, horizon, method), k in by_key.items():
        if method != "kehoach":
            continue
        n = by_key[(kind, horizon, "naive")]
        ratio = f(k.error / n.error, 2) if n.error else "–"
        unit = "%" if kind == "flow" else "đ%"
        lines.append(
            f"{kind:<8}{horizon:<6}{k.n:>6}{f(k.error, 3) + unit:>10}{f(n.error, 3) + unit:>10}{ratio:>8}"
            f"{f((k.coverage80 or 0) * 100, 0) + '%':>9}"
        )
    lines.append("Sai số: MAPE (%) với flow, MAE (điểm %) với growth; tỷ số = kehoach / naive.")
    return "\n".join(lines)
