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

Ranker = Callable[[Sequence[str], sparse.csr_matrix], np.ndarray]

# sumy summarizers by config name: (module, class). Edmundson is left out: it
# needs hand-made bonus/stigma word lists that a section config does not carry.
SUMY_SUMMARIZERS = {
    "lexrank": ("sumy.summarizers.lex_rank", "LexRankSummarizer"),
    "textrank": ("sumy.summarizers.text_rank", "TextRankSummarizer"),
    "lsa": ("sumy.summarizers.lsa", "LsaSummarizer"),
    "luhn": ("sumy.summarizers.luhn", "LuhnSummarizer"),
    "kl": ("sumy.summarizers.kl", "KLSummarizer"),
    "sumbasic": ("sumy.summarizers.sum_basic", "SumBasicSummarizer"),
    "reduction": ("sumy.summarizers.reduction", "ReductionSummarizer"),
    "random": ("sumy.summarizers.random", "RandomSummarizer"),
}


def centrality(texts: Sequence[str], rows: sparse.csr_matrix | None = None,
               threshold: float = 0.1, damping: float = 0.85) -> np.ndarray:
    """LexRank-style scores: stationary distribution over the similarity graph."""
    n = len(texts)
    if n == 0:
        return np.zeros(0)
    if rows is None:  # called on its own (tests, bench): vectorize here
        from .vectors import tfidf
        rows = tfidf(texts)
    sim = (rows @ rows.T).tolil()
    sim.setdiag(0)  # a sentence does not vote for itself
    sim = sim.tocsr()
    sim.data[sim.data < threshold] = 0.0
    sim.eliminate_zeros()
    degree = np.asarray(sim.sum(axis=1)).ravel()
    dangling = degree == 0  # unconnected sentences spread their weight evenly
    transition = sparse.diags(1.0 / np.where(dangling, 1.0, degree)) @ sim
    scores = np.full(n, 1.0 / n)
    for _ in range(100):
        spread = scores[dangling].sum() / n
        new = (1 - damping) / n + damping * (transition.T @ scores + spread)
        if np.abs(new - scores).sum() < 1e-6:
            return new
        scores = new
    return scores


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
RANKER_NAMES = tuple(RANKERS)  # what the config accepts as a section's ranker
