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
# Sentences a page glued together without a space ("... the Indian people.Putin also noted
# ..."): a stop after a word of small letters, a capitalised word right after it. The text
# stays as printed; the boundary is a gap of no width.
_GLUED = re.compile(r"[.!?](?<=[a-z]{3}[.!?])(?=[A-Z][a-z])")
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
_ENDS = re.compile(r"[.!?\u2026]")  # where nupunkt looks for sentence ends
_PUNKT = nupunkt.load("default")  # cached by nupunkt
_PARAMETERS = _PUNKT.parameters
# words whose full stop nupunkt weighs: abbreviations, and the first words of collocations
_ABBREVIATIONS = frozenset(_PARAMETERS.abbrev_types)
_WEIGHED = _ABBREVIATIONS | {first for first, _ in _PARAMETERS.collocations}
_PLAIN_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")  # no initial, number or abbreviation's stops
_ABBREVIATION = re.compile(r"[A-Za-z]+(?:\.[A-Za-z]+)*")  # "Mr", "U.S", "e.g": a stop follows
_CLOSERS = "”’\""
_BLANK_LINE = re.compile(r"\n\s*\n")  # between paragraphs
_UNSURE = -1
_NO_BREAK = 0  # a sure end that starts no sentence: none, or none after it


def split_paragraph(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of one paragraph, whitespace trimmed."""
    spans = [_trim(text, s, e) for s, e in _punkt_spans(text)]
    spans = _merge_false_breaks(text, [sp for sp in spans if sp[0] < sp[1]])
    return _split_at(text, spans, _missed_breaks(text, spans))


def _punkt_spans(text: str) -> list[tuple[int, int]]:
    """nupunkt's sentence spans, each reaching to the next one's start (as
    `sent_spans_with_text` gives them), without copying out every sentence's text.

    Most full stops in news end a plain word before a space and a capital: nupunkt breaks
    there whatever else the text holds, as the next sentence starts right after. The text
    is cut at such breaks into pieces, and nupunkt reads only the pieces that hold an end
    it must weigh ("U.S.", "Mr.", "!", an ellipsis...); it reads each as it would the whole
    (see `_cut_at`)."""
    if not text:
        return []
    starts: list[int] = []
    piece, plain, unsure = 0, [0], False  # the current piece, its sure starts, an end to weigh
    for m in _ENDS.finditer(text):
        after = _sure_end(text, m.start()) if m.group() == "." else _UNSURE
        if after == _UNSURE:
            unsure = True
        elif after > 0:  # a break, and a sentence starting there
            if _cut_at(text, after):
                starts += _punkt_starts(text, piece, after) if unsure else plain
                piece, plain, unsure = after, [after], False
            else:
                plain.append(after)
    starts += _punkt_starts(text, piece, len(text)) if unsure else plain
    if not starts:
        return [(0, len(text))]
    return list(zip(starts, [*starts[1:], len(text)], strict=True))


def _sure_end(text: str, i: int) -> int:
    """What nupunkt makes of the full stop at text[i] when that does not depend on its
    trained weighing: where the sentence after it starts; _NO_BREAK when it is no break,
    or one that no sentence follows; _UNSURE otherwise.
    Sure: a stop followed by a letter or a digit (no candidate: "U.S", "3.5"), or by
    nothing but spaces; one after closing quotation marks before a small letter (the
    quotation goes on), or after an abbreviation before one ("the U.S. side"); or one
    ending a plain word of two letters or more (no initial or abbreviation, no
    collocation's first word, not opening its line: no list number) before spaces, perhaps
    after closing marks: nupunkt breaks there before a capital, a digit, an opening mark,
    or (with no closing mark) a small letter."""
    n = len(text)
    k = i + 1
    if k == n or (text[k].isascii() and text[k].isalnum()):
        return _NO_BREAK
    while k < n and text[k] in _CLOSERS:
        k += 1
    closed = k > i + 1
    gap = k
    while k < n and text[k] == " ":
        k += 1
    if k == n:
        return _NO_BREAK
    c = text[k]
    small = c.isascii() and c.islower()
    if closed and small:
        return _NO_BREAK
    if k == gap:
        return _UNSURE
    j = text.rfind(" ", 0, i) + 1
    word = text[j:i]
    if small and _ABBREVIATION.fullmatch(word) and _is_abbreviation(word.lower()):
        return _NO_BREAK
    if not j or len(word) < 2 or not _PLAIN_WORD.fullmatch(word) or word.lower() in _WEIGHED \
            or _opens_line(text, j):
        return _UNSURE
    return k if small or (c.isascii() and c.isalnum()) or c in "“‘" else _UNSURE


def _opens_line(text: str, j: int) -> bool:
    """Whether only spaces stand between the start of text[j]'s line and it. Most often
    what stands two before it, past the space before it, is no space: then it does not,
    told without copying the line up to it."""
    if j >= 2 and text[j - 1] == " " and not text[j - 2].isspace():
        return False
    return not text[text.rfind("\n", 0, j) + 1:j].strip()


def _is_abbreviation(word: str) -> bool:
    """Whether nupunkt takes a word of letters and stops (small) before a full stop for an
    abbreviation (nupunkt.core.base.is_abbreviation, for such a word)."""
    return word in _ABBREVIATIONS or ("." in word and word.replace(".", "") in _ABBREVIATIONS)


def _cut_at(text: str, at: int) -> bool:
    """Whether nupunkt reads text[at:] as it reads the whole text after a break at `at`:
    when no end lies among the first 13 characters, where it looks back for a list number
    ("IV.") to the line's start or 12 characters, and the piece's start stands for both."""
    return _ENDS.search(text, at, at + 13) is None


def _punkt_starts(text: str, start: int, end: int) -> list[int]:
    """nupunkt's sentence starts in text[start:end], a piece of the text cut at breaks."""
    return [start + s for s, _ in _PUNKT.span_tokenize(text[start:end])]


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
    for m in _GLUED.finditer(text):
        if _inside(spans, starts, m.end(), m.end()) and not _in_address(text, m.start()):
            cuts.append((m.end(), m.end()))
    for start, end in _fused(text):
        if _inside(spans, starts, start, end) \
                and not _NOT_BEFORE_FUSED.search(text, max(0, start - _TAIL), start):
            cuts.append((start, end))
    return sorted(cuts)


def _in_address(text: str, i: int) -> bool:
    """Whether the stop at text[i] stands inside a web or mail address ("www.Example.com",
    "Mail.Example.org/news"), not between two glued sentences."""
    before = text[text.rfind(" ", 0, i) + 1:i]
    end = text.find(" ", i)
    after = text[i + 1:end if end >= 0 else len(text)]
    return not before.isalpha() or before.lower() == "www" \
        or _ADDRESS_PART.search(after) is not None


_ADDRESS_PART = re.compile(r"[./@]\w")


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
    are runs of whitespace, or of no width where sentences are glued, so apart)."""
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
    for m in _BLANK_LINE.finditer(body):
        yield start, m.start()
        start = m.end()
    yield start, len(body)


def segment(article: Article) -> list[Sentence]:
    return sentences_at(article, sentence_spans(article.body))


def sentence_spans(body: str) -> list[tuple[int, int, int]]:
    """(paragraph, start, end) of each sentence of a cleaned body: all a sentence is but
    for its article's text and id, and a few numbers to send from a worker process."""
    return [(p, p_start + s, p_start + e)
            for p, (p_start, p_end) in enumerate(paragraph_spans(body))
            for s, e in split_paragraph(body[p_start:p_end])]


def sentences_at(article: Article, spans: list[tuple[int, int, int]]) -> list[Sentence]:
    """The article's sentences at the `sentence_spans` of its body."""
    if not spans:
        return []
    body = article.body
    paragraphs, starts, ends = zip(*spans, strict=True)
    return Sentence.many([body[start:end] for _, start, end in spans], article.id,
                         paragraphs, starts, ends)


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
