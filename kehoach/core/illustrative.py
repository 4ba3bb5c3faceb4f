"""Illustrative figures for the Hải Phòng 2026 plan ("Số liệu minh họa"), deterministic.

Not real data. Each target gets yearly results for 2023–2025 grounded in the
published ones (kehoach/data/haiphong/haiphong_annual_2023_2026.csv) where they
exist, then in-year figures from January 2023 to October 2026 shaped by a
seasonal profile and seeded noise. 2026 runs at a stated pace against the
target, so some targets are ahead and some behind, and a few reports are
missing.

Scope: the city merged with Hải Dương on 1 July 2025. Figures before 2025 that
exist only for the old city ("old_hp") are re-based to the merged city by the
factor in :data:`SPECS` (``scope``), and their ``source`` says so.

Conventions follow :mod:`kehoach.core.evaluate`: flows and counts are
cumulative year-to-date; growth is cumulative growth against the same period
last year; levels and rates are at the end of the period.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass

from kehoach.core.periods import Period

__all__ = [
    "END",
    "SCENARIO_BASIS",
    "SCENARIO_NAME",
    "SPECS",
    "IllustrativeFigure",
    "Spec",
    "generate",
    "scenario_values",
]

SEED = 20260101
START_YEAR = 2023
END = Period(2026, "month", 10)
SCENARIO_NAME = "Kịch bản tăng trưởng năm 2026 (minh họa)"
SCENARIO_BASIS = "Quyết định số 01/QĐ-UBND ngày 05/01/2026 của UBND thành phố (minh họa)"
SOURCE = "Số liệu minh họa"
SOURCE_REBASED = (
    "Số liệu minh họa; năm {year} quy đổi từ Hải Phòng cũ sang phạm vi thành phố mới (hệ số {scope})"
)
EXPLANATION_BEHIND = "Nguyên nhân: tiến độ chậm hơn kịch bản do {reason}. Giải pháp: đẩy nhanh tiến độ trong các tháng cuối năm."

_PROFILES: dict[str, tuple[float, ...]] = {
    "flat": (1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
    "budget": (1.35, 0.7, 0.9, 1.0, 0.95, 0.95, 1.0, 0.95, 0.95, 1.0, 1.05, 1.2),
    "trade": (0.85, 0.7, 1.0, 0.95, 1.0, 1.0, 1.05, 1.05, 1.05, 1.1, 1.1, 1.15),
    "investment": (0.6, 0.55, 0.8, 0.85, 0.9, 1.1, 0.95, 1.0, 1.05, 1.1, 1.3, 1.8),
    "tourism": (0.9, 1.0, 0.8, 0.9, 1.1, 1.6, 1.7, 1.3, 0.7, 0.6, 0.6, 0.8),
    "lumpy": (0.3, 0.4, 1.2, 0.5, 0.8, 1.8, 0.6, 0.9, 1.5, 0.7, 1.0, 2.3),
}


@dataclass(frozen=True)
class Spec:
    """How one target's illustrative series is made.

    ``years``: results of 2023, 2024, 2025 (merged-city scope after re-basing;
    None where unknown, then derived); ``pace``: the 2026 year-end result as a
    share of the target's reference (1.04 = 4% ahead); ``scope``: factor applied
    to old-city figures of years before 2025 (1 when they are already in scope
    or scope-free, such as rates); ``profile``: the seasonal shape of a flow.
    """

    behaviour: str
    frequency: str
    years: tuple[float | None, float | None, float | None]
    pace: float
    profile: str = "flat"
    scope: float = 1.0
    reason: str = "khó khăn khách quan"


SPECS: dict[str, Spec] = {
    "1.1": Spec("growth", "quarterly", (10.34, 11.01, 11.81), 0.97, reason="xuất khẩu chững lại"),
    "1.2": Spec("growth", "quarterly", (11.54, 12.8, 13.61), 1.01),
    "1.3": Spec("growth", "quarterly", (10.02, 9.9, 10.21), 0.95, reason="tiêu dùng phục hồi chậm"),
    "1.4": Spec("growth", "quarterly", (1.11, 2.3, 4.33), 1.2),
    "1.5": Spec("growth", "quarterly", (5.83, 7.5, 9.63), 1.0),
    "2.1": Spec("level", "annual", (6380.0, 6950.0, 7660.0), 1.0),
    "2.2": Spec("level", "annual", (160.5, 176.0, 194.5), 1.0),
    "3.1": Spec("rate", "annual", (25.0, 27.5, 29.2), 1.0),
    "4.1": Spec("growth", "monthly", (13.0, 15.43, 14.21), 0.95, reason="một số dự án FDI lớn chậm sản xuất"),
    "4.3": Spec("rate", "annual", (44.0, 45.12, 44.4), 1.0),
    "4.4": Spec("rate", "annual", (57.0, 59.0, 61.0), 1.0),
    "5.1": Spec("flow", "monthly", (103619.0, 108217.0, 190379.0), 1.05, "budget", 1.25),
    "5.2": Spec(
        "flow", "monthly", (43466.0, 47000.0, 103879.0), 0.92, "budget", 1.6, "thu tiền sử dụng đất thấp"
    ),
    "5.3": Spec("flow", "monthly", (58000.0, 60000.0, 83350.0), 1.02, "trade", 1.05),
    "6.1": Spec(
        "flow", "monthly", (190641.7, 211000.0, 321000.0), 1.01, "investment", 1.35, "giải ngân chậm"
    ),
    "7.1": Spec("flow", "monthly", (26.0, 33.25, 50.0), 1.04, "trade", 1.3),
    "8.1": Spec("flow", "monthly", (170.08, 190.0, 212.0), 1.02, "trade"),
    "9.1": Spec("flow", "monthly", (7.95, 9.4, 14.43), 1.06, "tourism", 1.45),
    "10.1": Spec("rate", "annual", (48.0, 49.5, 50.6), 1.0),
    "11.1": Spec("growth", "quarterly", (8.6, 9.1, 9.8), 1.0, reason="đầu tư đổi mới công nghệ còn thấp"),
    "12.1": Spec("flow", "monthly", (3.2, 3.3, 3.0), 0.93, "lumpy", 1.1, "dòng vốn FDI toàn cầu suy giảm"),
    "13.1": Spec("level", "monthly", (42000.0, 45000.0, 48000.0), 0.95, reason="doanh nghiệp giải thể tăng"),
    "13.2": Spec("count", "monthly", (5500.0, 6100.0, 7200.0), 1.03, "flat"),
    "14.1": Spec("rank", "annual", (7.0, 5.0, 4.0), 1.0),
    "14.3": Spec("rank", "annual", (1.0, 2.0, 3.0), 1.0),
    "14.5": Spec("rank", "annual", (3.0, 4.0, 4.0), 1.0),
    "14.7": Spec("rank", "annual", (9.0, 7.0, 6.0), 1.0),
    "15.1": Spec("rate", "half_yearly", (34.0, 36.0, 37.8), 1.0),
    "16.1": Spec(
        "rate", "half_yearly", (50.0, 52.5, 54.8), 1.0, reason="doanh nghiệp nhỏ chậm đóng bảo hiểm"
    ),
    "17.1": Spec("level", "annual", (0.780, 0.785, 0.790), 1.0),
    "18.1": Spec(
        "count", "monthly", (1200.0, 1800.0, 4000.0), 0.72, "lumpy", 1.0, "vướng mắc giải phóng mặt bằng"
    ),
    "19.1": Spec("rate", "half_yearly", (93.0, 94.0, 94.5), 1.0),
    "19.2": Spec("rate", "half_yearly", (84.0, 86.0, 88.0), 1.0),
    "20.1": Spec(
        "rate", "half_yearly", (25.0, 28.0, 30.5), 0.96, reason="các nhà máy xử lý nước thải chậm tiến độ"
    ),
    "21.1": Spec("count", "quarterly", (None, None, None), 1.1, "flat"),
    "22.1": Spec("rate", "half_yearly", (78.0, 80.0, 81.0), 1.0),
    "22.2": Spec("rate", "half_yearly", (92.0, 93.0, 94.0), 1.0),
}
# Stretch targets (phấn đấu) share the figure of the base target before them.
SAME_AS: dict[str, str] = {"4.2": "4.1", "14.2": "14.1", "14.4": "14.3", "14.6": "14.5", "14.8": "14.7"}
# Reports not yet in at the end of the illustrative period.
MISSING: frozenset[tuple[str, str]] = frozenset(
    {("18.1", "2026-10"), ("12.1", "2026-10"), ("8.1", "2026-10")}
)
DRAFT: frozenset[str] = frozenset({"6.1", "9.1"})  # their October figure is still a draft


@dataclass(frozen=True)
class IllustrativeFigure:
    key: str
    period: str
    value: float
    vintage: str
    status: str
    same_period_last_year: float | None = None
    explanation: str = ""
    source: str = SOURCE


def _rng(key: str, year: int) -> random.Random:
    return random.Random(SEED + zlib.crc32(f"{key}/{year}".encode()))


def year_values(key: str, reference: float | None) -> dict[int, float]:
    """The yearly result of each year 2023–2026 (2026: the pace times the reference)."""
    spec = SPECS[key]
    ref = reference if reference is not None else (spec.years[2] or 1.0)
    out = {START_YEAR + i: float(v) for i, v in enumerate(spec.years) if v is not None}
    for y in (2023, 2024):
        if y in out:
            out[y] *= spec.scope
    out[2026] = ref * spec.pace
    return out


def _cumulative_shares(profile: str, key: str, year: int) -> list[float]:
    """Share of the year reached by the end of each month (12 values, the last is 1)."""
    rng = _rng(key, year)
    weights = [w * rng.uniform(0.9, 1.1) for w in _PROFILES[profile]]
    total = sum(weights)
    acc, out = 0.0, []
    for w in weights:
        acc += w
        out.append(acc / total)
    return out


def _month_value(key: str, year: int, month: int, years: dict[int, float]) -> float:
    spec = SPECS[key]
    value = years[year]
    if spec.behaviour in ("flow", "count"):
        v = value * _cumulative_shares(spec.profile, key, year)[month - 1]
        return round(v) if spec.behaviour == "count" or v > 1000 else round(v, 2)
    rng = _rng(key, year * 100 + month)
    if spec.behaviour == "growth":
        drift = (12 - month) / 12 * rng.uniform(-0.3, 0.5)
        return round(value + drift + rng.uniform(-0.15, 0.15), 2)
    start = years.get(year - 1, value)
    v = start + (value - start) * month / 12 + (value - start) * rng.uniform(0.0, 0.04)
    return round(v, 3) if abs(value) < 10 else round(v, 2) if value < 1000 else round(v)


def _periods(frequency: str, year: int) -> list[Period]:
    last = END.last_month if year == END.year else 12
    if frequency == "monthly":
        return [Period(year, "month", m) for m in range(1, last + 1)]
    if frequency == "quarterly":
        return [Period(year, "quarter", q) for q in range(1, last // 3 + 1)]
    if frequency == "half_yearly":
        return [Period(year, "half", h) for h in range(1, last // 6 + 1) if h == 1]
    return []


def _status(period: Period, key: str) -> str:
    if period.year < END.year or period.last_month < END.last_month - 1:
        return "published"
    if period.last_month == END.last_month - 1 or (period.kind != "month"):
        return "approved"
    return "draft" if key in DRAFT else "submitted"


def _vintage(period: Period) -> str:
    if period.year < END.year - 1 or (period.year < END.year and period.kind == "year"):
        return "official"
    if period.year < END.year or period.last_month <= END.last_month - 3:
        return "preliminary"
    return "estimate"


def _series(key: str, reference: float | None) -> list[IllustrativeFigure]:
    spec = SPECS[key]
    years = year_values(key, reference)
    out: list[IllustrativeFigure] = []
    by_period: dict[str, float] = {}
    for year in sorted(years):
        source = SOURCE
        if spec.scope != 1.0 and year < 2025:
            source = SOURCE_REBASED.format(year=year, scope=str(spec.scope).replace(".", ","))
        for period in _periods(spec.frequency, year):
            if (key, period.code) in MISSING:
                continue
            value = _month_value(key, year, period.last_month, years)
            by_period[period.code] = value
            last = by_period.get(period.previous_year().code)
            behind = year == END.year and spec.pace < 1.0
            out.append(
                IllustrativeFigure(
                    key=key,
                    period=period.code,
                    value=value,
                    vintage=_vintage(period),
                    status=_status(period, key),
                    same_period_last_year=last if spec.behaviour in ("flow", "count") else None,
                    explanation=EXPLANATION_BEHIND.format(reason=spec.reason) if behind else "",
                    source=source,
                )
            )
        if year < END.year:
            value = years[year]
            value = round(value) if abs(value) >= 1000 else round(value, 3)
            out.append(IllustrativeFigure(key, str(year), value, "official", "published", source=source))
    return out


def generate(references: dict[str, float | None]) -> list[IllustrativeFigure]:
    """Every illustrative figure for the targets named in ``references`` (key → target reference).

    Deterministic: the same call gives the same list. Keys without a spec are skipped.
    """
    out: list[IllustrativeFigure] = []
    made: dict[str, list[IllustrativeFigure]] = {}
    for key, ref in references.items():
        if key in SPECS:
            made[key] = _series(key, ref)
    for key in references:
        if key in made:
            out.extend(made[key])
        elif SAME_AS.get(key) in made:
            base = made[SAME_AS[key]]
            out.extend(IllustrativeFigure(**{**f.__dict__, "key": key}) for f in base)
    return out


def scenario_values(references: dict[str, float | None]) -> dict[str, dict[str, float]]:
    """The 2026 scenario (kịch bản): per in-year target, the figure expected by Q1, 6 and 9 months, year.

    Flows and counts follow their seasonal profile towards the target; growth
    rises towards it; levels and rates move from the 2025 result to it.
    """
    out: dict[str, dict[str, float]] = {}
    codes = {3: "2026-Q1", 6: "2026-H1", 9: "2026-9M", 12: "2026"}
    for key, ref in references.items():
        spec = SPECS.get(key) or SPECS.get(SAME_AS.get(key, ""))
        if spec is None or ref is None or spec.frequency == "annual":
            continue
        base_key = key if key in SPECS else SAME_AS[key]
        last = year_values(base_key, ref).get(2025, ref)
        values: dict[str, float] = {}
        for month, code in codes.items():
            if spec.behaviour in ("flow", "count"):
                share = _cumulative_shares(spec.profile, base_key, 2025)[month - 1]
                values[code] = round(ref * share, 2)
            elif spec.behaviour == "growth":
                values[code] = round(ref - (12 - month) / 12 * 0.6, 2)
            else:
                values[code] = round(last + (ref - last) * month / 12, 3)
        out[key] = values
    return out
