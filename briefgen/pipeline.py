"""Wire the stages: ingest -> clean -> segment -> select + quotes -> assemble a Brief."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, timezone

import numpy as np

from .clean import clean_article, load_rules
from .config import Config
from .errors import InputError
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
    specs = list(inputs) if inputs else [str(config.resolve(s.path)) for s in config.sources]
    if not specs:
        raise InputError("no input: give --input PATH or list sources in the config")
    step("reading articles")
    files, warnings = expand_inputs(specs)
    ingested = read_articles(files)
    warnings += ingested.warnings
    step(f"cleaning {len(ingested.articles)} articles")
    rules = load_rules(tuple(config.resolve(p) for p in config.cleaning.rules))
    articles = []
    for article in ingested.articles:
        cleaned = clean_article(article, rules)
        if cleaned.body:
            articles.append(with_title(cleaned))
        else:
            warnings.append(f"{article.path}: skipped: nothing left after removing furniture")
    if not articles:
        raise InputError(f"no readable article in {', '.join(specs)}")

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
    quotes = find_quotes(articles, config.quotes.min_words, config.quotes.max_words)
    # a quote already shown as an item would say the same thing twice
    shown = [i.text for items in section_items.values() for i in items] + [i.text for i in summary]
    quotes = [q for q in quotes if not any(q.text in text for text in shown)]
    quotes_by_section = assign_quotes(corpus, config, quotes)
    discrepancies = find_discrepancies(sentences)
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

