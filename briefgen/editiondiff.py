"""What changed between two archived editions: the lines one has and the other lacks."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Line:
    where: str  # "Summary" or the section's title
    text: str  # as the brief shows it (a quote with its speaker)
    said: str  # the words themselves: a quote that became an item is no change


def lines(data: dict) -> list[Line]:
    """Every summary line, item and quote of an edition, in the brief's order."""
    out = [Line("Summary", x["text"], x["text"]) for x in data["summary"]]
    for section in data["sections"]:
        out += [Line(section["title"], x["text"], x["text"]) for x in section["items"]]
        out += [Line(section["title"], f"“{q['text']}” — {q['speaker']}", q["text"])
                for q in section["quotes"]]
    return out


def diff(old: dict, new: dict) -> tuple[list[Line], list[Line]]:
    """The lines new adds and the lines it drops; a line that only moved, or whose spacing
    or punctuation changed, is neither."""
    before = {_key(line.said) for line in lines(old)}
    after = {_key(line.said) for line in lines(new)}
    added = [line for line in lines(new) if _key(line.said) not in before]
    dropped = [line for line in lines(old) if _key(line.said) not in after]
    return added, dropped


def _key(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))
