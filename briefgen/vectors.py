"""Sparse TF-IDF vectors over stemmed words, shared by relevance, ranking and dedup.

A small TF-IDF of our own (sublinear term frequency, smoothed idf, L2 rows: the
figures scikit-learn's TfidfVectorizer gives) keeps scikit-learn out of start-up.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from functools import lru_cache
from importlib import resources
from itertools import filterfalse, islice, repeat
from typing import TypeVar

import numpy as np
from scipy import sparse

_TOKEN = re.compile(r"[a-z][a-z0-9]+(?:-[a-z0-9]+)*|[0-9]+(?![a-z0-9])")
# Letters with marks are words too, read without their marks: "Huệ", "Türkiye" and
# "Elysée" are "hue", "turkiye", "elysee", as outlets that drop the marks spell them.
# (Read as they were, [a-z] cut them into pieces: "t", "rkiye".)
_LATIN_MARKED = [(0xC0, 0x250), (0x1E00, 0x1F00)]  # Latin letters, with marks among them
# marks standing apart from their letters ("Tu\u0308rkiye"); "İ" lowers to "i" and such a mark
_MARKS_APART = [(0x300, 0x370), (0x1AB0, 0x1B00), (0x1DC0, 0x1E00), (0x20D0, 0x2100),
                (0xFE20, 0xFE30)]
_MARKED = re.compile("[" + "".join(f"{chr(a)}-{chr(b - 1)}"
                                   for a, b in _LATIN_MARKED + _MARKS_APART) + "]")


def _unmarking_table() -> dict[int, str | None]:
    """One table (a lookup per character in C): each marked Latin letter's decomposition
    without its marks, a few that no decomposition takes apart by hand, and the marks
    standing apart left out."""
    table: dict[int, str | None] = {}
    for a, b in _LATIN_MARKED:
        for c in map(chr, range(a, b)):
            plain = "".join(p for p in unicodedata.normalize("NFKD", c)
                            if not unicodedata.combining(p))
            if plain and plain.isascii() and plain != c:
                table[ord(c)] = plain
    table.update({ord(c): t for c, t in zip("đøłßæœıħþð", ["d", "o", "l", "ss", "ae", "oe",
                                                          "i", "h", "th", "d"], strict=True)})
    table.update(dict.fromkeys((c for a, b in _MARKS_APART for c in range(a, b)), None))
    return table


_UNMARKED = _unmarking_table()


def _words(text: str) -> list[str]:
    """The text's runs of small ASCII letters and digits, its marks taken off its letters
    (only where it has any: curly quotes and dashes alone are past ASCII too)."""
    lowered = text.lower().replace("’", "'")
    if not lowered.isascii() and _MARKED.search(lowered):
        lowered = lowered.translate(_UNMARKED)
    return _TOKEN.findall(lowered)


def _stop_words() -> frozenset[str]:
    text = resources.files("briefgen").joinpath("data", "stop_words.txt").read_text()
    return frozenset(w for line in text.splitlines() if not line.startswith("#")
                     for w in line.split())


ENGLISH_STOP_WORDS = _stop_words()


MAX_STEMS = 200_000  # words whose stems are kept: a large day's vocabulary, bounded
_DIGITS = "0123456789"


class _Stems(dict):
    """Word (or run of small ASCII letters and digits) -> the Snowball stem of the word in
    it, "" for a stop word or none (a stem never is empty: Snowball keeps a word's first two
    letters). A key not yet seen is looked up when first asked for, so `analyze` maps a
    sentence's words in C, a call only per new word; emptied when full."""

    def __missing__(self, word: str) -> str:
        self.learn((word,))
        return self[word]

    def learn(self, words: Collection[str]) -> None:
        """Stems the words not yet known, in one call to the stemmer: called per word, the
        calls cost more than the stemming. A figure ("15 agreements", "100 billion") tells
        a fact apart and is its own stem; a run "22nd" holds the word "nd", "3d" none.
        Afterwards every one of the words is known (past MAX_STEMS, until the next word
        not known)."""
        new = list(filterfalse(self.__contains__, words))
        if len(self) + len(new) > MAX_STEMS:
            self.clear()  # and so all the words are new: none may go missing after
            new = list(words)
        inner = list(map(str.lstrip, new, repeat(_DIGITS)))
        stems = _stemmer().stemWords(inner)
        self.update(zip(new, [
            (word if len(word) > 1 and word[0] != "0" else "") if word.isdigit()
            else stem if len(rest) > 1 and rest not in ENGLISH_STOP_WORDS else ""
            for word, rest, stem in zip(new, inner, stems, strict=True)], strict=True))


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
    return list(filter(None, map(_STEMS.__getitem__, _words(text))))


def analyze_normalized(text: str, normalized: str) -> list[str]:
    """`analyze(text)`, given the text's runs of word characters in small letters joined by
    single spaces (`corpus._normalized_text`). Without a hyphen, an underscore or a letter
    past ASCII, each run holds one word or none (a number, a letter alone): the runs map
    to their stems in C."""
    if _needs_analyze(text, normalized):
        return analyze(text)
    return list(filter(None, map(_STEMS.__getitem__, normalized.split(" "))))


def _needs_analyze(text: str, normalized: str) -> bool:
    return "-" in text or not normalized.isascii() or "_" in normalized \
        or (not text.isascii() and _MARKED.search(text) is not None)


BLOCK_TEXTS = 2_000  # texts worked on at once (token_blocks, per_block)
COUNT_CHUNK = 1 << 20  # words counted at once (see Vectorizer._counted)
T = TypeVar("T")


def per_block(function: Callable[[Sequence[str]], list[T]], texts: Sequence[str]) -> list[T]:
    """function over the texts BLOCK_TEXTS at a time, its results joined: what it makes
    of a block at once (one string, numpy arrays) stays small on a large day."""
    out: list[T] = []
    for first in range(0, len(texts), BLOCK_TEXTS):
        out += function(texts[first:first + BLOCK_TEXTS])
    return out


def token_blocks(texts: Sequence[str], normalized: Sequence[str]
                 ) -> Iterator[tuple[list[str], list[int]]]:
    """The words of the texts before stemming, BLOCK_TEXTS texts at a time: each block's
    words as one list, with each text's length in it. `analyze_normalized` of a text is
    its words' stems (`_STEMS`), those of stop words "" and left out. The runs of many
    texts are joined and split in one C pass, not a list per text. In blocks, because each
    word is a string of its own until it is stemmed or numbered: a large day's words all
    at once took some 400 MB at 10,000 articles."""
    tokens: list[str] = []
    lengths: list[int] = []
    block: list[str] = []  # the normalized texts since the last one `analyze` read
    for text, key in zip(texts, normalized, strict=True):
        if _needs_analyze(text, key):
            tokens += " ".join(block).split(" ") if block else ()
            block.clear()
            words = _words(text)
            tokens += words
            lengths.append(len(words))
        else:
            block.append(key)
            lengths.append(key.count(" ") + 1)  # its runs: never a space at an end or two
        if len(lengths) == BLOCK_TEXTS:
            tokens += " ".join(block).split(" ") if block else ()
            block.clear()
            yield tokens, lengths
            tokens, lengths = [], []
    if block:
        tokens += " ".join(block).split(" ")
    if lengths:
        yield tokens, lengths


class Vectorizer:
    """Words to columns and their idf, learnt from the texts it was fitted on."""

    def __init__(self) -> None:
        self.vocabulary_: dict[str, int] = {}
        self.idf = np.zeros(0)

    def fit_transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        return self.weigh_fitted(self.fit_counts(*_joined(map(analyze, texts))))

    def fit_counts(self, stems: list[str], lengths: Sequence[int]) -> sparse.csr_matrix:
        """How often each text uses each word, columns in the order the words first
        appear; the first half of `fit_transform`, for a caller that counts too. The
        texts' words stand in one list, `lengths[i]` of them the i-th text's ("" for
        a stop word: left out)."""
        return self._counted(self._fit_columns(stems), lengths)

    def fit_token_counts(self, blocks: Iterable[tuple[list[str], list[int]]]
                         ) -> sparse.csr_matrix:
        """`fit_counts` of the stems of `token_blocks`' words, each distinct word stemmed
        and given its column once: a day's texts use each word many times, and a word is
        looked up once in C here, not twice (its stem, then the stem's column)."""
        numbers: defaultdict[str, int] = defaultdict(None)
        numbers.default_factory = numbers.__len__  # a new word the next number
        parts: list[np.ndarray] = []  # (int32: a large day's words are many)
        lengths: list[int] = []
        for tokens, block_lengths in blocks:
            parts.append(np.fromiter(map(numbers.__getitem__, tokens), dtype=np.int32,
                                     count=len(tokens)))
            lengths += block_lengths
        ids = np.concatenate([np.zeros(0, np.int32), *parts])
        del parts
        # the distinct words stand in the order they first appear, and so do their stems:
        # the columns come out in the order `fit_counts` gives them
        _STEMS.learn(numbers)
        columns = self._fit_columns(list(map(_STEMS.__getitem__, numbers)))
        ids = columns[ids]  # each word's column (the numbers themselves let go)
        return self._counted(ids, lengths)

    def _fit_columns(self, stems: list[str]) -> np.ndarray:
        """Each stem's column ("" -1), a new stem the next one."""
        vocabulary = self.vocabulary_  # word -> column, the columns 0, 1, ... in its order
        # one pass over the words, in C: each known word's number, a new word the next one
        # (a defaultdict calling its own len), "" (a stop word) 0, the words one more
        numbers: defaultdict[str, int] = defaultdict(None, {"": 0})
        numbers.update(zip(vocabulary, range(1, len(vocabulary) + 1), strict=True))
        numbers.default_factory = numbers.__len__
        columns = np.fromiter(map(numbers.__getitem__, stems), dtype=np.int64, count=len(stems))
        columns -= 1
        vocabulary.update(zip(islice(numbers, len(vocabulary) + 1, None),
                              range(len(vocabulary), len(numbers) - 1), strict=True))
        return columns

    def weigh_fitted(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        """The second half of `fit_transform`: idf learnt from `fit_counts`'s counts, which
        become the L2-normalized TF-IDF rows in place."""
        df = np.bincount(counts.indices, minlength=len(self.vocabulary_))
        self.idf = np.log((1 + counts.shape[0]) / (1 + df)) + 1
        return self._weigh(counts)

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        return self._weigh(self._counts(*_joined(map(analyze, texts))))

    def _counts(self, stems: list[str], lengths: Sequence[int]) -> sparse.csr_matrix:
        """The counts of the words the vocabulary holds, each row's columns in the order
        its words first appear (the order the rows' sums, and so the weights, are
        added up in)."""
        columns = np.fromiter(map(self.vocabulary_.get, stems, repeat(-1)), dtype=np.int64,
                              count=len(stems))
        return self._counted(columns, lengths)

    def _counted(self, columns: np.ndarray, lengths: Sequence[int]) -> sparse.csr_matrix:
        """`_counts`, given each word's column (-1: one the vocabulary does not hold).
        Counted COUNT_CHUNK words at a time (whole texts): the sort that counts makes
        several arrays as long as the words it sorts, 300 MB at 10,000 articles at once."""
        starts = np.zeros(len(lengths) + 1, dtype=np.int64)  # where each text's words start
        np.cumsum(lengths, out=starts[1:])
        parts = []
        first = 0
        while first < len(lengths) or not parts:
            last = int(np.searchsorted(starts, starts[first] + COUNT_CHUNK, side="right")) - 1
            last = min(len(lengths), max(last, first + 1))
            parts.append(self._counted_rows(columns[starts[first]:starts[last]],
                                            lengths[first:last]))
            first = last
        return parts[0] if len(parts) == 1 else sparse.vstack(parts, format="csr")

    def _counted_rows(self, columns: np.ndarray, lengths: Sequence[int]) -> sparse.csr_matrix:
        vocabulary = self.vocabulary_
        n = len(lengths)
        rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
        known = columns >= 0
        columns, rows = columns[known], rows[known]
        # one number per (row, column); a row's entries stand together, in its words' order
        cells = rows * max(1, len(vocabulary)) + columns
        _, first, which, times = np.unique(cells, return_index=True, return_inverse=True,
                                           return_counts=True)
        firsts = np.zeros(len(cells), dtype=bool)
        firsts[first] = True
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows[firsts], minlength=n), out=indptr[1:])
        return sparse.csr_matrix((times[which[firsts]].astype(np.float64), columns[firsts],
                                  indptr), shape=(n, len(vocabulary)))

    def _weigh(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        counts.data = (1 + np.log(counts.data)) * self.idf[counts.indices]
        norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
        counts.data /= np.repeat(np.where(norms > 0, norms, 1.0), np.diff(counts.indptr))
        counts.sort_indices()
        return counts


def _joined(tokens: Iterable[list[str]]) -> tuple[list[str], list[int]]:
    """Per-text word lists as `Vectorizer.fit_counts` takes them: one list, and lengths."""
    stems: list[str] = []
    lengths: list[int] = []
    for words in tokens:
        stems += words
        lengths.append(len(words))
    return stems, lengths


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
