"""Charts for reports: a few key flows drawn with :mod:`kehoach.formats.charts` as PNG.

Charts are optional: without the charts module or its renderer (vl-convert),
or on any rendering failure, the report simply has no charts.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Sequence

from kehoach.core.evaluate import PlanEvaluation, TargetSeries
from kehoach.core.report_model import Chart
from kehoach.core.report_text import fmt_value
from kehoach.reports.lines import TargetLine

__all__ = ["PREFERRED_KEYS", "chart_blocks"]

log = logging.getLogger(__name__)
PREFERRED_KEYS = ("5.1", "7.1", "6.1", "9.1", "8.1")


def _months(series: TargetSeries, year: int) -> dict[int, float]:
    return {
        o.period.last_month: o.value
        for o in series.observations
        if o.period.year == year and o.period.kind == "month"
    }


def _pick(
    lines: Sequence[TargetLine], series: dict[str, TargetSeries], year: int, limit: int
) -> list[TargetLine]:
    usable = {
        ln.key: ln for ln in lines if ln.behaviour == "flow" and len(_months(series[ln.key], year)) >= 2
    }
    ordered = [usable[k] for k in PREFERRED_KEYS if k in usable]
    ordered += [ln for k, ln in usable.items() if k not in PREFERRED_KEYS]
    return ordered[:limit]


def chart_blocks(
    lines: Sequence[TargetLine],
    series: dict[str, TargetSeries],
    evaluation: PlanEvaluation,
    year: int,
    *,
    limit: int = 3,
    svg: bool = False,
) -> list[Chart]:
    """Up to ``limit`` charts of monthly flows (actual, expected path, target, projection, past years)."""
    try:
        charts = importlib.import_module("kehoach.formats.charts")
    except ImportError:
        return []
    out: list[Chart] = []
    for i, ln in enumerate(_pick(lines, series, year, limit), 1):
        s = series[ln.key]
        ev = evaluation.targets.get(ln.key)
        proj = ev.projection if ev else None
        expected = {
            int(k[-2:]): v
            for k, v in (ev.expected_path if ev else {}).items()
            if k[-3:-2] == "-" and k[-2:].isdigit()
        }
        data = charts.ChartData(
            title=ln.label,
            unit=ln.unit or "",
            actual=_months(s, year),
            expected=expected,
            target=s.target.reference,
            projection=proj.value if proj else None,
            low80=proj.low80 if proj else None,
            high80=proj.high80 if proj else None,
            history={
                y: {o.period.last_month: o.value for o in obs if o.period.kind == "month"}
                for y, obs in s.history.items()
            },
        )
        try:
            spec = charts.progress_spec(data, width=560, height=240)
            png = None if svg else charts.render_png(spec, scale=2.0)
            drawn = charts.render_svg(spec) if svg else None
        except Exception as exc:  # a chart is never worth a failed report
            log.warning("report chart %s skipped: %s", ln.key, exc)
            return out
        alt = f"Lũy kế từng tháng năm {year}; mục tiêu {fmt_value(s.target.reference, ln.unit)}; đường mờ: các năm trước."
        out.append(Chart(title=f"Hình {i}. {ln.label} ({ln.unit or ''})", png=png, svg=drawn, alt=alt))
    return out
