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

from .candidates import MAX_WORDS
from .model import CUT_MARK, Sentence

MIN_HEAD_WORDS = 15  # a shorter opening rarely says who did what
_CLAUSE_AFTER = re.compile(r", (?:with|while|which|who|where|amid|as|after|despite|and|but)\b")
_OPENING_MARKS = "\"“‘'«"


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
    MIN_HEAD_WORDS stand before it, marked as cut; none when no quotation or parenthesis
    is closed there (who speaks, or what the aside says, is cut off) or the head is still
    too long."""
    if len(text.split()) <= MAX_WORDS or text[:1] in _OPENING_MARKS:
        return None
    for boundary in _CLAUSE_AFTER.finditer(text):
        head = text[:boundary.start() + 1]
        words = len(head.split())
        if words < MIN_HEAD_WORDS:
            continue
        if words > MAX_WORDS or not _closed(head):
            return None
        return head + CUT_MARK
    return None


def _closed(text: str) -> bool:
    return (text.count("“") == text.count("”") and text.count('"') % 2 == 0
            and text.count("«") == text.count("»") and text.count("(") == text.count(")")
            and "‘" not in text and "„" not in text)
