"""What is new since the last editions: each line of today's brief against the archive.

A line was seen before when an edition of the last `continuity.days` days has a
line worded nearly alike (the cosine at which the day's sentences are grouped
as one fact) or one holding most of its telling words (as corroboration finds
other outlets' wording of a fact).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from . import archive, vectors
from .config import Config
from .corpus import DUPLICATE_SIMILARITY, Corpus
from .corroborate import states_same, telling_words
from .errors import BriefgenError
from .model import Brief, Item, Quote, Seen, count_words

PastLine = tuple[str, date]  # an earlier edition's line and the day it was first seen


def remember(config: Config, brief: Brief, corpus: Corpus) -> Brief:
    """The brief with every item and quote marked new or repeated, repeated lines treated
    as `continuity.repeated` says, and new lines preferred in the summary. Unchanged
    when the config keeps no archive."""
    root = archive.archive_root(config)
    if root is None:
        return brief
    warnings = list(brief.warnings)
    past = earlier_lines(root, brief.date, config.continuity.days, warnings)
    how = config.continuity.repeated

    def mark(lines: tuple) -> tuple:
        marked = [replace(x, seen=first_seen(corpus, x.text, past, brief.date)) for x in lines]
        return tuple(x for x in marked if how != "drop" or x.seen.status == "new")

    summary = mark(brief.summary)
    sections = [replace(s, items=mark(s.items), quotes=mark(s.quotes)) for s in brief.sections]
    summary, items = prefer_new(summary, [s.items for s in sections], config.summary.max_items,
                                config.summary.max_words)
    sections = [replace(s, items=i) for s, i in zip(sections, items, strict=True)]
    return replace(brief, summary=summary, sections=tuple(sections), continuity=how,
                   warnings=tuple(warnings))


def earlier_lines(root: Path, day: date, days: int, warnings: list[str]) -> list[PastLine]:
    """Every item and quote of the editions in the `days` days before day; an edition that
    cannot be read is skipped with a warning rather than stopping today's brief."""
    lines: list[PastLine] = []
    for edition in archive.editions(root):
        if not day - timedelta(days=days) <= edition < day:
            continue
        path = archive.edition_path(root, edition, "json")
        try:
            data = archive.load(root, edition)
            every = [*data["summary"], *(x for s in data["sections"]
                                         for x in (*s["items"], *s["quotes"]))]
            lines += [(x["text"], _first_seen(x, edition)) for x in every]
        except BriefgenError as e:  # its message names the file already
            warnings.append(f"{path}: skipped: {str(e).removeprefix(f'{path}: ')}")
        except (KeyError, TypeError, AttributeError) as e:
            warnings.append(f"{path}: skipped: not a readable brief ({e})")
    return lines


def _first_seen(line: dict, edition: date) -> date:
    try:
        return min(date.fromisoformat(line.get("first_seen") or ""), edition)
    except ValueError:
        return edition


def first_seen(corpus: Corpus, text: str, past: list[PastLine], today: date) -> Seen:
    """Repeated since the earliest day an earlier line stated the same fact, else new."""
    if not past:
        return Seen("new", today)
    rows = vectors.transform(corpus.vectorizer, [text, *(t for t, _ in past)])
    similar = (rows[1:] @ rows[0].T).toarray().ravel() if rows.shape[1] else [0.0] * len(past)
    rare = telling_words(corpus, text)
    days = [d for (other, d), sim in zip(past, similar, strict=True)
            if sim >= DUPLICATE_SIMILARITY or states_same(rare, other)]
    return Seen("repeated", min(days)) if days else Seen("new", today)


def prefer_new(summary: tuple[Item, ...], section_items: list[tuple[Item, ...]],
               max_items: int, max_words: int) -> tuple[tuple[Item, ...], list[tuple[Item, ...]]]:
    """The summary's new lines first; a repeated line gives its place to the first new
    line of a section (which moves up, so nothing is said twice)."""
    fresh = [i for i in summary if _is_new(i)]
    stale = [i for i in summary if not _is_new(i)]
    promoted: list[Item] = []
    for items in section_items:
        lead = next((i for i in items if _is_new(i)), None)
        if lead and len(promoted) < len(stale):
            promoted.append(lead)
    chosen: list[Item] = []
    for line in [*fresh, *promoted, *stale]:
        words = sum(count_words(i.text) for i in chosen) + count_words(line.text)
        if len(chosen) < max_items and words <= max_words:
            chosen.append(line)
    moved = {id(i) for i in promoted if any(i is c for c in chosen)}
    return tuple(chosen), [tuple(i for i in items if id(i) not in moved)
                           for items in section_items]


def _is_new(line: Item | Quote) -> bool:
    return line.seen is None or line.seen.status == "new"
