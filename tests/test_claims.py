"""The claim on (desk, date) in a real redis-server: one holder, an expiry, fenced writes."""

from __future__ import annotations

import threading
import time

import pytest

from briefgen.claims import DeskState
from briefgen.ledger import LedgerError

from .redisserver import RedisServer, redis_server

__all__ = ["redis_server"]


def state(server: RedisServer, desk: str, day: str = "2023-06-20") -> DeskState:
    return DeskState(server.client, desk, day)


def test_of_many_claimants_at_once_exactly_one_wins(redis_server: RedisServer):
    s = state(redis_server, "race")
    start, won = threading.Barrier(16), []

    def claimant() -> None:
        start.wait()
        won.append(s.claim(30))

    threads = [threading.Thread(target=claimant) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len([c for c in won if c]) == 1


def test_a_claim_of_a_dead_holder_expires_and_another_takes_over(redis_server: RedisServer):
    s = state(redis_server, "expiry")
    first = s.claim(0.3)
    assert first and s.claim(0.3) is None
    time.sleep(0.5)  # the holder never renewed it: as if its worker had been killed
    assert s.claim(0.3) is not None


def test_a_kept_alive_claim_outlives_its_expiry_and_is_released_after(redis_server: RedisServer):
    s = state(redis_server, "alive")
    claim = s.claim(0.3)
    assert claim
    with claim.kept_alive():
        time.sleep(1)
        assert s.claim(0.3) is None and not claim.lost.is_set()
    assert s.holder() is None
    assert s.claim(0.3) is not None


def test_entries_are_written_only_while_the_claim_is_held(redis_server: RedisServer):
    s = state(redis_server, "fenced")
    old = s.claim(0.2)
    assert old
    ledger = s.ledger(old)
    ledger.put("2023-06-20", {"status": "sending"})
    assert s.entry()["status"] == "sending"
    time.sleep(0.4)
    new = s.claim(30)  # another worker took over after the expiry
    assert new
    with pytest.raises(LedgerError, match="claim expired"):
        ledger.put("2023-06-20", {"status": "sent"})  # the old holder may not record or send
    assert old.lost.is_set()
    assert s.entry()["status"] == "sending"
    old.release()  # releasing a claim one no longer holds leaves the new holder's alone
    assert s.holder() == new.token


def test_the_message_is_kept_under_the_claim_and_dropped_once_final(redis_server: RedisServer):
    s = state(redis_server, "message")
    claim = s.claim(30)
    assert claim
    s.put(claim, s.message_key, b"Message-ID: <1@x>\r\n\r\nbody")
    assert s.message() == b"Message-ID: <1@x>\r\n\r\nbody"
    s.drop_message(claim)
    assert s.message() is None


def test_desks_and_dates_do_not_share_state(redis_server: RedisServer):
    a, b = state(redis_server, "a"), state(redis_server, "b")
    assert a.claim(30) and b.claim(30) and state(redis_server, "a", "2023-06-21").claim(30)
