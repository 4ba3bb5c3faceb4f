"""Upload and review of extracted plans, under /plans/ (owned by the extraction work)."""

from django.urls import URLPattern, URLResolver, path, re_path

from kehoach.plans import views_review

app_name = "review"
_TOKEN = r"(?P<token>[0-9a-f]{32})"
urlpatterns: list[URLPattern | URLResolver] = [
    path("review/", views_review.review_upload, name="upload"),
    re_path(rf"^review/{_TOKEN}/$", views_review.review_detail, name="detail"),
    re_path(rf"^review/{_TOKEN}/save/$", views_review.review_save, name="save"),
    re_path(rf"^review/{_TOKEN}/accept/$", views_review.review_accept, name="accept"),
    re_path(rf"^review/{_TOKEN}/discard/$", views_review.review_discard, name="discard"),
]
