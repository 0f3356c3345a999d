"""Settings for Naober.

Everything that differs between a laptop, the demo and production comes from the environment, so
that secrets never live in the repository. See the README for every variable.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("NAOBER_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no setting; '1', 'true', 'yes' and 'on' count as yes."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# True only in naober/settings_test.py (the test run); importing pytest changes nothing here.
TESTING = False


def load_secret_key() -> str:
    """The key from SECRET_KEY; otherwise one generated once and kept in var/ (never committed).

    Production sets SECRET_KEY; a laptop, the demo and the tests get a stable random key for free.
    """
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        import secrets

        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = load_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "naober.core",
    "naober.communities",
    "naober.people",
    "naober.exchange",
    "naober.matchmaking",
    "naober.directory",
    "naober.notify",
    "naober.outreach",
    "naober.volunteering",
    "naober.privacy",
    "naober.initiatives",
    "naober.impact",
    "naober.accounts",
    "naober.setup",
    "naober.api",
    "naober.ops",
    "naober.reach",
    "naober.desk",
    "naober.escalation",
    "naober.doors",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Last, so that naober.core's widget templates win (its select option says "Kies…" where
    # Django writes "---------"); the rest of Django's form templates come from here.
    "django.forms",
]

MIDDLEWARE = [
    "naober.ops.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "naober.core.middleware.ChosenLanguageMiddleware",
    "naober.core.input_guard.RefuseUnstorableInputMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "naober.privacy.middleware.StaffTwoFactorMiddleware",
    "naober.privacy.middleware.RateLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "naober.privacy.middleware.SecurityHeadersMiddleware",
    "naober.privacy.caching.NoStoreForLoggedInMiddleware",
    # innermost: turns django-ninja's plain-text 405 into the API's JSON error, in the language
    # chosen above, and the middlewares above still add their headers to it
    "naober.api.middleware.JsonMethodNotAllowedMiddleware",
]

ROOT_URLCONF = "naober.urls"
# Form widgets render through the site's template engine, so naober.core may override one.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "naober.wsgi.application"

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
            ],
        },
    },
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'naober.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
# Check a kept connection before each request, so that a restarted database costs one error at most.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# SQLite as an embedded database that holds under a busy desk (docs/operations.md, "SQLite"):
# write-ahead logging lets reads go on while one transaction writes; every transaction takes the
# write lock at its start (IMMEDIATE), so two transactions never both read and then fight to upgrade
# to a write (the upgrade fails at once with "database is locked", whatever the timeout); a writer
# waits up to SQLITE_BUSY_TIMEOUT seconds for its turn.
SQLITE_INIT_COMMAND = (
    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
    "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-20000; PRAGMA mmap_size=134217728"
)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=float(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
        transaction_mode="IMMEDIATE",
        init_command=SQLITE_INIT_COMMAND,
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable server answers within seconds (a 503 page) instead of hanging the request.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # Django's own rule with a Dutch message (naober/accounts/validators.py).
    {"NAME": "naober.accounts.validators.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
# After logging in, each person lands on their own community (naober/accounts/views.py).
LOGIN_REDIRECT_URL = "after_login"
LOGOUT_REDIRECT_URL = "home"

# Lockout: five wrong passwords for one user name from one address locks it for 30 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "core/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 3600)))
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# HTTPS hardening (naober/privacy, docs/operations.md): off by default so a laptop works over http.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if env_bool("SECURE_PROXY_SSL_HEADER", False):  # behind a proxy that sets X-Forwarded-Proto
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# A session ends when the browser closes, and after SESSION_COOKIE_AGE seconds without a request.
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", True)
SESSION_SAVE_EVERY_REQUEST = True
# Rate limits ("count/period", period s, m or h) per client address: naober/privacy/ratelimit.py.
RATE_LIMITS_ENABLED = env_bool("RATE_LIMITS_ENABLED", True)
RATE_LIMITS = {
    "login": os.environ.get("RATE_LIMIT_LOGIN", "20/m"),
    "token": os.environ.get("RATE_LIMIT_TOKEN", "20/m"),
    "public_form": os.environ.get("RATE_LIMIT_PUBLIC_FORM", "10/m"),
    # Typing a one-time code (activation, login code, sign-up check): naober/accounts.
    "code": os.environ.get("RATE_LIMIT_CODE", "10/m"),
    # A resident taking standing offers (offer-first), per person: asking is cheap, answering
    # is not.
    "take_offer": os.environ.get("RATE_LIMIT_TAKE_OFFER", "5/h"),
}
# Proxies (addresses or networks) whose X-Forwarded-For names the real client, e.g. "127.0.0.1" when
# nginx on the same machine forwards to the app server; empty: the connecting address is the client.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "")
# django-axes counts wrong passwords by the same real client address as the rate limits.
AXES_CLIENT_IP_CALLABLE = "naober.base.client.client_ip"
# Two-factor (TOTP) for coordinators and administrators: on in production, off in DEBUG
# (and in naober/settings_test.py).
REQUIRE_2FA_FOR_STAFF = env_bool("REQUIRE_2FA_FOR_STAFF", not DEBUG)
OTP_TOTP_ISSUER = "Naober"
# One-time codes (naober/accounts): invitations stay valid this many days, login codes minutes.
INVITATION_DAYS = int(os.environ.get("INVITATION_DAYS", "14"))
LOGIN_CODE_MINUTES = int(os.environ.get("LOGIN_CODE_MINUTES", "15"))
# The address people open links at, for links in e-mails (activation, sign-up, password reset).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Free text of finished requests and visit notes is emptied after this many days (purge_expired).
RETENTION_DAYS = int(os.environ.get("RETENTION_DAYS", "730"))

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LANGUAGE_COOKIE_NAME = "naober_language"
# naober/base is no app (no models, no pages), so its catalogue is named here.
LOCALE_PATHS = [BASE_DIR / "naober/base/locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
# Dates and times in form inputs render as ISO (what <input type="date"> needs):
# naober/core/formats.
FORMAT_MODULE_PATH = ["naober.core.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Naober <noreply@naober.localhost>")
# Seconds the worker waits for the mail server (connect, each reply) before it tries again later.
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "10"))

# Geocoding for the matching distances (naober/matchmaking/geocoders.py): "recorded" answers from a
# JSON file of the demo streets (no internet needed); "pdok" asks the public PDOK Locatieserver.
GEOCODER = os.environ.get("GEOCODER", "recorded")
GEOCODER_RECORDED_FILE = os.environ.get(
    "GEOCODER_RECORDED_FILE", str(BASE_DIR / "naober/matchmaking/data/demo_streets.json")
)
GEOCODER_PDOK_URL = os.environ.get(
    "GEOCODER_PDOK_URL", "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
)

# SMS: "local" records messages in the database (demo and tests); "http" posts to a gateway.
SMS_BACKEND = os.environ.get("SMS_BACKEND", "local")
SMS_GATEWAY_URL = os.environ.get("SMS_GATEWAY_URL", "")
SMS_GATEWAY_TOKEN = os.environ.get("SMS_GATEWAY_TOKEN", "")
SMS_SENDER = os.environ.get("SMS_SENDER", "Naober")
SMS_GATEWAY_TIMEOUT = float(os.environ.get("SMS_GATEWAY_TIMEOUT", "10"))
# The gateway signs incoming SMS replies (hex HMAC-SHA256 of the body) with this secret
# (naober/reach/inbound.py); empty: every incoming reply is refused.
SMS_INBOUND_SECRET = os.environ.get("SMS_INBOUND_SECRET", "")
# The telephony provider signs its incoming-call webhook with this secret
# (naober/desk/telephony.py); empty: the webhook refuses every call.
TELEPHONY_WEBHOOK_SECRET = os.environ.get("TELEPHONY_WEBHOOK_SECRET", "")
# A message "being sent" this many seconds, a message whose task is this late, or a task whose
# worker stopped beating this long ago was left by a worker that died: it is taken up again.
# Keep it well above the timeouts above (naober/notify/delivery.py, worker.py).
WORKER_RECLAIM_AFTER = float(os.environ.get("WORKER_RECLAIM_AFTER", "120"))
# How often the task worker runs the escalation sweep (reminders before the answer promise breaks).
ESCALATION_SWEEP_SECONDS = float(os.environ.get("ESCALATION_SWEEP_SECONDS", "60"))

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# API tokens live this many days unless revoked earlier.
API_TOKEN_DAYS = int(os.environ.get("API_TOKEN_DAYS", "30"))
NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 200

# Logs go to standard error (the supervisor, systemd or docker collect them). The access log is one
# JSON line per request with its request id (naober/ops/middleware.py); ACCESS_LOG=0 silences it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"bare": {"format": "%(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "access": {"class": "logging.StreamHandler", "formatter": "bare"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "naober.access": {
            "handlers": ["access"],
            "level": "INFO" if env_bool("ACCESS_LOG", True) else "WARNING",
            "propagate": False,
        },
    },
}
# Operator endpoints (naober/ops): /ops/metrics needs this bearer token; without one, only a direct
# connection from this machine may read it. /readyz wants a worker heartbeat younger than this.
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
WORKER_HEARTBEAT_MAX_AGE = int(os.environ.get("WORKER_HEARTBEAT_MAX_AGE", "120"))

# Lockout answers JSON on the API and a Dutch page elsewhere (see naober/core/lockout.py).
AXES_LOCKOUT_CALLABLE = "naober.core.lockout.lockout_response"
