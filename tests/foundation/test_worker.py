from django.core.cache import cache

from claims.tasks import HEARTBEAT_KEY, worker_heartbeat
from tests.conftest import requires_real_services


@requires_real_services
def test_a_task_runs_in_a_real_worker_process_over_redis(celery_worker_process):
    cache.delete(HEARTBEAT_KEY)
    result = worker_heartbeat.delay()
    stamp = result.get(timeout=30)
    assert cache.get(HEARTBEAT_KEY) == stamp
    assert result.successful()
