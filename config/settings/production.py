"""Production: everything from the base settings, hardened; refuses to start without a real secret."""

from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int
from config.settings import *  # noqa: F403
from config.settings import BEHIND_PROXY, DEVELOPMENT_SECRET_KEY, LOGGING, SECRET_KEY

if SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a random value of at least 50 characters in production"
    )

DEBUG = env_bool("DJANGO_DEBUG", False)
DEMO_LOGINS_ALLOWED = False
# Task lines stay JSON for the log collector; the base settings print them in words when DEBUG is on.
LOGGING["handlers"]["task_lines"]["formatter"] = "task_words" if DEBUG else "bare"
# Believed only behind a proxy that sets it: gunicorn published directly would take any client's word.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
