"""What every command shares: the --config help, -q/-v and the one-line log they set up,
the progress shown on a terminal, and reading --format and --date."""

from __future__ import annotations

import functools
import logging
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from .config import FORMATS
from .errors import ConfigError

FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9998, 12, 31)  # ten years' windows fit
CONFIG_HELP = ("The brief's YAML config; default: $BRIEFGEN_CONFIG, ./brief.yaml, "
               "./config/brief.yaml, the user config dir, then the packaged default.")


def verbosity(command: Callable) -> Callable:
    """-q/--quiet and -v/--verbose, which every command takes; the log is set up by them
    before the command runs."""
    @functools.wraps(command)
    def logged(*args: Any, quiet: bool, verbose: bool, **kwargs: Any) -> Any:
        _setup_logging(quiet, verbose)
        return command(*args, quiet=quiet, verbose=verbose, **kwargs)

    logged = click.option("--verbose", "-v", is_flag=True,
                          help="Each stage as a line with its time, and debug lines.")(logged)
    return click.option("--quiet", "-q", is_flag=True, help="Only warnings and errors.")(logged)


def _setup_logging(quiet: bool, verbose: bool = False) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_LineFormatter())
    logger = logging.getLogger("briefgen")
    logger.handlers[:] = [handler]
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose: choose one")
    logger.setLevel(logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO)
    logger.propagate = False


class _LineFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        level = "" if record.levelno == logging.INFO else f"{record.levelname.lower()}: "
        stamp = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
        return f"briefgen: {stamp} {level}{record.getMessage()}"


@contextmanager
def show_progress(quiet: bool, verbose: bool = False) -> Iterator[Callable[[str], None] | None]:
    """A spinner naming the current stage, on a terminal only (cron and pipes stay quiet);
    with --verbose, each stage as a line with the seconds since the start."""
    if verbose:
        start = time.perf_counter()
        yield lambda msg: click.echo(f"briefgen: {time.perf_counter() - start:7.2f} s  {msg}",
                                     err=True)
        return
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console

    with Console(stderr=True).status("starting…") as status:
        yield lambda msg: status.update(f"{msg}…")


def path_given(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """A click callback: an empty path (`--out "$DIR"` with DIR unset) is refused, not
    taken for the current directory."""
    if "" in (value if isinstance(value, tuple) else (value,)):
        name = param.opts[0] if param.opts[0].startswith("-") else param.human_readable_name
        raise ConfigError(f"{name}: empty path; write . for the current directory")
    return value


def path_given_as_path(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """path_given, then the path as a Path (None stays None)."""
    value = path_given(ctx, param, value)
    return None if value is None else Path(value)


def parse_formats(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    formats = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise ConfigError(f"--format: expected a comma-separated list of "
                          f"{', '.join(FORMATS)}; got {value!r}")
    return formats


def parse_date(value: str | None, name: str = "--date", any_day: bool = False) -> date | None:
    """A day the user gave; one to build for is within FIRST_DAY and LAST_DAY, one to
    look up (`any_day`) may be any."""
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        # 2023-02-30 has the shape of a day; say it is none, not that the shape is wrong
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            raise ConfigError(f"{name}: {value}: no such day") from None
        raise ConfigError(f"{name}: expected YYYY-MM-DD; got {value!r}") from None
    if not any_day and not FIRST_DAY <= day <= LAST_DAY:  # windows and schedules count days from it
        raise ConfigError(f"{name}: expected a date from {FIRST_DAY} to {LAST_DAY}; "
                          f"got {value!r}")
    return day
