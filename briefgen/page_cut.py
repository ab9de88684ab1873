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

from .clause_heads import SUBORDINATE_OPENING, open_marks
from .clean import clean_paragraphs
from .furniture_rules import Rules
from .model import CUT_MARK, Article
from .segment import split_paragraph
from .vectors import ENGLISH_STOP_WORDS

# Fewer words rarely say enough to stand as a line (and related-story links and labels at
# a page's foot are short).
MIN_CUT_WORDS = 21
_SENTENCE_ENDS = (".", "!", "?", "…", ":", ";")
_CLOSING_MARKS = "\"'”’»)]"
# Mid-sentence, a small word in capitals ("photos of the year Through the lens", "Idea Be
# Prepared") is a headline run on: links to other stories at a page's foot, not its news.
# "The", "A" and "An" open names ("told The Associated Press"); "I" is always in capitals.
_NAME_OPENERS = frozenset({"the", "a", "an", "i"})
# A label ("Tags:", "More from the Times:", "You may also like:") opens a list, not news.
_LABEL = re.compile(r"^(?:\S+ ){0,7}?\S*:(?:\s|$)")
_SEPARATORS = ("|", "·", "•", "»")
MAX_COMMAS_PER_WORD = 0.2  # more is a list of tags or links
MAX_NAME_WORDS = 4  # the words in capitals a cut name may leave before the cut
_CLOSING_SINGLE = re.compile(r"’(?![a-z])")  # not an apostrophe ("it’s")


def _open_quotation(text: str) -> bool:
    return open_marks(text) or text.count("‘") > len(_CLOSING_SINGLE.findall(text))


def _runs_on_headlines(words: list[str]) -> bool:
    return any(word[:1].isupper() and word[1:].islower()
               and not before.endswith((".", ":", "!", "?", ";", "“", '"'))
               and word.lower() in ENGLISH_STOP_WORDS and word.lower() not in _NAME_OPENERS
               for before, word in pairwise(words))


def _without_trailing_name(text: str) -> str:
    """The text without the words in capitals that end it (at most MAX_NAME_WORDS), which
    may begin a name the cut split."""
    for _ in range(MAX_NAME_WORDS):
        head, _, last = text.rpartition(" ")
        if not head or not last[:1].isupper() or last[-1:] in ",;:":
            break
        text = head.rstrip()
    return text


def _reads_as_news(sentence: str, words: list[str]) -> bool:
    return (len(words) >= MIN_CUT_WORDS and not SUBORDINATE_OPENING.match(sentence)
            and not _LABEL.match(sentence) and not any(s in sentence for s in _SEPARATORS)
            and sentence.count(",") <= MAX_COMMAS_PER_WORD * len(words)
            and not _runs_on_headlines(words))


def with_cut_marked(article: Article, rules: Rules | None = None) -> Article:
    """The article, its body's last sentence trimmed visibly when the page cut it off.
    With `rules`, a trimmed sentence that the furniture rules would drop or change, were it
    complete, is left as it was."""
    body = article.body.rstrip()
    start = body.rfind("\n") + 1
    paragraph = body[start:]
    if not paragraph or paragraph.rstrip(_CLOSING_MARKS).endswith(_SENTENCE_ENDS):
        return article
    spans = split_paragraph(paragraph)
    if not spans:
        return article
    begin = spans[-1][0]
    words = paragraph[begin:].split()
    if not _reads_as_news(paragraph[begin:], words):
        return article
    kept, cut = paragraph.rsplit(maxsplit=1)  # it has many words
    if cut[:1].isupper():  # the cut may fall inside a name ("... on Indonesia AirAsia"): it goes
        kept = _without_trailing_name(kept)
    # cut inside a quotation (opened in this sentence or before): how it ends, and who
    # says it, are lost
    if _open_quotation(kept):
        return article
    complete = f"{kept[begin:]}."
    if rules is not None and clean_paragraphs([complete], rules) != [complete]:
        return article
    return replace(article, body=body[:start] + kept + CUT_MARK)
