"""What the brief holds: its sections (what each is about, how many items, which
ranker), the summary on top, the quotes, and how lines from earlier editions are treated."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator, model_validator

from .config_base import Strict
from .config_errors import did_you_mean
from .ranker_names import RANKER_NAMES
from .regex_start import LEADING_FLAGS, joined_problem


def regex_cue(cue: str) -> str | None:
    """The regular expression a `/.../` cue is; None for a word, a phrase or a `prefix*`."""
    return cue[1:-1] if len(cue) > 2 and cue.startswith("/") and cue.endswith("/") else None


class SectionConfig(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    """Stable identifier, used in the JSON (`key_meetings`)."""
    title: str
    """Heading shown in the brief."""
    description: str = ""
    """Plain-language statement of what belongs here; part of the relevance query."""
    cues: tuple[str, ...] = ()
    """Words or phrases typical of this section; `meet*` matches any word starting with
    meet, and `/.../` is a regular expression."""
    examples: tuple[str, ...] = ()
    """Example sentences of the kind this section wants; part of the relevance query."""
    max_items: int = Field(default=5, ge=1, le=50)
    """At most this many items."""
    max_words: int = Field(default=200, ge=10, le=5000)
    """At most this many words of items."""
    ranker: str = "centrality"
    """How relevant sentences are ranked: `centrality` (fast, default) or a sumy summarizer."""
    quotes: int = Field(default=2, ge=0, le=20)
    """At most this many quotes shown in this section."""

    @field_validator("cues")
    @classmethod
    def _valid_cues(cls, cues: tuple[str, ...]) -> tuple[str, ...]:
        for cue in (c.strip() for c in cues):  # as relevance.cue_pattern reads them
            if not cue.rstrip("*"):
                raise ValueError(f"{cue!r}: an empty cue matches no word; leave it out")
            body = regex_cue(cue)
            if body is not None:
                if LEADING_FLAGS.match(body):  # "(?i)" in the middle of the section's one
                    # pattern fails; cues are matched ignoring case anyway
                    raise ValueError(f"{cue!r}: flags such as (?i) cannot open a cue (cues "
                                     "already match in any case); write (?i:...) around a "
                                     "part instead")
                try:  # on its own: one that closes its group (`a)|(b`) escapes the cue's
                    re.compile(body, re.I)
                    matches_empty = re.fullmatch(rf"(?:{body})", "") is not None
                except re.error as e:
                    raise ValueError(f"bad regular expression {cue!r}: {e}") from None
                joined = joined_problem(body)
                if joined:
                    raise ValueError(f"{cue!r}: {joined} cannot be used in a cue (a section's "
                                     "cues are joined into one pattern, where its groups get "
                                     "other names and numbers); write (?:...)")
                if matches_empty:
                    raise ValueError(f"{cue!r} matches where there is no text, so at every "
                                     "word; make a part of it required")
        return cues

    @field_validator("ranker")
    @classmethod
    def _known_ranker(cls, name: str) -> str:
        if name not in RANKER_NAMES:
            raise ValueError(f"expected one of {', '.join(RANKER_NAMES)}; got {name!r}"
                             + did_you_mean(name, RANKER_NAMES))
        return name


class SummaryConfig(Strict):
    max_items: int = Field(default=4, ge=0, le=10)
    """Sentences in the summary on top (0 turns it off)."""
    max_words: int = Field(default=110, ge=10, le=1000)


class QuoteConfig(Strict):
    min_words: int = Field(default=5, ge=1)
    """Shorter quotes (slogans, single words) are not shown."""
    max_words: int = Field(default=60, ge=5)
    """Longer quotes are not shown."""

    @model_validator(mode="after")
    def _some_length_fits(self) -> QuoteConfig:
        if self.min_words > self.max_words:
            raise ValueError(f"min_words ({self.min_words}) is over max_words "
                             f"({self.max_words}): no quote could be shown")
        return self


class ContinuityConfig(Strict):
    """How a brief treats what earlier editions in the archive (state_dir/briefs/) said."""

    days: int = Field(default=7, ge=1, le=366)
    """Editions of this many days before the brief's date count as already seen."""
    repeated: Literal["keep", "mark", "drop"] = "mark"
    """A repeated line: kept as it is, marked "since <date>", or left out."""
