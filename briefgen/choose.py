"""Pick the brief's items: the most new information per word first, under budgets.

A group's quality (fit to its section, centrality, support, plain wording,
standing alone) scales the weight of the concepts it adds to what the brief
already says; concepts already covered earn nothing, so nothing is said twice.
The sections compete for the brief's word budget: a day rich in agreements
and poor in visits gives more lines to agreements, each section within its
own item and word limits.
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from typing import NamedTuple

import numpy as np
from scipy import sparse

from .config_brief import SectionConfig, SummaryConfig
from .corpus import Corpus, Group
from .rankers import RANKERS, centrality
from .reading import read

# Sentences that lean on the one before them: a pronoun or a conjunction opens them
# ("And both sides agreed to stabilise it."), or a pronoun speaks them ("..., he said.").
# A brief item stands alone. A linking adverb ("In addition, the minister warned ...",
# "However, ...") leans on nothing the sentence does not say itself.
_LEANING = re.compile(
    r"^(?:He|She|It|They|This|That|These|Those|His|Her|Its|Their|But|And|Yet|The latter"
    r"|The former)\b|, (?:he|she|they) (?:said|added|noted|remarked|stressed)\.$")
# The ending ", they stressed." is at most 16 characters (and a newline after $): it is looked
# for only there, not from every comma of the sentence.
_LEANING_REACH = 17
# ... or what was said stands before it: "The president said this at a press conference."
# ("said this week that ..." says it itself)
_SAID_BEFORE = re.compile(r"\b(?:said|says|stated|announced|noted|stressed|explained) (?:this|so)"
                          r"(?=[.,;]| (?:at|in|on|during|after|before|to|when|while|as)\b(?!-))")
LEANING_WEIGHT = 0.6
PREVIEW_WEIGHT = 0.5  # the schedule of the day, written before it happened
LENGTH_EXPONENT = 0.6  # gain per word^0.6: short sentences win, long ones are not shut out
PLAIN_FLOOR = 0.5  # even a sentence in words no other article uses keeps a third of its weight
RELEVANCE_FLOOR = 0.1  # even the least relevant assigned sentence keeps some weight
# Where several articles tell the day's story, a sentence in words hardly any other
# article uses is off it (a teaser for another page, a spun copy): not worth a line. A
# sentence of details only one outlet gives ("concerns over the citizenship law, raids on
# media, ...") shares a few words (a tenth to a third) and is news.
MIN_PLAINNESS, MIN_ARTICLES_FOR_IT = 0.1, 3


@dataclass(frozen=True)
class Budget:
    items: int
    words: int


class Quality(NamedTuple):
    """Per group, how good a line it makes: scale * (plain * standing). `standing`
    (a sentence that leans on the one before or previews the day) reads the sentence,
    so it is read only for the groups the greedy choice reaches; at most 1, it is taken
    as 1 until then."""

    scale: np.ndarray  # fit, centrality and support
    plain: np.ndarray  # plain wording (0 for a text off the day's story)

    @classmethod
    def joined(cls, parts: Sequence[Quality]) -> Quality:
        return cls(np.concatenate([np.zeros(0), *(p.scale for p in parts)]),
                   np.concatenate([np.zeros(0), *(p.plain for p in parts)]))


def choose(corpus: Corpus, group_ids: Sequence[int], quality: Quality,
           budget_of: Sequence[str], budgets: dict[str, Budget], max_words: int,
           covered: set[str]) -> list[int]:
    """Greedy most-new-information-per-word, each pick within its budget and the total.

    `budget_of[i]` names the budget group_ids[i] counts against. `covered` holds the
    concepts the brief already states; it is updated. A group's gain only falls as
    the brief covers more (lazy greedy): a stale gain is recomputed only when it
    reaches the top of the heap. A first gain taken as if the group stood alone is
    such a stale gain too: its standing is read only when it reaches the top.
    """
    weight = corpus.concept_weight
    lengths = [max(1, corpus.groups[g].length) for g in group_ids]
    exact: dict[int, float] = {}

    def quality_of(i: int) -> float:
        q = exact.get(i)
        if q is None:
            standing_i = standing(corpus.groups[group_ids[i]].text)
            q = exact[i] = quality.scale[i] * (quality.plain[i] * standing_i)
        return q

    def gain(i: int) -> float:
        new = corpus.groups[group_ids[i]].concepts - covered
        return quality_of(i) * sum(weight.get(c, 0.0) for c in new) \
            / lengths[i] ** LENGTH_EXPONENT

    bounds = quality.scale * quality.plain  # standing is at most 1
    heap = list(zip((-_first_gains(corpus, group_ids, bounds, lengths, covered)).tolist(),
                    range(len(group_ids)), strict=True))
    heapq.heapify(heap)
    items = dict.fromkeys(budgets, 0)
    words = dict.fromkeys(budgets, 0)
    total = 0
    chosen: list[int] = []
    open_budgets = {b for b in budgets if budgets[b].items > 0}
    while heap and open_budgets and total < max_words:
        _, i = heapq.heappop(heap)
        b, n = budget_of[i], lengths[i]
        # budgets only fill: what does not fit now never will, whatever it would gain
        if b not in open_budgets or words[b] + n > budgets[b].words or total + n > max_words:
            continue
        current = gain(i)
        if heap and current < -heap[0][0]:
            heapq.heappush(heap, (-current, i))  # stale: others may now gain more
            continue
        if current <= 0:
            break
        chosen.append(group_ids[i])
        items[b] += 1
        words[b] += n
        total += n
        if items[b] >= budgets[b].items:
            open_budgets.discard(b)
        covered |= corpus.groups[group_ids[i]].concepts
    return chosen


def _first_gains(corpus: Corpus, group_ids: Sequence[int], quality: np.ndarray,
                 lengths: list[int], covered: set[str]) -> np.ndarray:
    """Every group's gain before any pick, all at once: a group's TF-IDF row holds its
    concepts, so the weight of those not covered is one product."""
    vocabulary = corpus.vectorizer.vocabulary_
    weights = np.zeros(corpus.group_rows.shape[1])
    weights[np.fromiter(vocabulary.values(), dtype=np.int64, count=len(vocabulary))] = \
        np.fromiter(map(corpus.concept_weight.get, vocabulary, repeat(0.0)), dtype=float,
                    count=len(vocabulary))
    for concept in covered:  # a few dozen: the summary's words
        column = vocabulary.get(concept)
        if column is not None:
            weights[column] = 0.0
    rows = corpus.group_rows[list(group_ids)]
    held = sparse.csr_matrix((np.ones(rows.nnz), rows.indices, rows.indptr), shape=rows.shape)
    return np.asarray(quality) * (held @ weights) / np.asarray(lengths, dtype=float) \
        ** LENGTH_EXPONENT


def _normalized(values: np.ndarray) -> np.ndarray:
    top = values.max() if len(values) else 0
    return values / top if top > 0 else values


def support_boost(group: Group) -> float:
    """A fact more outlets report weighs more, each further outlet a little less."""
    return 1 + 0.4 * math.log(len(group.sources))


# The summary asks it of every group, the sections again of theirs: kept as read's are.
@lru_cache(maxsize=1 << 19)
def standing(text: str) -> float:
    """Less for a sentence that leans on the one before or previews the day's schedule."""
    leaning = (_LEANING.match(text) or _LEANING.search(text, max(1, len(text) - _LEANING_REACH))
               or _SAID_BEFORE.search(text))
    return (LEANING_WEIGHT if leaning else 1.0) * (PREVIEW_WEIGHT if read(text).preview else 1.0)


def section_quality(corpus: Corpus, section: SectionConfig, group_ids: list[int],
                    fit: np.ndarray) -> Quality:
    """Per group of the section: how well it fits (`fit`: finite, as assignment keeps
    only groups a section reaches), how central it is by the section's ranker, how
    widely reported, how plainly worded and (`Quality`) whether it stands alone."""
    if not group_ids:
        return Quality(np.zeros(0), np.zeros(0))
    groups = [corpus.groups[g] for g in group_ids]
    cent = RANKERS[section.ranker]([g.text for g in groups], corpus.group_rows[group_ids])
    boost = np.array([support_boost(g) for g in groups])
    floor = MIN_PLAINNESS if corpus.articles >= MIN_ARTICLES_FOR_IT else 0.0
    plain = np.array([(PLAIN_FLOOR + g.plainness) * (g.plainness >= floor) for g in groups])
    return Quality((RELEVANCE_FLOOR + _normalized(np.maximum(fit, 0)))
                   * (0.75 + 0.25 * _normalized(cent)) * boost, plain)


def select_summary(corpus: Corpus, summary: SummaryConfig,
                   covered: set[str] | None = None) -> list[int]:
    """Bottom line up front: central lead sentences that many outlets carry."""
    if summary.max_items == 0 or not corpus.groups:
        return []
    cent = centrality([g.text for g in corpus.groups], corpus.group_rows)
    lead = np.array([1.0 / (1 + g.first_position) for g in corpus.groups])
    boost = np.array([support_boost(g) for g in corpus.groups])
    plain = np.array([PLAIN_FLOOR + g.plainness for g in corpus.groups])
    quality = Quality((0.3 * _normalized(cent) + 0.7 * lead) * boost, plain)
    ids = list(range(len(corpus.groups)))
    return choose(corpus, ids, quality, ["summary"] * len(ids),
                  {"summary": Budget(summary.max_items, summary.max_words)},
                  summary.max_words, set() if covered is None else covered)
