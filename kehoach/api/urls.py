"""URLs of the api app: the django-ninja API under ``/api/`` (OpenAPI at ``/api/openapi.json``).

The root URLconf includes this module under the ``api`` namespace, which is
also the API's own ``urls_namespace``.
"""

from django.urls import URLPattern, URLResolver

from kehoach.api.routes import api

app_name = "api"
urlpatterns: list[URLPattern | URLResolver] = list(api.urls[0])
