"""WSGI entry point: ``kehoach.wsgi:application`` (waitress, gunicorn, uwsgi…)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kehoach.settings")
application = get_wsgi_application()
