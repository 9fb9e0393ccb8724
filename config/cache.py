"""The Redis cache, made to degrade instead of fail: when Redis is down a read is a miss and a
write is dropped (with a warning), so pages and search keep serving from the database.
/readyz is what reports the outage (it pings Redis itself)."""

import logging
from functools import wraps

import redis
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

# Short timeouts: a cache that stalls a page is worse than no cache.
DEFAULT_SOCKET_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 1.0}

# What each client operation answers when Redis cannot be reached.
_ANSWER_WHEN_DOWN = {
    "add": lambda *args: False,
    "get": lambda key, default=None: default,
    "set": lambda *args: None,
    "touch": lambda *args: False,
    "delete": lambda *args: False,
    "get_many": lambda *args: {},
    "has_key": lambda *args: False,
    "set_many": lambda *args: None,
    "delete_many": lambda *args: None,
}


def _tolerate_redis_errors(name, method):
    @wraps(method)
    def tolerant(self, *args):
        try:
            return method(self, *args)
        except redis.RedisError as error:
            logger.warning("cache %s skipped, Redis unavailable: %s", name, error)
            return _ANSWER_WHEN_DOWN[name](*args)

    return tolerant


class ResilientRedisCacheClient(RedisCacheClient):
    """One redis.Redis per connection pool instead of a new one per command: making one sets up
    some 170 response callbacks, which cost more than a cache read itself. It holds no connection
    of its own (the pool does), so threads and forked workers can share it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        if id(pool) not in self._clients:  # pools live as long as this client: their ids are stable
            self._clients[id(pool)] = self._client(connection_pool=pool)
        return self._clients[id(pool)]


for _name in _ANSWER_WHEN_DOWN:
    setattr(
        ResilientRedisCacheClient, _name, _tolerate_redis_errors(_name, getattr(RedisCacheClient, _name))
    )


class ResilientRedisCache(RedisCache):
    """Django's RedisCache with ResilientRedisCacheClient. incr() still raises: a counter that
    silently stays at zero would lie."""

    def __init__(self, server, params):
        options = {**DEFAULT_SOCKET_OPTIONS, **params.get("OPTIONS", {})}
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ResilientRedisCacheClient
