"""Page furniture in the shapes found on a fourth round of real news pages (diplomatic news:
visits, talks, summits, sanctions, trade deals), in invented words, and news sentences of the
same shapes that must be kept word for word.
"""

import pytest

from briefgen.clean import clean_text

LEAD = "Valdoria and Kestrania agreed on Monday to reopen three border crossings closed since 2021."
NEXT = "The accord still needs approval from both parliaments, Foreign Minister Ilse Kovan said."
CAPTION = "Foreign Minister Ilse Kovan shakes hands with her Kestranian counterpart in Pell."


def cleaned(*paragraphs: str) -> list[str]:
    return clean_text("\n\n".join(paragraphs)).split("\n\n")


@pytest.mark.parametrize("furniture", [
    # a member box and its perks
    ["Sign in to unlock member-only benefits!", "Access 10 free stories every month",
     "Access to comment on every story",
     "Sign-up/manage your newsletter subscriptions with a single click"],
    # a video agency's tile, and an address hidden from robots
    ["Video ID: 20240503-017", "Video on Demand:", "Contact: [email\u00a0protected]"],
    # a CMS's field labels left on the page, image file names
    ["Fecha de publicación:", "Imagen principal:", "Publication date: 3 May 2024"],
    ["Border talks Pell.JPG", "Kovan visit 2.jpg"],
    # widgets: a share prompt glued to its buttons' labels, a link to the article, a mail-it
    # button, a long menu split by bars, a live blog's label over its recap
    ["Share this articleComments", "Share this articleClose Button", "Read Article—",
     "Send this to a friend", "Summary of the day",
     "World | Defence | Foreign Affairs | Trade | Regions | Video | Opinion | Search"],
    # stamps: an update after the posting stamp, a date in brackets, a story's number
    ["and last updated 2024-05-03 12:43:57-05", "[03/ May/2024]", "AB/5611242"],
    # a copyright line with its holder before the year, an agency's name with its initials
    ["Copyright Planet Union, 2024.", "Pell News Agency PNA"],
    # other stories' headlines, each ending on a dash
    ["Singer Walks Out Of Interview After Film Premiere -",
     "Why Actor Wasn't Ready For Marriage? Source -",
     "Star Breaks Silence After Fundraiser Hits $2.2M -"],
    # a player's error, a byline in small letters, a comment box's and a link's prompts
    ["Can't connect right now! retry", "Oops, something went wrong. Please try again.",
     "by planet news",
     "With your current subscription plan you can comment on stories. However, before writing "
     "your first comment, please create a display name in the Profile section.",
     "If you would like to join our community and read more articles like this then please "
     "click here"],
    # an aggregator's note on its cached copy of another site's story
    ["Ministers talk trade have 311 words, post on planet.vd at May 3, 2024. This is cached "
     "page on Copysite. If you want remove this page, please contact us."],
])
def test_furniture_between_paragraphs_is_dropped(furniture: list[str]):
    assert cleaned(LEAD, *furniture, NEXT) == [LEAD, NEXT]


@pytest.mark.parametrize("news", [
    "The opposition asked for access to 10 free stories' sources, the minister said.",
    "Delegates were given access to comment on the draft before the vote.",
    "Kovan said members of parliament would send their proposals to the committee - and soon.",
    "The summit was updated on the talks at 10:00, officials said.",
    "Copyright talks between Valdoria and Kestrania resume in 2025, the ministry said.",
    "The Pell News Agency reported that the talks would resume on Friday.",
    "Kovan said the photo of the signing, taken at 11:00, would be published.",
    "Something went wrong in the talks, Kovan said, and the delegations will try again.",
    "by the end of the week, the ministers hope to sign the accord.",
    "Members of parliament can comment on the accord until Friday, the speaker said.",
    "Kovan said voters could click here and there on the ministry's site for the text.",
])
def test_news_of_the_same_shapes_is_kept(news: str):
    assert cleaned(LEAD, news, NEXT) == [LEAD, news, NEXT]


@pytest.mark.parametrize("credited", [
    f"{CAPTION} | Photo Credit: PNA",
    f"{CAPTION[:-1]} PNA/Jan Horak",
    f"{CAPTION} Pell = Planetnews",
])
def test_a_captions_copy_beside_its_credited_copy_goes_with_it(credited: str):
    # printed over it, and under it without the credit
    uncredited = CAPTION[:-1] if credited.endswith("Horak") else CAPTION
    assert cleaned(LEAD, uncredited, credited, NEXT) == [LEAD, NEXT]
    assert cleaned(LEAD, credited, uncredited, NEXT) == [LEAD, NEXT]


def test_a_sentence_like_a_caption_away_from_its_credited_copy_is_kept():
    assert cleaned(CAPTION, LEAD, f"{CAPTION} | Photo Credit: PNA", NEXT) == [CAPTION, LEAD, NEXT]


@pytest.mark.parametrize(("tagged", "lead"), [
    ("(Planetfeed- Pell News Agency (PNA)) PELL, May 3 (PNA) -- Ministers met on Friday.",
     "Ministers met on Friday."),
    ("(PELL NEWS) The ministers met on Friday.", "The ministers met on Friday."),
    ("Pell – Sputnik. The ministers met on Friday.", "The ministers met on Friday."),
    ("PELL May 3. 2024 (PNA) - The ministers met on Friday.", "The ministers met on Friday."),
    ("HÀ NỘI — The ministers met on Friday.", "The ministers met on Friday."),
    ("State House, Pell, Valdoria, Monday 30 May 2022 – The ministers met on Friday.",
     "The ministers met on Friday."),
    ("A view of the talks in Pell. PNA/VNS Photo Jan Horak PELL — The ministers met on Friday.",
     "The ministers met on Friday."),
    ("The ministers met on Friday. /PNA", "The ministers met on Friday."),
    ("The ministers met on Friday in Pell to discuss the crossings, and… Read full story",
     "The ministers met on Friday in Pell to discuss the crossings, and…"),
])
def test_tags_and_credits_around_the_lead_are_cut_and_the_lead_kept(tagged: str, lead: str):
    assert cleaned(tagged, NEXT) == [lead, NEXT]


@pytest.mark.parametrize("news", [
    "(The ministers met on Friday.) The accord was signed later.",
    "NATO (the alliance) said the ministers met on Friday.",
    "Pell – the capital – hosted the ministers on Friday.",
    "A photo of the talks was released. PNA said the ministers met on Friday.",
    "Pell, the capital, was calm on Monday 30 May 2022 – the day the ministers met.",
])
def test_news_opening_like_a_tag_is_kept(news: str):
    assert cleaned(news, NEXT) == [news, NEXT]
