"""A desk's delivery state in Redis: who may send the brief of (desk, date), and what became of it.

Many workers may hold a task for the same desk and date (two dispatches, a task
redelivered after a worker died). One of them sends: the one that holds the
claim, a Redis key set with SET NX and an expiry. The claim is kept alive while
its holder works; a holder that dies loses it once it expires, and the next
task takes over.

Every change of state is made by a Lua script that first checks the claim, so
a worker that lost its claim (paused past the expiry, say) can no longer record
"sending" and therefore sends nothing. The entries are the file ledger's
(ledger.py), so `deliver()` treats a desk exactly as it treats a single
machine's day: once normally, at most twice under a fault, never lost.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import redis

from .ledger import LedgerError, now

PREFIX = "briefgen"
KEEP = 8 * 24 * 3600
"""Seconds a desk's state stays in Redis: a week and a day, so late re-dispatches find it."""

# Set KEYS[2] to ARGV[2] (kept ARGV[3] seconds) only while KEYS[1] holds our token ARGV[1].
_PUT_IF_HELD = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
  return 1
end
return 0
"""
DEL_IF_HELD = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[2]) end
return 0
"""
_RENEW_IF_HELD = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""


def token() -> str:
    """Who holds a claim: host and pid, for people reading `status`, and a unique tail."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass
class Claim:
    """The right to send one desk's brief of one date, held until released or expired."""

    r: redis.Redis
    key: str
    token: str
    ttl: float
    lost: threading.Event = field(default_factory=threading.Event)

    def renew(self) -> bool:
        held = bool(self.r.eval(_RENEW_IF_HELD, 1, self.key, self.token, int(self.ttl * 1000)))
        if not held:
            self.lost.set()
        return held

    def release(self) -> None:
        self.r.eval(DEL_IF_HELD, 2, self.key, self.key, self.token)

    @contextlib.contextmanager
    def kept_alive(self) -> Iterator[Claim]:
        """Renew the claim every third of its expiry while the body runs, then release it."""
        stop = threading.Event()

        def beat() -> None:
            while not stop.wait(self.ttl / 3):
                with contextlib.suppress(redis.RedisError):  # the next beat tries again
                    if not self.renew():
                        return

        beater = threading.Thread(target=beat, daemon=True, name=f"claim {self.key}")
        beater.start()
        try:
            yield self
        finally:
            stop.set()
            beater.join()
            with contextlib.suppress(redis.RedisError):  # it expires anyway
                self.release()


def take(r: redis.Redis, key: str, ttl: float) -> Claim | None:
    """Claim key for ttl seconds, or None when another holder has it."""
    mine = token()
    return Claim(r, key, mine, ttl) if r.set(key, mine, nx=True, px=int(ttl * 1000)) else None


class DeskState:
    """The state of one desk's brief of one date: its claim, its ledger entry, its message."""

    def __init__(self, r: redis.Redis, desk: str, day: str) -> None:
        self.r = r
        self.desk = desk
        self.day = day
        base = f"{PREFIX}:{{{desk}}}:{day}"  # one hash slot per desk and day (Redis Cluster)
        self.claim_key = f"{base}:claim"
        self.entry_key = f"{base}:state"
        self.message_key = f"{base}:message"

    def claim(self, ttl: float) -> Claim | None:
        return take(self.r, self.claim_key, ttl)

    def holder(self) -> str | None:
        value = self.r.get(self.claim_key)
        return value.decode() if value is not None else None

    def entry(self) -> dict[str, Any]:
        data = self.r.get(self.entry_key)
        return json.loads(data) if data else {}

    def message(self) -> bytes | None:
        return self.r.get(self.message_key)

    def ledger(self, claim: Claim) -> DeskLedger:
        return DeskLedger(self, claim)

    def put(self, claim: Claim, key: str, value: bytes | str) -> None:
        """Set key while claim is held; LedgerError (nothing sent) once it is lost."""
        if not self.r.eval(_PUT_IF_HELD, 2, claim.key, key, claim.token, value, KEEP):
            claim.lost.set()
            raise LedgerError(f"desk {self.desk}, {self.day}: the claim expired and another "
                              "worker may hold it now; this one sends nothing")

    def drop_message(self, claim: Claim) -> None:
        """The message is no longer needed once its fate is final (it holds the PDF)."""
        self.r.eval(DEL_IF_HELD, 2, claim.key, self.message_key, claim.token)


@dataclass
class DeskLedger:
    """The ledger `deliver()` writes, for one desk: entries in Redis, written under the claim."""

    state: DeskState
    claim: Claim

    def get(self, day: str) -> dict[str, Any]:
        return self.state.entry() if day == self.state.day else {}

    def put(self, day: str, entry: dict[str, Any]) -> None:
        if day != self.state.day:
            raise LedgerError(f"desk {self.state.desk}: a message of {day} in the outbox of "
                              f"{self.state.day}")
        try:
            self.state.put(self.claim, self.state.entry_key,
                           json.dumps({**entry, "at": now(), "by": self.claim.token}))
        except redis.RedisError as e:
            raise LedgerError(f"desk {self.state.desk}, {day}: cannot write its state to "
                              f"Redis: {e}") from None
