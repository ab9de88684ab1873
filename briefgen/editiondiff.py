"""What changed between two archived editions: the lines one has and the other lacks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .json_kinds import kind_name, kind_of

_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Line:
    where: str  # "Summary" or the section's title
    text: str  # as the brief shows it (a quote with its speaker)
    said: str  # the words themselves: a quote that became an item is no change


def lines(data: object) -> list[Line]:
    """Every summary line, item and quote of an edition, in the brief's order. An edition
    edited by hand is checked as it is read: a missing part is a KeyError, a part of
    another shape (a list where an object goes, a number where text goes) a TypeError
    naming it (`sections[1].items`), not Python's words about indices."""
    out = []
    for n, x in enumerate(_part(data, "summary", list, "")):
        text = _part(x, "text", str, f"summary[{n}]")
        out.append(Line("Summary", text, text))
    for s, section in enumerate(_part(data, "sections", list, "")):
        where = f"sections[{s}]"
        title = _part(section, "title", str, where)
        for n, x in enumerate(_part(section, "items", list, where)):
            text = _part(x, "text", str, f"{where}.items[{n}]")
            out.append(Line(title, text, text))
        for n, q in enumerate(_part(section, "quotes", list, where)):
            at = f"{where}.quotes[{n}]"
            said, speaker = _part(q, "text", str, at), _part(q, "speaker", str, at)
            out.append(Line(title, f"“{said}” — {speaker}", said))
    return out


def _part(container: object, key: str, kind: type, where: str) -> Any:
    """container[key], of the kind a brief has there."""
    if not isinstance(container, dict):
        raise TypeError(f"{where or 'the top level'}: expected an object, "
                        f"got {kind_of(container)}")
    if key not in container:
        raise KeyError(f"{where}.{key}" if where else key)
    value = container[key]
    if not isinstance(value, kind):
        raise TypeError(f"{where + '.' if where else ''}{key}: expected {kind_name(kind)}, "
                        f"got {kind_of(value)}")
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
