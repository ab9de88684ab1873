"""Direct quotes with their speakers, merged across outlets.

A quote is the exact text between quotation marks; it is kept only when the
paragraph says who spoke ("...," Name said / Name said: "..." / he said, with
"he" resolved to the person named in that sentence or the two before). A
sentence whose marks were lost in copying ("We disagree, Doe said.") counts
too. A one-word speaker is expanded to the full name the articles use most
("Smith" -> "Jane Smith"), and the role they give is kept ("Foreign Minister").
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .model import Article, Quote, Sentence
from .segment import paragraph_spans

_QUOTE = re.compile(r"[\"“]([^\"“”]{8,800}?)[\"”]")
_VERBS = (r"(?:said|says|told|tells|added|adds|stated|noted|declared|remarked|argued|wrote"
          r"|warned|insisted|stressed|explained|asked|replied|responded|continued|emphasi[sz]ed"
          r"|claimed|disagreed|urged|announced|demanded|telling|saying)")
_NAME = r"(?:(?:Mr|Mrs|Ms|Dr)\.\s)?[A-Z][\w’'.-]+(?:\s[A-Z][\w’'-]+){0,3}"
_PRONOUN = r"(?:he|she|He|She)"
# '"...," Name said' or '"...," said Name' right after the closing mark.
_AFTER = re.compile(
    rf"^[,\s]*(?:(?P<a>{_NAME}|{_PRONOUN})\s+{_VERBS}\b|{_VERBS}\s+(?P<b>{_NAME}|{_PRONOUN})\b)"
)
# 'Name said: "..."' or 'Name said, "..."' right before the opening mark.
_BEFORE = re.compile(rf"(?P<a>{_NAME}|{_PRONOUN})\s+{_VERBS}(?:\s+\w+){{0,3}}[,:]?\s*$")
# A sentence that is speech with its quotation marks lost: "We disagree, Doe said."
_UNMARKED = re.compile(
    rf"^(?P<q>[A-Z][^“”\"]{{25,}}?),\s+(?:(?P<a>{_NAME}|{_PRONOUN})\s+(?:said|says|told|added)"
    rf"|(?:said|says|added)\s+(?P<b>{_NAME}))\b(?P<tail>[^.!?]{{0,100}})[.!?]$"
)
# Reported speech: "Doe said (that) the talks ...", "The talks ..., according to Doe."
_REPORTED_SPEECH = re.compile(
    rf"^(?P<a>{_NAME})\s+(?:said|says|told reporters|added|stated|noted|warned|insisted)"
    rf"(?: on \w+day)?,? (?:that )?(?P<q>[a-z][^“”\"]{{20,}}?)[.!?]$")
_ACCORDING_TO = re.compile(rf"^(?P<q>[A-Z][^“”\"]{{25,}}?), according to (?P<a>{_NAME})[.!?]$")
_SAID_AFTER_COMMA = re.compile(r", (?:[\w.’'-]+ ){0,4}(?:said|says|told|added)\b")
# Reported, not quoted: "X reiterated that ..., Doe said", "..., Doe said the cause is ..."
_REPORTED_CLAUSE = re.compile(r"\b(?:\w+ed|said|says) that\b")
_CLAUSE_TAIL = re.compile(r"\b(?:that|is|are|was|were|has|have|had|will|would)\b")
# Words that make a phrase a role: "Foreign Minister", "the top diplomat".
_TITLE_WORDS = ("President|Prime Minister|Minister|Secretary|Spokes(?:wo)?man|Spokesperson"
                "|Ambassador|Chancellor|Premier|Director|Chief|Envoy|Senator|Governor|General"
                "|Chair(?:man|woman)?|Commissioner|Advis[eo]r|Dean|Professor|Mayor|Leader"
                "|Diplomat|Official|Fellow|Analyst|Head|King|Queen|Speaker|Representative")
_TITLE = rf"(?:{_TITLE_WORDS})"
_TITLE_LOWER = rf"(?:{_TITLE_WORDS.lower()})"
# Words that start capitalized phrases but are not people.
_NOT_PEOPLE = {
    "The", "A", "An", "This", "That", "It", "They", "We", "I", "But", "And", "In", "On",
    "According", "State", "Department", "Ministry", "Foreign", "White", "House",
    "Both", "Officials", "Official", "Mr", "Mrs", "Ms",
}
# "Smith said", "Smith, the minister, said", "said Smith"
_SPEAKS = re.compile(rf"\b([A-Z][a-z]+)(?:,[^,]{{1,80}},)?\s+{_VERBS}\b")
# "in Paris", "across the Baltic Sea": every word of the name is a place word.
_PLACE = re.compile(r"\b(?:in|across|inside|throughout|near|over)\s+(?:the\s+)?"
                    r"([A-Z][a-z]+(?:\s[A-Z][a-z]+)*)")
_SENTENCE_END = re.compile(r"(?:\n|[.!?][\"”’]?\s)$")
_CAPITALIZED_RUN = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s[A-Z][a-z]+(?:-[A-Z][a-z]+)?)*")


@dataclass(frozen=True)
class _Found:
    text: str
    speaker: str
    article_id: str
    reported: bool = False


def find_quotes(articles: Sequence[Article], sentences: Sequence[Sentence], min_words: int,
                max_words: int) -> list[Quote]:
    """Quotes in the articles; `sentences` are their sentences as segment() split them."""
    names = _person_names(articles)
    name_words = _speaker_words(articles, names)
    by_paragraph: dict[tuple[str, int], list[Sentence]] = {}
    for sentence in sentences:
        by_paragraph.setdefault((sentence.article_id, sentence.paragraph), []).append(sentence)
    full_names: dict[str, str] = {}
    found: list[_Found] = []
    for article in articles:
        for p, (start, end) in enumerate(paragraph_spans(article.body)):
            para = article.body[start:end]
            para_sentences = by_paragraph.get((article.id, p), [])
            statements = [(t, w, at, False) for t, w, at in
                          _direct_speech(para, start, para_sentences)]
            statements += [(t, w, at, True) for t, w, at in _reported_speech(para_sentences,
                                                                               start)]
            for text, who, at, reported in statements:
                if who.lower() in ("he", "she"):
                    before = _sentences_before(by_paragraph, article.id, p, start + at)
                    holding = article.body[max([start, *(b.end for b in before)]):start + at]
                    who = _last_named([*(b.text for b in before), holding], name_words)
                if who not in full_names:
                    full_names[who] = _full_name(who, names)
                speaker = full_names[who]
                if speaker and min_words <= len(text.split()) <= max_words:
                    found.append(_Found(text, speaker, article.id, reported))
    roles = _roles(articles, {q.speaker for q in found})
    return [replace(q, role=roles.get(q.speaker, "")) for q in _merge(found)]


ROLE_SAMPLE = 50  # mentions with a role seen per person: enough to know the usual one
NAME_SAMPLE = 2_000_000  # characters of text read to learn full names
_ROLE_BEFORE = re.compile(rf"((?:[A-Z][\w’'.-]+ (?:of |for )?){{0,4}}?{_TITLE}"
                          rf"(?: of [A-Z][\w-]+)?) $")
_ROLE_AFTER = re.compile(rf", (?:the |a |an )?([^,.;“”\"]{{0,60}}?\b{_TITLE_LOWER}\b"
                         rf"[^,.;“”\"]{{0,60}}?)[,.]")


def _roles(articles: Sequence[Article], people: set[str]) -> dict[str, str]:
    """Each speaker's role as the articles most often give it: "Foreign Minister Jane
    Doe" or "Jane Doe, the foreign minister," -> "Foreign Minister"."""
    if not people:
        return {}
    counts: dict[str, Counter] = {p: Counter() for p in people}
    by_form = {p: p for p in people} | {p.split()[-1]: p for p in people if " " in p}
    for article in articles:
        body = article.body
        for form, person in by_form.items():
            if sum(counts[person].values()) >= ROLE_SAMPLE:
                continue
            at = body.find(form)  # plain find: far faster than one regex over every body
            while at != -1:
                end = at + len(form)
                whole_word = (not at or not body[at - 1].isalnum()) and \
                    (end == len(body) or not body[end].isalnum())
                if whole_word:
                    before = " " in form and _ROLE_BEFORE.search(body, max(0, at - 80), at)
                    if before:
                        counts[person][before.group(1).strip()] += 1
                    after = _ROLE_AFTER.match(body, end)
                    if after:
                        counts[person][after.group(1).strip()] += 1
                at = body.find(form, end)
    return {p: c.most_common(1)[0][0] for p, c in counts.items() if c}


def _direct_speech(para: str, para_start: int,
                   sentences: list[Sentence]) -> list[tuple[str, str, int]]:
    """(words, who, offset) for each statement in a paragraph: text in quotation marks,
    and sentences whose marks were stripped in copying ("We disagree, Doe said.")."""
    out = []
    for m in _QUOTE.finditer(para):
        out.append((m.group(1).strip().rstrip(","), _speaker(para, m), m.start()))
    if not _SAID_AFTER_COMMA.search(para):
        return out  # no sentence here can be unmarked speech
    for sentence in sentences:
        m = _UNMARKED.match(sentence.text)
        if m and not any(c in sentence.text for c in "\"“”") and not (
                _REPORTED_CLAUSE.search(m.group("q")) or _CLAUSE_TAIL.search(m.group("tail"))):
            out.append((m.group("q"), m.group("a") or m.group("b"), sentence.start - para_start))
    return out


def _reported_speech(sentences: list[Sentence], para_start: int) -> list[tuple[str, str, int]]:
    """(words, who, offset) for "Doe said the talks would resume." and "..., according to
    Doe.": the words are the source's, the speaker's own words are not claimed."""
    out = []
    for s in sentences:
        if any(c in s.text for c in "\"“”"):
            continue  # direct speech is found with its quotation marks
        m = _REPORTED_SPEECH.match(s.text) or _ACCORDING_TO.match(s.text)
        if m:
            out.append((m.group("q"), m.group("a"), s.start - para_start))
    return out


def _sentences_before(by_paragraph: dict[tuple[str, int], list[Sentence]], article_id: str,
                      paragraph: int, position: int) -> list[Sentence]:
    """The two sentences that end before `position` (this paragraph or the one before)."""
    near = by_paragraph.get((article_id, paragraph - 1), []) + \
        by_paragraph.get((article_id, paragraph), [])
    return [s for s in near if s.end <= position][-2:]


def _speaker(para: str, m: re.Match) -> str:
    after = _AFTER.match(para[m.end():])
    if after:
        return after.group("a") or after.group("b")
    before = _BEFORE.search(para[:m.start()])
    return before.group("a") if before else ""


def _last_named(texts: list[str], name_words: set[str]) -> str:
    """Who "he" or "she" refers to: the first person named in the sentence that holds
    the pronoun (the last text), else in one of the sentences before it; else nobody."""
    for sentence in reversed(texts):
        for run in _CAPITALIZED_RUN.findall(sentence):
            words = [w for w in run.split() if w in name_words and w not in _NOT_PEOPLE]
            if words:
                return " ".join(run.split()[-2:]) if len(words) > 1 else words[0]
    return ""


def _speaker_words(articles: Sequence[Article], names: Counter) -> set[str]:
    """Words that may name a person: parts of two-word names and subjects of speech
    verbs, but never a place ("in Paris"), since countries and capitals "say" things too."""
    places = {w for a in articles for m in _PLACE.finditer(a.body) for w in m.group(1).split()}
    subjects = {m.group(1) for a in articles for m in _SPEAKS.finditer(a.body)}
    in_names = {w for n in names for w in n.split()}
    return {w for w in subjects | in_names if _could_be_name(w) and w not in places}


def _could_be_name(word: str) -> bool:
    return word not in _NOT_PEOPLE and word.lower() not in ENGLISH_STOP_WORDS


def _person_names(articles: Sequence[Article]) -> Counter:
    """Two-word capitalized names ("Jane Doe"), counted across all articles; a run such
    as "Minister Jane Doe" yields each neighbouring pair."""
    counts: Counter = Counter()
    sample, size = [], 0
    for article in articles:  # a day's names recur: the first couple of MB have them all
        if size > NAME_SAMPLE:
            break
        sample.append(article)
        size += len(article.body)
    lowercase = {w for a in sample for w in re.findall(r"\b[a-z]+\b", a.body)}
    for article in sample:
        body = article.body
        for m in _CAPITALIZED_RUN.finditer(body):
            words = m.group().split()
            starts = not m.start() or _SENTENCE_END.search(body, max(0, m.start() - 3), m.start())
            for i, (first, last) in enumerate(itertools.pairwise(words)):
                if i == 0 and starts and first.lower() in lowercase:
                    continue  # "Despite Smith ..." capitalizes a word that is not a name
                if _could_be_name(first) and _could_be_name(last):
                    counts[f"{first} {last}"] += 1
    return counts


def _full_name(speaker: str, names: Counter) -> str:
    words = re.sub(r"^(?:Mr|Mrs|Ms|Dr)\.\s", "", speaker).split()
    while len(words) > 1 and (words[0] in _NOT_PEOPLE or re.fullmatch(_TITLE, words[0])):
        words.pop(0)  # "Foreign Minister Jane Doe": the role is found apart, by _roles
    speaker = " ".join(words)
    if not speaker or words[0] in _NOT_PEOPLE:
        return ""
    if " " in speaker:
        return speaker
    matches = [(n, c) for n, c in names.items() if speaker in n.split()]
    return max(matches, key=lambda nc: nc[1])[0] if matches else speaker


def _key(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _merge(found: list[_Found]) -> list[Quote]:
    """One quote per distinct statement; its sources are every article that prints it."""
    merged: list[tuple[_Found, list[str], set[str]]] = []
    exact: dict[frozenset[str], list[str]] = {}  # the common case, without the pairwise scan
    for f in found:
        words = _key(f.text)
        if frozenset(words) in exact:
            sources = exact[frozenset(words)]
            if f.article_id not in sources:
                sources.append(f.article_id)
            continue
        for _, sources, seen in merged:
            overlap = len(words & seen) / max(1, min(len(words), len(seen)))
            if overlap >= 0.8:
                if f.article_id not in sources:
                    sources.append(f.article_id)
                break
        else:
            merged.append((f, [f.article_id], words))
            exact[frozenset(words)] = merged[-1][1]
    return [Quote(f.text, f.speaker, f.article_id, tuple(sources), reported=f.reported)
            for f, sources, _ in merged]
