"""Many desks on two real Celery workers with a real redis-server and a real SMTP server:
each desk's brief arrives exactly once, whatever happens to a worker."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from .desk_kit import DAY, Workers, dispatch, queue_is_idle, status, wait_for, write_desks
from .redisserver import RedisServer, redis_server
from .servers import SmtpServer, free_port

__all__ = ["redis_server"]


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer(free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def workers(redis_server: RedisServer, tmp_path: Path) -> Iterator[Workers]:
    redis_server.client.flushdb()
    started = Workers(redis_server, 2, tmp_path)
    yield started
    started.stop()


def mails_per_desk(smtp: SmtpServer) -> Counter:
    return Counter(rcpt for _, rcpts in smtp.inbox.envelopes for rcpt in rcpts)


def addresses(names: list[str]) -> Counter:
    return Counter(f"{n}@example.org" for n in names)


def test_forty_desks_give_forty_mails_one_per_desk(tmp_path: Path, smtp: SmtpServer,
                                                   workers: Workers,
                                                   redis_server: RedisServer):
    names = [f"desk{n:02d}" for n in range(40)]
    desks = write_desks(tmp_path, names, smtp.port)
    dispatch(desks, redis_server)
    wait_for(lambda: len(smtp.inbox.messages) >= 40, 600, "40 mails", workers)
    wait_for(lambda: queue_is_idle(redis_server.client), 60, "the queue drained", workers)
    assert mails_per_desk(smtp) == addresses(names)
    assert sorted(str(m["Subject"]) for m in smtp.inbox.messages) == \
        sorted(f"{n} {DAY}" for n in names)
    lines = status(desks, redis_server)
    assert lines[-1] == "0 pending, 40 sent, 0 failed of 40"
    assert all(" sent " in line for line in lines[:-1])
