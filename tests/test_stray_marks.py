"""A quotation mark the page opened and never closed (a slip) does not keep a line out,
while a quotation that runs on still does."""

from pathlib import Path

from briefgen.candidates import candidate_texts, stray_marked
from briefgen.segment import segment

from .conftest import lines_of_one_article, make_article

# Invented: the length of the talks is told in one sentence whose mark never closes.
SLIP = ("The talks, which an aide described as frank and useful “finally lasted two hours "
        "and a half.")
TALKS = "\n\n".join([
    "date 2024-03-05",
    "Foreign Minister Sam Roe met his counterpart Jane Doe in Strelsau on Monday.",
    SLIP,
    "Afterwards the two ministers signed an agreement on river transport.\n"])


def _candidates(body: str) -> list[str]:
    sentences = segment(make_article(body))
    texts = [s.text for s in sentences]
    return [t for t, ok in zip(texts, candidate_texts(texts, stray_marked(sentences)),
                               strict=True) if ok]


def test_a_sentence_with_a_mark_that_never_closes_becomes_a_line(tmp_path: Path):
    lines = lines_of_one_article(tmp_path, TALKS)
    assert SLIP in [i["text"] for i in lines]  # as printed, the stray mark kept


def test_a_quotation_carried_on_into_the_next_paragraph_is_no_slip():
    body = ("The minister said: “We will open the border crossing in spring.\n\n"
            "“Trade will follow, and so will visits,” she told reporters.")
    assert "The minister said: “We will open the border crossing in spring." \
        not in _candidates(body)


def test_a_quotation_closed_later_in_its_paragraph_is_no_slip():
    body = ("The minister said: “We will open the border crossing in spring. Trade will "
            "follow.” The talks ended at noon.")
    assert "The minister said: “We will open the border crossing in spring." \
        not in _candidates(body)


def test_a_closing_straight_mark_is_no_slip():
    body = ('"We will open the border crossing in spring.\n\n'
            'Trade will follow and so will the visits of our ministers."\n\n'
            "The talks ended at noon.")
    assert 'Trade will follow and so will the visits of our ministers."' \
        not in _candidates(body)


def test_the_slip_is_read_only_where_the_paragraph_ends_without_closing_it():
    assert SLIP in _candidates(SLIP + "\n\nThe talks ended at noon.")
    assert SLIP in _candidates(SLIP)  # the article's last sentence
