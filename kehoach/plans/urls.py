from django.urls import path

from kehoach.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_detail, name="default"),
    path("<slug:code>/", views.plan_detail, name="detail"),
]
