"""Rankers: name -> function giving each sentence a centrality score (higher is better).

`centrality` is ours: LexRank's idea (sentences voted central by similar
sentences) on sparse TF-IDF vectors with a vectorized power iteration.
The other names run sumy's summarizers through sumy's own API, with our
tokenizer, so the choice is one word in the YAML. Every ranker is called the
same way, with the texts and their TF-IDF rows (sumy's ignore the rows).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, partial

import numpy as np
from scipy import sparse

from .ranker_names import RANKER_NAMES, SUMY_SUMMARIZERS

Ranker = Callable[[Sequence[str], sparse.csr_matrix], np.ndarray]



# Up to this many sentences the thresholded similarity graph is built (its edges
# grow with the square of the sentences); above it, the continuous graph is used
# without being built.
GRAPH_LIMIT = 2_000


def centrality(texts: Sequence[str], rows: sparse.csr_matrix | None = None,
               threshold: float = 0.1, damping: float = 0.85) -> np.ndarray:
    """LexRank-style scores: stationary distribution over the similarity graph.

    Up to GRAPH_LIMIT sentences the graph links pairs of cosine >= threshold (found
    by prefix filtering, never as a dense product); above it, every pair is linked
    by its cosine ("continuous LexRank"), whose products go through the TF-IDF rows
    (X (X^T v)), so time and memory grow with the sentences, not their square.
    """
    n = len(texts)
    if n == 0:
        return np.zeros(0)
    if rows is None:  # called on its own (tests, bench): vectorize here
        from .vectors import tfidf
        rows = tfidf(texts)
    step = _graph_step(rows, threshold) if n <= GRAPH_LIMIT else _continuous_step(rows)
    degree = step(np.ones(n), np.ones(n))
    dangling = degree <= 1e-12  # unconnected sentences spread their weight evenly
    inverse = 1.0 / np.where(dangling, 1.0, degree)
    scores = np.full(n, 1.0 / n)
    for _ in range(100):
        spread = scores[dangling].sum() / n
        new = (1 - damping) / n + damping * (step(scores, inverse) + spread)
        if np.abs(new - scores).sum() < 1e-6:
            return new
        scores = new
    return scores


def _graph_step(rows: sparse.csr_matrix, threshold: float):
    """v, w -> W (v * w) over the thresholded graph W (symmetric, no self-loops)."""
    from .neighbours import similar_pairs

    n = rows.shape[0]
    i, j, cosine = similar_pairs(rows, threshold)
    graph = sparse.csr_matrix((np.concatenate([cosine, cosine]),
                               (np.concatenate([i, j]), np.concatenate([j, i]))), shape=(n, n))
    return lambda v, w: graph @ (v * w)


def _continuous_step(rows: sparse.csr_matrix):
    """v, w -> W (v * w) with W = X X^T less its diagonal, never formed."""
    rows = rows.tocsr()
    self_loop = np.asarray(rows.multiply(rows).sum(axis=1)).ravel()
    rows_t = rows.T.tocsr()
    return lambda v, w: rows @ (rows_t @ (v * w)) - self_loop * v * w


class _Ranking:
    """sumy's `count` hook: it is handed every sentence sorted best first; we keep that order."""

    def __init__(self) -> None:
        self.order: list[int] = []

    def __call__(self, infos: list) -> list:
        self.order = [info.order for info in infos]
        return infos


@cache
def _sumy_summarizer(name: str):
    import importlib

    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    module, cls = SUMY_SUMMARIZERS[name]
    summarizer = getattr(importlib.import_module(module), cls)(Stemmer("english"))
    if hasattr(summarizer, "stop_words"):
        summarizer.stop_words = get_stop_words("english")
    return summarizer


def sumy_scores(name: str, texts: Sequence[str]) -> np.ndarray:
    """Scores from a sumy summarizer: the sentence sumy ranks first scores highest."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    from .segment import SumyTokenizer

    n = len(texts)
    if n == 0:
        return np.zeros(0)
    tokenizer = SumyTokenizer()
    document = ObjectDocumentModel([Paragraph([SumySentence(t, tokenizer) for t in texts])])
    ranking = _Ranking()
    # sumy's LexRank divides by a zero norm when no sentence holds a content word: numpy
    # warns on stderr, and the ranking (input order) is still the right answer
    with np.errstate(invalid="ignore", divide="ignore"):
        _sumy_summarizer(name)(document, ranking)
    scores = np.zeros(n)
    for rank, order in enumerate(ranking.order):
        scores[order] = (n - rank) / n
    return scores


def _sumy_ranker(name: str, texts: Sequence[str], _rows: sparse.csr_matrix) -> np.ndarray:
    return sumy_scores(name, texts)


def _registry() -> dict[str, Ranker]:
    """Ours and every sumy summarizer by config name, all with the one signature."""
    return {"centrality": centrality,
            **{name: partial(_sumy_ranker, name) for name in SUMY_SUMMARIZERS}}


RANKERS = _registry()
assert tuple(RANKERS) == RANKER_NAMES  # the config checks names without importing us
