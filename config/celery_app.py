"""The Celery app, configured from Django settings with the CELERY_ prefix."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("claimtrack")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["config.ops", "claims.desk"])

import config.task_logs  # noqa: E402,F401  connects the one-line-per-task logs and counters
import config.task_connections  # noqa: E402,F401  keeps database connections across tasks
