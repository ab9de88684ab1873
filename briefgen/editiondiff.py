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
    """Every summary line, item and quote of an edition, in the brief's order; a line
    whose text or speaker is no text (an edition edited by hand) is a TypeError naming it."""
    out = []
    for n, x in enumerate(data["summary"]):
        text = _text(x, "text", f"summary[{n}]")
        out.append(Line("Summary", text, text))
    for s, section in enumerate(data["sections"]):
        for n, x in enumerate(section["items"]):
            text = _text(x, "text", f"sections[{s}].items[{n}]")
            out.append(Line(section["title"], text, text))
        for n, q in enumerate(section["quotes"]):
            where = f"sections[{s}].quotes[{n}]"
            said, speaker = _text(q, "text", where), _text(q, "speaker", where)
            out.append(Line(section["title"], f"“{said}” — {speaker}", said))
    return out


def _text(line: dict, key: str, where: str) -> str:
    value = line[key]
    if not isinstance(value, str):
        raise TypeError(f"{where}.{key}: expected text, got {type(value).__name__}")
    return value


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
