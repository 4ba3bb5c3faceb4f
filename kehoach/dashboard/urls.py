"""URLs of the dashboard app: it owns ``/``."""

from django.urls import URLPattern, URLResolver, path

from kehoach.plans import views as plan_views

app_name = "dashboard"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", plan_views.plan_detail, name="home"),
]
