"""The delivery jobs: build today's brief as an email, and run the daily job on a schedule."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from zoneinfo import ZoneInfo

from .archive import archive_root, save
from .config import Config
from .deliver import compose, require_delivery, run_daily
from .errors import BriefgenError

log = logging.getLogger("briefgen")


def brief_message(config: Config, day: date | None,
                  progress: Callable[[str], None] | None = None) -> EmailMessage:
    """Build the brief and wrap it as an email: HTML body, text alternative, PDF attached."""
    from .pipeline import build_brief  # here: a run with nothing new to build stays quick
    from .render import render_email, render_pdf, render_text

    delivery = require_delivery(config)
    brief = build_brief(config, None, day, progress)
    for warning in brief.warnings:
        log.warning(warning)
    stale = stale_warning(config, brief.date, [s.date for s in brief.sources if s.date])
    if stale:
        log.warning(stale)
    user_dir = config.resolve(config.templates) if config.templates else None
    html = render_text(brief, "html", user_dir)
    root = archive_root(config)
    if root:
        save(root, brief, user_dir)
    # The mail shows what the PDF shows: the same page, its style inlined.
    return compose(brief, delivery, render_email(html), render_text(brief, "txt", user_dir),
                   render_pdf(html, user_dir))


def schedule_trigger(config: Config):  # an apscheduler CronTrigger, imported only here
    """The schedule's cron times in its time zone."""
    from apscheduler.triggers.cron import CronTrigger

    return CronTrigger.from_crontab(config.schedule.cron,
                                    timezone=ZoneInfo(config.schedule.timezone))


def schedule_window(config: Config) -> timedelta:
    """The time between two runs of the schedule (a day for "0 7 * * *")."""
    trigger = schedule_trigger(config)
    first = trigger.get_next_fire_time(None, datetime.now(ZoneInfo(config.schedule.timezone)))
    second = trigger.get_next_fire_time(first, first + timedelta(seconds=1))
    return second - first if first and second else timedelta(days=1)


def stale_warning(config: Config, day: date, dates: list[date]) -> str | None:
    """A daily brief made only of old news is worth a warning: the sources may be stuck."""
    window = max(schedule_window(config), timedelta(days=1))
    if dates and max(dates) < day - window:
        return (f"the newest article is from {max(dates)}, older than the schedule's "
                f"window ({window.days} day{'s' if window.days != 1 else ''}) before {day}: "
                "are the sources still updated?")
    return None


def today(config: Config) -> date:
    """The date of the daily brief: today where the desk is (the schedule's time zone)."""
    return datetime.now(ZoneInfo(config.schedule.timezone)).date()


def run_once(config: Config, day: date | None = None) -> bool:
    """True when everything went through; each problem was logged as one line."""
    return run_daily(config, day or today(config), lambda d: brief_message(config, d))


def schedule_forever(config: Config) -> None:
    """Run the daily job at the config's cron times until interrupted."""
    from apscheduler.schedulers.blocking import BlockingScheduler

    def job() -> None:
        try:
            run_once(config)
        except BriefgenError as e:  # the next run retries; the scheduler keeps going
            log.error("%s", e)
        except Exception as e:  # a bug of ours must not stop tomorrow's brief either
            log.error("internal error: %s: %s", type(e).__name__, e)

    zone = ZoneInfo(config.schedule.timezone)
    scheduler = BlockingScheduler(timezone=zone)
    scheduler.add_job(job, schedule_trigger(config),
                      id="daily-brief", coalesce=True, max_instances=1,
                      misfire_grace_time=3600)
    log.info("scheduled: %s (%s); next run at %s", config.schedule.cron,
             config.schedule.timezone,
             scheduler.get_job("daily-brief").trigger.get_next_fire_time(None, datetime.now(zone)))
    scheduler.start()
