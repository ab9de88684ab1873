"""Where things go: each group and each quote to the one section its words fit best."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from . import vectors
from .config import SectionConfig
from .corpus import Corpus
from .model import Quote
from .relevance import fit

REPORTED_WEIGHT = 0.5  # a speaker's own words before what others say they said


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
    for g in range(len(corpus.groups)):
        if g not in exclude and np.isfinite(scores[best[g], g]):
            out[sections[best[g]].id].append(g)
    return out


def assign_quotes(corpus: Corpus, sections: Sequence[SectionConfig],
                  quotes: list[Quote]) -> dict[str, list[Quote]]:
    """Each quote to the section it fits best; per section the best, one per speaker first."""
    out: dict[str, list[Quote]] = {s.id: [] for s in sections}
    if not quotes:
        return out
    texts = [q.text for q in quotes]
    rows = vectors.transform(corpus.vectorizer, texts)
    scores = fit(corpus, sections, texts, rows)
    for i, section in enumerate(sections):
        # every quote has a home: one that fits no section well goes where it fits least badly
        mine = [q for q in range(len(quotes)) if scores[:, q].argmax() == i]
        mine.sort(key=lambda q: -scores[i, q] * len(quotes[q].sources)
                  * (REPORTED_WEIGHT if quotes[q].reported else 1.0))
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
