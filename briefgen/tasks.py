"""The Celery app of the desks: one task per (desk, date), acknowledged late.

A task is acknowledged only when it ends, and given back when its worker
process dies (`task_reject_on_worker_lost`). A worker killed as a whole leaves
its task unacknowledged in Redis; after the visibility timeout another worker
gets it. Either way the desk's claim (claims.py) decides who sends, so a task
that runs twice sends once.
"""

from __future__ import annotations

import functools
import logging
from datetime import date
from pathlib import Path

import redis
from celery import Celery

from .errors import BriefgenError

log = logging.getLogger("briefgen")
app = Celery("briefgen")
app.conf.update(
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,  # a worker holds one task beyond those it runs
    task_ignore_result=True,  # the desk's state in Redis is the result
    broker_connection_retry_on_startup=True,
    worker_hijack_root_logger=False,
    briefgen_claim_ttl=60.0,
)
TASK = "briefgen.send_desk"


def configure(broker: str, visibility_timeout: float = 3600, claim_ttl: float = 60) -> Celery:
    """Point the app at the broker. The visibility timeout is how long a killed worker's task
    waits before another worker gets it; a claim expires claim_ttl seconds after its holder
    stopped renewing it."""
    app.conf.broker_url = broker
    app.conf.broker_transport_options = {
        "visibility_timeout": visibility_timeout,
        # Look for abandoned tasks often enough to honour a short visibility timeout.
        "unacked_restore_interval": max(1, min(10, int(visibility_timeout / 4))),
        "unacked_restore_throttle": 1,
    }
    app.conf.briefgen_claim_ttl = claim_ttl
    return app


@app.task(bind=True, name=TASK, max_retries=None)
def send_desk_task(self, config_path: str, day: str) -> None:
    from .desks import send_desk

    ttl = float(app.conf.briefgen_claim_ttl)
    try:
        again = send_desk(_redis(app.conf.broker_url), Path(config_path),
                          date.fromisoformat(day), ttl)
    except (redis.RedisError, BriefgenError) as e:  # no state: nothing was sent without it
        log.error("desk %s, %s: Redis: %s; tried again later", Path(config_path).stem, day, e)
        again = ttl
    if again is not None:
        # Redis hands a task held past the visibility timeout out again, an ETA retry too:
        # wait at most half of it and look again (a deferral not yet due just waits more).
        visibility = app.conf.broker_transport_options.get("visibility_timeout", 3600)
        raise self.retry(countdown=min(again, visibility / 2))


@functools.cache
def _redis(url: str) -> redis.Redis:
    """One client per worker process (it keeps a pool of connections)."""
    from .desks import connect

    return connect(url)


def enqueue(config_path: Path, day: date) -> None:
    send_desk_task.apply_async((str(config_path), day.isoformat()))


def start_worker(concurrency: int) -> None:
    app.Worker(concurrency=concurrency, loglevel="INFO", quiet=True,
               without_mingle=True, without_gossip=True).start()
