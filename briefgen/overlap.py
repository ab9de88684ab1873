"""Which earlier word sets may share enough words with a new one, without a scan.

Prefix filtering: if two sets must share at least k of the smaller one's m
words, they share one of its m - k + 1 rarest words (its "prefix"). So looking
up a set's prefix among every indexed word, and its every word among indexed
prefixes, finds each such earlier set, while common words are joined on only
where a set is too short to have rarer ones. Words count as rare by how many of
the sets given up front hold them.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterable


class OverlapIndex:
    """Ids of word sets, looked up by the sets that may overlap a query enough.

    `min_shared(m)`: how many words two similar sets share at least, m being the
    size of the smaller one.
    """

    def __init__(self, all_sets: Iterable[set[str]], min_shared: Callable[[int], int]) -> None:
        self._frequency: Counter = Counter(w for s in all_sets for w in s)
        self._min_shared = min_shared
        self._by_word: dict[str, array] = {}  # 4-byte ids: a large day has millions
        self._by_prefix_word: dict[str, array] = {}

    def _prefix(self, words: set[str]) -> list[str]:
        rarest = sorted(words, key=lambda w: (self._frequency[w], w))
        return rarest[:max(0, len(rarest) - self._min_shared(len(rarest)) + 1)]

    def add(self, key: int, words: set[str]) -> None:
        for w in words:
            self._by_word.setdefault(w, array("i")).append(key)
        for w in self._prefix(words):
            self._by_prefix_word.setdefault(w, array("i")).append(key)

    def candidates(self, words: set[str]) -> list[int]:
        """Ids, in increasing order, of every added set that may share enough words with
        `words`; some share fewer and must still be checked."""
        found: set[int] = set()
        for w in self._prefix(words):
            found.update(self._by_word.get(w, ()))
        for w in words:
            found.update(self._by_prefix_word.get(w, ()))
        return sorted(found)
