"""A page saved or fetched in part ends mid-sentence: the sentence is a line up to the cut,
marked " ...", word for word as far as it goes; a fragment too short to say anything, or
cut inside a quotation, stays out."""

from pathlib import Path

import pytest

from briefgen.clean import load_rules
from briefgen.page_cut import with_cut_marked

from .conftest import lines_of_one_article, make_article

# Invented: the only sentence that tells of the flights and the climate body is cut off.
CUT = ("The host side stands ready to strengthen cooperation with the visitors in trade, "
       "shipping and health, to set up a working group on climate change, and to add direct "
       "flights between the two capitals in an")
SHOWN = CUT.rsplit(" ", 1)[0] + " ..."


def test_a_sentence_the_page_cuts_off_is_a_line_up_to_the_cut(tmp_path: Path):
    lines = lines_of_one_article(tmp_path, "\n\n".join([
        "date 2024-03-05",
        "Foreign Minister Sam Roe met his counterpart Jane Doe in Strelsau on Monday.",
        "The two ministers signed an agreement on river transport after their talks.",
        CUT]))
    assert SHOWN in [i["text"] for i in lines]
    assert CUT.startswith(SHOWN.removesuffix(" ..."))  # as printed, as far as it goes


def test_the_cut_is_marked_only_at_the_end_of_the_body():
    body = f"{CUT}.\n\nThe talks ended at noon."
    assert with_cut_marked(make_article(body)).body == body


def test_a_short_fragment_at_the_foot_of_a_page_is_left_as_it_is():
    body = "The talks ended at noon.\n\nKim and Roe met for the fir"
    assert with_cut_marked(make_article(body)).body == body


def test_a_sentence_cut_inside_a_quotation_is_left_as_it_is():
    body = ("The talks ended at noon.\n\nThe minister said that “we will strengthen "
            "cooperation with our neighbours in trade, shipping, health and education, and "
            "we will open new consulates in")
    assert with_cut_marked(make_article(body)).body == body


def test_only_the_cut_sentence_of_the_last_paragraph_is_trimmed():
    body = f"The talks ended at noon.\n\nThe ministers met twice. {CUT}"
    marked = with_cut_marked(make_article(body)).body
    assert marked == f"The talks ended at noon.\n\nThe ministers met twice. {SHOWN}"


def test_links_to_other_stories_at_the_foot_are_left_as_they_are():
    # headlines run together: a small word in capitals mid-sentence
    body = ("The talks ended at noon.\n\nThe best photos of the year Through the lens of our "
            "photographers, take a look back at the most striking moments of a year in the "
            "city and")
    assert with_cut_marked(make_article(body)).body == body


def test_words_set_apart_by_other_spaces_or_none_are_read_without_error():
    tabbed = "\t".join(["word"] * 30)
    for body in ("x" * 5000, tabbed, f"The talks ended.\n\n{tabbed}", "   \n\n  "):
        marked = with_cut_marked(make_article(body)).body
        assert marked in (body, "\t".join(["word"] * 29) + " ...",
                          "The talks ended.\n\n" + "\t".join(["word"] * 29) + " ...")


def test_a_cut_sentence_that_opens_on_a_clause_of_its_own_is_left_as_it_is():
    # its point is in the main clause, which the cut may have taken
    body = ("The talks ended at noon.\n\nWhile the host side only said that it would "
            "“work for more trade by the end of the decade,” the guest side’s statement "
            "described the planned growth of trade in goods and services as")
    assert with_cut_marked(make_article(body)).body == body


LEAD = "The foreign minister met her counterpart in Strelsau on Monday for talks on trade.\n\n"


@pytest.mark.parametrize("foot", [
    "Tags: Foreign Ministry, Sam Roe, Jane Doe, Strelsau, river transport, trade, shipping, "
    "health, education, ports, customs, visas, Bergen, Zenda, summit, talks, ministers, Asia",
    "More from the Strelsau Times: ministers sign river transport deal, regional summit opens "
    "in Strelsau, new bridge across the river opens to traffic after years of delay and the",
    "You may also like ministers sign river transport deal · regional summit opens in Strelsau "
    "· new bridge across the river opens to traffic after years of delay and",
    "Jane Doe is a senior correspondent for the Strelsau Times who has covered foreign affairs "
    "and diplomacy from more than twenty countries over the past fifteen years and",
], ids=["tags", "label", "separators", "author-bio"])
def test_furniture_at_the_foot_of_a_page_is_no_cut_sentence(foot: str):
    body = LEAD + foot
    assert with_cut_marked(make_article(body), load_rules()).body == body


@pytest.mark.parametrize("cut", [
    "The minister said that ‘we will strengthen cooperation with our neighbours in trade, "
    "shipping, health and education, and we will open new consulates in",
    "The minister said: “The talks went well. The host side stands ready to strengthen "
    "cooperation with the visitors in trade, shipping and health, and to add direct flights in",
    "The host side (which the guest side has long asked to open its ports to trade, shipping "
    "and health services, and to add direct flights between the two capitals in",
], ids=["single-marks", "opened-before", "parenthesis"])
def test_a_sentence_cut_inside_a_quotation_or_an_aside_is_left_as_it_is(cut: str):
    body = LEAD + cut
    assert with_cut_marked(make_article(body)).body == body


def test_acronyms_and_months_in_capitals_are_no_run_on_headline():
    cut = ("The host side stands ready to strengthen cooperation with the US in trade, shipping "
           "and health, to set up a working group on climate change in May, and to add flights in")
    assert with_cut_marked(make_article(LEAD + cut)).body.endswith("to add flights ...")


def test_a_long_run_of_unusual_spaces_is_read_at_once():
    # cleaning folds ASCII spaces, not these: looking for the last word must not backtrack
    body = LEAD + " ".join(["word"] * 25) + "\u00a0" * 49_000 + "and then"
    assert with_cut_marked(make_article(body)).body.endswith("\u00a0" * 49_000 + "and ...")


def test_a_name_the_cut_split_goes_whole():
    cut = ("The pilot had more than twenty thousand flying hours in total, of which six thousand "
           "were on the jets flown by Strelsau AirLink")
    marked = with_cut_marked(make_article(LEAD + cut)).body
    assert marked.endswith("were on the jets flown by ...")
