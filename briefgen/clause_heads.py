"""A sentence too long for a line, shown up to the end of its first clause, visibly trimmed.

Agency copy runs long: "The president's first trip to the region in four years is set to
be dominated by the border dispute, with an aide telling reporters he would stand firm
in talks that ...". Past `MAX_WORDS` such a sentence is no line, yet its opening clause
says what it is about. The sentence up to the comma before a clause that only adds to it
(", with", ", which", ", who", ", and" ...) becomes a line of its own, " ..." marking
the cut: word for word as far as it goes. The whole sentence stays as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .candidates import MAX_WORDS, OPENING_MARKS
from .model import CUT_MARK, Sentence

MIN_HEAD_WORDS = 15  # a shorter opening rarely says who did what
# (not ", but": what follows may take back what came before)
_CLAUSE_AFTER = re.compile(r", (?:with|while|which|who|where|amid|as|after|despite|and)\b")
# A sentence that opens on a clause of its own ("While the one side said ..., the other
# described it as", "Although they had agreed ..., the deal collapsed") keeps its point
# for its main clause, which a cut may take.
SUBORDINATE_OPENING = re.compile(
    r"[\"“‘]?(?:(?:But|And|Yet) )?(?:[Ee]ven )?(?:While|Whereas|Although|Though|As|Because|If"
    r"|When|Whenever|Since|Unless|Until|After|Before|Once|if|though|when|while|as)\b")
# Who says it or whence it comes, told after the cut: without it a claim reads as fact
# ("The minister took bribes ..., prosecutors alleged").
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|tells|added|stated|noted|wrote|reported|announced|insisted|warned"
    r"|alleged|alleges|claimed|claims|accused|according to|quoted)\b")
# The comma ends a short item of a list, a date, an age or a place ("Russia, Belarus, Iran,",
# "May 5, 2023,", "Doe, 45,"): the cut falls inside a phrase.
_SHORT_ITEM = re.compile(r",\s+\S+(?:\s+\S+){0,2},$")


def with_heads(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences, each too long for a line followed by its `head`, when it has one."""
    out: list[Sentence] = []
    for sentence in sentences:
        out.append(sentence)
        if sentence.text.count(" ") >= MAX_WORDS:  # quick: most sentences are shorter
            head = _head(sentence.text)
            if head:
                out.append(replace(sentence, text=head))
    return out


def _head(text: str) -> str | None:
    """The text up to the first comma before a clause that only adds to it, once at least
    MIN_HEAD_WORDS stand before it, marked as cut; none where the cut would lose what the
    sentence says (its main clause, who says it, the rest of a list, a quotation or aside
    open there) or the head is still too long."""
    if len(text.split()) <= MAX_WORDS or text[:1] in OPENING_MARKS \
            or SUBORDINATE_OPENING.match(text):
        return None
    for boundary in _CLAUSE_AFTER.finditer(text):
        head = text[:boundary.start() + 1]
        words = len(head.split())
        if words < MIN_HEAD_WORDS:
            continue
        if words > MAX_WORDS or not _closed(head) or _SHORT_ITEM.search(head) \
                or (_ATTRIBUTION.search(text, len(head)) and not _ATTRIBUTION.search(head)):
            return None
        return head + CUT_MARK
    return None


def open_marks(text: str) -> bool:
    """Whether a double quotation mark, guillemet, low mark („) or parenthesis is open at the
    text's end: a cut there loses how the quotation or aside ends (and `page_cut`'s too)."""
    return (text.count("“") != text.count("”") or text.count('"') % 2 == 1
            or text.count("«") != text.count("»") or "„" in text
            or text.count("(") != text.count(")"))


def _closed(text: str) -> bool:
    """No quotation, parenthesis, bracket or aside between dashes open at the text's end."""
    return (not open_marks(text) and text.count("[") == text.count("]") and "‘" not in text
            and " '" not in text and (text.count(" — ") + text.count(" -- ")) % 2 == 0)
