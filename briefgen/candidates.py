"""Which sentences may become brief items: complete, of sensible length, stating a fact
in the outlet's own words (headlines, fragments and quotations never are)."""

from __future__ import annotations

import re

from .model import Sentence

MIN_WORDS, MAX_WORDS = 6, 70
QUOTED_SHARE = 0.35  # a sentence more quoted than this is shown as a quote, not an item
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
# "As both sides agreed that ..." with no main clause after a comma: a fragment.
_DANGLING_CLAUSE = re.compile(r"^(?:As|Because|Although|Though|While|If|Since|Whereas)\b[^,;:]*$")


def is_candidate(sentence: Sentence) -> bool:
    """A complete sentence of sensible length that is not one piece of a split quote."""
    n = len(sentence.text.split())
    text = sentence.text
    balanced = text.count("“") == text.count("”") and text.count('"') % 2 == 0
    quoted = sum(len(q) for q in _QUOTED.findall(text))
    # a sentence that is largely a quotation is shown as a quote, with its speaker
    return (sentence.is_complete and MIN_WORDS <= n <= MAX_WORDS and balanced
            and quoted <= len(text) * QUOTED_SHARE and not _DANGLING_CLAUSE.match(text))
