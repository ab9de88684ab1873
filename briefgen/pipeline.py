"""Wire the stages: ingest -> clean -> segment -> select + quotes -> assemble a Brief."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timezone
from datetime import time as dt_time
from pathlib import Path

from .assemble import assemble_brief, with_support
from .candidates import spanning, stray_marked
from .clause_heads import with_heads
from .clean import clean_article, load_rules
from .collector import fewer_collections
from .config import Config
from .config_sources import LimitsConfig, Source
from .continuity import remember
from .corpus import build_corpus
from .errors import InputError
from .figures import Discrepancy, find_discrepancies
from .furniture_rules import Rules
from .ingest import expand_inputs, read_articles
from .language import in_latin_script
from .model import Article, Brief, Quote, Sentence
from .page_cut import with_cut_marked
from .parallel import MIN_ITEMS, beside, map_ordered
from .quotes import find_quotes
from .referents import with_referents
from .segment import sentence_spans, sentences_at
from .select import select_items
from .titles import with_title

Progress = Callable[[str], None]


def build_brief(config: Config, inputs: Sequence[str] | None = None,
                brief_date: date | None = None, progress: Progress | None = None) -> Brief:
    """Make the brief from the given inputs (or the config's sources)."""
    with fewer_collections():
        return _build(config, inputs, brief_date, progress)


def _build(config: Config, inputs: Sequence[str] | None, brief_date: date | None,
           progress: Progress | None) -> Brief:
    step = progress or (lambda _msg: None)
    if not inputs and not config.sources:
        raise InputError("no input: give --input PATH or list sources in the config")
    step("reading articles")
    warnings: list[str] = []
    found = gather(config, inputs, brief_date, warnings)
    step(f"cleaning and splitting {len(found)} articles")
    rules = load_rules(tuple(config.resolve(p) for p in config.cleaning.rules))
    # cleaned and split in one pass: each article crosses to a worker and back once
    articles: list[Article] = []
    sentences: list[Sentence] = []
    for article, (cleaned, spans) in zip(found, map_ordered(_clean_and_find, found, (rules,)),
                                         strict=True):
        if cleaned.body:
            articles.append(cleaned)
            sentences += sentences_at(cleaned, spans)
        else:
            warnings.append(f"{article.path}: skipped: nothing left after removing furniture")
    del found  # the raw bodies: on a large day as large as the cleaned ones
    if not articles:
        where = inputs or [s.path or s.feed or s.url or "" for s in config.sources]
        why = ""  # the first file's reason: on the one line an error gets
        if warnings:
            more = f"; {len(warnings) - 1} more like it" if len(warnings) > 1 else ""
            why = f" ({warnings[0]}{more})"
        raise InputError(f"no readable article in {', '.join(map(str, where))}{why}")
    if not any(in_latin_script(a.body) for a in articles):
        warnings.append(f"none of the {len(articles)} articles is in a language briefgen reads "
                        "(English, or another language in Latin script): the brief will be "
                        "empty or nearly so")

    order = [a.id for a in articles]
    step(f"selecting from {len(sentences)} sentences")
    # quotes and figures need neither the corpus nor the items: on a large day, found on
    # the other core, which they yield to selection (most often the longer way)
    with beside(_quotes_and_figures, articles, sentences, config.quotes.min_words,
                config.quotes.max_words, worth_it=len(articles) >= MIN_ITEMS,
                yielding=True) as quotes_found:
        corpus = build_corpus(with_heads(spanning(sentences)), order, stray_marked(sentences))
        summary, section_items = select_items(corpus, config.summary, config.sections,
                                              config.max_words)
        summary, section_items = with_support(corpus, sentences, order, summary,
                                              section_items)
        summary, section_items = with_referents(articles, sentences, summary, section_items)
        step("finding quotes")
        quotes, discrepancies = quotes_found()
    brief = assemble_brief(config, articles, warnings, brief_date, corpus=corpus,
                           summary=summary, section_items=section_items, quotes=quotes,
                           discrepancies=discrepancies)
    return remember(config, brief, corpus)  # what the archived editions said already


def _quotes_and_figures(articles: Sequence[Article], sentences: Sequence[Sentence],
                        min_words: int, max_words: int) -> tuple[list[Quote], list[Discrepancy]]:
    # on a large day the figures are compared in a child of their own meanwhile, yielding
    # its core to the quotes, which are waited for first
    with beside(find_discrepancies, articles, worth_it=len(articles) >= MIN_ITEMS,
                yielding=True) as figures:
        return find_quotes(articles, sentences, min_words, max_words), figures()


def _clean_and_find(rules: Rules, article: Article
                    ) -> tuple[Article, list[tuple[int, int, int]]]:
    """One article without its furniture, titled, and where its sentences stand; run in a
    worker process. The sentences are made in the parent from their places: their texts
    and ids are the body's and the article's, already sent (pickled sentences cost the
    worker and the parent more)."""
    cleaned = clean_article(article, rules)
    if not cleaned.body:
        return cleaned, []
    # a headline taken from the body leaves it; a sentence the page cut off is marked
    titled = with_cut_marked(with_title(cleaned, rules), rules)
    return titled, sentence_spans(titled.body)


def gather(config: Config, inputs: Sequence[str] | None, brief_date: date | None,
           warnings: list[str]) -> list[Article]:
    """The articles of --input, or of the config's sources with their windows applied."""
    limits = config.limits
    state_dir = config.resolve(config.state_dir)
    if inputs:
        return read_paths(inputs, limits, warnings, state_dir)
    pairs: list[tuple[Source, Article]] = [
        (s, a) for s in config.sources if s.path
        for a in read_paths([str(config.resolve(s.path))], limits, warnings, state_dir)]
    remote = [s for s in config.sources if not s.path]
    if remote:
        from .fetch import fetch_sources  # with httpx: loaded only for feeds and pages

        pairs += fetch_sources(remote, config.fetch, state_dir, warnings)
    day = brief_date or datetime.now(timezone.utc).date()
    reference = datetime.combine(day, dt_time.max, timezone.utc) if brief_date \
        else datetime.now(timezone.utc)
    seen = None
    if any(s.new_only for s, _ in pairs):
        from .fetch import SeenStore

        seen = SeenStore(state_dir / "seen.json", warnings)
    kept: dict[str, Article] = {}
    old = repeated = 0
    for source, article in pairs:
        if source.window and article.date and article.date < (reference - source.window).date():
            old += 1
            continue
        if seen and source.new_only and not seen.is_new(article.url or article.path, day):
            repeated += 1
            continue
        kept.setdefault(article.id, article)
    if not kept and (old or repeated):  # said first: the error of no article shows it
        why = [f"{old} older than their source's `since` before "
               f"{reference:%Y-%m-%d %H:%M} UTC" if old else "",
               f"{repeated} seen on an earlier day (`new_only`)" if repeated else ""]
        warnings.insert(0, "every article read was left out: " + ", ".join(filter(None, why)))
    if seen:
        seen.save(warnings)
    return list(kept.values())


def read_paths(specs: Sequence[str], limits: LimitsConfig, warnings: list[str],
               state_dir: Path | None = None) -> list[Article]:
    files, missing = expand_inputs(specs, [state_dir] if state_dir else [])
    warnings += missing
    ingested = read_articles(files, limits.max_file_bytes, limits.max_articles)
    warnings += ingested.warnings
    return ingested.articles

