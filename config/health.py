"""Liveness and readiness probes for whoever runs the app (load balancers, compose, k8s)."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET


@require_GET
def healthz(request):
    return JsonResponse({"status": "ok"})


@require_GET
def readyz(request):
    problems = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # any failure means "not ready"; the name of what is down matters
        problems["database"] = str(exc)[:200]
    if settings.REDIS_URL:
        try:
            cache.set("readyz", "1", 5)
        except Exception as exc:
            problems["redis"] = str(exc)[:200]
    status = 503 if problems else 200
    return JsonResponse({"status": "down" if problems else "ready", "problems": problems}, status=status)
