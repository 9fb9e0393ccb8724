"""Ways to make a dependency really unreachable for the length of a test: a port nobody listens
on, a database connection to it, a cache and broker pointed at it."""

import socket
from contextlib import contextmanager

import pytest
from django.db import connections
from django.db.utils import load_backend


def unused_local_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def database_unreachable():
    """Swap the default connection for one to a database that cannot be opened."""
    original = connections["default"]
    broken = dict(original.settings_dict)
    if broken["ENGINE"].endswith("sqlite3"):
        broken["NAME"] = "/nonexistent-directory/claimtrack.sqlite3"
    else:
        broken.update(HOST="127.0.0.1", PORT=str(unused_local_port()))
    connections["default"] = load_backend(broken["ENGINE"]).DatabaseWrapper(broken, alias="default")
    try:
        yield
    finally:
        connections["default"].close()
        connections["default"] = original


@pytest.fixture
def redis_down(settings):
    """The cache and the broker point at a Redis that is not running."""
    dead_url = f"redis://127.0.0.1:{unused_local_port()}/0"
    settings.REDIS_URL = dead_url
    settings.CELERY_BROKER_URL = dead_url
    settings.CACHES = {"default": {"BACKEND": "config.cache.ResilientRedisCache", "LOCATION": dead_url}}
    return dead_url


@pytest.fixture
def broker_down(redis_down):
    """Tasks are sent to a broker that is not running. The Celery app reads its broker URL from
    the (overridden) settings but caches connection pools, so they are dropped around the test."""
    from config.celery_app import app

    def drop_pools():
        app._pool = None
        app.amqp._producer_pool = None

    assert app.conf.broker_url == redis_down
    app.conf.task_always_eager = False
    drop_pools()
    yield redis_down
    drop_pools()
