"""Near-duplicate quotes across outlets made one quote, shown in its best wording and citing
every article that prints it."""

from __future__ import annotations

import math
import re

from .overlap import OverlapIndex
from .quote_found import CUT, FoundQuote

_WORDS = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    return set(_WORDS.findall(text.lower()))


def _words_of(found: list[FoundQuote]) -> list[set[str]]:
    """Each quote's words, read once for each text: outlets print the same quotes, and
    the sets are only read, so the quotes of one text share one."""
    by_text: dict[str, set[str]] = {}
    return [by_text.get(f.text) or by_text.setdefault(f.text, _words(f.text)) for f in found]


def _similar(a: set[str], b: set[str]) -> bool:
    """Near-duplicates: most words shared (Jaccard over 0.5), or one nearly inside the other."""
    shared = len(a & b)  # and the union's size from it: no union set is made
    return shared > 0.5 * (len(a) + len(b) - shared) \
        or shared >= 0.8 * max(1, min(len(a), len(b)))


def _min_shared(m: int) -> int:
    """Words two _similar sets share at least, the smaller having m: a Jaccard over 0.5
    needs more than 2m/3, the other test 0.8 m (as the float comparison rounds)."""
    return min(2 * m // 3 + 1, math.ceil(0.8 * max(1, m)))


def merge_quotes(found: list[FoundQuote], bodies: dict[str, str]) -> list[FoundQuote]:
    """One quote per statement: near-duplicates across outlets (the same words, or most of
    them) are one quote, shown in the speaker's own words (not reported) and whole (not cut)
    where an outlet has them so, citing every article that prints exactly what is shown."""
    groups: list[tuple[FoundQuote, set[str], list[str]]] = []
    replaced: set[int] = set()  # groups shown in a better wording than they were made with
    exact: dict[frozenset[str], int] = {}
    found_words = _words_of(found)
    index = OverlapIndex(found_words, _min_shared)
    for f, words in zip(found, found_words, strict=True):
        i = exact.get(frozenset(words))
        if i is None:
            i = next((j for j in index.candidates(words) if _similar(words, groups[j][1])), None)
        if i is None:
            exact[frozenset(words)] = len(groups)
            index.add(len(groups), words)
            groups.append((f, words, [f.article_id]))
            continue
        kept, _seen, ids = groups[i]
        ids += [f.article_id] * (f.article_id not in ids)
        if _better(f, kept):
            groups[i] = (f, words, ids)
            replaced.add(i)
            exact[frozenset(words)] = i
            index.add(i, words)  # the words it was found by stay: a candidate more, no miss
    out = []
    for f, _, ids in _rejoined(groups, replaced, index):
        shown = f.text.removesuffix(CUT)
        f.sources = [f.article_id] + [a for a in ids if a != f.article_id and shown in bodies[a]]
        out.append(f)
    return out


FEW = 32  # groups in a better wording, up to which a group is compared with each of them


def _rejoined(groups: list[tuple[FoundQuote, set[str], list[str]]], replaced: set[int],
              index: OverlapIndex) -> list[tuple[FoundQuote, set[str], list[str]]]:
    """The groups, each joined to the first earlier one kept that it is now close to: a
    better wording chosen late may be close to another group's, one quote, not two.
    Two groups made with the words they show were compared when the later one was made,
    so a group is close to no other unless one of the two has a better wording: one in
    its first wording is compared with the few kept that have (with the candidates when
    they are many); one in a better wording, with the candidates `index` gives (which
    has every group's words, its last ones too)."""
    kept: list[int] = []
    is_kept = [False] * len(groups)
    kept_replaced: list[int] = []
    for b, (_, words, ids) in enumerate(groups):
        if b in replaced or len(kept_replaced) > FEW:
            pool = [j for j in index.candidates(words) if j < b]
        else:
            pool = kept_replaced
        twin = next((j for j in pool if is_kept[j] and _similar(words, groups[j][1])), None)
        if twin is None:
            is_kept[b] = True
            kept.append(b)
            if b in replaced:
                kept_replaced.append(b)
        else:
            twin_ids = groups[twin][2]
            twin_ids.extend(a for a in ids if a not in twin_ids)
    return [groups[b] for b in kept]


def _better(new: FoundQuote, old: FoundQuote) -> bool:
    def rank(f: FoundQuote) -> tuple:
        return (not f.reported, not f.text.endswith(CUT), f.kind == "person")
    return rank(new) > rank(old)
