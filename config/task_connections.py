"""Database connections in a worker live as long as they do in a web process: CONN_MAX_AGE,
with a health check before the first query of each task.

Celery's Django fixup closes every connection before and after each task unless
CELERY_DB_REUSE_MAX is set (see config.settings), which costs a new PostgreSQL backend, a few
milliseconds of both processes' CPU, per task. Instead each task starts and ends the way Django
starts and ends a request: close_old_connections() drops a connection that is too old, broken,
or left in a transaction.
"""

from celery.signals import task_postrun, task_prerun
from django.db import close_old_connections


@task_prerun.connect
@task_postrun.connect
def _close_old_connections(sender=None, **_):
    # In-process (eager) tasks run inside the caller's request or transaction: hands off.
    if not getattr(sender.request, "is_eager", False):
        close_old_connections()
