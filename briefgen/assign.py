"""Where things go: each group and each quote to the one section its words fit best."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from . import vectors
from .config_brief import SectionConfig
from .corpus import Corpus
from .model import Quote
from .relevance import fit

REPORTED_WEIGHT = 0.5  # a speaker's own words before what others say they said
# A quotation opening in small letters ("has strengthened our ties ...") leaves its subject
# outside the marks: it reads poorly on its own.
FRAGMENT_WEIGHT = 0.5


def assign_sections(corpus: Corpus, sections: Sequence[SectionConfig],
                    exclude: set[int] = frozenset(),
                    scores: np.ndarray | None = None) -> dict[str, list[int]]:
    """Group indices per section id: each group goes to the one section it fits best,
    if any section's words reach it (a section of only a title and a description
    takes any group, and so still fills)."""
    out: dict[str, list[int]] = {s.id: [] for s in sections}
    if not corpus.groups:
        return out
    scores = fit(corpus, sections) if scores is None else scores
    best = scores.argmax(axis=0)
    # what each group's best section makes of it, all at once: a large day has ~20,000
    reached = np.isfinite(scores[best, np.arange(len(corpus.groups))])
    reached[[g for g in exclude if 0 <= g < len(corpus.groups)]] = False
    for n, s in enumerate(sections):
        out[s.id] += np.flatnonzero(reached & (best == n)).tolist()
    return out


def assign_quotes(corpus: Corpus, sections: Sequence[SectionConfig],
                  quotes: list[Quote]) -> dict[str, list[Quote]]:
    """Quotes to sections, up to each section's `quotes`: the best quotes of the day
    first, every speaker's best before anyone's second (so both sides speak), each in
    the section it fits best that still has room."""
    out: dict[str, list[Quote]] = {s.id: [] for s in sections}
    if not quotes or not sections:
        return out
    texts = [q.text for q in quotes]
    scores = fit(corpus, sections, texts, vectors.transform(corpus.vectorizer, texts))
    scores = np.nan_to_num(scores, neginf=0.0).clip(min=0)
    best_fits = scores.max(axis=0)  # each quote's, at once: a day has ~1,300 quotes
    worth = [(1 + best_fits[n]) * len(q.sources or (q.source,))
             * (REPORTED_WEIGHT if q.reported else FRAGMENT_WEIGHT if q.text[:1].islower()
                else 1.0) for n, q in enumerate(quotes)]
    order = sorted(range(len(quotes)), key=lambda n: -worth[n])
    room = sum(max(s.quotes, 0) for s in sections)
    for n in speakers_first_order(order, quotes):
        if not room:  # every section full: no later quote finds a place
            break
        for i in np.argsort(-scores[:, n], kind="stable"):
            if len(out[sections[i].id]) < sections[i].quotes:
                out[sections[i].id].append(quotes[n])
                room -= 1
                break
    return out


def speakers_first_order(order: list[int], quotes: list[Quote]) -> list[int]:
    """Keep the order, but every speaker's best quote before anyone's second one."""
    seen: set[str] = set()
    firsts, rest = [], []
    for n in order:
        (rest if quotes[n].speaker in seen else firsts).append(n)
        seen.add(quotes[n].speaker)
    return firsts + rest
