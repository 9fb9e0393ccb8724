"""Liveness and readiness probes for whoever runs the app (load balancers, compose, k8s)."""

import logging
from datetime import datetime

import redis
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from claims.tasks import HEARTBEAT_KEY

logger = logging.getLogger(__name__)

PROBE_TIMEOUT_SECONDS = 1.0
MAX_PROBLEM_LENGTH = 200


def _database_problem() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # whatever the driver raises, the database is what is down
        return str(error)[:MAX_PROBLEM_LENGTH] or type(error).__name__
    return None


def _redis_problem() -> str | None:
    # A direct ping: the cache (config.cache) deliberately hides Redis errors.
    client = redis.Redis.from_url(
        settings.REDIS_URL, socket_connect_timeout=PROBE_TIMEOUT_SECONDS, socket_timeout=PROBE_TIMEOUT_SECONDS
    )
    try:
        client.ping()
    except redis.RedisError as error:
        return str(error)[:MAX_PROBLEM_LENGTH]
    finally:
        client.close()
    return None


def worker_heartbeat_age_seconds() -> float | None:
    """Seconds since a worker last ran the heartbeat task; None when none ever did."""
    stamp = cache.get(HEARTBEAT_KEY)
    if not stamp:
        return None
    return (timezone.now() - datetime.fromisoformat(stamp)).total_seconds()


def _worker_problem() -> str | None:
    age = worker_heartbeat_age_seconds()
    if age is None:
        return "no heartbeat from any worker yet"
    if age > settings.WORKER_HEARTBEAT_MAX_AGE:
        return f"last heartbeat {age:.0f}s ago (limit {settings.WORKER_HEARTBEAT_MAX_AGE}s)"
    return None


def readiness_problems() -> dict[str, str]:
    """What is down, by name: database, redis, worker_heartbeat."""
    problems = {}
    if problem := _database_problem():
        problems["database"] = problem
    if settings.REDIS_URL:
        if problem := _redis_problem():
            problems["redis"] = problem
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        # Without Redis the heartbeat cannot be read: say so rather than blame the worker.
        if problem := "unknown while Redis is down" if "redis" in problems else _worker_problem():
            problems["worker_heartbeat"] = problem
    return problems


@require_GET
@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


@require_GET
@never_cache
def readyz(request):
    """Public, so it names the checks that failed and no more: error text (hosts, users, driver
    versions) goes to the log and to the staff-only operations page."""
    problems = readiness_problems()
    for name, problem in problems.items():
        logger.warning("readiness check %s failed: %s", name, problem)
    status = 503 if problems else 200
    return JsonResponse({"status": "down" if problems else "ready", "failed": sorted(problems)}, status=status)
