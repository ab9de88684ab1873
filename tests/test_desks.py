"""Many desks on two real Celery workers with a real redis-server and a real SMTP server:
each desk's brief arrives exactly once, whatever happens to a worker."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from briefgen.claims import DeskState
from briefgen.desks import send_desk

from .desk_kit import DAY, Workers, dispatch, queue_is_idle, status, wait_for, write_desks
from .redisserver import RedisServer, redis_server
from .servers import Site, SmtpServer, free_port

__all__ = ["redis_server"]
PAGE = (b"<html><head><title>Late news</title></head><body><article><p>The late page says "
        b"that the ministers met again on Tuesday and agreed to hold further talks in the "
        b"capital next month.</p><p>Officials said the meeting lasted two hours.</p>"
        b"</article></body></html>")


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


def assert_one_mail_per_desk(names: list[str], smtp: SmtpServer, server: RedisServer,
                             workers: Workers) -> None:
    """Once a mail per desk arrived and no task is left, count the mails of each desk."""
    wait_for(lambda: len(smtp.inbox.messages) >= len(names), 600, f"{len(names)} mails",
             workers)
    wait_for(lambda: queue_is_idle(server.client), 60, "the queue drained", workers)
    assert mails_per_desk(smtp) == addresses(names)


def test_forty_desks_give_forty_mails_one_per_desk(tmp_path: Path, smtp: SmtpServer,
                                                   workers: Workers,
                                                   redis_server: RedisServer):
    names = [f"desk{n:02d}" for n in range(40)]
    dispatch(write_desks(tmp_path, names, smtp.port), redis_server)
    assert_one_mail_per_desk(names, smtp, redis_server, workers)
    assert sorted(str(m["Subject"]) for m in smtp.inbox.messages) == \
        sorted(f"{n} {DAY}" for n in names)
    lines = status(tmp_path / "desks", redis_server)
    assert lines[-1] == "0 pending, 40 sent, 0 failed of 40"
    assert all(" sent " in line for line in lines[:-1])


# The whole worker (its process group, as when a machine dies): its task waits in Redis for
# the visibility timeout. Its pool process alone: the worker gives the task back at once
# (task_reject_on_worker_lost); acknowledged instead, it would be lost.
@pytest.mark.parametrize(("victim", "count"), [("worker", 40), ("pool process", 8)])
def test_a_worker_killed_mid_run_still_leaves_one_mail_per_desk(tmp_path: Path,
                                                                smtp: SmtpServer,
                                                                workers: Workers,
                                                                redis_server: RedisServer,
                                                                victim: str, count: int):
    # One desk also reads a page that answers late the first time: what builds it is killed
    # with SIGKILL while it waits.
    served: list[int] = []

    def late_once() -> bytes:
        served.append(1)
        if len(served) == 1:
            time.sleep(40)  # longer than the page's deadline: only a kill ends this wait
        return PAGE

    site = Site({"/late": late_once})
    names = [f"kill{n:02d}" for n in range(count)]
    desks = write_desks(tmp_path, names, smtp.port)
    doomed = desks / "kill07.yaml"
    doomed.write_text(doomed.read_text().replace(
        "sources: [", f"fetch: {{page_deadline: 30}}\nsources: [{{url: {site.url}/late}}, "))
    try:
        dispatch(desks, redis_server)
        wait_for(lambda: served, 300, "the late page requested", workers)
        holder = DeskState(redis_server.client, "kill07", DAY).holder()
        assert holder, "the desk is being built, so its claim is held"
        pid = int(holder.split(":")[1])
        if victim == "worker":
            workers.kill(workers.owner_of(pid))
        else:
            os.kill(pid, signal.SIGKILL)
        assert_one_mail_per_desk(names, smtp, redis_server, workers)
    finally:
        site.stop()
    assert len(served) == 2  # the task was redelivered and its brief built again
    [late] = [m for m in smtp.inbox.messages if m["Subject"] == f"kill07 {DAY}"]
    # the brief built on redelivery read the late page: its sources list it
    assert f"Late news — {site.url.removeprefix('http://')} <{site.url}/late>" \
        in late.get_body(("plain",)).get_content()
    assert status(desks, redis_server)[-1] == f"0 pending, {count} sent, 0 failed of {count}"


def test_a_second_dispatch_for_the_same_date_sends_nothing(tmp_path: Path, smtp: SmtpServer,
                                                           workers: Workers,
                                                           redis_server: RedisServer):
    names = [f"again{n}" for n in range(4)]
    desks = write_desks(tmp_path, names, smtp.port)
    dispatch(desks, redis_server)
    assert_one_mail_per_desk(names, smtp, redis_server, workers)
    done = "was sent already; nothing to do"
    before = workers.logs().count(done)  # a task run twice in the first dispatch says it too
    dispatch(desks, redis_server)
    wait_for(lambda: workers.logs().count(done) >= before + 4, 300,
             "the second dispatch's tasks done", workers)
    assert_one_mail_per_desk(names, smtp, redis_server, workers)


def test_desks_reading_the_same_pages_fetch_each_once(tmp_path: Path, smtp: SmtpServer,
                                                      workers: Workers,
                                                      redis_server: RedisServer):
    site = Site({"/a": PAGE, "/b": PAGE.replace(b"late page", b"other page")})
    names = [f"pages{n}" for n in range(6)]
    desks = write_desks(tmp_path, names, smtp.port,
                        sources=f"[{{url: {site.url}/a}}, {{url: {site.url}/b}}]")
    try:
        dispatch(desks, redis_server)
        assert_one_mail_per_desk(names, smtp, redis_server, workers)
    finally:
        site.stop()
    assert Counter(site.requests) == {"/a": 1, "/b": 1}
    assert all("other page" in m.get_body(("plain",)).get_content()
               for m in smtp.inbox.messages)


def test_the_same_task_run_twice_at_once_sends_once(tmp_path: Path, smtp: SmtpServer,
                                                    redis_server: RedisServer):
    desks = write_desks(tmp_path, ["twice"], smtp.port)
    start, again = threading.Barrier(2), []

    def task() -> None:
        start.wait()
        again.append(send_desk(redis_server.client, desks / "twice.yaml", date(2023, 6, 20),
                               claim_ttl=30))

    threads = [threading.Thread(target=task) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # One sends; the other finds it claimed (told to look again in 30 s) or already sent.
    assert None in again and set(again) <= {None, 30}
    assert send_desk(redis_server.client, desks / "twice.yaml", date(2023, 6, 20), 30) is None
    assert mails_per_desk(smtp) == addresses(["twice"])


def test_a_desk_left_sending_by_a_dead_worker_goes_once_more_with_its_message_id(
        tmp_path: Path, smtp: SmtpServer, redis_server: RedisServer, brief_eml: bytes):
    # What a worker killed between the message and the server's answer leaves behind.
    desks = write_desks(tmp_path, ["doubt"], smtp.port)
    state = DeskState(redis_server.client, "doubt", DAY)
    dead = state.claim(0.2)
    assert dead
    state.put(dead, state.message_key, brief_eml)
    state.ledger(dead).put(DAY, {"status": "sending", "attempts": 1, "doubts": 0})
    time.sleep(0.4)  # its claim expires, as nobody renews it
    assert send_desk(redis_server.client, desks / "doubt.yaml", date(2023, 6, 20), 30) is None
    [mail] = smtp.inbox.messages
    assert mail["Message-ID"] in brief_eml.decode()
    assert state.entry()["status"] == "sent" and state.entry()["doubts"] == 1
    assert state.message() is None  # dropped once its fate is final
    assert send_desk(redis_server.client, desks / "doubt.yaml", date(2023, 6, 20), 30) is None
    assert len(smtp.inbox.messages) == 1
