"""URLs of the dashboard app: it owns ``/`` (the overview), indicator and agency pages."""

from django.urls import URLPattern, URLResolver, path

from kehoach.dashboard import views

app_name = "dashboard"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("lang/", views.language, name="language"),
    path("p/<str:period>/", views.home, name="home_period"),
    path("indicators/<int:n>/", views.indicator, name="indicator"),
    path("indicators/<int:n>/comment/", views.comment, name="comment"),
    path("agencies/<str:agency_code>/", views.agency, name="agency"),
]
