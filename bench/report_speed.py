"""Time the year-end (annual) report of the Hải Phòng plan as DOCX, against a baseline of the same run.

    .venv/bin/python bench/report_speed.py [--runs 5]

A fresh data folder gets the bundled plan with its illustrative figures (as
``kehoach serve`` does on a new machine); the report is then generated the way
``kehoach report --kind annual --format docx`` does: read, judge, draw the
charts, build, write. Baseline: writing an empty python-docx document (the
least any DOCX report costs). The first run is shown apart (charts are drawn
then and cached after). Goal: the annual report in under 5 s.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
GOAL_S = 5.0


def _times(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def _empty_docx() -> bytes:
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    return buf.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ["KEHOACH_HOME"] = tempfile.mkdtemp(prefix="kehoach-bench-report-")
    os.environ.pop("DATABASE_URL", None)
    from kehoach.cli.base import setup_django

    setup_django()
    from kehoach.core.periods import parse_period
    from kehoach.formats.docx_report import write_docx
    from kehoach.plans.bootstrap import ensure_default_plan
    from kehoach.reports.services import report_build, report_generate

    ensure_default_plan()
    as_of = parse_period("2026")

    def full() -> bytes:
        r = report_generate(plan_code="haiphong-2026", as_of=as_of, kind="annual", fmt="docx")
        return r.content

    baseline = statistics.median(_times(_empty_docx, args.runs))
    first = _times(full, 1)[0]
    warm = statistics.median(_times(full, args.runs))
    model = report_build(plan_code="haiphong-2026", as_of=as_of, kind="annual")
    build = statistics.median(
        _times(
            lambda: report_build(plan_code="haiphong-2026", as_of=as_of, kind="annual", charts=False),
            args.runs,
        )
    )
    write = statistics.median(_times(lambda: write_docx(model), args.runs))
    size = len(full())
    print(f"baseline (empty python-docx document): {baseline * 1000:.1f} ms")
    print(f"annual report DOCX, first run (charts drawn): {first:.2f} s = {first / baseline:.0f} × baseline")
    print(f"annual report DOCX, median of {args.runs}: {warm:.2f} s = {warm / baseline:.0f} × baseline")
    print(f"  of which read + judge + build (no charts): {build:.2f} s; write DOCX: {write:.2f} s")
    print(f"  {len(model.all_tables())} tables, {len(model.all_charts())} charts, {size / 1024:.0f} KiB")
    verdict = "met" if max(first, warm) < GOAL_S else "NOT met"
    print(f"goal under {GOAL_S:.0f} s: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
