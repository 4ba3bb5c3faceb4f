"""URLs of the submissions app (``/figures/``)."""

from django.urls import URLPattern, URLResolver, path

from kehoach.submissions import views, views_review, views_setup

app_name = "submissions"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("history/<int:pk>/", views.history, name="history"),
    path("review/<slug:plan>/<str:period>/", views_review.review, name="review"),
    path("export/<slug:plan>/", views_review.export, name="export"),
    path("setup/<slug:plan>/assign/", views_setup.assign, name="setup_assign"),
    path("setup/<slug:plan>/scenarios/", views_setup.scenarios, name="setup_scenarios"),
    path("<slug:plan>/<str:agency>/<str:period>/", views.agency_form, name="form"),
    path(
        "<slug:plan>/<str:agency>/<str:period>/template.xlsx", views_review.template_download, name="template"
    ),
    path("<slug:plan>/<str:agency>/<str:period>/upload/", views_review.upload, name="upload"),
]
