"""Caches that degrade, never break.

`ResilientRedisCache` is Django's Redis cache where an unreachable Redis is a miss (reads) or a
no-op (writes), logged once when it goes away and once when it is back: with Redis down every
read falls back to the database and the site keeps serving. `LocalFirst` is a small in-process
LRU in front of the shared cache for values that never change under their key (rendered
content keyed by its version), so a hot read costs no cache round trip at all.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from functools import wraps

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)


class _Health:
    """Whether the shared cache answered last time; logs each change once, not per request."""

    def __init__(self):
        self.down_since: float | None = None
        self.lock = threading.Lock()

    def failed(self, error: Exception) -> None:
        with self.lock:
            if self.down_since is None:
                self.down_since = time.monotonic()
                logger.warning("cache unreachable, serving without it: %s", error)

    def answered(self) -> None:
        if self.down_since is None:
            return
        with self.lock:
            if self.down_since is not None:
                logger.warning(
                    "cache reachable again after %.0f s", time.monotonic() - self.down_since
                )
                self.down_since = None

    @property
    def up(self) -> bool:
        return self.down_since is None


health = _Health()


def _degrading(default):
    """Wrap a cache method: a Redis error returns `default` (a miss, or a write not done)."""

    def decorate(method):
        @wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                result = method(self, *args, **kwargs)
            except self.unavailable as error:
                health.failed(error)
                return default(*args, **kwargs)
            health.answered()
            return result

        return wrapper

    return decorate


def _get_default(key, default=None, version=None):
    return default


def _returns(value):
    return lambda *args, **kwargs: value() if callable(value) else value


class ReusedClients(RedisCacheClient):
    """Django's Redis client, building one redis-py client per connection pool instead of one
    per cache call: building it copies a table of some 200 reply parsers and cost 0.10 ms,
    twice a GET's round trip to a local Redis. A redis-py client is safe to share between
    threads, and its pool reconnects by itself after a fork or an outage."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = super().get_client(key, write=write)
        return client


class ResilientRedisCache(RedisCache):
    """RedisCache whose connection errors and timeouts are misses and no-ops."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClients
        import redis

        self.unavailable = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)

    get = _degrading(_get_default)(RedisCache.get)
    get_many = _degrading(_returns(dict))(RedisCache.get_many)
    has_key = _degrading(_returns(False))(RedisCache.has_key)
    add = _degrading(_returns(False))(RedisCache.add)
    set = _degrading(_returns(None))(RedisCache.set)
    set_many = _degrading(_returns(list))(RedisCache.set_many)
    touch = _degrading(_returns(False))(RedisCache.touch)
    delete = _degrading(_returns(False))(RedisCache.delete)
    delete_many = _degrading(_returns(None))(RedisCache.delete_many)
    clear = _degrading(_returns(None))(RedisCache.clear)

    def incr(self, key, delta=1, version=None):
        try:
            value = super().incr(key, delta, version)
        except self.unavailable as error:
            health.failed(error)
            raise ValueError("the cache is unreachable") from error
        health.answered()
        return value

    def client(self, key: str):
        """The redis-py client that holds `key`."""
        return self._cache.get_client(key, write=True)

    def script(self, source: str):
        """A Lua script on the writing server, loaded once, then run by its hash (EVALSHA)."""
        scripts = self.__dict__.setdefault("_scripts", {})
        if source not in scripts:
            scripts[source] = self._cache.get_client(write=True).register_script(source)
        return scripts[source]


class LocalFirst:
    """A process-local LRU of at most `size` entries. Only for values that never change under
    their key: nothing here is ever invalidated, only pushed out by newer entries."""

    def __init__(self, size: int = 256):
        self.size = size
        self.entries: OrderedDict[str, object] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str):
        with self.lock:
            value = self.entries.get(key)
            if value is not None:
                self.entries.move_to_end(key)
            return value

    def set(self, key: str, value) -> None:
        with self.lock:
            self.entries[key] = value
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
