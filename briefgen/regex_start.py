"""The characters a regular expression's match can begin with, when they are plain to see.

A pattern of many alternatives is tried alternative by alternative at every
word start; a lookahead for the characters any of them can begin with skips
most word starts at once and changes no match.
"""

from __future__ import annotations

import re
import string

try:  # the parser is private; without it patterns simply go without the lookahead
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover
    _parser = None

_PLAIN = set(string.ascii_lowercase + string.digits)


def first_characters(body: str) -> set[str] | None:
    """Lower-case letters and digits a match of `body` (read case-insensitively) starts
    with; None if that is not plain (a class, a repeat, a lookaround, anything else)."""
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(body, re.I)
    except re.error:
        return None
    found = _first(list(parsed))
    return found if found and found <= _PLAIN else None


def _first(items: list) -> set[str] | None:
    for op, av in items:
        if op is _c.AT:  # \b, ^: zero width, the next item starts the match
            continue
        if op is _c.LITERAL:
            return {chr(av).lower()}
        if op is _c.SUBPATTERN:
            return _first(list(av[-1]))
        if op is _c.BRANCH:
            out: set[str] = set()
            for alternative in av[1]:
                first = _first(list(alternative))
                if first is None:
                    return None
                out |= first
            return out
        return None
    return None
