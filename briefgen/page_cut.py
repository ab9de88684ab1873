"""A page cut off mid-sentence: its last sentence shown up to the cut, visibly trimmed.

Pages saved or fetched in part (a paywall, a teaser, a feed's first lines) end
in the middle of a sentence: "... and to add direct flights between the two
capitals in an". Such a sentence is no candidate as printed, yet it may say
what no other sentence does. Its last word may be cut too, so it is dropped,
and " ..." marks the cut: the line reads word for word as far as it goes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from .model import Article
from .segment import split_paragraph
from .vectors import ENGLISH_STOP_WORDS

# A shorter fragment rarely says enough to stand as a line (and related-story links and
# labels at a page's foot are short).
MIN_CUT_WORDS = 20
CUT_MARK = " ..."
_LAST_WORD = re.compile(r"\s+\S+$")
# A sentence that opens on a clause of its own ("While the one side said ..., the other
# described it as") keeps its point for its main clause, which the cut may have taken.
_SUBORDINATE_OPENING = re.compile(
    r"[\"“‘]?(?:While|Whereas|Although|Though|As|Because|If|When|Whenever|Since|Unless|Until"
    r"|After|Before|Once)\b")
_CLOSERS = "\"'”’»)]"
_ENDS = (".", "!", "?", "…", ":", ";")
# Mid-sentence, a small word in capitals ("photos of 2014 Through the lens", "Idea Be
# Prepared") is a headline run on: links to other stories at a page's foot, not its news.
# ("The" and "A" open names: "told The Associated Press".)
_NAME_OPENERS = frozenset({"the", "a", "an", "i"})


def _open_quotation(text: str) -> bool:
    return text.count("“") != text.count("”") or text.count('"') % 2 == 1 \
        or text.count("«") != text.count("»")


def _headlines(words: list[str]) -> bool:
    return any(word[:1].isupper() and not before.endswith((".", ":", "!", "?", ";", "“", '"'))
               and word.lower() in ENGLISH_STOP_WORDS and word.lower() not in _NAME_OPENERS
               for before, word in pairwise(words))


def with_cut_marked(article: Article) -> Article:
    """The article, its body's last sentence trimmed visibly when the page cut it off."""
    body = article.body.rstrip()
    start = body.rfind("\n") + 1
    paragraph = body[start:]
    if not paragraph or paragraph.rstrip(_CLOSERS).endswith(_ENDS):
        return article
    spans = split_paragraph(paragraph)
    if not spans:
        return article
    begin = spans[-1][0]
    words = paragraph[begin:].split()
    if len(words) <= MIN_CUT_WORDS or _headlines(words) \
            or _SUBORDINATE_OPENING.match(paragraph, begin):
        return article
    kept = paragraph[:_LAST_WORD.search(paragraph).start()]  # it has many words
    # cut inside a quotation: how it ends, and who says it, are lost
    if _open_quotation(kept[begin:]):
        return article
    return replace(article, body=body[:start] + kept + CUT_MARK)
