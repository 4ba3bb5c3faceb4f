"""Growth scenarios: quarterly GRDP paths meeting an annual target, and sector reconciliation.

Formulas (docs/evaluation.md; DOMAIN.md, "Growth arithmetic"):

- a year's growth from quarterly levels at constant 2010 prices:
  g = Σ Q_t,y / Σ Q_t,y−1 − 1; cumulative growth to quarter k uses quarters 1…k;
- the uniform growth the remaining quarters need, given last year's quarters
  B₁…B₄, the target g and the actual growth a₁…a_k of the completed ones:
  r = ((1+g)·ΣB − Σ_{i≤k} B_i(1+a_i)) / Σ_{i>k} B_i − 1;
- growth implied by sector targets: Σ w_s·g_s with the weights w_s (last
  year's shares at constant prices) normalised to sum to 1; a sector's
  contribution in percentage points is w_s·g_s.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kehoach.core.numbers import format_number
from kehoach.core.periods import ROMAN

__all__ = [
    "GrowthScenario",
    "QuarterScenario",
    "ScenarioError",
    "Sector",
    "SectorReconciliation",
    "parse_sectors",
    "quarterly_scenario",
    "reconcile_sectors",
]

ERR_BASE = "cần đúng 4 quý của năm trước (giá so sánh 2010), mỗi quý > 0; nhận được: {got}"
ERR_ACTUAL = "số quý đã có số thực hiện ({k}) phải từ 0 đến 4"
ERR_GROWTH = "tốc độ tăng {v}% không hợp lệ (phải lớn hơn −100%)"
ERR_SECTOR = "khu vực {text!r} không đúng dạng mã=tỷ_trọng:tăng_trưởng (ví dụ cn-xd=0.56:15.16)"
ERR_WEIGHTS = "tổng tỷ trọng các khu vực phải lớn hơn 0"
ERR_NO_SECTOR = "cần ít nhất một khu vực"


class ScenarioError(ValueError):
    """Input a scenario cannot be computed from; the message is Vietnamese and names the fault."""


def _r(x: float | None, nd: int = 4) -> float | None:
    return None if x is None else round(x, nd)


@dataclass(frozen=True)
class QuarterScenario:
    """One quarter: last year's level, this year's growth (%), level and cumulative growth (%)."""

    quarter: int
    base: float
    growth: float
    level: float
    cumulative_growth: float
    actual: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "quarter": self.quarter,
            "label": f"Quý {ROMAN[self.quarter]}",
            "base": _r(self.base),
            "growth": _r(self.growth),
            "level": _r(self.level),
            "cumulative_growth": _r(self.cumulative_growth),
            "actual": self.actual,
        }


@dataclass(frozen=True)
class GrowthScenario:
    target: float
    quarters: tuple[QuarterScenario, ...]
    required_growth_remaining: float | None
    year_growth: float
    explanation: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "required_growth_remaining": _r(self.required_growth_remaining),
            "year_growth": _r(self.year_growth),
            "quarters": [q.to_dict() for q in self.quarters],
            "explanation": list(self.explanation),
        }


def _check_growth(v: float) -> float:
    if not math.isfinite(v) or v <= -100:
        raise ScenarioError(ERR_GROWTH.format(v=v))
    return v


def quarterly_scenario(
    target: float, base_quarters: Sequence[float], actual: Sequence[float] = ()
) -> GrowthScenario:
    """The quarterly path meeting ``target`` (%): actual quarters first, the rest at the uniform required growth."""
    base = [float(b) for b in base_quarters]
    if len(base) != 4 or not all(math.isfinite(b) and b > 0 for b in base):
        raise ScenarioError(ERR_BASE.format(got=", ".join(format_number(b) for b in base) or "không có"))
    if len(actual) > 4:
        raise ScenarioError(ERR_ACTUAL.format(k=len(actual)))
    g = _check_growth(float(target)) / 100
    acts = [_check_growth(float(a)) / 100 for a in actual]
    k = len(acts)
    done = sum(b * (1 + a) for b, a in zip(base, acts, strict=False))
    rest = sum(base[k:])
    r = ((1 + g) * sum(base) - done) / rest - 1 if rest else None
    growths = acts + [r if r is not None else 0.0] * (4 - k)
    quarters = _quarters(base, growths, k)
    year = quarters[-1].cumulative_growth
    return GrowthScenario(
        float(target), quarters, None if r is None else r * 100, year, _explain(base, acts, g, r)
    )


def _quarters(base: list[float], growths: list[float], k: int) -> tuple[QuarterScenario, ...]:
    out, cum_base, cum_level = [], 0.0, 0.0
    for i, (b, gr) in enumerate(zip(base, growths, strict=True), start=1):
        level = b * (1 + gr)
        cum_base, cum_level = cum_base + b, cum_level + level
        out.append(QuarterScenario(i, b, gr * 100, level, (cum_level / cum_base - 1) * 100, i <= k))
    return tuple(out)


def _explain(base: list[float], acts: list[float], g: float, r: float | None) -> tuple[str, ...]:
    f = format_number
    k = len(acts)
    lines = [
        f"Quý năm trước (giá so sánh 2010): B = {', '.join(f(b) for b in base)}; ΣB = {f(sum(base))}.",
        f"Mục tiêu cả năm g = {f(g * 100, 2)}%: cả năm cần (1 + g) × ΣB = {f((1 + g) * sum(base), 2)}.",
    ]
    if k:
        done = sum(b * (1 + a) for b, a in zip(base, acts, strict=False))
        lines.append(f"{k} quý đã thực hiện: Σ B_i × (1 + a_i) = {f(done, 2)}.")
    if r is not None:
        lines.append(
            f"r = ((1 + g) × ΣB − Σ_(i≤{k}) B_i(1 + a_i)) / Σ_(i>{k}) B_i − 1 = {f(r * 100, 2)}% "
            "(tốc độ đều các quý còn lại cần đạt)."
        )
    return tuple(lines)


@dataclass(frozen=True)
class Sector:
    code: str
    weight: float
    growth: float
    normalised_weight: float
    contribution: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "weight": self.weight,
            "normalised_weight": _r(self.normalised_weight, 6),
            "growth": self.growth,
            "contribution": _r(self.contribution),
        }


@dataclass(frozen=True)
class SectorReconciliation:
    sectors: tuple[Sector, ...]
    weight_sum: float
    implied_growth: float
    target: float | None
    gap_to_target: float | None
    explanation: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "implied_growth": _r(self.implied_growth),
            "gap_to_target": _r(self.gap_to_target),
            "weight_sum": _r(self.weight_sum, 6),
            "sectors": [s.to_dict() for s in self.sectors],
            "explanation": list(self.explanation),
        }


def reconcile_sectors(
    sectors: Sequence[tuple[str, float, float]], target: float | None = None
) -> SectorReconciliation:
    """Overall growth implied by ``(code, weight, growth %)`` sectors and its gap to ``target`` (pp)."""
    if not sectors:
        raise ScenarioError(ERR_NO_SECTOR)
    total = sum(w for _, w, _ in sectors)
    if not math.isfinite(total) or total <= 0 or any(w < 0 for _, w, _ in sectors):
        raise ScenarioError(ERR_WEIGHTS)
    out = tuple(Sector(c, w, _check_growth(gr), w / total, w / total * gr) for c, w, gr in sectors)
    implied = sum(s.contribution for s in out)
    gap = None if target is None else implied - target
    f = format_number
    expl = [
        f"Tổng tỷ trọng {f(total, 4)} → chuẩn hóa w_s = tỷ trọng / {f(total, 4)}.",
        "Đóng góp (điểm %) = w_s × g_s: " + "; ".join(f"{s.code} {f(s.contribution, 2)}" for s in out) + ".",
        f"Tăng trưởng chung hàm ý Σ w_s × g_s = {f(implied, 2)}%.",
    ]
    if gap is not None:
        expl.append(f"Chênh lệch so với mục tiêu {f(target, 2)}%: {f(gap, 2)} điểm %.")
    return SectorReconciliation(out, total, implied, target, gap, tuple(expl))


def parse_sectors(text: str) -> list[tuple[str, float, float]]:
    """``cn-xd=0.56:15.16,dv=0.33:11`` → ``[("cn-xd", 0.56, 15.16), ("dv", 0.33, 11.0)]``."""
    out = []
    for part in (p.strip() for p in text.split(",")):
        code, eq, rest = part.partition("=")
        weight, colon, growth = rest.partition(":")
        try:
            if not (code.strip() and eq and colon):
                raise ValueError(part)
            out.append((code.strip(), float(weight), float(growth)))
        except ValueError as exc:
            raise ScenarioError(ERR_SECTOR.format(text=part)) from exc
    return out
