"""URLs of the tasks app."""

from django.urls import URLPattern, URLResolver

app_name = "tasks"
urlpatterns: list[URLPattern | URLResolver] = []
