"""One person, one name: outlets spell a speaker differently ("Zelensky", "Zelenskyy";
"Recep Erdogan", "Recep Tayyip Erdogan"), and a brief shows each speaker once, spelled
as most of the day's quotes spell them."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from .model import Quote

MIN_VARIED = 5  # a surname this long may differ by one letter ("Zelensky"); "Li", "Lu" may not


def _folded(name: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return plain.replace("-", " ").casefold().split()  # "Kim Jong-un" is "Kim Jong Un"


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by at most one letter added, dropped or changed."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def same_person(a: str, b: str) -> bool:
    """Two full names (two words or more) of one person: the same first and last word, one
    perhaps with a middle name the other leaves out, or the same first name and a surname
    spelled a letter apart (as transliterations are); accents, case and hyphens aside."""
    x, y = _folded(a), _folded(b)
    if len(x) < 2 or len(y) < 2 or x[0] != y[0] or x[0] in ("the", "a", "an") \
            or not (a[:1].isupper() and b[:1].isupper()):
        return False  # one word, or a descriptor ("the top diplomat"), is no full name
    if len(x) != len(y):
        short, long = sorted((x, y), key=len)
        return short[-1] == long[-1] and len(long) - len(short) == 1
    if x[:-1] != y[:-1]:
        return False
    return x[-1] == y[-1] or (min(len(x[-1]), len(y[-1])) >= MIN_VARIED
                              and _one_edit(x[-1], y[-1]))


def one_spelling(quotes: Sequence[Quote]) -> list[Quote]:
    """The quotes, each speaker under the spelling most of their quotes use (the longer one
    on a tie). A large day has tens of thousands of speakers: each is compared only with
    the names that share a key with it (`_keys`), never with all."""
    counts = Counter(q.speaker for q in quotes)
    shown: dict[str, str] = {}
    holders: dict[tuple, list[str]] = {}  # key -> names shown under their own spelling
    for name in sorted(counts, key=lambda n: (-counts[n], -len(n), n)):
        keys = _keys(name)
        near = (s for k in keys for s in holders.get(k, ()))
        shown[name] = next((s for s in near if same_person(name, s)), name)
        if shown[name] == name:
            for k in keys:
                holders.setdefault(k, []).append(name)
    return [q if shown[q.speaker] == q.speaker else replace(q, speaker=shown[q.speaker])
            for q in quotes]


def _keys(name: str) -> list[tuple]:
    """Keys two spellings of one person share: the first and last word (a middle name left
    out), and the words before the last with the last one less a letter, or whole (one
    letter added, dropped or changed leaves a deletion in common)."""
    x = _folded(name)
    if len(x) < 2:
        return []
    head, last = tuple(x[:-1]), x[-1]
    return [("ends", x[0], last), ("last", head, last),
            *(("last", head, last[:i] + last[i + 1:]) for i in range(len(last)))]
