"""A few seconds' cache of the public pages (microcaching).

Anonymous visitors all see the same published figures, so a public page is
rendered once and served from memory for ``KEHOACH_PAGE_CACHE_SECONDS``
(default 5; 0 turns it off) without touching the database: a newly published
figure reaches the public site within those seconds. It is kept compressed too,
for browsers that accept gzip. Signed-in users are never served from it, and a page holding a
CSRF token (a form tied to one visitor) is never stored. Each server process
keeps its own copy.
"""

from __future__ import annotations

import gzip
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

__all__ = ["DEFAULT_SECONDS", "cached_page", "clear"]

DEFAULT_SECONDS = 5.0
MAX_PAGES = 256
_lock = threading.Lock()
_clock = time.monotonic  # replaced in tests


@dataclass(frozen=True)
class _Page:
    at: float
    body: bytes
    gzipped: bytes
    content_type: str
    disposition: str


_pages: OrderedDict[str, _Page] = OrderedDict()


def clear() -> None:
    with _lock:
        _pages.clear()


def _seconds() -> float:
    # Under pytest every page is rendered unless a test turns the cache on: tests change data
    # between two requests of the same page.
    default = 0.0 if "PYTEST_CURRENT_TEST" in os.environ else DEFAULT_SECONDS
    return float(getattr(settings, "KEHOACH_PAGE_CACHE_SECONDS", default))


def _cacheable(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return (
        request.method == "GET"
        and not getattr(user, "is_authenticated", False)
        and "messages" not in request.COOKIES
        and _seconds() > 0
    )


def _serve(request: HttpRequest, page: _Page) -> HttpResponse:
    wants_gzip = "gzip" in request.headers.get("Accept-Encoding", "")
    resp = HttpResponse(page.gzipped if wants_gzip else page.body, content_type=page.content_type)
    if wants_gzip:
        resp["Content-Encoding"] = "gzip"
    if page.disposition:
        resp["Content-Disposition"] = page.disposition
    patch_vary_headers(resp, ("Accept-Encoding", "Cookie", "Accept-Language"))
    return resp


def cached_page(request: HttpRequest, render: Callable[[], HttpResponse]) -> HttpResponse:
    """``render()`` once per path and language every few seconds for anonymous visitors."""
    if not _cacheable(request):
        return render()
    key = f"{get_language()}|{request.get_full_path()}"
    now = _clock()
    with _lock:
        hit = _pages.get(key)
    if hit is not None and now - hit.at < _seconds():
        return _serve(request, hit)
    resp = render()
    if resp.status_code != 200 or resp.streaming or b"csrfmiddlewaretoken" in resp.content:
        return resp
    body = resp.content
    page = _Page(now, body, gzip.compress(body, 6), resp["Content-Type"], resp.get("Content-Disposition", ""))
    with _lock:
        _pages[key] = page
        _pages.move_to_end(key)
        while len(_pages) > MAX_PAGES:
            _pages.popitem(last=False)
    return _serve(request, page)
