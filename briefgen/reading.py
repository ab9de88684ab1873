"""What a sentence says, read from its shape: its main clause, negation and tense.

Words shared with a section's query tell what a sentence is about; they do
not tell an agreement from a failure to agree, or a meeting held from one
announced. Three readings do:

- the main clause: a leading adverbial ("During the trip to X,") and a
  trailing subordinate clause (", after talks with ...", "amid reports ...")
  set the scene; what the sentence reports stands between them;
- negation: the main clause denies, refuses or fails ("did not agree",
  "no progress", "refused to", "showed no sign of");
- tense: what is still to come ("will visit", "plans to", "invited ... to
  visit", "next year"), against an account of what took place.

A section is read the same way, from its description and examples, so a
section whose examples fail and refuse draws negated sentences, and one
whose examples invite and plan draws future ones. Nothing here knows the
section names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .candidates import FOLLOW_UP_REACH, JOINED_FOLLOW_UP
from .regex_start import by_first_letter, case_odd

# Openers that set the scene before the main clause: "During the visit, ...".
_LEADING = re.compile(
    r"^(?:During|After|Before|Following|Ahead of|At|On|In|Speaking|Asked|Later|Earlier|Amid"
    r"|Despite|With|Since|While|When|As|Meanwhile|However|Moreover|Also|According to)\b"
    r"[^,]{0,90},\s+")
# Where a trailing subordinate clause begins: what follows sets the scene. Each way opens on
# a comma or a space: "(?:,\s+|\s+)" and a subordinator, ",\s+" and a verb of saying, or a
# dash between spaces. Written to open on the class of the two, which the engine skips to
# in C, rather than on a lookahead tried at every place; the same matches.
_SUBORDINATORS = (r"after|amid|as|while|following|before|during|since|ahead of|despite|where"
                  r"|which|who|when|whereas|according to")
_TRAILING = re.compile(
    r"[,\s](?:(?<=,)\s+(?:" + _SUBORDINATORS + r"|said|says|added|told)\b"
    r"|(?<!,)\s*(?:(?:" + _SUBORDINATORS + r")\b|[–—]\s+))")
MIN_MAIN_WORDS = 5  # a "main clause" shorter than this was cut at the wrong place

# "didn't", "won’t": the denial is inside the word, so each is listed whole, either apostrophe.
_CONTRACTIONS = [f"{verb}n['’]t" for verb in (
    "do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "ca", "wo",
    "could", "would", "should", "must", "need")]
# Both read as whether they match: their words grouped by first letter (`by_first_letter`).
_NEGATION_WORDS = [
    "not", "no", "never", "neither", "nor", "without", "cannot", *_CONTRACTIONS,
    "unable", "failed", "fail", "fails", "refused", "refuses", "refuse", "rejected", "rejects",
    "reject", "denied", "denies", "deny", "declined to", "declines to", "dismissed", "lack of",
    "little progress", "no sign", "stalled", r"remains? (?:divided|open|unresolved)",
    r"disagree\w*", r"dispute\w*", r"oppos\w+", r"concern\w*", r"warn\w*", r"criticiz\w+",
    r"criticis\w+", r"condemn\w*", r"accus\w+", r"urged\b[^.]{0,60}\bnot to"]
_FUTURE_WORDS = [
    "will", "shall", "'ll", "going to", "plans? to", "planned", "planning to", "expected to",
    "expects to", "is to", "are to", "set to", "scheduled to",
    "due to (?:visit|meet|travel|hold|attend)", "intends? to", r"invit\w+",
    "next (?:week|month|year|round|meeting|summit)", "later (?:this|in the) (?:year|month)",
    "upcoming", "coming (?:days|weeks|months)", "at a convenient time", "follow-up",
    r"soon(?! after| thereafter)"]  # "soon after the talks" is the past
_NEGATION = re.compile(r"\b" + by_first_letter(_NEGATION_WORDS) + r"\b", re.I)
_FUTURE = re.compile(r"\b" + by_first_letter(_FUTURE_WORDS) + r"\b", re.I)
_NEGATION_LOWER = re.compile(_NEGATION.pattern)
_FUTURE_LOWER = re.compile(_FUTURE.pattern)
# Either, anywhere in the sentence: a cue of the main clause is one of the sentence too (the
# clause is cut where a space, comma or quotation mark stands, so a word boundary at its
# ends is one in the sentence), and most sentences hold none. Both lists grouped by first
# letter as one: a place is tried once, not once for each.
_EITHER = re.compile(r"\b" + by_first_letter(_NEGATION_WORDS + _FUTURE_WORDS) + r"\b", re.I)
_EITHER_LOWER = re.compile(_EITHER.pattern)
# Words after "not", "no" or "never" that make it deny nothing: "not only ... but", "no
# doubt", "no later than", "never before". (As the scope of a denial, "no more than", "no
# matter" and "not since" deny no word after them either; as a reading, "no more talks" does.)
_DENYING_NOTHING_AFTER = "only|just|merely|doubt|later|sooner|least|before"
# Those, and praise put as a denial ("could not have been happier", "ties have never been
# stronger", "could not agree more").
_NOT_DENYING = re.compile(
    rf"(?:\b(?:not|no|never)\s+(?:{_DENYING_NOTHING_AFTER})"
    r"|(?:\bnot|\bnever|n['’]t)\s+(?:have\s+)?(?:been\s+|be\s+)?(?:happier|better|prouder|stronger"
    r"|closer|more\s+(?:pleased|satisfied|delighted|grateful|proud)|agree\s+more))\b", re.I)
# A word stands in the scope of a denial when one of these comes before it, at most
# DENIAL_SCOPE words away with no punctuation, turn ("but", "while") or new clause ("when",
# "that") between: "no agreement", "did not agree on", "no effective alternatives to the
# agreement", "failed to sign"; not "did not say when the deal would be signed". Not "not
# only", "not just", "no later than", "never before": those deny nothing after them.
DENIAL_SCOPE = 8
_DENIER_WORDS = ["not", "no", "never", "without", "cannot", "nothing", "none", "neither", "nor",
                 r"fail(?:s|ed)? to", "unable to", "lack of"]
_DENIERS = (r"(?:\b" + by_first_letter(_DENIER_WORDS) + r"\b(?!\s+(?:"
            + _DENYING_NOTHING_AFTER + r"|less|more|matter|since)\b)|n['’]t\b)")
# A cheap first look: it matches wherever a denier may stand (it is looser: no word
# boundary before, no exceptions after), so a text it finds nothing in holds no denial; it
# opens on a letter, which the engine finds fast. A property test holds it to _DENIERS.
_MAY_DENY = (r"n(?:o|ot|ever|one|othing|either|or|['’]t)\b"
             r"|(?:without|cannot|unable to|lack of|fail(?:s|ed)? to)\b")
_MAY_DENY_ANY_CASE = re.compile(_MAY_DENY, re.I)
_MAY_DENY_LOWER = re.compile(_MAY_DENY)
_TURN = (r"(?:but|while|whereas|although|though|instead|rather|however|when|whether|that"
         r"|which|who|if|because|until)\b")
# Words and what stands between them share no character (a hyphen only stands between:
# "free-trade" is two words), so the engine has one way to read a run of dashes, not
# exponentially many.
_IN_DENIAL = re.compile(_DENIERS + r"(?:[\s-]+(?!" + _TURN + r")[\w'’]+)"
                        + f"{{0,{DENIAL_SCOPE}}}" + r"\s+$", re.I)
_SCOPE_CHARS = 120  # room for DENIAL_SCOPE words before a word
# Things scheduled for a clock time, a day of this week or tomorrow: a preview written
# before the event, not a next step.
_SAME_DAY = re.compile(r"\b(?:\d{1,2}(?::\d\d)?\s?[ap]\.?m\.?|today|tonight|tomorrow"
                       r"|this (?:morning|afternoon|evening)|later (?:on )?(?:today|in the day)"
                       r"|(?:on|late|early) (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b", re.I)


@dataclass(frozen=True, slots=True)  # one per group of the day, kept for its later readers
class Reading:
    negated: bool
    future: bool
    preview: bool  # future with a same-day time: the schedule of the event being covered

    def aspects(self) -> tuple[float, float]:
        return float(self.negated), float(self.future)


ASPECTS = ("negated", "future")
# every reading there is, made once: a group's is one of these, not an object of its own
_READINGS = {(n, f, p): Reading(negated=n, future=f, preview=p)
             for n in (False, True) for f in (False, True) for p in (False, True)}
_PLAIN = _READINGS[False, False, False]


def main_clause(sentence: str) -> str:
    start, end = main_span(sentence)
    return sentence[start:end]


def main_span(sentence: str) -> tuple[int, int]:
    """Where the main clause stands in the sentence: a cue found by one scan of the whole
    sentence can then be told inside or outside it by its place."""
    stripped = sentence.strip()
    start = len(sentence) - len(sentence.lstrip())
    text = stripped.strip("“”\"")
    start += len(stripped) - len(stripped.lstrip("“”\""))
    lead = _LEADING.match(text)
    if lead and len(text[lead.end():].split()) >= MIN_MAIN_WORDS:
        start += lead.end()
        text = text[lead.end():]
    if JOINED_FOLLOW_UP.search(text, max(0, len(text) - FOLLOW_UP_REACH)):
        # "... said during the talks. They lasted about three hours.": the follow-up joined
        # to the sentence says what the line reports, so the main clause runs on to its end
        return start, start + len(text)
    for m in _TRAILING.finditer(text):
        if len(text[:m.start()].split()) >= MIN_MAIN_WORDS:
            return start, start + m.start()
    return start, start + len(text)


# Selection reads every group three times (summary, fit, sections): the cache holds every
# group of a 10,000-article day, at some 150 bytes a group.
@lru_cache(maxsize=1 << 19)
def read(sentence: str) -> Reading:
    if not (_EITHER.search(sentence) if not sentence.isascii() and case_odd(sentence)
            else _EITHER_LOWER.search(sentence.lower())):
        return _PLAIN  # no cue anywhere: no main clause to find
    main = main_clause(sentence)
    # searched in small letters with the case-sensitive copies (their words are in small
    # letters): the same findings, about half the time
    negation, future_words, text = (_NEGATION, _FUTURE, main) if case_odd(main) \
        else (_NEGATION_LOWER, _FUTURE_LOWER, main.lower())
    future = bool(future_words.search(text))
    negated = negation.search(text) is not None
    if negated and _NOT_DENYING.search(text):
        negated = negation.search(_NOT_DENYING.sub(" ", text)) is not None
    return _READINGS[negated, future,
                     future and bool(_SAME_DAY.search(sentence))]


def may_deny(text: str) -> bool:
    """Whether a denial may stand in the text: if not (most texts), no word of it is
    `denied_at`."""
    return bool(_MAY_DENY_ANY_CASE.search(text) if not text.isascii() and case_odd(text)
                else _MAY_DENY_LOWER.search(text.lower()))


def denied_at(text: str, start: int) -> bool:
    """Whether the word beginning at `start` stands in the scope of a denial."""
    return _IN_DENIAL.search(text, max(0, start - _SCOPE_CHARS), start) is not None


def profile(texts: list[str]) -> tuple[float, ...]:
    """How strongly a section's own texts (description, examples) show each aspect."""
    readings = [read(t) for t in texts if t.strip()]
    if not readings:
        return (0.0,) * len(ASPECTS)
    return tuple(sum(r.aspects()[i] for r in readings) / len(readings)
                 for i in range(len(ASPECTS)))
