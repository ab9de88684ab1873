import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen import clean
from briefgen.clean import clean_text, in_title_case, load_rules
from briefgen.errors import ConfigError

NEWS = "The minister met her counterpart on Monday for three hours of talks."
LATER = "Both sides agreed to meet again next month, officials said."
LEAD = "The two ministers met in Lima on Monday for four hours of talks on trade."
NEXT = "They agreed to open a joint office before the end of the year, officials said."


def test_furniture_lines_are_dropped_and_news_kept():
    raw = "\n".join([
        "[ad_1]", "Jane Doe/AP", f"PARIS — {NEWS}",
        "See also  A storm leaves thousands without power",
        LATER, "[adinserter block=”4″]", "[ad_2]", "Source link",
    ])
    assert clean_text(raw) == f"{NEWS}\n\n{LATER}"


def test_inline_furniture_in_a_run_on_paragraph():
    raw = (f"Comment this story Comment PARIS {NEWS} He spoke to reporters later. "
           "(Video: The Daily Planet) Doe reported from Rome. "
           "Roe in Paris contributed to this report. Offer this item gift item")
    cleaned = clean_text(raw)
    assert cleaned == f"{NEWS} He spoke to reporters later."


def test_credit_glued_to_a_caption_and_stray_punctuation():
    raw = f"{NEWS} . . Talks went well. Jane Doe / AFP – Getty Images\n\nIt ended. , he said."
    assert clean_text(raw) == f"{NEWS} Talks went well.\n\nIt ended, he said."


def test_wire_trailer_and_author_bio_are_cut():
    raw = "\n\n".join([
        NEWS, "Reporting by Jane Doe; Editing by John Roe", "Our Standards: The Trust Principles.",
        "Jane Doe is a senior correspondent who covers diplomacy.", "Related Posts"])
    assert clean_text(raw) == NEWS


def test_hard_wrapped_lines_are_joined():
    raw = ("The minister met her counterpart on Monday for three hours of\n"
           "talks in the capital, and both said the meeting went well.")
    assert clean_text(raw) == raw.replace("\n", " ")


def test_a_dateline_word_later_in_the_article_is_kept():
    raw = f"{NEWS}\n\nNATO Secretary General Jens Stoltenberg welcomed the talks."
    assert "NATO Secretary General" in clean_text(raw)


def test_user_rules_extend_the_defaults(tmp_path: Path):
    rules_file = tmp_path / "mine.yaml"
    rules_file.write_text("drop_paragraphs:\n  - 'Download our app.*'\n")
    rules = load_rules((rules_file,))
    raw = f"{NEWS}\nDownload our app for more news\n[ad_1]"
    assert clean_text(raw, rules) == NEWS


def test_acronyms_that_open_a_lead_survive():
    for lead in ["NATO Secretary General Jane Doe welcomed the talks on Monday.",
                 "OPEC Secretary General Jane Doe said output would stay the same."]:
        raw = f"{lead}\n\n{NEXT}\n\nThe {lead.split()[0]} statement was short."
        assert clean_text(raw) == f"{lead}\n\n{NEXT}\n\nThe {lead.split()[0]} statement was short."
    # a place in capitals is a dateline when the article also writes it in ordinary case
    assert clean_text(f"LIMA {LEAD}") == LEAD
    assert clean_text(f"SAN JOSE {LEAD}") == LEAD


def test_ellipses_and_dashes_are_kept_as_printed():
    for text in ["He said it was about democracy...India would decide for itself.",
                 "“There are certain limits.... Within them, we can talk,” he said.",
                 "“The region … sees the partnership as a priority,” he said.",
                 "The talks – the first in years — ended early."]:
        assert clean_text(text) == text
    assert clean_text("The talks ended. . Both sides left.") == "The talks ended. Both sides left."


def test_reported_from_is_cut_only_as_a_credit():
    news = "Journalists reported from Lima that the border crossing was closed."
    assert clean_text(f"{LEAD} {news}") == f"{LEAD} {news}"
    news = "Officials reported from Quito."
    assert clean_text(f"{LEAD} {news}") == f"{LEAD} {news}"
    assert clean_text(f"{LEAD} Doe reported from Lima.") == LEAD


# Furniture by kind: each test puts furniture of one kind around news sentences
# and checks the furniture is gone while the news is kept byte for byte.

def test_photo_captions_are_dropped():
    raw = "\n\n".join([
        LEAD,
        "Foreign Minister Ana Ruiz (L) shakes hands with her counterpart Tom Berg as they meet "
        "at the ministry in Lima.",
        "Foreign Minister Ana Ruiz speaks during a news conference at the ministry in Lima on "
        "3 May 2024.",
        "Ministers Ana Ruiz and Tom Berg attend a signing ceremony in Lima, Peru, May 3, 2024.",
        "Tom Berg is photographed on March 4, 1999 at the port.",
        "This picture taken on Monday and released by the ministry shows the two ministers.",
        "File photo of the harbour in Lima.",
        "Ana Ruiz greets Tom Berg at the airport on Monday. Photo: Jane Doe/Wire",
        NEXT,
    ])
    assert clean_text(raw) == f"{LEAD}\n\n{NEXT}"


def test_a_caption_is_only_one_sentence():
    # a run-on paragraph keeps its sentences: only the glued credit goes
    raw = f"{LEAD} Ana Ruiz (L) met Tom Berg in the afternoon. {NEXT} Jane Doe/Wire"
    assert clean_text(raw) == f"{LEAD} Ana Ruiz (L) met Tom Berg in the afternoon. {NEXT}"


def test_photo_credits_are_dropped():
    raw = "\n".join([
        "Jane Doe/Wire", "Jane Doe/Pool via WIRE", "port lima - JANE DOE/AGENCY via Getty Images",
        LEAD, "(Photo: Agency)", "(photo credit: JANE DOE/WIRE/HANDOUT VIA AGENCY)",
        "Harbour at dusk. PHOTO | JANE DOE | WIRE", "The harbour at dusk | Photo: Agency",
        "© Agency 2024 / JANE DOE", "harbour lima - Jane Doe", NEXT,
    ])
    assert clean_text(raw) == f"{LEAD}\n\n{NEXT}"


def test_lines_in_another_script_are_dropped_on_a_latin_page():
    raw = f"{LEAD}\nРусская версия\n中文版\n{NEXT}"
    assert clean_text(raw) == f"{LEAD}\n\n{NEXT}"
    page = "两国部长周一在利马会谈了四个小时。\n他们同意年底前开设联合办事处。"
    assert clean_text(page) == page.replace("\n", "\n\n")


def test_a_line_a_repair_writes_in_another_script_is_dropped_on_a_latin_page(tmp_path: Path):
    rules_file = tmp_path / "mine.yaml"
    rules_file.write_text("repairs: [['Zorblat quux', 'Русская версия сайта']]\n")
    rules = load_rules((rules_file,))
    line = "Zorblat quux here today."
    assert clean_text(f"{LEAD}\n{line}\n{NEXT}") == f"{LEAD}\n\n{line}\n\n{NEXT}"
    assert clean_text(f"{LEAD}\n{line}\n{NEXT}", rules) == f"{LEAD}\n\n{NEXT}"


def test_other_script_share_is_a_setting(tmp_path: Path):
    rules_file = tmp_path / "mine.yaml"
    rules_file.write_text("other_script_share: 1\n")  # 1: never
    assert clean_text(f"{LEAD}\nРусская версия", load_rules((rules_file,))) == \
        f"{LEAD}\n\nРусская версия"
    rules_file.write_text("other_script_share: 2\n")
    with pytest.raises(ConfigError, match="other_script_share"):
        load_rules((rules_file,))


def test_a_users_notice_is_found_case_aside_in_a_short_paragraph_only(tmp_path: Path):
    rules_file = tmp_path / "mine.yaml"
    rules_file.write_text("short_notices: ['listen to our (?:daily )?podcast']\n")
    rules = load_rules((rules_file,))
    notice = "Don't miss it: Listen to our Daily Podcast every morning."
    assert clean_text(f"{LEAD}\n{notice}\n{NEXT}", rules) == f"{LEAD}\n\n{NEXT}"
    long_news = ("The minister told reporters on Monday that she would listen to our daily "
                 "podcast critics, and then spoke for a long time "
                 + " ".join(["about trade"] * 40) + ".")
    assert long_news in clean_text(f"{LEAD}\n{long_news}", rules)
    rules_file.write_text("notices: ['Listen to our podcast']\n")
    with pytest.raises(ConfigError, match=r"notices\[0\].*small letters"):
        load_rules((rules_file,))
    # it compiles alone, not as one notice among the list's: refused, not a crash later
    rules_file.write_text("short_notices: ['(?s)sign up.*today']\n")
    with pytest.raises(ConfigError, match=r"short_notices\[0\].*global flags"):
        load_rules((rules_file,))
    # the list is checked as one pattern first: an error still names the first bad notice
    rules_file.write_text("notices: ['fine', '(?i)sign up', 'a(']\n")
    with pytest.raises(ConfigError, match=r"notices\[1\].*global flags"):
        load_rules((rules_file,))
    rules_file.write_text("notices: ['fine', 'a(', ')b']\n")  # as one pattern, it compiles
    with pytest.raises(ConfigError, match=r"notices\[1\].*missing \), unterminated"):
        load_rules((rules_file,))
    rules_file.write_text("notices: ['fine', 'Caps', 'a(']\n")
    with pytest.raises(ConfigError, match=r"notices\[1\].*small letters"):
        load_rules((rules_file,))


def test_a_users_rule_may_open_on_any_flags(tmp_path: Path):
    rules_file = tmp_path / "mine.yaml"
    rules_file.write_text("drop_paragraphs: ['(?a)zorblat\\w+', '(?i)quuxly\\w*']\n")
    rules = load_rules((rules_file,))
    assert clean_text(f"{LEAD}\nzorblatting\nQUUXLY\n{NEXT}", rules) == f"{LEAD}\n\n{NEXT}"


def test_bylines_and_author_boxes_are_dropped():
    raw = "\n".join([
        "By Jane Doe, John Roe and Ann Poe", "By WIRE More by this Author",
        "Translated by: Ann Poe", "Jane Doe, Daily Planet staff writer | Lima",
        "Reporting from Lima", "Jane Doe and", LEAD, NEXT, "Share", "Published by", "Jane",
    ])
    assert clean_text(raw) == f"{LEAD}\n\n{NEXT}"


def test_navigation_and_site_chrome_are_dropped():
    raw = "\n".join([
        "Skip to content", "Site icon Daily Planet", "Home > World > Americas",
        "HomeWorldMinisters meet in Lima", "News & Politics Sport & Travel Arts & Culture 中文",
        "Press play to listen to this article", "Read Mode", "3 min read", "Newsfeed",
        "For the latest headlines, follow our channel online or via the app.",
        LEAD, "ALSO READ-Ports reopen after the storm", "Also Read: Ports reopen after the storm",
        "Read: Ports reopen after the storm", "Advertisement", NEXT,
        "Previous Story", "Ports reopen after the storm", "Next Story", "Harbour fees rise again",
    ])
    assert clean_text(raw) == f"{LEAD}\n\n{NEXT}"


def test_link_lists_and_comments_end_the_article():
    for trailer in ["Recent Posts", "Latest from World", "To participate in the discussion",
                    "You may also like"]:
        raw = "\n".join([LEAD, NEXT, trailer, "Ports reopen after the storm",
                         "A storm closed every port on the coast for a week, officials said…",
                         "3 months ago", "log in or register"])
        assert clean_text(raw) == f"{LEAD}\n\n{NEXT}", trailer
    # before the story has begun such a line is navigation: dropped, and the story kept
    assert clean_text(f"Latest News\n{LEAD}\n{NEXT}") == f"{LEAD}\n\n{NEXT}"


def test_time_stamps_and_tickers_are_dropped():
    raw = "\n".join([
        "Updated 10:32", "Updated 13:01, 08-May-2024", "2024-05-03 09:45", "3 months ago",
        "15 May, 2024", "Last modified: 3 May, 2024, 06:59 pm", "Published: Updated:",
        "- Published", "May 16, 2024May 16, 2024", "Wire) 10:07, May 3, 2024", "03:01",
        "Daily Planet – May 3, 2024", "2024-05-03 02:30:00 | ID: 12345",
        LEAD, "DOW 38,500.12 +0.5% NASDAQ 16,400.10 -0.2% OIL 81.20 ▲ 1.1%", NEXT,
    ])
    assert clean_text(raw) == f"{LEAD}\n\n{NEXT}"


def test_a_stamp_line_is_not_joined_to_the_headline():
    headline = "Ministers vow to open a joint trade office in Lima"
    raw = f"{headline}\nUpdated 13:01, 08-May-2024\n\n{LEAD}"
    assert clean_text(raw) == f"{headline}\n\n{LEAD}"


def test_wire_tags_glued_to_the_lead_are_cut():
    for tag in ["LIMA, May 3 (Wire) - ", "LIMA/QUITO (Wire) – ", "(Wire) - ", "May 3 (WIRE) -- ",
                "Lima, 3 May 2024 (WR): ", "Lima, May 3 (WIRE).- ", "LIMA, May 3. /WIRE/. ",
                "LIMA, Peru -- ", "LIMA: ", "Lima: ", "Lima — ", "SAN JOSE "]:
        assert clean_text(tag + LEAD) == LEAD, tag


def test_a_speaker_before_a_colon_is_not_a_dateline():
    raw = "Doe: We are ready to talk at any time and in any place."
    assert clean_text(raw) == raw


def test_a_teaser_repeating_the_lead_is_dropped():
    teaser = "The two ministers met in Lima on Monday for four hours…"
    assert clean_text(f"{teaser}\n\n{LEAD}\n\n{NEXT}") == f"{LEAD}\n\n{NEXT}"
    # a quote with an ellipsis is news: its opening is not printed elsewhere
    quote = "“We are ready to talk … at any time,” the minister said."
    assert clean_text(f"{LEAD}\n\n{quote}") == f"{LEAD}\n\n{quote}"


def test_list_markers_and_inline_labels_are_cut():
    raw = f"• {LEAD}\n- {NEXT}\n\n{LEAD} . Recommended {NEXT}"
    assert clean_text(raw) == f"{LEAD}\n\n{NEXT}\n\n{LEAD} {NEXT}"


def test_reader_appeals_and_republisher_tags_are_cut():
    raw = "\n".join([LEAD, "We’re bringing the news of the region to the world. Support us",
                     "The talks were useful, the minister said, Daily Site reports, citing Wire."])
    assert clean_text(raw) == f"{LEAD}\n\nThe talks were useful, the minister said."
    # a statement with no one else named keeps who reported it; a quote keeps its words
    for news in ["The talks were useful, Daily Site reports, citing Wire.",
                 "We are ready to talk. Support for the deal is growing, he said."]:
        assert clean_text(f"{LEAD}\n{news}") == f"{LEAD}\n\n{news}"


def test_a_title_case_headline_line_is_not_joined_to_the_line_after_it():
    text = ("Minister’s Visit to the Capital Paints Rival as ‘Viable Partner’ to Allies\n"
            "The minister's trip comes two months after talks with the president in the "
            "capital.\n\n"
            "U.S. Secretary of State Jane Doe met Chinese President John Roe on Monday in\n"
            "the capital and said the talks went well.")
    paragraphs = clean_text(text).split("\n\n")
    assert "The minister's trip comes two months after talks with the president in the " \
           "capital." in paragraphs
    assert not any("Allies The minister" in p for p in paragraphs)
    assert ("U.S. Secretary of State Jane Doe met Chinese President John Roe on Monday in the "
            "capital and said the talks went well.") in paragraphs  # prose, wrapped


def test_a_headline_in_sentence_case_is_not_joined_to_its_longer_lead():
    text = ("Ruritania and Freedonia agree to reopen border\n"
            "Ruritania and Freedonia agreed on Friday to reopen their border, officials said.\n"
            "\n"
            "Talks will resume in June after a year of closure along the whole\n"
            "border, the ministry said on Friday.")
    paragraphs = clean_text(text).split("\n\n")
    assert paragraphs[:2] == [
        "Ruritania and Freedonia agree to reopen border",
        "Ruritania and Freedonia agreed on Friday to reopen their border, officials said."]
    assert ("Talks will resume in June after a year of closure along the whole border, the "
            "ministry said on Friday.") in paragraphs  # prose, wrapped


@pytest.mark.parametrize("dateline", ["PARIS — ", "LIMA, Peru -- ", "HO CHI MINH CITY -- ",
                                      "NEW YORK, Jan. 5 – "])
def test_datelines_in_capitals_with_a_dash_are_cut(dateline: str):
    assert clean_text(f"{dateline}{NEWS}") == NEWS


def test_a_two_letter_acronym_and_a_dash_is_not_a_dateline():
    assert clean_text(f"UN -- {NEWS}") == f"UN -- {NEWS}"


def test_strings_every_match_holds_are_found_only_where_they_are_sure():
    from briefgen.clean import default_rules
    from briefgen.regex_start import required_literals

    assert required_literals(re.compile(r"x(?:ab)?y(?:cd)+z\b")) == ("x", "y", "cd", "z")
    assert required_literals(re.compile(r"ab|cd")) == ()  # either will do: neither is sure
    assert required_literals(re.compile(r"a(?i:bc)d")) == ("a", "d")
    assert required_literals(re.compile(r"(?i)abc")) == ()
    assert required_literals(re.compile(r"(?=ab)a(?!cd)")) == ("a",)
    rules = default_rules()
    patterns = [*rules.remove_spans, *(p for p, _ in rules.repairs)]
    assert any(required_literals(p) for p in patterns)
    for pattern in patterns:  # every match of a rule holds its strings
        for m in pattern.finditer("Jane Doe contributed reporting to this report. "
                                  "Share this article Gift article [ad_3] Get the free app"):
            assert all(s in m.group() for s in required_literals(pattern))


def _title_case_word_by_word(line: str) -> bool:
    """in_title_case as it reads the words one by one, without its shortcut."""
    content = 0
    for match in re.finditer(r"[\w’'‘-]+", line):
        word = match.group().strip("‘’'-")
        if not word or word.lower() in {"a", "an", "and", "as", "at", "by", "for", "from", "in",
                                        "of", "on", "or", "the", "to", "vs", "with"}:
            continue
        if not (word[0].isupper() or word[0].isdigit()):
            return False
        content += 1
    return content >= 4


_TITLE_WORDS = ["An", "an-", "‘and’", "AND", "aNd", "and’s", "'Tis", "-a", "the", "ThE", "tHe-",
                "of", "Of", "vs", "vs.", "x", "X", "9", "é", "É", "İn", "ın", "aK", "_a", "Talks",
                "talks", "Deal", "Ends", "2024", "'", "-", "’", ",", "(", "withal", "froM", "in'n"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_TITLE_WORDS), max_size=10).map(" ".join)
       | st.lists(st.sampled_from([*_TITLE_WORDS, " ", "  "]), max_size=12).map("".join)
       | st.text(max_size=30))
def test_title_case_shortcut_reads_as_the_words_do(line: str):
    assert in_title_case(line) == _title_case_word_by_word(line)


def test_small_words_are_told_in_any_case():
    assert in_title_case("Talks aNd Deal Ends in ‘Viable Partner’")
    assert not in_title_case("Talks andes Deal Ends in ‘Viable Partner’")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["ab", "A", "Mr", "U.S", "1", "x", ".", "!", "?", "”", ")",
                                 '"', " ", "\n", "“", "(", "The"]), max_size=12))
def test_a_boundary_is_found_where_the_pattern_opening_on_its_lookbehind_finds_one(pieces):
    text = "".join(pieces)
    plain = re.compile(r"(?<=[a-z0-9]{2}[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z])")
    assert bool(clean._BOUNDARY.search(text)) == bool(plain.search(text))


def test_a_long_app_promotion_is_dropped_and_a_reported_one_kept():
    promotion = ("Download our app to read the full story, get breaking news alerts on the "
                 "stories you follow and listen to our daily podcast, all for free, wherever "
                 "you are.")
    assert clean_text(f"{LEAD}\n{promotion}\n{NEXT}") == f"{LEAD}\n\n{NEXT}"
    news = "Get the app ready for launch by May, the minister told the agency on Monday."
    assert clean_text(f"{LEAD}\n{news}") == f"{LEAD}\n\n{news}"


def test_furniture_of_unseen_diplomatic_pages_is_dropped_and_news_kept():
    caption = ("In this pool photograph distributed by the state agency Wire, President Jane Doe "
               "shakes hands with Prime Minister John Roe during a meeting in Lima on June 19, "
               "2024.")
    news = "Doe enjoyed a red carpet welcome and a military ceremony during a state visit to Lima."
    for raw in [
        "Follow us on Image Source : WIRE Prime Minister Jane Doe and President John Roe "
        f"during a tour of the latter's official residence.\n{LEAD}",
        f"An official website of the Republic of Lima Here's how you know\n{LEAD}",
        f"Official websites use .gov\nSecure .gov websites use HTTPS\nA lock ( ) or https:// means "
        f"you’ve safely connected to the .gov website.\n{LEAD}",
        f"{LEAD}\nLima : In this pool photograph distributed by the state agency Wire, Jane Doe "
        "(L) shakes hands with John Roe after talks in Lima, on Wednesday. — AFP",
        f"Lima, 19 June 2024 (Wire/AG) - {LEAD}",
        f"The following is attributable to Spokesperson Jane Doe:\n{LEAD}",
        "Prime Minister Jane Doe answers questions during a joint press conference in Lima, "
        f"on June 22, 2023.—AFP\n{LEAD}",
    ]:
        assert clean_text(raw) == LEAD, raw
    # the caption goes, the news after it in its paragraph stays
    assert clean_text(f"{LEAD}\n{caption} – {news}") == f"{LEAD}\n\n{news}"
    for kept in ["An official website of the ministry was hacked on Monday, officials said.",
                 "In this photography contest, the ministry picked three winners on Monday.",
                 "Share prices rose after the talks, traders said.",
                 "The statement was posted on whitehouse.gov on Monday.",
                 "Follow-up talks are planned for May, the minister said."]:
        assert clean_text(f"{LEAD}\n{kept}") == f"{LEAD}\n\n{kept}", kept


def test_a_bare_web_address_is_dropped():
    raw = (f"https://news.example.com/20240708/ministers-meet-in-lima-1119300137.html\n\n{LEAD}\n\n"
           "https://cdn.example.com/img/07e8/07/08/1119299775_0:193:2958:1857_1920x0.jpg\n\n"
           f"www.example.com/lima\n\n{NEXT}")
    assert clean_text(raw) == f"{LEAD}\n\n{NEXT}"
    # an address in a sentence is news, and so is a list's item in small letters
    for kept in ["The full text is at www.example.com/lima, the ministry said.",
                 "The deals signed on Monday include:\n\nlower tariffs on steel\n\nnew visa rules"]:
        assert clean_text(f"{LEAD}\n\n{kept}") == f"{LEAD}\n\n{kept}", kept


def test_a_caption_told_by_where_its_people_stand_is_cut_from_its_paragraph():
    caption = ("Prime Minister Jane Doe (fourth from left) and President John Roe (fifth from "
               "right) hold talks in Lima on July 5, 2024.")
    assert clean_text(f"{LEAD}\n{caption}") == LEAD
    assert clean_text(f"{LEAD}\n{caption} {NEXT}") == f"{LEAD}\n\n{NEXT}"
    kept = ("Jane Doe (far right) and John Roe (far left) both rejected the deal. The vote "
            "is in June.")
    assert clean_text(f"{LEAD}\n{kept}") == f"{LEAD}\n\n{kept}"


def test_a_caption_of_several_sentences_ending_on_its_credit_is_dropped():
    caption = ("Vice President Jane Doe meets with President John Roe after the opening "
               "ceremony of the trade fair in Lima, May 17, 2024. Doe and Roe attended the "
               "opening ceremony on Friday. (Agency/Sam Poe)")
    assert clean_text(f"{LEAD}\n\n{caption}\n\n{NEXT}") == (
        f"{LEAD}\n\nDoe and Roe attended the opening ceremony on Friday.\n\n{NEXT}")
    # a paragraph of news keeps its sentences when a credit ends it
    news = ("Jane Doe met John Roe in Lima on Friday. Half of voters back the deal, a poll "
            "found. (Daily Post/Ipsos)")
    assert clean_text(f"{LEAD}\n\n{news}") == (
        f"{LEAD}\n\nJane Doe met John Roe in Lima on Friday. Half of voters back the deal, a "
        "poll found.")


def test_a_caption_credited_to_an_agency_or_a_photographer_in_capitals_is_dropped():
    for caption in [
            "Jane Doe (left) shakes hands with John Roe before their talks on May 16. (Agency)",
            "The ministers of both countries, this Friday at the palace.JANE DOE (AGENCY)",
            "Jane Doe and John Roe are seen at a news conference in Lima on May 16, 2024 in this "
            "captured image."]:
        assert clean_text(f"{LEAD}\n\n{caption}\n\n{NEXT}") == f"{LEAD}\n\n{NEXT}", caption
    # a sentence that ends on a name in brackets is news, and so is one an agency signs
    kept = "The deal was signed by the state oil company (Petrolima)."
    assert clean_text(f"{LEAD}\n\n{kept}") == f"{LEAD}\n\n{kept}"
    assert clean_text(f"{LEAD}\n\n{NEXT} (Agency)") == f"{LEAD}\n\n{NEXT}"
    for kept in ["Analysts say the region still has a role in this picture.",
                 "The fund was backed by the U.N. SECURITY COUNCIL (New York)"]:
        assert clean_text(f"{LEAD}\n\n{kept}") == f"{LEAD}\n\n{kept}", kept
