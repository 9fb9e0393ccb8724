"""Claimtrack settings: the environment is read here, once, through config.env helpers.

With nothing set the app runs locally with no services: SQLite under ./data, Celery tasks run
in-process, DEBUG on. DATABASE_URL and REDIS_URL switch to PostgreSQL and Redis.
Production hardening lives in config.settings.production.
"""

from pathlib import Path

from config.env import (
    env_bool,
    env_database,
    env_float,
    env_int,
    env_list,
    env_redis_url,
    env_str,
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
    "sources",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "config.middleware.LoginRequiredEverywhereMiddleware",
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
            ],
            "libraries": {"claimreview": "claims.search.claimreview_tags"},
        },
    },
]

DATABASES = {"default": env_database("DATABASE_URL", str(DATA_DIR / "claimtrack.sqlite3"))}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the dev server read while an in-process task writes.
    DATABASES["default"]["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL;", "timeout": 20}
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
# Permissions and roles in one query a request (claims.auth_backend); sessions read from the cache.
AUTHENTICATION_BACKENDS = ["claims.auth_backend.RolesBackend"]
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
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
INGEST_CONNECT_TIMEOUT = env_float("INGEST_CONNECT_TIMEOUT", 5.0)
INGEST_READ_TIMEOUT = env_float("INGEST_READ_TIMEOUT", 15.0)
INGEST_TOTAL_TIMEOUT = env_float("INGEST_TOTAL_TIMEOUT", 30.0)
INGEST_HOST_DELAY = env_float("INGEST_HOST_DELAY", 1.0)
INGEST_ALLOW_PRIVATE_ADDRESSES = False  # only tests turn this on, never the environment
FEED_DEFAULT_POLL_INTERVAL = env_int("FEED_DEFAULT_POLL_INTERVAL", 900, minimum=30)
FEED_PAUSE_AFTER_FAILURES = env_int("FEED_PAUSE_AFTER_FAILURES", 5, minimum=1)

# What the ClaimReview markup names as the reviewing organisation.
CLAIMTRACK_NEWSROOM_NAME = env_str("CLAIMTRACK_NEWSROOM_NAME", "Claimtrack Newsroom")
CLAIMTRACK_NEWSROOM_URL = env_str("CLAIMTRACK_NEWSROOM_URL", "http://127.0.0.1:8000/")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Claimtrack API",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Actor and Claim both have a "kind": name the two enums apart.
    "ENUM_NAME_OVERRIDES": {"ActorKindEnum": "claims.models.Actor.Kind", "ClaimKindEnum": "claims.models.Claim.Kind"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "bare": {"format": "%(message)s"},  # the message is already a JSON line (config.task_logs)
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "line"},
        "json_lines": {"class": "logging.StreamHandler", "formatter": "bare"},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own console handler would print each of its messages a second time.
        "django": {"handlers": [], "level": "INFO"},
        "django.db.backends": {"level": "WARNING"},
        # Celery's "Task ... succeeded" line repeats the JSON line below; its errors still show.
        "celery.app.trace": {"level": "WARNING"},
        "claimtrack.tasks": {"handlers": ["json_lines"], "level": "INFO", "propagate": False},
    },
}
