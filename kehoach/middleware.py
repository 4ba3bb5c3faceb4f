"""Vietnamese first: the language is the visitor's explicit choice (the switch), never the browser's.

Many officials' browsers announce English; the site still opens in Vietnamese and
switches to English only when asked (the language cookie set by the switch, or
``?lang=en`` on any URL, which is handy for links and for the data twins).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

__all__ = ["VietnameseFirstLocaleMiddleware"]


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
