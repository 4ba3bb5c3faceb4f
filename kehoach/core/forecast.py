"""Year-end projections with an 80% interval, learned from the indicator's own past years.

Series are given month by month: ``{month: value}`` with months 1–12, where a
flow's value is the cumulative year-to-date level and a growth indicator's
value is the cumulative growth in % against the same months last year; month
12 is the year's outcome. ``history`` maps an earlier year to such a dict.

Methods (each projection names its method and explains its inputs and formula):

- flows: ``seasonal_share`` Ŷ = C_m / s̄_m, with s̄_m the share of the year
  reached by month m in past years (geometric mean); ``recent_ratio``
  Ŷ = C_m + (C_m − C_j)·ρ̄, with ρ = (Y − C_m)/(C_m − C_j) learned from past
  years (momentum of the latest months, j = m−3 when known); ``yoy_recent``,
  ``yoy_ytd``, ``yoy_base``: last year's remainder times this year's growth of
  the latest months (or of the year-to-date; or less half last year's base
  effect); ``run_rate`` Ŷ = C_m·12/m. With three past years or more, the
  method with the smallest leave-one-out error on the past years is used;
  with one or two, the seasonal share and the run rate are averaged; with
  none, the run rate (the note says so). The 80% interval is Ŷ·e^(±1,2816·σ),
  σ the chosen method's leave-one-out errors (log scale) widened for a small
  sample.
- growth (:mod:`kehoach.core.growth`, re-exported here): the momentum of the latest
  months and last year's base effect, averaged with the year's growth implied by the
  remaining months keeping their usual weight, learned from the growth history alone.
- levels and rates: a straight-line trend of the latest points.

Bad input raises :class:`ForecastError` with a Vietnamese message; a caller
shows it as "không đủ dữ liệu để dự báo".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

from kehoach.core.growth import project_growth
from kehoach.core.numbers import format_number
from kehoach.core.projection import (
    ERR_BASE,
    ERR_POINTS,
    HISTORY_YEARS,
    MIN_YEARS_SELECT,
    Z80,
    ForecastError,
    Projection,
    RequiredPace,
    _anchor,
    _latest,
    _recent_years,
    _spread,
    normal_cdf,
    prob_at_least,
    t90,
)

__all__ = [
    "HISTORY_YEARS",
    "Z80",
    "ForecastError",
    "Projection",
    "RequiredPace",
    "normal_cdf",
    "prob_at_least",
    "project_flow",
    "project_growth",
    "project_level",
    "t90",
]

RUN_RATE_SD = 0.12
"""Log spread of a run-rate projection per unit of the year still to come, when nothing is learned."""

# ---------------------------------------------------------------- flows

_Prevs = tuple["Mapping[int, float] | None", "Mapping[int, float] | None"]
"""Last year's and the year before's figures (either may be missing)."""
_FlowEst = Callable[[Mapping[int, float], _Prevs, Sequence[Mapping[int, float]], int, int], "float | None"]
FLOW_LABELS = {
    "seasonal_share": "theo tỷ lệ hoàn thành mùa vụ các năm trước",
    "recent_ratio": "theo đà các tháng gần nhất so với các năm trước",
    "yoy_recent": "phần còn lại của năm trước nhân với tăng trưởng các tháng gần nhất",
    "yoy_ytd": "phần còn lại của năm trước nhân với tăng trưởng lũy kế",
    "yoy_base": "phần còn lại của năm trước nhân với tăng trưởng các tháng gần nhất, trừ hiệu ứng nền",
    "run_rate": "theo tốc độ bình quân các tháng đã qua (run rate)",
    "share_run_rate_blend": "bình quân tỷ lệ mùa vụ và run rate (ít năm lịch sử)",
}


def _run_rate(
    cur: Mapping[int, float], prevs: _Prevs, train: Sequence[Mapping[int, float]], m: int, j: int
) -> float | None:
    return cur[m] * 12.0 / m


def _share(
    cur: Mapping[int, float], prevs: _Prevs, train: Sequence[Mapping[int, float]], m: int, j: int
) -> float | None:
    if not train:
        return None
    return cur[m] * math.exp(sum(math.log(h[12] / h[m]) for h in train) / len(train))


def _recent(
    cur: Mapping[int, float], prevs: _Prevs, train: Sequence[Mapping[int, float]], m: int, j: int
) -> float | None:
    recent = cur[m] - cur.get(j, 0.0)
    steps = [h[m] - h.get(j, 0.0) for h in train]
    if not train or recent <= 0 or min(steps) <= 0:
        return None
    rho = sum((h[12] - h[m]) / s for h, s in zip(train, steps, strict=True)) / len(train)
    return cur[m] + recent * rho


def _yoy(
    cur: Mapping[int, float], prev: Mapping[int, float] | None, m: int, j: int, base_gap: float = 0.0
) -> float | None:
    """Last year's remainder times this year's growth of months j+1…m against the same months.

    ``base_gap`` (last year's remainder growth minus its latest months' growth) is taken off
    by half: a base effect, as for independent month-on-month moves.
    """
    if prev is None or m not in prev or 12 not in prev or (j and j not in prev):
        return None
    base = prev[m] - prev.get(j, 0.0)
    now = cur[m] - cur.get(j, 0.0)
    if base <= 0 or now <= 0 or prev[12] - prev[m] <= 0:
        return None
    return cur[m] + (prev[12] - prev[m]) * (now / base - 0.5 * base_gap)


def _yoy_base(
    cur: Mapping[int, float], prevs: _Prevs, train: Sequence[Mapping[int, float]], m: int, j: int
) -> float | None:
    """Like ``yoy_recent``, less half of last year's base effect (needs the year before last in ``train``)."""
    prev, before = prevs
    if prev is None or before is None:
        return None
    keys = (m, 12) if j == 0 else (m, 12, j)
    if any(k not in before or k not in prev for k in keys) or before[12] - before[m] <= 0:
        return None
    rest = (prev[12] - prev[m]) / (before[12] - before[m])
    recent_base = before[m] - before.get(j, 0.0)
    if recent_base <= 0:
        return None
    return _yoy(cur, prev, m, j, rest - (prev[m] - prev.get(j, 0.0)) / recent_base)


def _yoy_recent(
    cur: Mapping[int, float], prevs: _Prevs, train: Sequence[Mapping[int, float]], m: int, j: int
) -> float | None:
    return _yoy(cur, prevs[0], m, j)


def _yoy_ytd(
    cur: Mapping[int, float], prevs: _Prevs, train: Sequence[Mapping[int, float]], m: int, j: int
) -> float | None:
    return _yoy(cur, prevs[0], m, 0)


FLOW_METHODS: dict[str, _FlowEst] = {
    "run_rate": _run_rate,
    "seasonal_share": _share,
    "recent_ratio": _recent,
    "yoy_recent": _yoy_recent,
    "yoy_ytd": _yoy_ytd,
    "yoy_base": _yoy_base,
}


def _flow_loo(
    est: _FlowEst,
    past: Mapping[int, Mapping[int, float]],
    history: Mapping[int, Mapping[int, float]],
    m: int,
    j: int,
) -> list[float]:
    """Leave-one-out log errors of a method on the past years it can run on."""
    errors = []
    for y, h in past.items():
        train = [v for k, v in past.items() if k != y]
        e = est(h, (history.get(y - 1), history.get(y - 2)), train, m, j)
        if e is not None and e > 0:
            errors.append(math.log(e / h[12]))
    return errors


def _flow_year_ok(m: int) -> Callable[[Mapping[int, float]], bool]:
    return lambda h: (
        m in h and 12 in h and h[m] > 0 and h[12] > 0 and all(math.isfinite(v) for v in h.values())
    )


def project_flow(ytd: Mapping[int, float], history: Mapping[int, Mapping[int, float]]) -> Projection:
    """Project a flow's year total from its year-to-date level (see the module docstring)."""
    m, c = _latest(ytd)
    if c <= 0:
        raise ForecastError(ERR_BASE.format(v=c))
    past = _recent_years(history, _flow_year_ok(m), HISTORY_YEARS)
    j = _anchor({**ytd, 0: 0.0}, m, {y: {**h, 0: 0.0} for y, h in past.items()}) or 0
    past = {y: h for y, h in past.items() if j == 0 or j in h}
    train = list(past.values())
    n = len(past)
    if n >= MIN_YEARS_SELECT:
        method, value, sd = _select_flow(ytd, past, history, m, j)
        note = ""
    elif n >= 1:
        method, note = (
            "share_run_rate_blend",
            f"chỉ có {n} năm số liệu trước: lấy bình quân tỷ lệ mùa vụ và run rate",
        )
        a, b = _share(ytd, (None, None), train, m, j) or c, c * 12.0 / m
        value = math.sqrt(a * b)
        sd = math.hypot(RUN_RATE_SD * (12 - m) / 12, math.log(a / b) / 2)
    else:
        method, note = "run_rate", "chưa có số liệu các năm trước: dùng tốc độ bình quân các tháng đã qua"
        value, sd = c * 12.0 / m, RUN_RATE_SD * (12 - m) / 12
    if value is None or value <= 0:
        raise ForecastError(ERR_BASE.format(v=value))
    lo, hi = value * math.exp(-Z80 * sd), value * math.exp(Z80 * sd)
    expl = _flow_explain(method, ytd, m, j, past, value, sd)
    return Projection(value, lo, hi, method, FLOW_LABELS[method], note, None, expl, sd, True)


def _select_flow(
    ytd: Mapping[int, float],
    past: Mapping[int, Mapping[int, float]],
    history: Mapping[int, Mapping[int, float]],
    m: int,
    j: int,
) -> tuple[str, float, float]:
    """(method, Ŷ, σ): the method with the smallest leave-one-out error that runs on all but one past year."""
    latest = max(history)
    prevs, train = (history.get(latest), history.get(latest - 1)), list(past.values())
    best: tuple[float, str, float, list[float]] | None = None
    for name, est in FLOW_METHODS.items():
        value = est(ytd, prevs, train, m, j)
        errors = _flow_loo(est, past, history, m, j)
        if value is None or value <= 0 or len(errors) < max(2, len(past) - 1):
            continue
        mae = sum(abs(e) for e in errors) / len(errors)
        if best is None or mae < best[0] - 1e-12:
            best = (mae, name, value, errors)
    assert best is not None  # run_rate always runs
    return best[1], best[2], max(_spread(best[3]), 1e-4)


def _flow_explain(
    method: str,
    ytd: Mapping[int, float],
    m: int,
    j: int,
    past: Mapping[int, Mapping[int, float]],
    value: float,
    sd: float,
) -> tuple[str, ...]:
    from kehoach.core.numbers import format_number as f

    years = ", ".join(str(y) for y in past) or "không có"
    lines = [f"Lũy kế {m} tháng: C = {f(ytd[m])}; các năm dùng để học: {years}."]
    if past:
        share = math.exp(-sum(math.log(h[12] / h[m]) for h in past.values()) / len(past))
        lines.append(f"Tỷ lệ hoàn thành bình quân đến tháng {m}: s̄ = {f(share * 100, 1)}%.")
    k = m - j
    formulas = {
        "run_rate": f"Ŷ = C × 12 / {m}",
        "seasonal_share": "Ŷ = C / s̄",
        "recent_ratio": f"Ŷ = C + ({k} tháng gần nhất) × ρ̄, ρ = phần còn lại của năm / {k} tháng trước đó, các năm trước",
        "yoy_recent": f"Ŷ = C + (phần còn lại năm trước) × ({k} tháng gần nhất / cùng kỳ)",
        "yoy_ytd": "Ŷ = C + (phần còn lại năm trước) × (C / lũy kế cùng kỳ)",
        "yoy_base": f"Ŷ = C + (phần còn lại năm trước) × ({k} tháng gần nhất / cùng kỳ − ½ × hiệu ứng nền)",
        "share_run_rate_blend": f"Ŷ = √(C / s̄ × C × 12 / {m})",
    }
    lines.append(f"{formulas[method]} = {f(value, 1)}.")
    lines.append(f"Khoảng 80%: Ŷ × e^(±1,28 × σ), σ = {f(sd, 3)} (sai số tương đối các năm trước).")
    return tuple(lines)


# ---------------------------------------------------------------- levels and rates


def project_level(points: Sequence[tuple[float, float]], at: float) -> Projection:
    """Straight-line trend of the latest (time, value) points, read at time ``at``.

    Fewer than three points: the latest value is kept (no interval), and the note says so.
    """
    pts = sorted(p for p in points if math.isfinite(p[0]) and math.isfinite(p[1]))[-8:]
    if not pts:
        raise ForecastError(ERR_POINTS)
    if len(pts) < 3:
        last = pts[-1][1]
        note = "ít điểm số liệu: giữ nguyên số mới nhất"
        return Projection(last, None, None, "last_value", "giữ nguyên số mới nhất", note, None, (note + ".",))
    n = len(pts)
    tbar = sum(t for t, _ in pts) / n
    vbar = sum(v for _, v in pts) / n
    sxx = sum((t - tbar) ** 2 for t, _ in pts)
    if sxx <= 0:
        raise ForecastError("các điểm số liệu trùng thời điểm")
    slope = sum((t - tbar) * (v - vbar) for t, v in pts) / sxx
    value = vbar + slope * (at - tbar)
    resid = [v - (vbar + slope * (t - tbar)) for t, v in pts]
    s = math.sqrt(sum(r * r for r in resid) / (n - 2)) if n > 2 else 0.0
    sd = max(s * math.sqrt(1 + 1 / n + (at - tbar) ** 2 / sxx) * t90(n - 2) / Z80, 1e-9)
    expl = (
        f"Xu hướng tuyến tính của {n} điểm gần nhất: độ dốc {format_number(slope, 4)}/tháng; "
        f"Ŷ = {format_number(value, 2)}; khoảng 80%: Ŷ ± 1,28 × {format_number(sd, 3)}.",
    )
    return Projection(
        value, value - Z80 * sd, value + Z80 * sd, "trend", "theo xu hướng", "", None, expl, sd, False
    )
