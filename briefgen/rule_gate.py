"""Which furniture rules may match a text, for all of them in one pass.

Most paragraphs are prose that no rule matches, and a rule costs as much to
find nothing as to find something. Every match of most rules holds one of a
few plain strings ("photo", "©", "all rights reserved"), so a text holding none
of a rule's strings cannot match it. One Aho-Corasick automaton finds the
strings of every rule in one pass over the lower-cased text; a rule then reads
only the texts it may match, with the same results as reading all of them.
A rule with no sure strings, or only strings found in nearly any text (" ",
"."), reads every text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache

import ahocorasick

from .regex_start import case_odd, parsed_case_blind

try:  # the parser is private; without it every rule reads every text
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - Python 3.10
    try:
        import sre_constants as _c
        import sre_parse as _parser
    except ImportError:
        _parser = None

MAX_CLASS = 8  # characters of a class taken as alternatives ("[-–—]" holds "-", "–" or "—")
MAX_STRINGS = 64  # strings a stretch of a pattern is taken to match, at most
MAX_TIMES = 3  # repetitions a repeat whose strings are counted may make
_COMMON = " .,:;'\"-"  # marks nearly every paragraph holds
MAX_EDGE = 32  # characters a match's first or last one is taken to be among, at most
# What `\s` matches in a text: every character Python counts as a space is below U+3001.
SPACES = frozenset(ch for ch in map(chr, range(0x3001)) if ch.isspace())
_COMMON_WORDS = frozenset(["the", "and", "of", "in", "at", "on", "to", "for", "with", "from",
                           "by", "is", "was", "that", "this", "said"])


def rule_strings(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lower-case strings of which every match of the pattern holds one; None when nothing
    is sure, or one of them is no sign (a string nearly every text holds)."""
    parsed = parsed_case_blind(pattern)
    found = _choices(parsed.data) if parsed is not None else None
    if not found or not all(map(_sign, found)):
        return None
    return tuple(sorted(found))


def _foldable(s: str) -> bool:
    """Whether a text holding the string in any case holds it lower-cased once the text is:
    ASCII (but for regex_start.CASE_ODD), or a mark or space with no case at all ("©", "’", "–",
    "\xa0"; not "Ⓐ")."""
    return all(ch.isascii() or (unicodedata.category(ch)[0] in "PSZC"
                                and ch.lower() == ch == ch.upper()) for ch in s)


def _common(s: str) -> bool:
    """A space, a full stop, a letter or two ("x", "in", "s."), one of the commonest words
    (" of "): in nearly every paragraph. Two spaces in a row are not, nor a space before a
    full stop or a comma (" .")."""
    if s.isspace():
        return len(s) == 1
    if s.strip() in _COMMON_WORDS:
        return True
    return len(s) <= 2 and all(ch.isalnum() or ch in _COMMON for ch in s) \
        and not (s[0] == " " and s[-1] in ".,:;")


def _choices(items: list) -> set[str] | None:
    """The surest set of strings one of which every match of `items` holds: the one whose
    shortest string is longest. A stretch of items each matching a few strings holds one
    of their joins ("(?:share|print) this" holds "share this" or "print this")."""
    best: set[str] | None = None
    run = {""}  # what the stretch of items since the last open one matches
    before: set[str] | None = None  # the characters just before the item, if sure
    for op, av in items:  # two characters that meet: "\s\s*\." holds " ." or "\t." ...
        if op is _c.LITERAL:  # most items: _edges' answer, told at once
            first = last = {chr(av).lower()}
            empty = False
        else:
            first, last, empty = _item_edges(op, av)
            first, last = _few(first), _few(last)
        if before and first and not empty:
            best = _surer(best, _joined(before, first))
        before = last if not empty else None if before is None or last is None \
            else before | last
    chars = ""  # characters that follow the run: one each never makes too many joins
    for op, av in [*items, (None, None)]:  # the sentinel ends the last stretch
        if op is _c.LITERAL:
            chars += chr(av).lower()
            continue
        if chars:
            run, chars = {s + chars for s in run}, ""
        strings = _language([(op, av)]) if op is not None else None
        if strings is not None:
            joined = _joined(run, strings)
            if joined is None:  # too many joins: this item begins a stretch
                best, joined = _surer(best, _sure(run)), strings
            run = joined
            continue
        best, run = _surer(best, _sure(run)), {""}
        found = None
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            found = _repeated(av[0], av[2].data)
        elif op is _c.SUBPATTERN:
            found = _choices(av[-1].data)
        elif op is _c.BRANCH:
            branches = [_choices(b.data) for b in av[1]]
            if all(branches):
                found = set().union(*branches)
        best = _surer(best, found)
    return best


def _sure(strings: set[str]) -> set[str] | None:
    return None if "" in strings else strings  # a match may hold nothing of these


def _language(items: list) -> set[str] | None:
    """Every string the items match, lower-cased, if they are few; else None."""
    out = {""}
    chars = ""  # characters that follow `out`: one each never makes too many joins
    for op, av in items:
        if op is _c.LITERAL:
            chars += chr(av).lower()
            continue
        if chars:
            out, chars = {s + chars for s in out}, ""
        part = _class(op, av)
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            part = {""}  # it matches no character
        elif op is _c.SUBPATTERN:
            part = _language(av[-1].data)
        elif op is _c.BRANCH:
            branches = [_language(b.data) for b in av[1]]
            part = set().union(*branches) if all(b is not None for b in branches) else None
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[1] <= MAX_TIMES:
            once = _language(av[2].data)
            part = None if once is None else _repeats(once, av[0], av[1])
        if part is None:
            return None
        out = _joined(out, part)
        if out is None:
            return None
    return {s + chars for s in out} if chars else out


def _joined(heads: set[str], tails: set[str]) -> set[str] | None:
    """Each string of `heads` followed by each of `tails`; None if that makes too many."""
    if len(heads) * len(tails) > MAX_STRINGS:
        return None
    return {a + b for a in heads for b in tails}


def _repeats(once: set[str], least: int, most: int) -> set[str] | None:
    """The strings of `least` to `most` repetitions of one of `once`."""
    out: set[str] = set()
    times = {""}
    for n in range(most + 1):
        if n >= least:
            out |= times
        times = _joined(times, once) if n < most else set()
        if times is None or len(out) + len(times) > MAX_STRINGS:
            return None
    return out


def _class(op, av) -> set[str] | None:
    """The lower-case characters one item matches, if it is a literal or a small class of
    literals; else None."""
    if op is _c.LITERAL:
        return {chr(av).lower()}
    if op is _c.IN and av and all(o is _c.LITERAL for o, _ in av) and len(av) <= MAX_CLASS:
        return {chr(a).lower() for _, a in av}
    return None


def _edges(items: list) -> tuple[set[str] | None, set[str] | None, bool]:
    """The lower-case characters a match of `items` may begin and end with (None: too many
    or not sure), and whether it may be empty."""
    first: set[str] | None = set()
    last: set[str] | None = set()
    empty = True
    # from each end up to the first item that cannot be empty: those between tell nothing
    told: dict[int, tuple[set[str] | None, set[str] | None, bool]] = {}
    for n, (op, av) in enumerate(items):
        begins, _, may_be_empty = told[n] = _item_edges(op, av)
        first = None if first is None or begins is None else first | begins
        if not may_be_empty:
            empty = False
            break
    for n in range(len(items) - 1, -1, -1):
        _, ends, may_be_empty = told[n] if n in told else _item_edges(*items[n])
        last = None if last is None or ends is None else last | ends
        if not may_be_empty:
            break
    return _few(first), _few(last), empty


def _few(chars: set[str] | None) -> set[str] | None:
    """The characters, or None when there are too many to be worth telling."""
    return None if chars is not None and len(chars) > MAX_EDGE else chars


def _item_edges(op, av) -> tuple[set[str] | None, set[str] | None, bool]:
    chars = _chars(op, av)
    if chars is not None:
        return chars, chars, False
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), set(), True  # it matches no character
    if op is _c.SUBPATTERN:
        return _edges(av[-1].data)
    if op is _c.BRANCH:
        ends = [_edges(b.data) for b in av[1]]
        first, last = (None if any(e[n] is None for e in ends) else set().union(
            *(e[n] for e in ends)) for n in (0, 1))
        return first, last, any(e[2] for e in ends)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        first, last, empty = _edges(av[2].data)
        return first, last, empty or av[0] == 0
    # one character not told (".", "[a-z]"), or anything else, which may match nothing
    return None, None, op not in (_c.ANY, _c.IN, _c.NOT_LITERAL, _c.CATEGORY)


def _chars(op, av) -> set[str] | None:
    """The lower-case characters one item matches, spaces (`\\s`) among them."""
    if op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
        return set(SPACES)
    if op is not _c.IN:
        return _class(op, av)
    out: set[str] = set()
    for o, a in av:
        part = _chars(o, a) if o in (_c.LITERAL, _c.CATEGORY) else None
        if part is None:
            return None
        out |= part
    return out


def _repeated(least: int, items: list) -> set[str] | None:
    """What a repeat (at least once) holds: two characters of a class repeated at least
    twice ("[ \\t]{2,}" holds one of "  ", " \\t", "\\t ", "\\t\\t"), else what one
    repetition holds."""
    chars = _class(*items[0]) if len(items) == 1 else None
    if least >= 2 and chars and len(chars) ** 2 <= MAX_CLASS * 2:
        return {a + b for a in chars for b in chars}
    return _choices(items)


def _surer(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """Of two sets, the one whose strings are signs (rare, foldable), then the one whose
    shortest string is longest."""
    if not a or not b:
        return a or b
    return a if _sureness(a) >= _sureness(b) else b


def _sureness(strings: set[str]) -> tuple[bool, int]:
    return all(map(_sign, strings)), min(map(len, strings))


@lru_cache(maxsize=4096)
def _sign(s: str) -> bool:
    """Whether the string tells a text apart: foldable, and not common."""
    return _foldable(s) and not _common(s)


def fullmatch_lengths(pattern: re.Pattern) -> tuple[int, int]:
    """The shortest and longest text the pattern can match whole. A leading lookahead
    that reaches the end ("(?=.{0,300}$)") bounds it too; `$` may stand before a last
    newline, so by one more."""
    parsed = parsed_case_blind(pattern)
    if parsed is None:
        return 0, _c.MAXREPEAT if _parser else 1 << 32
    least, most = parsed.getwidth()
    first = parsed.data[:1]
    if first and first[0][0] is _c.ASSERT and first[0][1][0] == 1:  # a lookahead
        ahead = list(first[0][1][1])
        if ahead and ahead[-1] == (_c.AT, _c.AT_END):
            most = min(most, first[0][1][1].getwidth()[1] + 1)
    return least, most


MAX_RANGE = 128  # characters of a range ("[A-Z]") taken as an edge's alternatives, at most


def edge_chars(pattern: re.Pattern, end: bool, whole: bool = False) -> frozenset[str] | None:
    """When every match begins at the text's start (`^`, `\\A`), or with `end` ends at its
    end (`$`, `\\Z`), the lower-case characters its first or last one is among; None when
    that is not sure or a character has case beyond ASCII. A text whose first or last
    character (the one before a final newline, where `$` also matches) is none of them
    cannot match: a test of one character instead of the pattern tried at every place.
    With `whole`, the pattern is only ever matched whole (`fullmatch`): anchored at both."""
    parsed = parsed_case_blind(pattern)
    if parsed is None:
        return None
    items = parsed.data
    if not whole:
        if pattern.flags & re.MULTILINE:  # `^` and `$` at every line
            return None
        anchors = (_c.AT_END, _c.AT_END_STRING) if end \
            else (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING)
        if not items or items[-1 if end else 0][0] is not _c.AT \
                or items[-1 if end else 0][1] not in anchors:
            return None
        items = items[:-1] if end else items[1:]
    chars = _edge(items, end)  # an anchor or lookaround left in `items` is passed over
    return frozenset(chars) if chars and all(map(_foldable, chars)) else None


def _edge(items: list, end: bool) -> set[str] | None:
    """The lower-case characters a match of `items` begins (or ends) with; None when not sure
    (among them, when it may be empty)."""
    for op, av in reversed(items) if end else items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: the character beside it opens or closes the match
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            return _edge(av[2].data, end) if av[0] >= 1 else None
        if op is _c.SUBPATTERN:
            return _edge(av[-1].data, end)
        if op is _c.BRANCH:
            branches = [_edge(b.data, end) for b in av[1]]
            return None if None in branches else set().union(*branches)  # type: ignore[arg-type]
        return _class_with_ranges(op, av)
    return None


def _class_with_ranges(op, av) -> set[str] | None:
    """The lower-case characters one item matches: a literal, or a class of literals, small
    ranges and spaces."""
    if op is not _c.IN or any(o is _c.NEGATE for o, _ in av):
        return _class(op, av)
    out: set[str] = set()
    for o, a in av:
        if o is _c.RANGE and a[1] - a[0] < MAX_RANGE:
            out |= {chr(c).lower() for c in range(a[0], a[1] + 1)}
        else:
            part = _chars(o, a) if o in (_c.LITERAL, _c.CATEGORY) else None
            if part is None:
                return None
            out |= part
    return out


class RuleGate:
    """Which of the patterns may match a text, as a mask over their positions."""

    def __init__(self, patterns: Sequence[re.Pattern], whole: int = 0):
        """`whole`: a mask of the patterns only ever matched whole (`fullmatch`), whose
        first and last characters tell which texts they may match."""
        self.every = (1 << len(patterns)) - 1
        self.always = 0  # the rules that read every text
        masks: dict[str, int] = {}
        # rules anchored at the text's start or end: per edge, those that may match there
        self.anchored = [0, 0]
        self.edge_ok: list[dict[str, int]] = [{}, {}]
        for n, pattern in enumerate(patterns):
            strings = rule_strings(pattern)
            if strings is None:
                self.always |= 1 << n
            for s in strings or ():
                masks[s] = masks.get(s, 0) | 1 << n
            for end in (False, True):
                for ch in edge_chars(pattern, end, bool(whole >> n & 1)) or ():
                    self.edge_ok[end][ch] = self.edge_ok[end].get(ch, 0) | 1 << n
                    self.anchored[end] |= 1 << n
        self.automaton = ahocorasick.Automaton()
        for s, mask in masks.items():
            self.automaton.add_word(s, mask)
        if masks:
            self.automaton.make_automaton()
        self.empty = not masks

    def hits(self, text: str) -> int:
        """A mask of the patterns that may match somewhere in the text (a 0 bit: surely
        not); for the patterns of the `whole` mask, that may match the whole text."""
        if case_odd(text):  # a case-blind rule takes it for an ASCII letter: every rule reads it
            return self.every
        mask = self.always
        if not self.empty:
            for _, found in self.automaton.iter(text.lower()):  # as long as the text
                mask |= found
        if self.anchored[0]:
            mask &= ~self.anchored[0] | self.edge_ok[0].get(text[:1].lower(), 0)
        if self.anchored[1]:
            last = self.edge_ok[1].get(text[-1:].lower(), 0)
            if text.endswith("\n"):  # `$` matches before a final newline too
                last |= self.edge_ok[1].get(text[-2:-1].lower(), 0)
            mask &= ~self.anchored[1] | last
        return mask


def bits(mask: int) -> Iterator[int]:
    """The positions of the mask's set bits, lowest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low
