"""The YAML config: the root of one pydantic schema, and load(), whose errors name file,
line and key.

The schema is the reference: every option has a type, a default and a docstring.
`load()` reports every problem at once, one line each, as
`config/brief.yaml:14: sections[2].ranker: expected one of ...; got 'lexrnk'`.

Here are the top-level options (Config) and the reading of the file; the groups of
options live beside it: the articles' (sources, fetch, limits, cleaning) in
config_sources, the brief's (sections, summary, quotes, continuity) in config_brief,
the daily job's (delivery, schedule) in config_delivery, each a strict model of
config_base; the error lines are made in config_errors, YAML is read in yaml_read.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, ValidationError, field_validator

from .config_base import PathText, Strict
from .config_brief import ContinuityConfig, QuoteConfig, SectionConfig, SummaryConfig
from .config_delivery import DeliveryConfig, ScheduleConfig
from .config_errors import describe_errors
from .config_sources import CleanConfig, FetchConfig, LimitsConfig, Source
from .errors import ConfigError
from .fsutil import exists, is_file
from .yaml_read import line_of, read_yaml

FORMATS = ("html", "pdf", "json", "md")
Format = Literal["html", "pdf", "json", "md"]


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
    templates: PathText | None = None
    """Directory searched before the packaged templates (restyle by copying one file)."""
    state_dir: PathText = ".briefgen"
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

    @field_validator("sections")
    @classmethod
    def _unique_section_ids(cls, sections: tuple[SectionConfig, ...]
                            ) -> tuple[SectionConfig, ...]:
        ids = [s.id for s in sections]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate section id {dupes[0]!r}")
        return sections

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
    except UnicodeDecodeError as e:  # the line, as YAML's errors name it
        line = e.object[:e.start].count(b"\n") + 1
        raise ConfigError(f"{path}:{line}: not UTF-8 text (byte {e.object[e.start]:#04x}); "
                          "save the config as UTF-8") from None
    except OSError as e:
        raise ConfigError(f"{path}: cannot read config: {e.strerror or e}") from None
    return parse(text, str(path), base_dir=path.parent)


def parse(text: str, name: str = "<config>", base_dir: Path = Path(".")) -> Config:
    data, root = read_yaml(text, name)
    if not isinstance(data, dict):
        raise ConfigError(f"{name}: expected a mapping of options at the top level")
    if "base_dir" in data:
        raise ConfigError(f"{name}: base_dir: set by briefgen, not a config option")
    try:
        config = Config.model_validate({**data, "base_dir": base_dir})
    except ValidationError as e:
        raise ConfigError(describe_errors(e, name, root, Config)) from None
    _rules_are_files(config, name, root)
    return config


def _rules_are_files(config: Config, name: str, root: yaml.Node | None) -> None:
    """A rules file that is there must be a file: `/dev/zero` was read until memory ran
    out, a named pipe waited for a writer. One that is missing is said when it is read."""
    for n, rules in enumerate(config.cleaning.rules):
        path = config.resolve(rules)
        if exists(path) and not is_file(path):
            line = line_of(root, ("cleaning", "rules", n))
            raise ConfigError(f"{name}:{line}: cleaning.rules[{n}]: {path}: not a file "
                              "(a folder, a device or a pipe); name a YAML file of rules")
