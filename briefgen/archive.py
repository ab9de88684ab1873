"""The archive of past editions: state_dir/briefs/<date>/brief.{json,html,pdf}.

An edition's HTML links to the editions before and after it; when a new
edition is archived, its neighbours' pages are rendered again from their JSON
so that their links reach it.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from .config import Config
from .errors import BriefgenError, InputError
from .fsutil import atomic_write, atomic_write_all, exists, is_dir
from .model import Brief

EDITION_FILE = "brief.{fmt}"


class UnreadableEdition(InputError):
    """An archived edition that cannot be read: its file, and why in a few words (for a
    listing that names the file once)."""

    def __init__(self, path: Path, why: str, opened: bool = True) -> None:
        super().__init__(f"{path}: not a readable brief ({why})" if opened
                         else f"{path}: cannot read the archived brief: {why}")
        self.path, self.why = path, why


def archive_root(config: Config) -> Path | None:
    """Where editions are kept, or None: only a config that names its `state_dir` keeps an
    archive (the packaged default and ad-hoc configs leave nothing behind)."""
    if "state_dir" not in config.model_fields_set:
        return None
    return config.resolve(config.state_dir) / "briefs"


def require_root(config: Config, config_path: object) -> Path:
    root = archive_root(config)
    if root is None:
        raise InputError(f"{config_path}: no archive: set `state_dir` in the config to keep "
                         "past editions")
    return root


def editions(root: Path) -> list[date]:
    """The archived dates, oldest first."""
    found = []
    for folder in root.glob("*/") if is_dir(root) else []:
        try:
            day = date.fromisoformat(folder.name)
        except ValueError:
            continue
        if (folder / EDITION_FILE.format(fmt="json")).is_file():
            found.append(day)
    return sorted(found)


def edition_path(root: Path, day: date, fmt: str) -> Path:
    return root / day.isoformat() / EDITION_FILE.format(fmt=fmt)


def load(root: Path, day: date) -> dict:
    """An archived edition's JSON contract, with every line (summary, items, quotes) where
    the contract puts it."""
    from .editiondiff import lines

    path = edition_path(root, day, "json")
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        known = ", ".join(d.isoformat() for d in editions(root)) or "none"
        raise InputError(f"no archived brief of {day} in {root} (archived: {known})") from None
    except OSError as e:
        raise UnreadableEdition(path, str(e.strerror or e), opened=False) from None
    except UnicodeDecodeError:
        raise UnreadableEdition(path, "not UTF-8 text") from None
    except json.JSONDecodeError as e:
        raise UnreadableEdition(path, f"malformed JSON at line {e.lineno}: {e.msg}") from None
    except ValueError as e:  # an integer of thousands of digits
        raise UnreadableEdition(path, str(e)) from None
    except RecursionError:
        raise UnreadableEdition(path, "JSON nested too deep") from None
    try:
        lines(data)
    except KeyError as e:  # JSON, but not a brief's
        raise UnreadableEdition(path, f"no {e.args[0]!r} in it") from None
    except (TypeError, AttributeError) as e:
        raise UnreadableEdition(path, str(e)) from None
    return data


def neighbours(days: list[date], day: date) -> dict:
    """The `edition` template context: the archived dates just before and after day."""
    before = [d for d in days if d < day]
    after = [d for d in days if d > day]
    return {"previous": before[-1].isoformat() if before else None,
            "next": after[0].isoformat() if after else None}


def save(root: Path, brief: Brief, user_dir: Path | None) -> Path:
    """Keep the brief as its date's edition (JSON, HTML, PDF), replacing an earlier build of
    the same day, and relink the neighbouring editions' pages to it."""
    from .render import render_pdf, render_text

    _check_place(root, brief.date)
    days = sorted({*editions(root), brief.date})
    html = render_text(brief, "html", user_dir, neighbours(days, brief.date))
    files: dict[Path, bytes | str] = {
        edition_path(root, brief.date, "json"): render_text(brief, "json"),
        edition_path(root, brief.date, "html"): html,
        edition_path(root, brief.date, "pdf"): render_pdf(html, user_dir),
    }
    try:
        atomic_write_all(files)
        for near in neighbours(days, brief.date).values():
            if near:
                _relink(root, date.fromisoformat(near), days, user_dir)
    except OSError as e:  # the file that could not be written (fsutil names it)
        raise BriefgenError(f"{e.filename or root}: cannot archive the brief: "
                            f"{e.strerror or e}") from None
    return edition_path(root, brief.date, "html").parent


def _check_place(root: Path, day: date) -> None:
    """A file where the archive's folders go, or a folder where an edition's file goes, is
    said as such (the system would say `Not a directory`, `Operation not permitted`)."""
    for folder in (root.parent, root, root / day.isoformat()):
        if exists(folder) and not is_dir(folder):
            raise BriefgenError(f"{folder}: not a folder; the archive of editions needs one "
                                "there (state_dir)")
    for fmt in ("json", "html", "pdf"):
        if is_dir(path := edition_path(root, day, fmt)):
            raise BriefgenError(f"{path}: a folder has the name of the archived file; the "
                                "archive is unchanged")


def _relink(root: Path, day: date, days: list[date], user_dir: Path | None) -> None:
    """Render an edition's page again with its current neighbours; one that cannot be read
    or rendered keeps its old page (today's edition is kept all the same)."""
    from .render import render_text

    try:
        page = render_text(load(root, day), "html", user_dir, neighbours(days, day))
    except (BriefgenError, KeyError, TypeError, AttributeError):
        return
    atomic_write(edition_path(root, day, "html"), page)
