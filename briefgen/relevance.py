"""How well a text fits a section: its words, and the shape of what it says.

Words: TF-IDF similarity to the section's query (title, description, cue
words and examples) plus the section's cues it contains, more for a cue few
sentences of the day contain, and less for a cue outside the main clause
("..., after talks with ..." is not an account of talks).

Shape (reading.py): a section whose own description and examples deny and
refuse draws negated sentences; one whose examples invite and plan draws
sentences about what is to come. The pull is relative to the other sections,
so a brief of one section is ranked by its words alone.

Denial: where a section draws negated sentences, the other sections' cues do
not count in the scope of a denial ("did not agree", "no prospect of peace"),
and a sentence whose only cues were denied is one for the section of denials.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from itertools import compress
from typing import NamedTuple

import numpy as np
from scipy import sparse

from . import cue_gate, vectors
from .config_brief import SectionConfig, regex_cue
from .corpus import Corpus
from .reading import denied_at, main_span, may_deny, profile, read
from .regex_start import alternation, group_name, local

CUE_WEIGHT, CUE_CAP = 0.5, 3  # relevance added per unit of cue weight, and its cap
OUTSIDE_MAIN_CLAUSE = 0.5  # weight of a cue found only outside the main clause
MIN_SIMILARITY = 0.2  # to the query, for a text that holds none of the section's cues
SHAPE_WEIGHT = 1.0  # relevance added when a text's shape matches the section's, per aspect


@lru_cache(maxsize=256)
def cue_pattern(cues: tuple[str, ...]) -> re.Pattern | None:
    """One pattern for a section's cues, each cue its own named group (c0, c1, ...).

    `meet*` matches words starting with meet; `/first.{0,40}since/` is a regular
    expression; any other cue matches as a whole word or phrase.
    """
    parts = []
    for n, cue in enumerate(c.strip() for c in cues):
        body = regex_cue(cue)
        if body is None and cue.rstrip("*"):
            body = re.escape(cue.rstrip("*")) + (r"\w*" if cue.endswith("*") else r"\b")
        if body is not None:
            parts.append((f"c{n}", body))
    # cues grouped by first letter: only those that can match at a word are tried there
    return re.compile(r"\b" + alternation(parts), re.I) if parts else None


Found = tuple[frozenset[str], frozenset[str]]  # a text's cues: in its main clause, anywhere


def find_cues(cues: tuple[str, ...], text: str, span: tuple[int, int] | None = None,
              deny: bool = False) -> Found:
    """The section's cues in the text's main clause (at `span`, its `main_span`), and
    anywhere in it; with `deny`, not those in the scope of a denial (`denied_at`).

    One scan of the whole text serves both when every cue matches within the main
    clause as it would in the clause alone (see `regex_start.local`) and no match
    crosses the clause's edge; otherwise the clause is scanned on its own, as it always
    was.
    """
    return _find(cue_pattern(cues), _local(cues), text,
                 (lambda: main_span(text)) if span is None else (lambda: span), deny=deny)


def _find(pattern: re.Pattern | None, local: bool, text: str,
          span_of: Callable[[], tuple[int, int]], first: int = 0, deny: bool = False
          ) -> Found:
    """`find_cues` with the cues' pattern and `_local` looked up already (the cues are a
    tuple of some hundred strings, hashed anew for every lookup), and the main clause
    asked of `span_of` only when it matters: not for a text a local pattern finds
    nothing in, which most texts are. No match in the text begins before `first` (see
    `cue_gate.CueGate.reach`): the text is searched from there. With `deny`, cues in
    the scope of a denial do not count; a text whose every cue is denied gets `DENIED`."""
    if pattern is None:
        return _NONE
    if local:
        matches = [(m.lastgroup, *m.span()) for m in pattern.finditer(text, first)]
        if not matches:  # nor in the main clause, which is scanned as in the text
            return _NONE
    else:
        start, end = span_of()
        if start == 0 and end == len(text) and not deny:  # the main clause is the whole text
            anywhere = _names([m.lastgroup for m in pattern.finditer(text, first)])
            return anywhere, anywhere
        matches = [(m.lastgroup, *m.span()) for m in pattern.finditer(text, first)]
    # most texts hold no denial before their last cue: then none of their cues is denied
    denies = deny and bool(matches) and may_deny(text[:matches[-1][1]])
    if denies:
        matches = [m for m in matches if not denied_at(text, m[1])]
        if not matches:
            return DENIED
    if local:
        start, end = span_of()
    anywhere = _names([name for name, _, _ in matches])
    if start == 0 and end == len(text):
        return anywhere, anywhere
    if local and not any(a < start < b or a < end < b for _, a, b in matches):
        main = _names([name for name, a, b in matches if start <= a and b <= end])
    else:
        main = _names([m.lastgroup for m in pattern.finditer(text[start:end])
                       if not (denies and denied_at(text, start + m.start()))])
    return main, anywhere


@lru_cache(maxsize=256)
def _local(cues: tuple[str, ...]) -> bool:
    """Whether every cue matches inside a main clause as in the clause alone: words,
    phrases and prefixes always do; a regular expression if `local` says so."""
    bodies = (regex_cue(c.strip()) for c in cues)
    return all(local(body) for body in bodies if body is not None)


_NONE: Found = (frozenset(), frozenset())
# no cue either, told by identity: the text held cues, each in the scope of a denial
DENIED: Found = (frozenset(), frozenset())
# group names found together -> their cues; one object per distinct set, as a large day
# has hundreds of thousands of texts and a few hundred sets of cues
_SETS: dict[frozenset[str], frozenset[str]] = {}


def _names(groups: list[str]) -> frozenset[str]:
    found = frozenset(groups)
    cues = _SETS.get(found)
    if cues is None:
        cues = _SETS[found] = frozenset(group_name(g) for g in found)
    return cues


def section_query(section: SectionConfig) -> str:
    words = [c.rstrip("*") for c in section.cues if not c.startswith("/")]
    return " ".join([section.title, section.description, *words, *section.examples])


def cue_weights(corpus: Corpus, section: SectionConfig,
                found: Sequence[Found] | None = None, deny: bool = False) -> dict[str, float]:
    """A cue found in few sentences says more than one found everywhere ("talks" in a
    story about talks): weight 1 for a cue in one sentence, near 0 for one in all.
    `found` holds the groups' cues when the caller has them already (those of the groups
    that may hold one are enough); `deny` as the section's cues are found (`find_cues`)."""
    # `deny` is not in the key: it follows from the brief's sections, the same all day
    key = (section.id, section.cues)
    if key not in corpus.cue_weight_cache:
        if found is None:
            found = [find_cues(section.cues, g.text, deny=deny) for g in corpus.groups]
        counts: dict[str, int] = {}
        for _, anywhere in found:
            for cue in anywhere:
                counts[cue] = counts.get(cue, 0) + 1
        total = math.log(len(corpus.groups) + 1)
        corpus.cue_weight_cache[key] = {
            c: math.log((len(corpus.groups) + 1) / n) / total for c, n in counts.items()}
    return corpus.cue_weight_cache[key]


class WordFit(NamedTuple):
    """Per text: how well it fits a section by its words, whether it holds one of the
    section's cues, and whether it held some, every one in the scope of a denial."""

    score: np.ndarray
    holds: np.ndarray
    all_denied: np.ndarray


def relevance(corpus: Corpus, section: SectionConfig, texts: Sequence[str] | None = None,
              rows: sparse.csr_matrix | None = None, spans: MainSpans | None = None,
              may_hold: Sequence[bool] | None = None, firsts: Sequence[int] | None = None,
              deny: bool = False, reach: np.ndarray | None = None) -> WordFit:
    """How well each text fits the section by its words: query similarity plus the
    weight of the section's cues it contains; -inf for a text that holds no cue and is
    not clearly similar to the query, nor in `reach`. Without texts, the corpus's groups;
    `spans` are the texts' main clauses when the caller shares them between sections, and
    `may_hold` says which texts may hold the section's cues at all (`cue_gate`): the
    others are not read; `firsts`, where in each a match may begin at the earliest.
    With `deny`, cues in the scope of a denial do not count (`find_cues`)."""
    of_groups = texts is None
    texts = [g.text for g in corpus.groups] if texts is None else texts
    rows = corpus.group_rows if rows is None else rows
    if not texts:
        return WordFit(np.zeros(0), np.zeros(0, dtype=bool), np.zeros(0, dtype=bool))
    query = vectors.transform(corpus.vectorizer, [section_query(section)])
    similarity = np.asarray((rows @ query.T).todense()).ravel()
    spans = MainSpans(texts) if spans is None else spans
    read = list(range(len(texts)) if may_hold is None
                else compress(range(len(texts)), may_hold))
    pattern, local = cue_pattern(section.cues), _local(section.cues)
    # the cues of the texts read; those not read hold none, and are not gone through again
    found = [_find(pattern, local, texts[i], partial(spans.__getitem__, i),
                   firsts[i] if firsts else 0, deny) for i in read]
    weights = cue_weights(corpus, section, found if of_groups else None, deny)
    cues = np.zeros(len(texts))
    cues[read] = cue_score(found, weights)
    all_denied = np.zeros(len(texts), dtype=bool)
    all_denied[[i for i, f in zip(read, found, strict=True) if f is DENIED]] = True
    score = similarity + CUE_WEIGHT * np.minimum(cues, CUE_CAP)
    if not section.cues:  # a section of only a title and a description takes any text
        return WordFit(score, cues > 0, all_denied)
    # Without any cue a text must be clearly similar to the query: no weather reports.
    reached = (cues > 0) | (similarity >= MIN_SIMILARITY)
    if reach is not None:
        reached |= reach
    return WordFit(np.where(reached, score, -np.inf), cues > 0, all_denied)


class MainSpans:
    """The texts' main clauses (`main_span`), each read when first asked for: once for
    all sections, and only for the texts some section's cues are found in."""

    def __init__(self, texts: Sequence[str]):
        self.texts = texts
        self.known: dict[int, tuple[int, int]] = {}

    def __getitem__(self, i: int) -> tuple[int, int]:
        span = self.known.get(i)
        if span is None:
            span = self.known[i] = main_span(self.texts[i])
        return span


def cue_score(found: Sequence[Found], weights: dict[str, float]) -> np.ndarray:
    """Per text, the weight of its cues: full in the main clause, less outside it. Worked
    out once per pair of cue sets found (a day has a few hundred), not once per text; the
    sets are told by identity (`_names` makes one object per distinct set)."""
    scores = np.zeros(len(found))
    known: dict[tuple[int, int], float] = {}
    for i, (main, anywhere) in enumerate(found):
        if not (main or anywhere):
            continue
        key = (id(main), id(anywhere))
        score = known.get(key)
        if score is None:
            # fsum: exact, so the same whatever order this run's string hashing gives a set
            score = known[key] = math.fsum(weights.get(c, 1.0) for c in main) \
                + OUTSIDE_MAIN_CLAUSE * math.fsum(weights.get(c, 1.0) for c in anywhere - main)
        scores[i] = score
    return scores


def shape_pull(sections: Sequence[SectionConfig]) -> np.ndarray:
    """Per section and aspect (negation, future), how much more its own texts show the
    aspect than the other sections' do."""
    profiles = np.array([profile([s.description, *s.examples]) for s in sections])
    return profiles - profiles.mean(axis=0)


def fit(corpus: Corpus, sections: Sequence[SectionConfig], texts: Sequence[str] | None = None,
        rows: sparse.csr_matrix | None = None) -> np.ndarray:
    """A (sections x texts) matrix: how well each text fits each section, words and shape;
    -inf where the section's words do not reach the text at all. Without texts, the
    corpus's groups."""
    shown = [g.text for g in corpus.groups] if texts is None else texts
    return word_fit(corpus, sections, texts, rows) + shape_fit(sections, shown)


def word_fit(corpus: Corpus, sections: Sequence[SectionConfig],
             texts: Sequence[str] | None = None, rows: sparse.csr_matrix | None = None
             ) -> np.ndarray:
    """`fit` by the words alone; `fit` adds `shape_fit`."""
    shown = [g.text for g in corpus.groups] if texts is None else texts
    gate = cue_gate.gate(tuple(s.cues for s in sections))
    reached = [gate.reach(t) for t in shown]  # bit n: section n may hold a cue of the text
    masks = [mask for mask, _ in reached]
    firsts = [first for _, first in reached]
    spans = MainSpans(shown)  # read once for all sections
    # The sections that draw negated sentences; the others' cues do not count where denied.
    draw = shape_pull(sections)[:, 0] > 0
    scores = np.empty((len(sections), len(shown)))
    holds = np.zeros((len(sections), len(shown)), dtype=bool)
    all_denied = np.zeros((len(sections), len(shown)), dtype=bool)
    for n in np.flatnonzero(~draw).tolist():  # ints: a mask of 64 sections or more is no int64
        scores[n], holds[n], all_denied[n] = relevance(
            corpus, sections[n], texts, rows, spans, [m >> n & 1 for m in masks],
            None if gate.always[n] else firsts, deny=bool(draw.any()))
    # A text whose only cues were denied says that something did not happen: the sections
    # that draw negated sentences reach it.
    reach = all_denied.any(axis=0) & ~holds.any(axis=0)
    for n in np.flatnonzero(draw).tolist():
        scores[n] = relevance(corpus, sections[n], texts, rows, spans,
                              [m >> n & 1 for m in masks], None if gate.always[n] else firsts,
                              reach=reach).score
    return scores


def shape_fit(sections: Sequence[SectionConfig], texts: Sequence[str]) -> np.ndarray:
    """`fit` by the texts' shapes alone: their readings, which choosing reads too."""
    shapes = np.array([read(t).aspects() for t in texts]).reshape(len(texts), -1)
    return SHAPE_WEIGHT * (shape_pull(sections) @ shapes.T)
