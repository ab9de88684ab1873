"""The desks' page cache in Redis: each page fetched once per day, by the first worker needing it.

Desks often follow the same outlets. The first worker to need a page claims it
(claims.py: SET NX with a short expiry, renewed while it fetches) and fetches
it; the others wait for the page to appear, or for the claim to go (a fetch
that failed, or a worker that died: its claim expires within LOCK_TTL), and
then try themselves. Pages are kept two days, under the brief's date.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Callable, Iterator
from datetime import date

import redis

from .claims import PREFIX, take
from .fetch import SHARED_PAGES

KEEP = 2 * 24 * 3600
LOCK_TTL = 10.0


class RedisPages:
    def __init__(self, r: redis.Redis, day: date) -> None:
        self.r = r
        self.day = day.isoformat()

    def get_or_fetch(self, url: str, download: Callable[[str], bytes]) -> bytes:
        digest = hashlib.sha256(url.encode()).hexdigest()[:32]
        key = f"{PREFIX}:page:{self.day}:{digest}"
        lock = f"{key}:lock"
        while True:
            data = self.r.get(key)
            if data is not None:
                return data
            claim = take(self.r, lock, LOCK_TTL)
            if claim is not None:
                with claim.kept_alive():
                    data = self.r.get(key)  # the last holder may have stored it since we looked
                    if data is None:
                        data = download(url)
                        self.r.set(key, data, ex=KEEP)
                    return data
            while self.r.exists(lock) and not self.r.exists(key):
                time.sleep(0.05)  # another worker fetches it (or died: its claim expires)


@contextlib.contextmanager
def shared_pages(r: redis.Redis, day: date) -> Iterator[None]:
    """While the body runs, Fetcher.get takes pages from (and gives them to) Redis."""
    reset = SHARED_PAGES.set(RedisPages(r, day))
    try:
        yield
    finally:
        SHARED_PAGES.reset(reset)
