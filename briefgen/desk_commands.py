"""What `dispatch`, `worker` and `status` do with a directory of desks."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from .claims import DeskState
from .config import Config
from .desks import Desk, broker_url, connect, find_desks, load_desks, status_of
from .jobs import today

log = logging.getLogger("briefgen")


def dispatch_desks(directory: Path, day: date | None,
                   loaded: list[tuple[Desk, Config]] | None = None) -> bool:
    """Queue each valid desk of directory for day (default: today where the desk is).
    False when some desk was left out (each named in one line)."""
    from .tasks import configure, enqueue

    errors: list[str] = []
    if loaded is None:
        loaded, errors = load_desks(find_desks(directory))
    for line in errors:
        log.error("%s", line)
    url = broker_url([cfg for _, cfg in loaded])
    connect(url)  # one clear line when it is not there, before anything is queued
    configure(url)
    with_dates = [(desk, day or today(cfg)) for desk, cfg in loaded]
    for desk, when in with_dates:
        enqueue(desk.path, when)
    days = sorted({when.isoformat() for _, when in with_dates})
    log.info("queued %d desk%s for %s on %s", len(loaded), "" if len(loaded) == 1 else "s",
             ", ".join(days) or "no date", url)
    return not errors


def run_worker(directory: Path | None, concurrency: int, visibility_timeout: float,
               claim_ttl: float) -> None:
    from .tasks import configure, start_worker

    configs = [cfg for _, cfg in load_desks(find_desks(directory))[0]] if directory else []
    url = broker_url(configs)
    connect(url)
    configure(url, visibility_timeout, claim_ttl)
    log.info("worker on %s, %d at once", url, concurrency)
    start_worker(concurrency)


def desk_status(directory: Path, day: date | None) -> tuple[list[str], int]:
    """One line per desk (pending, sent or failed, with what the state says), then totals;
    and the exit status a monitor reads: 2 when a desk's config is invalid, else 1 when a
    desk's brief failed, else 0 (pending is not a fault: the day may be young)."""
    desks = find_desks(directory)
    loaded, errors = load_desks(desks)
    configs = dict((desk.name, cfg) for desk, cfg in loaded)
    r = connect(broker_url(list(configs.values())))
    width = max(len(d.name) for d in desks)
    lines, counts = [], {"pending": 0, "sent": 0, "failed": 0}
    for desk in desks:
        cfg = configs.get(desk.name)
        when = day or (today(cfg) if cfg else date.today())
        entry = DeskState(r, desk.name, when.isoformat()).entry()
        shown = status_of(entry)
        counts[shown] += 1
        lines.append(f"{desk.name:<{width}}  {when}  {shown:<7}  {_detail(entry)}".rstrip())
    lines += [f"{e}" for e in errors]
    lines.append(", ".join(f"{n} {what}" for what, n in counts.items()) + f" of {len(desks)}")
    return lines, 2 if errors else 1 if counts["failed"] else 0


def _detail(entry: dict) -> str:
    status = entry.get("status")
    if status is None:
        return "(not started)"
    if status == "sent":
        return f"{entry.get('message_id', '')} at {entry.get('at', '?')}"
    reason = entry.get("reason")
    return f"{status}{': ' + reason if reason else ''} (at {entry.get('at', '?')})"
