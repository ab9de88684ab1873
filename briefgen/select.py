"""Choose each section's items: relevance to the section, then ranking, then redundancy.

1. Candidates are complete sentences of sensible length (headlines and
   fragments never are).
2. Near-duplicates across outlets are grouped; a group becomes one item that
   cites every article in it, shown in its cleanest wording.
3. Each group goes to the one section its text fits best (a TF-IDF query made
   of the section's description, cues and examples, plus cue matches).
4. Within a section, groups are scored by relevance, centrality (the section's
   ranker) and support, and picked by MMR under the item and word budgets.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from . import vectors
from .config import SectionConfig, SummaryConfig
from .model import Item, Sentence
from .rankers import centrality, get_ranker

MIN_WORDS, MAX_WORDS = 6, 70
DUPLICATE_SIMILARITY = 0.5  # cosine at which two sentences tell the same fact
MMR_REDUNDANCY = 0.6  # weight of similarity to already chosen items


@dataclass(frozen=True)
class Group:
    """Sentences that say the same thing, possibly in several articles."""

    text: str  # the cleanest variant, verbatim
    sources: tuple[str, ...]
    first_position: int  # earliest sentence index among the variants (lead = 0)
    row: int  # the variant's row in the candidate matrix


@dataclass(frozen=True)
class Corpus:
    candidates: list[Sentence]
    groups: list[Group]
    vectorizer: object
    matrix: sparse.csr_matrix  # candidate rows, L2-normalized
    group_rows: sparse.csr_matrix  # one row per group (its shown variant)


def is_candidate(sentence: Sentence) -> bool:
    n = len(sentence.text.split())
    return sentence.is_complete and MIN_WORDS <= n <= MAX_WORDS


def build_corpus(sentences: Sequence[Sentence], article_order: Sequence[str]) -> Corpus:
    candidates = [s for s in sentences if is_candidate(s)]
    vectorizer, matrix = vectors.fit([s.text for s in candidates])
    groups = group_duplicates(candidates, matrix, article_order)
    rows = matrix[[g.row for g in groups]] if groups else matrix[:0]
    return Corpus(candidates, groups, vectorizer, matrix, rows)


def group_duplicates(candidates: list[Sentence], matrix: sparse.csr_matrix,
                     article_order: Sequence[str]) -> list[Group]:
    if not candidates:
        return []
    sim = (matrix @ matrix.T).tocsr()
    sim.data[sim.data < DUPLICATE_SIMILARITY] = 0
    sim.eliminate_zeros()
    _, labels = connected_components(sim, directed=False)
    common = _shared_word_share(candidates)
    rank = {a: i for i, a in enumerate(article_order)}
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(label, []).append(i)
    groups = []
    for rows in members.values():
        best = max(rows, key=lambda i: (common[i], -rank.get(candidates[i].article_id, 0)))
        sources = sorted({candidates[i].article_id for i in rows}, key=lambda a: rank.get(a, 0))
        groups.append(Group(candidates[best].text, tuple(sources),
                            min(candidates[i].index for i in rows), best))
    return groups


def _shared_word_share(candidates: list[Sentence]) -> list[float]:
    """Per sentence, the share of its words that other articles use too.

    Misspellings and machine-spun synonyms appear in one article only, so the
    variant with the highest share is the cleanest wording of a fact.
    """
    articles_using: dict[str, set[str]] = {}
    tokenized = [vectors.analyze(s.text) for s in candidates]
    for s, tokens in zip(candidates, tokenized, strict=True):
        for t in tokens:
            articles_using.setdefault(t, set()).add(s.article_id)
    return [sum(len(articles_using[t]) > 1 for t in tokens) / len(tokens) if tokens else 0.0
            for tokens in tokenized]


def cue_pattern(cues: Sequence[str]) -> re.Pattern | None:
    """`meet*` matches words starting with meet; other cues match as whole phrases."""
    parts = [re.escape(c.strip().rstrip("*")) + (r"\w*" if c.strip().endswith("*") else r"\b")
             for c in cues if c.strip().rstrip("*")]
    return re.compile(r"\b(?:" + "|".join(parts) + ")", re.I) if parts else None


def section_query(section: SectionConfig) -> str:
    return " ".join([section.title, section.description,
                     *(c.rstrip("*") for c in section.cues), *section.examples])


def relevance(corpus: Corpus, section: SectionConfig, texts: Sequence[str] | None = None,
              rows: sparse.csr_matrix | None = None) -> np.ndarray:
    """How well each text fits the section: query similarity plus distinct cue matches."""
    texts = [g.text for g in corpus.groups] if texts is None else texts
    rows = corpus.group_rows if rows is None else rows
    if not texts:
        return np.zeros(0)
    query = vectors.transform(corpus.vectorizer, [section_query(section)])
    similarity = np.asarray((rows @ query.T).todense()).ravel()
    pattern = cue_pattern(section.cues)
    hits = np.array([len({m.lower() for m in pattern.findall(t)}) if pattern else 0
                     for t in texts])
    # Without any cue a sentence must be clearly similar to the query.
    return np.where((hits > 0) | (similarity >= 0.2), similarity + 0.15 * np.minimum(hits, 3), 0)


def assign_sections(corpus: Corpus, sections: Sequence[SectionConfig],
                    exclude: set[int] = frozenset()) -> dict[str, list[int]]:
    """Group indices per section id: each group goes only to the section it fits best."""
    out: dict[str, list[int]] = {s.id: [] for s in sections}
    if not corpus.groups:
        return out
    scores = np.vstack([relevance(corpus, s) for s in sections])
    best = scores.argmax(axis=0)
    for g in range(len(corpus.groups)):
        if g not in exclude and scores[best[g], g] > 0:
            out[sections[best[g]].id].append(g)
    return out


def choose(corpus: Corpus, group_ids: list[int], scores: np.ndarray,
           max_items: int, max_words: int) -> list[int]:
    """Maximal marginal relevance under an item and a word budget."""
    rows = corpus.group_rows[group_ids]
    sim = (rows @ rows.T).toarray() if group_ids else np.zeros((0, 0))
    chosen: list[int] = []
    words = 0
    remaining = set(range(len(group_ids)))
    while remaining and len(chosen) < max_items:
        def mmr(i: int) -> float:
            redundancy = max((sim[i, j] for j in chosen), default=0.0)
            return scores[i] - MMR_REDUNDANCY * redundancy

        best = max(remaining, key=mmr)
        remaining.discard(best)
        n = len(corpus.groups[group_ids[best]].text.split())
        if words + n > max_words or max((sim[best, j] for j in chosen), default=0) > 0.5:
            continue
        chosen.append(best)
        words += n
    return [group_ids[i] for i in chosen]


def _normalized(values: np.ndarray) -> np.ndarray:
    top = values.max() if len(values) else 0
    return values / top if top > 0 else values


def support_boost(group: Group) -> float:
    return 1 + 0.4 * math.log(len(group.sources))


def select_section(corpus: Corpus, section: SectionConfig, group_ids: list[int]) -> list[Item]:
    if not group_ids:
        return []
    texts = [corpus.groups[g].text for g in group_ids]
    rel = relevance(corpus, section, texts, corpus.group_rows[group_ids])
    if section.ranker == "centrality":
        cent = centrality(texts, corpus.group_rows[group_ids])
    else:
        cent = get_ranker(section.ranker)(texts)
    boost = np.array([support_boost(corpus.groups[g]) for g in group_ids])
    scores = (0.65 * _normalized(rel) + 0.35 * _normalized(cent)) * boost
    picked = choose(corpus, group_ids, scores, section.max_items, section.max_words)
    return [Item(corpus.groups[g].text, corpus.groups[g].sources) for g in picked]


def select_summary(corpus: Corpus, summary: SummaryConfig) -> list[int]:
    """Bottom line up front: central lead sentences that many outlets carry."""
    if summary.max_items == 0 or not corpus.groups:
        return []
    cent = centrality([g.text for g in corpus.groups], corpus.group_rows)
    lead = np.array([1.0 / (1 + g.first_position) for g in corpus.groups])
    boost = np.array([support_boost(g) for g in corpus.groups])
    scores = (0.3 * _normalized(cent) + 0.7 * lead) * boost
    return choose(corpus, list(range(len(corpus.groups))), scores,
                  summary.max_items, summary.max_words)
