"""Titles are headlines, never page furniture."""

from briefgen.clean import clean_text
from briefgen.titles import clean_title, with_title

from .conftest import make_article

HEADLINE = "Ministers agree to open a joint trade office"
LEAD = "The two ministers met in Lima on Monday for four hours of talks on trade."
NEXT = "They agreed to open a joint office before the end of the year, officials said."


def titled(raw: str):
    return with_title(make_article(clean_text(raw), title=""))


def test_the_headline_is_found_under_site_chrome_and_stamps():
    raw = "\n".join(["Site icon Daily Planet", "Daily Planet - news for you", "3 months ago",
                     HEADLINE, "Updated 10:32", LEAD, NEXT])
    article = titled(raw)
    assert article.title == HEADLINE
    assert HEADLINE not in article.body and LEAD in article.body and NEXT in article.body


def test_banners_and_app_prompts_are_not_part_of_the_title():
    article = titled(f"Live Updates: {HEADLINE}get the free app\nLima — {LEAD}\n{NEXT}")
    assert article.title == HEADLINE
    assert article.body == f"{LEAD}\n\n{NEXT}"


def test_a_kicker_above_the_headline_is_skipped():
    article = titled(f"On a trip that lasted two days\n{HEADLINE}\n{LEAD}")
    assert article.title == HEADLINE


def test_a_label_over_the_headline_that_shares_no_word_with_the_story_is_skipped():
    for label in ["Off the record", "Regional desk in brief"]:
        article = titled(f"{label}\n{HEADLINE}\n{LEAD}\n{NEXT}")
        assert article.title == HEADLINE
        assert label in article.body  # not the title: the body keeps it, and cleaning decides


def test_a_headline_in_other_words_than_the_lead_is_told_by_the_paragraphs_after_it():
    lead = "Talks in Lima on Monday lasted four hours."  # no word of the headline
    assert titled(f"Off the record\n{HEADLINE}\n{lead}\n{NEXT}").title == HEADLINE


def test_a_line_cut_off_on_an_article_is_no_headline():
    article = titled(f"The official portal of the\n{LEAD}\n{NEXT}")
    assert article.title == "The two ministers met in Lima on Monday for four hours of…"
    # nor is the line that goes on from it, the rest of the site's name
    article = titled(f"The official portal of the\nRepublic of Lima\n{HEADLINE}\n{LEAD}\n{NEXT}")
    assert article.title == HEADLINE


def test_a_headline_printed_twice_is_the_title_once():
    headline = "Ministers agree to open a joint trade office, officials say"
    assert titled(f"{headline}\n{headline}\n\n{LEAD}\n{NEXT}").title == headline


def test_site_names_stamps_and_teasers_are_never_the_title():
    for furniture in ["dailyplanet.com Daily Planet (En)", "May 16, 2024May 16, 2024",
                      "The two ministers met in Lima on Monday for four…"]:
        article = titled(f"{furniture}\n{LEAD}\n{NEXT}")
        assert article.title == "The two ministers met in Lima on Monday for four hours of…"
        assert article.body.startswith(LEAD)


def test_without_a_headline_the_title_is_the_leads_opening_without_its_dateline():
    article = titled(f"LIMA, May 3 (Wire) - {LEAD}")
    assert article.title == "The two ministers met in Lima on Monday for four hours of…"
    assert article.body == LEAD


def test_a_given_title_is_cleaned_of_furniture():
    assert clean_title(f"Live Updates: {HEADLINE} | Daily Planet") == HEADLINE
    assert clean_title("Updated 10:32") == ""
    article = with_title(make_article(f"{HEADLINE}\n\n{LEAD}", title="3 months ago"))
    assert article.title == HEADLINE


def test_a_site_name_after_a_dash_leaves_a_given_title():
    for title in [f"{HEADLINE} - The Daily Planet", f"{HEADLINE} — Planet News",
                  f"{HEADLINE} - planet.com", f"{HEADLINE} – DP – 05/03/2024"]:
        assert clean_title(title) == HEADLINE, title
    # a word in small letters after a dash, a long phrase, or a short headline stay
    for title in ["Ministers to open a trade office — president",
                  "Ministers in Lima - What We Know So Far"]:
        assert clean_title(title) == title


def test_a_label_glued_onto_the_headline_is_not_part_of_the_title():
    lead = "Ministers of both sides met in Lima on Monday for four hours of talks on trade."
    article = titled(f"Talks in LimaMinisters Agree to Open a Joint Office\n{lead}\n{NEXT}")
    assert article.title == "Ministers Agree to Open a Joint Office"
    # one word in two capitals stays whole, even when its second part stands alone
    for headline in ["Regulator Fines YouTube Over Election Videos",
                     "A New MacBook Pro Goes on Sale in Lima Today"]:
        article = titled(f"{headline}\n{lead} The book fair opened. You can go.\n{NEXT}")
        assert article.title == headline
    # the next line's first word glued after the headline
    article = titled(f"Ministers Agree to Open a Joint Office in LimaThe\n{lead}\n"
                     f"The office opens in May.\n{NEXT}")
    assert article.title == "Ministers Agree to Open a Joint Office in Lima"
    for headline in ["Ministers Agree to Open a Joint Office on YouTube",
                     "Ministers Agree to Open a Joint Office in LimaTown",
                     "Minister Discusses Launch Deal With SpaceX",
                     "Ruritania Signs Oil Deal With PetroChina"]:
        body = (f"{lead} The book fair opened. You can go. The Space Agency posted on X.\n"
                f"Petro said China would buy oil.\nChina agreed.\n{NEXT}")
        article = titled(f"{headline}\n{body}")
        assert article.title == headline


def test_a_users_furniture_rules_clean_a_given_title_as_they_clean_the_body(tmp_path):
    import json

    from briefgen import config
    from briefgen.pipeline import build_brief
    (tmp_path / "mine.yaml").write_text("remove_spans:\n  - '^Planet Exclusive:\\s*'\n")
    (tmp_path / "brief.yaml").write_text(
        "cleaning:\n  rules: [mine.yaml]\nsections:\n  - id: news\n    title: News\n"
        "    description: What happened.\n")
    (tmp_path / "a.json").write_text(json.dumps({
        "title": f"Planet Exclusive: {HEADLINE}", "date": "2024-05-03",
        "text": f"Planet Exclusive: {LEAD}\n\n{NEXT}"}))
    brief = build_brief(config.load(tmp_path / "brief.yaml"), [str(tmp_path / "a.json")])
    assert [s.title for s in brief.sources] == [HEADLINE]


def test_a_byline_after_its_place_is_no_title_and_a_headlines_copy_leaves_the_body():
    byline = "Abu Dhabi - Jane Doe"
    article = titled(f"{byline}\n\n{LEAD}\n\n{NEXT}")
    assert article.title != byline and article.title.startswith("The two ministers met")
    headline = "Ministers agree to open a joint trade office in Lima"
    article = titled(f"{headline}\n\nPell Press Service\n\n{headline}\n\n{LEAD}\n\n{NEXT}")
    assert article.title == headline and headline not in article.body


def test_a_headline_with_a_place_before_a_dash_is_still_a_title():
    headline = "Lima - Ministers agree to open a joint trade office"
    assert titled(f"{headline}\n\n{LEAD}\n\n{NEXT}").title == headline


def test_a_headline_with_the_sites_name_glued_on_over_the_headline_is_no_title():
    headline = "Ministers agree to open a joint trade office"
    article = titled(f"{headline}-Planet\n\n{headline}\n\nSource: Planet\n\n{LEAD}\n\n{NEXT}")
    assert article.title == headline
    assert article.body == f"{LEAD}\n\n{NEXT}"
    # a headline that goes on after a colon, over a line of its first words, is the headline
    kicker = "Summit in Lima: Ministers Agree Trade Deal"
    assert titled(f"{kicker}\n\nSummit in Lima\n\n{LEAD}\n\n{NEXT}").title == kicker
    # the headline over its copy with the name glued on is the title too
    article = titled(f"{headline}\n\n{headline}-Planet\n\n{LEAD}\n\n{NEXT}")
    assert article.title == headline
    assert article.body == f"{LEAD}\n\n{NEXT}"


def test_a_cut_copy_of_the_headline_over_it_is_no_title():
    # a page's address made a line of it: cut short, its quotation marks spelt out
    headline = 'Minister says a "deal" on trade is near in Lima'
    article = titled(f"Minister says a quotdealquot on trade is near in\n\n{headline}\n\n{LEAD}")
    assert article.title == headline
    assert article.body == LEAD


def test_a_section_label_after_a_bar_leaves_a_headline_in_the_body():
    headline = "Minister says the two countries will open a joint trade office in Lima next year"
    article = titled(f"{headline} | International\n\nRate this post\n\n{LEAD}\n\n{NEXT}")
    assert article.title == headline
    assert article.body == f"{LEAD}\n\n{NEXT}"
    # a line of page metadata is still none
    assert titled(f"Home | News | World\n\n{LEAD}").title.startswith("The two ministers")


def test_a_promos_short_lines_that_end_on_a_stop_are_no_lead_and_no_title():
    # an aggregator's promo over the page: "Get all your news in one place. / 100's of ..."
    promo = ["Get all your news in one place.", "Hundreds of titles.", "One app.",
             "Start reading"]
    article = titled("\n".join([*promo, HEADLINE, LEAD, NEXT]))
    assert article.title == HEADLINE
    assert LEAD in article.body and HEADLINE not in article.body
    # a section's label that ends on a stop is no lead either
    assert titled("\n".join(["U.S.", HEADLINE, LEAD, NEXT])).title == HEADLINE
    # a short sentence that opens the story is its lead: no line under it is the title
    short = "Talks collapsed in Lima."
    article = titled("\n".join([short, "A long night in Lima", LEAD]))
    assert "A long night in Lima" in article.body and short in article.body


def test_a_copy_of_the_headline_with_a_date_and_an_agency_is_no_title():
    article = titled("\n\n".join([HEADLINE, f"{HEADLINE}\nMay 3, 2024 Agency", LEAD, NEXT]))
    assert article.title == HEADLINE
    assert "Agency" not in article.body and LEAD in article.body
    # a date the headline leads to is its own
    dated = "Ministers sign a trade accord on May 3, 2024 Lima"
    assert titled("\n\n".join([dated, LEAD, NEXT])).title == dated


def test_the_headline_a_trail_of_links_ends_on_comes_before_a_sponsors_line():
    sponsor = "Planet Bank Supports Lima"  # shares "Lima" with the lead
    trail = f"DailyPlanet.comWorld NewsDiplomacy{HEADLINE}"
    article = titled("\n\n".join([sponsor, trail, HEADLINE, LEAD, NEXT]))
    assert article.title == HEADLINE
    # a sponsor's name that ends a line with a space before it is no trail
    article = titled("\n\n".join([HEADLINE, "In partnership with Lima Trade Bank",
                                   "Lima Trade Bank", LEAD, NEXT]))
    assert article.title == HEADLINE

