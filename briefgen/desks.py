"""Many desks: one config per desk in a directory, each desk's brief of a date sent once.

`send_desk` is what a worker does with one (desk, date): take the claim, build
the message (or take the one kept from an earlier try, so a resend carries the
same Message-ID), and hand it to `deliver()`, the single machine's delivery,
with the desk's ledger in Redis. It says when to try again, if ever.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, timezone
from email import policy
from email.parser import BytesParser
from pathlib import Path

import redis

from . import config as config_mod
from .claims import DeskState
from .config import Config
from .deliver import deliver, next_try, require_delivery
from .errors import BriefgenError, ConfigError, InputError
from .fsutil import is_dir
from .ledger import FINAL, LedgerError
from .spool import Spool

log = logging.getLogger("briefgen")
_DESK: ContextVar[str | None] = ContextVar("desk", default=None)


class _DeskPrefix(logging.Filter):
    """A worker's log mixes desks: each line made while one is sent names it first."""

    def filter(self, record: logging.LogRecord) -> bool:
        desk = _DESK.get()
        if desk and not getattr(record, "desk_named", False):
            record.msg, record.desk_named = f"desk {desk}: {record.msg}", True
        return True


log.addFilter(_DeskPrefix())
DEFAULT_BROKER = "redis://127.0.0.1:6379/0"
SHOWN = {"sent": "sent", "failed": "failed", "unconfirmed": "failed", "error": "failed"}
"""What `status` calls each state; any other (none yet, sending, in doubt, deferred) is pending."""


@dataclass(frozen=True)
class Desk:
    name: str
    path: Path


def find_desks(directory: Path) -> list[Desk]:
    """Each DIR/*.yaml is a desk, named after its file."""
    if not is_dir(directory):
        raise InputError(f"{directory}: no such directory of desk configs")
    desks = [Desk(p.stem, p.resolve()) for p in sorted(directory.glob("*.yaml"))]
    if not desks:
        raise InputError(f"{directory}: no desk configs (*.yaml) in it")
    return desks


def load_desks(desks: list[Desk]) -> tuple[list[tuple[Desk, Config]], list[str]]:
    """The desks whose config is valid and has a delivery section, and one error per other."""
    good, errors = [], []
    for desk in desks:
        try:
            cfg = config_mod.load(desk.path)
            require_delivery(cfg)
        except ConfigError as e:
            errors.append(f"desk {desk.name}: {e}".replace("\n", f"\ndesk {desk.name}: "))
            continue
        good.append((desk, cfg))
    return good, errors


def broker_url(configs: Sequence[Config] = ()) -> str:
    """$BRIEFGEN_BROKER_URL, else the configs' `broker` (they must agree), else the default."""
    if os.environ.get("BRIEFGEN_BROKER_URL"):
        return os.environ["BRIEFGEN_BROKER_URL"]
    named = sorted({c.broker for c in configs if c.broker})
    if len(named) > 1:
        raise ConfigError(f"the desks name different brokers ({', '.join(named)}); "
                          "give them one, or set BRIEFGEN_BROKER_URL")
    return named[0] if named else DEFAULT_BROKER


def connect(url: str) -> redis.Redis:
    """A client of the broker's Redis, checked: one line naming the URL when it is not there."""
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=30)
    except ValueError as e:
        raise ConfigError(f"broker {url}: {e}") from None
    try:
        client.ping()
    except redis.RedisError as e:
        raise BriefgenError(f"broker {url}: cannot connect ({e})") from None
    return client


def status_of(entry: dict) -> str:
    return SHOWN.get(entry.get("status", ""), "pending")


def send_desk(r: redis.Redis, config_path: Path, day: date, claim_ttl: float) -> float | None:
    """Send the desk's brief of day unless it went already. Seconds until the task should be
    tried again (the claim is held elsewhere, a deferred or doubtful send), or None: done."""
    reset = _DESK.set(config_path.stem)
    try:
        return _send_desk(r, config_path, day, claim_ttl)
    finally:
        _DESK.reset(reset)


def _send_desk(r: redis.Redis, config_path: Path, day: date, claim_ttl: float) -> float | None:
    desk, key = config_path.stem, day.isoformat()
    state = DeskState(r, desk, key)
    if state.entry().get("status") in FINAL:
        log.info("the brief of %s was %s already; nothing to do", key, state.entry()["status"])
        return None
    claim = state.claim(claim_ttl)
    if claim is None:  # another worker sends it now, or died doing so: look again later
        log.info("the brief of %s is claimed by %s; tried again later", key, state.holder())
        return claim_ttl
    with claim.kept_alive():
        entry = state.entry()
        if entry.get("status") in FINAL:  # settled between the look above and the claim
            return None
        try:
            cfg = config_mod.load(config_path)
            delivery = require_delivery(cfg)
            kept = state.message()
            if kept is None:
                msg = _build(r, cfg, day)
                state.put(claim, state.message_key, msg.as_bytes())  # the outbox, shared
            else:
                msg = BytesParser(policy=policy.SMTP).parsebytes(kept)
            spool = Spool(cfg.resolve(cfg.state_dir) / "desks" / desk)
            path = spool.queue(key, msg)
        except LedgerError as e:  # the claim expired under us: whoever holds it goes on
            log.error("%s", e)
            return claim_ttl
        except BriefgenError as e:  # a bad config or no articles: failed until a new dispatch
            log.error("%s; the brief of %s is not sent", e, key)
            state.ledger(claim).put(key, {**entry, "status": "error", "reason": str(e)})
            return None
        deliver(msg, path, state.ledger(claim), spool, delivery)
        entry = state.entry()
        if entry.get("status") in FINAL:
            state.drop_message(claim)
            return None
        if entry.get("status") == "deferred":
            wait = (next_try(delivery, entry) - datetime.now(timezone.utc)).total_seconds()
            return max(wait, 1.0)
        return 1.0  # in doubt, or the claim was lost: the next try settles it


def _build(r: redis.Redis, cfg: Config, day: date):
    from .jobs import brief_message
    from .pagecache import shared_pages

    with shared_pages(r, day):
        return brief_message(cfg, day)
