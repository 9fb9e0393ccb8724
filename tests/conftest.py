"""Fixtures shared by every test module.

Tests use the real PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set (CI sets them),
SQLite and in-process Celery otherwise.
"""

import os
import time
from pathlib import Path

import pytest
from django.conf import settings

from bench.celery_worker import running_celery_worker
from claims.roles import EDITOR, FACT_CHECKER, VIEWER
from config.celery_app import app as celery_app
from tests.factories import UserFactory

REPO = Path(__file__).resolve().parent.parent


def pytest_configure(config):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests


@pytest.fixture(autouse=True)
def _tasks_run_in_process():
    """Run tasks eagerly unless a test asks for the real worker (celery_worker_process)."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def viewer(db):
    return UserFactory(username="vera-viewer", role=VIEWER)


@pytest.fixture
def editor(db):
    return UserFactory(username="eddie-editor", role=EDITOR)


@pytest.fixture
def fact_checker(db):
    return UserFactory(username="fran-factchecker", role=FACT_CHECKER)


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def fact_checker_client(client, fact_checker):
    client.force_login(fact_checker)
    return client


def real_services_available() -> bool:
    return bool(settings.USING_POSTGRES and settings.REDIS_URL)


requires_real_services = pytest.mark.skipif(
    not real_services_available(), reason="needs DATABASE_URL (PostgreSQL) and REDIS_URL: the CI's PostgreSQL run has them"
)


@pytest.fixture
def celery_worker_process(transactional_db, tmp_path, request):
    """A real `celery worker` process on the Redis broker, using the test database.

    Yields a function that waits for a condition while the worker runs (its `worker` attribute is
    the process). Data must be committed (transactional_db) for the worker to see it. The solo
    pool unless the test is marked worker_pool("prefork").
    """
    from django.db import connection

    env = dict(os.environ)
    db = connection.settings_dict
    env["DATABASE_URL"] = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env["CELERY_TASK_ALWAYS_EAGER"] = "false"
    if extra := request.node.get_closest_marker("worker_env"):
        env.update(extra.kwargs)
    log_path = tmp_path / "worker.log"
    celery_app.conf.task_always_eager = False
    # Start from fresh broker connections: a test that pointed the broker at a dead Redis leaves
    # pools behind, and the control mailbox caches its own producer pool.
    celery_app.close()
    celery_app.__dict__.pop("control", None)
    pool = request.node.get_closest_marker("worker_pool")
    with running_celery_worker(
        f"--pool={pool.args[0] if pool else 'solo'}", "--concurrency=1", "--loglevel=INFO",
        f"--hostname=test-{os.getpid()}@%h", env=env, log_path=log_path,
    ) as worker:

        def wait_for(condition, timeout=30.0, interval=0.2):
            end = time.monotonic() + timeout
            while time.monotonic() < end:
                if condition():
                    return True
                time.sleep(interval)
            raise AssertionError(f"condition not met in {timeout}s; worker log:\n{log_path.read_text()[-3000:]}")

        wait_for.worker = worker
        yield wait_for
