"""Where a paragraph quotes: the text between its quotation marks, as printed, and how a
quotation stands among the paragraph's sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .quote_found import CUT

_MARK = re.compile(r"[\"“”]")
_CURLY_DOUBLE = re.compile("[“”]")
_WHOLE_SENTENCE_END = re.compile(r"[.!?…][)’'”\"]?$")  # what it matches ends there
_ATTRIBUTION_ONLY = re.compile(r"[^.!?“”\"]{0,100}[.!?]?\s*|\s*")
_ENDS_SENTENCE = re.compile(r"[.!?…][”\"’]?\s+$")
# a single mark closed, then a space, before the double one: "... ‘no more,’ ”"
_NESTED_CLOSE = re.compile(r"[’']\s")
_STARTS_SENTENCE = re.compile(r"[.!?]?(?:\s+[“\"‘A-Z(]|\s*$)")


@dataclass
class Span:
    """Text between quotation marks in a paragraph (offsets into the paragraph)."""

    open: int
    close: int  # index of the closing mark, or len(paragraph) when the quote is not closed
    closed: bool

    @property
    def end(self) -> int:
        return self.close + 1 if self.closed else self.close


def quotation_spans(para: str) -> list[Span]:
    """Quotations of a paragraph: an opening mark (after a space, a bracket or a dash, before a
    letter) up to the next closing mark; a last one left open runs to the paragraph's end."""
    out: list[Span] = []
    opened = -1
    for mark in _MARK.finditer(para):
        i, c = mark.start(), mark.group()
        prev = para[i - 1] if i else " "
        nxt = para[i + 1] if i + 1 < len(para) else " "
        # a mark between a sentence's end and the next one's capital, no space either side
        # ('... Kaine."So we ...', '... now.”The'): it closes an open quotation, else opens one
        glued = prev in ".!?" and nxt.isupper()
        # (a curly mark says which it is, even set apart by a space: '“ I love it.”',
        # '... and continue to see ” Doe said')
        can_open = (prev.isspace() or prev in "([—–-:" or glued) and (
            not nxt.isspace() or c == "“")
        can_close = (not prev.isspace() or c == "”" or _NESTED_CLOSE.match(para, max(0, i - 2))
                     ) and (nxt.isspace() or nxt in ",.;:!?)]—–-’'…" or glued)
        if opened < 0 and can_open and (c != "”" or _after_colon(para, i)):
            opened = i
        elif opened >= 0 and can_close and c != "“" and not (
                c == '"' and para[opened] == "“" and _next_curly(para, i) == "”"):
            # (a straight pair inside curly marks, “... say "no" twice ...”, is the quote's
            # own; “The visit speaks," he said. “The ...” is closed by its straight mark)
            if i - opened > 8:
                out.append(Span(opened, i, True))
            opened = -1
        elif opened >= 0 and can_open and (c == "“" or (c == '"' == para[opened]
                                                        and not can_close)):
            # an opening mark left unclosed: start again here ('said the "talks were
            # useful. Doe told reporters: "We ...' is no quote of the narration between)
            opened = i
    if opened >= 0 and len(para) - opened > 8:
        out.append(Span(opened, len(para), False))
    if "‘" in para:
        out = sorted(out + _single_spans(para, out), key=lambda sp: sp.open)
    return out


def _after_colon(para: str, i: int) -> bool:
    """Does a colon end the text before position i, spaces aside? (Looked back to it, not
    by stripping all the text before: a paragraph of many marks stays linear.)"""
    while i and para[i - 1].isspace():
        i -= 1
    return i > 0 and para[i - 1] == ":"


def _next_curly(para: str, i: int) -> str:
    """The next curly double mark after position i ("" when none follows)."""
    m = _CURLY_DOUBLE.search(para, i + 1)
    return m.group() if m else ""


def _single_spans(para: str, double: list[Span]) -> list[Span]:
    """Quotations in single marks (‘...’), outside double ones. A closing ’ is also an
    apostrophe ("don’t", "the leaders’ talks"), so it closes only after punctuation
    ("...,’") or before it ("...’,"); a quotation never closed is not taken."""
    out: list[Span] = []
    for m in re.finditer("‘", para):
        i = m.start()
        prev = para[i - 1] if i else " "
        if not (prev.isspace() or prev in "([—–-:") or i + 1 >= len(para) or \
                para[i + 1].isspace() or any(sp.open <= i < sp.end for sp in double + out):
            continue
        for c in re.finditer("’", para[i + 1:]):
            j = i + 1 + c.start()
            if para[i + 1:j].count("‘"):
                break
            nxt = para[j + 1] if j + 1 < len(para) else " "
            if para[j - 1] in ",.!?…" or (not para[j - 1].isspace() and nxt in ",.;:!?)"):
                if j - i > 8:
                    out.append(Span(i, j, True))
                break
    return out


def quote_text(para: str, span: Span) -> str:
    """The quotation as printed: whitespace trimmed, the comma handing over to the attribution
    dropped; a quotation the page cut off mid-sentence loses its broken last word and shows
    the cut."""
    text = para[span.open + 1:span.close].strip()
    if span.closed:
        return text.rstrip(",").rstrip()
    if _WHOLE_SENTENCE_END.search(text, len(text) - 3):
        return text  # a quotation that goes on in the next paragraph: this part is whole
    words = text.split()
    if len(words) < 2:
        return ""
    kept = " ".join(words[:-1]).rstrip(",;:—–-").rstrip()
    return kept + CUT


def stands_alone(para: str, span: Span) -> bool:
    """Is the quotation a sentence of its own: nothing of its sentence outside the marks?"""
    text_end = span.open  # where the text before the quotation ends, spaces left out
    while text_end and para[text_end - 1].isspace():
        text_end -= 1
    # (a sentence's end before it is its last mark or two: only they are searched, not the
    # paragraph up to there for each quotation)
    starts = not text_end or _ENDS_SENTENCE.search(para, max(0, text_end - 2), span.open)
    ends = _STARTS_SENTENCE.match(para, span.end)
    return bool(starts and ends)


def only_attribution(between: str) -> bool:
    """Is the text between two quotations just the rest of the first one's attribution
    ('" Doe said in Paris. "')?"""
    return bool(_ATTRIBUTION_ONLY.fullmatch(between))
