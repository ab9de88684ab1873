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


def test_a_call_for_readers_letters_is_dropped_and_news_of_its_shape_kept():
    prompt = "Submit your letter to the editor via this form. Read more Letters to the Editor."
    assert cleaned(LEAD, prompt, NEXT) == [LEAD, NEXT]
    news = "Send a letter to the minister by Friday, the union urged its members."
    assert cleaned(LEAD, news, NEXT) == [LEAD, news, NEXT]


def test_a_section_label_over_the_repeated_headline_leaves_the_html_body(tmp_path):
    from briefgen.ingest import from_html

    title = "Ferries Return to the Pell Crossing"
    story = ("Ferries crossed between Pell and Sarno on Monday for the first time since 2021, "
             "the port authority said.")
    page = (f"<html><head><title>{title}</title></head><body><article>"
            f"<p>Transport</p><h1>{title}</h1><p>{story}</p><p>{NEXT}</p>"
            f"</article></body></html>")
    body = from_html(page, "page.html").body
    assert title not in body and "Transport" not in body and story in body


def test_a_roundups_headline_of_items_split_by_bars_keeps_its_first_telling_item():
    from briefgen.model import Article
    from briefgen.titles import with_title

    story = ("Prosecutors in Pell dropped the charges against the dam's builder on Monday, "
             "and the families said they would appeal.")
    title = ("Letters to the Editor | Letters: Dam charges dropped | Ferry fares | Tax dollars"
             " | Recount cost")
    article = Article(id="1", title=title, outlet="", date=None, path="letters.html", body=story)
    assert with_title(article).title == "Letters: Dam charges dropped"

