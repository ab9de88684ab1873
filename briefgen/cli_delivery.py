"""The commands that send the brief: send (now), run (the daily job, once) and schedule
(the daily job at its times); for many desks, dispatch, worker and status."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from . import discover
from .cli_common import (
    CONFIG_HELP,
    parse_date,
    path_given,
    path_given_as_path,
    show_progress,
    verbosity,
)
from .config import Config
from .config_base import parse_duration


@click.command()
@click.option("--config", "config_path", help=CONFIG_HELP)
@click.option("--date", "brief_date", metavar="YYYY-MM-DD",
              help="The brief's date; default: today in the schedule's time zone.")
@click.option("--dry-run", is_flag=True, help="Write the message to OUT/brief-<date>.eml instead.")
@click.option("--out", "out_dir", default="out", show_default=True, callback=path_given,
              help="Where --dry-run writes the .eml file.")
@verbosity
def send(config_path: str | None, brief_date: str | None, dry_run: bool, out_dir: str,
         quiet: bool, verbose: bool) -> None:
    """Build the brief and email it now (recorded in the ledger, so `run` will not resend)."""
    from .deliver import require_delivery, send_now
    from .fsutil import atomic_write
    from .jobs import brief_message, today

    cfg, config_path = discover.load(config_path)
    require_delivery(cfg)
    _arm_deadline(cfg, "briefgen send")
    day = parse_date(brief_date) or today(cfg)
    with show_progress(quiet, verbose) as progress:
        msg = brief_message(cfg, day, progress)
    if dry_run:
        path = Path(out_dir) / f"brief-{day.isoformat()}.eml"
        atomic_write(path, msg.as_bytes())
        logging.getLogger("briefgen").info("wrote %s (not sent)", path)
        return
    if not send_now(cfg, day, msg):
        sys.exit(1)


def _arm_deadline(cfg: Config, what: str) -> None:
    from .deadline import arm

    arm(parse_duration(cfg.schedule.deadline).total_seconds(), what)


@click.command()
@click.option("--config", "config_path", help=CONFIG_HELP)
@click.option("--date", "brief_date", metavar="YYYY-MM-DD",
              help="The brief's date; default: today in the schedule's time zone.")
@verbosity
def run(config_path: str | None, brief_date: str | None, quiet: bool, verbose: bool) -> None:
    """The daily job, once: send what waits in the outbox, then today's brief unless sent."""
    from .jobs import run_once

    cfg, config_path = discover.load(config_path)
    _arm_deadline(cfg, "briefgen run")
    if not run_once(cfg, parse_date(brief_date)):
        sys.exit(1)  # each problem was logged as one line


@click.command()
@click.option("--config", "config_path", help=CONFIG_HELP)
@click.option("--desks", "desks_dir", type=click.Path(), callback=path_given_as_path,
              help="Dispatch the desks of DIR (*.yaml) at their cron times instead.")
@verbosity
def schedule(config_path: str | None, desks_dir: Path | None, quiet: bool,
             verbose: bool) -> None:
    """Stay in the foreground and run the daily job at the config's `schedule` times."""
    from .jobs import schedule_forever

    if desks_dir is not None:
        from .desk_schedule import schedule_desks

        schedule_desks(desks_dir)
        return
    cfg, config_path = discover.load(config_path)
    from .deliver import require_delivery

    require_delivery(cfg)
    schedule_forever(cfg)


desks_option = click.option("--desks", "desks_dir", required=True, type=click.Path(),
                            callback=path_given_as_path,
                            help="Directory of desk configs: each DIR/*.yaml is one desk.")
desk_date_option = click.option("--date", "brief_date", metavar="YYYY-MM-DD",
                                help="The briefs' date; default: today in each desk's time zone.")


@click.command()
@desks_option
@desk_date_option
@verbosity
def dispatch(desks_dir: Path, brief_date: str | None, quiet: bool, verbose: bool) -> None:
    """Queue one task per desk for `briefgen worker` (sent once each, whoever runs it)."""
    from .desk_commands import dispatch_desks

    if not dispatch_desks(desks_dir, parse_date(brief_date)):
        sys.exit(2)  # each bad desk was named in one line; the others are queued


@click.command()
@click.option("--concurrency", "-c", default=2, show_default=True,
              type=click.IntRange(1, 256), help="Desks built at once (worker processes).")
@click.option("--desks", "desks_dir", type=click.Path(), callback=path_given_as_path,
              help="Without $BRIEFGEN_BROKER_URL, the broker named by these desk configs "
                   "(default: redis://127.0.0.1:6379/0).")
@click.option("--visibility-timeout", default=3600.0, show_default=True,
              type=click.FloatRange(1), help="Seconds before a dead worker's task goes to "
                                             "another worker.")
@click.option("--claim-ttl", default=60.0, show_default=True, type=click.FloatRange(0.5),
              help="Seconds a dead worker's claim on a desk outlives it.")
@verbosity
def worker(concurrency: int, desks_dir: Path | None, visibility_timeout: float,
           claim_ttl: float, quiet: bool, verbose: bool) -> None:
    """Run a Celery worker that builds and sends the desks' briefs."""
    from .desk_commands import run_worker

    run_worker(desks_dir, concurrency, visibility_timeout, claim_ttl)


@click.command()
@desks_option
@desk_date_option
@verbosity
def status(desks_dir: Path, brief_date: str | None, quiet: bool, verbose: bool) -> None:
    """Show each desk's brief of the date as pending, sent or failed; exit 1 when one
    failed, 2 when a desk's config is invalid."""
    from .desk_commands import desk_status

    lines, code = desk_status(desks_dir, parse_date(brief_date))
    for line in lines:
        click.echo(line)
    sys.exit(code)
