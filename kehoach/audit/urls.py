"""URLs of the audit app."""

from django.urls import URLPattern, URLResolver, path

from kehoach.audit import views

app_name = "audit"
urlpatterns: list[URLPattern | URLResolver] = [path("", views.audit_list, name="list")]
