import pytest
import redis
from django.core.cache import cache


def test_reads_miss_and_writes_are_dropped_while_redis_is_down(redis_down):
    cache.set("claimtrack:test-key", "value")
    assert cache.get("claimtrack:test-key", "fallback") == "fallback"
    assert cache.add("claimtrack:test-key", "value") is False
    assert cache.get_many(["a", "b"]) == {}


def test_counters_do_not_pretend_to_count_while_redis_is_down(redis_down):
    with pytest.raises(redis.ConnectionError):
        cache.incr("claimtrack:test-counter")


@pytest.mark.django_db
def test_pages_still_serve_while_redis_is_down(viewer_client, redis_down):
    response = viewer_client.get("/")
    assert response.status_code == 200
