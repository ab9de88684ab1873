"""Assemble the Brief from what the stages found: the selected items with all their
support, and quotes and differing figures under the sections they belong to."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timezone
from pathlib import Path

from .assign import assign_quotes
from .config import Config
from .corpus import Corpus
from .corroborate import corroborate
from .figures import Discrepancy
from .figures import corroborate as figure_support
from .model import Article, Brief, Item, Quote, Section, Sentence, SourceRef
from .select import SectionItems
from .spellings import one_spelling


def with_support(corpus: Corpus, sentences: Sequence[Sentence], order: Sequence[str],
                 summary: tuple[Item, ...], section_items: SectionItems,
                 ) -> tuple[tuple[Item, ...], SectionItems]:
    """Every outlet that states an item supports it, by its words or by its figure."""
    every = [*summary, *(i for items in section_items.values() for i in items)]
    supported = iter(corroborate(corpus, figure_support(every, sentences, order), order))
    summary = tuple(next(supported) for _ in summary)
    section_items = {k: tuple(next(supported) for _ in v) for k, v in section_items.items()}
    return summary, section_items


def assemble_brief(config: Config, articles: Sequence[Article], warnings: Sequence[str],
                   brief_date: date | None, *, corpus: Corpus, summary: tuple[Item, ...],
                   section_items: SectionItems, quotes: Sequence[Quote],
                   discrepancies: Sequence[Discrepancy]) -> Brief:
    """Sections in the config's order, each with its items, its quotes not already shown
    as items and the figures its items give differently (the summary's own figures
    flagged under it); dated by brief_date, else by
    the newest article, else today."""
    quotes_by_section = assign_quotes(corpus, config.sections,
                                      _not_shown(one_spelling(quotes), summary, section_items))
    sections = tuple(
        Section(s.id, s.title, section_items[s.id], tuple(quotes_by_section[s.id]),
                tuple(d for d in discrepancies if _mentions(section_items[s.id], d)))
        for s in config.sections)
    dates = [a.date for a in articles if a.date]
    folders = _folders(config.base_dir)  # resolved once: each is a walk of the file system
    return Brief(
        title=config.title,
        date=brief_date or (max(dates) if dates else datetime.now(timezone.utc).date()),
        generated_at=datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        summary=summary,
        sections=sections,
        sources=tuple(SourceRef(a.id, a.title, a.outlet, a.date,
                                _shown_path(a.path, folders), web_address(a.url))
                      for a in articles),
        warnings=tuple(warnings),
        summary_discrepancies=tuple(d for d in discrepancies if _mentions(summary, d)),
    )


def shown_path(path: str, base: Path) -> str:
    """A source's path as the brief shows it: relative to the config's folder or the
    working directory, else the bare file name, so a forwarded brief tells nothing of
    the machine that made it. Addresses of fetched pages stay as they are."""
    return _shown_path(path, _folders(base))


def _folders(base: Path) -> tuple[Path, Path]:
    """The folders a shown path is relative to, first found first."""
    return base.resolve(), Path.cwd().resolve()


def _shown_path(path: str, folders: tuple[Path, Path]) -> str:
    p = Path(path)
    if "://" in path or not p.is_absolute():
        return path
    for folder in folders:
        if p.is_relative_to(folder):
            return p.relative_to(folder).as_posix()
    return p.name


def web_address(url: str) -> str:
    """Only a plain http(s) address becomes a link: no javascript:, no file:."""
    return url if re.fullmatch(r"https?://[^\s<>\"']+", url) else ""


def _not_shown(quotes: Sequence[Quote], summary: tuple[Item, ...],
               section_items: SectionItems) -> list[Quote]:
    """A quote already shown as an item would say the same thing twice."""
    shown = [i.text for items in section_items.values() for i in items] + [i.text for i in summary]
    return [q for q in quotes if not any(q.text in text for text in shown)]


def _mentions(items: Sequence[Item], discrepancy: Discrepancy) -> bool:
    """Does one of the items state one of the figure's readings?"""
    return any(text in item.text.lower() for item in items for text, _ in discrepancy.readings)
