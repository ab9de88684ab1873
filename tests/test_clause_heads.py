"""A sentence too long for a line gives a line up to the end of its first clause, marked
" ...", word for word as far as it goes."""

from pathlib import Path

import pytest

from briefgen.clause_heads import _head, with_heads

from .conftest import lines_of_one_article

# Invented. 62 words: too long for a line; its first clause says what matters.
LONG = ("The foreign minister’s first visit to the island republic in nine years is set to be "
        "dominated by the dispute over fishing grounds, with an aide telling reporters on the "
        "plane that she would stand firm in the talks with her counterpart, whom she and the "
        "trade commissioner are due to meet on Thursday morning at the old harbour office in "
        "the capital.")
HEAD = ("The foreign minister’s first visit to the island republic in nine years is set to be "
        "dominated by the dispute over fishing grounds, ...")


def _lines(tmp_path: Path, paragraphs: list[str]) -> list[dict]:
    return lines_of_one_article(tmp_path, "\n\n".join(["date 2024-03-05", *paragraphs]))


def test_a_sentence_too_long_for_a_line_gives_its_first_clause(tmp_path: Path):
    lines = _lines(tmp_path, ["The two ministers signed an agreement on river transport.", LONG])
    assert HEAD in [i["text"] for i in lines]
    assert LONG.startswith(HEAD.removesuffix(" ..."))  # as printed, as far as it goes


def test_a_head_that_opens_on_he_names_whom_it_means(tmp_path: Path):
    lines = _lines(tmp_path, [
        "Foreign Minister Jane Doe met her counterpart Sam Roe in Strelsau on Monday.",
        "Roe told reporters that the two sides had signed an agreement on river transport.",
        "He said the ferry link between the two ports would reopen in the spring after a "
        "decade of closure, which traders on both banks of the river have long asked for as "
        "the road bridge upstream has been closed to lorries since the floods and the rail "
        "line between the two towns carries no freight at all any more."])
    heads = [i for i in lines if i["text"].startswith("He said the ferry link")]
    assert heads and heads[0]["text"].endswith("decade of closure, ...")
    assert heads[0]["refers_to"] == {"pronoun": "He", "name": "Sam Roe"}


@pytest.mark.parametrize("text", [
    LONG.replace(", with an aide", " with an aide"),  # no clause boundary at all
    "“" + LONG,  # a quotation: who says it is cut off
    LONG.replace("dispute over", "“dispute” over “"),  # a quotation open at the cut
    " ".join(["word"] * 55) + ", with more.",  # the head itself too long
    LONG.split(", with")[0] + ", with a short end.",  # short enough to be a line itself
    # who says it comes after the cut: the claim would read as fact
    LONG.replace("in the capital.", "in the capital, her spokesman told reporters."),
    # a clause of its own first: its main clause comes after the cut
    "Although " + LONG[0].lower() + LONG[1:],
    "But even if " + LONG[0].lower() + LONG[1:],
    # ", but" may take back what came before
    LONG.replace(", with an aide", ", but an aide"),
    # the comma ends a short item of a list
    LONG.replace("over fishing grounds, with",
                 "over fishing grounds off Bergen, Zenda, Tarlenheim, with"),
    LONG.replace("dispute over", "dispute [over"),  # an open bracket
    LONG.replace("is set to be", "— which her aides call overdue — is set to be — "),  # an aside
    LONG.replace("dispute over", "'dispute' over 'the"),  # straight single marks
], ids=["no-boundary", "quotation", "open-quotation", "long-head", "short", "attribution-after",
        "although", "even-if", "but", "list-item", "bracket", "dash-aside", "single-marks"])
def test_no_head_where_the_cut_would_lose_what_it_says(text: str):
    assert _head(text) is None


def test_a_boundary_too_early_to_leave_a_clause_is_passed_over():
    text = "The minister, with an aide, " + LONG[4:]
    assert _head(text) == "The minister, with an aide, " + HEAD[4:]


def test_a_whole_sentence_is_shown_before_a_head_that_says_the_same():
    from briefgen.corpus import build_corpus
    from briefgen.segment import segment

    from .conftest import make_article

    whole = HEAD.removesuffix(", ...") + "."
    articles = [make_article(LONG, id="a0"), make_article(whole, id="a1")]
    sentences = with_heads([s for a in articles for s in segment(a)])
    corpus = build_corpus(sentences, ["a0", "a1"])
    [group] = [g for g in corpus.groups if "fishing grounds" in g.text]
    assert (group.text, group.sources) == (whole, ("a0", "a1"))
