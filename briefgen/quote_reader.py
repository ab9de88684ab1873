"""The quotes of one article: its quotations and the speech it reports, each given the
speaker the article names, with "he" and "she" resolved to whoever was last named speaking."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import cached_property
from itertools import pairwise

from .model import Article, Sentence
from .name_words import TITLE_WORDS, bare_word, contains, is_media
from .quote_attribution import (
    ACCORDING_TO,
    AFTER,
    AFTER_SOURCE,
    CLAUSE_TAIL,
    FIRST_PERSON,
    NESTED,
    ONLY_ATTRIBUTION,
    PARTICIPLE,
    PREPOSITION,
    QUOTED_AS,
    REPORTED,
    REPORTED_CLAUSE,
    SAID_AFTER_COMMA,
    SAYING,
    TRAILING_SOURCE,
    UNMARKED,
    clause_starts,
    last_reporting_word,
    speakers_before,
    speakers_in,
    subject_of,
    who_of,
)
from .quote_found import CUT, FoundQuote
from .quote_spans import Span, only_attribution, quotation_spans, quote_text, stands_alone
from .segment import paragraph_spans
from .speaker_who import Who, read_who
from .speakers import Names

_MARK = re.compile(r"[“”\"]")
_SENTENCE_END = re.compile(r"[.!?…][)’'”\"]?$")
# "STRELSAU, May 2 (Wire) - ", "STRELSAU, Ruritania -- ", "Strelsau, May 2 (RNA).- ", "STRELSAU: "
_DATELINE = re.compile(
    r"[A-Z]{2,}(?:[\s.][A-Z]{2,})*(?:,\s[^-–—:()\n]{1,40}?)?\s?(?:\([A-Za-z ]{2,30}\))?\s?"
    r"(?:--|[-–—]|:)\s+"
    r"|[A-Z][\w’']+(?:\s[A-Z][\w’']+)*,\s[^()\n]{1,30}?\([A-Za-z ]{2,30}\)\.?[-–—]+\s*"
    r"|[A-Z]{2,}(?:\s[A-Z]{2,})*,\s[A-Z][a-z]+\.?\s\d{1,2}\.?\s/[A-Z]+/\.\s+")

# A clause that opens on its verb has its subject elsewhere: no statement of its own.
_PREDICATE = re.compile(r"(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may"
                        r"|might|did|does|do)\b")
# A clause that opens on a capital has its verb right after the name: "Ruritania will ..."
_NAMED_SUBJECT = re.compile(r"[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)*\s(?:[a-z]\w*\s)?"
                            + _PREDICATE.pattern)
# Someone who speaks unnamed: '"...," says a doctor from Pell'. Their words are left out, and
# so are those a later "he said" gives them: the pronoun is not passed to a person named earlier.
_UNNAMED = re.compile(r"(?:a|an|one)\s", re.I)
# "“...,” he added": whoever spoke before goes on, not the person the sentence before is about
# ("Governor Doe also accompanied him. “...,” he added" is his words, not hers)
_GOES_ON = re.compile(r"(?:he|she)\s+(?:added|adds|continued|went\s+on)\b", re.I)
# What may follow the attribution of a quotation that ends its sentence: '“... now.” she
# said.', '“... now.” Doe said on Monday.' ('“... now.” Doe said the talks ...' is a
# sentence of its own: the quotation before is not what it reports)
_ATTRIBUTION_AFTER_END = re.compile(
    r"(?:\s(?:reporters|journalists))?"
    r"(?:\s(?:on|in|at|during|after|before|to|of|from|via|with|later|again|then|afterwards"
    r"|\w+day)\b(?:(?!\bthat\b)[^.!?“”\"\n]){0,60})?[.!?]")
_ACCORDING = re.compile(r"[\s,]*according\sto\s")  # the words that name a channel
UNNAMED = "unnamed"
_SOMEONE = Who(UNNAMED, "")
# How many paragraph breaks back a namesake's last words still carry a bare surname on:
# '“...,” she said' of Mary Roe, then '“...,” Roe said' in the paragraph after is her
_NAMESAKE_BREAKS = 1


class ArticleReader:
    """The statements of one article, read paragraph by paragraph in order, so that "he" can
    be resolved to whoever was last named speaking."""

    def __init__(self, article: Article, sentences: list[Sentence], names: Names):
        self.article = article
        # read with guillemets as curly marks, one character for one: every offset holds,
        # and the texts taken are restored from the page as printed (`_printed`)
        self.printed = self.body = article.body
        if "«" in self.body:
            self.body = _as_curly(self.body)
            sentences = [replace(s, text=self.body[s.start:s.end])
                         if self.printed[s.start:s.end] == s.text else s for s in sentences]
        self.sentences = sorted(sentences, key=lambda s: s.start)
        # the sentences by bisection: a paragraph's, those before a place, the one holding it
        # (segment's sentences never overlap; were they to, they are gone through in turn)
        self.starts = [s.start for s in self.sentences]
        self.ends = [s.end for s in self.sentences]
        self.apart = all(s.start <= s.end for s in self.sentences) and all(
            a.end <= b.start for a, b in pairwise(self.sentences))
        self.names = names
        self.spoken: list[tuple[int, str, int, str]] = []  # (offset, speaker, paragraph, kind)
        self.quoted: list[tuple[int, int]] = []  # spans of quoted text, absolute offsets
        self.attributed: list[tuple[int, int]] = []  # those of them with a speaker

    def read(self) -> list[FoundQuote]:
        out: list[FoundQuote] = []
        for p, (start, end) in enumerate(paragraph_spans(self.body)):
            spans = quotation_spans(self.body[start:end])
            self.quoted += [(start + s.open, start + s.end) for s in spans]
            out += self._direct(p, start, end, spans)
            out += self._undirect(p, start, end, spans)
        return out

    # --- text in quotation marks ----------------------------------------------------------
    def _direct(self, p: int, start: int, end: int, spans: list[Span]) -> list[FoundQuote]:
        para = self.body[start:end]
        out = []
        prev: tuple[Span, str, str, int] | None = None  # span, speaker, kind, attribution end
        last_open = 0  # where out[-1]'s quotation opens in the paragraph
        for i, span in enumerate(spans):
            at = start + span.open
            who, attribution_end = self._attribution(para, start, span, spans[i - 1] if i else None)
            speaker = kind = ""
            if who:
                speaker, kind = self._resolve(who, at, p)
            elif prev and prev[1] and only_attribution(para[prev[3]:span.open]):
                speaker, kind = prev[1], prev[2]  # '"A," Doe said. "B."': B is Doe's too
            elif stands_alone(para, span):
                speaker, kind = self._speaker_before(at, p)
            if speaker or kind == UNNAMED:  # a later "he" is theirs, named or not
                self.spoken.append((at, speaker, p, kind))
            if speaker:
                self.attributed.append((at, start + span.end))
                text = self._printed(quote_text(para, span), start + span.open)
                if text and out and _goes_on_from(para, prev, span, speaker, text):
                    # '“We will,” she said, “keep going.”': one sentence, shown as printed
                    # from where it opened, the attributions and their marks between the parts
                    so_far = para[last_open + 1:span.open + 1]
                    out[-1] = replace(out[-1], text=self._printed(
                        so_far, start + last_open + 1) + text)
                elif text:
                    role = who.role if who else ""
                    out.append(FoundQuote(text, speaker, self.article.id, False, role, kind))
                    last_open = span.open
            prev = (span, speaker, kind, attribution_end if who else span.end)
        return out

    def _attribution(self, para: str, para_start: int, span: Span,
                     before_span: Span | None) -> tuple[Who | None, int]:
        """Who the paragraph says spoke the span, and where that attribution ends."""
        after = para[span.end:span.end + 200]
        nxt = _MARK.search(after)
        after = after[:nxt.start()] if nxt else after
        finished = para[span.open:span.close].rstrip().endswith(".") and not after.startswith(",")
        for pattern in (AFTER, AFTER_SOURCE) if not finished or ONLY_ATTRIBUTION.match(after) \
                else ():
            m = pattern.match(after)
            if m and finished and not _ATTRIBUTION_AFTER_END.match(after, m.end()):
                continue  # '“... now.” Doe said the talks ...': a sentence of its own
            if m:
                who = who_of(m, self.names)
                if pattern is AFTER_SOURCE and _ACCORDING.match(m.group()):
                    # 'Doe said he would talk on "...", according to state media': the
                    # media only pass on what Doe said
                    who = self._speaking_in(self._lead(para, para_start, span, before_span)) \
                        or who
                if who:
                    return who, span.end + m.end()
                if pattern is AFTER and _UNNAMED.match(m.group("a") or m.group("b") or ""):
                    return _SOMEONE, span.end + m.end()  # '"...," says a doctor from Pell'
        lead = self._lead(para, para_start, span, before_span)
        m = QUOTED_AS.search(lead)
        if m:
            phrase = m.group("a")
            who = Who("pronoun", "he" if phrase == "him" else "she") if phrase in ("him", "her") \
                else read_who(phrase, self.names)
            if who:
                return who, span.end
        for m in speakers_before(lead):
            who = who_of(m, self.names)
            if who:
                return who, span.end
        if SAYING.search(lead) or lead.rstrip().endswith(":"):
            who = self._subject(lead)
            if who:
                return who, span.end
        return None, span.end

    def _lead(self, para: str, para_start: int, span: Span, before_span: Span | None) -> str:
        """What stands before the span in its sentence, after any quotation before it."""
        lead_start = max(before_span.end if before_span else 0,
                         self._sentence_start(para, para_start, span.open))
        return para[lead_start:span.open]

    def _speaking_in(self, lead: str) -> Who | None:
        """The first person (or "he"/"she") a quotation's lead names speaking: "Doe said
        he would talk on"."""
        for m in speakers_in(lead):
            who = who_of(m, self.names)
            if who and who.kind in ("person", "pronoun"):
                return who
        return None

    def _printed(self, text: str, near: int) -> str:
        """`text`, found in the body read with curly marks from `near` on, as the page
        prints it (a guillemet inside a quotation stays one)."""
        if self.printed is self.body or not text:
            return text
        core = text.removesuffix(CUT)
        at = self.body.find(core, near)
        return text if at < 0 else self.printed[at:at + len(core)] + text[len(core):]

    def _sentence_start(self, para: str, para_start: int, offset: int) -> int:
        """Where the sentence holding `offset` (paragraph-relative) starts in the paragraph."""
        s = self._sentence_at(para_start + offset)
        if s:
            return max(0, s.start - para_start)
        cut = max(para.rfind(". ", 0, offset), para.rfind("? ", 0, offset),
                  para.rfind("! ", 0, offset))
        return cut + 2 if cut >= 0 else 0

    def _subject(self, lead: str) -> Who | None:
        """The person a sentence opens on ("Doe then shook his hand and said:")."""
        who = subject_of(lead, self.names)
        return who if who and who.kind in ("person", "pronoun", "descriptor") else None

    def _speaker_before(self, at: int, p: int) -> tuple[str, str]:
        """Who spoke in the sentence right before `at`: a quotation standing alone right
        after its speaker was named speaking is theirs."""
        if self.apart:  # (their ends in order too)
            previous = self.sentences[:bisect_right(self.ends, at)]
        else:
            previous = [s for s in self.sentences if s.end <= at]
        if not previous:
            return "", ""
        s = previous[-1]
        if self._paragraph_of(s.start) < p - 1:
            return "", ""
        return self._speaker_in(s.start, min(s.end, at), p)

    # --- resolving who ------------------------------------------------------------------------
    def _resolve(self, who: Who, at: int, p: int) -> tuple[str, str]:
        """(speaker, kind) for an attribution: a person's full name, an institution, the person
        a descriptor names in this article (else the descriptor), or whom "he" refers to."""
        if who.kind == "person":
            return self._person(who, at, p), "person"
        if who.kind == "institution":
            return who.text, "institution"
        if who.kind == UNNAMED:
            return "", UNNAMED
        if who.kind == "descriptor" and _UNNAMED.match(who.text):
            return "", UNNAMED  # '“...,” an officer said': someone, not one the article names
        if who.kind == "descriptor":
            holder = self._holder_near(who.text, at)
            holders = [] if holder else self.names.holders_of(who.text, self.article.id)
            holder = holder or self._holder(who.text, holders)
            if holder:
                return self.names.canonical(holder, self.article.id), "person"
            if _names_by_title(who.text) and not holders:
                return "", UNNAMED  # "the premier" no one here is: left out, not a title
            # "the Ruritanian side"; "the secretary" of two secretaries named as often
            return who.text, "descriptor"
        return self._referent(at, p, who.text)

    def _person(self, who: Who, at: int, p: int) -> str:
        """A person's name at `at` in full. A bare name the article gives several people
        ("Roe": Sam Roe, Mary Roe) goes on with the one of them who spoke right before
        (`_namesake_before`); else it is the one Names.canonical reads there."""
        namesakes = self.names.namesakes(who.text, self.article.id)
        # "President Roe", "Mr Roe": the title tells them apart, not who spoke last
        last = self._namesake_before(who.text, namesakes, at, p) \
            if namesakes and not who.titled else ""
        return last or self.names.canonical(who.text, self.article.id, at)

    def _namesake_before(self, name: str, namesakes: set[str], at: int, p: int) -> str:
        """The one of a name's namesakes who spoke last before `at`, in this paragraph or
        the one before, when no other of them is named since: after '“...,” she said' of
        Mary Roe, '“...,” Roe said' is her again, however often the article names Sam Roe,
        unless "Sam Roe then addressed parliament" stands between; "" if none."""
        pos, last = max(((pos, speaker) for pos, speaker, para, _ in self.spoken
                         if pos < at and para >= p - _NAMESAKE_BREAKS), default=(0, ""))
        if last not in namesakes:
            return ""
        names = self.names.article(self.article.id)
        others = {n for n in names.people_sharing(name, self.names.lowercase)
                  if self.names.canonical(n, self.article.id) != last}
        return "" if names.names_any(others, pos, at) else last

    def _holder(self, descriptor: str, holders: list[str]) -> str:
        """The one person of a descriptor's holders in the article (or the day); of several,
        the one it is about (`salient`), else the one whose title is its very words ("the
        president": President Doe, not Ruritanian President Roe, when neither is named twice
        as often: the title a guest shares with the host does not outweigh her being the
        story); "" if none."""
        if len(holders) == 1:
            return holders[0]
        names = self.names.article(self.article.id)
        own = names.in_its_words(descriptor, holders)
        return names.salient(holders) or (own[0] if len(own) == 1 else "")

    def _holder_near(self, descriptor: str, at: int) -> str:
        """The person a descriptor at `at` names by the sentence it stands in, or the one
        before in its paragraph: a holder of the title named there ("Ms Doe will ... ,” the
        Ruritanian leader said"), not another the article names far off."""
        i = bisect_right(self.starts, at) - 1
        if i < 0:
            return ""
        first = i - 1 if i and self.sentences[i - 1].paragraph == self.sentences[i].paragraph \
            else i
        return self.names.article(self.article.id).holder_named_in(
            descriptor, self.sentences[first].start, at)

    def _referent(self, at: int, p: int, pronoun: str = "", depth: int = 0
                  ) -> tuple[str, str]:
        """Whom "he"/"she" at `at` refers to: the speaker named nearest before it, in its own
        sentence or the three before (a statement attributed there, or someone speaking
        there), or the person the sentence right before opens on ("Roe struck a more upbeat
        tone. “...,” she said": that sentence sets up the speaker, not the one before it; "The
        president bowed.": the person the article so titles; "She was nervous.": whom that
        "she" is);
        else the last speaker of the previous two paragraphs (first when "he added" goes on
        from whoever spoke there, whoever the sentence before opens on); else the person of those
        sentences the article names most often. "she" is never a person the article calls
        "Mr" ("spokesman", "King"), nor "he" one it calls "Ms"."""
        window = self.sentences[:bisect_left(self.starts, at)][-4:]
        window = [s for s in window if self._paragraph_of(s.start) >= p - 2]
        before = True  # no sentence that ends before `at` looked at yet
        for s in reversed(window):
            speaker = self._speaker_in(s.start, min(s.end, at), p)
            if (speaker[0] and self._may_be(speaker[0], pronoun)) or speaker[1] == UNNAMED:
                return speaker  # (the unnamed speaker's words are left out)
            if before and s.end <= at:
                before = False
                subject = None if self._goes_on(at, p) \
                    else self._subject(self._unquoted(s.start, s.end))
                if subject and subject.kind in ("person", "descriptor"):
                    resolved = self._resolve(subject, s.start, p)
                    # a person the day names in full ("Turkey has prepared a plan." names none)
                    if resolved[1] == "person" and " " in resolved[0] \
                            and self._may_be(resolved[0], pronoun):
                        return resolved
                elif subject and subject.text == pronoun.lower() and depth < 2:
                    # "Doe had spent years on it. She was nervous. “...,” she said": the
                    # sentence before goes on about the person its own "she" is
                    return self._referent(s.start, self._paragraph_of(s.start), pronoun,
                                          depth + 1)
        recent = [(sp, kind) for pos, sp, para, kind in self.spoken
                  if pos < at and para >= p - 2 and self._may_be(sp, pronoun)]
        if recent:
            return recent[-1]
        counts = self.names.article(self.article.id).counts
        people = [n for s in window for n in self.names.people_in(
            self._unquoted(s.start, min(s.end, at))) if self._may_be(n, pronoun)]
        if not people:
            return "", ""
        best = max(range(len(people)), key=lambda i: (
            sum(c for n, c in counts.items() if _same(n, people[i])), i))
        return self.names.canonical(people[best], self.article.id), "person"

    def _goes_on(self, at: int, p: int) -> bool:
        """Whether the attribution of `at`'s sentence goes on from someone who spoke in the
        paragraphs before ("“...,” he added")."""
        own = self._sentence_at(at)
        return bool(own and _GOES_ON.search(self.body, at, own.end) and any(
            pos < at and para >= p - 2 for pos, _, para, _ in self.spoken))

    def person_meant(self, at: int, pronoun: str) -> str:
        """The person "he"/"she" at `at` names, resolved as for an attribution, once the
        article is `read`; "" if none is."""
        name, kind = self._referent(at, self._paragraph_of(at), pronoun)
        return name if kind == "person" else ""

    @cached_property
    def _genders(self) -> dict[str, str]:
        """Surname -> "he"/"she", read when a pronoun is first resolved."""
        return _genders_in(self.body)

    def _may_be(self, name: str, pronoun: str) -> bool:
        """Whether "he"/"she" may be the person: not when the article calls them otherwise."""
        said = self._genders.get(name.rsplit(None, 1)[-1]) if name and pronoun else None
        return said is None or said == pronoun.lower()

    def _speaker_in(self, start: int, end: int, p: int) -> tuple[str, str]:
        """The speaker of a statement already attributed in body[start:end], else the last
        person (or institution) named speaking there ("Doe stressed that ...")."""
        said = [(sp, kind) for pos, sp, _, kind in self.spoken if start <= pos < end]
        if said:
            return said[-1]
        text = self._unquoted(start, end)
        longest: dict[int, re.Match] = {}  # per verb, the attribution that starts first
        for m in speakers_in(text):
            longest.setdefault(m.end(), m)
        for m in sorted(longest.values(), key=lambda m: -m.end()):
            who = who_of(m, self.names)
            if not who and re.search(r"\band\s$", text[:m.end()].rsplit(None, 1)[0] + " "):
                who = subject_of(text, self.names)  # "Doe welcomed the guests and said ..."
            if who and who.kind != "pronoun":
                speaker = self._resolve(who, start + m.start(), p)
                if speaker[0]:
                    return speaker
        return "", ""

    def _unquoted(self, start: int, end: int) -> str:
        """body[start:end] with quoted text blanked out (names inside quotes do not speak)."""
        text = self.body[start:end]
        for qs, qe in self.quoted:
            blank_start, blank_end = max(qs, start) - start, min(qe, end) - start
            if blank_start < blank_end:
                text = text[:blank_start] + " " * (blank_end - blank_start) + text[blank_end:]
        return text

    def _paragraph_of(self, offset: int) -> int:
        s = self._sentence_at(offset)
        return s.paragraph if s else 0

    def _sentence_at(self, offset: int) -> Sentence | None:
        """The first sentence holding `offset`: where sentences lie apart, the last that
        starts at or before it, if it holds it."""
        if self.apart:
            i = bisect_right(self.starts, offset) - 1
            return self.sentences[i] if i >= 0 and offset < self.ends[i] else None
        return next((s for s in self.sentences if s.start <= offset < s.end), None)

    # --- speech without quotation marks --------------------------------------------------------
    def _undirect(self, p: int, start: int, end: int, spans: list[Span]) -> list[FoundQuote]:
        """Sentences that are speech with the marks lost ("We disagree, Doe said.") and
        reported speech ("Doe said the talks would resume.")."""
        out = []
        starts = self.starts
        attributed = self.attributed  # (asked of every sentence: many articles have none)
        for s in self.sentences[bisect_left(starts, start):bisect_left(starts, end)]:
            if '"' in s.text or "“" in s.text or "”" in s.text or (attributed and any(
                    qs < s.end and s.start < qe for qs, qe in attributed)):
                continue  # direct speech is taken with its marks
            text = _undated(s.text)
            if not _SENTENCE_END.search(text, len(text) - 3):  # (what it matches ends there)
                continue  # a headline, or a sentence the page cut off
            last_verb = last_reporting_word(text)  # where the last reporting word starts
            # unmarked speech ends on a verb that is a reporting word, or on "told"; reported
            # speech holds a reporting word: a sentence with neither is no speech of either kind
            if last_verb < 0 and "told" not in text:
                continue
            found = self._unmarked(text, s, p) or self._reported(text, s, p, last_verb)
            if found:
                out.append(found)
        return out

    def _unmarked(self, text: str, s: Sentence, p: int) -> FoundQuote | None:
        if not SAID_AFTER_COMMA.search(text):
            return None  # no sentence here can be unmarked speech
        m = UNMARKED.fullmatch(text)
        if not m or REPORTED_CLAUSE.search(m.group("q")) or CLAUSE_TAIL.search(m.group("tail")) \
                or PREPOSITION.match(m.group("q")) or NESTED.search(m.group("q")):
            return None  # "After the talks, Doe told ...": no statement before the comma
        return self._found(m.group("q"), m, s, p,
                           reported=not FIRST_PERSON.search(m.group("q")))

    def _reported(self, text: str, s: Sentence, p: int, last_verb: int) -> FoundQuote | None:
        if last_verb < 0:
            return None
        m = ACCORDING_TO.fullmatch(text) if "ccording" in text else None  # (what it holds)
        if m and not NESTED.search(m.group("q") or m.group("p")) \
                and not REPORTED_CLAUSE.search(m.group("q") or m.group("p")):
            # "..., according to the official Press Agency": what the media report
            # happened, no one's words; "..., according to Doe (the ministry)" are theirs
            return self._found(m.group("q") or m.group("p"), m, s, p, reported=True,
                               not_media=True)
        for begin in clause_starts(text[:last_verb]):
            m = REPORTED.match(text, begin)
            if not m:
                continue
            q = TRAILING_SOURCE.sub("", m.group("q1") or m.group("q2"))
            # "said in the capital ...", "said Monday ..." are not what was said; nor is the
            # rest of "This, he says, is part of the reason", its subject before
            if m.group("q2") and (PREPOSITION.match(q) or PARTICIPLE.match(q) or _PREDICATE.match(q)
                                  or (q[:1].isupper() and not _NAMED_SUBJECT.match(q))):
                continue
            if NESTED.search(q):
                continue  # "X said this, the diplomat said": whose words, unclear
            found = self._found(q, m, s, p, reported=True)
            if found:
                return found
        return None

    def _found(self, text: str, attribution: re.Match, s: Sentence, p: int,
               reported: bool, not_media: bool = False) -> FoundQuote | None:
        """The quote an attribution gives a sentence's text; with `not_media`, none when
        it names the media that report it."""
        who = who_of(attribution, self.names)
        if not who:
            return None
        speaker, kind = self._resolve(who, s.start, p)
        if not_media and kind == "institution" and is_media(speaker):
            return None
        if speaker or kind == UNNAMED:  # a later "he" is theirs, named or not
            self.spoken.append((s.start, speaker, p, kind))
        if not speaker:
            return None
        text = text.strip().rstrip(",")
        return FoundQuote(text, speaker, self.article.id, reported, who.role, kind)


# What an article calls a person: "Mr Doe", "spokeswoman Jane Doe", "Queen Ana".
_CALLED = re.compile(
    r"\b(?:(?P<he>Mr|Mister|Sir|Lord|King|Prince|spokesman|chairman|congressman|businessman)"
    r"|(?P<she>Mrs|Ms|Miss|Madam|Madame|Dame|Lady|Queen|Princess|spokeswoman|chairwoman"
    r"|congresswoman|businesswoman))\.?\s+(?:[A-Z][\w’'-]*\.?\s+){0,2}(?P<name>[A-Z][\w’'-]+)")


def _genders_in(body: str) -> dict[str, str]:
    """Surname -> "he" or "she", where the article calls the person so, and only so."""
    seen: dict[str, set[str]] = {}
    for m in _CALLED.finditer(body):
        seen.setdefault(m.group("name"), set()).add("he" if m.group("he") else "she")
    return {name: next(iter(said)) for name, said in seen.items() if len(said) == 1}


def _goes_on_from(para: str, prev: tuple[Span, str, str, int] | None, span: Span,
                  speaker: str, text: str) -> bool:
    """Whether the quotation is the rest of the sentence the one before opened, split by
    its attribution: it opens in small letters, has the same speaker, and only the
    attribution, handing over with a comma, stands between them ('“We will,” she said,
    “keep going.”'; not '... she said. “iPhones ...')."""
    return bool(prev and prev[1] == speaker and prev[0].closed and text[0].islower()
                and not _SENTENCE_END.search(para[prev[0].open:prev[0].close].rstrip())
                and para[prev[0].end:span.open].rstrip().endswith(",")
                and only_attribution(para[prev[0].end:span.open]))


def _as_curly(text: str) -> str:
    """Guillemets as curly double marks, and the double marks they hold as single ones
    («... “new” ...» as “... ‘new’ ...”): the same length, so every offset holds."""
    out, depth = list(text), 0
    for i, c in enumerate(text):
        if c in "«»":
            depth = depth + 1 if c == "«" else max(0, depth - 1)
            out[i] = "“" if c == "«" else "”"
        elif depth and c in "“”":
            out[i] = "‘" if c == "“" else "’"
    return "".join(out)


def _undated(text: str) -> str:
    # a dateline opens on two capitals, or on one and holds a bracket: most sentences do not
    if not ("A" <= text[:1] <= "Z" and ("A" <= text[1:2] <= "Z" or "(" in text)):
        return text
    m = _DATELINE.match(text)
    return text[m.end():] if m and m.end() < len(text) - 20 else text


def _names_by_title(descriptor: str) -> bool:
    """Whether a descriptor names a person by their title ("the premier", "Palace chief"),
    not a side or delegation ("the Ruritanian side")."""
    return any(bare_word(w) in TITLE_WORDS for w in descriptor.split())


def _same(a: str, b: str) -> bool:
    return contains(a, b) or contains(b, a)
