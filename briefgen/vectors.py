"""Sparse TF-IDF vectors over stemmed words, shared by relevance, ranking and dedup.

A small TF-IDF of our own (sublinear term frequency, smoothed idf, L2 rows: the
figures scikit-learn's TfidfVectorizer gives) keeps scikit-learn out of start-up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

import numpy as np
from scipy import sparse

_TOKEN = re.compile(r"[a-z][a-z0-9]+(?:-[a-z0-9]+)*")


def _stop_words() -> frozenset[str]:
    text = resources.files("briefgen").joinpath("data", "stop_words.txt").read_text()
    return frozenset(w for line in text.splitlines() if not line.startswith("#")
                     for w in line.split())


ENGLISH_STOP_WORDS = _stop_words()


MAX_STEMS = 200_000  # words whose stems are kept: a large day's vocabulary, bounded


class _Stems(dict):
    """Word (or run of small ASCII letters and digits) -> the Snowball stem of the word in
    it, "" for a stop word or none (a stem never is empty: Snowball keeps a word's first two
    letters). A key not yet seen is looked up when first asked for, so `analyze` maps a
    sentence's words in C, a call only per new word; emptied when full."""

    def __missing__(self, word: str) -> str:
        if len(self) >= MAX_STEMS:
            self.clear()
        # a run "22nd" holds the word "nd", "3d" none; a word is itself
        inner = word.lstrip("0123456789")
        found = self[word] = _stemmer().stemWord(inner) \
            if len(inner) > 1 and inner not in ENGLISH_STOP_WORDS else ""
        return found


_STEMS = _Stems()


@lru_cache(maxsize=1)
def _stemmer():
    # Snowball 2.2's English stems, NLTK's (the same on 51,000 words of news), without
    # NLTK, which pulls in scipy.stats: a second of start-up. snowballstemmer hands out
    # PyStemmer 2.2.0.x when it is installed (a dependency): that algorithm in C, some 70
    # times faster than the pure Python and the same on 51,000 words of news and bench text.
    import snowballstemmer

    stemmer = snowballstemmer.stemmer("english")
    if hasattr(stemmer, "maxCacheSize"):  # PyStemmer's
        # its cache is for callers that stem a word many times: `_STEMS` asks once per
        # word, and the cache would only make each first asking about four times slower
        stemmer.maxCacheSize = 0  # documented: 0 disables it
    return stemmer


def analyze(text: str) -> list[str]:
    """The text's stemmed content words, in order; stop words map to "" and drop out."""
    return list(filter(None, map(_STEMS.__getitem__,
                                 _TOKEN.findall(text.lower().replace("’", "'")))))


def analyze_normalized(text: str, normalized: str) -> list[str]:
    """`analyze(text)`, given the text's runs of word characters in small letters joined by
    single spaces (`corpus._normalized_text`). Without a hyphen, an underscore or a letter
    past ASCII, each run holds one word or none (a number, a letter alone): the runs map
    to their stems in C."""
    if "-" in text or not normalized.isascii() or "_" in normalized:
        return analyze(text)
    return list(filter(None, map(_STEMS.__getitem__, normalized.split(" "))))


class Vectorizer:
    """Words to columns and their idf, learnt from the texts it was fitted on."""

    def __init__(self) -> None:
        self.vocabulary_: dict[str, int] = {}
        self.idf = np.zeros(0)

    def fit_transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        return self.weigh_fitted(self.fit_counts(map(analyze, texts), len(texts)))

    def fit_counts(self, tokens: Iterable[list[str]], n: int) -> sparse.csr_matrix:
        """How often each text uses each word, columns in the order the words first
        appear; the first half of `fit_transform`, for a caller that counts too."""
        return self._counts(tokens, n, grow=True)

    def weigh_fitted(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        """The second half of `fit_transform`: idf learnt from `fit_counts`'s counts, which
        become the L2-normalized TF-IDF rows in place."""
        df = np.bincount(counts.indices, minlength=len(self.vocabulary_))
        self.idf = np.log((1 + counts.shape[0]) / (1 + df)) + 1
        return self._weigh(counts)

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        return self._weigh(self._counts(map(analyze, texts), len(texts), grow=False))

    def _counts(self, tokens: Iterable[list[str]], n: int, grow: bool) -> sparse.csr_matrix:
        vocabulary = self.vocabulary_
        indices: list[int] = []
        data: list[int] = []
        indptr = [0]
        for words in tokens:
            row: dict[int, int] = {}
            for word in words:
                column = vocabulary.setdefault(word, len(vocabulary)) if grow \
                    else vocabulary.get(word)
                if column is not None:
                    row[column] = row.get(column, 0) + 1
            indices += row
            data += row.values()
            indptr.append(len(indices))
        return sparse.csr_matrix((np.array(data, dtype=np.float64),
                                  np.array(indices, dtype=np.int64), np.array(indptr)),
                                 shape=(n, len(vocabulary)))

    def _weigh(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        counts.data = (1 + np.log(counts.data)) * self.idf[counts.indices]
        norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
        counts.data /= np.repeat(np.where(norms > 0, norms, 1.0), np.diff(counts.indptr))
        counts.sort_indices()
        return counts


def fit(texts: Sequence[str]) -> tuple[Vectorizer, sparse.csr_matrix]:
    """A vectorizer fitted on texts, and their L2-normalized rows."""
    vectorizer = Vectorizer()
    if not texts:
        return vectorizer, sparse.csr_matrix((0, 0))
    return vectorizer, vectorizer.fit_transform(texts)


def tfidf(texts: Sequence[str]) -> sparse.csr_matrix:
    return fit(texts)[1]


def transform(vectorizer: Vectorizer, texts: Sequence[str]) -> sparse.csr_matrix:
    return vectorizer.transform(texts)
