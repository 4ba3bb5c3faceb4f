"""Series shaping, the expected-by-now path and the required pace, for the evaluation.

- :func:`monthly`: observations → ``{month: value}`` year-to-date (flows, counts, growth). A month
  or a quarter is year-to-date through its last month ("2026-Q3" = 9 tháng), as figures are entered;
  only "6 tháng cuối năm" (H2) is a period alone, added to the first half when that is known.
- :func:`expected_path`: the figure normally reached by each month, learned from past years:
  flows ``target × s̄_m`` (share of the year reached by month m), growth
  ``target + mean(g_m − g_year)`` of past years.
- :func:`flow_pace` / :func:`growth_pace`: what the rest of the year must deliver, as a
  number and a sentence ("Quý IV phải tăng 15,2% so với cùng kỳ thì cả năm mới đạt 13%").
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from kehoach.core.forecast import RequiredPace
from kehoach.core.numbers import format_number
from kehoach.core.periods import Period

__all__ = ["expected_path", "flow_pace", "growth_pace", "monthly", "rest_label"]

_CUMULATIVE_FIRST = {"year": 0, "nine_months": 1, "half": 2, "quarter": 3, "month": 4}


def _cumulative(p: Period) -> bool:
    """Every figure is year-to-date through its period's last month, except the second half alone."""
    return not (p.kind == "half" and p.index == 2)


def monthly(points: Iterable[tuple[Period, float]], behaviour: str) -> dict[int, float]:
    """Year-to-date figures by last month; discrete quarters/halves join a known year-to-date (flows)."""
    pts = sorted(
        ((p, v) for p, v in points if math.isfinite(v)),
        key=lambda pv: (pv[0].last_month, _CUMULATIVE_FIRST[pv[0].kind]),
    )
    out: dict[int, float] = {}
    for p, v in pts:
        if p.last_month in out:
            continue  # a cumulative period (9 tháng) wins over the month figure of the same end
        if _cumulative(p):
            out[p.last_month] = v
        elif behaviour in ("flow", "count") and (p.first_month - 1) in out:
            out[p.last_month] = out[p.first_month - 1] + v
    return out


def expected_path(
    behaviour: str, target: float, history: Mapping[int, Mapping[int, float]]
) -> dict[int, float]:
    """Month → the figure normally reached by then (empty without usable past years)."""
    path: dict[int, float] = {}
    for m in range(1, 12):
        years = [h for h in history.values() if m in h and 12 in h]
        if behaviour in ("flow", "count"):
            years = [h for h in years if h[m] > 0 and h[12] > 0]
            if years:
                path[m] = target * math.exp(sum(math.log(h[m] / h[12]) for h in years) / len(years))
        elif behaviour == "growth" and years:
            path[m] = target + sum(h[m] - h[12] for h in years) / len(years)
    if path:
        path[12] = target
    return path


def rest_label(m: int) -> str:
    """The rest of the year after month ``m``, as reports name it."""
    return {3: "9 tháng còn lại", 6: "6 tháng cuối năm", 9: "Quý IV", 11: "Tháng 12"}.get(
        m, f"{12 - m} tháng còn lại"
    )


def _unit(value: float, unit: str | None, decimals: int | None = None) -> str:
    text = format_number(value, decimals)
    return f"{text}{unit}" if unit == "%" else (f"{text} {unit}" if unit else text)


def flow_pace(
    target: float, ytd: float, m: int, unit: str | None, last_year: Mapping[int, float] | None
) -> RequiredPace:
    """Amount the remaining months must bring, per month, and its growth on the same months last year."""
    rest = target - ytd
    if rest <= 0:
        return RequiredPace(0.0, unit, f"Đã đạt mục tiêu cả năm {_unit(target, unit)} sau {m} tháng.")
    per_month = rest / (12 - m)
    vs = ""
    if last_year and m in last_year and 12 in last_year and last_year[12] - last_year[m] > 0:
        growth = (rest / (last_year[12] - last_year[m]) - 1) * 100
        vs = f", tăng {format_number(growth, 1)}% so với cùng kỳ"
    sentence = (
        f"{rest_label(m)} phải đạt {_unit(rest, unit, 1)} (bình quân {_unit(per_month, unit, 1)}/tháng{vs}) "
        f"thì cả năm mới đạt {_unit(target, unit)}."
    )
    return RequiredPace(rest, unit, sentence)


def growth_pace(target: float, g: float, m: int) -> RequiredPace:
    """r = (12·g_target − m·g_m) / (12 − m): month-weighted growth the remaining months need."""
    r = (12 * target - m * g) / (12 - m)
    sentence = (
        f"{rest_label(m)} phải tăng {format_number(r, 1)}% so với cùng kỳ thì cả năm mới đạt "
        f"{format_number(target)}% (trọng số theo số tháng: r = (12 × {format_number(target)} − {m} × "
        f"{format_number(g, 2)}) / {12 - m})."
    )
    return RequiredPace(r, "%", sentence)
