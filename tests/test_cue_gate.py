"""The cue gate skips only texts a section's cues cannot match: the fit is the same."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen import cue_gate
from briefgen.relevance import cue_pattern

from .conftest import DEFAULT_CONFIG

CUES = (("meet*", "talks with", "/\\b(since (19|20)\\d\\d|in \\w+ years)\\b/", "U.S."),
        ("ban", "aid", "/\\bjoint\\b(?! session)/"),
        ("/\\d+ (?:km|miles)/", "/\\d+/"),
        ("Élysée", "talks"))
WORDS = ["meet", "meeting", "said", "aid", "urban", "ban", "bans", "talks", "with", "joint",
         "jointly", "session", "since", "1999", "2001", "in", "five", "years", "U.S.",
         "visit", "Élysée", "élysée", "ſince", "İn", "12", "km", "’s", "MEETS", "_ban",
         "\u212aM", "Since", "KM"]


def test_a_string_inside_another_word_is_no_sign_of_its_cue():
    gate = cue_gate.CueGate(CUES[:2])
    assert gate.may_hold("He said the urban plan was abandoned.") == [False, False]
    assert gate.may_hold("They meet on aid.") == [True, True]
    assert gate.may_hold("the first visit in five years") == [True, False]
    assert gate.may_hold("the jointly agreed plan") == [False, True]  # a joint... maybe
    # a cue with no sure string (a number alone; a word not in ASCII) reads every text
    assert cue_gate.CueGate(CUES[2:]).may_hold("nothing") == [True, True]
    assert cue_gate.CueGate(CUES[2:3]).may_hold("12 km") == [True]


def test_a_letter_that_a_case_blind_pattern_takes_for_another_opens_the_gate():
    gate = cue_gate.CueGate(CUES[:1])
    text = "none ſince 2001"  # the long s: "since" to the pattern
    assert cue_pattern(CUES[0]).search(text)
    assert gate.may_hold(text) == [True]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12),
       st.lists(st.sampled_from([" ", ", ", "-", "", ". "]), min_size=12, max_size=12))
def test_the_gate_never_shuts_out_a_text_a_pattern_matches(words, gaps):
    text = "".join(w + g for w, g in zip(words, gaps, strict=False))
    gate = cue_gate.CueGate(CUES)
    for cues, may in zip(CUES, gate.may_hold(text), strict=True):
        if cue_pattern(cues).search(text):
            assert may, (cues, text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12),
       st.lists(st.sampled_from([" ", ", ", "-", "", ". "]), min_size=12, max_size=12))
def test_a_pattern_searched_from_where_the_gate_says_finds_what_it_finds_from_the_start(
        words, gaps):
    text = "".join(w + g for w, g in zip(words, gaps, strict=False))
    gate = cue_gate.CueGate(CUES)
    mask, first = gate.reach(text)
    for n, cues in enumerate(CUES):
        if gate.always[n] or not mask >> n & 1:
            continue
        pattern = cue_pattern(cues)
        assert [(m.lastgroup, m.span()) for m in pattern.finditer(text, first)] == \
            [(m.lastgroup, m.span()) for m in pattern.finditer(text)], (cues, text)


def test_a_regular_expressions_match_may_begin_before_its_string():
    gate = cue_gate.CueGate(CUES[:1])
    assert gate.reach("They meet.") == (1, 5)
    assert gate.reach("in meet years") == (1, 0)  # "in \w+ years" begins before " years"


def test_the_default_sections_fit_the_same_with_and_without_the_gate(monkeypatch):
    from briefgen import load_config, pipeline, relevance
    from briefgen.candidates import spanning
    from briefgen.clean import load_rules
    from briefgen.corpus import build_corpus
    from briefgen.segment import sentences_at

    from .conftest import SEEDS

    cfg = load_config(DEFAULT_CONFIG)

    articles = pipeline.gather(cfg, [str(SEEDS)], None, [])
    rules = load_rules()
    sentences = [s for a in articles for s in sentences_at(*pipeline._clean_and_find(rules, a))]
    corpus = build_corpus(spanning(sentences), [a.id for a in articles])
    gated = relevance.word_fit(corpus, cfg.sections)
    gate = cue_gate.gate(tuple(s.cues for s in cfg.sections))
    shut = sum(not any(gate.may_hold(g.text)) for g in corpus.groups)
    assert shut > 0  # the gate shuts some texts out, so the comparison tests it
    # every text read, from its start
    monkeypatch.setattr(cue_gate.CueGate, "reach", lambda self, text: (self.every, 0))
    corpus.cue_weight_cache.clear()
    assert np.array_equal(relevance.word_fit(corpus, cfg.sections), gated)


def test_a_cue_of_words_and_alternatives_is_told_by_their_joins():
    from briefgen.regex_start import literal_choices

    assert literal_choices(r"\bwill (visit|meet)\b") == ("will meet", "will visit")
    assert literal_choices(r"(in|by) (May|June)") == ("by june", "by may", "in june", "in may")
    assert literal_choices(r"(?:a|)b") == ("ab", "b")  # the empty alternative: "b" alone
    assert literal_choices(r"\d+ (?:km|miles)") == (" km", " miles")
    gate = cue_gate.CueGate([("/\\bwill (visit|meet)\\b/",)])
    assert gate.may_hold("They will meet.") == [True]
    assert gate.may_hold("They will not.") == [False]


def test_case_odd_tells_each_of_its_letters_and_no_other():
    from briefgen.regex_start import CASE_ODD, case_odd

    assert all(case_odd(f"a {ch} b") for ch in CASE_ODD)
    assert not case_odd("Kk Ii Ss \u212a ß")
