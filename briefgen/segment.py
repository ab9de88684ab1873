"""Split cleaned bodies into paragraphs and sentences, with no runtime download.

nupunkt (a Punkt model shipped inside the package) finds the boundaries; a
small repair pass then fixes what news text trips it on: a title or acronym
taken for a sentence end ("U.S. | Secretary"), a missed boundary, and a
headline fused into the next sentence with no punctuation at all.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

import nupunkt

from .model import Article, Sentence

# Titles never end a sentence; acronyms and initials rarely do.
_TITLES = (
    "Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Cmdr|Sgt|Adm|Prof|Rev|Hon|Amb"
    "|Pres|Sec|Supt|Insp|St|Mt|Ft|No|Nos|Vol|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|vs|etc"
    "|approx|Corp|Inc|Co|Ltd|Bros")
_TITLE = re.compile(rf"(?:^|[\s(])(?:{_TITLES})\.$")
_TITLED = frozenset(f"{title}." for title in _TITLES.split("|"))  # each ends in a small letter
_ACRONYM = re.compile(r"(?:^|[\s(‘“-])(?:[A-Z]\.){1,3}$")
# Words that begin sentences; used to tell "in the U.S. The talks" from "U.S. officials".
_STARTERS = (
    "The|A|An|But|And|However|Yet|Still|In|On|At|For|As|After|Before|While|When|If|It|He|She"
    "|They|We|I|This|That|These|Those|Both|Some|Many|Most|Its|His|Her|Their|Our|There|Meanwhile"
    "|Earlier|Later|Since|Despite|During|Although|Instead|Asked|According"
)
_STARTS_SENTENCE = re.compile(rf"[\"“‘(]?(?:{_STARTERS})\b")
# A boundary nupunkt missed: "... John F. Doe. President Roe said ..." (the gap is group
# 1; a closing quotation mark before it stays with its sentence). It opens on a
# character, not a lookbehind: the engine skips to the places where that character stands
# instead of trying every place.
_MISSED = re.compile(r"[.!?](?<=[a-z]{2}[.!?])[\"”’»]?(\s+)(?=[\"“«]?[A-Z])")
# A headline fused into the sentence after it, no punctuation between:
# "pledge to keep talking, signaling slight thaw The two men had ..."
# Found by its opening word, then checked to follow a gap after a small letter (see
# _fused): as a plain alternation of words, the engine skips to the capitals they begin
# with, far rarer than the spaces a pattern opening on the gap is tried at.
_FUSED_START = re.compile(rf"(?:{_STARTERS}) [a-z]")
# A headline's last word is no link word, and no verb that a clause follows: in
# '"But I have ...' and '"I know I can ...' the sentence goes on.
_NOT_BEFORE_FUSED = re.compile(
    r"\b(?:said|says|told|tells|wrote|reported|to|of|in|by|from|at|with|on|for|and|or|than"
    r"|that|about|into|over|under|against|between|whether|via|per|is|was|are|were|be"
    r"|but|yet|so|because|if|when|while|as|since|although|though|unless|until|where|which"
    r"|who|know|knew|think|thought|hope|hoped|believe|believed|feel|felt|mean|meant|expect"
    r"|expected|fear|feared|wish|understand|agree|agreed|insist|insisted|admit|admitted"
    r"|promise|promised|say|guess)$",
    re.I,
)
_TAIL = 16  # characters before a boundary that decide whether it is one
_WORD = re.compile(r"[\w’'-]+")


def split_paragraph(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of one paragraph, whitespace trimmed."""
    spans = [_trim(text, s, e) for s, e in _punkt_spans(text)]
    spans = _merge_false_breaks(text, [sp for sp in spans if sp[0] < sp[1]])
    return _split_at(text, spans, _missed_breaks(text, spans))


def _punkt_spans(text: str) -> list[tuple[int, int]]:
    """nupunkt's sentence spans, each reaching to the next one's start (as
    `sent_spans_with_text` gives them), without copying out every sentence's text."""
    if not text:
        return []
    starts = [start for start, _ in nupunkt.load("default").span_tokenize(text)]  # cached
    if not starts:
        return [(0, len(text))]
    return list(zip(starts, [*starts[1:], len(text)], strict=True))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _merge_false_breaks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged:
            tail = text[max(merged[-1][0], merged[-1][1] - _TAIL):merged[-1][1]]
            # a title's full stop follows a small letter, an initial's a capital; most
            # sentences end on a word that is neither (the spans end on no space)
            before = tail[-2:-1] if tail.endswith(".") else ""
            title = "a" <= before <= "z" and _ends_in_title(tail)
            acronym = "A" <= before <= "Z" and _ACRONYM.search(tail) \
                and not _STARTS_SENTENCE.match(text, start, end)
            if title or acronym:
                merged[-1] = (merged[-1][0], end)
                continue
        merged.append((start, end))
    return merged


def _ends_in_title(tail: str) -> bool:
    """`_TITLE.search(tail)` for a tail ending on a full stop: its last word, after a
    space or "(" (or the whole tail), is a title and the stop."""
    words = tail.rsplit(None, 1)
    return bool(words) and words[-1].rpartition("(")[2] in _TITLED


def _missed_breaks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Gaps (start, end) inside a sentence where it ends though nupunkt saw no boundary.
    A gap between two sentences is a boundary already: it is not looked at further."""
    starts = [start for start, _ in spans]
    cuts = []
    for m in _MISSED.finditer(text):
        start, end = m.span(1)
        if _inside(spans, starts, start, end) \
                and not _TITLE.search(text, max(0, start - _TAIL), start):
            cuts.append((start, end))
    for start, end in _fused(text):
        if _inside(spans, starts, start, end) \
                and not _NOT_BEFORE_FUSED.search(text, max(0, start - _TAIL), start):
            cuts.append((start, end))
    return sorted(cuts)


def _fused(text: str) -> list[tuple[int, int]]:
    """Gaps (start, end) between a small letter and a word that begins sentences: the whole
    run of whitespace."""
    gaps = []
    for m in _FUSED_START.finditer(text):
        start = end = m.start()
        while start and text[start - 1].isspace():  # what `\s` matches
            start -= 1
        if start < end and start and "a" <= text[start - 1] <= "z":
            gaps.append((start, end))
    return gaps


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether the gap lies inside one of the spans (sorted, apart), its edges excluded."""
    k = bisect_left(starts, start) - 1
    return k >= 0 and end < spans[k][1]


def _split_at(text: str, spans: list[tuple[int, int]],
              cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans cut at the gaps, each of which lies inside one of them (both sorted; gaps
    are runs of whitespace, so apart)."""
    if not cuts:
        return spans
    pieces = []
    k = 0
    for start, end in spans:
        at = start
        while k < len(cuts) and cuts[k][1] < end:  # the gaps inside this span
            pieces.append(_trim(text, at, cuts[k][0]))
            at = cuts[k][1]
            k += 1
        pieces.append(_trim(text, at, end))
    return [p for p in pieces if p[0] < p[1]]


def paragraph_spans(body: str) -> Iterable[tuple[int, int]]:
    """Spans of the blank-line-separated paragraphs of a cleaned body."""
    start = 0
    for m in re.finditer(r"\n\s*\n", body):
        yield start, m.start()
        start = m.end()
    yield start, len(body)


def segment(article: Article) -> list[Sentence]:
    sentences: list[Sentence] = []
    for p, (p_start, p_end) in enumerate(paragraph_spans(article.body)):
        for s, e in split_paragraph(article.body[p_start:p_end]):
            sentences.append(Sentence(
                text=article.body[p_start + s:p_start + e], article_id=article.id,
                paragraph=p, index=len(sentences), start=p_start + s, end=p_start + e,
            ))
    return sentences


def split_sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_paragraph(text)]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


class SumyTokenizer:
    """What sumy needs from a tokenizer, without NLTK's downloadable punkt data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))
