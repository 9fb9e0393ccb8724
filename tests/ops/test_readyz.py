from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from claims.tasks import HEARTBEAT_KEY, worker_heartbeat
from config.health import readiness_problems
from tests.ops.conftest import database_unreachable


@pytest.fixture
def with_worker(settings):
    """Tasks go to a worker, so readiness depends on its heartbeat."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.WORKER_HEARTBEAT_MAX_AGE = 120
    return settings


def beat_at(seconds_ago: float) -> None:
    cache.set(HEARTBEAT_KEY, (timezone.now() - timedelta(seconds=seconds_ago)).isoformat(), timeout=None)


def test_healthz_answers_without_login_or_database(client):
    with database_unreachable():
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_healthz_answers_a_logged_in_browser_while_the_database_is_down(viewer_client):
    with database_unreachable():
        response = viewer_client.get("/healthz")
    assert response.status_code == 200


@pytest.mark.django_db
def test_it_works_with_a_fresh_heartbeat(client, with_worker):
    worker_heartbeat()
    response = client.get("/readyz")
    assert response.status_code == 200, response.json()
    assert response.json() == {"status": "ready", "failed": []}


@pytest.mark.django_db
def test_in_process_tasks_need_no_worker(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    cache.delete(HEARTBEAT_KEY)
    assert client.get("/readyz").status_code == 200


@pytest.mark.django_db
def test_database_down_is_named(client, with_worker):
    worker_heartbeat()
    with database_unreachable():
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["database"]


@pytest.mark.django_db
def test_redis_down_is_named_and_the_heartbeat_is_not_blamed(client, with_worker, redis_down):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["redis", "worker_heartbeat"]
    assert "Redis is down" in readiness_problems()["worker_heartbeat"]


@pytest.mark.django_db
def test_a_stale_heartbeat_is_named_with_its_age(client, with_worker):
    beat_at(seconds_ago=600)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["worker_heartbeat"]
    assert "limit 120s" in readiness_problems()["worker_heartbeat"]


@pytest.mark.django_db
def test_the_heartbeat_age_limit_is_configurable(client, with_worker):
    beat_at(seconds_ago=90)
    assert client.get("/readyz").status_code == 200
    with_worker.WORKER_HEARTBEAT_MAX_AGE = 60
    assert client.get("/readyz").status_code == 503


@pytest.mark.django_db
def test_no_heartbeat_ever_is_named(client, with_worker):
    cache.delete(HEARTBEAT_KEY)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["worker_heartbeat"]
    assert readiness_problems() == {"worker_heartbeat": "no heartbeat from any worker yet"}


@pytest.mark.django_db
def test_a_failed_check_gives_no_error_text_to_the_public(client, with_worker):
    worker_heartbeat()
    with database_unreachable():
        response = client.get("/readyz")
    assert response.json() == {"status": "down", "failed": ["database"]}
