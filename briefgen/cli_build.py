"""The commands that make a brief or show one: build, check (what build would do), init
(a starter config), history and diff (the archived editions), serve (a live preview)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from importlib import resources
from pathlib import Path

import click

from . import discover
from .cli_common import CONFIG_HELP, parse_date, parse_formats, path_given, show_progress, verbosity
from .config import Config
from .errors import BriefgenError, ConfigError, InputError
from .fsutil import atomic_write, is_dir, is_file
from .model import Brief
from .render import PACKAGED_TEMPLATES, check_user_templates, pdf_renderer, write_brief


@click.command()
@click.option("--config", "config_path", help=CONFIG_HELP)
@click.option("--input", "inputs", multiple=True, metavar="PATH", callback=path_given,
              help="Article file, directory or glob; repeatable. Replaces the config's sources.")
@click.option("--out", "out_dir", default="out", show_default=True, callback=path_given,
              help="Output directory.")
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
    user_templates = _user_templates(cfg, config_path)
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


def _user_templates(cfg: Config, config_path: Path) -> Path | None:
    """The config's templates folder, if it names one that is there and fit for use."""
    user_templates = cfg.resolve(cfg.templates) if cfg.templates else None
    if user_templates:
        if not is_dir(user_templates):
            raise ConfigError(f"{config_path}: templates: no such directory {user_templates}")
        check_user_templates(user_templates)
    return user_templates


def _archive(cfg: Config, brief: Brief, user_templates: Path | None,
             progress: Callable[[str], None] | None) -> None:
    from .archive import archive_root, save

    root = archive_root(cfg)
    if root:
        if progress:
            progress("archiving")
        save(root, brief, user_templates)


@click.command()
@click.option("--config", "config_path", help=CONFIG_HELP)
@verbosity
def check(config_path: str | None, quiet: bool, verbose: bool) -> None:
    """Validate a config and say what `build` would do with it (-q: only problems)."""
    from .furniture_rules import read_rules
    from .ingest import expand_inputs

    if verbose and not os.environ.get(discover.ENV_VAR) and not config_path:
        click.echo(f"looking for a config in {discover.looked_at()}", err=True)
    cfg, config_path = discover.load(config_path)
    rule_files = tuple(cfg.resolve(p) for p in cfg.cleaning.rules)
    read_rules(rule_files)  # a bad rule is the config's problem too
    _user_templates(cfg, config_path)  # and a templates folder build could not use
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
    if rule_files:
        click.echo(f"cleaning rules: {', '.join(map(str, rule_files))} (besides the packaged)")
    if cfg.templates:
        click.echo(f"templates: {cfg.resolve(cfg.templates)} (then the packaged ones)")
    if cfg.delivery:
        email = cfg.delivery.email
        click.echo(f"email: from {email.sender} to {', '.join(email.to)} via "
                   f"{cfg.delivery.smtp.host}:{cfg.delivery.smtp.port} "
                   f"({cfg.delivery.smtp.security}); daily at '{cfg.schedule.cron}' "
                   f"{cfg.schedule.timezone}")


@click.command()
@click.argument("name", metavar="DIRECTORY", type=click.Path(file_okay=False), callback=path_given)
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
@verbosity
def init(name: str, force: bool, quiet: bool, verbose: bool) -> None:
    """Write a starter config into DIRECTORY, with an empty templates folder for overrides."""
    directory = Path(name)
    starter = resources.files("briefgen").joinpath("data/brief.yaml").read_text("utf-8")
    starter = starter.replace(discover.PACKAGED_SOURCES, discover.STARTER_SOURCES)
    starter = starter.replace("formats: [html, pdf, json, md]",
                              "formats: [html, pdf, json, md]\n\ntemplates: templates\n"
                              "state_dir: .briefgen   # keeps past editions in briefs/")
    config_file = directory / "brief.yaml"
    if is_file(config_file) and not force:
        raise BriefgenError(f"{config_file}: already exists (use --force to overwrite)")
    try:  # the config first: where it cannot go, no folders are left behind
        directory.mkdir(parents=True, exist_ok=True)
        atomic_write(config_file, starter)
        # No copies of the packaged templates: a copy would hide their later fixes.
        for folder in ("articles", "templates"):
            (directory / folder).mkdir(exist_ok=True)
    except OSError as e:
        raise BriefgenError(f"{config_file}: cannot write the starter config: "
                            f"{e.strerror or e}") from None
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


@click.command()
@click.option("--config", "config_path", help=CONFIG_HELP)
@verbosity
def history(config_path: str | None, quiet: bool, verbose: bool) -> None:
    """List the archived editions (state_dir/briefs/), oldest first."""
    from .archive import UnreadableEdition, edition_path, editions, load, require_root
    from .json_kinds import kind_of

    cfg, config_path = discover.load(config_path)
    root = require_root(cfg, config_path)
    days = editions(root)
    if not days and not quiet:
        click.echo(f"No archived brief in {root} yet.")
    for day in days:
        try:
            data = load(root, day)
            items = [*data["summary"], *(x for s in data["sections"] for x in s["items"])]
            sources = data.get("sources")
            if not isinstance(sources, list):
                raise UnreadableEdition(edition_path(root, day, "json"), "sources: expected "
                                        f"a list, got {kind_of(sources)}")
        except UnreadableEdition as e:  # the file once, last, where the others name theirs
            click.echo(f"{day}  unreadable: {e.why}  {e.path}")
            continue
        except (BriefgenError, KeyError, TypeError) as e:
            click.echo(f"{day}  unreadable: {e}")
            continue
        new = sum(x.get("status") == "new" for x in items)
        click.echo(f"{day}  {len(sources)} articles, {len(items)} items ({new} new), "
                   f"{data.get('word_count', 0)} words  {edition_path(root, day, 'html')}")


@click.command()
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
    old = load(root, parse_date(date1, "DATE1", any_day=True) or date.min)
    new = load(root, parse_date(date2, "DATE2", any_day=True) or date.min)
    added, dropped = diff_editions(old, new)
    if not quiet:
        click.echo(f"{date1} -> {date2}: {len(added)} added, {len(dropped)} dropped")
    for sign, lines in (("+", added), ("-", dropped)):
        for line in lines:
            click.echo(f"{sign} [{line.where}] {line.text}")


@click.command()
@click.option("--config", "config_path", help=CONFIG_HELP)
@click.option("--input", "inputs", multiple=True, metavar="PATH", callback=path_given,
              help="Article file, directory or glob; repeatable. Replaces the config's sources.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="Port on 127.0.0.1.")
@verbosity
def serve(config_path: str | None, inputs: tuple[str, ...], port: int, quiet: bool,
          verbose: bool) -> None:
    """Preview the brief in a browser; it rebuilds and reloads when a file changes."""
    from .serve import serve as serve_preview  # starlette, uvicorn: only for this command

    serve_preview(config_path, inputs, port)
