"""Page furniture in the shapes found on a second round of real news pages (US local papers, a
science site, a business site re-publishing a blog, a tabloid, an error page), in invented
words, and news sentences of the same shapes that must be kept word for word.
"""

import pytest

from briefgen.clean import clean_text

from .conftest import assert_furniture_dropped

LEAD = "Valdoria and Kestrania agreed on Monday to reopen three border crossings closed since 2021."
NEXT = "The accord still needs approval from both parliaments, Foreign Minister Ilse Kovan said."

# kind: (furniture lines, news lines of a similar shape that must survive)
CASES = {
    "a photo credit after its bare label, with the viewer's button": (
        ["Credit: Ana Ruiz/Planetstock.com View full size image", "Photo credit: Drava Press",
         "CREDIT: Ben Ode / Planet"],
        ["Credit: banks lent less to farmers in May, the central bank said.",
         "Credit to small firms rose by 4% in May."]),
    "a gallery still loading": (
        ["Loading Photo Gallery", "Loading video player"],
        ["Loading of the ferry resumed at Sarno on Monday."]),
    "a login box": (
        ["Don’t have an account?", "Register now for free, or sign in with any of these services:",
         "Sign up free"],
        ["Many farmers do not have an account at any bank, the survey found.",
         "Voters can register for free at any town hall until May, the commission said."]),
    "a site thanking its visitor": (
        ["Thank you for using Planet Autos to find your next new car.",
         "Thank you for visiting the Drava Review!"],
        ["Thank you for using the new bridge, the mayor told drivers on Monday.",
         "“Thank you for choosing peace,” Kovan said."]),
    "an error page": (
        ["404 Not Found", "Page not found", "ADVERTISEMENT ADVERTISEMENT",
         "The content you are looking for is unavailable.Please use the search box at the top of "
         "this page to find the information you were seeking.",
         "In order to read Planet Autos it is necessary to download a browser that can support "
         "it, such as Firefox."],
        ["Investigators said the page was not found on the ministry's servers.",
         "The documents the inquiry is looking for were burned in 1995, the archive said."]),
    "a credit for a graphic and for help": (
        ["The Border Tracker was created for Drava Weekly by Ana Ruiz, Ben Ode and Cara Lind "
         "using data from www.p2024.org.",
         "This interactive map was produced for Planet by Dov Mik.",
         "A special credit to data reporter Ana Ruiz.", "Special thanks to Ben Ode"],
        ["The tracker was created by the health ministry to follow the outbreak.",
         "Special thanks to the firefighters are due, the mayor said on Monday."]),
    "a link to the rest of a column, its topics listed": (
        ["More Real estate deals, awards, mergers and acquisitions, tech notes and grants"],
        ["More rain, snow and wind are expected in Sarno on Tuesday.",
         "More troops arrived in Sarno on Monday."]),
    "a chart's title over a span of years and its footnote": (
        ["Flights and passengers carried: 1975 - 2014",
         "* Accidents refers to crashes with at least one death."],
        ["The talks ran from 1991 to 1995: 1993 - the year of the ceasefire - was the hardest.",
         "Accidents refers to a count the ministry keeps apart, officials said."]),
    "a contributor's bio with a title in capitals": (
        ["Ben Ode is Director of Marketing for Pell North, an agency in the Sarno area. With "
         "agency experience, he writes frequently about content marketing and small business.",
         "Cara Lind is the Small Business Strategist who founded and runs PellMap.com. She also "
         "answers questions as Community Manager at PellChat.com."],
        ["Ana Ruiz is the chief executive who founded PellMap.com in 2009 and sold it in May.",
         "Dov Mik is Chief Executive of Drava Rail, which will run the new line."]),
    "follow prompts and a syndication note in one line": (
        ["Follow Ana Ruiz on Twitter and Google+. Follow Drava Science @dravasci, Facebook & "
         "Google+. Originally published on Drava Science."],
        ["Followers of Ana Ruiz on Twitter doubled after the vote, the party said."]),
    "other stories' headlines run into their label": (
        ["Related articles 'He tried to stop me' Minister opens up on talks 'They changed it' "
         "Farmers on the new dam A day in the life of: Inside the Sarno club with Ana Ruiz "
         "'We were not told' Fishermen of Pell on the closed crossings"],
        ["Related articles of the treaty were signed in Pell on Monday, the ministry said."]),
    "a link to another story in square brackets": (
        ["[Pell Talks: The History of 8 Treaties]"],
        ["[The vote was postponed until May.]"]),
}


@pytest.mark.parametrize("kind", CASES)
def test_furniture_of_one_kind_is_dropped_and_news_of_its_shape_kept(kind: str):
    assert_furniture_dropped(LEAD, NEXT, *CASES[kind])


@pytest.mark.parametrize("pointer", ["For more details, log on to www.pellfarm.org.",
                                     "Email rsvp@pellclub.com.",
                                     "For more details on the fair, visit https://fair.vd/2024"])
def test_a_pointer_for_the_reader_after_the_last_sentence_is_cut(pointer: str):
    last = "A course syllabus is available online for review."
    assert clean_text(f"{LEAD}\n\n{last} {pointer}") == f"{LEAD}\n\n{last}"


def test_a_pointer_that_says_who_points_is_kept():
    news = "For more details, visit www.gov.vd, the ministry said on Monday."
    assert clean_text(f"{LEAD}\n\n{news}") == f"{LEAD}\n\n{news}"


def test_a_link_in_square_brackets_after_the_last_sentence_is_cut():
    last = "The dam may change the valley, the researchers wrote."
    assert clean_text(f"{LEAD}\n\n{last} [Pell Tales: The History of 8 Treaties]") == \
        f"{LEAD}\n\n{last}"
    quote = "“We will not give in,” he told [the crowd] on Monday. [sic]"
    assert clean_text(f"{LEAD}\n\n{quote}") == f"{LEAD}\n\n{quote}"


def test_a_listed_point_that_says_what_a_word_covers_is_kept():
    point = "* Ministers include Ilse Kovan and Dov Mik, the party said."
    assert clean_text(f"{LEAD}\n\n{point}") == f"{LEAD}\n\n{point[2:]}"


def test_a_sites_label_and_the_headlines_under_it_are_dropped_and_the_article_goes_on():
    tail = ["More from Planet.com:",
            "Ten Key Steps in a Merger Your Year-End Checklist Ways to Fund a Small Business"]
    assert clean_text("\n\n".join([LEAD, *tail, NEXT])) == f"{LEAD}\n\n{NEXT}"
    words = "More from the minister’s speech:"
    quote = "“We will reopen the crossings,” Kovan said."
    assert clean_text("\n\n".join([LEAD, words, quote])) == \
        "\n\n".join([LEAD, words, quote])
