"""Pick the summary's or a section's items: the most new information per word first.

A group's quality (relevance, centrality, support, plain wording) scales the
weight of the concepts it adds to what the brief already says; concepts
already covered earn nothing, so nothing is said twice.
"""

from __future__ import annotations

import math
import re

import numpy as np

from .config import SectionConfig, SummaryConfig
from .corpus import Corpus, Group
from .model import Item
from .rankers import RANKERS, centrality
from .relevance import relevance

# Sentences that open on a pronoun lean on the one before them; a brief item stands alone.
_LEANING = re.compile(r"^(?:He|She|It|They|This|That|These|Those|His|Her|Its|Their)\b")
LEANING_WEIGHT = 0.6
LENGTH_EXPONENT = 0.6  # gain per word^0.6: short sentences win, long ones are not shut out
PLAIN_FLOOR = 0.5  # even a sentence in words no other article uses keeps a third of its weight
RELEVANCE_FLOOR = 0.1  # even the least relevant assigned sentence keeps some weight


def choose_within_budget(corpus: Corpus, group_ids: list[int], quality: np.ndarray,
                         max_items: int, max_words: int, covered: set[str]) -> list[int]:
    """Greedy most-new-information-per-word under an item and a word budget.

    `covered` holds the concepts the brief already states; it is updated, so
    later sections do not repeat what earlier ones said.
    """
    weight = corpus.concept_weight
    lengths = [len(corpus.groups[g].text.split()) for g in group_ids]
    remaining = set(range(len(group_ids)))
    chosen: list[int] = []
    words = 0
    while remaining and len(chosen) < max_items:
        gains = {i: quality[i] * sum(weight.get(c, 0.0)
                                     for c in corpus.groups[group_ids[i]].concepts - covered)
                 / lengths[i] ** LENGTH_EXPONENT for i in remaining}
        best = max(gains, key=gains.__getitem__)
        if gains[best] <= 0:
            break
        remaining.discard(best)
        if words + lengths[best] > max_words:
            continue
        chosen.append(best)
        words += lengths[best]
        covered |= corpus.groups[group_ids[best]].concepts
    return [group_ids[i] for i in chosen]


def _normalized(values: np.ndarray) -> np.ndarray:
    top = values.max() if len(values) else 0
    return values / top if top > 0 else values


def support_boost(group: Group) -> float:
    """A fact more outlets report weighs more, each further outlet a little less."""
    return 1 + 0.4 * math.log(len(group.sources))


def select_section(corpus: Corpus, section: SectionConfig, group_ids: list[int],
                   covered: set[str] | None = None) -> list[Item]:
    """A section's items among its groups: relevant, central by the section's ranker,
    widely reported and plainly worded, within the section's budgets."""
    if not group_ids:
        return []
    texts = [corpus.groups[g].text for g in group_ids]
    rows = corpus.group_rows[group_ids]
    rel = relevance(corpus, section, texts, rows)
    cent = RANKERS[section.ranker](texts, rows)
    boost = np.array([support_boost(corpus.groups[g]) for g in group_ids])
    plain = np.array([(PLAIN_FLOOR + corpus.groups[g].plainness)
                      * (LEANING_WEIGHT if _LEANING.match(corpus.groups[g].text) else 1.0)
                      for g in group_ids])
    quality = (RELEVANCE_FLOOR + _normalized(rel)) * (0.75 + 0.25 * _normalized(cent)) \
        * boost * plain
    picked = choose_within_budget(corpus, group_ids, quality, section.max_items,
                                  section.max_words, set() if covered is None else covered)
    return [Item(corpus.groups[g].text, corpus.groups[g].sources) for g in picked]


def select_summary(corpus: Corpus, summary: SummaryConfig,
                   covered: set[str] | None = None) -> list[int]:
    """Bottom line up front: central lead sentences that many outlets carry."""
    if summary.max_items == 0 or not corpus.groups:
        return []
    cent = centrality([g.text for g in corpus.groups], corpus.group_rows)
    lead = np.array([1.0 / (1 + g.first_position) for g in corpus.groups])
    boost = np.array([support_boost(g) for g in corpus.groups])
    plain = np.array([PLAIN_FLOOR + g.plainness for g in corpus.groups])
    quality = (0.3 * _normalized(cent) + 0.7 * lead) * boost * plain
    return choose_within_budget(corpus, list(range(len(corpus.groups))), quality,
                                summary.max_items, summary.max_words,
                                set() if covered is None else covered)
