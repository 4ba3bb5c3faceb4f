"""A few seconds' cache of the public pages (microcaching).

Anonymous visitors all see the same published figures, so the overview is
rendered once and served from memory for ``KEHOACH_PAGE_CACHE_SECONDS``
(default 5; 0 turns it off), as long as no figure and no plan changed (one
small query per request checks it). Signed-in users are never served from it. The
page's CSRF token (the language form) is put back per visitor, so a cached page
never carries someone else's token. Each server process keeps its own copy:
a change shows on the public site within those seconds.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

__all__ = ["DEFAULT_SECONDS", "cached_page", "clear"]

DEFAULT_SECONDS = 5.0
MAX_PAGES = 256
PLACEHOLDER = b"__kehoach_csrf__"
_TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_lock = threading.Lock()
_pages: OrderedDict[str, tuple[float, bytes, str, str]] = OrderedDict()


def clear() -> None:
    with _lock:
        _pages.clear()


def _seconds() -> float:
    return float(getattr(settings, "KEHOACH_PAGE_CACHE_SECONDS", DEFAULT_SECONDS))


def _cacheable(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return (
        request.method == "GET"
        and not getattr(user, "is_authenticated", False)
        and "messages" not in request.COOKIES
        and _seconds() > 0
    )


def _data_version() -> str:
    """Changes whenever a figure or a plan is saved (one aggregate query)."""
    from django.db.models import Count, Max

    from kehoach.plans.models import Plan

    v = Plan.objects.aggregate(p=Max("updated_at"), f=Max("figures__updated_at"), n=Count("figures"))
    return f"{v['p']}|{v['f']}|{v['n']}"


def _serve(request: HttpRequest, body: bytes, content_type: str, disposition: str) -> HttpResponse:
    if PLACEHOLDER in body:
        body = body.replace(PLACEHOLDER, get_token(request).encode())
    resp = HttpResponse(body, content_type=content_type)
    if disposition:
        resp["Content-Disposition"] = disposition
    return resp


def cached_page(request: HttpRequest, render: Callable[[], HttpResponse]) -> HttpResponse:
    """``render()`` once per path and language every few seconds for anonymous visitors."""
    if not _cacheable(request):
        return render()
    key = f"{get_language()}|{request.get_full_path()}|{_data_version()}"
    now = time.monotonic()
    with _lock:
        hit = _pages.get(key)
    if hit is not None and now - hit[0] < _seconds():
        return _serve(request, hit[1], hit[2], hit[3])
    resp = render()
    if resp.status_code == 200 and not resp.streaming:
        body = _TOKEN.sub(rb"\1" + PLACEHOLDER + rb"\2", resp.content)
        entry = (now, body, resp["Content-Type"], resp.get("Content-Disposition", ""))
        with _lock:
            _pages[key] = entry
            _pages.move_to_end(key)
            while len(_pages) > MAX_PAGES:
                _pages.popitem(last=False)
    return resp
