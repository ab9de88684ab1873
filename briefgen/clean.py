"""Strip page furniture (ads, navigation, credits, captions, datelines) from article bodies.

The rules are data (briefgen/data/furniture.yaml plus any user files), sorted by
kind and read in furniture_rules; this module only applies them, paragraph by
paragraph, and never rewrites news text beyond repairing scraping debris such as
"end. ." -> "end.".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice, pairwise
from pathlib import Path

from .furniture_rules import NOTICE_CHARS, Rules, default_rules, notice_pattern, read_rules
from .model import Article
from .regex_start import LEADING_FLAGS, required_literals
from .rule_gate import RuleGate, bits, fullmatch_lengths

# characters; a longer paragraph (a page of prose with no blank line) is cleaned in pieces,
# so that no rule is run over more than this
MAX_PARAGRAPH = 50_000
MAX_CUTS = 8  # rounds of cutting spans: enough for nested furniture, bounded on hostile text
MAX_CAPTION_WORDS = 70  # a photo caption is one sentence of at most this many words
MAX_CREDIT_LINE_WORDS = 4  # a credit on its own line: an agency or a photographer's name
MAX_LISTED_WORDS = 25  # another story's headline in a list of links: a headline's length
MIN_PULL_QUOTE_WORDS = 4  # fewer quoted words ("“No”") may well be printed twice as news
_BULLETS = ("•", "·", "▪", "●", "◦")
CREDIT_TAIL = 160  # characters at a paragraph's end in which a photo credit is looked for
_SPACES = re.compile(r"[ \t]{2,}")
# compiled here rather than looked up in re's cache for each paragraph
_BLANK_LINE = re.compile(r"\n\s*\n")
_WORD_CHAR = re.compile(r"\w")
# A sentence boundary inside a paragraph: ". The" after a word of two small letters or digits
# ("Mr. Doe", "U.S. President" and "John F. Doe" are no boundaries). It opens on the stop,
# not a lookbehind: the engine skips to the stops instead of trying every place.
_BOUNDARY = re.compile(r"[.!?](?<=[a-z0-9]{2}[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z])")
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*$")
_ELLIPSIS = re.compile(r"…|\.\.\.")
_QUOTE_MARKS = "“\"‘"  # that open a quote
# A quote alone on its line, maybe with the speaker's name after a dash: a pull quote's shape
_QUOTE_LINE = re.compile(
    r"[“\"‘](?P<words>[^“”\"]{8,400}?)[.,!?]?[”\"’]\s*(?:[—–-]{1,2}\s*[^.!?]{1,80})?")
_DASHED_NAME = re.compile(r"[—–-]{1,2}\s*[A-Z][^.!?]{0,80}")
# An embedded social post's signature, "— Jane Doe (@janedoe) May 3, 2024": the paragraph
# above it is the post's text when it reads as one (a post is this long at most, speaks in
# the first person or holds a hashtag, a handle, a link or an emoji, and quotes no one); a
# page may print the signature alone, under a paragraph of news
_POST_SIGNATURE = re.compile(r"[—–-]{1,2}\s*[^()]{1,60}\(@\w{1,30}\)[^.!?]{0,40}")
MAX_POST_CHARS = 300
_POSTED = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|us)\b|#\w|@\w|https?://|[\u2600-\u27bf\U0001F000-\U0001FAFF]")
_REPORTED = re.compile(r"[“”\"]|\b(?:said|says|told|according)\b")
# A photo gallery's counter on its own line ("1 of 12", "Image 2 of 5", "3/8"): the line
# under it is that picture's caption
_GALLERY_COUNTER = re.compile(r"(?:(?:[Ii]tem|[Ii]mage|[Pp]hoto|[Pp]icture|[Ss]lide) )?"
                              r"\d{1,3}(?: of |/)\d{1,3}")
_LETTER = re.compile(r"[^\W\d_]")
# A letter not in ASCII, then checked to be no Latin one: the engine skips to the places
# where a character outside ASCII stands instead of testing every letter against the class.
_NON_LATIN_LETTER = re.compile(
    r"[^\x00-\x7f]"
    r"(?<=[^\W\d_A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u2C60-\u2C7F\uA720-\uA7FF\uFF21-\uFF5A])")


def load_rules(extra_files: tuple[Path, ...] = ()) -> Rules:
    """The packaged rules plus the files' (`read_rules`), made ready to apply."""
    rules = read_rules(extra_files)
    # made ready here, in the process that forks the cleaning workers: each inherits them
    # instead of making them again (the worker's copy of the rules is found by value)
    _ready(rules)
    return rules


def split_paragraphs(text: str, rules: Rules | None = None) -> list[str]:
    """Paragraphs of a plain-text body.

    Blank lines separate blocks. Inside a block, hard-wrapped lines (long, not
    ending a sentence) are joined; otherwise each line is its own paragraph,
    as in scraped text that puts one paragraph on a line. With rules, a line
    that is furniture on its own (a credit, a time stamp, a caption) is never
    joined to its neighbours.
    """
    return _Page(text, rules).split() if rules else _Page(text, Rules()).split(check=False)


def clean_paragraphs(paragraphs: list[str], rules: Rules) -> list[str]:
    """The news paragraphs: furniture dropped or cut out, by kind, and the lead's dateline gone."""
    return _Page("\n".join(paragraphs), rules).clean(paragraphs)


class _Page:
    """One article's text and the rules, compiled once; each distinct line is cleaned once."""

    def __init__(self, text: str, rules: Rules) -> None:
        self.text, self.rules = text, rules
        self.ready = _ready(rules)
        share = rules.other_script_share
        # a paragraph is cut from the page's text, and repairs add no letter of another
        # script: on a page with none, no paragraph needs looking at for them
        self.foreign = share is not None and (not self.ready.latin_repairs or (
            not text.isascii() and _NON_LATIN_LETTER.search(text) is not None))
        self.other_script = self.foreign and _other_script(text[:20_000]) > share
        self.done: dict[str, str | None] = {}
        self.found: dict[str, int] = {}
        self.trailers: dict[str, bool] = {}
        self.credited: dict[str, str] = {}  # a caption dropped for its credit: its words without it

    def hits(self, text: str) -> int:
        """The rules that may match the text (see rule_gate), once per distinct text."""
        if text not in self.found:
            self.found[text] = self.ready.gate.hits(text)
        return self.found[text]

    def trailer(self, para: str) -> bool:
        """Whether a truncate rule matches the paragraph: asked of each paragraph twice (as
        a trailer, and as furniture), found once."""
        if para not in self.trailers:
            self.trailers[para] = self.ready.truncate.any(para, self.hits(para))
        return self.trailers[para]

    def label(self, para: str) -> bool:
        """Whether the paragraph is a label over a list of links to other stories."""
        hits = self.hits(para)  # most paragraphs hold none of the labels' strings
        return bool(hits & self.ready.label_bits) and self.ready.labels.any(para, hits)

    def split(self, check: bool = True) -> list[str]:
        paragraphs: list[str] = []
        for block in _BLANK_LINE.split(self.text.replace("\r\n", "\n").replace("\r", "\n")):
            lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
            runs: list[list[str]] = [[]]
            apart = check and len(lines) > 1  # whether a line may be set apart from the next
            listed = False  # whether the line above is a label or a headline listed under one
            for line, after in pairwise([*lines, ""]):
                # the headlines under a label are lines of their own, not prose wrapped into
                # one paragraph; a line that the next goes on from ("that\nwill ...") is prose
                goes_on = after[:1].islower()
                headline_below = listed and _listed(line) and not goes_on
                listed = apart and (self.label(line) or headline_below)
                if listed or (apart and self.paragraph(line) is None):
                    runs += [[line], []]
                else:
                    runs[-1].append(line)
            for run in filter(None, runs):
                paragraphs.extend(_join_wrapped(run))
        return paragraphs

    def clean(self, paragraphs: list[str]) -> list[str]:
        paragraphs = [piece for para in paragraphs for piece in _pieces(para)]
        kept: list[str] = []
        listing = False  # under a label over a list of links, once the story has begun
        caption = ""  # the words of a caption dropped for its credit on the line above
        for n, para in enumerate(paragraphs):
            below = paragraphs[n + 1] if n + 1 < len(paragraphs) else ""
            if n and _GALLERY_COUNTER.fullmatch(paragraphs[n - 1]) and _is_caption_sized(para):
                continue  # a gallery's caption, under its counter
            if _is_post_text(para, below):
                continue  # an embedded post's text, over its signature
            if self.trailer(para) and any(map(reads_as_sentence, kept)):
                break  # a trailer (link list, author box) once the story has begun
            if self.label(para):
                listing = any(map(reads_as_sentence, kept))
                continue
            listing = listing and _listed(para)
            if listing:
                continue  # another story's headline: the article goes on after the list
            if self._credited_below(para, below):
                continue
            cleaned, above = self.paragraph(para), caption
            caption = self.credited.get(para, "") if cleaned is None else ""
            if caption and kept and kept[-1] == caption:
                kept.pop()  # the caption's copy without its credit, printed over it
            # repeated captions, and a caption's copy under it without its credit
            if cleaned is not None and not (kept and cleaned == kept[-1]) and cleaned != above:
                kept.append(cleaned)
        kept = _without_teaser_list(kept)
        kept = _without_pull_quotes([p for p in kept if not _is_teaser(p, kept)])
        return _clean_lead(kept, self.rules, self.text)

    def _credited_below(self, para: str, below: str) -> bool:
        """A gallery's caption: one bulleted sentence whose credit stands alone on the next
        line ("• X hands Y a flag." then "Agency"). A wire sign-off under a paragraph of
        prose is no bullet's, and a bullet of key points has no credit under it."""
        return (para.lstrip().startswith(_BULLETS) and _is_caption_sized(para)
                and len(below.split()) <= MAX_CREDIT_LINE_WORDS
                and not reads_as_sentence(below) and self.paragraph(below) is None)

    def paragraph(self, para: str) -> str | None:
        """One paragraph without its furniture spans; None when it is furniture as a whole."""
        if para not in self.done:
            self.done[para] = self._paragraph(para)
        return self.done[para]

    def notice(self, para: str) -> bool:
        """Whether a notice is found in the paragraph (and it is short enough to be one)."""
        fits = [p for chars, p, bit in self.ready.notices if len(para) <= chars]
        hits = self.hits(para) if fits else 0
        fits = [p for chars, p, bit in self.ready.notices
                if len(para) <= chars and hits >> bit & 1]
        lowered = para.lower() if fits else ""
        return any(p.search(lowered) for p in fits)

    def _paragraph(self, para: str) -> str | None:
        if len(para) > MAX_PARAGRAPH:
            return None  # a line that long is set apart in split(); clean() cuts it up
        ready = self.ready
        hits = self.hits(para)
        if ready.drop.any(para, hits) or self.trailer(para) or self.notice(para):
            return None
        given = para  # as the page gave it: what the loop over the page looks up
        raw = para = _single_spaced(para).strip()  # so that only a rule's cut is a change
        # a credit ends the paragraph, before or after other spans ("... (Photo: X) [ad_1]")
        uncredited = self._cut_end(para)
        spanned = self._cut(uncredited)
        credited, para = uncredited != para, spanned
        if spanned != uncredited:
            para = self._cut_end(spanned)
            credited = credited or para != spanned
        para = self._repaired(para).strip()
        if not _WORD_CHAR.search(para) or (para != raw and (
                ready.drop.any(para, self.hits(para)) or self.notice(para))):
            return None
        if _is_caption_sized(para) and (credited or self._caption(para)):
            if credited:
                self.credited[given] = para
            return None  # a photo caption: one sentence that carried a credit or a caption's shape
        first = _first_sentence(para) if credited else ""
        if first and first != para and self._caption(first):
            para = para[len(first):].strip()  # a caption opens the paragraph a credit ends
        share = self.rules.other_script_share
        if self.foreign and share is not None \
                and (_other_script(para) > share) != self.other_script:
            return None  # a line in another script than the page's: a language menu, a link
        return para

    def _caption(self, para: str) -> bool:
        captions = self.ready.captions
        return bool(captions and self.hits(para) & self.ready.caption_bits
                    and captions.search(para))

    def _cut(self, para: str) -> str:
        """The paragraph without what the span rules find; each is tried only on a paragraph
        that may hold a match (the gate's strings, and the strings every match holds)."""
        spans = self.ready.spans
        for _ in range(MAX_CUTS if spans else 0):  # one cut can expose the next
            found = 0
            hits = self.hits(para)
            for pattern, needs, bit in spans:
                if hits >> bit & 1 and all(n in para for n in needs):
                    para, n = pattern.subn("", para)
                    if n:  # what is left may hold another rule's strings
                        found += n
                        hits = self.hits(para)
            if not found:
                break
            para = _single_spaced(para).strip()
        return para

    def _cut_end(self, para: str) -> str:
        """Cut what a credit rule finds at the end, looking only at the paragraph's tail."""
        pattern, ready = self.ready.credits, self.ready
        for _ in range(MAX_CUTS if pattern else 0):
            if not self.hits(para) & ready.credit_bits:
                break  # nor in its tail, whose strings and last character are the paragraph's
            start = max(0, len(para) - CREDIT_TAIL)
            if not ready.gate.hits(para[start:]) & ready.credit_bits:
                break  # no credit's strings in the tail
            match = pattern.search(para, start)
            if not match or match.end() != len(para) or not match.group():
                break
            para = para[:match.start()].rstrip()
        return para

    def _repaired(self, para: str) -> str:
        hits = self.hits(para)
        for pattern, replacement, needs, bit in self.ready.repairs:
            if hits >> bit & 1 and all(n in para for n in needs):
                repaired = pattern.sub(replacement, para)
                if repaired is not para:
                    para, hits = repaired, self.hits(repaired)
        return para


WRAP_SLACK = 15  # a wrapped line may pass the first by the length of a word it could not take
# A line that opens on "The" before a small word begins a sentence ("The two sides ..."): the
# line above ended one, as a headline over its standfirst does, and was not wrapped.
_SENTENCE_OPENING = re.compile(r"(?:The|A|An) [a-z]")


def _pieces(para: str) -> list[str]:
    """The paragraph, or if it is over MAX_PARAGRAPH characters, its pieces under that,
    each cut at the last sentence end it reaches (else after a space, else anywhere). A cut
    is looked for in the later half of a piece's reach only, so that each piece is at least
    half that long and the text is searched about once."""
    if len(para) <= MAX_PARAGRAPH:
        return [para]
    pieces: list[str] = []
    start = 0
    while len(para) - start > MAX_PARAGRAPH:
        low, high = start + MAX_PARAGRAPH // 2, start + MAX_PARAGRAPH
        ends = [m.end() for m in _BOUNDARY.finditer(para, low, high)]
        space = max(para.rfind(" ", low, high), para.rfind("\n", low, high))
        cut = ends[-1] if ends else space + 1 if space >= 0 else high
        pieces.append(para[start:cut].strip())
        start = cut
    pieces.append(para[start:].strip())
    return [piece for piece in pieces if piece]


def _join_wrapped(lines: list[str]) -> list[str]:
    """Lines of prose wrapped at a width are one paragraph. A headline over its lead is not
    wrapped prose: it is in title case, or shorter than a line after it (a wrapped line is
    about as long as the width allows, and the first one sets it). Nor is a line printed
    twice (a headline over its own copy)."""
    wrapped = len(lines) > 1 and all(
        len(ln) >= 40 and not ln.endswith((".", "!", "?", ":", '"', "”")) and ln != nxt
        and not (in_title_case(ln) and nxt[:1].isupper()) and not _SENTENCE_OPENING.match(nxt)
        for ln, nxt in pairwise(lines)
    ) and all(len(ln) <= len(lines[0]) + WRAP_SLACK for ln in lines[1:])
    return [" ".join(lines)] if wrapped else lines


_SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "vs",
     "with"])
_LINE_WORDS = re.compile(r"[\w’'‘-]+")
# A word of the line whose first letter (after the marks in_title_case strips) is a small
# ASCII letter and which is no small word: the line is surely not in title case. Most lines
# hold one among their first words, found in one search rather than word by word.
_LOWER_CONTENT_WORD = re.compile(
    r"(?<![\w’'‘-])[‘’'-]*(?!(?ai:" + "|".join(sorted(_SMALL_WORDS))
    + r")[‘’'-]*(?![\w’'‘-]))[a-z]")


def in_title_case(line: str) -> bool:
    """Set in title case ("Visit Paints Rival as ‘Viable Partner’ to Allies"): a headline
    on its own line, not prose wrapped onto the next one."""
    if _LOWER_CONTENT_WORD.search(line):
        return False
    content = 0
    for match in _LINE_WORDS.finditer(line):  # most lines fail at their first content word
        word = match.group().strip("‘’'-")
        if not word or word.lower() in _SMALL_WORDS:
            continue
        if not (word[0].isupper() or word[0].isdigit()):
            return False
        content += 1
    return content >= 4


def _single_spaced(text: str) -> str:
    """Runs of spaces and tabs as one space; most texts have none to look for."""
    return _SPACES.sub(" ", text) if "  " in text or "\t" in text else text


def _is_caption_sized(para: str) -> bool:
    # a paragraph of prose holds a boundary early; the words are split no further than a
    # caption's length: a long paragraph's words are not counted
    return (not _BOUNDARY.search(para)
            and len(para.split(None, MAX_CAPTION_WORDS)) <= MAX_CAPTION_WORDS)


def _first_sentence(para: str) -> str:
    boundary = _BOUNDARY.search(para)
    return para[:boundary.start() + 1] if boundary else para


def reads_as_sentence(para: str) -> bool:
    """Ends like a sentence (a headline, a label or a credit does not)."""
    return bool(_SENTENCE_END.search(para))


def _listed(para: str) -> bool:
    """Shaped like another story's headline in a list of links: a few words opening on no
    small letter, that read as no sentence or ask a question."""
    return (not para[:1].islower() and len(para.split(None, MAX_LISTED_WORDS)) <= MAX_LISTED_WORDS
            and (not reads_as_sentence(para) or para.endswith("?")))


def _is_post_text(para: str, below: str) -> bool:
    """An embedded post's text, over its signature (see _POST_SIGNATURE)."""
    return (len(para) <= MAX_POST_CHARS and _POST_SIGNATURE.fullmatch(below) is not None
            and _POSTED.search(para) is not None and not _REPORTED.search(para))


def _cut_off(para: str) -> bool:
    """Whether the paragraph ends on an ellipsis outside any quote: a summary cut off."""
    return (para.endswith(("...", "…")) and para.count("“") == para.count("”")
            and para.count('"') % 2 == 0)


def _without_teaser_list(paragraphs: list[str]) -> list[str]:
    """The paragraphs without a section page's teasers: other stories' headlines and summaries
    cut off with an ellipsis ("Fire leaves 6 homeless A fire ripped through ... said...."),
    two or more in a row. One paragraph of news may trail off ("... went on..."), and a quote's
    words may ("“We waited...", an open quote going on below); a list of them is no story."""
    cut = [_cut_off(p) for p in paragraphs]
    if sum(cut) < 2:
        return paragraphs
    return [p for n, p in enumerate(paragraphs)
            if not (cut[n] and ((n and cut[n - 1]) or (n + 1 < len(cut) and cut[n + 1])))]


def _is_teaser(para: str, paragraphs: list[str]) -> bool:
    """A truncated teaser ("... as he…"): its opening is printed in full in another paragraph."""
    # the engine stops at every full stop; most paragraphs hold no ellipsis to look for
    match = _ELLIPSIS.search(para) if "…" in para or "..." in para else None
    if not match or len(para) - match.end() > 40:
        return False
    opening = para[:match.start()].strip()
    return len(opening) >= 30 and any(opening in p for p in paragraphs if p is not para)


def _without_pull_quotes(paragraphs: list[str]) -> list[str]:
    """The paragraphs without pull quotes, nor a pull quote's name on the line below it: it
    would be a second quote, taken for the words of whoever the text near it names."""
    kept: list[str] = []
    pulled = False
    lowered: list[str] = []  # the paragraphs in small letters, made at the first quote line
    for n, para in enumerate(paragraphs):
        if pulled and _DASHED_NAME.fullmatch(para):
            pulled = False
            continue
        if para[:1] in _QUOTE_MARKS and not lowered:
            lowered = [p.lower() for p in paragraphs]
        pulled = para[:1] in _QUOTE_MARKS and _is_pull_quote(n, paragraphs, lowered)
        if not pulled:
            kept.append(para)
    return kept


def _is_pull_quote(n: int, paragraphs: list[str], lowered: list[str]) -> bool:
    """Quoted words alone on their line that another paragraph prints (or an earlier copy of
    the line): "“We will not back down”", "‘We will not… back down’ — Jane Doe".
    `lowered`: the paragraphs in small letters."""
    para = paragraphs[n]
    match = _QUOTE_LINE.fullmatch(para)
    if not match or len(match["words"].split()) < MIN_PULL_QUOTE_WORDS:
        return False
    # in any case: a pull quote may capitalize the word the body prints in small letters
    pieces = [p.strip(" ,").lower() for p in _ELLIPSIS.split(match["words"]) if p.strip(" ,")]
    return any(all(p in lowered[i] for p in pieces) for i, other in enumerate(paragraphs)
               if i != n and (other != para or i < n))


def _clean_lead(paragraphs: list[str], rules: Rules, text: str) -> list[str]:
    """The lead (the first paragraph that reads as a sentence) without its dateline; when
    that paragraph is one sentence with none, it may be a standfirst, and the dateline is
    looked for in the next one that reads as a sentence.

    A rule with a group named `place` ("OSLO Officials said") cuts only when the
    article also writes that name in ordinary case ("Oslo"): a word in capitals
    that the article never writes otherwise is an acronym ("OPEC"), not a dateline.
    """
    if not rules.remove_lead_spans:
        return paragraphs
    leads = (i for i, p in enumerate(paragraphs) if reads_as_sentence(p))
    for lead in islice(leads, 2):
        para = _without_dateline(paragraphs[lead], rules, text)
        if para != paragraphs[lead]:
            if not _WORD_CHAR.search(para):
                return paragraphs[:lead] + paragraphs[lead + 1:]
            return [*paragraphs[:lead], para, *paragraphs[lead + 1:]]
        if _BOUNDARY.search(para):  # more than one sentence: a lead, not a standfirst
            break
    return paragraphs


def _without_dateline(para: str, rules: Rules, text: str) -> str:
    for pattern in rules.remove_lead_spans:
        match = pattern.search(para)
        place = match and match.groupdict().get("place")
        if match and match.group() and (place is None or _written_in_ordinary_case(place, text)):
            para = _SPACES.sub(" ", para[:match.start()] + para[match.end():]).strip()
    return para


def _written_in_ordinary_case(name: str, text: str) -> bool:
    pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, name.split())) + r"\b", re.I)
    return any(m.group() != m.group().upper() for m in pattern.finditer(text))


def _other_script(text: str) -> float:
    """Share of the letters that are not Latin (Cyrillic, Han, Arabic...)."""
    if text.isascii() or not _NON_LATIN_LETTER.search(text):
        return 0.0
    letters = len(_LETTER.findall(text))
    return len(_NON_LATIN_LETTER.findall(text)) / letters if letters else 0.0


class _Whole:
    """Whether any rule of a kind matches a whole paragraph. Only the rules that may are
    tried: those whose strings and first and last characters the gate found, and whose
    matches can be as long as the paragraph ("(?=.{0,300}$)..." never takes a paragraph
    of prose)."""

    def __init__(self, patterns: tuple[re.Pattern, ...], first_bit: int) -> None:
        self.patterns, self.first_bit = patterns, first_bit
        lengths = [fullmatch_lengths(p) for p in patterns]
        # the rules that fit a length change only at these lengths
        self.edges = sorted({least for least, _ in lengths} | {most + 1 for _, most in lengths})
        self.fitting = [sum(1 << (first_bit + n) for n, (least, most) in enumerate(lengths)
                            if least <= edge <= most) for edge in self.edges]
        # the rules of a mask, in order: a day's paragraphs have a few dozen masks
        self.tried: dict[int, tuple[Callable[[str], re.Match | None], ...]] = {}

    def any(self, para: str, hits: int) -> bool:
        k = bisect_right(self.edges, len(para)) - 1
        if k < 0:
            return False
        mask = hits & self.fitting[k]
        tried = self.tried.get(mask)
        if tried is None:
            tried = self.tried[mask] = tuple(self.patterns[bit - self.first_bit].fullmatch
                                             for bit in bits(mask))
        return any(fullmatch(para) for fullmatch in tried)


@dataclass(frozen=True)
class _Ready:
    """A rule set made ready to apply: every rule behind one gate (a bit of its masks per
    rule), the span rules and repairs with the strings every match holds."""

    gate: RuleGate
    drop: _Whole
    truncate: _Whole
    labels: _Whole
    label_bits: int
    spans: tuple[tuple[re.Pattern, tuple[str, ...], int], ...]
    repairs: tuple[tuple[re.Pattern, str, tuple[str, ...], int], ...]
    credits: re.Pattern | None
    credit_bits: int
    captions: re.Pattern | None
    caption_bits: int
    notices: tuple[tuple[int, re.Pattern, int], ...]  # (most characters, pattern, bit)
    latin_repairs: bool  # no repair writes a letter of another script than Latin


def _ready(rules: Rules) -> _Ready:
    """The rules made ready, once per rule set: a page's rules are most often the very
    object the last page had, and equal ones (sent to a worker) are found by value."""
    last = _READY.get(id(rules))
    if last is None or last[0] is not rules:
        if len(_READY) > 8:
            _READY.clear()
        last = _READY[id(rules)] = (rules, _ready_by_value(rules))
    return last[1]


_READY: dict[int, tuple[Rules, _Ready]] = {}


@lru_cache(maxsize=8)
def _ready_by_value(rules: Rules) -> _Ready:
    notices = _notices(rules.short_notices, rules.notices)
    kinds = (rules.drop_paragraphs, rules.truncate_at, rules.list_labels, rules.remove_spans,
             rules.credits, rules.captions, tuple(p for p, _ in rules.repairs),
             tuple(p for _, p in notices))
    firsts = [sum(map(len, kinds[:n])) for n in range(len(kinds))]
    drop, truncate, labels, spans, credits, captions, repairs, notice = firsts

    def mask(first: int, patterns: tuple) -> int:
        return ((1 << len(patterns)) - 1) << first

    return _Ready(
        # the drop, truncate and label rules are only matched whole: anchored at both ends
        gate=RuleGate([p for patterns in kinds for p in patterns],
                      whole=mask(0, rules.drop_paragraphs + rules.truncate_at
                                 + rules.list_labels)),
        drop=_Whole(rules.drop_paragraphs, drop),
        truncate=_Whole(rules.truncate_at, truncate),
        labels=_Whole(rules.list_labels, labels), label_bits=mask(labels, rules.list_labels),
        spans=tuple((p, required_literals(p), spans + n)
                    for n, p in enumerate(rules.remove_spans)),
        repairs=tuple((p, replacement, required_literals(p), repairs + n)
                      for n, (p, replacement) in enumerate(rules.repairs)),
        credits=_one_pattern(rules.credits), credit_bits=mask(credits, rules.credits),
        captions=_one_pattern(rules.captions), caption_bits=mask(captions, rules.captions),
        notices=tuple((chars, p, notice + n) for n, (chars, p) in enumerate(notices)),
        latin_repairs=not any(_other_script(r) for _, r in rules.repairs))


@lru_cache(maxsize=8)
def _notices(short: tuple[re.Pattern, ...], long: tuple[re.Pattern, ...],
             ) -> tuple[tuple[int, re.Pattern], ...]:
    """Each list of notices as one pattern searched in the paragraph in small letters: with
    no case to fold, the engine tries the words far faster than a case-blind pattern does."""
    return tuple((chars, notice_pattern(tuple(p.pattern for p in notices)))
                 for chars, notices in ((NOTICE_CHARS["short_notices"], short),
                                        (NOTICE_CHARS["notices"], long)) if notices)


@lru_cache(maxsize=64)
def _one_pattern(patterns: tuple[re.Pattern, ...]) -> re.Pattern | None:
    """Rules of one kind as one alternation: one scan of a paragraph instead of one per rule."""
    if not patterns:
        return None
    parts = []
    for p in patterns:  # a leading "(?i)" must become a scoped "(?i:...)" inside an alternation
        m = LEADING_FLAGS.match(p.pattern)
        flags, body = (m.group(1), p.pattern[m.end():]) if m else ("", p.pattern)
        parts.append(f"(?{flags}:{body})" if flags else f"(?:{body})")
    return re.compile("|".join(parts))


def clean_text(text: str, rules: Rules | None = None) -> str:
    """A cleaned body: furniture gone, paragraphs separated by a blank line."""
    page = _Page(text, rules or default_rules())
    return "\n\n".join(page.clean(page.split()))


def clean_article(article: Article, rules: Rules | None = None) -> Article:
    return replace(article, body=clean_text(article.body, rules))
