"""Wire the stages: ingest -> clean -> segment -> select + quotes -> assemble a Brief."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, timezone
from datetime import time as dt_time

import numpy as np

from .clean import clean_article, load_rules
from .config import Config, LimitsConfig, Source
from .errors import InputError
from .fetch import SeenStore, fetch_sources
from .figures import Discrepancy, find_discrepancies
from .ingest import expand_inputs, read_articles
from .model import Article, Brief, Item, Quote, Section, SourceRef
from .quotes import find_quotes
from .segment import segment
from .select import assign_sections, build_corpus, relevance, select_section, select_summary
from .vectors import transform

Progress = Callable[[str], None]


def build_brief(config: Config, inputs: Sequence[str] | None = None,
                brief_date: date | None = None, progress: Progress | None = None) -> Brief:
    """Make the brief from the given inputs (or the config's sources)."""
    step = progress or (lambda _msg: None)
    if not inputs and not config.sources:
        raise InputError("no input: give --input PATH or list sources in the config")
    step("reading articles")
    warnings: list[str] = []
    found = gather(config, inputs, brief_date, warnings)
    step(f"cleaning {len(found)} articles")
    rules = load_rules(tuple(config.resolve(p) for p in config.cleaning.rules))
    articles = []
    for article in found:
        cleaned = clean_article(article, rules)
        if cleaned.body:
            articles.append(with_title(cleaned))
        else:
            warnings.append(f"{article.path}: skipped: nothing left after removing furniture")
    if not articles:
        where = inputs or [s.path or s.feed or s.url or "" for s in config.sources]
        raise InputError(f"no readable article in {', '.join(map(str, where))}")

    step("splitting sentences")
    sentences = [s for a in articles for s in segment(a)]
    order = [a.id for a in articles]
    step(f"selecting from {len(sentences)} sentences")
    corpus = build_corpus(sentences, order)
    covered: set[str] = set()  # concepts the brief already states, across sections
    summary_ids = select_summary(corpus, config.summary, covered)
    assigned = assign_sections(corpus, config.sections, exclude=set(summary_ids))
    summary = tuple(Item(corpus.groups[g].text, corpus.groups[g].sources) for g in summary_ids)
    words_left = config.max_words - sum(len(i.text.split()) for i in summary)
    section_items: dict[str, tuple[Item, ...]] = {}
    for s in config.sections:  # in order: the brief's word budget runs out at the end
        budgeted = s.model_copy(update={"max_words": max(0, min(s.max_words, words_left))})
        section_items[s.id] = tuple(select_section(corpus, budgeted, assigned[s.id], covered))
        words_left -= sum(len(i.text.split()) for i in section_items[s.id])
    step("finding quotes")
    quotes = find_quotes(articles, sentences, config.quotes.min_words, config.quotes.max_words)
    # a quote already shown as an item would say the same thing twice
    shown = [i.text for items in section_items.values() for i in items] + [i.text for i in summary]
    quotes = [q for q in quotes if not any(q.text in text for text in shown)]
    quotes_by_section = assign_quotes(corpus, config, quotes)
    discrepancies = find_discrepancies(articles)
    sections = tuple(
        Section(s.id, s.title, section_items[s.id], tuple(quotes_by_section[s.id]),
                tuple(d for d in discrepancies if _mentions(section_items[s.id], d)))
        for s in config.sections)
    dates = [a.date for a in articles if a.date]
    return Brief(
        title=config.title,
        date=brief_date or (max(dates) if dates else datetime.now(timezone.utc).date()),
        generated_at=datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        summary=summary,
        sections=sections,
        sources=tuple(SourceRef(a.id, a.title, a.outlet, a.date, a.path) for a in articles),
        warnings=tuple(warnings),
    )


def _mentions(items: Sequence[Item], discrepancy: Discrepancy) -> bool:
    """Does one of the items state one of the figure's readings?"""
    return any(text in item.text.lower() for item in items for text, _ in discrepancy.readings)


def gather(config: Config, inputs: Sequence[str] | None, brief_date: date | None,
           warnings: list[str]) -> list[Article]:
    """The articles of --input, or of the config's sources with their windows applied."""
    limits = config.limits
    if inputs:
        return read_paths(inputs, limits, warnings)
    pairs: list[tuple[Source, Article]] = [
        (s, a) for s in config.sources if s.path
        for a in read_paths([str(config.resolve(s.path))], limits, warnings)]
    remote = [s for s in config.sources if not s.path]
    state_dir = config.resolve(config.state_dir)
    if remote:
        pairs += fetch_sources(remote, config.fetch, state_dir, warnings)
    day = brief_date or datetime.now(timezone.utc).date()
    reference = datetime.combine(day, dt_time.max, timezone.utc) if brief_date \
        else datetime.now(timezone.utc)
    seen = SeenStore(state_dir / "seen.json") if any(s.new_only for s, _ in pairs) else None
    kept: dict[str, Article] = {}
    for source, article in pairs:
        if source.window and article.date and article.date < (reference - source.window).date():
            continue
        if seen and source.new_only and not seen.is_new(article.url or article.path, day):
            continue
        kept.setdefault(article.id, article)
    if seen:
        seen.save()
    return list(kept.values())


def read_paths(specs: Sequence[str], limits: LimitsConfig, warnings: list[str]) -> list[Article]:
    files, missing = expand_inputs(specs)
    warnings += missing
    ingested = read_articles(files, limits.max_file_bytes, limits.max_articles)
    warnings += ingested.warnings
    return ingested.articles


def assign_quotes(corpus, config: Config, quotes: list[Quote]) -> dict[str, list[Quote]]:
    """Each quote to the section it fits best; per section the best, one per speaker first."""
    out: dict[str, list[Quote]] = {s.id: [] for s in config.sections}
    if not quotes:
        return out
    texts = [q.text for q in quotes]
    rows = transform(corpus.vectorizer, texts)
    scores = np.vstack([relevance(corpus, s, texts, rows) for s in config.sections])
    for i, section in enumerate(config.sections):
        # every quote has a home: one that fits no section well goes where it fits least badly
        mine = [q for q in range(len(quotes)) if scores[:, q].argmax() == i]
        mine.sort(key=lambda q: -scores[i, q] * len(quotes[q].sources))
        out[section.id] = speakers_first([quotes[q] for q in mine])[:section.quotes]
    return out


def speakers_first(quotes: list[Quote]) -> list[Quote]:
    """Keep the order, but every speaker's best quote before anyone's second one."""
    seen: set[str] = set()
    firsts, rest = [], []
    for q in quotes:
        (rest if q.speaker in seen else firsts).append(q)
        seen.add(q.speaker)
    return firsts + rest


def with_title(article: Article) -> Article:
    """A title for an article that came without one: its headline, else its opening words."""
    if article.title:
        return article
    first, _, rest = article.body.partition("\n\n")
    n = len(first.split())
    if 3 <= n <= 25 and not first.rstrip().endswith((".", "!", "?", '"', "”")) and rest:
        return replace(article, title=first.strip(), body=rest.strip())
    words = re.split(r"\s+", first.strip())
    return replace(article, title=" ".join(words[:12]) + ("…" if len(words) > 12 else ""))

