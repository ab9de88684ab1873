"""A headline for each article, never taken from page furniture.

An article read with a title (HTML, JSON) keeps it, cleaned of furniture spans.
Otherwise its headline is the first headline-shaped line above the lead: not a
sentence, not a site name or a web address, not a time stamp, not a banner
("Live Updates: ..."), an app prompt, a teaser cut off with "…" or a line cut
off on "the" (nor the line that goes on from it), and not a kicker (a bare
phrase such as "On a trip to Paris" over the real headline). Of such lines,
the first that shares a word with the story's opening paragraphs: a section
label ("Off the wire") shares none.
With no such line the title is the lead's opening words.
The outlet loses a tagline after its name ("Planet | news for you" is "Planet"), and
a title loses the outlet's name before it ("Planet | news for you: Headline").
"""

from __future__ import annotations

import re
from dataclasses import replace

from .clean import clean_paragraphs, reads_as_sentence
from .furniture_rules import Rules, default_rules
from .model import Article
from .vectors import analyze

MIN_WORDS, MAX_WORDS = 3, 25  # a headline's length in words
LOOK_AHEAD = 8  # paragraphs above the lead that may hold the headline
OPENING_WORDS = 12  # words of the lead that stand in for a missing headline
STORY_PARAGRAPHS = 3  # the lead and the paragraphs after it: the words a headline draws on
MIN_LEAD_WORDS = 3  # a line of one or two words that ends on a stop is a label ("U.S."), no lead

_NOT_HEADLINE = [re.compile(p) for p in (
    r"(?i)^(?:live(?: updates?| blog| coverage)?|breaking(?: news)?|watch|listen|updated?)"
    r"\s*[:|–—-]",  # a banner
    r"(?i)\b(?:get|download) (?:the|our) (?:free )?(?:[\w-]+ )?app\b|\bfree app\b",
    r"(?:…|\.\.\.)$",  # a teaser cut short
    r"\b[\w-]+\.(?:com|net|org|info|news|tv|[a-z]{2})\b",  # a web address: a site's name
    r"(?i)\b(?:\d{1,2}:\d\d|\d{4}-\d\d-\d\d|\d+ (?:minutes?|hours?|days?|weeks?|months?) ago)\b",
    r"^[-•·|]|\|",  # a list item or a line of page metadata
    r"[a-z][A-Z][a-z]+[A-Z]",  # labels glued together: "ArrowArtboardCreated", "HomeArticle"
    # a byline after its place: "Abu Dhabi - Jane Doe" (a place, a dash, then only a name)
    r"^[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2} [-–—] "
    r"[A-Z][\w’'-]+(?: (?:[A-Z][\w’'-]+|al|el|bin|de|van|von)){1,3}$",
)]
# cut off where the page wrapped: "The portal of the" (no headline, nor is the line after it)
_CUT_OFF = re.compile(r"(?i)\b(?:the|a|an|of|and|or|to)$")
# A site's name after the headline: "Headline | Site", "Headline - Site News",
# "Headline – Site – 05/03/2024", "Headline -- Site.net"; after a dash only a name in
# capitals, a web address or a date ("Talks end — president" keeps its last word).
_SITE_SUFFIX = re.compile(
    r"\s+(?:[|•]\s+[^|•]{1,40}|(?:--|[-–—])\s+(?:(?:The )?[A-Z][\w&.’'-]*(?: [A-Z][\w&.’'-]*){0,3}"
    r"|[a-z][\w-]*\.[a-z]{2,6}|\d{1,4}(?:[./-]\d{1,4}){2}))$")
# A kicker: a bare prepositional phrase, no clause, over the real headline.
_KICKER = re.compile(
    r"(?:On|In|At|During|After|Before|From|With|For|Amid|Ahead of|Inside|Over|Under|Following"
    r"|Despite|Between|Beyond|Across|Around)\s[^,:;.!?]*")


# A tagline after the outlet's name: "Planet | news for you"
_TAGLINE = re.compile(r"\s+[|•]\s.*")
# The mark between the outlet's name and the headline: "Planet: ", "Planet | ", "Planet -- "
# (a dash between spaces: "Planet-based firms ..." is a headline)
_NAME_MARK = re.compile(r"\s*[|:•]\s*|\s+(?:--|[-–—])\s+")


def clean_outlet(outlet: str) -> str:
    """The outlet's name without a tagline after it."""
    outlet = " ".join(outlet.split())
    return _TAGLINE.sub("", outlet) or outlet


def without_outlet(title: str, outlet: str) -> str:
    """The title without the outlet's name before it ("Planet | news for you: Headline"),
    when a headline of a few words is left."""
    for name in dict.fromkeys([" ".join(outlet.split()), clean_outlet(outlet)]):
        mark = _NAME_MARK.match(title, len(name)) if name and title.startswith(name) else None
        if mark and len(title[mark.end():].split()) >= MIN_WORDS:
            return title[mark.end():]
    return title


def with_title(article: Article, rules: Rules | None = None) -> Article:
    """The article with a furniture-free title and outlet; a headline taken from the body
    leaves the body."""
    rules = rules or default_rules()
    outlet = article.outlet
    if outlet:
        article = replace(article, outlet=clean_outlet(outlet))
    if article.title:
        given = without_outlet(" ".join(article.title.split()), outlet)
        title = clean_title(given, rules) or _first_item(given, article.body, rules)
        if title:
            return replace(article, title=title)
    paragraphs, lead = _paragraphs_and_lead(article.body)
    # "Headline | Section": the line stands for the headline without the site's label
    shown = {i: _without_site(paragraphs[i]) for i in range(min(lead, LOOK_AHEAD))}
    candidates = [i for i in shown if is_headline(shown[i])
                  and not (i and _CUT_OFF.search(paragraphs[i - 1].strip()))]
    headlines = [i for n, i in enumerate(candidates)
                 if not (_KICKER.fullmatch(paragraphs[i]) and i + 1 in candidates[n + 1:])]
    # "Talks end-Agency" over "Talks end": the headline with the site's name glued on, then
    # the headline; the copy with the name is no title, and leaves the body with the other.
    # So does a shorter copy cut or mangled over the full headline.
    named = {i for i in headlines for j in headlines
             if i != j and _copy(shown[i].strip(), shown[j].strip(), above=i < j)}
    headlines = [i for i in headlines if i not in named]
    if len(headlines) > 1 and lead < len(paragraphs):
        # a headline tells its story in some of the opening's words; a section label or
        # the site's name above it shares none ("Off the wire" over "X, Y discuss trade")
        story = set(analyze(" ".join(paragraphs[lead:lead + STORY_PARAGRAPHS])))
        telling = [i for i in headlines if story.intersection(analyze(shown[i]))]
        # a trail of links glued together above ends on the page's own headline
        # ("Planet.comWorldMinisters agree ..."): that one first, before a sponsor's line
        # that shares a word with the story
        trail = [i for i in telling if any(_glued_on(paragraphs[n].strip(), shown[i].strip())
                                           for n in range(lead) if n != i)]
        headlines = trail + [i for i in telling if i not in trail] or headlines
    for i in headlines:
        # the headline leaves the body, and so does its copy above the lead (under a label)
        rest = [p for n, p in enumerate(paragraphs) if n != i and n not in named
                and not (n < lead and _without_site(p).strip() == shown[i].strip())]
        if any(p.strip() for p in rest):
            title = _unglued(shown[i].strip(), "\n\n".join(rest))
            return replace(article, title=title, body="\n\n".join(rest))
    words = paragraphs[lead if lead < len(paragraphs) else 0].split()
    opening = " ".join(words[:OPENING_WORDS]) + ("…" if len(words) > OPENING_WORDS else "")
    return replace(article, title=opening)


# A site's name glued after its headline by a dash: "-Agency", "–Planet News" (after a
# colon or a spaced dash, words in capitals go on with the headline: "G20 Summit: Leaders
# Agree Deal" over "G20 Summit")
_NAME_AFTER = re.compile(r"[-–—][A-Z][\w&.’'-]*(?: [A-Z][\w&.’'-]*){0,2}")


def _named_copy(line: str, headline: str) -> bool:
    """Whether the line is the headline with the site's name after it."""
    return line.startswith(headline) and bool(_NAME_AFTER.fullmatch(line[len(headline):]))


def _copy(line: str, other: str, above: bool) -> bool:
    """Whether the line is a copy of the other headline, no title: the other with the site's
    name glued on, or (above it) a shorter copy cut or mangled, unless the other is the
    line with a name glued on."""
    return _named_copy(line, other) or (above and _cut_copy(line, other)
                                        and not _named_copy(other, line))


COPY_SHARE = 0.7  # of a line's words in a longer headline under it: the line is its copy


def _cut_copy(line: str, headline: str) -> bool:
    """Whether the line is a shorter copy of the headline under it, cut or mangled as a
    page's address gives it ("Talks end in quotdealquot in" over "Talks end in a "deal" in
    Lima")."""
    words, full = re.findall(r"\w+", line.lower()), set(re.findall(r"\w+", headline.lower()))
    return len(full) > len(set(words)) and sum(w in full for w in words) >= COPY_SHARE * len(words)


# A section label glued onto the headline by the page's markup: "Trip to LimaMinisters
# Agree ..." (the label, then the headline's first word with no space between).
_GLUED_LABEL = re.compile(r"(?P<label>\S+(?:\s\S+){1,4}?[a-z])(?P<word>[A-Z][a-z]+)(?=\s)")


# ... and the next line's first short word glued after it: "Ministers Meet in LimaThe" (not a
# name in two capitals, "SpaceX", "PetroChina")
_GLUED_AFTER = re.compile(r"(?<=\s)(?P<word>[A-Z]?[a-z]+)(?P<next>[A-Z][a-z]{0,2})$")


def _unglued(title: str, body: str) -> str:
    """The headline without a label glued before it or a word glued after it. Both words
    the glue joins must stand on their own elsewhere in the article: "LimaMinisters" is
    glued, and "YouTube" or "MacBook" is one word. A word glued after it must open a
    paragraph of the article too."""
    def alone(*words: str) -> bool:
        return all(re.search(rf"\b{re.escape(w)}\b", body) for w in words)

    m = _GLUED_LABEL.match(title)
    if m:
        last = re.search(r"[\w’'-]+$", m["label"])
        headline = title[m.start("word"):]
        if last and len(headline.split()) >= MIN_WORDS and alone(last.group(), m["word"]):
            title = headline
    m = _GLUED_AFTER.search(title)
    if (m and len(title.split()) >= MIN_WORDS and alone(m["word"])
            and re.search(rf"(?m)^{re.escape(m['next'])} ", body)):
        title = title[:m.start("next")]
    return title


def _glued_on(line: str, headline: str) -> bool:
    """Whether the line ends on the headline glued to the word before it."""
    return (len(line) > len(headline) and line.endswith(headline)
            and line[-len(headline) - 1].isalpha())


def _paragraphs_and_lead(body: str) -> tuple[list[str], int]:
    """The body's paragraphs and where the story begins: the first that reads as a sentence
    of more than a label's words."""
    paragraphs = body.split("\n\n")
    lead = next((i for i, p in enumerate(paragraphs)
                 if reads_as_sentence(p) and len(p.split()) >= MIN_LEAD_WORDS), len(paragraphs))
    return paragraphs, lead


def _first_item(title: str, body: str, rules: Rules) -> str:
    """The first item of a roundup's headline, its items split by bars ("Letters: Talks
    stall | Dam opens | Tax dollars", which reads as page metadata as a whole), that tells
    its story in some of the opening's words; "" when none does (a site's name, a section's
    label: "Letters to the Editor | Letters: Talks stall | ...")."""
    if " | " not in title:
        return ""
    paragraphs, lead = _paragraphs_and_lead(body)
    story_words = set(analyze(" ".join(paragraphs[lead:lead + STORY_PARAGRAPHS])))
    for item in title.split(" | "):
        item = clean_title(item, rules) if len(item.split()) >= MIN_WORDS else ""
        if item and story_words.intersection(analyze(item)):
            return item
    return ""


# A date and an agency after a headline, on its line: "Talks end in Lima May 3, 2024 Agency"
# ("Accord signed on May 3, 2024 Lima" keeps its date: a word such as "on" leads to it)
_DATED = re.compile(r" (?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]{2,8},? \d{4})"
                    r" [A-Z][\w&.’'-]*(?: [A-Z][\w&.’'-]*){0,2}$")
_LEADS_TO_DATE = {"on", "by", "in", "at", "to", "for", "from", "till", "until", "since", "after",
                  "before"}


def _without_site(line: str) -> str:
    """The line without a site's name or section label after a bar ("Talks end |
    World"), or a date and an agency after it, when a headline's words are left; else
    the line."""
    text = " ".join(line.split())  # one space between words: the patterns end on a run of them
    site = _SITE_SUFFIX.search(text)
    if not (site and site.group().lstrip()[:1] in "|•"):
        site = _DATED.search(text)
    words = text[:site.start()].split() if site else []
    if len(words) >= MIN_WORDS and words[-1].lower() not in _LEADS_TO_DATE:
        return text[:site.start()]
    return line


def clean_title(title: str, rules: Rules | None = None) -> str:
    """A given title without furniture spans; "" when all of it is furniture."""
    title = " ".join(title.split())
    for _ in range(2):  # "Headline – Site – 05/03/2024"
        site = _SITE_SUFFIX.search(title)
        if not site or len(title[:site.start()].split()) < MIN_WORDS:
            break
        title = title[:site.start()]
    cleaned = clean_paragraphs([title], rules or default_rules())
    return cleaned[0] if len(cleaned) == 1 else ""


def is_headline(line: str) -> bool:
    """Shaped like a headline: a few words, no sentence end, nothing of page furniture."""
    text = line.strip()
    n = len(text.split())
    return (MIN_WORDS <= n <= MAX_WORDS and not reads_as_sentence(text)
            and not text.isupper() and not _CUT_OFF.search(text)
            and not any(p.search(text) for p in _NOT_HEADLINE))

