"""All settings, from environment variables (see docs/deployment.md).

- ``KEHOACH_HOME``: data folder (SQLite file, uploads, generated secret key); default ``./var``.
- ``DATABASE_URL``: e.g. ``postgres://user:pass@host:5432/kehoach``; default SQLite in KEHOACH_HOME.
- ``SECRET_KEY``: default a random key generated once into ``KEHOACH_HOME/secret_key``.
- ``KEHOACH_DEBUG``: ``1`` to turn debugging on (off by default).
- ``KEHOACH_ALLOWED_HOSTS``: comma-separated host names (default: localhost names).
- ``KEHOACH_EMAIL_URL``-style settings are Django's: ``EMAIL_HOST`` etc.; console by default.

A bad value stops the program with a message naming the variable.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent


def _env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: expected 1/0, true/false, yes/no or on/off")


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected an integer") from exc


HOME = Path(os.environ.get("KEHOACH_HOME") or (Path.cwd() / "var")).resolve()
HOME.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = HOME / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
DEBUG = _env_bool("KEHOACH_DEBUG")
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("KEHOACH_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("KEHOACH_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "kehoach.accounts",
    "kehoach.audit",
    "kehoach.plans",
    "kehoach.submissions",
    "kehoach.tasks",
    "kehoach.reports",
    "kehoach.dashboard",
    "kehoach.api",
]

MIDDLEWARE = [
    "kehoach.middleware.AccessLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kehoach.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "kehoach.urls"
WSGI_APPLICATION = "kehoach.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kehoach.dashboard.context.illustrative",
            ],
            "builtins": ["kehoach.plans.templatetags.vn"],
        },
    }
]


def _databases() -> dict[str, dict[str, object]]:
    url = os.environ.get("DATABASE_URL", "")
    if url:
        import dj_database_url

        try:
            db: dict[str, object] = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
        except Exception as exc:  # dj_database_url raises several types
            raise ImproperlyConfigured(f"DATABASE_URL={url!r}: {exc}") from exc
        if db.get("ENGINE") == "django.db.backends.postgresql":
            db.setdefault("TEST", {"NAME": os.environ.get("KEHOACH_TEST_DB_NAME", "test_kehoach")})
        return {"default": db}
    return {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("KEHOACH_SQLITE", str(HOME / "kehoach.sqlite3")),
            # Wait for a writer instead of failing at once; IMMEDIATE avoids upgrade deadlocks.
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
            },
        }
    }


DATABASES = _databases()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS: list[Path] = []
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("KEHOACH_TIME_ZONE", "Asia/Ho_Chi_Minh")
FORMAT_MODULE_PATH = ["kehoach.locale_formats"]

STATIC_URL = "/static/"
STATIC_ROOT = HOME / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = HOME / "uploads"
MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
KEHOACH_UPLOAD_MAX_BYTES = _env_int("KEHOACH_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = _env_bool("KEHOACH_SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kehoach@localhost")

# The plan served by default and loaded into an empty database.
KEHOACH_DEFAULT_PLAN = os.environ.get("KEHOACH_DEFAULT_PLAN", "haiphong-2026")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "plain"}
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("KEHOACH_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
