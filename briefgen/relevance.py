"""How well a text fits a section: TF-IDF similarity to the section's query plus its cues.

The query is the section's title, description, cue words and examples. A cue
found in the text adds relevance, more for a cue few sentences of the day
contain; without any cue a text must be clearly similar to the query.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from scipy import sparse

from . import vectors
from .config import SectionConfig
from .corpus import Corpus

CUE_WEIGHT, CUE_CAP = 0.5, 3  # relevance added per unit of cue weight, and its cap


@lru_cache(maxsize=256)
def cue_pattern(cues: tuple[str, ...]) -> re.Pattern | None:
    """One pattern for a section's cues, each cue its own named group (c0, c1, ...).

    `meet*` matches words starting with meet; `/first.{0,40}since/` is a regular
    expression; any other cue matches as a whole word or phrase.
    """
    parts = []
    for n, cue in enumerate(c.strip() for c in cues):
        if len(cue) > 2 and cue.startswith("/") and cue.endswith("/"):
            body = cue[1:-1]
        elif cue.rstrip("*"):
            body = re.escape(cue.rstrip("*")) + (r"\w*" if cue.endswith("*") else r"\b")
        else:
            continue
        parts.append(f"(?P<c{n}>{body})")
    return re.compile(r"\b(?:" + "|".join(parts) + ")", re.I) if parts else None


def cues_in(pattern: re.Pattern | None, text: str) -> set[str]:
    return {m.lastgroup for m in pattern.finditer(text)} if pattern else set()


def section_query(section: SectionConfig) -> str:
    words = [c.rstrip("*") for c in section.cues if not c.startswith("/")]
    return " ".join([section.title, section.description, *words, *section.examples])


def cue_weights(corpus: Corpus, section: SectionConfig) -> dict[str, float]:
    """A cue found in few sentences says more than one found everywhere ("talks" in a
    story about talks): weight 1 for a cue in one sentence, near 0 for one in all."""
    key = (section.id, section.cues)
    if key not in corpus.cue_weight_cache:
        pattern = cue_pattern(section.cues)
        counts: dict[str, int] = {}
        for g in corpus.groups:
            for cue in cues_in(pattern, g.text):
                counts[cue] = counts.get(cue, 0) + 1
        total = math.log(len(corpus.groups) + 1)
        corpus.cue_weight_cache[key] = {
            c: math.log((len(corpus.groups) + 1) / n) / total for c, n in counts.items()}
    return corpus.cue_weight_cache[key]


def relevance(corpus: Corpus, section: SectionConfig, texts: Sequence[str] | None = None,
              rows: sparse.csr_matrix | None = None) -> np.ndarray:
    """How well each text fits the section: query similarity plus the weight of the
    section's cues it contains."""
    texts = [g.text for g in corpus.groups] if texts is None else texts
    rows = corpus.group_rows if rows is None else rows
    if not texts:
        return np.zeros(0)
    query = vectors.transform(corpus.vectorizer, [section_query(section)])
    similarity = np.asarray((rows @ query.T).todense()).ravel()
    pattern = cue_pattern(section.cues)
    weights = cue_weights(corpus, section)
    cue_score = np.array([sum(weights.get(c, 1.0) for c in cues_in(pattern, t)) for t in texts])
    # Without any cue a sentence must be clearly similar to the query.
    return np.where((cue_score > 0) | (similarity >= 0.2),
                    similarity + CUE_WEIGHT * np.minimum(cue_score, CUE_CAP), 0)
