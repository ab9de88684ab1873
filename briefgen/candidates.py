"""Which sentences may become brief items: complete, of sensible length, and saying who
speaks when they quote (headlines, fragments and bare quotations never are)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from .clean import in_title_case
from .model import Sentence, reads_complete
from .vectors import per_block

MIN_WORDS, MAX_WORDS = 6, 50  # a brief's line is read at a glance
QUOTED_SHARE = 0.35  # a sentence quoted more than this must name its speaker itself
_QUOTED = re.compile(r"[\"“«][^\"“”«»]*[\"”»]")
_SPEECH = re.compile(r"\b(?:said|says|told|tells|added|stated|noted|declared|stressed|warned"
                     r"|according to|wrote|urged|called)\b")
# An editor's insertion, "(the two countries - Ed.)", is the page's aside, not the sentence.
_EDITOR_NOTE = re.compile(r"[(\[][^)\]]{0,80}\b(?:Ed|Eds|Editor)\.?\s*[)\]]")
# "As both sides agreed that ...", "In stating that ...": an opening clause with no main
# clause after a comma, a fragment.
_DANGLING_CLAUSE = re.compile(
    r"^(?:(?:As|Because|Although|Though|While|If|Since|Whereas)\b"
    r"|(?:In|By|On|After|Before|While|When|Upon|Despite|Without) \w+ing\b)[^,;:]*$")
# "Here are the key statements made after the talks.": a signpost to what follows, no fact.
_SIGNPOST = re.compile(r"^(?:Here (?:are|is)|Here[’']s|Below (?:are|is))\b")
# "We have no illusions ...": someone speaks, and only the sentences around it say who.
_FIRST_PERSON = re.compile(r"^[\"“‘'«]?(?:I|We|Our|My|Us)\b")


def is_candidate(sentence: Sentence) -> bool:
    """A complete sentence of sensible length, not one piece of a split quote, and not
    a quotation whose speaker only the sentence before names."""
    return is_candidate_text(sentence.text)


def is_candidate_text(text: str) -> bool:
    """`is_candidate` of a sentence printing `text`: the verdict is the text's alone, so
    a text that wire copies print many times is judged once."""
    return _judged(text, _word_count(text))


def candidate_texts(texts: Sequence[str], stray: frozenset[str] = frozenset()) -> list[bool]:
    """`is_candidate_text` of each text, their words counted together (`_word_counts`);
    in the texts of `stray` (`stray_marked`) one opening quotation mark is a slip."""
    return list(map(_judged, texts, _word_counts(texts), (t in stray for t in texts)))


def _judged(text: str, words: int, stray: bool = False) -> bool:
    """`is_candidate_text(text)`, given the text's `_word_count`."""
    if not reads_complete(text) or not MIN_WORDS <= words <= MAX_WORDS:
        return False
    # most sentences quote no one: then they are balanced, and only who speaks is asked
    if '"' in text or "“" in text or "”" in text or "«" in text or "»" in text:
        if not _quoting_right(text, stray):
            return False
    elif _FIRST_PERSON.match(text) and not _SPEECH.search(text):
        return False
    # in_title_case: a headline with a full stop ("Summit Ends With a Joint Declaration.")
    return not (_DANGLING_CLAUSE.match(text) or _SIGNPOST.match(text)
                or (("(" in text or "[" in text) and _EDITOR_NOTE.search(text))
                or in_title_case(text))


def _word_count(text: str) -> int:
    """len(text.split()), counted without splitting where the only space is " " (every
    other is unprintable), single, and neither first nor last."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " " \
            and text:
        return text.count(" ") + 1
    return len(text.split())


# Whitespace past ASCII, as str.split() splits at it (a test holds the list whole), and
# per byte of UTF-8 0 for whitespace of ASCII's, else 1.
SPACES_PAST_ASCII = "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009" \
    "\u200a\u2028\u2029\u202f\u205f\u3000"
_WORDY = bytes(0 if chr(c).isspace() else 1 for c in range(128)) + bytes([1]) * 128
# each of those in UTF-8 (two or three bytes) as a number of three bytes, a third 0 for two
_SPACE_CODES = np.array([int.from_bytes(c.encode().ljust(3, b"\0"), "big")
                         for c in SPACES_PAST_ASCII])


def _word_counts(texts: Sequence[str]) -> list[int]:
    """`_word_count` of each text, a few thousand at once: a word starts at each byte of
    their UTF-8 that is no whitespace after one that is, found by numpy; a text with
    whitespace past ASCII (rare) is counted alone. Some twice as fast as one at a time."""
    return per_block(_counted_together, texts)


def _counted_together(texts: Sequence[str]) -> list[int]:
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1 or not joined:  # a line feed in a text, or none
        return list(map(_word_count, texts))
    data = joined.encode("utf-8", "surrogatepass")
    code = np.frombuffer(data, dtype=np.uint8)
    parts = np.flatnonzero(code == 10)  # where one text ends and the next begins
    wordy = np.frombuffer(data.translate(_WORDY), dtype=np.bool_)
    starts = np.flatnonzero(wordy[1:] & ~wordy[:-1])  # each a word's first byte, less one
    counts = np.diff(np.searchsorted(starts, parts), prepend=0, append=len(starts))
    counts[0] += wordy[0]  # a word at the very start
    words = counts.tolist()
    leads = np.flatnonzero(code >= 0xC2)  # the first bytes of characters of two or more
    if len(leads):
        first = code[leads].astype(np.int32)  # a byte follows each, two one of 0xE0 or more
        third = np.where(first >= 0xE0, code[np.minimum(leads + 2, len(code) - 1)], 0)
        spaces = np.isin(first << 16 | code[leads + 1].astype(np.int32) << 8 | third,
                         _SPACE_CODES)
        for i in np.unique(np.searchsorted(parts, leads[spaces])).tolist():
            words[i] = _word_count(texts[i])
    return words


def _quoting_right(text: str, stray: bool = False) -> bool:
    """Its quotation marks pair up (but for a `stray` one that opens and never closes),
    and a sentence mostly quoted names its speaker."""
    unclosed = (text.count("“") - text.count("”"), text.count("«") - text.count("»"),
                text.count('"') % 2)
    if unclosed != (0, 0, 0) and not (stray and sorted(unclosed) == [0, 0, 1]):
        return False
    quoted = sum(len(q) for q in _QUOTED.findall(text))
    return (quoted <= len(text) * QUOTED_SHARE and not _FIRST_PERSON.match(text)) \
        or bool(_SPEECH.search(_QUOTED.sub("", text)))


# A short sentence that only goes on about the one before: "They lasted about three hours."
_FOLLOW_UP_OPENING = r"(?:They|It|The talks|The meeting)\b"
_FOLLOW_UP = re.compile("^" + _FOLLOW_UP_OPENING)
FOLLOW_UP_WORDS = 8
# Such a sentence joined to the end of a line (`spanning`), found in the line's last
# FOLLOW_UP_REACH characters (more than FOLLOW_UP_WORDS words take).
JOINED_FOLLOW_UP = re.compile(r"[.!?][”\"’]? " + _FOLLOW_UP_OPENING + r"[^.!?]*[.!?]$")
FOLLOW_UP_REACH = 100
SPAN_SENTENCES = 4  # a quotation running over more sentences than this is a speech, not a line


def _may_open_quotes(text: str) -> bool:
    """Whether `_open_quotes(text)` may be above 0: not without a mark that opens. Three
    looks for a character are a third of the time of the five counts, on most sentences."""
    return "“" in text or "«" in text or '"' in text


def _open_quotes(text: str) -> int:
    return text.count("“") + text.count("«") - text.count("”") - text.count("»") \
        + text.count('"') % 2


def spanning(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences, each followed by the longer ones that begin with it and read as one
    line: a quotation that runs over several sentences, whole ("“... an hour and a half.
    It was ...,” he said."), and a sentence with the short one that only goes on about it
    ("They met on Tuesday. They lasted about three hours."). Texts stay as printed,
    sentences joined by one space; the parts stay candidates of their own."""
    out: list[Sentence] = []
    for n, first in enumerate(sentences):
        out.append(first)
        run = [first]
        if _may_open_quotes(first.text) and _open_quotes(first.text) > 0:
            for nxt in sentences[n + 1:n + SPAN_SENTENCES]:
                if nxt.article_id != first.article_id or nxt.paragraph != first.paragraph:
                    break
                run.append(nxt)
                if _open_quotes(" ".join(s.text for s in run)) == 0:
                    out.append(_joined(run))
                    break
        elif n + 1 < len(sentences):
            nxt = sentences[n + 1]
            if (nxt.article_id == first.article_id and nxt.paragraph == first.paragraph
                    and _FOLLOW_UP.match(nxt.text) and len(nxt.text.split()) <= FOLLOW_UP_WORDS):
                out.append(_joined([first, nxt]))
    return out


def stray_marked(sentences: Sequence[Sentence]) -> frozenset[str]:
    """The texts of sentences whose one unclosed opening quotation mark is a slip of the
    page ("... described as frank and “finally lasted an hour."): nothing after it in its
    paragraph closes it, and the next paragraph does not carry the quotation on (a
    quotation running over paragraphs opens each with a mark, and closes only the last)."""
    out = set()
    for n, first in enumerate(sentences):
        if not _may_open_quotes(first.text) or not _opens_one_inside(first.text):
            continue
        rest = n + 1
        while rest < len(sentences) and sentences[rest].paragraph == first.paragraph \
                and sentences[rest].article_id == first.article_id:
            rest += 1
        if _open_quotes(" ".join(s.text for s in sentences[n:rest])) != 1:
            continue  # closed later in the paragraph: a quotation, spanned as one
        after = sentences[rest] if rest < len(sentences) else None
        if after is None or after.article_id != first.article_id \
                or after.text[:1] not in OPENING_MARKS:
            out.add(first.text)
    return frozenset(out)


OPENING_MARKS = frozenset('“"«‘\'')  # that open a quotation


def _opens_one_inside(text: str) -> bool:
    """One quotation mark opens and does not close, after a space inside the sentence: a
    sentence opening on a mark is a quotation's start, and a straight mark at a word's end
    closes one begun before."""
    if _open_quotes(text) != 1:
        return False
    at = max(text.rfind("“"), text.rfind("«"), text.rfind('"'))
    return 0 < at < len(text) - 1 and text[at - 1] == " " and not text[at + 1].isspace()


def _joined(run: list[Sentence]) -> Sentence:
    return replace(run[0], text=" ".join(s.text for s in run), end=run[-1].end)
