"""Template context for every page: ``illustrative`` shows the "Số liệu minh họa" banner.

The answer is kept for a few seconds so that a busy page does not ask the
database on every request.
"""

from __future__ import annotations

import time
from typing import Any

from django.http import HttpRequest

__all__ = ["illustrative", "reset_cache"]

TTL_SECONDS = 10.0
_cache: dict[str, tuple[float, bool]] = {}


def reset_cache() -> None:
    _cache.clear()


def _has_illustrative_figures() -> bool:
    from kehoach.submissions.models import Figure

    now = time.monotonic()
    hit = _cache.get("value")
    if hit is not None and now - hit[0] < TTL_SECONDS:
        return hit[1]
    value = Figure.objects.filter(is_illustrative=True).exists()
    _cache["value"] = (now, value)
    return value


def illustrative(request: HttpRequest) -> dict[str, Any]:
    """True when any figure in the database is illustrative (generated, not official)."""
    return {"illustrative": _has_illustrative_figures()}
