from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.shortcuts import render
from django.views.decorators.http import require_GET

from claims.search.rum import ranking_note
from config.health import readiness_problems, worker_heartbeat_age_seconds
from config.ops import selectors
from sources.selectors import article_status_counts


def _may_operate(user) -> bool:
    """Staff, and editors (who add and fix feeds), see how the machinery runs."""
    return user.is_staff or user.has_perm("sources.change_feed")


@require_GET
def ops_page(request):
    if not _may_operate(request.user):
        raise PermissionDenied
    minutes = selectors.task_runs_by_minute()
    context = {
        "problems": readiness_problems(),
        "database_name": connection.display_name,  # SQLite or PostgreSQL
        "heartbeat_age": worker_heartbeat_age_seconds(),
        # Without them there is nothing to be up: say how the app runs instead.
        "redis_configured": bool(settings.REDIS_URL),
        "tasks_in_process": settings.CELERY_TASK_ALWAYS_EAGER,
        "queue": selectors.queue_state(),
        "minutes": minutes,
        "tasks_per_minute": selectors.tasks_per_minute(minutes),
        "feeds": selectors.feeds_health(),
        "article_counts": article_status_counts(),
        "lag": selectors.extraction_lag(),
        "search_note": ranking_note(),
    }
    template = "ops/ops.html#panels" if request.htmx else "ops/ops.html"
    return render(request, template, context)
