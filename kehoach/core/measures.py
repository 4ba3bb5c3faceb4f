"""How a target's figure behaves over the year, and how often it is reported.

- ``flow``: summed over the year; reported as the cumulative year-to-date level
  (budget revenue, exports, tourists, investment).
- ``level``: a stock at a date (active enterprises, GRDP per head estimate).
- ``rate``: a rate or share in % at a date (trained labour, waste collected).
- ``growth``: cumulative growth in % against the same period last year (GRDP, IIP).
- ``rank``: a rank published once a year (PCI, PAR Index).
- ``count``: units completed, cumulative over the year (social-housing units).

The secretariat can change both on each assignment; these are the defaults.
"""

from __future__ import annotations

from typing import Literal, get_args

from kehoach.core.plan import Indicator, Target

__all__ = ["BEHAVIOURS", "FREQUENCIES", "Behaviour", "Frequency", "default_behaviour", "default_frequency"]

Behaviour = Literal["flow", "level", "rate", "growth", "rank", "count"]
Frequency = Literal["monthly", "quarterly", "half_yearly", "nine_months", "annual"]
BEHAVIOURS: tuple[str, ...] = get_args(Behaviour)
FREQUENCIES: tuple[str, ...] = get_args(Frequency)

_STOCK_WORDS = ("đang hoạt động", "bình quân đầu người", "chỉ số", "hiện có", "dân số")
_FLOW_UNITS = ("đồng", "usd", "tấn", "lượt", "teu", "kwh", "m3", "ha")


def default_behaviour(indicator: Indicator, target: Target) -> Behaviour:
    """A sensible default from the target's kind, unit and the indicator's words."""
    text = f"{indicator.name} {target.qualifier or ''}".lower()
    unit = (target.unit or "").lower()
    if target.kind == "growth_pct":
        return "growth"
    if target.kind in ("share_pct", "rate_pct"):
        return "rate"
    if target.kind == "rank":
        return "rank"
    if any(w in text for w in _STOCK_WORDS) or not unit:
        return "level"
    if target.kind == "count":
        return "count"
    if any(u in unit for u in _FLOW_UNITS):
        return "flow"
    return "level"


def default_frequency(indicator: Indicator, target: Target) -> Frequency:
    """Flows and counts monthly; growth of GRDP quarterly, other growth monthly; the rest yearly."""
    behaviour = default_behaviour(indicator, target)
    if behaviour in ("flow", "count"):
        return "monthly"
    if behaviour == "growth":
        return (
            "quarterly"
            if "grdp" in indicator.name.lower() or "năng suất" in indicator.name.lower()
            else "monthly"
        )
    if behaviour == "rank":
        return "annual"
    if behaviour == "level" and "doanh nghiệp" in indicator.name.lower():
        return "monthly"
    return "annual" if target.kind in ("share_pct", "level") else "half_yearly"
