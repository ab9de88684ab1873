"""Many named alternatives in one pattern, tried only where their first letter stands.

A pattern of many alternatives is tried alternative by alternative at every
word start. Grouped by the character each can begin with, behind a lookahead
for it, only the few that can match there are tried; two alternatives with
different first characters never match at the same place, so the matches are
the same. An alternative that can begin with several characters stands in
each of their groups, its name suffixed (`c5_0`, `c5_1`); `group_name` gives
the name back.

The groups stand behind a small tree of lookaheads for sets of first
characters, so a place is tried against a few sets rather than every letter.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

try:  # the parser is private; without it patterns simply go without the lookahead
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - Python 3.10
    try:
        import sre_constants as _c
        import sre_parse as _parser
    except ImportError:
        _parser = None

_PLAIN = set(string.ascii_lowercase + string.digits)
_LEADS = set(string.ascii_letters + string.digits)  # first characters by_first_letter groups
_QUANTIFIERS = ("?", "*", "+", "{")
FANOUT = 4  # branches per level of the lookahead tree
# Characters a case-blind pattern takes for an ASCII letter that lower() does not turn into
# it (or turns into two): a text holding none reads the same to a case-blind pattern as
# its lower-cased copy does to the same pattern with case, which is far faster to search.
# (The Kelvin sign is none of them: lower() turns it into "k".)
CASE_ODD = ("ſ", "ı", "İ")


def case_odd(text: str) -> bool:
    """Whether the text holds one of CASE_ODD: three searches in C, not a generator over
    them (a large day has some hundred thousand texts to ask)."""
    return "ſ" in text or "ı" in text or "İ" in text


# Global flags opening a pattern ("(?i)"): inside an alternation they must be scoped or go.
LEADING_FLAGS = re.compile(r"\(\?([aiLmsux]+)\)")


def _parsed(body: str):
    """`body` read case-insensitively by the regex parser; None without it or on an error."""
    return _parsed_as(body, re.I)


def first_characters(body: str) -> set[str] | None:
    """Lower-case letters and digits a match of `body` (read case-insensitively) starts
    with; None if that is not plain (a class, a repeat, a lookaround, anything else)."""
    parsed = _parsed(body)
    if parsed is None:
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
    branches = [(ch, f"(?={ch})(?:{'|'.join(alternatives)})")
                for ch, alternatives in sorted(groups.items())]
    return f"(?=[{''.join(groups)}])" + _tree(branches)


def _tree(branches: list[tuple[str, str]]) -> str:
    """The first-character branches behind a tree of lookaheads for sets of characters: a
    place is tried against a few sets, not against every letter in turn. Branches for
    different characters never match at one place, so their order does not matter."""
    if len(branches) <= FANOUT:
        return "(?:" + "|".join(body for _, body in branches) + ")"
    size = -(-len(branches) // FANOUT)
    chunks = [branches[i:i + size] for i in range(0, len(branches), size)]
    return "(?:" + "|".join(f"(?=[{''.join(ch for ch, _ in chunk)}]){_tree(chunk)}"
                            for chunk in chunks) + ")"


def by_first_letter(alternatives: list[str]) -> str:
    """The alternatives (pattern sources) as one group, each letter they start with taken
    out in front of those that start with it: `(?=[nw])(?:n(?:ot|o|ever)|w(?:ill|on't))`.
    Python's engine then tries a place against the few alternatives of its letter, not all
    of them.
    It matches at the same places, but where two alternatives match at one place it may be
    another that does: for patterns asked whether or where they match, not what. An
    alternative that opens with anything but an ASCII letter or digit, or whose first
    letter a quantifier follows, stays whole. For a pattern read case-insensitively, give
    the alternatives in lower case."""
    groups: dict[str, list[str]] = {}
    whole = []
    for alternative in alternatives:
        first, rest = alternative[:1], alternative[1:]
        if first in _LEADS and rest[:1] not in _QUANTIFIERS:
            groups.setdefault(first, []).append(rest)
        else:
            whole.append(alternative)
    parts = [f"{first}(?:{'|'.join(rests)})" for first, rests in sorted(groups.items())]
    # and behind a lookahead for the characters they start with, where each surely starts
    # with a letter, a digit or an apostrophe: a place is tried against that set first
    if all(a[:1] in ("'", "’") and a[1:2] not in _QUANTIFIERS for a in whole):
        starts = "".join([*groups, *(a[:1] for a in whole)])
        return f"(?=[{starts}])(?:" + "|".join(parts + whole) + ")"
    return "(?:" + "|".join(parts + whole) + ")"


def required_literals(pattern: re.Pattern) -> tuple[str, ...]:
    """Strings every match of the pattern contains: its runs of plain characters outside
    any alternative, optional part, lookaround or case-insensitive part. A text missing one
    cannot match, which a substring test tells far faster than the pattern does (a pattern
    opening on a lookbehind or a class is tried at every place). Empty when nothing is
    sure."""
    # a compiled pattern's flags hold those it opens on ("(?i)")
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return ()
    parsed = parsed_case_blind(pattern)  # the parser reads it the same with case or without
    if parsed is None:
        return ()
    runs: list[str] = []
    _literal_runs(list(parsed), runs)
    return tuple(runs)


@lru_cache(maxsize=1024)
def parsed_case_blind(pattern: re.Pattern):
    """The pattern read case-insensitively (a match with case is one without); once, for
    rule_gate's strings and lengths and for required_literals. The parser builds the same
    items with or without re.IGNORECASE, which only its state's flags hold. A part's items
    are its `data` (a list): `list(part)` would copy them through the parser's __getitem__,
    one Python call an item."""
    if not isinstance(pattern.pattern, str):
        return None
    return _parsed_as(pattern.pattern, pattern.flags | re.IGNORECASE)


def _parsed_as(body: str, flags: int):
    """`body` read by the regex parser with `flags`; None without it or on an error."""
    if _parser is None:
        return None
    try:
        return _parser.parse(body, flags)
    except re.error:
        return None


def _literal_runs(items: list, runs: list[str]) -> None:
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if run:
            runs.append(run)
            run = ""
        # a group (av: number, flags on, flags off, items) or a repeat at least once (av:
        # least, most, items) holds its own runs
        group = op is _c.SUBPATTERN and not av[1] & re.IGNORECASE
        if group or (op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1):
            _literal_runs(list(av[-1]), runs)
    if run:
        runs.append(run)


def literal_choices(body: str) -> tuple[str, ...] | None:
    """Lower-case strings of which every match of `body` (read case-insensitively) holds
    one: a run of plain characters, or one run from each branch of an alternative. None
    when nothing is sure, or a string is not ASCII (whose case a lower-case test may
    not tell as the pattern does)."""
    parsed = _parsed(body)
    found = _choices(list(parsed)) if parsed is not None else None
    return tuple(sorted(found)) if found and all(s.isascii() for s in found) else None


MAX_JOINED = 64  # strings a stretch of literals and small alternatives is taken to match


def _choices(items: list) -> set[str] | None:
    """The surest set of strings one of which every match of `items` holds: the one whose
    shortest string is longest. A stretch of literals and alternatives of a few literals
    holds one of their joins ("will (visit|meet)" holds "will visit" or "will meet")."""
    best: set[str] | None = None
    run = {""}  # what the stretch since the last open item matches
    for op, av in [*items, (None, None)]:  # the sentinel ends the last stretch
        strings = _language([(op, av)]) if op is not None else None
        if strings is not None and len(run) * len(strings) <= MAX_JOINED:
            run = {a + b for a in run for b in strings}
            continue
        found = None if "" in run else run  # a match may hold nothing of these
        run = {""}
        if op is _c.SUBPATTERN or (op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1):
            found = _surer(found, _choices(list(av[-1])))
        elif op is _c.BRANCH:
            branches = [_choices(list(b)) for b in av[1]]
            if all(branches):
                found = _surer(found, set().union(*branches))
        best = _surer(best, found)
    return best


def _language(items: list) -> set[str] | None:
    """Every string the items match, in small letters, if they are literals and groups or
    alternatives of them, and few; else None."""
    out = {""}
    for op, av in items:
        if op is _c.LITERAL:
            part: set[str] | None = {chr(av).lower()}
        elif op is _c.SUBPATTERN:
            part = _language(list(av[-1]))
        elif op is _c.BRANCH:
            branches = [_language(list(b)) for b in av[1]]
            part = None if None in branches else set().union(*branches)  # type: ignore[arg-type]
        else:
            return None
        if part is None or len(out) * len(part) > MAX_JOINED:
            return None
        out = {a + b for a in out for b in part}
    return out


def _surer(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    if not a or not b:
        return a or b
    return a if min(map(len, a)) >= min(map(len, b)) else b


def joined_problem(body: str) -> str | None:
    """What in `body` keeps it from standing among other cues in one pattern: "named
    groups" (their names clash with the cues' own and each other's) or "back references"
    (\\1, (?P=name), (?(1)...): the groups are numbered anew there); None if neither."""
    parsed = _parsed(body)
    if parsed is None:
        return None
    if parsed.state.groupdict:
        return "named groups"
    return "back references" if _refers_back(list(parsed)) else None


def _refers_back(items: list) -> bool:
    for op, av in items:
        if op in (_c.GROUPREF, _c.GROUPREF_EXISTS):
            return True
        # a part's items stand in its arguments: directly, or in a list (a branch's)
        for arg in av if isinstance(av, tuple | list) else (av,):
            parts = arg if isinstance(arg, list) else [arg]
            if any(isinstance(p, _parser.SubPattern) and _refers_back(list(p)) for p in parts):
                return True
    return False


def group_name(name: str) -> str:
    """The alternative's own name, without the suffix its copies carry."""
    return name.rsplit("_", 1)[0] if "_" in name else name


# What a pattern may hold and still match inside a clause as in the clause alone: nothing
# that looks behind its start or past its end (lookarounds, anchors other than \b and \B,
# back-references) and nothing that commits to a match (atomic groups, possessive
# repeats). Then every way of matching that reads past the clause's edge either fails or
# crosses the edge, and every other way reads the same characters in both.
_LOCAL_OPS = frozenset(getattr(_c, name) for name in (
    "LITERAL", "NOT_LITERAL", "IN", "ANY", "BRANCH", "SUBPATTERN", "MAX_REPEAT",
    "MIN_REPEAT", "AT", "RANGE", "CATEGORY", "NEGATE")) if _parser else frozenset()


def local(body: str) -> bool:
    """Whether `body` (read case-insensitively) finds the same matches within a stretch
    of text bounded by non-word characters as in that stretch cut out on its own, save
    matches crossing its edges; never for a pattern that can match the empty string."""
    parsed = _parsed(body)
    return parsed is not None and parsed.getwidth()[0] > 0 and _local_items(list(parsed))


def _local_items(items: list) -> bool:
    for op, av in items:
        if op not in _LOCAL_OPS:
            return False
        if op is _c.AT and av not in (_c.AT_BOUNDARY, _c.AT_NON_BOUNDARY):
            return False
        inner = [av] if op is _c.IN else av[1] if op is _c.BRANCH \
            else [av[-1]] if op in (_c.SUBPATTERN, _c.MAX_REPEAT, _c.MIN_REPEAT) else []
        if not all(_local_items(list(part)) for part in inner):
            return False
    return True
