"""The `briefgen` command: thin wiring of config, pipeline and renderers.

Errors a user can cause come here as BriefgenError and leave as one line on
stderr and a non-zero exit; set BRIEFGEN_DEBUG=1 to see tracebacks.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from datetime import date
from importlib import resources
from pathlib import Path

import click

from . import config as config_mod
from . import discover
from .cli_common import CONFIG_HELP, parse_date, parse_formats, show_progress, verbosity
from .config_base import parse_duration
from .errors import BriefgenError, ConfigError, InputError
from .model import Brief
from .render import PACKAGED_TEMPLATES, pdf_renderer, write_brief


def _error(message: str) -> None:
    for line in message.splitlines():
        click.echo(f"briefgen: error: {line}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefgen")
def cli() -> None:
    """Turn a pile of news articles into a sourced daily brief (HTML, PDF, JSON, Markdown)."""


@cli.command()
@click.option("--config", "config_path", help=CONFIG_HELP)
@click.option("--input", "inputs", multiple=True, metavar="PATH",
              help="Article file, directory or glob; repeatable. Replaces the config's sources.")
@click.option("--out", "out_dir", default="out", show_default=True, help="Output directory.")
@click.option("--format", "formats", metavar="LIST",
              help="Comma-separated formats (html,pdf,json,md); default: the config's.")
@click.option("--date", "brief_date", metavar="YYYY-MM-DD",
              help="The brief's date; default: the newest article's date.")
@verbosity
def build(config_path: str | None, inputs: tuple[str, ...], out_dir: str, formats: str | None,
          brief_date: str | None, quiet: bool, verbose: bool) -> None:
    """Build the brief and write brief-<date>.<format> files."""
    from .pipeline import build_brief

    cfg, config_path = discover.load(config_path)
    if not inputs and discover.is_packaged(config_path):
        raise InputError(f"no input: give --input PATH (no config in {discover.looked_at()}, "
                         "so the packaged default is used; `briefgen init DIR` writes a config "
                         "with sources of its own)")
    chosen = parse_formats(formats) or cfg.formats
    day = parse_date(brief_date)
    user_templates = cfg.resolve(cfg.templates) if cfg.templates else None
    if user_templates and not user_templates.is_dir():
        raise ConfigError(f"{config_path}: templates: no such directory {user_templates}")
    # WeasyPrint loads in a child while the brief is built (before any spinner's thread)
    with pdf_renderer(user_templates, worth_it="pdf" in chosen) as pdf, \
            show_progress(quiet, verbose) as progress:
        brief = build_brief(cfg, inputs or None, day, progress)
        if progress:
            progress(f"rendering {', '.join(chosen)}")
        paths = write_brief(brief, Path(out_dir), chosen, user_templates, pdf)
        _archive(cfg, brief, user_templates, progress)
    for warning in brief.warnings:
        click.echo(f"briefgen: warning: {warning}", err=True)
    if not quiet:
        words = brief.word_count
        click.echo(f"Brief of {len(brief.sources)} articles, {words} words: "
                   + ", ".join(str(p) for p in paths))


@cli.command()
@click.option("--config", "config_path", help=CONFIG_HELP)
@verbosity
def check(config_path: str | None, quiet: bool, verbose: bool) -> None:
    """Validate a config and say what `build` would do with it (-q: only problems)."""
    from .ingest import expand_inputs

    if verbose and not os.environ.get(discover.ENV_VAR) and not config_path:
        click.echo(f"looking for a config in {discover.looked_at()}", err=True)
    cfg, config_path = discover.load(config_path)
    if quiet:
        return
    packaged = " (the packaged default)" if discover.is_packaged(config_path) else ""
    click.echo(f"{config_path}: OK{packaged}")
    click.echo(f"title: {cfg.title}")
    specs = [str(cfg.resolve(s.path)) for s in cfg.sources if s.path]
    files, warnings = expand_inputs(specs) if specs else ([], [])
    click.echo(f"files: {', '.join(specs) or '(none)'} -> {len(files)} files")
    for w in warnings:
        click.echo(f"  warning: {w}")
    for s in cfg.sources:
        if not s.path:
            window = f", last {s.since}" if s.since else ""
            click.echo(f"{'feed' if s.feed else 'page'}: {s.feed or s.url}{window}"
                       + (", new items only" if s.new_only else ""))
    click.echo(f"formats: {', '.join(cfg.formats)}")
    click.echo(f"summary: up to {cfg.summary.max_items} sentences, {cfg.summary.max_words} words")
    for s in cfg.sections:
        click.echo(f"section {s.id} ({s.title!r}): up to {s.max_items} items, "
                   f"{s.max_words} words, {s.quotes} quotes, ranker {s.ranker}")
    if cfg.templates:
        click.echo(f"templates: {cfg.resolve(cfg.templates)} (then the packaged ones)")
    if cfg.delivery:
        email = cfg.delivery.email
        click.echo(f"email: from {email.sender} to {', '.join(email.to)} via "
                   f"{cfg.delivery.smtp.host}:{cfg.delivery.smtp.port} "
                   f"({cfg.delivery.smtp.security}); daily at '{cfg.schedule.cron}' "
                   f"{cfg.schedule.timezone}")


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
@verbosity
def init(directory: Path, force: bool, quiet: bool, verbose: bool) -> None:
    """Write a starter config into DIRECTORY, with an empty templates folder for overrides."""
    starter = resources.files("briefgen").joinpath("data/brief.yaml").read_text("utf-8")
    starter = starter.replace(discover.PACKAGED_SOURCES, discover.STARTER_SOURCES)
    starter = starter.replace("formats: [html, pdf, json, md]",
                              "formats: [html, pdf, json, md]\n\ntemplates: templates\n"
                              "state_dir: .briefgen   # keeps past editions in briefs/")
    config_file = directory / "brief.yaml"
    if config_file.exists() and not force:
        raise BriefgenError(f"{config_file}: already exists (use --force to overwrite)")
    # No copies of the packaged templates: a copy would hide their later fixes.
    for folder in ("articles", "templates"):
        (directory / folder).mkdir(parents=True, exist_ok=True)
    from .fsutil import atomic_write

    atomic_write(config_file, starter)
    if quiet:
        return
    click.echo(
        f"Wrote {config_file}. Put articles in {directory / 'articles'}/ and run:\n"
        f"  briefgen build --config {config_file}\n"
        f"To restyle, put files in {directory / 'templates'}/: a brief.css replaces the style;"
        f" a brief.html.j2 that starts with\n"
        f'  {{% extends "default:brief.html.j2" %}}\n'
        f"replaces only the blocks it defines (header, summary, section, item, quote,"
        f" sources, footer). The packaged templates are in {PACKAGED_TEMPLATES}.")


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


def _arm_deadline(cfg: config_mod.Config, what: str) -> None:
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


def _archive(cfg: config_mod.Config, brief: Brief, user_templates: Path | None,
             progress: Callable[[str], None] | None) -> None:
    from .archive import archive_root, save

    root = archive_root(cfg)
    if root:
        if progress:
            progress("archiving")
        save(root, brief, user_templates)


@cli.command()
@click.option("--config", "config_path", help=CONFIG_HELP)
@verbosity
def history(config_path: str | None, quiet: bool, verbose: bool) -> None:
    """List the archived editions (state_dir/briefs/), oldest first."""
    from .archive import edition_path, editions, load, require_root

    cfg, config_path = discover.load(config_path)
    root = require_root(cfg, config_path)
    days = editions(root)
    if not days and not quiet:
        click.echo(f"No archived brief in {root} yet.")
    for day in days:
        try:
            data = load(root, day)
            items = [*data["summary"], *(x for s in data["sections"] for x in s["items"])]
        except (BriefgenError, KeyError, TypeError) as e:
            click.echo(f"{day}  unreadable: {e}")
            continue
        new = sum(x.get("status") == "new" for x in items)
        click.echo(f"{day}  {len(data['sources'])} articles, {len(items)} items ({new} new), "
                   f"{data.get('word_count', 0)} words  {edition_path(root, day, 'html')}")


@cli.command()
@click.argument("date1", metavar="DATE1")
@click.argument("date2", metavar="DATE2")
@click.option("--config", "config_path", help=CONFIG_HELP)
@verbosity
def diff(date1: str, date2: str, config_path: str | None, quiet: bool, verbose: bool) -> None:
    """What the archived brief of DATE2 adds to, and drops from, the brief of DATE1."""
    from .archive import load, require_root
    from .editiondiff import diff as diff_editions

    cfg, config_path = discover.load(config_path)
    root = require_root(cfg, config_path)
    old = load(root, parse_date(date1, "DATE1") or date.min)
    new = load(root, parse_date(date2, "DATE2") or date.min)
    added, dropped = diff_editions(old, new)
    if not quiet:
        click.echo(f"{date1} -> {date2}: {len(added)} added, {len(dropped)} dropped")
    for sign, lines in (("+", added), ("-", dropped)):
        for line in lines:
            click.echo(f"{sign} [{line.where}] {line.text}")


@cli.command()
@click.option("--config", "config_path", help=CONFIG_HELP)
@click.option("--input", "inputs", multiple=True, metavar="PATH",
              help="Article file, directory or glob; repeatable. Replaces the config's sources.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="Port on 127.0.0.1.")
@verbosity
def serve(config_path: str | None, inputs: tuple[str, ...], port: int, quiet: bool,
          verbose: bool) -> None:
    """Preview the brief in a browser; it rebuilds and reloads when a file changes."""
    from .serve import serve as serve_preview  # starlette, uvicorn: only for this command

    serve_preview(config_path, inputs, port)


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
