"""Claimtrack settings: the environment is read here, once, through config.env helpers.

With nothing set the app runs locally with no services: SQLite under ./data, Celery tasks run
in-process, DEBUG on. DATABASE_URL and REDIS_URL switch to PostgreSQL and Redis.
Production hardening lives in config.settings.production.
"""

from datetime import timedelta
from pathlib import Path

from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from config.env import (
    env_bool,
    env_database,
    env_float,
    env_int,
    env_list,
    env_redis_url,
    env_str,
    env_time_zone,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = Path(env_str("CLAIMTRACK_DATA_DIR", str(BASE_DIR / "data")))

DEVELOPMENT_SECRET_KEY = "development-only-key-never-use-in-production"
SECRET_KEY = env_str("DJANGO_SECRET_KEY", DEVELOPMENT_SECRET_KEY)
DEBUG = env_bool("DJANGO_DEBUG", True)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "template_partials",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "axes",
    "drf_spectacular_sidecar",
    "sources",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "config.middleware.RejectNulInQueryMiddleware",
    "config.middleware.RequestTooLargeMiddleware",  # before the CSRF check, which reads the body first
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "config.middleware.LoginRequiredEverywhereMiddleware",
    "config.middleware.PersonTimeZoneMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: it turns a lockout into its page
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "claims.context_processors.roles",
                "claims.desk.context_processors.desk_settings",
            ],
            "libraries": {
                "claimreview": "claims.search.claimreview_tags",
                "durations": "config.ops.durations",
                "result_table": "claims.search.result_table_tags",
            },
            # |day and |moment: every date and time in one format, in the person's time zone.
            "builtins": ["config.moments"],
        },
    },
]

DATABASES = {"default": env_database("DATABASE_URL", str(DATA_DIR / "claimtrack.sqlite3"))}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the dev server read while an in-process task writes. IMMEDIATE: a transaction takes
    # the write lock when it begins, so two writers wait their turn (up to the timeout); begun as a
    # reader, the second failed at its first write with "database is locked" at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;", "timeout": 20, "transaction_mode": "IMMEDIATE",
    }
    # Covering indexes (INCLUDE) are a PostgreSQL speed-up; SQLite builds them without the extra
    # columns, which changes nothing it answers.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USING_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
# A streaming replica for search, exports, API reads and autocomplete (config.replicas); the primary
# serves them instead while the replica is down or further behind than the limit.
if env_str("DATABASE_REPLICA_URL", ""):
    DATABASES["replica"] = {**env_database("DATABASE_REPLICA_URL", ""), "TEST": {"MIRROR": "default"}}
    DATABASES["replica"].setdefault("OPTIONS", {})["connect_timeout"] = 2
DATABASE_REPLICA_MAX_LAG_SECONDS = env_float("DATABASE_REPLICA_MAX_LAG_SECONDS", 10.0)
# Relevance through the RUM index sorts every match in memory (the 170,000 matches of "drones OR missiles"
# need about 12 MB): with PostgreSQL's default work_mem of 4 MB they spill to temporary files and a common
# word ranks twice as slowly. Set per connection, so it holds on a managed server too.
DATABASE_WORK_MEM = env_str("DATABASE_WORK_MEM", "16MB")
for _database in DATABASES.values():
    if _database["ENGINE"].endswith("postgresql"):
        _database.setdefault("OPTIONS", {}).setdefault("options", f"-c work_mem={DATABASE_WORK_MEM}")
DATABASE_ROUTERS = ["config.replicas.ReplicaRouter"]

REDIS_URL = env_redis_url("REDIS_URL")
if REDIS_URL:
    # A Redis outage degrades caching instead of turning pages into errors (see config.cache).
    CACHES = {"default": {"BACKEND": "config.cache.ResilientRedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Failed logins are counted per account and per address (django-axes); past the limit, that
# account or address waits out the cool-off, or an admin deletes its "access attempts" row.
# Permissions and roles in one query a request (claims.auth_backend); sessions read from the cache.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "claims.auth_backend.RolesBackend"]
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 10, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "config.client_ip.client_ip"
# A proxy in front (set by the deployment, never guessed): only then are X-Forwarded-Proto and
# X-Forwarded-For believed, since without one any client can send them.
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", False)
# A newsroom shift, and gone when the browser closes: a shared desk computer does not stay logged in.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 12 * 3600, minimum=60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", True)
# API tokens stop working this many days after they were issued (0: never); a password change or
# deactivation revokes them at once.
API_TOKEN_MAX_AGE_DAYS = env_int("API_TOKEN_MAX_AGE_DAYS", 90, minimum=0)
# seed_demo's logins have a published password; production settings turn this off.
DEMO_LOGINS_ALLOWED = True
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
# Times are shown in each person's time zone (their preferences), by default the newsroom's.
NEWSROOM_TIME_ZONE = env_time_zone("NEWSROOM_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"
if DEBUG:
    # Locally static files are served from the apps; an empty root keeps WhiteNoise from warning.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Scripts, styles and requests from this site only (htmx and our own files): no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# Celery: with REDIS_URL tasks go to a worker; without it they run in-process (eager).
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"  # a host name keeps kombu from warning
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", REDIS_URL is None)
CELERY_TASK_EAGER_PROPAGATES = True
# In-process tasks keep their result too, so pages that poll a task's state see it finish.
CELERY_TASK_STORE_EAGER_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 120, minimum=1)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 180, minimum=1)
CELERY_RESULT_EXPIRES = 24 * 3600
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Celery's Django fixup would open a new database connection for every task; with this it closes
# them only every 1,000 tasks, and config.task_connections applies CONN_MAX_AGE in between.
CELERY_DB_REUSE_MAX = 1000
# Sending a task to a broker that is down gives up after about 1.5 s (instead of waiting forever),
# so a web request can say so; workers keep reconnecting by their own broker_connection_* rules.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 3600, "max_retries": 3, "interval_start": 0, "interval_step": 0.5, "interval_max": 1,
}
# Same for the result backend, which subscribes to a task's result before sending it (default: 20 s).
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {
    "retry_policy": {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 0.5},
}
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "poll-due-feeds": {"task": "sources.tasks.feeds_poll_due", "schedule": env_float("FEED_POLL_TICK_SECONDS", 60.0, minimum=1)},
    "worker-heartbeat": {"task": "claims.tasks.worker_heartbeat", "schedule": 60.0},
    "extract-stale-articles": {"task": "claims.tasks.articles_extract_stale", "schedule": 300.0},
    "requeue-stalled-articles": {"task": "config.ops.tasks.requeue_stalled_articles", "schedule": 60.0},
}
# An article that stays pending/fetched/split this long without a change gets its next step queued
# again (its task died with a worker or was never sent); longer than the longest retry backoff.
STALLED_ARTICLE_AFTER = env_int("STALLED_ARTICLE_AFTER", 900, minimum=10)
# /readyz answers 503 when the last worker heartbeat (written every minute by beat) is older.
WORKER_HEARTBEAT_MAX_AGE = env_int("WORKER_HEARTBEAT_MAX_AGE", 180, minimum=1)

# Ingestion (see README "Environment variables").
INGEST_USER_AGENT = env_str("INGEST_USER_AGENT", "Claimtrack/0.1 (+https://example.org/claimtrack; newsroom claims tracker)")
INGEST_MAX_BYTES = env_int("INGEST_MAX_BYTES", 10 * 1024 * 1024, minimum=1024)
# A pasted page is a form field: Django must read one up to the cap, so the form can refuse it
# with its limit and keep the other fields (past this, the request itself is refused).
DATA_UPLOAD_MAX_MEMORY_SIZE = INGEST_MAX_BYTES + 1024 * 1024
# Uploads larger than this are ingested by a task, their progress shown on the ingestion page.
INGEST_UPLOAD_INLINE_BYTES = env_int("INGEST_UPLOAD_INLINE_BYTES", 100 * 1024, minimum=0)
INGEST_CONNECT_TIMEOUT = env_float("INGEST_CONNECT_TIMEOUT", 5.0)
INGEST_READ_TIMEOUT = env_float("INGEST_READ_TIMEOUT", 15.0)
INGEST_TOTAL_TIMEOUT = env_float("INGEST_TOTAL_TIMEOUT", 30.0)
INGEST_HOST_DELAY = env_float("INGEST_HOST_DELAY", 1.0)
INGEST_ALLOW_PRIVATE_ADDRESSES = False  # only tests turn this on, never the environment
# Registered domains that are one site, whose pages may name each other's URLs as canonical:
# groups separated by commas, domains in a group by spaces ("dw.com dw.de, bbc.co.uk bbc.com").
INGEST_CANONICAL_DOMAIN_GROUPS = [frozenset(group.split()) for group in env_list("INGEST_CANONICAL_DOMAIN_GROUPS", [])]
FEED_DEFAULT_POLL_INTERVAL = env_int("FEED_DEFAULT_POLL_INTERVAL", 900, minimum=30)
FEED_PAUSE_AFTER_FAILURES = env_int("FEED_PAUSE_AFTER_FAILURES", 5, minimum=1)

# What the ClaimReview markup names as the reviewing organisation.
CLAIMTRACK_NEWSROOM_NAME = env_str("CLAIMTRACK_NEWSROOM_NAME", "Claimtrack Newsroom")
CLAIMTRACK_NEWSROOM_URL = env_str("CLAIMTRACK_NEWSROOM_URL", "http://127.0.0.1:8000/")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "claims.api.authentication.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # JSON for programs; a browser (Accept: text/html) gets DRF's browsable API, still behind login.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer", "rest_framework.renderers.BrowsableAPIRenderer"],
    # Quantities are numbers in JSON (17, 0.5), not strings like "17.000000".
    "COERCE_DECIMAL_TO_STRING": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Claimtrack API",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],  # the schema is no public map
    # Swagger UI from the installed package (drf-spectacular-sidecar), never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Actor and Claim both have a "kind": name the two enums apart.
    "ENUM_NAME_OVERRIDES": {"ActorKindEnum": "claims.models.Actor.Kind", "ClaimKindEnum": "claims.models.Claim.Kind"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "bare": {"format": "%(message)s"},  # the message is already a JSON line (config.task_logs)
        "task_words": {"()": "config.task_logs.TaskRunFormatter"},
    },
    "filters": {"no_client_error_tracebacks": {"()": "config.log_filters.NoTracebackForClientErrors"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "line", "filters": ["no_client_error_tracebacks"]},
        # A local console (DEBUG) reads task lines in words; a deployment's log collector reads JSON.
        "task_lines": {"class": "logging.StreamHandler", "formatter": "task_words" if DEBUG else "bare"},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own console handler would print each of its messages a second time.
        "django": {"handlers": [], "level": "INFO"},
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},  # a line per login otherwise; lockouts are warnings
        # Celery's "Task ... succeeded" line repeats the JSON line below; its errors still show.
        "celery.app.trace": {"level": "WARNING"},
        "claimtrack.tasks": {"handlers": ["task_lines"], "level": "INFO", "propagate": False},
    },
}

# Email for notifications (docs/desk.md): the console backend prints them unless a deployment sets SMTP.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20, minimum=1)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Claimtrack <claimtrack@localhost>")
# Hosts a saved search's alerts may be posted to (Slack-compatible webhooks); empty: no webhooks.
ALERT_WEBHOOK_HOSTS = env_list("ALERT_WEBHOOK_HOSTS", [])
DIGEST_HOUR_UTC = env_int("DIGEST_HOUR_UTC", 6, minimum=0)
if DIGEST_HOUR_UTC > 23:
    raise ImproperlyConfigured(f"DIGEST_HOUR_UTC must be an hour from 0 to 23, got {DIGEST_HOUR_UTC}")
CELERY_BEAT_SCHEDULE["notification-digests"] = {
    "task": "claims.desk.tasks.notification_digests_send", "schedule": crontab(hour=DIGEST_HOUR_UTC, minute=0),
}
