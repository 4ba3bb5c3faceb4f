"""Root URLs. Each app owns its prefix; the dashboard owns ``/``."""

from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/", include("kehoach.accounts.urls")),
    path("plans/", include("kehoach.plans.urls_review")),
    path("plan/", include("kehoach.plans.urls")),
    path("figures/", include("kehoach.submissions.urls")),
    path("tasks/", include("kehoach.tasks.urls")),
    path("reports/", include("kehoach.reports.urls")),
    path("audit/", include("kehoach.audit.urls")),
    path("api/", include("kehoach.api.urls")),
    path("", include("kehoach.dashboard.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
