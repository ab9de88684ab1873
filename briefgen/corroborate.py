"""Support by wording: the outlets that say an item in other words.

Near-duplicate grouping only joins sentences worded nearly alike; this looks
for an item's telling words (concepts few sentences of the day use) in every
sentence, quotations and long ones included.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from . import vectors
from .corpus import Corpus
from .model import Item

RARE_SHARE = 0.05  # a concept in at most 5% of distinct sentences is a telling word
MIN_RARE, SUPPORT_SHARE = 4, 0.55  # an item needs 4 telling words; support shares 55%


def corroborate(corpus: Corpus, items: Sequence[Item], order: Sequence[str]) -> list[Item]:
    """Each item with every article that has a sentence holding most of its rare words.

    Outlets word the same statement differently but keep its telling words
    ("underscored the importance of open communication channels"): a sentence
    with at least SUPPORT_SHARE of the item's rare concepts supports it.
    """
    rank = {a: i for i, a in enumerate(order)}
    out = []
    for item in items:
        rare = telling_words(corpus, item.text)
        if len(rare) < MIN_RARE:
            out.append(item)
            continue
        # per distinct text, how many of the rare words it holds: counted in C
        hits = np.bincount(np.concatenate([corpus.texts_with(w) for w in rare]))
        support = {a for t in np.flatnonzero(hits >= SUPPORT_SHARE * len(rare)).tolist()
                   for a in corpus.users[t]}
        sources = sorted(set(item.sources) | support, key=lambda a: rank.get(a, 0))
        out.append(Item(item.text, tuple(sources)))
    return out


def telling_words(corpus: Corpus, text: str) -> set[str]:
    """The concepts of text that few of the day's sentences use."""
    rare_limit = max(3, RARE_SHARE * len(corpus.users))
    return {w for w in vectors.analyze(text) if len(corpus.texts_with(w)) <= rare_limit}


def states_same(rare: set[str], other: str) -> bool:
    """Does other hold enough of a line's telling words to state the same fact?"""
    return len(rare) >= MIN_RARE and \
        len(rare & set(vectors.analyze(other))) >= SUPPORT_SHARE * len(rare)
