import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.figures import _DURATION, _UNIT, _UNIT_LETTER, _durations, find_discrepancies

from .conftest import make_article

DURATION_WORDS = ["3", "45", "1234", "a3", "three", "Eleven", "twelve", "someone", "ſix", "-",
                  " ", "-", "hour", "HOURS", "minute", "mİnute", "day", "days", "daylight",
                  "x", "_", "ten-day", "5 hour", "Day", "hOur", "MİNUTE", "mınute", "Minutes",
                  "-Hour", " d", "m", "H"]


def articles(*bodies):
    return [make_article(b, id=f"a{i}") for i, b in enumerate(bodies)]


def test_one_figure_reported_two_ways_is_flagged():
    found = find_discrepancies(articles(
        "The 35-minute meeting took place at the palace. Talks lasted three hours.",
        "Their roughly 30-minute meeting ended at noon.",
        "The meeting lasted around 30 minutes. Earlier talks took about three hours."))
    assert len(found) == 1
    [d] = found
    assert d.unit == "minute"
    assert dict(d.readings) == {"35-minute": ("a0",), "30-minute": ("a1",),
                                "30 minutes": ("a2",)}


def test_different_events_and_agreeing_sources_are_not_flagged():
    assert find_discrepancies(articles(
        "Talks lasted six hours. A two-hour dinner followed.",
        "The six-hour talks were followed by a three-hour meeting.",
        "They met for 35 minutes.")) == []


def test_the_same_figure_about_the_same_party_supports_an_item():
    from briefgen.figures import corroborate
    from briefgen.model import Item
    from briefgen.segment import segment

    arts = articles(
        "On Monday the envoy held more than three hours of talks with Minister Ruiz.",
        "The envoy met Ruiz for about three hours, an official said.",
        "The envoy met Ruiz for about two hours on Tuesday.",
        "Separately, a three-hour debate took place in the Parliament of Norland.")
    sentences = [s for a in arts for s in segment(a)]
    item = Item(arts[0].body, ("a0",))
    [supported] = corroborate([item], sentences, [a.id for a in arts])
    assert supported.sources == ("a0", "a1")
    plain = Item("The talks were frank, Minister Ruiz said.", ("a0",))
    assert corroborate([plain], sentences, ["a0"]) == [plain]


def test_a_duration_is_only_looked_for_where_its_unit_could_stand():
    from briefgen.figures import _DURATION, _may_state_duration

    for text in ("talks lasted a 3-HOUR session", "for two Days", "ten MINUTES", "45 minutes",
                 "a mİnute later", "No figure here.", "the day after", ""):
        assert not _DURATION.search(text) or _may_state_duration(text), text
    assert not _may_state_duration("They met in Paris on Monday mornings? No.".replace("day", ""))


@given(st.lists(st.sampled_from(DURATION_WORDS), max_size=30))
@settings(max_examples=300, deadline=None)
def test_durations_are_those_the_pattern_finds(words):
    text = "".join(words)
    assert [m.span() for m in _durations(text)] == [m.span() for m in _DURATION.finditer(text)]


@given(st.lists(st.sampled_from(DURATION_WORDS), max_size=30))
@settings(max_examples=500, deadline=None)
def test_units_found_from_their_letter_are_those_found_from_their_mark(words):
    text = "".join(words)
    assert [m.start() - 1 for m in _UNIT_LETTER.finditer(text)] == \
        [m.start() for m in _UNIT.finditer(text)]


def test_the_letters_a_unit_is_found_from_are_all_a_case_blind_pattern_takes():
    takes = {chr(c) for c in range(0x110000) if re.fullmatch("(?i)[mhd]", chr(c))}
    assert takes == set("mMhHdD")
