"""URLs of the reports app: the form, the preview and the download link the dashboard can use."""

from django.urls import URLPattern, URLResolver, path

from kehoach.reports import views

app_name = "reports"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("view/", views.preview, name="preview"),
    path("download/", views.download, name="download"),
]
