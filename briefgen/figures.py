"""Figures across outlets: durations reported differently, and the same figure as support.

One visit rarely has two meetings of nearly the same length, so the same
unit with values within a quarter of each other, from different articles, is
taken as one figure reported two ways, and the brief flags it. The same
figure about the same named party ("three hours ... Ruiz" in two outlets,
however worded) is the same fact, and each such article supports the item.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .model import Article, Item, Sentence

_NUMBER_WORDS = {w: n for n, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve"])}
_DURATION = re.compile(
    r"\b(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")[- ](minute|hour|day)s?\b", re.I)
# Where a duration's unit stands, with the mark before it: every duration holds one, and
# this is found far faster than the whole pattern, which is tried at every word.
_UNIT = re.compile(r"[- ](?:minute|hour|day)", re.I)
# The same, found from the unit's first letter (in either case, all that a case-blind
# "m", "h" or "d" matches), the mark looked back at: the engine skips to those few letters
# in C, not to every space (two fifths less time); a match starts a character later.
_UNIT_LETTER = re.compile(r"[mMhHdD](?<=[- ].)(?i:(?<=m)inute|(?<=h)our|(?<=d)ay)")
_LONGEST_NUMBER = 6  # "eleven", "twelve": a duration starts at most this far before its unit
CLOSE = 0.25  # values this close (relative) are one figure reported two ways


@dataclass(frozen=True)
class Discrepancy:
    unit: str
    readings: tuple[tuple[str, tuple[str, ...]], ...]  # (as written, article ids)

    def to_dict(self) -> dict:
        return {"unit": self.unit,
                "readings": [{"text": t, "sources": list(ids)} for t, ids in self.readings]}


def _value(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBER_WORDS[token.lower()]


def find_discrepancies(articles: Sequence[Article]) -> list[Discrepancy]:
    mentions: dict[str, list[tuple[int, str, str]]] = {}  # unit -> (value, text, article)
    order = {a.id: i for i, a in enumerate(articles)}
    for article in articles:
        for m in _durations(article.body):
            mentions.setdefault(m.group(2).lower(), []).append(
                (_value(m.group(1)), m.group(0), article.id))
    found = []
    for unit, items in mentions.items():
        for cluster in _clusters(sorted(items, key=lambda m: (m[0], order[m[2]]))):
            if len({v for v, _, _ in cluster}) > 1 and len({a for _, _, a in cluster}) > 1:
                readings: dict[str, list[str]] = {}
                for _, text, article in cluster:
                    ids = readings.setdefault(text.lower(), [])
                    if article not in ids:
                        ids.append(article)
                found.append(Discrepancy(unit, tuple((t, tuple(a)) for t, a in readings.items())))
    return found


def _durations(text: str) -> Iterator[re.Match]:
    """The matches of _DURATION.finditer(text), found from where a unit stands: a duration
    is its number, the mark and the unit, so it starts just before its unit's mark; and
    it starts after the duration before it ends."""
    done = 0
    for unit in _UNIT_LETTER.finditer(text):
        mark = unit.start() - 1  # where _UNIT's match starts
        for start in range(max(done, mark - _LONGEST_NUMBER), mark):
            m = _DURATION.match(text, start)
            if m:
                yield m
                done = m.end()
                break


def _clusters(items: list[tuple[int, str, str]]) -> list[list[tuple[int, str, str]]]:
    """Runs of sorted values where each is within CLOSE of the run's smallest."""
    clusters: list[list[tuple[int, str, str]]] = []
    for item in items:
        if clusters and item[0] <= clusters[-1][0][0] * (1 + CLOSE):
            clusters[-1].append(item)
        else:
            clusters.append([item])
    return clusters


_NAME = re.compile(r"(?<![.!?] )(?<!^)\b[A-Z][a-z]{2,}\b")


def _figures(text: str) -> set[tuple[int, str]]:
    return {(_value(m.group(1)), m.group(2).lower()) for m in _DURATION.finditer(text)}


def _may_state_duration(text: str) -> bool:
    """Whether the text holds what every duration holds ("hour", "day" or "nute" of
    "minute", in any case): a substring test, far faster than the pattern. Those letters
    match no other letters case-insensitively ("i" matches a Turkish dotted I)."""
    low = text.lower()
    return "hour" in low or "day" in low or "nute" in low


def corroborate(items: Sequence[Item], sentences: Sequence[Sentence],
                order: Sequence[str]) -> list[Item]:
    """Each item that states a duration, with every article that gives the same duration
    in a sentence naming one of the same parties."""
    stated = [item for item in items if _DURATION.search(item.text)]
    if not stated:
        return list(items)
    # (article, figures, names) of every sentence that gives a duration, found once
    mentions = [(s.article_id, _figures(s.text), set(_NAME.findall(s.text)))
                for s in sentences if _may_state_duration(s.text) and _DURATION.search(s.text)]
    rank = {a: i for i, a in enumerate(order)}
    out = []
    for item in items:
        figures = _figures(item.text)
        names = set(_NAME.findall(item.text))
        support = {a for a, f, n in mentions if figures & f and names & n}
        sources = sorted(set(item.sources) | support, key=lambda a: rank.get(a, 0))
        out.append(Item(item.text, tuple(sources)) if figures else item)
    return out
