"""Page furniture in the shapes found on a third round of real news pages, and two leaks of
earlier rules, in invented words, and news sentences of the same shapes that must be kept
word for word.
"""

import pytest

from briefgen.clean import clean_text

LEAD = "Valdoria and Kestrania agreed on Monday to reopen three border crossings closed since 2021."
NEXT = "The accord still needs approval from both parliaments, Foreign Minister Ilse Kovan said."


def cleaned(*paragraphs: str) -> list[str]:
    return clean_text("\n\n".join(paragraphs)).split("\n\n")


@pytest.mark.parametrize("pointer", [
    "For more information on the fair, visit https://fair.vd/2024.",
    "For more information, call 555-0100 or see the club's notice board.",
    "FOR MORE INFORMATION, VISIT WWW.PELLFAIR.ORG.",
])
def test_a_pointer_for_the_reader_goes_and_the_news_beside_it_stays(pointer: str):
    before = "A course syllabus is available online for review."
    after = "The fair opens in Sarno on May 4."
    assert cleaned(LEAD, f"{before} {pointer}") == [LEAD, before]
    assert cleaned(LEAD, f"{before} {pointer} {after}") == [LEAD, f"{before} {after}"]
    assert cleaned(LEAD, pointer, NEXT) == [LEAD, NEXT]


@pytest.mark.parametrize("news", [
    "For more details, visit www.gov.vd, the ministry said on Monday.",
    "“For more information, visit our offices in Sarno,” the spokesman said.",
    "The spokesman said: “For more information, call the hotline.”",
    "Readers asked for more information about the dam, and the ministry will see them in May.",
])
def test_a_pointer_that_says_who_points_or_is_quoted_is_kept(news: str):
    assert cleaned(LEAD, news, NEXT) == [LEAD, news, NEXT]


TEASERS = [
    "PELL: Fire leaves six homeless A fire ripped through a house in Pell on Sunday, leaving "
    "six people homeless, fire officials said....",
    "SARNO: Crews reopen the mountain road Crews reopened the road between Sarno and Pell at "
    "6 p.m. after rescuing 50 drivers and clearing the two-lane mountain......",
    "COURTS: No charges over the dam Prosecutors declined on Tuesday to file charges over the "
    "dam’s collapse in 2019. ...",
    "Talks stall again Negotiators from both sides left Pell without a date for the next…",
]


def test_a_list_of_teasers_cut_off_with_an_ellipsis_is_dropped():
    assert cleaned(LEAD, *TEASERS, NEXT) == [LEAD, NEXT]
    assert cleaned(LEAD, NEXT, *TEASERS[2:]) == [LEAD, NEXT]


@pytest.mark.parametrize("news", [
    # news that trails off, alone
    ["The ministry said the talks would go on, and on..."],
    # a quote that trails off, inside the paragraph or going on below
    ["“We waited, and we waited...", "Then nothing came,” Kovan said of the talks."],
    ["“If they do not pay, then…” Kovan said, without finishing.",
     "She said the border would stay open…"],
    ["Kovan recalled the night: “We waited and waited...”",
     "Doe added: “Then the lights went out…”"],
])
def test_an_ellipsis_in_news_or_in_a_quote_is_kept(news: list[str]):
    assert cleaned(LEAD, *news, NEXT) == [LEAD, *news, NEXT]
