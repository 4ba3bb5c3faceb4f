"""Expected progress and year-end projections (pure Python).

Filled in below; the dataclasses are the public contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["ForecastError", "Projection", "RequiredPace"]


class ForecastError(ValueError):
    """Input that no projection can honestly be made from."""


@dataclass(frozen=True)
class Projection:
    """A year-end projection with its 80% interval and the probability of meeting the target."""

    value: float
    low80: float | None
    high80: float | None
    method: str
    method_label: str
    note: str = ""
    prob_meet: float | None = None
    explanation: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": round(self.value, 4),
            "low80": None if self.low80 is None else round(self.low80, 4),
            "high80": None if self.high80 is None else round(self.high80, 4),
            "prob_meet": None if self.prob_meet is None else round(self.prob_meet, 4),
            "method": self.method,
            "method_label": self.method_label,
            "note": self.note,
            "explanation": list(self.explanation),
        }


@dataclass(frozen=True)
class RequiredPace:
    """What the rest of the year must deliver: a number (unit) and a Vietnamese sentence."""

    value: float | None
    unit: str | None
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": None if self.value is None else round(self.value, 4),
            "unit": self.unit,
            "sentence": self.sentence,
        }
