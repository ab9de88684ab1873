"""The `briefgen` command: thin wiring of config, pipeline and renderers.

Errors a user can cause come here as BriefgenError and leave as one line on
stderr and a non-zero exit; set BRIEFGEN_DEBUG=1 to see tracebacks.

The commands that make and show a brief are in cli_build, and what every command shares
(-q/-v, progress, --format and --date) in cli_common.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import click

from . import discover
from .cli_build import build, check, diff, history, init, serve
from .cli_common import CONFIG_HELP, parse_date, show_progress, verbosity
from .config import Config
from .config_base import parse_duration
from .errors import BriefgenError


def _error(message: str) -> None:
    for line in message.splitlines():
        click.echo(f"briefgen: error: {line}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefgen")
def cli() -> None:
    """Turn a pile of news articles into a sourced daily brief (HTML, PDF, JSON, Markdown)."""


for command in (build, check, init):
    cli.add_command(command)


@cli.command()
@click.option("--config", "config_path", help=CONFIG_HELP)
@click.option("--date", "brief_date", metavar="YYYY-MM-DD",
              help="The brief's date; default: today in the schedule's time zone.")
@click.option("--dry-run", is_flag=True, help="Write the message to OUT/brief-<date>.eml instead.")
@click.option("--out", "out_dir", default="out", show_default=True,
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


@cli.command()
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


@cli.command()
@click.option("--config", "config_path", help=CONFIG_HELP)
@click.option("--desks", "desks_dir", type=click.Path(path_type=Path),
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


for command in (history, diff, serve):
    cli.add_command(command)


desks_option = click.option("--desks", "desks_dir", required=True,
                            type=click.Path(path_type=Path),
                            help="Directory of desk configs: each DIR/*.yaml is one desk.")
desk_date_option = click.option("--date", "brief_date", metavar="YYYY-MM-DD",
                                help="The briefs' date; default: today in each desk's time zone.")


@cli.command()
@desks_option
@desk_date_option
@verbosity
def dispatch(desks_dir: Path, brief_date: str | None, quiet: bool, verbose: bool) -> None:
    """Queue one task per desk for `briefgen worker` (sent once each, whoever runs it)."""
    from .desk_commands import dispatch_desks

    if not dispatch_desks(desks_dir, parse_date(brief_date)):
        sys.exit(2)  # each bad desk was named in one line; the others are queued


@cli.command()
@click.option("--concurrency", "-c", default=2, show_default=True,
              type=click.IntRange(1, 256), help="Desks built at once (worker processes).")
@click.option("--desks", "desks_dir", type=click.Path(path_type=Path),
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


@cli.command()
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


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("briefgen: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except BriefgenError as e:
        _error(str(e))
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        click.echo("briefgen: interrupted", err=True)
        sys.exit(130)
    except Exception as e:  # a bug of ours: say so in one line unless debugging
        if os.environ.get("BRIEFGEN_DEBUG"):
            raise
        _error(f"internal error: {type(e).__name__}: {e} (set BRIEFGEN_DEBUG=1 for details)")
        sys.exit(70)


if __name__ == "__main__":
    main()
