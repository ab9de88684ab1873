"""The day's sentences as selection sees them: candidate texts grouped into facts.

Near-duplicates across outlets become one Group that cites every article
and is shown in its plainest wording; each concept (stemmed content word)
gets a weight for how much stating it is worth.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain, compress
from typing import NamedTuple

import numpy as np
from scipy import sparse

from . import vectors
from .candidates import candidate_texts
from .model import CUT_MARK, Sentence, count_words
from .neighbours import similar_pairs

DUPLICATE_SIMILARITY = 0.7  # cosine at which two sentences tell the same fact
# A sentence joins the group of one of its most similar earlier sentences; looking at
# more would only matter when thousands are near-copies, and would cost memory squared.
JOIN_CANDIDATES = 64
# A sentence whose probe for similar ones would touch more entries than this joins no
# earlier one (later ones may join it, and its copies are one text already): its rarest
# words each stand in thousands of sentences, as on a page written in a dozen words, where
# looking would cost time squared in the sentences. (News of 30,000 articles touches at
# most some 1,400 for a sentence.)
JOIN_PROBE_CAP = 10_000


# One per distinct candidate: many on a large day, made several times faster as a named
# tuple than as a frozen dataclass (whose every field is set through object.__setattr__).
class Group(NamedTuple):
    """Sentences that say the same thing, possibly in several articles."""

    text: str  # the cleanest variant, verbatim
    sources: tuple[str, ...]
    first_position: int  # earliest place among its article's candidates (lead = 0)
    row: int  # the shown variant's row among the distinct candidate texts
    words: tuple[str, ...] = ()  # stemmed content words of the shown text, each once
    plainness: float = 1.0  # share of its words other articles use too (low: spun or garbled)
    length: int = 0  # its words as budgets count them (`model.count_words`)

    @property
    def concepts(self) -> frozenset[str]:
        # made when asked: a tuple is a fifth of a set's size, and a large day has
        # hundreds of thousands of groups
        return frozenset(self.words)


_NO_TEXTS = np.zeros(0, dtype=np.int32)


class Readers:
    """Per distinct text, the articles printing it. Most texts are printed by one article:
    those keep its id alone, and only the rest a set (a set per text would be most of the
    memory on a large day)."""

    def __init__(self) -> None:
        self._first: list[str] = []
        self._more: dict[int, set[str]] = {}

    def add(self, text: int, article_id: str) -> None:
        """Text `text` is printed by the article; a new text takes the next number."""
        if text == len(self._first):
            self._first.append(article_id)
        elif self._first[text] != article_id:
            more = self._more.get(text)
            if more is None:
                self._more[text] = {self._first[text], article_id}
            else:
                more.add(article_id)

    def __len__(self) -> int:
        return len(self._first)

    def __getitem__(self, text: int) -> tuple[str, ...]:
        more = self._more.get(text)
        return tuple(more) if more else (self._first[text],)

    def pairs(self) -> tuple[np.ndarray, list[str]]:
        """Every (text, article printing it) as two sequences: each text and its first
        article, then each text printed more than once and its articles (the first again)."""
        texts = np.concatenate([
            np.arange(len(self._first), dtype=np.int64),
            np.repeat(np.fromiter(self._more, dtype=np.int64, count=len(self._more)),
                      np.fromiter(map(len, self._more.values()), dtype=np.int64,
                                  count=len(self._more)))])
        return texts, [*self._first, *chain.from_iterable(self._more.values())]


@dataclass(frozen=True)
class SupportIndex:
    """Per concept, the distinct texts holding it: one sparse row per concept (the
    transpose of the texts' words), built in C from the rows counted already."""

    columns: dict[str, int]  # concept -> its row
    holders: sparse.csr_matrix  # concepts x texts

    def texts_with(self, concept: str) -> np.ndarray:
        row = self.columns.get(concept)
        if row is None:
            return _NO_TEXTS
        return self.holders.indices[self.holders.indptr[row]:self.holders.indptr[row + 1]]


@dataclass(frozen=True)
class Corpus:
    """What selection, quote placement and corroboration read about the day's sentences."""

    groups: list[Group]
    vectorizer: object
    group_rows: sparse.csr_matrix  # one L2-normalized TF-IDF row per group (its shown variant)
    concept_weight: dict[str, float]  # concept -> how many articles mention it
    # every distinct sentence text (candidate or not): which hold a concept, who prints it
    support: SupportIndex | None = None
    users: Readers = field(default_factory=Readers)
    cue_weight_cache: dict = field(default_factory=dict)  # (section, cues) -> relevance.cue_weights
    articles: int = 0  # how many articles the sentences come from

    def texts_with(self, concept: str) -> np.ndarray:
        """The distinct sentence texts holding the concept, in increasing order."""
        return self.support.texts_with(concept) if self.support else _NO_TEXTS


def build_corpus(sentences: Sequence[Sentence], article_order: Sequence[str],
                 stray: frozenset[str] = frozenset()) -> Corpus:
    """The candidate sentences as groups of one fact each, with their TF-IDF rows and
    concept weights, and an index of every sentence for corroboration. In the texts of
    `stray` one opening quotation mark is a slip of the page (`stray_marked`)."""
    # Wire copies repeat sentences word for word: work on each distinct text once.
    number: dict[str, int] = {}
    printed = [number.setdefault(s.text, len(number)) for s in sentences]
    keys = list(map(_normalized_texts(list(number)).__getitem__, printed))
    flags = list(map(candidate_texts(list(number), stray).__getitem__, printed))
    del number, printed
    chosen = list(compress(range(len(sentences)), flags))
    candidates = [sentences[i] for i in chosen]
    distinct: dict[str, int] = {}
    text_of: list[int] = []
    texts: list[str] = []  # each distinct text as first printed
    used_by = Readers()
    for i, s in zip(chosen, candidates, strict=True):
        t = distinct.setdefault(keys[i], len(distinct))
        if t == len(texts):
            texts.append(s.text)
        text_of.append(t)
        used_by.add(t, s.article_id)
    keys_of_texts = list(distinct)
    vectorizer = vectors.Vectorizer()
    counts = vectorizer.fit_token_counts(vectors.token_blocks(texts, keys_of_texts))
    # each text's words, each once in the order they first stand: its row's columns, which
    # the weighing below sorts
    # (picked by numpy from an array of the words: some four times faster than by a map)
    column_words = np.array(list(vectorizer.vocabulary_), dtype=object)
    words = (column_words[counts.indices].tolist(), counts.indptr.tolist())
    # per word, how many articles use it; the counts become the TF-IDF rows after
    articles = _articles_per_word(counts, used_by)
    weights = concept_weights(vectorizer.vocabulary_, counts, articles)
    plain = _shared_word_share(counts, articles)
    matrix = vectorizer.weigh_fitted(counts) if texts else sparse.csr_matrix((0, 0))
    groups = group_duplicates(candidates, text_of, words, plain, matrix, article_order,
                              _places(candidates), keys_of_texts)
    rows = matrix[[g.row for g in groups]] if groups else matrix[:0]
    # the last reader of distinct and used_by: it takes them over
    others = list(compress(range(len(sentences)), map(operator.not_, flags)))
    support, users = _support_index([sentences[i] for i in others], [keys[i] for i in others],
                                    distinct, vectorizer.vocabulary_, matrix, used_by)
    return Corpus(groups, vectorizer, rows, weights, support, users,
                  articles=len(set(article_order)))


def _support_index(sentences: Sequence[Sentence], keys: list[str], distinct: dict[str, int],
                   vocabulary: dict[str, int], candidate_rows: sparse.csr_matrix,
                   used_by: Readers) -> tuple[SupportIndex, Readers]:
    """Per concept the distinct texts holding it, and per text the articles printing it.

    Support is looked for in every sentence, quotations and long ones included,
    so the candidate texts come first (their words are `candidate_rows`' columns, their
    readers in `used_by`) and the texts of the other `sentences` follow, their words read
    here. On a large day there are millions of texts: `distinct` and `used_by` are
    extended in place, not copied.
    """
    columns = dict(vocabulary)  # words only other sentences use stay out of the vectorizer
    words: list[int] = []
    ends = [candidate_rows.nnz]
    for sentence, key in zip(sentences, keys, strict=True):
        t = distinct.setdefault(key, len(distinct))
        if t == len(used_by):
            words += {columns.setdefault(w, len(columns))
                      for w in vectors.analyze_normalized(sentence.text, key)}
            ends.append(len(words) + candidate_rows.nnz)
        used_by.add(t, sentence.article_id)
    indices = np.concatenate([candidate_rows.indices, np.array(words, dtype=np.int32)]
                             ).astype(np.int32, copy=False)
    indptr = np.concatenate([candidate_rows.indptr[:-1], ends]) if candidate_rows.shape[0] \
        else np.array(ends)
    held = sparse.csr_matrix((np.ones(len(indices), dtype=np.int8), indices, indptr),
                             shape=(len(used_by), len(columns)))
    return SupportIndex(columns, held.T.tocsr()), used_by


_WORD_RUN = re.compile(r"\w+")
# Per ASCII byte, a space for one that is no word character: bytes.translate reads a
# table in C, some five times faster than str.translate's mapping
# (a table is of all 256 bytes; those past ASCII never come)
_NOT_WORD = bytes(c if c > 127 or _WORD_RUN.match(chr(c)) else 32 for c in range(256))
# the typographic marks of news text
_TYPOGRAPHIC = ("’", "“", "”", "‘", "—", "–")


def _normalized_text(text: str) -> str:
    """The text's runs of word characters in small letters, joined by single spaces."""
    low = text.lower()
    if not low.isascii():
        for mark in _TYPOGRAPHIC:  # a mark for a mark: no run starts, ends or joins
            if mark in low:
                low = low.replace(mark, " ")
        if not low.isascii():
            return " ".join(_WORD_RUN.findall(low))
    # most texts, then: one C pass turns what is no word into spaces
    return " ".join(low.encode("ascii").translate(_NOT_WORD).decode("ascii").split())


# The UTF-8 of each typographic mark is E2 80 and one of these bytes.
_MARK_LAST = np.array(sorted(m.encode()[2] for m in _TYPOGRAPHIC), dtype=np.uint8)
assert all(m.encode()[:2] == b"\xe2\x80" for m in _TYPOGRAPHIC)
_NOT_WORD_NOR_LINE = _NOT_WORD[:10] + b"\n" + _NOT_WORD[11:]  # a line feed parts the texts


def _normalized_texts(texts: Sequence[str]) -> list[str]:
    """`_normalized_text` of each text, a few thousand at once: the texts' UTF-8 lowered,
    its marks and what is no word made spaces, and the spaces' runs made one, each in one
    C pass over all of them, not several calls per text (some three times faster).
    In parts, to keep the arrays small on a large day."""
    return vectors.per_block(_normalized_together, texts)


def _normalized_together(texts: Sequence[str]) -> list[str]:
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:  # a text holds a line feed (or none is given)
        return list(map(_normalized_text, texts))
    # bytes' lower() and the table change ASCII bytes only, never part of a longer character
    data = joined.encode("utf-8", "surrogatepass").lower().translate(_NOT_WORD_NOR_LINE)
    a = np.frombuffer(data, dtype=np.uint8).copy()
    lead = np.flatnonzero(a[:-2] == 0xE2)
    lead = lead[(a[lead + 1] == 0x80) & np.isin(a[lead + 2], _MARK_LAST)]
    for at in range(3):  # a mark three spaces, which become one below
        a[lead + at] = 32
    space = a == 32
    space[1:] &= space[:-1]  # each space after a space
    a = a[~space]
    space = a == 32  # now single: a space is dropped at a text's either end
    space[1:-1] &= (a[:-2] == 10) | (a[2:] == 10)
    normalized = a[~space].tobytes().decode("utf-8", "surrogatepass")
    keys = normalized.split("\n")
    if not normalized.isascii():  # texts with other characters: lowered as Python does
        for i in [i for i, key in enumerate(keys) if not key.isascii()]:
            keys[i] = _normalized_text(texts[i])
    return keys


def _articles_per_word(counts: sparse.csr_matrix, used_by: Readers) -> np.ndarray:
    """Per column of `counts` (texts x words), how many articles print a text using it."""
    texts, articles = used_by.pairs()
    number = {a: n for n, a in enumerate(dict.fromkeys(articles))}
    columns = np.fromiter(map(number.__getitem__, articles), dtype=np.int64, count=len(articles))
    # a pair twice (a first article among the others) is one entry: only entries count
    readers = sparse.csr_matrix((np.ones(len(texts), dtype=np.int32), (texts, columns)),
                                shape=(len(used_by), len(number)))
    uses = sparse.csr_matrix((np.ones(len(counts.data), dtype=np.int32), counts.indices,
                              counts.indptr), shape=counts.shape)  # the counts' own arrays
    return (uses.T @ readers).getnnz(axis=1)


def concept_weights(vocabulary: dict[str, int], counts: sparse.csr_matrix,
                    articles: np.ndarray) -> dict[str, float]:
    """How much stating a concept is worth: more the more articles report it, each further
    article a little less (a square root: a story's every-article words would otherwise
    outweigh the topics only some articles reach), and less the more sentences repeat it
    (names of the main actors are in every other sentence). `counts` are the texts' word
    counts (columns by `vocabulary`), `articles` how many articles use each word."""
    in_sentences = np.bincount(counts.indices, minlength=len(vocabulary))
    total = max(1, counts.shape[0])
    # math.log once per distinct count (numpy's log may differ in the last bit); the square
    # roots and products are numpy's, which round as math's do
    seen, which = np.unique(in_sentences, return_inverse=True)
    rarity = np.array([math.log(1 + total / n) for n in seen.tolist()])[which.ravel()]
    columns = np.fromiter(vocabulary.values(), dtype=np.int64, count=len(vocabulary))
    weight = np.sqrt(np.where(articles > 1, articles, 0.5)) * rarity[columns]
    return dict(zip(vocabulary, weight.tolist(), strict=True))


def _places(candidates: list[Sentence]) -> list[int]:
    """Each candidate's place among its article's candidates: the lead is 0 however many
    headlines, captions or stamps stand above it."""
    seen: dict[str, int] = {}
    places = []
    for s in candidates:
        places.append(seen.get(s.article_id, 0))
        seen[s.article_id] = places[-1] + 1
    return places


def group_duplicates(candidates: list[Sentence], text_of: list[int],
                     words: tuple[list[str], list[int]], plain: list[float],
                     matrix: sparse.csr_matrix, article_order: Sequence[str], places: list[int],
                     keys: list[str]) -> list[Group]:
    """Distinct texts similar enough to tell the same fact become one group; `words` are
    the texts' stemmed content words, each once, all in one list and where each text's
    begin (and the last ends), `plain` each text's `_shared_word_share`, `keys` its
    `_normalized_text`."""
    concepts, starts = words
    if not candidates:
        return []
    labels = join_to_representatives(matrix, DUPLICATE_SIMILARITY)[text_of]
    # groups in the order of their first candidates; most have no other
    heads, first, size = np.unique(labels, return_index=True, return_counts=True)
    in_order = np.argsort(first, kind="stable")
    members: dict[int, list[int]] = {int(h): [] for h in heads[size > 1]}
    for i in np.flatnonzero(size[np.searchsorted(heads, labels)] > 1).tolist():
        members[int(labels[i])].append(i)
    rank = {a: i for i, a in enumerate(article_order)}
    groups = []
    for head, best, n in zip(heads[in_order].tolist(), first[in_order].tolist(),
                             size[in_order].tolist(), strict=True):
        sentence = candidates[best]
        if n == 1:  # most groups on a day of distinct sentences: nothing to choose
            sources, place = (sentence.article_id,), places[best]
        else:
            rows = members[head]
            # a whole sentence before one cut short, then the plainest wording
            best = max(rows, key=lambda i: (not candidates[i].text.endswith(CUT_MARK),
                                            plain[text_of[i]],
                                            -rank.get(candidates[i].article_id, 0)))
            sentence = candidates[best]
            sources = tuple(sorted({candidates[i].article_id for i in rows},
                                   key=lambda a: rank.get(a, 0)))
            place = min(places[i] for i in rows)
        t = text_of[best]
        groups.append(Group(sentence.text, sources, place, t,
                            tuple(concepts[starts[t]:starts[t + 1]]), plain[t],
                            _word_count(sentence.text, keys[t])))
    return groups


# The one character lower() turns into two ("i" and a combining dot; a test holds it so).
LOWERS_TO_TWO = "\u0130"


def _word_count(text: str, key: str) -> int:
    """`count_words(text)` read off its `_normalized_text`: the same runs of word characters
    when lower() turns each character into one (no such change makes or breaks a run)."""
    if LOWERS_TO_TWO not in text:
        return key.count(" ") + 1 if key else 0
    return count_words(text)


def join_to_representatives(matrix: sparse.csr_matrix, threshold: float) -> np.ndarray:
    """Per row, the row whose group it joins: the most similar earlier row (cosine at least
    threshold, among its JOIN_CANDIDATES most similar, found unless its probe is over
    JOIN_PROBE_CAP) that heads a group, else itself.
    Joining a head, not any member, keeps a chain of slightly different sentences from
    pulling unrelated ones into one group."""
    n = matrix.shape[0]
    i, j, cosine = similar_pairs(matrix, threshold, JOIN_CANDIDATES, JOIN_PROBE_CAP)
    # for each later row j, its earlier similar rows i by falling similarity
    order = np.lexsort((i, -cosine, j))
    i, j = i[order], j[order]
    starts = np.searchsorted(j, np.arange(n + 1)).tolist()
    earlier_rows = i.tolist()  # plain ints: a loop over numpy scalars is several times slower
    labels = list(range(n))
    for row in np.unique(j).tolist():
        for earlier in earlier_rows[starts[row]:starts[row + 1]]:
            if labels[earlier] == earlier:
                labels[row] = earlier
                break
    return np.array(labels)


def _shared_word_share(counts: sparse.csr_matrix, articles: np.ndarray) -> list[float]:
    """Per distinct text, the share of its words that more than one article uses.

    Misspellings and machine-spun synonyms appear in one article only, so the
    variant with the highest share is the cleanest wording of a fact.
    """
    shared = sparse.csr_matrix((counts.data * (articles[counts.indices] > 1), counts.indices,
                                counts.indptr), shape=counts.shape)
    words = np.asarray(counts.sum(axis=1)).ravel()
    share = np.asarray(shared.sum(axis=1)).ravel() / np.where(words > 0, words, 1)
    return share.tolist()
