"""Request and response shapes of the JSON API. Field names are a stability promise (docs/api.md)."""

from __future__ import annotations

from typing import Literal

from ninja import Schema

__all__ = ["ErrorOut", "FigureIn", "FigureOut", "SubmitIn", "TargetOut"]


class FigureOut(Schema):
    plan: str
    target: str
    period: str
    period_label: str
    place: str
    value: float | None
    unit: str
    vintage: str
    same_period_last_year: float | None
    explanation: str
    source: str
    status: str
    is_illustrative: bool
    version: int
    updated_at: str


class FigureIn(Schema):
    target: str
    period: str
    value: float | None
    unit: str | None = None
    vintage: Literal["estimate", "preliminary", "official"] = "estimate"
    same_period_last_year: float | None = None
    explanation: str = ""
    source: str = ""
    reason: str = ""
    expected_version: int | None = None
    submit: bool = False


class SubmitIn(Schema):
    reason: str = ""
    expected_version: int | None = None


class TargetOut(Schema):
    key: str
    indicator: str
    qualifier: str
    unit: str
    lead_agency: str
    cooperating_agencies: list[str]
    frequency: str
    behaviour: str


class ErrorOut(Schema):
    detail: str
    errors: dict[str, str] = {}
    current: dict[str, object] | None = None
    attempted: dict[str, object] | None = None
