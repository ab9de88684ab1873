"""The `briefgen` command: thin wiring of config, pipeline and renderers.

Errors a user can cause come here as BriefgenError and leave as one line on
stderr and a non-zero exit; set BRIEFGEN_DEBUG=1 to see tracebacks.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from importlib import resources
from pathlib import Path

import click

from . import config as config_mod
from .errors import BriefgenError, ConfigError
from .render import PACKAGED_TEMPLATES, write_brief

DEFAULT_CONFIG = "config/brief.yaml"


def _error(message: str) -> None:
    for line in message.splitlines():
        click.echo(f"briefgen: error: {line}", err=True)


def _progress(quiet: bool):
    if quiet or not sys.stderr.isatty():
        return None
    return lambda msg: click.echo(f"… {msg}", err=True)


def _parse_formats(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    formats = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    bad = [f for f in formats if f not in config_mod.FORMATS]
    if bad or not formats:
        raise ConfigError(f"--format: expected a comma-separated list of "
                          f"{', '.join(config_mod.FORMATS)}; got {value!r}")
    return formats


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--date: expected YYYY-MM-DD; got {value!r}") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefgen")
def cli() -> None:
    """Turn a pile of news articles into a sourced daily brief (HTML, PDF, JSON, Markdown)."""


@cli.command()
@click.option("--config", "config_path", default=DEFAULT_CONFIG, show_default=True,
              help="The brief's YAML config.")
@click.option("--input", "inputs", multiple=True, metavar="PATH",
              help="Article file, directory or glob; repeatable. Replaces the config's sources.")
@click.option("--out", "out_dir", default="out", show_default=True, help="Output directory.")
@click.option("--format", "formats", metavar="LIST",
              help="Comma-separated formats (html,pdf,json,md); default: the config's.")
@click.option("--date", "brief_date", metavar="YYYY-MM-DD",
              help="The brief's date; default: the newest article's date.")
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def build(config_path: str, inputs: tuple[str, ...], out_dir: str, formats: str | None,
          brief_date: str | None, quiet: bool) -> None:
    """Build the brief and write brief-<date>.<format> files."""
    from .pipeline import build_brief

    cfg = config_mod.load(config_path)
    chosen = _parse_formats(formats) or cfg.formats
    day = _parse_date(brief_date)
    progress = _progress(quiet)
    brief = build_brief(cfg, inputs or None, day, progress)
    for warning in brief.warnings:
        click.echo(f"briefgen: warning: {warning}", err=True)
    if progress:
        progress(f"rendering {', '.join(chosen)}")
    user_templates = cfg.resolve(cfg.templates) if cfg.templates else None
    if user_templates and not user_templates.is_dir():
        raise ConfigError(f"{config_path}: templates: no such directory {user_templates}")
    paths = write_brief(brief, Path(out_dir), chosen, user_templates)
    if not quiet:
        words = brief.word_count
        click.echo(f"Brief of {len(brief.sources)} articles, {words} words: "
                   + ", ".join(str(p) for p in paths))


@cli.command()
@click.option("--config", "config_path", default=DEFAULT_CONFIG, show_default=True)
def check(config_path: str) -> None:
    """Validate a config and say what `build` would do with it."""
    from .ingest import expand_inputs

    cfg = config_mod.load(config_path)
    click.echo(f"{config_path}: OK")
    click.echo(f"title: {cfg.title}")
    specs = [str(cfg.resolve(s.path)) for s in cfg.sources]
    files, warnings = expand_inputs(specs)
    click.echo(f"sources: {', '.join(specs) or '(none; give --input)'} -> {len(files)} files")
    for w in warnings:
        click.echo(f"  warning: {w}")
    click.echo(f"formats: {', '.join(cfg.formats)}")
    click.echo(f"summary: up to {cfg.summary.max_items} sentences, {cfg.summary.max_words} words")
    for s in cfg.sections:
        click.echo(f"section {s.id} ({s.title!r}): up to {s.max_items} items, "
                   f"{s.max_words} words, {s.quotes} quotes, ranker {s.ranker}")
    if cfg.templates:
        click.echo(f"templates: {cfg.resolve(cfg.templates)} (then the packaged ones)")


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
def init(directory: Path, force: bool) -> None:
    """Write a starter config and copies of the templates into DIRECTORY."""
    starter = resources.files("briefgen").joinpath("data/brief.yaml").read_text("utf-8")
    starter = starter.replace("- path: ../seeds          # relative to this file",
                              "- path: articles          # relative to this file")
    starter = starter.replace("formats: [html, pdf, json, md]",
                              "formats: [html, pdf, json, md]\n\ntemplates: templates")
    targets = {directory / "brief.yaml": starter}
    for template in sorted(PACKAGED_TEMPLATES.iterdir()):
        targets[directory / "templates" / template.name] = template.read_text("utf-8")
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise BriefgenError(f"{existing[0]}: already exists (use --force to overwrite)")
    (directory / "articles").mkdir(parents=True, exist_ok=True)
    from .fsutil import atomic_write

    for path, text in targets.items():
        atomic_write(path, text)
    click.echo(f"Wrote {directory / 'brief.yaml'} and {directory / 'templates'}/. "
               f"Put articles in {directory / 'articles'}/ and run: "
               f"briefgen build --config {directory / 'brief.yaml'}")


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
