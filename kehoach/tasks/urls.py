"""URLs of the tasks app: the list/tree at ``/tasks/``, one task at ``/tasks/<id>/``."""

from django.urls import URLPattern, URLResolver, path

from kehoach.tasks import views

app_name = "tasks"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.task_index, name="index"),
    path("<str:key>/", views.task_detail, name="detail"),
    path("<str:key>/update/", views.task_update_view, name="update"),
    path("<str:key>/confirm/", views.task_confirm_view, name="confirm"),
    path("<str:key>/assign/", views.task_assign_view, name="assign"),
    path("<str:key>/evidence/<int:number>/", views.task_evidence, name="evidence"),
]
