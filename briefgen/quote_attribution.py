"""Who a sentence says spoke: the patterns of attribution ('"...," Doe said', 'Doe said
that ...', '..., according to Doe', with or without quotation marks) and the speaker a
match names."""

from __future__ import annotations

import re
from collections.abc import Callable

from .name_words import CAPITALS, INSTITUTION_WORDS, LINKING, NAME_RUN, NAME_RUNS, TITLE_WORD
from .regex_start import by_first_letter
from .speaker_who import Who, read_who
from .speakers import Names

_VERB_WORDS = [
    "said", "says", "told", "tells", "added", "adds", "stated", "noted", "declared", "remarked",
    "argued", "wrote", "warned", "insisted", "stressed", "explained", "asked", "replied",
    "responded", "continued", "emphasi[sz]ed", "claimed", "disagreed", "urged", "announced",
    "demanded", "telling", "saying", "affirmed", "reaffirmed", "assured", "answered",
    "underlined", "underscored", "reiterated", "recalled", "observed", "commented",
    "acknowledged", "admitted", "conceded", "confirmed", "vowed", "pledged", "promised",
    "predicted", "cautioned", "complained", "countered", "maintained", "concluded", "quipped",
    "joked", "tweeted", "posted", "writes", "explains", "recalls", "admits", "insists", "warns",
    "argues", "notes", "weighed in",
    *(rf"{be} quoted(?: by [^,.;“”\"]{{1,60}}?)? as (?:saying|telling)" for be in ("is", "was")),
    "pointed out"]
# Each list of words is grouped by first letter (by_first_letter): an attribution's verb is
# tried at each word of the phrase before it, against the few words of that word's letter,
# not all sixty. Words of different letters never match at one place, and those of a letter
# keep their order, so every match is the same.
_VERBS = by_first_letter(_VERB_WORDS)
# What else makes someone the subject of speech in a sentence ("Doe spoke about ...").
_SPEECH_WORDS = [*_VERB_WORDS, "spoke", "held that", "expressed", "suggested", "proposed",
                 "called", "told"]
_SPEECH = by_first_letter(_SPEECH_WORDS)
# An adverb and "has"/"had" before a verb, each as a choice with an empty alternative
# rather than an optional group: tried in the same order, so the same matches, and the
# engine takes a branch faster than it repeats a group (a tenth off SPEAKS).
_ADVERB = r"(?:(?:\w+ly|also|then|later|again|further|earlier|on \w+day|\w+day)\s+|)"
_PERFECT = r"(?:has\s|had\s|)"
# An attribution phrase: "he", "Jane Doe", "Mr. Doe", "the Ruritanian leader", "state broadcaster
# RTV"; read_who() decides whether it names anyone.
# What follows a phrase's capital, up to 70 units: each a character that ends no phrase,
# or a dot that ends no sentence ("U.S.", "Mr. Doe", "J. Doe").
_NAME_CHAR = r"[^,;:!?“”\"\n.]"
_NAME_UNITS = (rf"(?:{_NAME_CHAR}|\.(?!\s)|(?<=\b(?:Mr|Ms|Dr|St|Jr))\.\s|(?<=\s[A-Z])\.\s)"
               r"{0,70}?")
# The same, read as a run of that one character where no dot stands among those 70 (most
# phrases): the engine steps through a class far faster than through a group of
# alternatives (a fifth off the patterns with a phrase); the units only where a dot does.
_NAME_TAIL = (rf"(?:(?={_NAME_CHAR}{{0,70}}+(?!\.)){_NAME_CHAR}{{0,70}}?"
              rf"|(?!{_NAME_CHAR}{{0,70}}+(?!\.)){_NAME_UNITS})")
# A title in small letters right before a name, as wire copy writes it: "opposition leader
# Dana Krell", "government spokesman Sam Roe" (up to two words before the title, none of
# them a word that only links: not "when prime minister Roe"). It opens on a small letter,
# so it is tried where a title word may stand: its first letter is looked at first.
_SMALL_TITLE = (rf"(?<![\w’'-])(?:(?!{LINKING})[a-z][\w’'-]*\s){{0,2}}?"
                rf"{TITLE_WORD}\s(?=[{CAPITALS}])")
_PHRASE = (r"(?:\b(?:he|she|He|She)\b|(?<![\w’'])(?:von|van|de|da|del|al|bin)\s(?:der\s|den\s)?"
           r"[A-Z][\w’'-]+|\b(?:the|a|an|The|A|An)\s(?:[^\s,;:!?“”\"]+\s){0,6}?"
           rf"[^\s,;:!?“”\"]+|(?:{_SMALL_TITLE})?(?<![\w’'])[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ]{_NAME_TAIL})")
# "Jane Doe, the minister, said" / "The minister, Jane Doe, said": the name may be either side.
# A clause on a pronoun is none: "Normally, he’d spend his weekends there, but ..." does not
# make "Normally" someone.
_PRONOUN = r"(?:he|she|they|it|we|I|you)\b"
# (nor a list's next item: "in Munich, Germany, and co-author of the study, said" is
# within a longer apposition, and "Germany" no speaker)
_NOT_PRONOUN = rf"(?!{_PRONOUN}|(?:and|or)\s)"
_APPOSITION = rf"(?:,\s(?P<ap>{_NOT_PRONOUN}[^,;“”\"]{{1,80}}),)?"
# The apposition and the space after the phrase, as two alternatives rather than an
# optional group before the space: tried in the same order, so the same matches, but at
# each place the phrase may end (its every character) they fail at once where neither a
# comma nor a space stands (a tenth off the patterns with a phrase).
_APPOSITION_SPACE = rf"(?:,\s(?P<ap>{_NOT_PRONOUN}[^,;“”\"]{{1,80}}),\s+|\s+)"
# The speaker after the verb ("said Jane Doe, the minister"): a whole name, or "the ..." up to
# where the attribution goes on ("said the chancellor in Berlin").
# A name before an institution's words names that institution: "according to Ruritanian state
# media" is the media, no person called "Ruritanian".
_BODY = by_first_letter(sorted(INSTITUTION_WORDS))
_BODY_AFTER_NAME = rf"(?:\s(?:state\s|official\s)?{_BODY}\b(?:\s{_BODY}\b)?)?"
_PHRASE_AFTER = (rf"(?:\b(?:he|she)\b|(?:the|a|an)\s(?:[\w’'-]+\s){{0,4}}?[\w’'-]+"
                 rf"(?=[,.;:!?]|\s(?:of|in|at|on|during|after|before|who|when|while|as|to|from"
                 rf"|with)\b|$)|(?:{_SMALL_TITLE})?{NAME_RUN}(?:\s\([A-Z]{{2,6}}\))?"
                 rf"{_BODY_AFTER_NAME})")
# '"...," Name said' / '"...," said Name' right after the closing mark; '" to Doe, Roe said'.
# (whom a speaker tells, "Doe weighed in, telling Roe, ...", is no speaker after the verb)
AFTER = re.compile(
    rf"[\s,]*(?:[^“”\"\n.!?,]{{1,40}},\s)?(?:(?P<a>{_PHRASE}){_APPOSITION_SPACE}{_ADVERB}"
    rf"{_PERFECT}{_VERBS}\b|(?!t[eo]l|saying){_VERBS}\s+(?P<b>{_PHRASE_AFTER}))")
# The sentence after a quotation that ends its own, when it may say only who spoke ('“...
# now.” She said on Monday.'): short, and holding a verb of AFTER (asked of every such
# quotation before AFTER is, which far more often fails there)
ONLY_ATTRIBUTION = re.compile(rf"[^.!?“”\"\n]{{0,90}}?\b{_VERBS}\b[^.!?“”\"\n]{{0,70}}[.!?]")
# '"...," read a statement from the Prime Minister's Office', '"...," according to Doe', '"...,"
# according to a readout from the ministry', '"...," state media quoted Jane Doe as saying'
AFTER_SOURCE = re.compile(
    rf"[\s,]*(?:(?:read\s|according\sto\s)(?:a|the)\s(?:\w+\s)?(?:statement|readout|transcript)"
    rf"\s(?:from|by|of|issued\sby)|according\sto)\s(?P<a>{_PHRASE_AFTER})"
    rf"|[\s,]*(?:[\w’'-]+\s){{1,5}}?quoted\s(?P<b>{_PHRASE_AFTER})\s+as\s+(?:saying|telling)\b")
# 'Name said: "..."', 'He added, "..."', 'Doe told reporters that "..."' before the mark.
_AT_END = r"(?:\s+[\w’'.-]+){0,5}?\s*[,:]?\s*$"
_VERB_AT_END = _VERBS + _AT_END
_BEFORE = re.compile(rf"(?P<a>{_PHRASE}){_APPOSITION_SPACE}{_ADVERB}{_PERFECT}{_VERB_AT_END}")
# what every match of _BEFORE ends on, found far faster: a lead without it is not searched
# (the verbs grouped by first letter: a match where the plain alternation has one)
_VERB_ENDS = re.compile(by_first_letter(_VERB_WORDS) + _AT_END)
QUOTED_AS = re.compile(rf"quoted\s(?P<a>him|her|{_PHRASE})\sas\ssaying[,:]?\s*$")
SAYING = re.compile(r"(?:,\s*|\band\s)(?:saying|adding)[,:]?\s*$")
# The subject a sentence opens on, after an opening phrase: "On trade, Doe then said: " (not
# "Normally, he ...": a pronoun after it makes the word before an opener). A title right
# after it is no verb: "The Russian leader stressed ..." is the leader, not "The Russian".
SUBJECT = re.compile(rf"(?:(?P<op>[^,“”\"]{{1,80}}),\s)?(?P<a>{_PHRASE}){_APPOSITION}"
                     rf"(?:,\s+|\s+(?!{TITLE_WORD}\b)){_ADVERB}"
                     rf"(?!(?:of|the|and|or|in|on|at|for|to|with|from|by|as)\b){_NOT_PRONOUN}[a-z]")
# Someone speaking in a sentence: "palace spokesman Jane Doe stressed", "said Jane Doe".
SPEAKS = re.compile(rf"\b[Aa]ccording to (?P<c>{_PHRASE}),"
                    rf"|(?P<a>{_PHRASE}){_APPOSITION_SPACE}{_ADVERB}{_PERFECT}{_SPEECH}\b"
                    rf"|\b(?:said|says|added)\s+(?P<b>{_PHRASE_AFTER})")
# Where speech is named: asked where, not what, so its words are grouped by first letter.
SPEECH_WORD = re.compile(rf"\b{by_first_letter(_SPEECH_WORDS)}\b|\b[Aa]ccording to\b")
# A sentence that is speech with its quotation marks lost: "We disagree, Doe said."
UNMARKED = re.compile(
    rf"(?P<q>[A-Z][^“”\"]{{25,}}?),\s+(?:(?P<a>{_PHRASE})\s+{_ADVERB}(?:has\s)?"
    rf"(?:said|says|told|added|noted|stressed|affirmed|assured)"
    rf"|(?:said|says|added)\s+(?P<b>{_PHRASE_AFTER}))\b(?P<tail>[^.!?]{{0,120}})[.!?]")
SAID_AFTER_COMMA = re.compile(r",\s(?:[^,]{1,80}?\s)?(?:said|says|told|added|noted|stressed"
                              r"|affirmed|assured)\b")
REPORTED_CLAUSE = re.compile(r"\b(?:\w+ed|said|says) that\b")
CLAUSE_TAIL = re.compile(r"\b(?:that|is|are|was|were|has|have|had|will|would)\b")
# Reported speech: "Doe said (on Monday) (that) the talks ...", "Doe reaffirmed that ...".
_SAID_WORDS = ["said", "says", "added", r"told\s(?:reporters|journalists|the\spress)"]
_SAID = "(?:" + "|".join(_SAID_WORDS) + ")"
_REPORTING_WORDS = [
    r"told\s(?:[\w’'-]+\s){0,4}?[\w’'-]+", "stated", "noted", "warned", "insisted", "stressed",
    "emphasi[sz]ed", "underlined", "underscored", "reaffirmed", "affirmed", "reiterated", "held",
    "suggested", "pointed out", "assured", "announced", "confirmed", "acknowledged", "argued",
    "explained", "recalled", "believes",
    "expressed (?:hope|confidence|concern|the hope|the belief)"]
_REPORTING = by_first_letter([*_SAID_WORDS, *_REPORTING_WORDS])
_WHEN = r"(?:\s(?:on\s)?(?:\w+day|last\s\w+|this\s\w+))?"
REPORTED = re.compile(
    rf"(?P<a>{_PHRASE}){_APPOSITION_SPACE}{_ADVERB}{_PERFECT}(?:"
    rf"(?P<v1>{_REPORTING}){_WHEN}(?:\s(?:here|there|on|in|at|during|after|before|while|when"
    rf"|following|later|earlier)\b[^,“”\"]{{0,50}}?)?,?\sthat\s(?P<q1>\S.*?)"
    rf"|(?P<v2>{_SAID}){_WHEN},?\s(?P<q2>\S.*?))[.!?]?$")
# The same words grouped by first letter, each letter's in their order: the same one
# matches at each place, far faster (every word is tried only against its letter's).
_REPORTING_WORDS_GROUPED = by_first_letter(
    [*_SAID_WORDS, *_REPORTING_WORDS, r"according\sto", r"According\sto"])
REPORTING_WORD = re.compile(r"\b" + _REPORTING_WORDS_GROUPED + r"\b")
# The same with the character before the word, which \b makes no word character: the
# engine skips to such characters in C instead of trying every place (a sixth less time).
_NON_WORD_REPORTING_WORD = re.compile(r"\W" + _REPORTING_WORDS_GROUPED + r"\b")
ACCORDING_TO = re.compile(rf"(?P<q>[A-Z][^“”\"]{{25,}}?),\saccording\sto\s(?P<a>{_PHRASE})[.!?]$"
                          rf"|According\sto\s(?P<b>{_PHRASE}),\s(?P<p>[^“”\"]{{25,}}?)[.!?]$")
# "..., according to RTV" / "..., state broadcaster RTV reported": who passed the words on
TRAILING_SOURCE = re.compile(r",\s(?:(?:according\sto|citing)\s[^,]{1,80}"
                             r"|(?:[\w’'()-]+\s){1,5}(?:reported|reports|said|says))$")
PARTICIPLE = re.compile(r"[a-z]+ing\b")
# "..., the diplomat said", "..., state broadcaster RTV reported": someone else's report
NESTED = re.compile(r"\b(?:said|says|told|added)\b"
                    r"|,\s(?:[\w’'-]+\s){0,4}(?:reported|writes|wrote)\b")
PREPOSITION = re.compile(r"(?:in|on|at|during|after|before|while|here|there|to|for|with|from|"
                         r"by|of|as|about|when|following|despite|amid|since|until)\b", re.I)
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|we|We|our|Our|us|my|My|me)\b")


def last_reporting_word(text: str) -> int:
    """Where the last match of REPORTING_WORD.finditer(text) starts; -1 if none. Read in
    " " + text, a match holding the character before the word starts where the word
    does in text (the first word, too, has a non-word character before it there); and
    as no match ends on a non-word character, the next one's is never taken by it."""
    last = -1
    for m in _NON_WORD_REPORTING_WORD.finditer(" " + text):
        last = m.start()
    return last


def subject_of(text: str, names: Names) -> Who | None:
    """Who a sentence opens on (SUBJECT). A person's name read as its opening phrase, with a
    descriptor as the subject, is the subject with that descriptor in apposition: "Jane Doe,
    the grandson of the founder, spoke on the call and said" is Doe speaking."""
    m = SUBJECT.match(text)
    if not m:
        return None
    who = who_of(m, names)
    kin = None if who else _KIN_APPOSITION.match(text)
    if kin:
        return _named_last(kin.group("ap"), names)  # "Doe’s son, filmmaker Sam Roe, recalls"
    opener = m.group("op")
    if opener and (who is None or who.kind == "descriptor"):
        named = read_who(opener, names)
        if named and named.kind == "person" and named.text == opener:
            return named
    return who


def who_of(m: re.Match, names: Names) -> Who | None:
    """Who an attribution match names: the person in its apposition ("The minister, Jane Doe,
    said", the title then being the phrase), else its phrase ("Jane Doe, 64, said")."""
    groups = m.groupdict()
    phrase = groups.get("c") or groups.get("a") or groups.get("b") or ""
    if groups.get("ap"):
        inner = read_who(groups["ap"], names)
        if (inner is None or inner.kind != "person") and _KIN.fullmatch(phrase):
            inner = _named_last(groups["ap"], names)  # "Doe’s son, filmmaker Sam Roe,"
        if inner and inner.kind == "person":
            outer = read_who(phrase, names)
            title = outer.text if outer and outer.kind == "descriptor" else ""
            return Who("person", inner.text, inner.role or title)
    return read_who(phrase, names)


# Someone named by whose they are ("Doe’s son", "Doe's lawyer"): their name is in apposition.
_KIN = re.compile(rf"[{CAPITALS}][\w’'-]*[’']s\s[a-z]+")
_KIN_APPOSITION = re.compile(rf"{_KIN.pattern},\s(?P<ap>[^,;“”\"]{{1,80}}),")
_BRACKETS_AT_END = re.compile(r"\s*\([^()]*\)\s*$")


def _named_last(apposition: str, names: Names) -> Who | None:
    """The person an apposition ends on ("filmmaker Sam Roe"), its words before as no title."""
    apposition = _BRACKETS_AT_END.sub("", apposition)  # "Sam Roe (“Film One”)"
    runs = list(NAME_RUNS.finditer(apposition))
    if not runs or runs[-1].end() != len(apposition.rstrip()):
        return None
    ws = runs[-1].group().split()
    return Who("person", " ".join(ws)) if names.is_person(ws) else None


_CLAUSE_BREAK = re.compile(r",\s|\s(?:and|but|while)\s(?=[A-Z])")
_LOWER_WORD = re.compile(r"\s[a-z]+\s")
_NEXT_WORD = re.compile(r"\s\S")


def clause_starts(text: str) -> list[int]:
    """Where the main clause of a sentence may start: its beginning, after an opening phrase
    ("In the capital, Doe said ..."; "Welcoming the guests, Doe held that ..."), or after a first
    clause ("The two shook hands and Doe said ...")."""
    starts = [0]
    for m in _CLAUSE_BREAK.finditer(text[:200]):
        before = text[starts[-1]:m.start()]
        if m.group().startswith(",") or _LOWER_WORD.search(before):
            starts.append(m.end())  # "The two shook hands and Doe said ..." (not "X and Doe")
    return starts


def speakers_before(lead: str):
    """Every attribution ending the lead of a quotation ('Name said: ', 'He added, '), as
    `search_all` gives them."""
    return search_all(_BEFORE, lead) if _VERB_ENDS.search(lead) else ()


def speakers_in(text: str):
    """Every match of SPEAKS in text, as `search_all` gives them. Each holds a speech word
    (its verb, or "said", or "according to") at or after its start, so a match starts at a
    word no later than the text's last speech word: only those words are tried (those an
    alternative of SPEAKS may start at), not the rest of the text, which a search goes
    through before it fails."""
    last = _last_start(SPEECH_WORD, text)

    def first_from(pos: int) -> re.Match | None:
        for w in _SPEAKER_START.finditer(text, pos):  # (its lookahead may read past `last`)
            if w.start() > last:
                return None
            m = SPEAKS.match(text, w.start())
            if m:
                return m
        return None

    return _one_per_word(text, first_from, last + 1)


# The word starts where one of SPEAKS's alternatives may start: a capital, or a lower-case
# word one opens on ("he", "the", "von", "according", "said"), or a title in small letters
# before a name; most words are none of these.
_SPEAKER_START = re.compile(rf"\b(?=[{CAPITALS}]|(?:he|she|the|a|an|von|van|de|da|del|al|bin"
                            rf"|according|said|says|added)\b|{_SMALL_TITLE})\w")


def _last_start(pattern: re.Pattern, text: str) -> int:
    """Where the last match of pattern starts, overlapping ones too; -1 if none does."""
    last, m = -1, pattern.search(text)
    while m:
        last = m.start()
        m = pattern.search(text, last + 1)
    return last


def search_all(pattern: re.Pattern, text: str):
    """Every match of pattern, one per starting word, leftmost first (overlapping ones too)."""
    return _one_per_word(text, lambda pos: pattern.search(text, pos), len(text))


def _one_per_word(text: str, first_from: Callable[[int], re.Match | None], end: int):
    """The matches `first_from(pos)` gives, each search from the word after the last
    match's first word, while it starts before `end`."""
    pos = 0
    while pos < end:
        m = first_from(pos)
        if not m:
            return
        yield m
        nxt = _NEXT_WORD.search(text, m.start())
        if not nxt:
            return
        pos = nxt.end() - 1
