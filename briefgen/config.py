"""The YAML config: one pydantic schema, and errors that name file, line and key.

The schema below is the reference: every option has a type, a default and a
docstring. `load()` reports every problem at once, one line each, as
`config/brief.yaml:14: sections[2].ranker: expected one of ...; got 'lexrnk'`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, ValidationError, field_validator, model_validator

from .config_base import Strict
from .config_delivery import DeliveryConfig, ScheduleConfig
from .config_errors import describe_errors, did_you_mean
from .config_sources import CleanConfig, FetchConfig, LimitsConfig, Source
from .errors import ConfigError
from .ranker_names import RANKER_NAMES
from .regex_start import LEADING_FLAGS

FORMATS = ("html", "pdf", "json", "md")
Format = Literal["html", "pdf", "json", "md"]


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
        for cue in cues:
            body = regex_cue(cue)
            if body is not None:
                if LEADING_FLAGS.match(body):  # "(?i)" in the middle of the section's one
                    # pattern fails; cues are matched ignoring case anyway
                    raise ValueError(f"{cue!r}: flags such as (?i) cannot open a cue (cues "
                                     "already match in any case); write (?i:...) around a "
                                     "part instead")
                try:  # as it is used: one alternative among the section's cues
                    re.compile(rf"\b(?:{body})", re.I)
                except re.error as e:
                    raise ValueError(f"bad regular expression {cue!r}: {e}") from None
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


class ContinuityConfig(Strict):
    """How a brief treats what earlier editions in the archive (state_dir/briefs/) said."""

    days: int = Field(default=7, ge=1, le=366)
    """Editions of this many days before the brief's date count as already seen."""
    repeated: Literal["keep", "mark", "drop"] = "mark"
    """A repeated line: kept as it is, marked "since <date>", or left out."""


class Config(Strict):
    title: str = "Daily brief"
    """Title on the brief and in the PDF header."""
    sources: tuple[Source, ...] = ()
    """Where the articles come from; `briefgen build --input` replaces this list."""
    sections: tuple[SectionConfig, ...] = Field(min_length=1)
    """The brief's sections, in order."""
    max_words: int = Field(default=900, ge=10)
    """Word budget of the whole brief (summary and items); later sections get what is left."""
    summary: SummaryConfig = SummaryConfig()
    quotes: QuoteConfig = QuoteConfig()
    cleaning: CleanConfig = CleanConfig()
    formats: tuple[Format, ...] = FORMATS
    """Output formats written by `build`."""
    templates: str | None = None
    """Directory searched before the packaged templates (restyle by copying one file)."""
    state_dir: str = ".briefgen"
    """Where delivery state lives (ledger, outbox, fetched pages), relative to the config file."""
    fetch: FetchConfig = FetchConfig()
    limits: LimitsConfig = LimitsConfig()
    delivery: DeliveryConfig | None = None
    """Email settings for `send` and `run`."""
    schedule: ScheduleConfig = ScheduleConfig()
    continuity: ContinuityConfig = ContinuityConfig()
    """Archive and "new since yesterday" marks; on when the config sets `state_dir`."""
    broker: str | None = None
    """Redis URL of the desks' queue and delivery state (`briefgen dispatch`, `worker`,
    `status`); `$BRIEFGEN_BROKER_URL` wins. Unused by a single machine's `run`."""
    base_dir: Path = Path(".")
    """Set by load(): the config file's directory; relative paths resolve against it."""

    @field_validator("broker")
    @classmethod
    def _redis_url(cls, url: str | None) -> str | None:
        if url is not None and not re.match(r"^rediss?://", url):
            raise ValueError(f"expected a redis:// or rediss:// URL; got {url!r}")
        return url

    @model_validator(mode="after")
    def _unique_section_ids(self) -> Config:
        ids = [s.id for s in self.sections]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate section id {dupes[0]!r}")
        return self

    def resolve(self, path: str) -> Path:
        """A path from the config, relative to the config file's directory."""
        p = Path(path).expanduser()
        return p if p.is_absolute() else Path(os.path.normpath(self.base_dir / p))


def load(path: str | Path) -> Config:
    """Read and validate a config file; raise ConfigError listing every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read config: {e}") from None
    return parse(text, str(path), base_dir=path.parent)


def parse(text: str, name: str = "<config>", base_dir: Path = Path(".")) -> Config:
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{name}{line}: YAML syntax error: {e.problem or e.context}") from None
    except yaml.YAMLError as e:
        raise ConfigError(f"{name}: YAML error: {e}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{name}: expected a mapping of options at the top level")
    if "base_dir" in data:
        raise ConfigError(f"{name}: base_dir: set by briefgen, not a config option")
    try:
        return Config.model_validate({**data, "base_dir": base_dir})
    except ValidationError as e:
        raise ConfigError(describe_errors(e, name, root, Config)) from None
