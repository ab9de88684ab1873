"""Which sentences may become brief items: complete, of sensible length, and saying who
speaks when they quote (headlines, fragments and bare quotations never are)."""

from __future__ import annotations

import re

from .model import Sentence

MIN_WORDS, MAX_WORDS = 6, 50  # a brief's line is read at a glance
QUOTED_SHARE = 0.35  # a sentence quoted more than this must name its speaker itself
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_SPEECH = re.compile(r"\b(?:said|says|told|tells|added|stated|noted|declared|stressed|warned"
                     r"|according to|wrote|urged|called)\b")
# An editor's insertion, "(the two countries - Ed.)", is the page's aside, not the sentence.
_EDITOR_NOTE = re.compile(r"[(\[][^)\]]{0,80}\b(?:Ed|Eds|Editor)\.?\s*[)\]]")
# "As both sides agreed that ..." with no main clause after a comma: a fragment.
_DANGLING_CLAUSE = re.compile(r"^(?:As|Because|Although|Though|While|If|Since|Whereas)\b[^,;:]*$")
# "We have no illusions ...": someone speaks, and only the sentences around it say who.
_FIRST_PERSON = re.compile(r"^[\"“‘']?(?:I|We|Our|My|Us)\b")


def is_candidate(sentence: Sentence) -> bool:
    """A complete sentence of sensible length, not one piece of a split quote, and not
    a quotation whose speaker only the sentence before names."""
    n = len(sentence.text.split())
    text = sentence.text
    balanced = text.count("“") == text.count("”") and text.count('"') % 2 == 0
    quoted = sum(len(q) for q in _QUOTED.findall(text))
    attributed = (quoted <= len(text) * QUOTED_SHARE and not _FIRST_PERSON.match(text)) \
        or _SPEECH.search(_QUOTED.sub("", text))
    return (sentence.is_complete and MIN_WORDS <= n <= MAX_WORDS and balanced
            and bool(attributed) and not _DANGLING_CLAUSE.match(text)
            and not _EDITOR_NOTE.search(text))
