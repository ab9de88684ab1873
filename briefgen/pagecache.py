"""The desks' page cache in Redis: each page fetched once per day, by the first worker needing it.

Desks often follow the same outlets. The first worker to need a page takes a
short lock (SET NX with an expiry) and fetches it; the others wait for the page
to appear, or for the lock to go (a fetch that failed or a worker that died),
and then try themselves. Pages are kept two days, under the brief's date.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Callable, Iterator
from datetime import date

import redis

from .claims import DEL_IF_HELD, PREFIX, token
from .fetch import SHARED_PAGES

KEEP = 2 * 24 * 3600


class RedisPages:
    def __init__(self, r: redis.Redis, day: date, lock_ttl: float) -> None:
        self.r = r
        self.day = day.isoformat()
        self.lock_ttl = lock_ttl

    def get_or_fetch(self, url: str, download: Callable[[str], bytes]) -> bytes:
        digest = hashlib.sha256(url.encode()).hexdigest()[:32]
        key = f"{PREFIX}:page:{self.day}:{digest}"
        lock = f"{key}:lock"
        while True:
            data = self.r.get(key)
            if data is not None:
                return data
            mine = token()
            if self.r.set(lock, mine, nx=True, px=int(self.lock_ttl * 1000)):
                try:
                    data = download(url)
                    self.r.set(key, data, ex=KEEP)
                    return data
                finally:
                    self.r.eval(DEL_IF_HELD, 2, lock, lock, mine)
            while self.r.exists(lock) and not self.r.exists(key):
                time.sleep(0.05)  # another worker fetches it (bounded by the lock's expiry)


@contextlib.contextmanager
def shared_pages(r: redis.Redis, day: date, lock_ttl: float) -> Iterator[None]:
    """While the body runs, Fetcher.get takes pages from (and gives them to) Redis."""
    reset = SHARED_PAGES.set(RedisPages(r, day, lock_ttl))
    try:
        yield
    finally:
        SHARED_PAGES.reset(reset)
