"""Floors on the brief's quality, measured as `make eval` measures it.

The figures are the expected facts a careful analyst would take from each
story (evaluation/stories/*/facts.yaml); raising the floors is the goal of
the brief-quality work, lowering them needs a reason.
"""

import io

import pytest

from evaluation.evaluate import HERE, evaluate


@pytest.mark.parametrize(("story", "min_facts", "min_quotes"),
                         [("seeds", 19, 6), ("harbor", 13, 2), ("summit", 12, 2)])
def test_default_brief_covers_the_facts_within_budget(story, min_facts, min_quotes):
    report = io.StringIO()
    score = evaluate(HERE / "stories" / story, out=report)
    assert score.covered >= min_facts, report.getvalue()
    assert score.words <= 900, report.getvalue()
    assert score.quotes >= min_quotes, report.getvalue()
