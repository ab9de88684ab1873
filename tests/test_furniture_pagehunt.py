"""Page furniture in the shapes found on real news pages (US dailies, local papers and TV sites,
a business site re-publishing a blog, a news magazine, an esports site, a re-publisher of
long investigations), in invented words, and news sentences of the same shapes that must be
kept word for word.
"""

import pytest

from briefgen.clean import clean_text
from briefgen.titles import clean_title, with_title

from .conftest import assert_furniture_dropped, make_article

LEAD = "Valdoria and Kestrania agreed on Monday to reopen three border crossings closed since 2021."
NEXT = "The accord still needs approval from both parliaments, Foreign Minister Ilse Kovan said."

# kind: (furniture lines, news lines of a similar shape that must survive)
CASES = {
    "reporting credits naming many reporters, with or without a full stop": (
        ["Planet's Ana Ruiz, Ben Ode, Cara M. Lind, Dov Mik, Eli Noor, Fay Quist, Gil Sato and "
         "Hana Tiro contributed to this report.",
         "Planet’s Ana Ruiz and Ben Ode contributed to this report"],
        ["Heavy rain contributed to the flooding in Sarno, officials said.",
         "Seven agencies contributed to this report on the drought, the ministry said."]),
    "a call for readers' pictures and stories, after a question": (
        ["Caught in the floods? Please share your photos, videos and stories with Planet.",
         "Send us your pictures of the eclipse."],
        ["Please share your videos of the attack with investigators, police told residents.",
         "Residents shared their photos of the flood with the ministry on Monday."]),
    "a widget loading its data": (
        ["Loading weather data ...", "Loading comments…"],
        ["Loading resumed at the port of Sarno on Monday."]),
    "a byline behind dashes with the reporter's handle": (
        ["-- By Ana Ruiz Follow @anaruiz", "— By Ana Ruiz @anaruiz"],
        ["By Monday, the flood had reached Sarno and the bridge was closed."]),
    "the reporters' addresses": (
        ["Write to Ana de la Ruiz at ana.delaruiz@planet.com",
         "Write to Ana Ruiz at ana.ruiz@planet.com and Ben Ode at ben.ode@planet.com"],
        ["Write to the registry at help@registry.vd before Friday, officials said.",
         "Farmers can write to the commission at claims@drava.int until May."]),
    "a sign-up prompt after a question": (
        ["Want the Week's Best Stories? Sign Up for Planet Weekly"],
        ["Want to vote early? Sign up for a postal ballot before Friday, the commission said."]),
    "an affiliate disclosure": (
        ["Just so you know: some of the links on Planet are affiliate links. If you buy through "
         "them, we may earn a small commission at no extra cost to you. Thanks for reading!",
         "Affiliate disclosure: I earn a small commission if you buy, at no cost to you."],
        ["Sellers may earn a small commission on each ticket, the ministry said.",
         "The links in the posts were paid for by the campaign, investigators found."]),
    "an author's bio told by the author's books": (
        ["Lena Brandt is an award-winning journalist and the author of three books, including "
         "Border Days and The Long Valley. She has reported from Pell and Vostra for two "
         "decades. Brandt founded The Drava Review in 2015 to cover the region's wars."],
        ["Anton Berg was a journalist and the author of two books on the valley.",
         "Mira Ostrova is a journalist and the author of a report on the dam that the commission "
         "published on Monday, the ministry said."]),
    "a sourcing note": (
        ["(Sourcing: much of this list came from the Drava Statistics Office)."],
        ["Sourcing of the turbines from Kestrania will begin in May."]),
    "a prompt to like the outlet on a social site": (
        ["Like us on Facebook", "Find us on Instagram and Threads"],
        ["Like its neighbours on the coast, Sarno joined the scheme on Monday."]),
    "a row of share buttons behind its label, Google among them": (
        ["Share this: Share Facebook Twitter Google WhatsApp Email",
         "Share: Facebook Google+ Email"],
        ["Share prices on the Drava exchange fell on Monday, traders said."]),
    "a note that the article appeared first elsewhere": (
        ["This article originally appeared at Drava Weekly. Copyright 2024. Follow Drava Weekly "
         "on Twitter.", "This story first appeared in The Pell Review."],
        ["The story first appeared in a local paper in May, the ministry said.",
         "Reports of the outbreak originally appeared on social media, officials said."]),
    "a contributor's e-mail address": (
        ["Correspondent Ana Ruiz may be reached at ana.ruiz@planet.com.",
         "Ben Ode can be contacted at ben@planet.net"],
        ["The hotline can be reached at 0800 123 456 from Monday, the ministry said."]),
    "a compiler's credit behind dashes": (
        ["-- Compiled by Ana Ruiz", "— Compiled by Ben Ode and Cara Lind"],
        ["Compiled by the statistics office, the figures show a fall in exports."]),
    "a chart's sources, names alone": (
        ["SOURCE: Drava Statistics Office; IMF; WORLD BANK.",
         "Sources: Pell Institute, Drava Census Bureau"],
        ["Source: the ministry said the dam would reopen in May.",
         "Sources: The Ministry of Finance said on Monday it would cut taxes."]),
    "other stories' headlines run into their label": (
        ["More Related to this Story Dam talks stall in Pell Ministers meet in Sarno Floods close "
         "the border road"],
        ["Related to this story, the ministry said, was a second inquiry into the dam's costs."]),
    "a pointer to the site's page": (
        ["Visit the website for a complete list.", "See our site for more details"],
        ["Visitors can check the website for updates, the ministry said.",
         "Visit the website of the Drava Commission, the minister told farmers on Monday."]),
    "a link to another story in brackets": (
        ["(Talks in Pell: what we know so far)", "(Drava dam: a timeline)"],
        ["(The vote was postponed until May.)", "(Officials later said the figure was 12.)"]),
}


@pytest.mark.parametrize("kind", CASES)
def test_furniture_of_one_kind_is_dropped_and_news_of_its_shape_kept(kind: str):
    assert_furniture_dropped(LEAD, NEXT, *CASES[kind])


def test_a_credit_after_the_last_sentence_is_cut_and_the_sentence_kept():
    last = "The crossing at Sarno will open first."
    credit = ("Planet's Ana Ruiz, Ben Ode, Cara M. Lind, Dov Mik, Eli Noor, Fay Quist and "
              "Gil Sato contributed to this report")
    assert clean_text(f"{LEAD}\n\n{last} {credit}") == f"{LEAD}\n\n{last}"


@pytest.mark.parametrize("credit", ["Ana Ruiz/AGENCY", "Ana Ruiz / PLANET PHOTO"])
def test_a_photo_credit_glued_to_the_leads_first_word_is_cut(credit: str):
    assert clean_text(f"{credit}{LEAD}\n\n{NEXT}") == f"{LEAD}\n\n{NEXT}"


@pytest.mark.parametrize("lead", ["UN/OSCE monitors arrived in Sarno on Monday.",
                                  "Valdoria/Kestrania border talks resumed on Monday."])
def test_a_lead_opening_on_names_split_by_a_slash_is_kept(lead: str):
    assert clean_text(f"{lead}\n\n{NEXT}") == f"{lead}\n\n{NEXT}"


OTHER_STORIES = ["The Struggle to Keep the Drava Dam Running", "Is Coffee Before Noon Bad for You?",
                 "The Best Trains of 2024"]


@pytest.mark.parametrize("label", ["More Must-Reads From Planet", "Must Reads:", "Must-read"])
def test_the_sites_other_stories_at_the_end_are_dropped_with_what_follows(label: str):
    tail = [label, *OTHER_STORIES, "Want the Week's Best Stories? Sign Up for Planet Weekly",
            "Write to Ana Ruiz at ana.ruiz@planet.com"]
    assert clean_text("\n\n".join([LEAD, NEXT, *tail])) == f"{LEAD}\n\n{NEXT}"


def test_a_site_name_after_two_hyphens_leaves_the_title():
    assert clean_title("Talks on the Drava dam resume in Pell -- Planet.net") == \
        "Talks on the Drava dam resume in Pell"
    assert clean_title("Talks on the Drava dam end -- for now") == \
        "Talks on the Drava dam end -- for now"


def test_the_outlets_tagline_leaves_the_outlet_and_its_name_the_title():
    article = with_title(make_article(
        f"{LEAD}\n\n{NEXT}", outlet="Drava Daily | news for the valley",
        title="Drava Daily | news for the valley: Talks on the dam resume in Pell"))
    assert (article.title, article.outlet) == ("Talks on the dam resume in Pell", "Drava Daily")
    article = with_title(make_article(f"{LEAD}\n\n{NEXT}", outlet="Planet",
                                      title="Planet: Talks on the dam resume in Pell"))
    assert article.title == "Talks on the dam resume in Pell"


@pytest.mark.parametrize("title", ["Planet-based firms win the Drava dam contract",
                                   "Planet Drava wins the dam contract",
                                   "Planet: no deal"])
def test_a_headline_opening_on_the_outlets_name_is_kept(title: str):
    article = with_title(make_article(f"{LEAD}\n\n{NEXT}", outlet="Planet", title=title))
    assert (article.title, article.outlet) == (title, "Planet")
