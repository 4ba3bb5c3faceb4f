"""API fixtures: an assigned plan and agency tokens."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from kehoach.api.services import token_create
from kehoach.submissions.bootstrap import assign_haiphong


@pytest.fixture
def plan(hp_plan: Any) -> Any:
    assign_haiphong(hp_plan)
    return hp_plan


@pytest.fixture
def tokens(plan: Any) -> dict[str, str]:
    return {code: token_create(actor=None, agency_code=code)[1] for code in ("SCT", "STC")}


def bearer(token: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {token}"})
