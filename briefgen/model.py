"""The plain data passed between stages, and the brief's JSON contract.

Every stage takes and returns these frozen dataclasses; nothing downstream
reaches back into an earlier stage's internals.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import repeat

_WORD = re.compile(r"\w+")


def count_words(text: str) -> int:
    """Words as budgets count them: runs of letters and digits ("U.S." is two)."""
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class Article:
    """One news article as read from a source (body may still hold furniture)."""

    id: str
    title: str
    outlet: str
    date: date | None
    path: str
    body: str
    url: str = ""


@dataclass(frozen=True, slots=True)  # one per sentence: millions on a large day
class Sentence:
    """One sentence of a cleaned article body, with where it stands."""

    text: str
    article_id: str
    paragraph: int
    index: int  # position of the sentence within its article
    start: int  # character offsets into the cleaned body
    end: int

    def __reduce__(self) -> tuple:
        # from the worker that split it, by its fields: with slots, the default goes
        # through a Python-level state function at half the speed
        return Sentence, (self.text, self.article_id, self.paragraph, self.index, self.start,
                          self.end)

    @property
    def is_complete(self) -> bool:
        """Starts and ends like a sentence; headlines and broken fragments do not."""
        return reads_complete(self.text)

    @classmethod
    def many(cls, texts: Sequence[str], article_id: str, paragraphs: Iterable[int],
             starts: Iterable[int], ends: Iterable[int]) -> list[Sentence]:
        """The sentences of one article, the nth at index n: equal to calling the class on
        each. Made blank and filled a field at a time by its slot's setter (all C): the
        frozen __init__ sets each field through a Python-level call, at twice the cost."""
        n = len(texts)
        made = list(map(object.__new__, repeat(cls, n)))
        columns = (texts, repeat(article_id, n), paragraphs, range(n), starts, ends)
        for set_field, values in zip(_SLOT_SETTERS, columns, strict=True):
            deque(map(set_field, made, values), maxlen=0)
        return made


# the slots' own setters, in the order of the fields: they skip the frozen __setattr__
_SLOT_SETTERS = tuple(Sentence.__dict__[name].__set__ for name in Sentence.__slots__)


# A line cut short of its sentence's end (a page cut off, a sentence too long for a line)
# ends so: word for word as far as it goes, the cut in plain sight.
CUT_MARK = " ..."


def reads_complete(text: str) -> bool:
    """`Sentence.is_complete` of a sentence printing `text`."""
    return text.rstrip("\"'”’»)]").endswith((".", "!", "?")) and not text[0].islower()


@dataclass(frozen=True)
class Seen:
    """Whether an earlier edition of the brief already said this, and since when."""

    status: str  # "new" or "repeated"
    first_seen: date

    def to_dict(self) -> dict:
        return {"status": self.status, "first_seen": self.first_seen.isoformat()}


@dataclass(frozen=True)
class Referent:
    """The person a line's pronoun names: "He" is "Jane Doe"."""

    pronoun: str  # as printed: "He", "she"
    name: str

    def to_dict(self) -> dict:
        return {"pronoun": self.pronoun, "name": self.name}


@dataclass(frozen=True)
class Item:
    """One line of the brief: a source sentence and every article that says it."""

    text: str
    sources: tuple[str, ...]
    seen: Seen | None = None  # set only when the brief is compared with an archive
    # whom the line's "He" or "She" names, as its article says before it (`referents`)
    refers_to: Referent | None = None

    def to_dict(self) -> dict:
        return {"text": self.text, "sources": list(self.sources), "support": len(self.sources),
                **({"refers_to": self.refers_to.to_dict()} if self.refers_to else {}),
                **(self.seen.to_dict() if self.seen else {})}


@dataclass(frozen=True)
class Quote:
    """Words a named speaker said, exactly as the source prints them."""

    text: str
    speaker: str
    source: str
    sources: tuple[str, ...] = ()
    role: str = ""  # as the articles describe the speaker: "Foreign Minister"
    reported: bool = False  # "Doe said the talks ...": the source's words, not the speaker's
    seen: Seen | None = None

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "role": self.role,
            "reported": self.reported,
            "source": self.source,
            "sources": list(self.sources or (self.source,)),
            **(self.seen.to_dict() if self.seen else {}),
        }


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    items: tuple[Item, ...]
    quotes: tuple[Quote, ...] = ()
    discrepancies: tuple = ()  # figures.Discrepancy: a figure the sources give differently

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "items": [i.to_dict() for i in self.items],
            "quotes": [q.to_dict() for q in self.quotes],
            "discrepancies": [d.to_dict() for d in self.discrepancies],
        }


@dataclass(frozen=True)
class SourceRef:
    """An article as the brief lists it (no body)."""

    id: str
    title: str
    outlet: str
    date: date | None
    path: str  # relative to the config's folder; never an absolute path of this machine
    url: str = ""

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "date": self.date.isoformat() if self.date else None,
            "path": self.path,
            "url": self.url,
        }


@dataclass(frozen=True)
class Brief:
    title: str
    date: date
    generated_at: str
    summary: tuple[Item, ...]
    sections: tuple[Section, ...]
    sources: tuple[SourceRef, ...]
    warnings: tuple[str, ...] = field(default=())
    summary_discrepancies: tuple = ()  # figures the summary states and the sources give differently
    continuity: str = ""  # how repeated lines are treated ("keep", "mark", "drop"); "": no archive

    def to_dict(self) -> dict:
        """The JSON contract of DESIGN.md; extra fields only ever get added."""
        return {
            "title": self.title,
            "date": self.date.isoformat(),
            "generated_at": self.generated_at,
            "summary": [i.to_dict() for i in self.summary],
            "summary_discrepancies": [d.to_dict() for d in self.summary_discrepancies],
            "sections": [s.to_dict() for s in self.sections],
            "sources": [s.to_dict() for s in self.sources],
            "word_count": self.word_count,
            **({"continuity": self.continuity} if self.continuity else {}),
        }

    @property
    def word_count(self) -> int:
        """Words in the summary and section items (quotes not counted)."""
        items = [*self.summary, *(i for s in self.sections for i in s.items)]
        return sum(count_words(i.text) for i in items)
