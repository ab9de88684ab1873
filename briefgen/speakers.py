"""Who speaks: people, institutions and places as the day's articles name them.

Built from the articles alone, with no list of names: a person is a
capitalized name, a title is the run of title words attached to it ("Ruritanian
President Jane Doe", "Freedonia's finance minister Jane Doe", "Jane Doe, the
foreign minister,"), and a place is what follows "in" or a travel verb ("in
Paris", "trip to Paris") or opens a dateline ("PARIS --"); a place never
speaks for anyone. An attribution phrase ("the Ruritanian leader", "state
broadcaster RTV", "palace spokesman Sam Roe") is read into a
person, an institution or a title to match against the article's people.

Here the day's names are learnt (Names); the words names and titles are made of are in
name_words, the title attached to a mention in name_roles, one article's mentions in
article_names, and what an attribution phrase names in speaker_who.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress

from .article_names import ArticleNames, Mention
from .model import Article
from .name_words import (
    DOCUMENTS,
    INSTITUTION_WORDS,
    NAME_RUN,
    NAME_RUNS,
    NOT_NAMES,
    PARTICLES,
    PLACE_ACRONYMS,
    contains,
    governed,
    is_title,
    word_set,
)
from .regex_start import by_first_letter
from .vectors import ENGLISH_STOP_WORDS

# Small words a headline capitalizes and a name never holds.
_HEADLINE_WORDS = word_set("out up on in at to for of and the a an with as by from over into "
                           "after is are be will says say new not no off down amid about")
_PLACE_WORDS = ["in", "inside", "across", "throughout", "near", *(rf"{verb} to" for verb in (
    "visit(?:s|ed|ing)?", "trip", r"travel\w*", "flew", "fly", "flight", r"return\w*", r"arriv\w*",
    "head(?:ed|ing|s)?", "came", "went"))]
# (the words grouped by first letter, each letter's in their order: the same matches, tried
# at each word only against its letter's words)
_PLACE_BEFORE = re.compile(
    r"\b" + by_first_letter(_PLACE_WORDS) + r"\s+(" + NAME_RUN + r")(?![’']s)")
_DATELINE_WORDS = re.compile(r"(?m)^((?:[A-Z]{3,}[ ,]+){1,3})")
_LOWER_WORD = re.compile(r"\b[a-z][a-z’'-]+\b")
MIN_TEXTS_LOWER = 2  # texts a word is written in small letters in, to be a plain word,
TEXTS_FOR_TWO = 5  # on a day of this many texts at least (a small day's one may be all)
_NO_NAME_WORDS = INSTITUTION_WORDS | DOCUMENTS  # in lower case, words no person's name holds
_GROUP = re.Match.group  # (a run's text, mapped over the matches in C)
# A capitalised word in -ing before a name opens its sentence on a verb ("Hosting Cook",
# "Welcoming Doe"); given names in -ing are short ("Ming") or pinyin ("Nanjing")
_PARTICIPLE = re.compile(r"[A-Z][a-z]{3,}(?<![jqx])ing")
_POSSESSIVE_ENDS = ("’s", "'s")  # what POSSESSIVE finds in a word (which holds no newline)


def lowercase_words(texts: Iterable[str]) -> set[str]:
    """The words in lower case (_LOWER_WORD) of the texts but for their tag lines, found in
    two texts at least (of five or more given): a name written once in small letters, in a
    slip or a page's address ("announced today joe biden"), is still a name. Each text's
    distinct space-separated tokens are read once, not each of their many uses: no match
    crosses a space, and a space, like a text's edge, is no word character to its \\b."""
    texts_holding: Counter = Counter()
    count = 0
    for text in texts:
        count += 1
        tokens: set[str] = set()
        for line in text.split("\n"):
            if not _is_tag(line):
                tokens.update(line.split())
        texts_holding.update(set(_LOWER_WORD.findall(" ".join(tokens))))
    least = MIN_TEXTS_LOWER if count >= TEXTS_FOR_TWO else 1
    return {w for w, n in texts_holding.items() if n >= least}


# A line of a few words in small letters and no stop is a page's tag ("vladimir putin") or
# a list's item: it does not show a name written in small letters in prose.
_TAG_LINE = re.compile(r"[a-z][a-z’'-]*(?: [a-z][a-z’'-]*){0,3}")


def _is_tag(line: str) -> bool:
    return line[:1].islower() and len(line) <= 40 and _TAG_LINE.fullmatch(line) is not None


def _after_title(ws: list[str]) -> int:
    """Where the name of a run's words starts: after its last title word (split_title)."""
    for i in range(len(ws) - 1, -1, -1):
        if is_title(ws[i]):
            return i + 1
    return 0


def _initial(ws: list[str], i: int) -> bool:
    """Whether word i is the first of two initials written without stops before a name
    ("A K Doe"): no article, even where it is "A"."""
    return i + 2 < len(ws) and len(ws[i]) == len(ws[i + 1]) == 1 and ws[i + 1].isupper()


class Names:
    """What the day's articles say about names: who is a person, what is a place, how each
    person's name is written in full, and each article's mentions with their titles."""

    def __init__(self, articles: Sequence[Article], sample_chars: int = 2_000_000):
        self._articles = {a.id: a for a in articles}
        self._indexed: dict[str, ArticleNames] = {}
        self._canonical: dict[tuple[str, str], str] = {}
        self._day_holders: dict[str, set[str]] = {}
        self._names_of: dict[str, str] = {}
        self._day_forms: dict[str, str] = {}
        self._full_index: dict[str, list[str]] | None = None
        sample, size = [], 0
        for a in articles:  # a day's names recur: the first couple of MB hold them all
            if size > sample_chars:
                break
            sample.append(a)
            size += len(a.body)
        self.lowercase = lowercase_words(a.body for a in sample)
        places: set[str] = set()
        for a in sample:
            for m in _PLACE_BEFORE.finditer(a.body):
                places.update(w for w in m.group(1).split() if w not in NOT_NAMES)
            for m in _DATELINE_WORDS.finditer(a.body):
                places.update(w.strip(",").title() for w in m.group(1).split())
        self.places = places
        self.titled: set[str] = set()
        self.full_counts: Counter = Counter()
        titled: set[str] = set()
        for a in sample:
            for m in self.article(a.id).titled_mentions():
                if len(m.name.split()) > 1:
                    self.full_counts[m.name] += 1
                if m.role:
                    titled.update(m.name.split())
        self.places = places - titled  # a name given a title is a person's, not a city's
        self.titled = titled
        self._sample = [a.id for a in sample]
        self._forget_titled(titled)
        # what each attribution phrase names (speaker_who), read with them too
        self.read_phrases: dict[str, object] = {}

    def _forget_titled(self, titled: set[str]) -> None:
        """Drop the runs read before the titles were known that must be read again: a
        run's reading asks only whether its words, or a last word without its possessive,
        are places or titled, and learning the titles changed those answers only for the
        titled words (they left the places). Other runs, most of them, keep their reading
        rather than being read again in each process."""
        changed = titled | {w + s for w in titled for s in _POSSESSIVE_ENDS}
        self._names_of = {run: name for run, name in self._names_of.items()
                          if changed.isdisjoint(run.split())}

    def article(self, article_id: str) -> ArticleNames:
        if article_id not in self._indexed:
            self._indexed[article_id] = self._index(self._articles[article_id].body)
        return self._indexed[article_id]

    def is_indexed(self, article_id: str) -> bool:
        """Whether the article's mentions are read already (the day's first articles are)."""
        return article_id in self._indexed

    def is_place(self, name: str) -> bool:
        ws = name.split()
        return name in PLACE_ACRONYMS or (bool(ws) and all(w in self.places for w in ws))

    def is_person(self, ws: list[str]) -> bool:
        """Could these words name a person: no institution, document, place or plain word?"""
        return self._is_person_word(ws[0]) if len(ws) == 1 else self._is_person_words(ws)

    def _is_person_words(self, ws: list[str]) -> bool:
        """is_person, for any number of words."""
        if _initial(ws, 0):
            ws = ws[1:]  # "A K Doe": read as "K Doe", its "A" is no article
        if not ws:
            return False
        lows = [w.lower() for w in ws]
        if not NOT_NAMES.isdisjoint(ws) or not _NO_NAME_WORDS.isdisjoint(lows) \
                or any(map(is_title, ws)):
            return False
        # (is_place, of words that hold no space: a place acronym is a single word)
        # (the first word asked alone before all of them: a name's is seldom in capitals)
        if (len(ws) == 1 and ws[0] in PLACE_ACRONYMS) or self.places.issuperset(ws) \
                or (ws[0].isupper() and all(w.isupper() and len(w) > 1 for w in ws)):
            return False
        lowercase = self.lowercase
        if len(ws) == 1:
            low = lows[0]
            return low not in ENGLISH_STOP_WORDS and (ws[0] in self.titled or low not in lowercase)
        # "Presidents Doe and Roe Map Out Future Ties": a headline's words, not a name
        plain = [low for low in lows if low in lowercase and low not in PARTICLES]
        return _HEADLINE_WORDS.isdisjoint(lows) and 2 * len(plain) <= len(ws)

    def _is_person_word(self, word: str) -> bool:
        """_is_person_words([word]), its tests asked of the word itself, not through lists:
        a third of the runs read are a single word."""
        low = word.lower()
        if word in NOT_NAMES or low in _NO_NAME_WORDS or is_title(word) \
                or word in PLACE_ACRONYMS or word in self.places \
                or (word.isupper() and len(word) > 1):
            return False
        return low not in ENGLISH_STOP_WORDS and (word in self.titled or low not in self.lowercase)

    def holders_of(self, descriptor: str, article_id: str) -> list[str]:
        """Who a descriptor ("the chancellor") names in an article: the person that article
        gives the title; else, when the article gives no one that title, the one person the
        day's articles give it, if the article names them."""
        own = self.article(article_id).holders_of(descriptor)
        if own:
            return own
        if descriptor not in self._day_holders:
            self._day_holders[descriptor] = {self.canonical(n, a) for a in self._sample
                                             for n in self.article(a).holders_of(descriptor)}
        day = self._day_holders[descriptor]
        named = self.article(article_id).counts
        return [n for n in day if any(contains(n, m) for m in named)] if len(day) == 1 else []

    def namesakes(self, name: str, article_id: str) -> set[str]:
        """The people an article gives a one-word name, in full ("Roe": Sam Roe, Mary Roe);
        none when it gives it one person only."""
        return {self.canonical(n, article_id) for n in
                self.article(article_id).people_sharing(name, self.lowercase)}

    def canonical(self, name: str, article_id: str, at: int = -1) -> str:
        """A name's fullest form: as its own article writes it, else as the day does. Given
        where in the article it stands (`at`), a name the article gives several people is
        the one it named last before there (ArticleNames.full_at)."""
        if at >= 0:
            own = self.article(article_id).full_at(name, at, self.lowercase)
            if own != self.article(article_id).full(name):
                return own
        key = (name, article_id)
        if key not in self._canonical:
            own = self.article(article_id).full(name)
            self._canonical[key] = self._day_form(own) if len(own.split()) == 1 else own
        return self._canonical[key]

    def _day_form(self, word: str) -> str:
        """The full name the day gives a one-word name most often (the longest on a tie),
        chosen once for the word, not for each article naming it."""
        if word not in self._day_forms:
            forms = self._full_by_word().get(word.lower(), [])
            self._day_forms[word] = max(forms, key=lambda n: (self.full_counts[n], len(n))) \
                if forms else word
        return self._day_forms[word]

    def _full_by_word(self) -> dict[str, list[str]]:
        """Full names by each of their words, in the day's order: a lookup, not a scan."""
        if self._full_index is None:
            self._full_index = {}
            for n in self.full_counts:
                for w in dict.fromkeys(n.lower().split()):
                    self._full_index.setdefault(w, []).append(n)
        return self._full_index

    def people_in(self, text: str) -> Iterator[str]:
        """Person names in a stretch of text, in order, titles stripped."""
        for m in NAME_RUNS.finditer(text):
            name = self._name_of(m.group())
            if name and any(w in self.titled for w in name.split()):
                yield name

    def _name_of(self, run: str) -> str:
        if run not in self._names_of:
            self._names_of[run] = self._read_name(run)
        return self._names_of[run]

    def _read_name(self, run: str) -> str:
        ws = run.split()
        return self._one_word_name(ws[0]) if len(ws) == 1 else self._name_in(ws)

    def _name_in(self, ws: list[str]) -> str:
        """The name a run's words hold: its title, a place or other words before it, and a
        possessive after it, left out; "" when what is left names no person."""
        if any(map(is_title, ws)):  # (most runs hold no title: their words asked in one go)
            ws = ws[_after_title(ws):]  # split_title's name, its words
        while len(ws) > 1 and ws[0].endswith(_POSSESSIVE_ENDS):
            ws.pop(0)  # "Ruritania's Oilco"
        if ws and ws[-1].endswith(_POSSESSIVE_ENDS):
            ws[-1] = ws[-1][:-2]  # "Doe’s visit" mentions Doe
        while ws and ws[-1] in NOT_NAMES:
            ws.pop()
        places = self.places  # (a word is a place when it is one of them or an acronym's)
        while ws and ((ws[0] in NOT_NAMES and not _initial(ws, 0))
                      or ws[0].endswith(_POSSESSIVE_ENDS)
                      or (len(ws) > 1 and (ws[0] in PLACE_ACRONYMS or ws[0] in places))):
            ws.pop(0)  # "Ruritania Jane Doe": a place before the name
        while len(ws) > 1 and ws[0] in places and ws[1] in places:
            ws = ws[2:]  # (two words are a place when both are places)
        if len(ws) > 1 and _PARTICIPLE.fullmatch(ws[0]) and ws[0] not in places:
            ws.pop(0)  # "Hosting Cook at the conference ...": a sentence opens on a verb
        while len(ws) > 2 and ws[0].lower() in self.lowercase:
            ws.pop(0)  # "(Secretary of) State Jane Doe"
        return " ".join(ws) if self.is_person(ws) else ""

    def _one_word_name(self, word: str) -> str:
        """_name_in([word]), its tests asked of the word itself: a third of the runs read
        are a single word."""
        if is_title(word):
            return ""
        if word.endswith(_POSSESSIVE_ENDS):
            word = word[:-2]
        if word in NOT_NAMES or word.endswith(_POSSESSIVE_ENDS):
            return ""
        return word if self._is_person_word(word) else ""

    def _governed_name(self, name: str, body: str, start: int) -> str:
        """The name a run read as `name` holds where it stands, at `start` in `body`: its
        last words only, when an article or a title's "of" governs it (`governed`)."""
        _, ws = governed(name.split(), body, start)
        return " ".join(ws) if self.is_person(ws) else name

    def _index(self, body: str) -> ArticleNames:
        out = ArticleNames(body)
        names_of = self._names_of
        # (the runs' texts and names taken in C, over every run; the loop in Python goes
        # only through those naming someone, a quarter of them)
        matches = list(NAME_RUNS.finditer(body))
        runs = list(map(_GROUP, matches))
        names = list(map(names_of.get, runs))
        if None in names:  # runs not read yet
            for i in [i for i, name in enumerate(names) if name is None]:
                names[i] = self._name_of(runs[i])
        for i in compress(range(len(runs)), names):
            run, name = runs[i], names[i]
            at = run.rfind(name)
            if name.count(" ") >= 2:  # "for the Western Isles Gabriela Roe": hers is two
                name = names[i] = self._governed_name(name, body, matches[i].start() + at)
                at = run.rfind(name)
            start = matches[i].start() + at
            out.mentions.append(Mention(name, start, start + len(name),
                                        run[:at].strip() if at else ""))
        out.counts.update(filter(None, names))
        return out
