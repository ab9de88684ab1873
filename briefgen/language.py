"""Whether a text is in a language the pipeline reads: its sentence splitter, stop words and
cues are English, so text in another script yields nothing and should be said to."""

from __future__ import annotations

SAMPLE = 20_000  # characters looked at: enough to tell the script, cheap on a long article
LATIN_END = "\u0250"  # Basic Latin to Latin Extended-B


def in_latin_script(text: str) -> bool:
    letters = [c for c in text[:SAMPLE] if c.isalpha()]
    return bool(letters) and sum(c < LATIN_END for c in letters) * 2 >= len(letters)
