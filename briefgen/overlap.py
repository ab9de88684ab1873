"""Which earlier word sets may share most of their words with a new one, without a scan.

Two sets that share at least half of the smaller one's words share one of the
smaller set's rarest words (its "prefix": all but the commoner half), so
looking up a set's prefix among every indexed word, and its every word among
indexed prefixes, finds each such earlier set. Words count as rare by how many
of the sets given up front hold them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


class OverlapIndex:
    """Ids of word sets, looked up by the sets that may overlap a query by half or more."""

    def __init__(self, all_sets: Iterable[set[str]]) -> None:
        self._frequency: Counter = Counter(w for s in all_sets for w in s)
        self._by_word: dict[str, list[int]] = {}
        self._by_prefix_word: dict[str, list[int]] = {}

    def _prefix(self, words: set[str]) -> list[str]:
        rarest = sorted(words, key=lambda w: (self._frequency[w], w))
        return rarest[:len(rarest) - (len(rarest) + 1) // 2 + 1]

    def add(self, key: int, words: set[str]) -> None:
        for w in words:
            self._by_word.setdefault(w, []).append(key)
        for w in self._prefix(words):
            self._by_prefix_word.setdefault(w, []).append(key)

    def candidates(self, words: set[str]) -> list[int]:
        """Ids, in increasing order, of every added set that may share half of the smaller
        of the two; some share less and must still be checked."""
        found: set[int] = set()
        for w in self._prefix(words):
            found.update(self._by_word.get(w, ()))
        for w in words:
            found.update(self._by_prefix_word.get(w, ()))
        return sorted(found)
