"""Rate limits that cost one cache round trip each and never fail closed.

DRF's throttles keep a list of timestamps per key: a read and a write of the shared cache per
throttle, and two throttles per anonymous request. These count hits in fixed windows instead:
one atomic script (INCR, and EXPIRE on a window's first hit) against Redis, or the cache's own
incr elsewhere; how long a window still runs is asked only when a request is refused. When the
shared cache is unreachable, each process counts on its own (`_LocalCounter`): limits stay
roughly in force, and nobody is locked out (a sign-in limit that failed closed would refuse
every learner while Redis is down).
"""

from __future__ import annotations

import hashlib
import math
import threading
import time

from django.core.cache import caches
from rest_framework.throttling import SimpleRateThrottle

from core.cache import ResilientRedisCache, health


class _LocalCounter:
    """Per-process fixed windows, for when the shared cache cannot count."""

    def __init__(self):
        self.windows: dict[str, tuple[int, float]] = {}
        self.lock = threading.Lock()

    def hit(self, key: str, window: int) -> tuple[int, float]:
        now = time.monotonic()
        with self.lock:
            count, ends = self.windows.get(key, (0, now + window))
            if ends <= now:
                count, ends = 0, now + window
            self.windows[key] = (count + 1, ends)
            if len(self.windows) > 10_000:  # forget finished windows now and then
                self.windows = {k: v for k, v in self.windows.items() if v[1] > now}
        return count + 1, ends - now

    def take_back(self, key: str) -> None:
        with self.lock:
            if key in self.windows:
                count, ends = self.windows[key]
                self.windows[key] = (max(0, count - 1), ends)


local_counter = _LocalCounter()


# One atomic round trip: count the hit, start the window's clock on its first hit.
COUNT_HIT = """
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return hits
"""


def count_hit(key: str, window: int) -> int:
    """Count one hit of `key` in its current window of `window` seconds; return the hits so
    far in this window."""
    cache = caches["default"]
    if isinstance(cache, ResilientRedisCache):
        full_key = cache.make_and_validate_key(key)
        try:
            hits = cache.script(COUNT_HIT)(keys=[full_key], args=[window])
        except cache.unavailable as error:
            health.failed(error)
            return local_counter.hit(key, window)[0]
        health.answered()
        return int(hits)
    # Other backends (the local-memory cache of development and tests): add, then incr. A
    # window's first hit also notes when the window ends, for Retry-After (seconds_left).
    if cache.add(key, 0, window):
        cache.set(_ends_key(key), time.time() + window, window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr, or the cache went away
        return local_counter.hit(key, window)[0]


# Take one hit back, only from a window that still runs (DECR alone would start a key with no
# expiry at -1).
TAKE_BACK = """
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('DECR', KEYS[1]) end
return 0
"""


def take_back_hit(key: str) -> None:
    """Uncount one hit of `key` (a sign-in that succeeded is no guess)."""
    local_counter.take_back(key)
    cache = caches["default"]
    if isinstance(cache, ResilientRedisCache):
        full_key = cache.make_and_validate_key(key)
        try:
            cache.script(TAKE_BACK)(keys=[full_key], args=[])
        except cache.unavailable as error:
            health.failed(error)
        return
    try:
        cache.decr(key)
    except ValueError:  # the window ended meanwhile
        pass


def _ends_key(key: str) -> str:
    return f"{key}:ends"


def seconds_left(key: str, window: int) -> float:
    """How long the window of `key` still runs (asked only when a request is refused)."""
    cache = caches["default"]
    if isinstance(cache, ResilientRedisCache):
        full_key = cache.make_and_validate_key(key)
        try:
            # Milliseconds: TTL's whole seconds are rounded, and could send a client early.
            left = cache.client(full_key).pttl(full_key)
        except cache.unavailable:
            left = None
        if left is not None and left >= 0:
            return left / 1000
        if left == -2:  # the window ended since this request was counted
            return 0.0
    else:
        ends = cache.get(_ends_key(key))
        if ends is not None:
            return max(0.0, ends - time.time())
    local = local_counter.windows.get(key)
    if local:
        return max(0.0, local[1] - time.monotonic())
    return float(window)


class WindowRateThrottle(SimpleRateThrottle):
    """A SimpleRateThrottle (same rates, keys and X-Forwarded-For rules) that counts in fixed
    windows with `count_hit`."""

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.hits = count_hit(self.key, self.duration)
        return self.hits <= self.num_requests

    def wait(self) -> float:
        # Whole seconds, rounded up: Retry-After never sends a client back before its time.
        return float(max(1, math.ceil(seconds_left(self.key, self.duration))))


class RequestRateThrottle(WindowRateThrottle):
    """Every request: per user when signed in (scope `user`), else per address (`anon`)."""

    scope = "user"

    def allow_request(self, request, view) -> bool:
        self.scope = "user" if request.user.is_authenticated else "anon"
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        ident = request.user.pk if request.user.is_authenticated else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class UserScopedThrottle(WindowRateThrottle):
    """Per user (per address for an anonymous request, which other checks then refuse)."""

    def get_cache_key(self, request, view):
        ident = request.user.pk if request.user.is_authenticated else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class SubmitRateThrottle(UserScopedThrottle):
    """Starting and submitting attempts, keyed per user: a class submitting at once shares
    one address, so an address key would refuse a whole classroom."""

    scope = "submit"


class ResponseSaveRateThrottle(UserScopedThrottle):
    """Saving one answer, per user, far above typing speed: the app saves as the learner
    types (debounced) and replays a whole offline quiz at once; neither may meet a 429."""

    scope = "response"


class LoginRateThrottle(WindowRateThrottle):
    """Sign-in attempts that failed, keyed per address whoever is signed in (guessing
    passwords). Each attempt counts as it comes and one that succeeds is taken back
    (`signed_in`), so a class signing in at once behind one school address is not refused."""

    scope = "login"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def signed_in(self) -> None:
        if getattr(self, "key", None):
            take_back_hit(self.key)


class LoginAccountRateThrottle(LoginRateThrottle):
    """Failed sign-ins to one account, from any address: guessing one learner's password
    from many addresses is held to the same rate as from one."""

    scope = "login"

    def get_cache_key(self, request, view):
        username = request.data.get("username") if isinstance(request.data, dict) else None
        if not isinstance(username, str) or not username.strip():
            return None  # refused as invalid by the view
        # Hashed: a key any cache takes, whatever the name holds.
        ident = hashlib.sha256(username.strip().casefold().encode()).hexdigest()[:32]
        return self.cache_format % {"scope": "login-account", "ident": ident}


class PasswordRateThrottle(UserScopedThrottle):
    """Changing one's password, per user at the login rate: the old password cannot be
    guessed faster than a sign-in could."""

    scope = "login"


class SignupRateThrottle(LoginRateThrottle):
    """Sign-ups, per address, at a rate a whole class signing up at once stays under."""

    scope = "signup"
