"""Sparse TF-IDF vectors over stemmed words, shared by relevance, ranking and dedup."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

_TOKEN = re.compile(r"[a-z][a-z0-9]+(?:-[a-z0-9]+)*")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem, cached: a corpus has few distinct words and many repeats."""
    return _stemmer().stem(word)


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import SnowballStemmer  # ships with sumy; needs no data files

    return SnowballStemmer("english")


def analyze(text: str) -> list[str]:
    return [stem(w) for w in _TOKEN.findall(text.lower().replace("’", "'"))
            if w not in ENGLISH_STOP_WORDS]


def fit(texts: Sequence[str]) -> tuple[TfidfVectorizer, sparse.csr_matrix]:
    """A vectorizer fitted on texts, and their L2-normalized rows."""
    vectorizer = TfidfVectorizer(analyzer=analyze, sublinear_tf=True)
    if not texts:
        return vectorizer, sparse.csr_matrix((0, 0))
    try:
        return vectorizer, vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # every text was stop words only: no vocabulary
        return vectorizer, sparse.csr_matrix((len(texts), 0))


def tfidf(texts: Sequence[str]) -> sparse.csr_matrix:
    return fit(texts)[1]


def transform(vectorizer: TfidfVectorizer, texts: Sequence[str]) -> sparse.csr_matrix:
    if not hasattr(vectorizer, "vocabulary_"):
        return sparse.csr_matrix((len(texts), 0))
    return vectorizer.transform(texts).tocsr()
