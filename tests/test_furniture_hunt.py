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
    # a second hunt: state agencies, dailies and broadcasters of many regions in English, live
    # blogs, galleries, embedded posts, paywalls and corrections
    "a paywall's note, an author's bio and a note that a machine wrote or translated it": (
        ["This article is available exclusively to subscribers.",
         "Grace Mwangi is our East Africa correspondent.",
         "Daniel Okafor is a foreign affairs columnist. He previously reported from Pell and "
         "Vostra.",
         "This article was written with the help of artificial intelligence and edited by our "
         "team.",
         "Este artículo fue traducido del español.", "Cet article a été traduit de l'anglais.",
         "Dieser Artikel wurde aus dem Englischen übersetzt."],
        ["Clara Ennis is a correspondent for The Times. She was arrested in Pell on Monday.",
         "The report was written with the help of artificial intelligence, the ministry said.",
         "The deal is available exclusively to firms from the two countries."]),
    "a reporter's desk or credit alone under the byline, and a note over a correction": (
        ["Foreign affairs columnist", "Regional Correspondent", "Special to the Monitor",
         "Correction appended"],
        ["The special envoy to the region, Marek Ilves, said the correction was welcome."]),
    "prompts to join a chat channel or get alerts, and a reader appeal": (
        ["Join ST's Telegram channel and get the latest breaking news delivered to you.",
         "Get WhatsApp alerts",
         "Stay updated with notifications for breaking news and our best stories",
         "Join our channel for the top reads for the day on your preferred chat app",
         "Our journalism relies on readers like you. Support us today."],
        ["Protesters were told to join the movement's Telegram channel, the police said.",
         "Join the working group, Kovan told the two delegations."]),
    "an embedded post's stamp and counters, and counters in other shapes": (
        ["9:02 AM · Apr 4, 2026", "1,204 Reposts 8,331 Likes", "Views: 1 842", "Visits: 2,317",
         "Advertisement · Scroll to continue"],
        ["The post was viewed 1,204 times by Monday, the ministry said."]),
    "time stamps after a section's name, in brackets or with a label in another language": (
        ["All News 11:32 April 04, 2026", "(Updated: 02 Apr 2026 07:05PM)",
         "11/03/2026 - 18:45 Actualizado: 11/03/2026 - 19:10",
         "11/03/2026 18:45 mis à jour : 11/03/2026 19:10"],
        ["At 11:32 on April 4, 2026, the first ship docked at Sarno, officials said."]),
    "a gallery's widgets, a link to all news, copyright lines with no year or in another "
    "language": (
        ["Gift this article", "Share this gallery", "Next gallery", "All news",
         "© Diario del Sur 2026. Todos los derechos reservados.", "(c) Agencia Sur de Noticias",
         "Le Courrier du Sud 2026. Tous droits réservés.",
         "Lea también: Las claves de la cumbre", "À lire aussi : les enjeux du sommet"],
        ["All news outlets were barred from the ceremony, the journalists' union said.",
         "(c) The parties shall publish the data of the dam every month."]),
    "a live blog's host, a prompt for questions and a banner": (
        ["Good morning", "Welcome to our live coverage of the second meeting of the Drava "
         "commission. I'm Ruth Adeyemi.", "Send us your questions", "BREAKING NEWS"],
        ["Breaking news of the deal reached Vostra on Monday, officials said.",
         "Welcome to Pell, Kovan told the visiting ministers on Monday."]),
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
    assert clean_title("Factbox-What Valdoria and Orlenia agreed at their first summit") == \
        "What Valdoria and Orlenia agreed at their first summit"
    # a hyphened word that opens a headline is the headline's
    assert clean_title("Anti-Government protests spread to the capital") == \
        "Anti-Government protests spread to the capital"
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
                                   "READ ALSO", "Related:", "See also:", "Related stories:",
                                   "Lea también:", "Te puede interesar", "Trending Stories",
                                   "Also on Planet Broadcasting"])
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


def test_a_gallery_caption_under_its_counter_is_dropped_and_a_gallery_title_kept():
    # a caption in no caption's shape (no date, no credit) is one by standing under "2 of 12"
    gallery = ["In pictures: Valdorian president's state visit to Kestrania", "Gallery", "1/8",
               "Protesters gather outside the conference centre in Pell", "2 of 12",
               "Darrow and Kovan sign agreements at the Blue Pavilion on April 3, 2026.",
               "Photo: Ana Ruiz"]
    article = with_title(make_article(clean_text("\n".join([*gallery, LEAD, NEXT])), title=""))
    assert article.title == "Valdorian president's state visit to Kestrania"
    assert article.body == f"{LEAD}\n\n{NEXT}"
    # a count alone above a sentence of news is no counter
    assert clean_text(f"{LEAD}\n\nTrucks crossed: 3 of 12.\n\n{NEXT}") == \
        f"{LEAD}\n\nTrucks crossed: 3 of 12.\n\n{NEXT}"


def test_an_embedded_posts_text_over_its_signature_is_dropped():
    post = ["Today we signed an agreement that protects every family along the Drava.",
            "— Ilse Kovan (@IlseKovan) March 4, 2025"]
    assert clean_text("\n\n".join([LEAD, *post, NEXT])) == f"{LEAD}\n\n{NEXT}"
    # a signature printed alone takes no news with it: reporting, or no post's voice
    for news in [LEAD, "“We signed an agreement today,” Kovan told reporters."]:
        assert clean_text("\n\n".join([news, post[1], NEXT])) == f"{news}\n\n{NEXT}"


def test_a_place_and_a_date_before_the_lead_are_cut():
    assert clean_text(f"Pell, March 4. {LEAD}\n\n{NEXT}") == f"{LEAD}\n\n{NEXT}"


def test_a_headline_over_a_stamp_after_a_sections_name_is_the_title():
    headline = "(LEAD) Valdoria, Kestrania to launch talks on trade within a year"
    body = clean_text("\n".join([headline, "All News 11:32 April 04, 2026", LEAD, NEXT]))
    article = with_title(make_article(body, title=""))
    assert article.title == "Valdoria, Kestrania to launch talks on trade within a year"
    assert article.body == f"{LEAD}\n\n{NEXT}"
