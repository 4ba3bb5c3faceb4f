"""Vietnamese first: the language is the visitor's explicit choice (the switch), never the browser's.

Many officials' browsers announce English; the site still opens in Vietnamese and
switches to English only when asked (the language cookie set by the switch, or
``?lang=en`` on any URL, which is handy for links and for the data twins).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

__all__ = ["AccessLogMiddleware", "VietnameseFirstLocaleMiddleware"]

_access = logging.getLogger("kehoach.access")


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        asked = request.GET.get("lang", "")
        codes = {code for code, _ in settings.LANGUAGES}
        if asked in codes:
            translation.activate(asked)
            request.LANGUAGE_CODE = asked
            return
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        super().process_request(request)


class AccessLogMiddleware:
    """One line per request on the ``kehoach.access`` logger (stdout): method, path, status, time.

    waitress writes no access log of its own; operators read this one.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed = (time.perf_counter() - started) * 1000
        _access.info(
            "%s %s %s %.0fms", request.method, request.get_full_path(), response.status_code, elapsed
        )
        return response
