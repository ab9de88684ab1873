"""Quotes exactly as printed, with speakers from the quote's own article.

A quote is the text between quotation marks, character for character: its
ellipses, dashes and punctuation stay as printed; only the comma that hands
over to the attribution ('"...," she said') is dropped. A quote the page cut
off, or one longer than `max_words`, is shortened at a word or sentence
boundary and ends in " ..." so the cut shows. It is kept only when its
paragraph says who spoke: '"...," Name said', 'Name said: "..."', "said
Name", a second quote after '"...," Name said.', a quotation standing alone
right after its speaker was named speaking, or "he"/"she" resolved to the
person last named as speaking in the sentences before. Speech whose marks
were lost ("We disagree, Doe said.") and reported speech ("Doe said the talks
would resume.", "Doe reaffirmed that ...", "..., according to Doe.") count
too; the latter is marked reported.

A speaker is a person or an institution that speaks ("the ministry",
"state broadcaster RTV"), never a place ("Strelsau said") or a document; "the
Ruritanian president" is the person that article gives that title. Names are
written in full as the quote's own article writes them ("Doe" -> "Jane
Doe"), and the role is the title that article attaches to that person's
own name. A quote that opens on a pronoun it cannot resolve ("This cannot
go on", reported "it would ...") is left out, and near-duplicates across
outlets are one quote, citing every article that prints the words shown.

Here the articles' quotes are fitted to length and given their roles; each article is read
by quote_reader (its quotation marks found by quote_spans, who spoke by quote_attribution),
and near-duplicates are merged by quote_merge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import Article, Quote, Sentence
from .parallel import MIN_ITEMS, beside
from .quote_found import CUT, FoundQuote
from .quote_merge import merge_quotes
from .quote_reader import ArticleReader
from .speakers import Names

# A quote that opens on a pronoun it does not resolve: "This cannot go on", "He is brave".
_PRONOUN_LED = re.compile(
    r"(?:(?:And|But|So|Yet)\s)?(?:(?:He|She|They|Them|His|Her|Him|Its|Their|These|Those)\b"
    r"|(?:It|This|That)(?:’s|'s|\s(?:is|was|will|would|can|could|cannot|can't|can’t|has|had"
    r"|have|are|were|means|does|did|may|might|must|should|shows|makes|seems|gives|not"
    r"|only|also|too)\b)|(?:It|This|That)$)", re.I)
# "It is essential to", "It was interesting to hear that": nothing to resolve.
# (its adverb may be any in -ly: "It's certainly hard to argue that")
_EXPLETIVE = re.compile(r"It(?:’s|'s|\sis|\swas|\swill\sbe|\swould\sbe)\s(?:(?:very|so|also|more"
                        r"|most|really|quite|extremely|too|not|absolutely|now|[a-z]+ly)\s)?"
                        r"(?!about|in\b|on\b|at\b|of\b|with\b|from\b|up\b|out\b|not\b)"
                        r"[a-z]+\s(?:that|to|for)\b")
# A reported clause may open on the speaker ("Doe said he would ..."), not on anything else
# ("And that's a big deal ..., according to the agency" is no more resolved after "And").
_REPORTED_PRONOUN = re.compile(
    r"(?:(?:and|so)\s)?(?!it\s(?:is|was|would\sbe|will\sbe)\s(?:\w+\s)?\w+\s(?:to|that)\b)"
    r"(?:it|its|they|them|their|this|that|these|those)\b", re.I)
# "But we deal with each other at face value": the other half of a claim left behind.
_CONTRAST_LED = re.compile(r"(?:But|Yet|However|Still|Instead|Nevertheless|Nonetheless)\b")
_DAMAGED = re.compile(r"\s\.\s")  # "we think in . old terms": an ellipsis lost in copying


def find_quotes(articles: Sequence[Article], sentences: Sequence[Sentence], min_words: int,
                max_words: int) -> list[Quote]:
    """Quotes in the articles; `sentences` are their sentences as segment() split them."""
    names = Names(articles)
    by_article: dict[str, list[Sentence]] = {}
    for s in sentences:
        by_article.setdefault(s.article_id, []).append(s)
    # Each article is read on its own (what the day says of names is fixed by now): on a
    # large day the earlier part is read on the other core. The child gives the roles of
    # the people it found quoted, so the roles below index few articles only it read.
    cut = _even_cut(articles, names)
    with beside(_read_earlier, articles[:cut], by_article, names, min_words, max_words,
                worth_it=len(articles) // 2 >= MIN_ITEMS) as earlier_part:
        later = _read_articles(articles[cut:], by_article, names, min_words, max_words)
        earlier, known_roles = earlier_part()
        found = earlier + later
    quotes = []
    for f in merge_quotes(found, {a.id: a.body for a in articles}):
        role = ""
        if f.kind == "person":
            for a in f.sources:  # the title attached to this speaker in the quote's own article
                known = known_roles.get((a, f.speaker))
                role = names.article(a).role_of(f.speaker) if known is None else known
                if role:
                    break
            role = role or f.role
        quotes.append(Quote(f.text, f.speaker, f.article_id, tuple(f.sources), role=role,
                            reported=f.reported))
    return quotes


UNINDEXED_COST = 1.4  # measured: an article is read that much slower per character when
# its names must be indexed first


def _even_cut(articles: Sequence[Article], names: Names) -> int:
    """Where to cut the articles into two parts that take about as long to read: reading
    takes time by the character, more for an article whose names are not indexed yet
    (the day's first ones are, when the day's names are learnt)."""
    costs = [len(a.body) * (1.0 if names.is_indexed(a.id) else UNINDEXED_COST)
             for a in articles]
    half, spent = sum(costs) / 2, 0.0
    for n, cost in enumerate(costs):
        if spent + cost / 2 > half:
            return n
        spent += cost
    return len(articles)


def _read_earlier(articles: Sequence[Article], by_article: dict[str, list[Sentence]],
                  names: Names, min_words: int, max_words: int
                  ) -> tuple[list[FoundQuote], dict[tuple[str, str], str]]:
    """_read_articles, and the title each person quoted is given in their own article,
    by (article, speaker). Read in a child, the part's articles have their names
    indexed and looked up there; the parent, waiting, would index or look them up again
    only to give the quotes it keeps their roles (the same: an article's names are read
    alike in either process)."""
    found = _read_articles(articles, by_article, names, min_words, max_words)
    roles = {(f.article_id, f.speaker): names.article(f.article_id).role_of(f.speaker)
             for f in found if f.kind == "person"}
    return found, roles


def _read_articles(articles: Sequence[Article], by_article: dict[str, list[Sentence]],
                   names: Names, min_words: int, max_words: int) -> list[FoundQuote]:
    found: list[FoundQuote] = []
    for article in articles:
        reader = ArticleReader(article, by_article.get(article.id, []), names)
        found += [f for f in reader.read() if _fit(f, min_words, max_words)]
    return found


def _fit(f: FoundQuote, min_words: int, max_words: int) -> FoundQuote | None:
    """The quote shortened to `max_words` at a sentence end (marked), if it is long; None if
    it is too short, opens on a pronoun it does not resolve, or its text is damaged."""
    text = f.text
    if _DAMAGED.search(text) or not text:
        return None
    if _CONTRAST_LED.match(text):  # quoted or reported, the other half of a claim is missing
        return None
    if f.reported:
        if _REPORTED_PRONOUN.match(text):
            return None
    elif _PRONOUN_LED.match(text) and not _EXPLETIVE.match(text):
        return None
    n = len(text.split())
    if n > max_words:
        cut = _sentence_cut(text, max_words)
        if not cut:
            return None
        f.text = text = cut
        n = len(text.split()) - 1
    elif text.endswith(CUT):
        n -= 1
    return f if n >= min_words else None


def _sentence_cut(text: str, max_words: int) -> str:
    """The longest run of whole sentences of `text` within max_words, marked as cut."""
    ends = [m.end() for m in re.finditer(r"[.!?…](?=\s+[“\"‘A-Z])", text)]
    kept = [e for e in ends if len(text[:e].split()) <= max_words]
    return text[:kept[-1]] + CUT if kept else ""
