"""URLs of the submissions app."""

from django.urls import URLPattern, URLResolver

app_name = "submissions"
urlpatterns: list[URLPattern | URLResolver] = []
