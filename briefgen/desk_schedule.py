"""`briefgen schedule --desks DIR`: one scheduler dispatches the desks at their cron times.

Desks sharing a cron expression and time zone are dispatched together. The
directory is read again at each time, so a desk added or changed since the
start is dispatched as it now stands (a desk with a new cron time waits for a
restart). Dispatching twice is harmless: a desk's brief of a date goes once.
"""

from __future__ import annotations

import logging
from pathlib import Path
from zoneinfo import ZoneInfo

from .desk_commands import dispatch_desks
from .desks import broker_url, connect, find_desks, load_desks
from .errors import BriefgenError, InputError

log = logging.getLogger("briefgen")


def dispatch_due(directory: Path, cron: str, zone: str) -> None:
    """Queue today's brief of each desk of directory whose schedule is (cron, zone)."""
    loaded, errors = load_desks(find_desks(directory))
    for line in errors:
        log.error("%s", line)
    due = [(desk, cfg) for desk, cfg in loaded
           if (cfg.schedule.cron, cfg.schedule.timezone) == (cron, zone)]
    if due:
        dispatch_desks(directory, None, loaded=due)


def schedule_desks(directory: Path) -> None:
    from apscheduler.schedulers.blocking import BlockingScheduler
    from apscheduler.triggers.cron import CronTrigger

    loaded, errors = load_desks(find_desks(directory))
    for line in errors:
        log.error("%s", line)
    if not loaded:
        raise InputError(f"{directory}: no desk with a valid config to schedule")
    connect(broker_url([cfg for _, cfg in loaded]))  # unreachable: say so now, not at 07:00

    def job(cron: str, zone: str) -> None:
        try:
            dispatch_due(directory, cron, zone)
        except BriefgenError as e:  # the next time tries again; the scheduler keeps going
            log.error("%s", e)
        except Exception as e:  # a bug of ours must not stop tomorrow's briefs either
            log.error("internal error: %s: %s", type(e).__name__, e)

    scheduler = BlockingScheduler()
    for cron, zone in sorted({(c.schedule.cron, c.schedule.timezone) for _, c in loaded}):
        trigger = CronTrigger.from_crontab(cron, timezone=ZoneInfo(zone))
        scheduler.add_job(job, trigger, args=(cron, zone), id=f"desks {cron} {zone}",
                          coalesce=True, max_instances=1, misfire_grace_time=3600)
        count = sum((c.schedule.cron, c.schedule.timezone) == (cron, zone) for _, c in loaded)
        log.info("scheduled %d desk%s: %s (%s)", count, "" if count == 1 else "s", cron, zone)
    scheduler.start()
