"""Year-end projection of a growth-rate indicator (GRDP, IIP) from its cumulative growth.

The value of a month is the cumulative growth in % against the same months last year
(month 12: the year's growth); ``history`` maps an earlier year to such a dict.

Two estimates, averaged when both can be made (a forecast combination: they use different
information and err differently):

- momentum: ĝ = g_m + (12−m)/12 · (λ·(g_rec − g_m) − β·(g_rest' − g_rec')), g_rec =
  (m·g_m − j·g_j)/(m−j) the growth of the latest months, ' last year (the base effect). With
  three past years or more, λ ∈ {0, ½, 1} and β ∈ {0, ¼, ½} are learned from them, keeping the
  prior λ = 1, β = ½ unless another setting is 10% better (before a full quarter of recent
  months the prior is the naive λ = β = 0); with fewer, λ = ½, β = 0.
- weight of the remaining months: growth alone does not tell how heavy the rest of the year
  is against the first m months, but it tells how that weight changed from year to year:
  r(y) = ln(C₁₂/C_m)(y) is known up to a constant, r(y) − r(y−1) = ln(1+g₁₂) − ln(1+g_m). The
  weight is expected back at its average r̄ of the latest eight consecutive years:
  ĝ = (1 + g_m)·e^(r̄ − r(last year)) − 1 (needs two consecutive past years).

80% interval ĝ ± 1,2816·σ, σ from the past years' errors of the estimate used, widened for a
small sample (Student's t); with fewer than three past years the prior spread, widened by
t(n + 2)/z.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from typing import Any

from kehoach.core.numbers import format_number
from kehoach.core.projection import (
    ERR_GROWTH,
    FEW_YEARS,
    HISTORY_YEARS,
    MIN_YEARS_SELECT,
    Z80,
    ForecastError,
    Projection,
    _anchor,
    _latest,
    _recent_years,
    _spread,
    t90,
)

__all__ = ["GROWTH_LABELS", "project_growth"]

GROWTH_PRIOR_SD = 3.0
"""Spread (pp) of the remaining months' growth around the recent growth, when nothing is learned."""
LAMBDAS = (0.0, 0.5, 1.0)
PRIOR_LAMBDA, PRIOR_BETA, PRIOR_MARGIN = 1.0, 0.5, 0.9
"""Year-on-year growth persists (λ = 1) and last year's base shows through (β = ½, as for
independent quarter-on-quarter moves); another setting is chosen only when it is 10% better on past years."""
BETAS = (0.0, 0.25, 0.5)
DEFAULT_LAMBDA = 0.5
PRIOR_WEIGHT = 2
"""With fewer than three past years the prior spread is widened by t(n + 2)/z: the scale is a guess."""
SHARE_YEARS = 8
MAX_LOG_RATIO = 50.0
"""A share estimate e^50 times last year's level is not a projection (absurd input): left out."""
"""The weight of the remaining months is averaged over the latest eight years (it drifts)."""
GROWTH_LABELS = {
    "growth_naive": "tăng trưởng lũy kế mới nhất",
    "growth_momentum": "tăng trưởng lũy kế điều chỉnh theo đà và hiệu ứng nền",
    "growth_share_blend": "bình quân: theo đà và hiệu ứng nền; theo tỷ trọng bình thường của các tháng còn lại",
}


def _recent_growth(h: Mapping[int, float], m: int, j: int | None) -> float:
    return h[m] if j is None else (m * h[m] - j * h[j]) / (m - j)


def _base_gap(prev: Mapping[int, float] | None, m: int, j: int | None) -> float:
    """Last year's growth of the remaining months minus that of the latest months (the base effect)."""
    if prev is None or m not in prev or 12 not in prev or (j is not None and j not in prev):
        return 0.0
    rest = (12 * prev[12] - m * prev[m]) / (12 - m)
    return rest - _recent_growth(prev, m, j)


def _growth_est(
    h: Mapping[int, float], prev: Mapping[int, float] | None, m: int, j: int | None, lam: float, beta: float
) -> float:
    """ĝ = g + (12−m)/12 · (λ·(g_gần − g) − β·(g_còn lại' − g_gần')), ' = last year."""
    g = h[m]
    base = _base_gap(prev, m, j) if beta else 0.0
    return g + (12 - m) / 12.0 * (lam * (_recent_growth(h, m, j) - g) - beta * base)


def project_growth(cum: Mapping[int, float], history: Mapping[int, Mapping[int, float]]) -> Projection:
    """Project the year's growth (%) from cumulative growth so far (see the module docstring)."""
    m, _g = _latest(cum)
    if min(cum.values()) <= -100:
        raise ForecastError(ERR_GROWTH.format(v=min(cum.values())))
    past = _recent_years(
        history, lambda h: m in h and 12 in h and all(math.isfinite(v) for v in h.values()), HISTORY_YEARS
    )
    j = _anchor(cum, m, past)
    n, prev = len(past), history.get(max(history)) if history else None
    beta, errors = 0.0, list[float]()
    if n >= MIN_YEARS_SELECT:
        lam, beta, errors = _select_lambda(past, history, m, j)
        note = ""
    else:
        lam = DEFAULT_LAMBDA if j is not None and m - j >= 3 else 0.0
        have = f"chỉ có {n} năm số liệu trước" if n else "chưa có số liệu các năm trước"
        note = f"{have}: dùng hệ số đà λ = {format_number(lam)} mặc định, không tính hiệu ứng nền"
    momentum = _growth_est(cum, prev, m, j, lam, beta)
    share = _share_growth(cum[m], history, m)
    value = momentum if share is None else (momentum + share) / 2
    sd = _growth_sd(errors, past, history, m, j, share is not None, cum)
    method = "growth_naive" if lam == beta == 0.0 else "growth_momentum"
    if share is not None:
        method = "growth_share_blend"
    expl = _growth_explain(cum, prev, m, j, (lam, beta), (momentum, share, value), sd, past)
    return Projection(
        value, value - Z80 * sd, value + Z80 * sd, method, GROWTH_LABELS[method], note, None, expl, sd, False
    )


def _share_growth(g: float, history: Mapping[int, Mapping[int, float]], m: int) -> float | None:
    """The year's growth if the rest of the year keeps its usual weight against the first m months.

    From growth alone, r = ln(C₁₂/C_m) (the rest of the year against the first m months, in
    levels) is known up to a constant: r(y) − r(y−1) = ln(1 + g₁₂(y)) − ln(1 + g_m(y)). With
    r̄ the mean over the latest ``SHARE_YEARS`` consecutive years, ĝ = (1 + g)·e^(r̄ − r(last)) − 1:
    last year's unusual weight of the remaining months is expected to return to its average.
    """
    if not history:
        return None
    y = max(history)
    rel, acc = {y: 0.0}, 0.0
    while len(rel) < SHARE_YEARS and all(
        k in history and m in history[k] and 12 in history[k] and min(history[k][m], history[k][12]) > -100
        for k in (y, y - 1)
    ):
        acc -= math.log1p(history[y][12] / 100) - math.log1p(history[y][m] / 100)
        y -= 1
        rel[y] = acc
    if len(rel) < 2:
        return None
    rbar = sum(rel.values()) / len(rel)
    exponent = math.log1p(g / 100) + rbar
    return (math.exp(exponent) - 1) * 100 if exponent < MAX_LOG_RATIO else None  # absurd figures: no share


def _growth_sd(
    errors: Sequence[float],
    past: Mapping[int, Mapping[int, float]],
    history: Mapping[int, Mapping[int, float]],
    m: int,
    j: int | None,
    blend: bool,
    cum: Mapping[int, float],
) -> float:
    """σ (pp): the past years' errors of the method used (the blend's, when it is used), widened
    for a small sample; with fewer than ``FEW_YEARS`` years never narrower than the prior spread."""
    if blend and errors:
        combined = []
        for (y, h), e in zip(past.items(), errors, strict=True):
            s = _share_growth(h[m], {k: v for k, v in history.items() if k < y}, m)
            combined.append(e if s is None else (e + s - h[12]) / 2)
        errors = combined
    prior = _growth_prior_sd(cum, history, m, j)
    if not errors:  # the prior guesses the scale: Student's t, counting it as PRIOR_WEIGHT more years
        return prior * t90(len(past) + PRIOR_WEIGHT) / Z80
    sd = max(_spread(errors), 0.05)
    return max(sd, prior) if len(errors) < FEW_YEARS else sd


def _growth_prior_sd(
    cum: Mapping[int, float], history: Mapping[int, Mapping[int, float]], m: int, j: int | None
) -> float:
    """Spread when little is learned: the remaining months may move as much as the year's growth
    moved from one year to the next (RMS over known years), as much as the latest months moved
    from the year-to-date, and at least ``GROWTH_PRIOR_SD``."""
    years = sorted(y for y, h in history.items() if 12 in h)
    changes = [history[b][12] - history[a][12] for a, b in itertools.pairwise(years) if b == a + 1]
    yearly = math.sqrt(sum(c * c for c in changes) / len(changes)) if changes else 0.0
    recent = abs(_recent_growth(cum, m, j) - cum[m])
    return (12 - m) / 12 * max(GROWTH_PRIOR_SD, yearly, recent)


def _select_lambda(
    past: Mapping[int, Mapping[int, float]], history: Mapping[int, Mapping[int, float]], m: int, j: int | None
) -> tuple[float, float, list[float]]:
    """(λ, β, errors on the past years) with the smallest mean absolute error on the past years.

    Under a full quarter of recent months (January, February alone) the growth is too noisy to
    extrapolate or to read a base effect from: the answer is then the naive λ = β = 0.
    """
    window = m - (j or 0)
    grid = [(lam, beta) for lam in (LAMBDAS if j is not None else (0.0,)) for beta in BETAS]
    if window < 3:
        grid = [(0.0, 0.0)]
    scored = []
    for lam, beta in grid:
        errors = [_growth_est(h, history.get(y - 1), m, j, lam, beta) - h[12] for y, h in past.items()]
        scored.append((sum(abs(e) for e in errors) / len(errors), lam, beta, errors))
    best = min(scored, key=lambda s: s[0])
    prior_setting = (PRIOR_LAMBDA if j is not None else 0.0, PRIOR_BETA) if window >= 3 else (0.0, 0.0)
    prior = [s for s in scored if (s[1], s[2]) == prior_setting]
    if prior and prior[0][0] <= best[0] / PRIOR_MARGIN:
        best = prior[0]  # keep the prior unless another setting is clearly better on past years
    return best[1], best[2], best[3]


def _growth_explain(
    cum: Mapping[int, float],
    prev: Mapping[int, float] | None,
    m: int,
    j: int | None,
    params: tuple[float, float],
    values: tuple[float, float | None, float],
    sd: float,
    past: Mapping[int, Any],
) -> tuple[str, ...]:
    from kehoach.core.numbers import format_number as f

    lam, beta = params
    momentum, share, value = values
    years = ", ".join(map(str, past)) or "không có"
    lines = [f"Tăng trưởng lũy kế {m} tháng: g = {f(cum[m], 2)}%; các năm dùng để học: {years}."]
    if j is not None:
        lines.append(
            f"Tăng trưởng {m - j} tháng gần nhất: g_gần = ({m}×g_{m} − {j}×g_{j}) / {m - j} = "
            f"{f(_recent_growth(cum, m, j), 2)}%."
        )
    if beta:
        lines.append(f"Hiệu ứng nền năm trước: g_còn lại' − g_gần' = {f(_base_gap(prev, m, j), 2)} điểm %.")
    lines.append(
        f"ĝ = g + ({12 - m}/12) × (λ × (g_gần − g) − β × (g_còn lại' − g_gần')), λ = {f(lam, 2)}, "
        f"β = {f(beta, 2)} → {f(momentum, 2)}% (trọng số theo số tháng)."
    )
    if share is not None:
        lines.append(
            f"Theo tỷ trọng: r = ln(lũy kế cả năm / lũy kế {m} tháng), biết được từ tăng trưởng các năm "
            f"trước trừ một hằng số; ĝ' = (1 + g) × e^(r̄ − r năm trước) − 1 = {f(share, 2)}% "
            f"(r̄: bình quân tối đa {SHARE_YEARS} năm liền gần nhất)."
        )
        lines.append(f"Dự báo: bình quân hai cách = ({f(momentum, 2)} + {f(share, 2)}) / 2 = {f(value, 2)}%.")
    lines.append(
        f"Khoảng 80%: ĝ ± 1,28 × σ, σ = {f(sd, 2)} điểm % (sai số các năm trước; nới rộng khi ít năm)."
    )
    return tuple(lines)
