"""The YAML config: one pydantic schema, and errors that name file, line and key.

The schema below is the reference: every option has a type, a default and a
docstring. `load()` reports every problem at once, one line each, as
`config/brief.yaml:14: sections[2].ranker: expected one of ...; got 'lexrnk'`.
"""

from __future__ import annotations

import os
import re
import string
from datetime import timedelta
from email.utils import parseaddr
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import ConfigDict, Field, ValidationError, field_validator, model_validator

from .config_base import Strict, parse_duration
from .config_errors import describe_errors, did_you_mean
from .errors import ConfigError
from .ranker_names import RANKER_NAMES
from .regex_start import LEADING_FLAGS

FORMATS = ("html", "pdf", "json", "md")
Format = Literal["html", "pdf", "json", "md"]

_ADDRESS = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")
_FIELDS = ("title", "date")
_SPEC = re.compile(r"^[<>^]?\d{0,3}(\.\d{1,3})?$")  # an alignment and widths below 1000


def check_template(text: str) -> str:
    """A format string that fills only {title} and {date}, at a bounded width."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as e:
        raise ValueError(f"bad format string {text!r}: {e}") from None
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in _FIELDS:
            raise ValueError(f"unknown field {{{name}}} in {text!r}; only {{title}} and "
                             "{date} are filled in (write {{ and }} for braces)")
        if conversion or (spec and not _SPEC.match(spec)):
            raise ValueError(f"{{{name}{'!' + conversion if conversion else ''}"
                             f"{':' + spec if spec else ''}}} in {text!r}: only an alignment "
                             "(<, >, ^) and a width below 1000 may follow the name")
    return text


def check_address(value: str) -> str:
    _, address = parseaddr(value)
    if not _ADDRESS.match(address) or any(c in value for c in "\r\n"):
        raise ValueError(f"not an email address: {value!r}")
    return value


class Source(Strict):
    """Exactly one of `path`, `feed` or `url`."""

    path: str | None = None
    """A file, a directory (read recursively) or a glob, relative to the config file."""
    feed: str | None = None
    """An RSS or Atom feed URL; each entry's linked page is fetched and its text extracted."""
    url: str | None = None
    """One web page."""
    since: str | None = None
    """Leave out articles older than this (`24h`, `2d`), counted back from the brief's date."""
    new_only: bool = False
    """Leave out feed entries already seen on an earlier day (kept in `state_dir`)."""

    @model_validator(mode="after")
    def _one_kind(self) -> Source:
        kinds = [k for k in ("path", "feed", "url") if getattr(self, k)]
        if len(kinds) != 1:
            raise ValueError("give exactly one of path, feed or url")
        for k in ("feed", "url"):
            value = getattr(self, k)
            if value and not re.match(r"^https?://[^\s/]+", value):
                raise ValueError(f"{k}: expected an http(s) URL; got {value!r}")
        if self.since:
            parse_duration(self.since)
        return self

    @property
    def window(self) -> timedelta | None:
        return parse_duration(self.since) if self.since else None


class FetchConfig(Strict):
    timeout: float = Field(default=20, gt=0, le=300)
    """Seconds a feed or page may stay silent before it is given up."""
    page_deadline: float = Field(default=60, gt=0, le=3600)
    """Seconds for one feed or page in all, redirects included, however slowly it arrives."""
    run_deadline: float = Field(default=600, gt=0, le=86400)
    """Seconds for all fetching of one build; later feeds and pages are skipped with a warning."""
    max_bytes: int = Field(default=2_000_000, ge=1000)
    """Larger responses are not read (a news page is far smaller)."""
    max_entries: int = Field(default=100, ge=1)
    """At most this many entries are taken from one feed."""
    max_redirects: int = Field(default=3, ge=0, le=10)
    user_agent: str = "briefgen/0.1 (+daily news brief; contact the operator)"


class LimitsConfig(Strict):
    max_file_bytes: int = Field(default=2_000_000, ge=1000)
    """Input files larger than this are skipped with a warning."""
    max_articles: int = Field(default=20_000, ge=1)
    """Articles beyond this many are skipped with a warning."""


class EmailConfig(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    sender: str = Field(alias="from")
    """The From address."""
    to: tuple[str, ...] = Field(min_length=1)
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()
    subject: str = "{title} {date}"
    """`{title}` and `{date}` are filled in (with an optional width, `{title:.60}`)."""

    @field_validator("subject")
    @classmethod
    def _subject(cls, value: str) -> str:
        return check_template(value)

    @field_validator("sender")
    @classmethod
    def _sender(cls, value: str) -> str:
        return check_address(value)

    @field_validator("to", "cc", "bcc")
    @classmethod
    def _recipients(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(check_address(v) for v in values)


class SmtpConfig(Strict):
    host: str
    port: int = Field(default=587, ge=1, le=65535)
    security: Literal["none", "starttls", "ssl"] = "starttls"
    username: str | None = None
    password_env: str | None = None
    """Name of the environment variable holding the password (never the password itself)."""
    timeout: float = Field(default=30, gt=0, le=600)


class DeliveryConfig(Strict):
    email: EmailConfig
    smtp: SmtpConfig
    resend_in_doubt: Literal["once", "never"] = "once"
    """A message that got no answer after it went out may have arrived: send it again once
    (with the same Message-ID), or never (it is then kept in state_dir/failed/)."""
    retry_after: str = "15m"
    """After a transient failure (4xx, server down), the first wait; it doubles up to a day."""

    @field_validator("retry_after")
    @classmethod
    def _duration(cls, value: str) -> str:
        parse_duration(value)
        return value


class ScheduleConfig(Strict):
    cron: str = "0 7 * * *"
    """When `briefgen schedule` runs the daily job (minute hour day month weekday)."""
    timezone: str = "UTC"
    lock_wait: str = "10m"
    """How long a run waits for another one to finish before it gives up with one line."""
    deadline: str = "1h"
    """The longest a run of `run` or `send` may take; then it stops with one line. What was
    sent is recorded before that, so the next run goes on from there."""

    @field_validator("lock_wait", "deadline")
    @classmethod
    def _duration(cls, value: str) -> str:
        parse_duration(value)
        return value

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, name: str) -> str:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {name!r}") from None
        return name

    @field_validator("cron")
    @classmethod
    def _cron(cls, expr: str) -> str:
        from apscheduler.triggers.cron import CronTrigger

        try:
            CronTrigger.from_crontab(expr)
        except ValueError as e:
            raise ValueError(f"bad cron expression {expr!r}: {e}") from None
        return expr


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


class CleanConfig(Strict):
    rules: tuple[str, ...] = ()
    """Extra furniture-rule YAML files (same shape as briefgen/data/furniture.yaml)."""


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
