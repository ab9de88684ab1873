"""One article's name mentions, each with the title the article attaches to it, and which
of its people a descriptor ("the Ruritanian president") names.

A mention's title is read when first asked for: most of a day's articles are asked only
for the full form of a speaker's name and the titles of the few mentions of it, not for
every title they give."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from .name_roles import role_after, role_before
from .name_words import OPENING_WORDS, TITLE_WORDS, bare_word, contains, is_title, word_set

# Titles that name whoever leads a country: "the Ruritanian leader" is its president.
_LEADER = word_set("president prime chancellor premier king queen leader head emir sultan")
_OPENERS = frozenset(OPENING_WORDS)
_WORD = r"[\w’'.-]+"  # a word of a descriptor or a role: "Ruritanian", "U.S.", "President’s"
_BLANK_LINE = re.compile(r"\n\s*\n")  # between paragraphs, as segment splits them
NEAR_BREAKS = 1  # paragraph breaks between a mention and a place in the paragraph after it
# Titles of one office, in the words of its full title: "the PM" and "the premier" are the
# article's Prime Minister
_SAME_OFFICE = {"pm": ("prime", "minister"), "premier": ("prime", "minister")}
# "The secretary said", with three secretaries in the article: the one it is about, named
# at least this many times as often as each other
SALIENCE = 2


@dataclass
class Mention:
    name: str  # as printed, title stripped: "Jane Doe", "Doe"
    start: int
    end: int
    in_run: str = ""  # what its capitalized run holds before it: "Ruritanian President"
    role: str | None = None  # the title attached to it, once read (ArticleNames.role)


@dataclass
class ArticleNames:
    """The name mentions of one article, each with the title attached to it, if any."""

    body: str = ""
    mentions: list[Mention] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    _full: dict[str, str] = field(default_factory=dict)
    # a descriptor's fitting people: (strong, plain, the title each was first given)
    _fitting_of: dict[str, tuple[list[str], list[str], dict[str, str]]] = field(
        default_factory=dict)
    _sharing: dict[str, set[str]] = field(default_factory=dict)
    _by_word: dict[str, list[str]] | None = None
    _all_read: bool = False

    def role(self, m: Mention) -> str:
        """The title the article attaches to a mention: in its run, before it, or after it
        in apposition ("Ruritanian President"); "" if none."""
        if m.role is None:
            m.role = role_before(self.body, m.start, m.in_run)
            if not m.role and self.body.startswith(",", m.end):
                m.role = role_after(self.body, m.end)
        return m.role

    def titled_mentions(self) -> list[Mention]:
        """The mentions, every one's title read."""
        if not self._all_read:
            for m in self.mentions:
                self.role(m)
            self._all_read = True
        return self.mentions

    def _names_by_word(self) -> dict[str, list[str]]:
        """The article's names by each word of them, in lower case."""
        if self._by_word is None:
            self._by_word = {}
            for n in self.counts:
                for w in n.lower().split():
                    self._by_word.setdefault(w, []).append(n)
        return self._by_word

    def forms_of(self, name: str) -> list[str]:
        first = name.lower().split()[:1]
        return [n for n in self._names_by_word().get(first[0], []) if contains(n, name)] \
            if first else []

    def _titled(self, name: str) -> bool:
        """Whether the article attaches a title to a mention of exactly this name."""
        return any(self.role(m) for m in self.mentions if m.name == name)

    def full(self, name: str) -> str:
        """The fullest form this article gives a name ("Doe" -> "Jane Doe")."""
        if name not in self._full:
            forms = self.forms_of(name)
            titled = {n for n in forms if self._titled(n)}
            self._full[name] = max(forms, key=lambda n: (
                n in titled or self.counts[n] > 1, len(n.split()), self.counts[n])) \
                if forms else name
        return self._full[name]

    def full_at(self, name: str, at: int, plain: set[str]) -> str:
        """The fullest form of a name at a place in the article. Where it names several
        people by it ("Roosevelt": Franklin Roosevelt, James Roosevelt Jr.; "Tran": Tran Van
        Minh, Tran Quoc Bao), the one `_meant_at` there. A form whose first word opens
        sentences or the day writes it in small letters (`plain`) is no one: "Though
        Roosevelt said"."""
        people = self.people_sharing(name, plain)
        if len(people) > 1:
            meant = self._meant_at(name, people, at)
            if meant:
                return self.full(meant)
        return self.full(name)

    def _meant_at(self, name: str, people: set[str], at: int) -> str:
        """Which of the people sharing a name a writer reusing it at `at` means: the one
        named in full last before, when that was in the same paragraph or the one before;
        from farther, the one the article names most (a wife named once paragraphs up is
        not who "Doe" is at the president's news conference), else still the last one."""
        before = [m for m in self.mentions if m.end <= at and m.name in people]
        if not before:
            return ""
        last = before[-1]
        if len(_BLANK_LINE.findall(self.body, last.end, at)) <= NEAR_BREAKS:
            return last.name
        return self._most_named(name, people, at) or last.name

    def _most_named(self, name: str, people: set[str], at: int) -> str:
        """Of the people sharing a name, the one named before `at` SALIENCE times as often
        as each other: their mentions in full, and the bare name where they were the only
        one of them named so far ("Roe said" before any other Roe came up is theirs)."""
        times: Counter = Counter()
        for m in self.mentions:
            if m.end > at:
                break
            if m.name in people:
                times[self.full(m.name)] += 1
            elif m.name == name and len(times) == 1:
                times[next(iter(times))] += 1
        ranked = times.most_common(2)
        if len(ranked) == 2 and ranked[0][1] >= SALIENCE * ranked[1][1]:
            return ranked[0][0]
        return ""

    def people_sharing(self, name: str, plain: set[str]) -> set[str]:
        """The longer forms of a one-word name, when they name different people (neither
        holds the other: "Franklin Roosevelt", "James Roosevelt Jr."; with the family name
        first, "Tran Van Minh", "Tran Quoc Bao"); else none."""
        if name not in self._sharing:
            forms = [n for n in self.forms_of(name) if len(n.split()) > 1
                     and n.split()[0] not in _OPENERS and n.split()[0].lower() not in plain] \
                if len(name.split()) == 1 else []
            widest = [n for n in forms if not any(o != n and contains(o, n) for o in forms)]
            self._sharing[name] = set(forms) if len(widest) > 1 else set()
        return self._sharing[name]

    def role_of(self, name: str) -> str:
        """The title this article attaches to this person's own name: the one it gives most
        often, the first given on a tie; "" if it gives none."""
        # the names either holding it or held in it share a word with it: only theirs are read
        by_word = self._names_by_word()
        related = {n for w in name.lower().split() for n in by_word.get(w, ())
                   if contains(name, n) or contains(n, name)}
        roles: Counter = Counter()
        first: dict[str, int] = {}
        for m in self.mentions:
            if m.name in related and (role := self.role(m)):
                roles[role] += 1
                first.setdefault(role, m.start)
        return max(roles, key=lambda r: (roles[r], -first[r])) if roles else ""

    def salient(self, names: list[str]) -> str:
        """Of several people, the one the article is about: named (in any form) at least
        SALIENCE times as often as each other one; "" if none stands out so."""
        times = sorted(((sum(c for n, c in self.counts.items() if contains(name, n)), name)
                        for name in names), reverse=True)
        if len(times) < 2 or times[0][0] >= SALIENCE * times[1][0]:
            return times[0][1] if times else ""
        return ""

    def holders_of(self, descriptor: str) -> list[str]:
        """People of this article whose title fits a descriptor ("the Ruritanian president"):
        those whose title also names its country, else those whose title names none."""
        strong, plain = self._fitting(descriptor)
        return strong or plain

    def holder_named_in(self, descriptor: str, start: int, end: int) -> str:
        """The person named last in body[start:end] whose title fits a descriptor: first of
        those whose title names its country, then of those whose title names none. "Ms Doe
        will ... ,” the Ruritanian leader said" is President Doe, whoever else the article
        calls a Ruritanian president; "Ruritanian President Roe met her host, President
        Doe. “...,” the Ruritanian president said" is Roe. "" if none is named there."""
        for holders in self._fitting(descriptor):  # (strong, then plain, as holders_of)
            named = self._named_last(set(holders), start, end)
            if named:
                return named
        return ""

    def names_any(self, forms: set[str], start: int, end: int) -> bool:
        """Whether body[start:end] names any of these forms of names as written."""
        return any(start <= m.start < end and m.name in forms for m in self.mentions)

    def _named_last(self, people: set[str], start: int, end: int) -> str:
        """Of these people (in full), the one named last in body[start:end]; "" if none."""
        if people:
            for m in reversed(self.mentions):
                if start <= m.start < end and self.full(m.name) in people:
                    return self.full(m.name)
        return ""

    def in_its_words(self, descriptor: str, people: list[str]) -> list[str]:
        """Of people whose titles fit a descriptor, those whose title says it in its own
        words, when some do (_in_its_words); else all of them."""
        roles = self._fitting_found(descriptor)[2]
        return _in_its_words(descriptor, roles, [n for n in people if n in roles]) or people

    def _fitting(self, descriptor: str) -> tuple[list[str], list[str]]:
        """The people whose title fits a descriptor: those whose title names its country
        too, and those whose title names no country (all of them, when it names none)."""
        strong, plain, _ = self._fitting_found(descriptor)
        return strong, plain

    def _fitting_found(self, descriptor: str) -> tuple[list[str], list[str], dict[str, str]]:
        if descriptor not in self._fitting_of:
            self._fitting_of[descriptor] = self._find_fitting(descriptor)
        return self._fitting_of[descriptor]

    def _find_fitting(self, descriptor: str) -> tuple[list[str], list[str], dict[str, str]]:
        titles, qualifiers = _descriptor_parts(descriptor)
        if not titles:
            return [], [], {}
        holders: dict[str, str] = {}
        for m in self.titled_mentions():
            if m.role and _title_fits(titles, m.role):
                holders.setdefault(self.full(m.name), m.role)
        strong = [n for n, r in holders.items() if qualifiers and qualifiers <= _qualifiers(r)]
        plain = [n for n, r in holders.items() if not qualifiers or not _qualifiers(r)]
        return strong, plain, holders


def _in_its_words(descriptor: str, roles: dict[str, str], people: list[str]) -> list[str]:
    """Of people whose titles fit a descriptor, those whose title is its very words, when
    some have one ("the president" is President Doe before Ruritanian President Roe); else
    those whose title holds its title words ("the premier" is Premier Lund and "the prime
    minister" Prime Minister Roe, though each title is read as the other, _SAME_OFFICE);
    else all of them."""
    said, title_words = _plain_words(descriptor), _title_words(descriptor)
    for fits in (lambda role: _plain_words(role) == said,
                 lambda role: title_words <= _title_words(role)):
        own = [n for n in people if fits(roles[n])]
        if own:
            return own
    return people


# read once: a descriptor its own article does not resolve is looked for in each of the day's
# first articles (Names.holders_of)
@lru_cache(maxsize=4096)
def _descriptor_parts(descriptor: str) -> tuple[frozenset[str], frozenset[str]]:
    """({"president"}, {"ruri"}) from "the Ruritanian president", ({"prime", "minister"}, {})
    from "the prime minister" or "the PM"; ({}, {}) without a title."""
    ws = [w for w in re.findall(_WORD, descriptor) if w.lower() not in ("the", "a", "an", "of")]
    titles = _office(_title_words(descriptor))
    if not titles:
        return frozenset(), frozenset()
    return titles, frozenset(_stem(w) for w in ws if w[0].isupper() and not is_title(w)
                                 and w.lower() != "state")


@lru_cache(maxsize=4096)
def _plain_words(text: str) -> tuple[str, ...]:
    """A descriptor's or role's words in lower case, without an article: ("president",)."""
    return tuple(bare_word(w) for w in re.findall(_WORD, text)
                 if w.lower() not in ("the", "a", "an"))


@lru_cache(maxsize=4096)
def _title_words(text: str) -> frozenset[str]:
    """The title words of a descriptor or a role as written: {"premier"} of "the premier"."""
    return frozenset(b for w in re.findall(_WORD, text) if (b := bare_word(w)) in TITLE_WORDS)


def _stem(word: str) -> str:
    return bare_word(word).replace(".", "")[:4]  # "Ruritanian" ~ "Ruritania"


@lru_cache(maxsize=4096)
def _qualifiers(role: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in role.split() if w[0].isupper() and not is_title(w))


def _office(words: Iterable[str]) -> frozenset[str]:
    """The words of a title with each short form written out ("pm": prime minister)."""
    return frozenset(w for word in words for w in _SAME_OFFICE.get(word, (word,)))


@lru_cache(maxsize=4096)
def _title_fits(titles: frozenset[str], role: str) -> bool:
    """Whether a role holds every title word of a descriptor ("the prime minister" is no
    foreign minister); a leader or head is whoever holds a leader's title."""
    role_words = _office(bare_word(w) for w in role.split())
    if role_words & {"vice", "deputy", "former"}:
        return False
    return titles <= role_words or (bool(titles & {"leader", "head"})
                                    and bool(role_words & _LEADER))
