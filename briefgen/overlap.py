"""Which earlier word sets may share enough words with a new one, without a scan.

Prefix filtering: if two sets must share at least k of the smaller one's m
words, they share at least two of its m - k + 2 rarest words (its "prefix";
the other k - 2 words cannot hold all k shared ones). So a set that its prefix
meets twice among the indexed sets' words, or that meets a new set's words
twice with its own prefix, is a candidate, while common words are joined on
only where a set is too short to have rarer ones. Asking for two meetings
rather than one leaves out most sets that share a single rare word by chance.
Words count as rare by how many of the sets given up front hold them.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import chain

MEETINGS = 2  # words of a prefix two similar sets share at least


class OverlapIndex:
    """Ids of word sets, looked up by the sets that may overlap a query enough.

    `min_shared(m)`: how many words two similar sets share at least, m being the
    size of the smaller one.
    """

    def __init__(self, all_sets: Iterable[set[str]], min_shared: Callable[[int], int]) -> None:
        self._frequency: Counter = Counter(chain.from_iterable(all_sets))
        self._min_shared = min_shared
        self._by_word: dict[str, array] = {}  # 4-byte ids: a large day has millions
        self._by_prefix_word: dict[str, array] = {}
        self._meetings: list[int] = []  # per id, how often its prefix must meet a set's words

    def _needed(self, m: int) -> int:
        return min(MEETINGS, self._min_shared(m))  # a set of fewer shared words, all of them

    def _prefix(self, words: set[str]) -> list[str]:
        # by frequency, ties by the word: sorted by the word, then (stably) by frequency
        rarest = sorted(sorted(words), key=self._frequency.__getitem__)
        m = len(rarest)
        return rarest[:max(0, m - self._min_shared(m) + self._needed(m))]

    def add(self, key: int, words: set[str]) -> None:
        """Index `words` under `key`, the next id or one added before: a key added again
        stands for its new words (its earlier ones only make it a candidate more often)."""
        for w in words:
            self._by_word.setdefault(w, array("i")).append(key)
        for w in self._prefix(words):
            self._by_prefix_word.setdefault(w, array("i")).append(key)
        if key == len(self._meetings):
            self._meetings.append(0)
        self._meetings[key] = self._needed(len(words))

    def candidates(self, words: set[str]) -> list[int]:
        """Ids, in increasing order, of every added set that may share enough words with
        `words`; some share fewer and must still be checked."""
        needed = self._needed(len(words))
        # the ids of all the words' lists counted in one go, not list by list
        by_word, by_prefix_word = self._by_word, self._by_prefix_word
        meetings = Counter(chain.from_iterable(
            [by_word[w] for w in self._prefix(words) if w in by_word]))
        found = {key for key, n in meetings.items() if n >= needed}
        meetings = Counter(chain.from_iterable(
            [by_prefix_word[w] for w in words if w in by_prefix_word]))
        least = self._meetings
        found.update(key for key, n in meetings.items() if n >= least[key])
        return sorted(found)
