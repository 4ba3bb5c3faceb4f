"""Upload and review of extracted plans (owned by the extraction work)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
