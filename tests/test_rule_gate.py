"""The rule gate skips only texts a furniture rule cannot match: the cleaning is the same."""

from __future__ import annotations

import re
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen import rule_gate
from briefgen.clean import clean_text, default_rules

from .conftest import SEEDS

RULES = default_rules()
PATTERNS = [*RULES.drop_paragraphs, *RULES.truncate_at, *RULES.list_labels, *RULES.remove_spans,
            *RULES.credits, *RULES.captions, *(p for p, _ in RULES.repairs)]
PIECES = ["Photo", "photo:", "PHOTO", "Reuters", "AP", "/", "©", "(", ")", "[", "]", "|", "•",
          "—", "-", "Read more", "Share", "by", "By", "Jane Doe", "said", "All rights reserved",
          "Advertisement", "12:30", "2024", "May", "ſ", "İ", "K", "ı", "and", "the talks", ".",
          "\t", "  ", " .", " ,", "\xa0", "\n", "Getty Images", "via", "Image caption",
          "Follow us", "on", "Twitter", "end\t.", "end\xa0.", "end .", "end. .", "end. ,"]


@cache
def _gate() -> rule_gate.RuleGate:
    return rule_gate.RuleGate(PATTERNS)


def test_the_strings_every_match_holds():
    strings = rule_gate.rule_strings
    assert strings(re.compile(r"\s*\([Pp]hotos?: ")) == ("(photo: ", "(photos: ")
    assert strings(re.compile(r"\s*©[^.!?]{0,80}$")) == ("©",)
    assert strings(re.compile(r"(?i)via (?:getty|reuters)")) == ("via getty", "via reuters")
    assert strings(re.compile(r"(?:[Ss]hare|[Pp]rint) this(?= story)")) == ("print this",
                                                                           "share this")
    assert strings(re.compile(r"[A-Z]\w+ (?:of|and) [A-Z]\w+")) is None  # " of ", " and "
    # two characters that meet: the last space of a run, and the full stop after it
    spaced_stop = strings(re.compile(r"\s(?<=\w\s)\s*\.(?=\s*$)"))
    assert spaced_stop and " ." in spaced_stop and "\xa0." in spaced_stop
    assert {s[0] for s in spaced_stop} == rule_gate.SPACES == {
        chr(n) for n in range(0x110000) if re.fullmatch(r"\s", chr(n))}
    assert strings(re.compile(r"\s*\.")) is None  # the stop may open the match
    assert strings(re.compile(r"[ \t]{2,}")) == ("\t\t", "\t ", " \t", "  ")
    assert strings(re.compile(r"[-–—]{1,2}\s*$")) is None  # "-": in nearly every text
    assert strings(re.compile(r"[A-Z]\w+ [A-Z]\w+")) is None  # " " alone
    assert strings(re.compile(r"(?i)édition")) is None  # a letter not in ASCII


def test_a_leading_lookahead_bounds_the_length_of_a_whole_match():
    assert rule_gate.fullmatch_lengths(re.compile(r"(?=.{0,300}$)[^.]+")) == (1, 301)
    assert rule_gate.fullmatch_lengths(re.compile(r"(?i)ab(?:c|de)")) == (3, 4)
    least, most = rule_gate.fullmatch_lengths(re.compile(r"(?=.{0,30}$)(?m:a$)"))
    assert (least, most) == (1, 1)


def test_a_letter_that_a_case_blind_rule_takes_for_another_opens_the_gate():
    gate = rule_gate.RuleGate([re.compile(r"(?i)sign up")])
    assert gate.hits("Please sign in.") == 0
    assert gate.hits("Please ſign up.") == 1
    # the Kelvin sign is taken for a "k", and lower() makes it one: no need to open the gate
    kiosk = rule_gate.RuleGate([re.compile(r"(?i)kiosk"), re.compile(r"(?i)sign up")])
    assert re.search(r"(?i)kiosk", "\u212aiosk") and kiosk.hits("\u212aiosk") == 1


def test_a_rule_anchored_at_an_edge_reads_only_texts_with_its_character_there():
    edge = rule_gate.edge_chars
    assert edge(re.compile(r"(?<=[.!?])\s*[-–—]{1,2}\s*[A-Z][A-Za-z]{1,15}$"), True) == \
        frozenset("abcdefghijklmnopqrstuvwxyz")
    assert edge(re.compile(r"^(?:[•·]|[-*](?= ))\s*"), False) == frozenset("•·-*")
    assert edge(re.compile(r"(?i)^(?:live|breaking)\b"), False) == frozenset("lb")
    assert edge(re.compile(r"\(AP\)\Z"), True) == frozenset(")")
    assert edge(re.compile(r"^\d+"), False) is None  # digits beyond ASCII
    assert edge(re.compile(r"x?$"), True) is None  # may end with anything before
    assert edge(re.compile(r"(?m)x$"), True) is None  # at the end of every line
    assert edge(re.compile(r"(?i)é$"), True) is None  # a letter with case beyond ASCII
    gate = rule_gate.RuleGate([re.compile(r"\.\s*[-–—]\s*[A-Z][a-z]+$"),
                               re.compile(r"^[A-Z]{3,}:\s")])
    assert gate.hits("“It ended. — Reuters") == 1
    assert gate.hits("“It ended. — Reuters.") == 0
    assert gate.hits("“It ended. — Reuters\n") == 1  # `$` before a final newline
    assert gate.hits("LONDON: It ended.") == 2
    assert gate.hits("“LONDON: It ended.") == 0


ANCHORED = [re.compile(p) for p in (
    r"(?<=[.!?])\s*[-–—]{1,2}\s*[A-Z][A-Za-z]{1,15}$", r"(?<=[.!?])\s+\([A-Z]{2,6}\)$",
    r"^(?:[•·▪●◦‣∙]|[-*](?= ))\s*", r"^[A-Z]{3,}(?:[ /-][A-Z]{2,}){0,3}:\s+(?=[A-Z“])",
    r"(?i)^(?:live(?: updates?)?|breaking)\s*[:|]\s*", r"(?i)\s*\((?:photo|ap)\)\Z",
    r"\s+[—–-]{1,2}\s+[A-Z][\w.&’'-]*(?: [A-Z][\w.&’'-]*){0,3} (?:pic|photo)$")]
EDGE_PIECES = ["It ended.", "— Reuters", "--", "-", "(AP)", "(Photo)", "LONDON:", "AP/UK:",
               "•", "* ", "- ", "Live updates:", "LIVE |", "breaking", "\u212aELVIN", "ſ",
               "ı", "\n", "\xa0", "said", "?", "“", "Jane Doe photo", "Jane pic", ""]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(EDGE_PIECES), max_size=8),
       st.lists(st.sampled_from([" ", "", "\n", ": "]), min_size=8, max_size=8))
def test_the_edge_gate_never_shuts_out_a_text_an_anchored_rule_matches(pieces, gaps):
    text = "".join(p + g for p, g in zip(pieces, gaps, strict=False))
    hits = rule_gate.RuleGate(ANCHORED).hits(text)
    for n, pattern in enumerate(ANCHORED):
        if pattern.search(text):
            assert hits >> n & 1, (pattern.pattern, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14),
       st.lists(st.sampled_from([" ", ", ", "", ". ", ": "]), min_size=14, max_size=14))
def test_the_gate_never_shuts_out_a_text_a_rule_matches(pieces, gaps):
    text = _text(pieces, gaps)
    _assert_lets_through(_gate(), PATTERNS, text, "search")
    for pattern in PATTERNS:
        if pattern.fullmatch(text):
            least, most = rule_gate.fullmatch_lengths(pattern)
            assert least <= len(text) <= most, (pattern.pattern, text)


def test_the_seeds_clean_the_same_with_and_without_the_gate(monkeypatch):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    assert texts
    gated = [clean_text(t) for t in texts]
    monkeypatch.setattr(rule_gate.RuleGate, "hits", lambda self, text: self.every)
    monkeypatch.setattr(rule_gate, "fullmatch_lengths", lambda p: (0, 1 << 32))
    from briefgen import clean

    monkeypatch.setattr(clean, "fullmatch_lengths", lambda p: (0, 1 << 32))
    monkeypatch.setattr(clean, "_READY", {})
    clean._ready_by_value.cache_clear()
    try:
        assert [clean_text(t) for t in texts] == gated
    finally:
        clean._ready_by_value.cache_clear()


WHOLE = [*RULES.drop_paragraphs, *RULES.truncate_at, *RULES.list_labels]


@cache
def _whole_gate() -> rule_gate.RuleGate:
    return rule_gate.RuleGate(WHOLE, whole=(1 << len(WHOLE)) - 1)


def test_a_rule_matched_whole_reads_only_texts_it_may_begin_and_end():
    gate = rule_gate.RuleGate([re.compile(r"(?:By )?[A-Z][a-z]+ [A-Z][a-z]+"),
                               re.compile(r"(?i)(?:photo|image): .*\)")], whole=0b11)
    assert gate.hits("By Jane Doe") == 1
    assert gate.hits("Photo: Jane Doe (AP)") == 2
    assert gate.hits("Photo: Jane Doe said.") == 0
    assert rule_gate.edge_chars(re.compile(r"(?:By )?[A-Z]"), False, whole=True) is None
    assert rule_gate.edge_chars(re.compile(r"(?m)(?:x|y)$"), True, whole=True) == {"x", "y"}


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES + EDGE_PIECES), max_size=6),
       st.lists(st.sampled_from([" ", "", ": ", ", "]), min_size=6, max_size=6))
def test_the_gate_never_shuts_out_a_text_a_rule_matches_whole(pieces, gaps):
    _assert_lets_through(_whole_gate(), WHOLE, _text(pieces, gaps), "fullmatch")


def _text(pieces: list[str], gaps: list[str]) -> str:
    return "".join(p + g for p, g in zip(pieces, gaps, strict=False)).strip()


def _assert_lets_through(gate, patterns, text: str, how: str) -> None:
    """Every rule that matches the text (by `how`) is among the gate's hits for it."""
    hits = gate.hits(text)
    for n, pattern in enumerate(patterns):
        if getattr(pattern, how)(text):
            assert hits >> n & 1, (pattern.pattern, text)


def _plain_edges(items: list):
    """rule_gate._edges as first written: every item read, in order."""
    first: set[str] | None = set()
    last: set[str] | None = set()
    empty = True
    for op, av in items:
        begins, ends, may_be_empty = rule_gate._item_edges(op, av)
        if empty:
            first = None if first is None or begins is None else first | begins
        last = ends if not may_be_empty else None if last is None or ends is None \
            else last | ends
        empty = empty and may_be_empty
    too_many = [x is not None and len(x) > rule_gate.MAX_EDGE for x in (first, last)]
    return None if too_many[0] else first, None if too_many[1] else last, empty


def _item_lists(items: list):
    """`items` and every list of items inside them."""
    yield items
    for op, av in items:
        inner = av[1] if op is rule_gate._c.BRANCH else [av[-1]] \
            if op in (rule_gate._c.SUBPATTERN, rule_gate._c.MAX_REPEAT,
                      rule_gate._c.MIN_REPEAT) else []
        for part in inner:
            yield from _item_lists(part.data)


def test_the_edges_read_from_each_end_are_those_read_item_by_item():
    for pattern in [*PATTERNS, *ANCHORED, re.compile(r"a?(?:b|c*)d*(?:e|)f?")]:
        for items in _item_lists(rule_gate.parsed_case_blind(pattern).data):
            assert rule_gate._edges(items) == _plain_edges(items), pattern.pattern
