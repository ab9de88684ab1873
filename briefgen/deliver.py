"""Email the brief: compose the message, and deliver it once (at most twice), never losing it.

The daily job (`run_daily`) is idempotent. The message is written to the
outbox first; a "sending" record goes to the ledger before DATA; only a 2xx
reply to the message marks it sent. A run that ends without that reply (a
timeout, a broken connection, a kill) leaves the message in doubt: it is sent
once more with the same Message-ID (or never, by config), so a brief reaches
each recipient at most twice and is never dropped without a trace.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid, parseaddr
from pathlib import Path
from typing import Any

from .config import Config
from .config_base import parse_duration
from .config_delivery import DeliveryConfig
from .errors import ConfigError
from .ledger import FINAL, Entries, Ledger, LedgerError
from .model import Brief
from .spool import NotABrief, Spool, StateError, read_message
from .transmit import Accepted, InDoubt, NotSent, one_line, transmit

log = logging.getLogger("briefgen")
MAX_BACKOFF = timedelta(days=1)


def compose(brief: Brief, delivery: DeliveryConfig, html: str, text: str,
            pdf: bytes) -> EmailMessage:
    email = delivery.email
    msg = EmailMessage(policy=policy.SMTP)
    msg["Subject"] = one_line(email.subject.format(title=brief.title, date=brief.date.isoformat()))
    msg["From"] = email.sender
    msg["To"] = ", ".join(email.to)
    if email.cc:
        msg["Cc"] = ", ".join(email.cc)
    msg["Date"] = format_datetime(datetime.now(timezone.utc))
    domain = parseaddr(email.sender)[1].rpartition("@")[2] or None
    msg["Message-ID"] = make_msgid("brief." + brief.date.isoformat(), domain=domain)
    msg["X-Briefgen-Date"] = brief.date.isoformat()
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    msg.add_attachment(pdf, maintype="application", subtype="pdf",
                       filename=f"brief-{brief.date.isoformat()}.pdf")
    return msg


def recipients(delivery: DeliveryConfig) -> list[str]:
    email = delivery.email
    return [addr for _, addr in getaddresses([*email.to, *email.cc, *email.bcc])]


Build = Callable[[date], EmailMessage]


def run_daily(config: Config, day: date, build: Build) -> bool:
    """The scheduled job's one shot: the outbox first, then the day's brief unless the ledger
    has it. True when everything went through; each problem is logged as one line."""
    delivery = require_delivery(config)
    spool = Spool(config.resolve(config.state_dir))
    with spool.lock(parse_duration(config.schedule.lock_wait).total_seconds()):
        ledger = Ledger(spool.ledger_path)
        ok, queued, stuck = True, set(), set()
        for path in spool.queued():  # what an earlier run could not send goes first
            try:
                msg = read_message(path)
            except NotABrief as e:
                if not _move_aside(spool, path, "quarantine",
                                   f"not a brief message ({e}), never sent"):
                    stuck.add(path)
                ok = False
                continue
            queued.add(str(msg["X-Briefgen-Date"]).strip())
            ok = deliver(msg, path, ledger, spool, delivery) and ok
        key = day.isoformat()
        entry = ledger.get(key)
        if entry or key in queued:  # built already: never a second message for one day
            if entry.get("status") == "sent":
                log.info("the brief of %s was already sent; nothing to do", key)
            return ok
        if spool.message_path(key) in stuck:  # queuing the brief would write over it
            log.error("%s: the brief of %s is not built while this file holds its place",
                      spool.message_path(key), key)
            return False
        msg = build(day)
        path = spool.queue(key, msg)  # kept until the server has it
        return deliver(msg, path, ledger, spool, delivery) and ok


def send_now(config: Config, day: date, msg: EmailMessage) -> bool:
    """`briefgen send`: deliver this new message for day, whatever the ledger says of day."""
    delivery = require_delivery(config)
    spool = Spool(config.resolve(config.state_dir))
    with spool.lock(parse_duration(config.schedule.lock_wait).total_seconds()):
        ledger = Ledger(spool.ledger_path)
        path = spool.queue(day.isoformat(), msg)
        return deliver(msg, path, ledger, spool, delivery, fresh=True)


def deliver(msg: EmailMessage, path: Path, ledger: Entries, spool: Spool,
            delivery: DeliveryConfig, fresh: bool = False) -> bool:
    """Send one queued message as its ledger entry allows (a `fresh` one: as if it had none);
    True when nothing went wrong."""
    key = str(msg["X-Briefgen-Date"]).strip()
    entry = {} if fresh else ledger.get(key)
    status = entry.get("status")
    if status in FINAL:
        if entry.get("file") != str(path):  # else failed/ could not take it: it stays
            path.unlink(missing_ok=True)  # a run ended between the record and the clean-up
        return True
    if status == "sending":  # the run that wrote it ended (killed?) without an answer to DATA
        entry["doubts"] = entry.get("doubts", 0) + 1
        status = "in_doubt"
    if status == "in_doubt" and entry.get("doubts", 0) > _resends(delivery):
        return _give_up(key, entry, path, ledger, spool,
                        "a run that sent it ended without an answer")
    if status == "deferred":  # the wait counts from the failure, as the config says now
        due = next_try(delivery, entry)
        if due > _now():
            log.info("the brief of %s waits in the outbox until %s", key, _stamp(due))
            return True
    to = recipients(delivery)
    entry.update(message_id=str(msg["Message-ID"]).strip(), recipients=to,
                 attempts=entry.get("attempts", 0) + 1, doubts=entry.get("doubts", 0))
    try:
        accepted = transmit(msg, delivery.smtp, to,
                            before_data=lambda: ledger.put(key, {**entry, "status": "sending"}))
    except LedgerError as e:
        log.error("%s; the brief of %s was not sent", e, key)
        return False
    except InDoubt as e:
        entry["doubts"] += 1
        if entry["doubts"] > _resends(delivery):
            return _give_up(key, entry, path, ledger, spool, str(e))
        log.error("%s; the brief of %s is in doubt: the next run sends it once more, with the "
                  "same Message-ID", e, key)
        _record(ledger, key, {**entry, "status": "in_doubt"})
        return False
    except NotSent as e:
        if e.permanent:
            moved = _move_aside(spool, path, "failed", f"{e}; the brief of {key} is not sent "
                                "and not tried again") or path
            _record(ledger, key, {**entry, "status": "failed", "reason": str(e),
                                  "file": str(moved)})
            return False
        retry = _now() + _backoff(delivery, entry["attempts"])
        log.error("%s; the brief of %s stays in the outbox; next try after %s",
                  e, key, _stamp(retry))
        _record(ledger, key, {**entry, "status": "deferred", "reason": str(e)})
        return False
    return _sent(key, entry, accepted, path, ledger)


def _sent(key: str, entry: dict[str, Any], accepted: Accepted, path: Path,
          ledger: Entries) -> bool:
    got = [a for a in entry["recipients"] if a not in accepted.refused]
    recorded = _record(ledger, key, {**entry, "status": "sent", "recipients": got,
                                     "refused": accepted.refused})
    if not recorded:
        log.error("the brief of %s was sent, but not recorded: the next run sends it once "
                  "more, with the same Message-ID", key)
        return False
    path.unlink(missing_ok=True)
    log.info("sent the brief of %s to %s", key, ", ".join(got))
    for address, reply in accepted.refused.items():
        log.error("the brief of %s was not sent to %s: refused by the server (%s)",
                  key, address, reply)
    return not accepted.refused


def _give_up(key: str, entry: dict[str, Any], path: Path, ledger: Entries, spool: Spool,
             why: str) -> bool:
    """In doubt once too often: never send again (it may have arrived), keep it in failed/."""
    moved = _move_aside(spool, path, "failed", f"{why}; the brief of {key} may have arrived "
                        "and is not sent again") or path
    _record(ledger, key, {**entry, "status": "unconfirmed", "reason": why, "file": str(moved)})
    return False


def _move_aside(spool: Spool, path: Path, folder: str, what: str) -> Path | None:
    """Move a message never to be sent (again) out of the outbox into `folder` (failed/,
    quarantine/), and log `what` with where it went. Where the folder cannot take it (a file
    in its place, a full disk) it stays in the outbox, kept, and the run goes on: None. The
    ledger, or its not being a brief, keeps it from being sent."""
    try:
        moved = spool.move(path, folder)
    except StateError as e:
        log.error("%s; %s: it stays in the outbox", e, what)
        return None
    log.error("%s: moved to %s", what, moved)
    return moved


def _record(ledger: Entries, key: str, entry: dict[str, Any]) -> bool:
    try:
        ledger.put(key, entry)
    except LedgerError as e:
        log.error("%s", e)
        return False
    return True


def next_try(delivery: DeliveryConfig, entry: dict[str, Any]) -> datetime:
    """When a deferred message is due again: its failure's time plus the backoff. A time
    later than now (a clock set back, a hand edit) counts as now, not as a wait past it."""
    failed = min(_parse_stamp(entry.get("at")), _now())
    return failed + _backoff(delivery, entry.get("attempts", 1))


def _resends(delivery: DeliveryConfig) -> int:
    """How many times a message in doubt is sent again."""
    return 1 if delivery.resend_in_doubt == "once" else 0


def _backoff(delivery: DeliveryConfig, attempts: int) -> timedelta:
    first = parse_duration(delivery.retry_after)
    return min(first * 2 ** min(max(attempts - 1, 0), 16), MAX_BACKOFF)  # 2**16: past a day


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def _stamp(when: datetime) -> str:
    return when.isoformat()


def _parse_stamp(text: object) -> datetime:
    """A time the ledger recorded; a missing or odd one counts as long ago (no wait)."""
    try:
        when = datetime.fromisoformat(str(text))
    except ValueError:
        return datetime.min.replace(tzinfo=timezone.utc)
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def require_delivery(config: Config) -> DeliveryConfig:
    if config.delivery is None:
        raise ConfigError("no `delivery:` section in the config; see README (Daily delivery)")
    return config.delivery
