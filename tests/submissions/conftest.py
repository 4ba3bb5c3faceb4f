"""Fixtures of the collection tests: an assigned plan (no illustrative data), figures in each state."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from kehoach.core.periods import parse_period
from kehoach.submissions.bootstrap import assign_haiphong
from kehoach.submissions.services import figure_approve, figure_save, figure_submit


@pytest.fixture
def plan(hp_plan: Any) -> Any:
    assign_haiphong(hp_plan)
    return hp_plan


@pytest.fixture
def people(personas: dict[str, Any], plan: Any) -> dict[str, Any]:
    return {**personas, "anonymous": AnonymousUser()}


def make_figure(plan: Any, key: str, period: str, value: float, status: str = "draft") -> Any:
    target = plan.targets.get(key=key)
    fig = figure_save(
        actor=None, target=target, period=parse_period(period), value=value, explanation="x"
    ).figure
    if status in ("submitted", "approved"):
        fig = figure_submit(actor=None, figure=fig)
    if status == "approved":
        fig = figure_approve(actor=None, figure=fig)
    return fig


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    """Personas get passwords; a fast hasher keeps the role matrix quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
