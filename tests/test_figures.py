from briefgen.figures import find_discrepancies

from .conftest import make_article


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
