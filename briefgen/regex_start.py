"""Many named alternatives in one pattern, tried only where their first letter stands.

A pattern of many alternatives is tried alternative by alternative at every
word start. Grouped by the character each can begin with, behind a lookahead
for it, only the few that can match there are tried; two alternatives with
different first characters never match at the same place, so the matches are
the same. An alternative that can begin with several characters stands in
each of their groups, its name suffixed (`c5_0`, `c5_1`); `group_name` gives
the name back.
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


def alternation(parts: list[tuple[str, str]]) -> str:
    """A pattern source for the named alternatives (name, body), in their order, grouped by
    first character where every one's is plain; else the plain alternation."""
    firsts = [first_characters(body) for _, body in parts]
    if not all(firsts):
        return "(?:" + "|".join(f"(?P<{name}>{body})" for name, body in parts) + ")"
    groups: dict[str, list[str]] = {}
    for (name, body), first in zip(parts, firsts, strict=True):
        for k, ch in enumerate(sorted(first or ())):
            groups.setdefault(ch, []).append(f"(?P<{name}_{k}>{body})")
    return "(?:" + "|".join(f"(?={ch})(?:{'|'.join(alternatives)})"
                            for ch, alternatives in sorted(groups.items())) + ")"


def group_name(name: str) -> str:
    """The alternative's own name, without the suffix its copies carry."""
    return name.rsplit("_", 1)[0] if "_" in name else name
