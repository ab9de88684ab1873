"""Page furniture found by a hunt through invented pages in the shapes outlets publish
(wire services, broadsheets, state media, TV sites, live blogs, blogs, analysis pages),
and news sentences that look like furniture but must be kept word for word.
"""

import pytest

from briefgen.clean import clean_text
from briefgen.titles import clean_title, with_title

from .conftest import assert_furniture_dropped, make_article

LEAD = "Valdoria and Kestrania agreed on Monday to reopen three border crossings closed since 2021."
NEXT = "The accord still needs approval from both parliaments, Foreign Minister Ilse Kovan said."

# kind: (furniture lines, news lines of a similar shape that must survive)
CASES = {
    "bylines with the reporter's desk or the article's genre": (
        ["Lena Brandt Diplomatic editor", "Anna Weiss, Europe correspondent, Pell",
         "Analysis by Mira Ostrova", "Opinion by Mira Ostrova and Teodor Lanz",
         "From Anna Weiss in Pell"],
        ["Anna Weiss, the Europe correspondent of a Valdorian newspaper, was refused entry.",
         "Analysis by the central bank showed that trade across the valley fell by a third.",
         "From Pell, the delegation travelled to Vostra for a dinner with the prime minister."]),
    "author bios of a bureau chief or a think-tank author": (
        ["Clara Ennis is the Central Europe bureau chief for The Times, covering Valdoria, "
         "Kestrania and Orlenia.",
         "Mira Ostrova is a senior fellow at the Pell Institute for Foreign Affairs and a former "
         "correspondent in Vostra."],
        ["Anton Berg is a senior fellow at the Pell Institute and a former ambassador to "
         "Kestrania, and he advised the negotiators.",
         "Clara Ennis is the bureau chief for The Times in Pell, where she was arrested on "
         "Monday."]),
    "a sign-up form, a comment form and a site's self-promotion": (
        ["Enter your email address",
         "By signing up, you agree to our Terms of Use and Privacy Policy. You may unsubscribe "
         "at any time.",
         "Your email address will not be published. Required fields are marked *",
         "Start a Conversation",
         "Planet InDepth is the home on the website and app for the best analysis, with fresh "
         "perspectives that challenge assumptions."],
        ["She won the award for the best reporting on the war in 2022, the jury said.",
         "Enter the new commission: seven members from each side, with a rotating chair."]),
    "a blog's share and like widgets, a row of hashtags": (
        ["Share this:", "Like this:", "Like Loading...", "#Valdoria #Marenza #flights"],
        ["Like this agreement, the earlier one was signed in Pell.",
         "#MeToo protests spread to Pell on Monday, the police said."]),
    "labels before icons or links, a site's corporate name": (
        ["Follow Planet English:", "Read also", "Trending Now:", "Video Ad Feedback",
         "Planet Media Network", "Valdorian Broadcasting Corporation"],
        ["The Kestranian Broadcasting Corporation was taken off air during the ceremony.",
         "Read together with the 2019 treaty, the deal gives Kestrania access to the port.",
         "Follow-up talks are planned in Vostra in April."]),
    "reading aids and stamps in other shapes": (
        ["Text size: A A A", "Reading Time: 3 mins read",
         "March 04, 18:22 UPD: March 04, 19:05",
         "Kovan: ‘We opened a door’ 01:32 - Source: Planet"],
        ["At 12:41 GMT the first truck crossed the bridge at Sarno.",
         "Updated rules on transit took effect on Monday, the ministry said.",
         "March 4, 2025 will be remembered as the day the border opened, Darrow said."]),
    "a live blog's labels over an entry": (
        ["Worth mentioning here", "What we know so far", "Catch up"],
        ["The latest round of talks ended without a deal on fishing rights.",
         "Catch quotas for the Drava lakes will be set by the joint commission."]),
    "a prompt to read a section's news": (
        ["Catch all the Business News, Breaking News Events and Latest News Updates on Planet."],
        ["Catch quotas for the lakes will be set by the commission, the ministry said."]),
    "time stamps and taglines with a place in front": (
        ["New Delhi, First Published Mar 4, 2025, 6:30 PM IST",
         "Vostra, Updated: 04 Mar 2025, 18:30 IST",
         "Pell, Valdoria, Last Updated: March 4, 2025 18:30 CET",
         "Sarno, March 4, 2025 18:30 IST", "Vostra, Published on March 4, 2025 at 6:30 PM",
         "NEW DELHI, Updated: Mar 04, 2025 18:30 IST", "Pell (Valdoria), 4 March 2025, 18:30",
         "Pell, Tuesday, March 4, 2025", "Vostra – Your window on Kestrania",
         "Pell, Valdoria | Your trusted source for news from the Drava"],
        ["New Delhi, which first published its plan on March 4, 2025, called the talks useful.",
         "Vostra, the capital, was quiet on Tuesday, March 4, 2025.",
         "Sarno, your gateway to the south, will be the first crossing to open, Kovan said.",
         "Sarno – your gateway to the south – will open first, Kovan said.",
         "Sarno - your gateway to the south, officials believe.",
         "Voting ends Sunday, at 8 p.m.", "Trucks crossed, at 6:30 a.m."]),
}


@pytest.mark.parametrize("kind", CASES)
def test_furniture_of_one_kind_is_dropped_and_news_of_its_shape_kept(kind: str):
    assert_furniture_dropped(LEAD, NEXT, *CASES[kind])


@pytest.mark.parametrize("label", ["(LEAD) ", "(2nd LD) ", "(URGENT) ", "(News Focus) ",
                                   "(ATTN: ADDS details in paras 3-4) ", "UPDATE 2-", "REFILE-",
                                   "Worth mentioning here", "In photos: "])
def test_a_wire_desk_or_live_blog_label_before_a_paragraph_is_cut(label: str):
    assert clean_text(f"{LEAD}\n{label}{NEXT}") == f"{LEAD}\n\n{NEXT}"


def test_a_wire_desk_label_is_cut_from_a_title():
    assert clean_title("(LEAD) Valdoria, Marenza agree to resume direct flights") == \
        "Valdoria, Marenza agree to resume direct flights"
    assert clean_title("UPDATE 2-Valdoria recalls envoy from Orlenia") == \
        "Valdoria recalls envoy from Orlenia"
    # words in capitals joined by a hyphen are the headline's
    assert clean_title("NATO-led mission in the Drava valley ends") == \
        "NATO-led mission in the Drava valley ends"


def test_a_text_size_control_above_the_headline_does_not_hide_it():
    # "A A A" ends on a word the title finder takes for a line cut off ("... of a")
    headline = "Marenza, Orlenia vow to deepen strategic partnership"
    body = clean_text(f"Text size: A A A\n{headline}\n\n{LEAD}")
    assert with_title(make_article(body, title="")).title == headline


@pytest.mark.parametrize("news", [
    "Reporting by state media suggested the talks had nearly collapsed on Sunday night.",
    "Sign up for the new border passes opened on Monday, the interior ministry said.",
    "NATO Secretary General Aldo Fenn welcomed the deal in a statement on Monday.",
    "OSCE Chairman Lars Vint arrived in Pell on Monday to help draw up the new border.",
    "The Valdorian news agency reported from Sarno that the first trucks had crossed.",
    "By a vote of 112 to 40, parliament approved the deal.",
    "Photo identification will be required at the crossings from April, the ministry said.",
    "Video footage of the ceremony was broadcast live by both state channels.",
    "In photos released by the presidency, Darrow is seen signing the treaty.",
])
def test_news_that_looks_like_furniture_is_kept(news: str):
    assert clean_text(f"{LEAD}\n{news}\n{NEXT}") == f"{LEAD}\n\n{news}\n\n{NEXT}"


def test_a_lead_that_opens_on_an_acronym_and_a_list_introduced_by_a_colon_are_kept():
    lead = "NATO Secretary General Aldo Fenn welcomed the deal in a statement on Monday."
    intro = "The ministers met in Vostra in January. Here is what they agreed:"
    points = "A joint commission will meet every three months."
    assert clean_text(f"{lead}\n\n{intro}\n\n{points}") == f"{lead}\n\n{intro}\n\n{points}"


# A mid-article label over other stories' headlines: the label and the headlines go, and
# the article goes on.
OTHER_STORIES = ["Kestrania recalls envoy from Orlenia after border clash",
                 "Kovan: ‘Our patience with Vostra has limits’",
                 "Can the Drava deal survive the winter?"]


@pytest.mark.parametrize("label", ["Related coverage:", "Read more:", "Also read", "ALSO READ:",
                                   "READ ALSO", "Related:", "See also:", "Related stories:"])
def test_other_stories_listed_under_a_label_mid_article_are_dropped(label: str):
    kept = f"{LEAD}\n\n{NEXT}"
    assert clean_text("\n".join([LEAD, label, *OTHER_STORIES, NEXT])) == kept
    assert clean_text("\n\n".join([LEAD, label, *OTHER_STORIES, NEXT])) == kept
    # a label with no list under it takes no news with it, nor a sentence after the list
    after = "Can the crossings open before April? Officials would not say."
    assert clean_text("\n".join([LEAD, label, after, NEXT])) == f"{LEAD}\n\n{after}\n\n{NEXT}"
    assert clean_text("\n".join([LEAD, label, OTHER_STORIES[0], after, NEXT])) == \
        f"{LEAD}\n\n{after}\n\n{NEXT}"
    # nor prose wrapped onto lines under it, each line no sentence
    wrapped = ["The two ministers agreed on a timetable for the talks that",
               "will start in Vostra next month and end before the summer."]
    assert clean_text("\n".join([LEAD, label, *wrapped])) == f"{LEAD}\n\n{' '.join(wrapped)}"


def test_headlines_under_a_label_reach_no_title():
    headline = "Valdoria and Kestrania agree to reopen border crossings"
    body = clean_text("\n".join([headline, LEAD, "Read more:", *OTHER_STORIES, NEXT]))
    article = with_title(make_article(body, title=""))
    assert article.title == headline and article.body == f"{LEAD}\n\n{NEXT}"


# A pull quote: quoted words the article prints in full, set again alone as a display line.
SAID = "“We will not be the first to close the door again,” Kovan told reporters after the talks."


@pytest.mark.parametrize("pull", [
    "“We will not be the first to close the door again”",
    "“We will not be the first to close the door again.”",
    "“We will not be the first to close the door again.” — Ilse Kovan",
    '"We will not be the first to close the door" - Kovan',
    "‘We will not be the first… to close the door again’",
])
def test_a_pull_quote_repeating_the_article_is_dropped(pull: str):
    kept = "\n\n".join([LEAD, SAID, NEXT])
    assert clean_text("\n\n".join([LEAD, SAID, pull, NEXT])) == kept
    assert clean_text("\n\n".join([LEAD, pull, SAID, NEXT])) == kept  # set above the words
    # with the speaker's name on the line below it
    named = [pull, "– Ilse Kovan, Valdorian foreign minister"]
    assert clean_text("\n".join([LEAD, SAID, *named, NEXT])) == kept


def test_a_quote_the_article_prints_once_is_kept():
    quote = "“We will not be the first to close the door again.”"
    for news in ([quote, "– Ilse Kovan, Valdorian foreign minister"],
                 [SAID, f"Lanz answered with her own words: {quote}"]):
        assert clean_text("\n\n".join([LEAD, *news])) == "\n\n".join([LEAD, *news])


def test_a_quote_line_printed_twice_keeps_its_first_copy():
    twice = ["“We will not back down.”", NEXT, "“We will not back down.”"]
    assert clean_text("\n\n".join([LEAD, *twice])) == "\n\n".join([LEAD, *twice[:2]])


def test_a_pull_quote_is_found_whatever_the_case_of_its_first_word():
    said = "Kovan told reporters: “the crossings will open before the first snow.”"
    pull = "“The crossings will open before the first snow”"
    assert clean_text("\n\n".join([LEAD, said, pull, NEXT])) \
        == "\n\n".join([LEAD, said, NEXT])


def test_a_standfirst_under_the_headline_is_no_part_of_the_title():
    headline = "Valdoria and Kestrania agree to reopen Drava border crossings"
    standfirst = "The two neighbours end a four-year closure with a deal on trade and transit"
    article = with_title(make_article(clean_text(f"{headline}\n{standfirst}\n\n{LEAD}"), title=""))
    assert article.title == headline
    # prose wrapped before a name that opens on "The" is one paragraph
    wrapped = ["The ministers will meet again next month in the Dutch city of",
               "The Hague, where the court sits, officials said."]
    assert clean_text("\n".join([LEAD, "", *wrapped])) == f"{LEAD}\n\n{' '.join(wrapped)}"


def test_the_dateline_of_a_lead_under_a_standfirst_is_cut():
    standfirst = "The two neighbours end a four-year closure with a deal on trade and transit."
    assert clean_text(f"{standfirst}\n\nPell — {LEAD}\n\n{NEXT}") \
        == f"{standfirst}\n\n{LEAD}\n\n{NEXT}"
    # a lead of two sentences is the lead: the next paragraph is news, kept whole
    lead = f"{LEAD} {NEXT}"
    answer = "Kovan: The crossings will open before the first snow, and trade will follow."
    assert clean_text(f"{lead}\n\n{answer}") == f"{lead}\n\n{answer}"
