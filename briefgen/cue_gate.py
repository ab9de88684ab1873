"""Which sections' cues a text may hold, for all sections in one pass.

Most texts of a large day hold no cue of a given section, and a section's
pattern of a hundred cues costs as much to find nothing as to find something.
Every match of a cue holds one of a few plain strings (the cue's words, or
what its regular expression cannot match without), so a text holding none of a
section's strings cannot match its pattern. One Aho-Corasick automaton finds
the strings of every section in one pass over the lower-cased text; the
section's pattern then reads only the texts it may match, with the same
results as reading all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import ahocorasick

from .config_brief import regex_cue
from .regex_start import case_odd, literal_choices

# A string found where its cue could not begin or end is no sign of it: "aid" in "said".
Sign = tuple[int, bool, bool]  # sections (bit n: section n); whether it must begin, end a word


def cue_strings(cue: str) -> tuple[tuple[str, ...], bool, bool] | None:
    """Lower-case strings of which every match of the cue holds one, and whether a match
    begins and ends at them as at word edges; None when that is not sure (then the
    section reads every text)."""
    cue = cue.strip()
    body = regex_cue(cue)
    if body is not None:
        strings = literal_choices(body)
        return (strings, False, False) if strings else None
    word = cue.rstrip("*").lower()
    if not word or not word.isascii():
        return None
    # a cue stands after \b; a whole word (not `prefix*`) before \b too: where it begins
    # and ends with a word character, its neighbours there are not word characters
    return (word,), _is_word(word[0]), not cue.endswith("*") and _is_word(word[-1])


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class CueGate:
    """Per section, whether a text may hold one of its cues."""

    def __init__(self, cue_lists: Sequence[tuple[str, ...]]):
        self.sections = len(cue_lists)
        # a section with a cue of no sure strings (or no cues) reads every text
        self.always = [not cues for cues in cue_lists]
        holders: dict[str, dict[tuple[bool, bool], set[int]]] = {}
        # whether every match of each cue a string stands for begins where the string does:
        # a word's does; a regular expression's may begin before it
        opens: dict[str, bool] = {}
        for n, cues in enumerate(cue_lists):
            for cue in cues:
                found = cue_strings(cue)
                if found is None:
                    self.always[n] = True
                    break
                strings, starts, ends = found
                for s in strings:
                    holders.setdefault(s, {}).setdefault((starts, ends), set()).add(n)
                    opens[s] = opens.get(s, True) and regex_cue(cue.strip()) is None
        self.every = (1 << self.sections) - 1
        self.always_bits = sum(1 << n for n, always in enumerate(self.always) if always)
        self.automaton = ahocorasick.Automaton()
        for s, kinds in holders.items():
            # the sections a string is a sign of wherever it stands, and those it is a sign
            # of only at a word's edge: most strings need no edge looked at
            anywhere = 0
            at_edges: list[Sign] = []
            for (starts, ends), ns in kinds.items():
                bits = sum(1 << n for n in ns)
                if starts or ends:
                    at_edges.append((bits, starts, ends))
                else:
                    anywhere |= bits
            self.automaton.add_word(s, (len(s), anywhere, tuple(at_edges), opens[s]))
        if holders:
            self.automaton.make_automaton()
        self.empty = not holders

    def mask(self, text: str) -> int:
        """The sections that may hold one of their cues in the text, bit n for section n
        (0: surely not)."""
        return self.reach(text)[0]

    def reach(self, text: str) -> tuple[int, int]:
        """`mask`, and the earliest place in the text where a match of a cue of a section
        that does not read every text may begin: the first string found of a word's cue (0
        when a regular expression's string is found). A pattern searched from there finds
        what it finds from the text's start."""
        if self.empty or case_odd(text):  # then every section is read
            return self.every, 0
        low = text.lower()  # as long as the text: no case_odd character in it
        found = self.always_bits
        first = len(low)
        for end, (length, anywhere, at_edges, opens) in self.automaton.iter(low):
            start = end - length + 1
            if start < first or not opens:
                first = start if opens else 0
            found |= anywhere
            for bits, starts, ends in at_edges:
                if (starts and start and _is_word(low[start - 1])) \
                        or (ends and end + 1 < len(low) and _is_word(low[end + 1])):
                    continue
                found |= bits
        return found, first

    def may_hold(self, text: str) -> list[bool]:
        """Per section: whether the text may hold one of its cues (False: surely not)."""
        found = self.mask(text)
        return [bool(found >> n & 1) for n in range(self.sections)]


@lru_cache(maxsize=64)
def gate(cue_lists: tuple[tuple[str, ...], ...]) -> CueGate:
    return CueGate(cue_lists)
